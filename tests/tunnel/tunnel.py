#!/usr/bin/python3
"""Suite tunnel: real IPsec tunnels from our exported peer configurations.

    tunnel.py EXPORT_TOOL CASES_DIR WORK_DIR [SCENARIO…]

For each scenario: four network namespaces (cloudvm 10.0.0.10 – cloud
203.0.113.1 – peer 198.51.100.1 – peervm 192.168.50.10, documentation
addresses only), the cloud side rendered by Debian's python3-neutron-vpnaas
(neutron_cloud.py) and run by strongSwan's starter as Neutron's agent runs it,
the peer side from our export (swanctl.conf under charon-systemd with its own
vici socket, or the legacy ipsec.conf under the starter). Asserts both SAs
INSTALLED, a ping between the private hosts that fails before and passes
after, and growing SA counters; the negative scenarios must fail and name the
log line that says why. The Libreswan export goes through Libreswan's own
parser, from its unpacked Debian package, and its pluto (unpacked too, with
the libraries it lacks) brings up the IKE SA with the cloud; not the CHILD SA,
which pluto can only put in the kernel, and this kernel has no ESP.

The kernel here has no ESP, so both daemons use kernel-libipsec (ESP in
userspace over TUN). Everything created — namespaces, daemons (by pid),
temporary directories — is removed, also on failure. Needs root; otherwise
the whole suite is reported as skipped. TAP on stdout; no PSK is printed.
"""

import atexit
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

# Each scenario: a case file, the peer's configuration, who initiates, and
# for the negative ones what the cloud has different and the log line that
# must say why.
SCENARIOS = [
    dict(name='ikev1-aes128-sha1-group5-swanctl-cloud-initiates',
         case='v1-aes128-sha1-group5', peer='swanctl', initiator='cloud'),
    dict(name='ikev2-aes256-sha256-group14-two-cidrs-swanctl-peer-initiates',
         case='v2-aes256-sha256-group14', peer='swanctl', initiator='peer'),
    dict(name='ikev2-aes192-sha384-group14-swanctl-cloud-initiates',
         case='v2-aes192-sha384-group14', peer='swanctl', initiator='cloud'),
    dict(name='ikev1-aes256-sha256-group2-type-a-swanctl-peer-initiates',
         case='type-a-v1-aes256-group2', peer='swanctl', initiator='peer'),
    dict(name='ikev2-sha512-group15-fqdn-ids-swanctl-cloud-initiates',
         case='v2-aes256-sha512-group15-fqdn', peer='swanctl', initiator='cloud'),
    dict(name='ikev2-type-b-endpoint-address-swanctl-peer-initiates',
         case='type-b-v2-aes128-sha256', peer='swanctl', initiator='peer'),
    dict(name='ikev1-legacy-ipsec-conf-peer-initiates',
         case='v1-aes128-sha1-group5', peer='ipsec-conf', initiator='peer'),
    dict(name='ikev2-legacy-ipsec-conf-cloud-initiates',
         case='v2-aes256-sha256-group14', peer='ipsec-conf', initiator='cloud'),
    dict(name='ikev2-libreswan-ike-sa-peer-initiates',
         case='v2-aes192-sha384-group14', peer='libreswan', initiator='peer'),
    dict(name='negative-ikev2-different-psk',
         case='v2-aes192-sha384-group14', peer='swanctl', initiator='peer',
         cloud={'ipsec_site_connection': {'psk': 'another-throwaway-test-key'}},
         reason=r'AUTHENTICATION_FAILED|MAC mismatched|authentication of .* failed'),
    dict(name='negative-ikev1-different-pfs-group',
         case='v1-aes128-sha1-group5', peer='swanctl', initiator='peer',
         cloud={'ipsecpolicy': {'pfs': 'group14'}},
         reason=r'NO_PROPOSAL_CHOSEN|no matching proposal found'),
    dict(name='negative-dh-group-neutron-cannot-name',
         case='v2-ecp-groups', peer='swanctl', initiator='peer',
         reason=r'invalid .*proposal|skipped invalid proposal|algorithm .* not supported|unknown .*group'),
    dict(name='negative-ikev2-different-pfs-group-fails-at-rekey',
         case='v2-aes256-sha256-group14', peer='swanctl', initiator='peer',
         cloud={'ipsecpolicy': {'pfs': 'group5'}}, rekey=True,
         reason=r'NO_PROPOSAL_CHOSEN|no acceptable proposal found|failed to establish CHILD_SA'),
]

UP_TIMEOUT = 15.0
FAIL_WAIT = 6.0

STRONGSWAN_SNIPPET = """\
charon {
    plugins {
        kernel-libipsec {
            load = yes
        }
%(extra_plugins)s
    }
    filelog {
        test {
            path = %(log)s
            time_format = %%T
            default = 1
            ike = 2
            cfg = 2
            flush_line = yes
        }
    }
    syslog {
        daemon {
            default = -1
        }
    }
    journal {
        default = -1
    }
}
"""


class Failure(Exception):
    pass


def run(argv, check=True, **kwargs):
    result = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True, **kwargs)
    if check and result.returncode != 0:
        raise Failure('%s failed (%d): %s' % (' '.join(argv[:6]), result.returncode,
                                              result.stdout.strip()[-400:]))
    return result


def diag(text):
    for line in text.splitlines():
        print('# ' + line, flush=True)


class Topology:
    """Four namespaces joined by veth pairs; the private subnets reach each
    other only through the tunnel."""

    def __init__(self, prefix):
        self.ns = {role: '%s-%s' % (prefix, role) for role in ('cloudvm', 'cloud', 'peer', 'peervm')}
        self.created = []

    def ip(self, role, *args):
        return run(['ip', '-n', self.ns[role]] + list(args))

    def exec(self, role, argv, **kwargs):
        return run(['ip', 'netns', 'exec', self.ns[role]] + argv, **kwargs)

    def link(self, a, a_if, b, b_if):
        run(['ip', 'link', 'add', a_if, 'netns', self.ns[a], 'type', 'veth',
             'peer', 'name', b_if, 'netns', self.ns[b]])

    def build(self, peer_cidrs):
        for name in self.ns.values():
            run(['ip', 'netns', 'add', name])
            self.created.append(name)
            run(['ip', '-n', name, 'link', 'set', 'lo', 'up'])
        self.link('cloudvm', 'eth0', 'cloud', 'in0')
        self.link('cloud', 'wan0', 'peer', 'wan0')
        self.link('peer', 'in0', 'peervm', 'eth0')
        for role, dev, addr in (('cloudvm', 'eth0', '10.0.0.10/24'), ('cloud', 'in0', '10.0.0.1/24'),
                                ('cloud', 'wan0', '203.0.113.1/24'), ('peer', 'wan0', '198.51.100.1/24'),
                                ('peer', 'in0', '192.168.50.1/24'), ('peervm', 'eth0', '192.168.50.10/24')):
            self.ip(role, 'addr', 'add', addr, 'dev', dev)
            self.ip(role, 'link', 'set', dev, 'up')
        # the two gateways see each other on one link; no other routes
        self.ip('cloud', 'route', 'add', '198.51.100.1/32', 'dev', 'wan0')
        self.ip('peer', 'route', 'add', '203.0.113.1/32', 'dev', 'wan0')
        self.ip('cloudvm', 'route', 'add', 'default', 'via', '10.0.0.1')
        self.ip('peervm', 'route', 'add', 'default', 'via', '192.168.50.1')
        # more peer networks: more addresses on the inside interface
        for cidr in peer_cidrs:
            if not cidr.startswith('192.168.50.'):
                self.ip('peer', 'addr', 'add', cidr.replace('.0/', '.1/'), 'dev', 'in0')

        for role in ('cloud', 'peer'):
            self.exec(role, ['sysctl', '-qw', 'net.ipv4.ip_forward=1'])

    def ping(self, count=3):
        return self.exec('peervm', ['ping', '-n', '-c', str(count), '-i', '0.2', '-W', '2', '10.0.0.10'],
                         check=False).returncode == 0

    def destroy(self):
        for name in reversed(self.created):
            run(['ip', 'netns', 'del', name], check=False)
        self.created = []


def kill_pid(pid):
    """Ends a daemon this test started, by its pid, and waits for it."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return
        except ChildProcessError:
            pass
        time.sleep(0.05)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class Starter:
    """strongSwan's legacy starter + charon in a namespace, with /etc and
    /var/run bind-mounted from its own directory, as Neutron's
    neutron-vpn-netns-wrapper runs it (--mount_paths=/etc:DIR/etc,/var/run:DIR/var/run)."""

    def __init__(self, topology, role, config_dir):
        self.topology = topology
        self.role = role
        self.dir = config_dir
        self.pids = []
        self.log = os.path.join(config_dir, 'charon.log')

    def ipsec(self, *args, check=True):
        script = 'mount --bind "$1/etc" /etc && mount --bind "$1/var/run" /var/run && shift && exec ipsec "$@"'
        return self.topology.exec(self.role, ['sh', '-c', script, 'sh', self.dir] + list(args), check=check)

    def start(self):
        os.makedirs(os.path.join(self.dir, 'var', 'run'), exist_ok=True)
        snippet = STRONGSWAN_SNIPPET % dict(log=self.log, extra_plugins='')
        with open(os.path.join(self.dir, 'etc', 'strongswan.d', 'zz-tunnels-test.conf'), 'w') as f:
            f.write(snippet)
        self.ipsec('start')
        for name in ('starter.charon.pid', 'charon.pid'):
            path = os.path.join(self.dir, 'var', 'run', name)
            for _ in range(100):
                if os.path.exists(path):
                    break
                time.sleep(0.02)
            for _ in range(100):
                with open(path) as f:
                    text = f.read().strip()
                if text:
                    break
                time.sleep(0.02)
            self.pids.append(int(text))

    def up(self, name):
        # Neutron's agent: `ipsec stroke up-nb` right after start fails
        # until the connection is loaded; retry
        deadline = time.monotonic() + 5
        while True:
            result = self.ipsec('stroke', 'up-nb', name, check=False)
            if result.returncode == 0 and 'no config named' not in result.stdout:
                return
            if time.monotonic() > deadline:
                raise Failure('ipsec stroke up-nb %s: %s' % (name, result.stdout.strip()))
            time.sleep(0.1)

    def status(self):
        return self.ipsec('statusall', check=False).stdout

    def installed(self):
        return 'INSTALLED' in self.status()

    def bytes_in(self):
        return sum(int(n) for n in re.findall(r'(\d+) bytes_i', self.status()))

    def stop(self):
        for pid in reversed(self.pids):
            kill_pid(pid)
        self.pids = []


class Swanctl:
    """charon-systemd with its own strongswan.conf and vici socket, loaded
    with swanctl from our exported swanctl.conf."""

    def __init__(self, topology, role, config_dir, conf):
        self.topology = topology
        self.role = role
        self.dir = config_dir
        self.conf = conf
        self.uri = 'unix://' + os.path.join(config_dir, 'charon.vici')
        self.log = os.path.join(config_dir, 'charon.log')
        self.process = None

    def swanctl(self, *args, check=True):
        return self.topology.exec(self.role, ['swanctl'] + list(args) + ['--uri', self.uri], check=check)

    def start(self):
        strongswan_conf = os.path.join(self.dir, 'strongswan.conf')
        extra = ('        vici {\n            socket = %s\n        }\n'
                 '        stroke {\n            load = no\n        }\n') % self.uri
        with open(strongswan_conf, 'w') as f:
            f.write('charon {\n    load_modular = yes\n    plugins {\n'
                    '        include /etc/strongswan.d/charon/*.conf\n    }\n}\n')
            f.write(STRONGSWAN_SNIPPET % dict(log=self.log, extra_plugins=extra))
        env = dict(os.environ, STRONGSWAN_CONF=strongswan_conf)
        self.process = subprocess.Popen(['ip', 'netns', 'exec', self.topology.ns[self.role], 'charon-systemd'],
                                        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 5
        while True:
            result = self.swanctl('--load-all', '--file', self.conf, check=False)
            if result.returncode == 0:
                return
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise Failure('swanctl --load-all: ' + result.stdout.strip()[-400:])
            time.sleep(0.05)

    def up(self, name):
        self.swanctl('--initiate', '--child', name, '--timeout', '10', check=False)

    def status(self):
        return self.swanctl('--list-sas', check=False).stdout

    def installed(self):
        return 'INSTALLED' in self.status()

    def bytes_in(self):
        return sum(int(n) for n in re.findall(r'in\s+[0-9a-f]+(?:_i)?(?:\s*\(-\|0x[0-9a-f]+\))?,\s+(\d+) bytes',
                                              self.status()))

    def rekey(self, name):
        return self.swanctl('--rekey', '--child', name, check=False)

    def stop(self):
        if self.process is not None:
            kill_pid(self.process.pid)
            self.process.wait()
            self.process = None


class LegacyPeer(Starter):
    """The peer from our exported ipsec.conf + ipsec.secrets, under the starter."""

    def __init__(self, topology, role, config_dir, export_dir):
        Starter.__init__(self, topology, role, config_dir)
        etc = os.path.join(config_dir, 'etc')
        shutil.copytree('/etc/strongswan.d', os.path.join(etc, 'strongswan.d'), symlinks=True)
        shutil.copy('/etc/strongswan.conf', etc)
        for name in ('ipsec.conf', 'ipsec.secrets'):
            shutil.copy(os.path.join(export_dir, name), etc)
        os.chmod(os.path.join(etc, 'ipsec.secrets'), 0o600)


class LibreswanPeer:
    """Libreswan's pluto from the unpacked Debian package, in the peer
    namespace, with our exported conn file (included unchanged from a
    minimal ipsec.conf) and our exported .secrets as its secrets file, its
    own NSS database, run directory and control socket."""

    def __init__(self, topology, role, config_dir, export_dir, files, root):
        self.topology = topology
        self.role = role
        self.dir = config_dir
        self.root = root
        self.libexec = os.path.join(root, 'usr', 'libexec', 'ipsec')
        # its libraries, and its `ipsec` (which pluto's updown calls) before strongSwan's
        self.env = dict(os.environ, LD_LIBRARY_PATH=':'.join(
            sorted({os.path.dirname(p) for p in glob.glob(os.path.join(root, 'usr', 'lib', '*', '*.so*'))})),
            PATH=os.path.join(root, 'usr', 'sbin') + ':' + os.environ.get('PATH', '/usr/sbin:/usr/bin'))
        self.conn_file = os.path.join(export_dir, next(f for f in files if f.endswith('.conf')))
        self.secrets = os.path.join(export_dir, next(f for f in files if f.endswith('.secrets')))
        self.nss = os.path.join(config_dir, 'nss')
        self.rundir = os.path.join(config_dir, 'run')
        self.ctl = os.path.join(self.rundir, 'pluto.ctl')
        self.log = os.path.join(config_dir, 'pluto.log')
        self.conf = os.path.join(config_dir, 'ipsec.conf')
        self.process = None
        with open(self.conn_file) as f:
            self.names = re.findall(r'^conn (\S+)', f.read(), re.M)

    def tool(self, name, *args, check=True):
        return self.topology.exec(self.role, [os.path.join(self.libexec, name)] + list(args),
                                  check=check, env=self.env)

    def whack(self, *args, check=True):
        return self.tool('whack', '--ctlsocket', self.ctl, *args, check=check)

    def start(self):
        os.makedirs(self.nss)
        os.makedirs(self.rundir)
        run([os.path.join(self.root, 'usr', 'bin', 'certutil'), '-N', '--empty-password',
             '-d', 'sql:' + self.nss], env=self.env)
        with open(self.conf, 'w') as f:
            f.write('config setup\n'
                    '    logfile=%s\n'
                    '    dnssec-enable=no\n'
                    '\n'
                    'include %s\n' % (self.log, self.conn_file))
        # pluto runs /usr/libexec/ipsec/addconn, a path built in: in its own
        # mount namespace (ip netns exec makes one), the unpacked package's
        # /usr/libexec is bind-mounted there, as Neutron's wrapper does with
        # /etc and /var/run
        script = 'mount --bind "$1" /usr/libexec && shift && exec "$@"'
        self.process = subprocess.Popen(
            ['ip', 'netns', 'exec', self.topology.ns[self.role], 'sh', '-c', script, 'sh',
             os.path.join(self.root, 'usr', 'libexec'), os.path.join(self.libexec, 'pluto'),
             '--nofork', '--config', self.conf, '--secretsfile', self.secrets, '--nssdir', self.nss,
             '--rundir', self.rundir, '--ipsecdir', self.dir, '--logfile', self.log, '--no-dnssec',
             '--log-no-audit'],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_for(lambda: os.path.exists(self.ctl) or self.process.poll() is not None, 5) \
                or self.process.poll() is not None:
            raise Failure('pluto did not start: ' + self.tail())
        # pluto runs `addconn --autoall` itself once it listens: wait for our conns
        if not wait_for(lambda: all('"%s":' % n in self.status() for n in self.names), 5):
            raise Failure('pluto did not load %s: %s' % (', '.join(self.names), self.tail()))

    def up(self, name):
        self.whack('--name', name, '--initiate', '--asynchronous', check=False)

    def status(self):
        return self.whack('--status', check=False).stdout

    def tail(self, lines=15):
        try:
            with open(self.log, errors='replace') as f:
                return ''.join(f.readlines()[-lines:])
        except FileNotFoundError:
            return '(no log)'

    def stop(self):
        if self.process is not None:
            kill_pid(self.process.pid)
            self.process.wait()
            self.process = None


def export(tool, case_path, target, out_dir, with_psk=True):
    os.makedirs(out_dir, exist_ok=True)
    args = [tool, case_path, target, out_dir] + (['--with-psk'] if with_psk else [])
    result = run(args)
    return [line.split(' ', 1)[1] for line in result.stdout.splitlines() if line.startswith('file ')]


def wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def find_reason(pattern, *logs):
    for log in logs:
        try:
            with open(log, errors='replace') as f:
                for line in f:
                    if re.search(pattern, line):
                        return line.strip()
        except FileNotFoundError:
            pass
    return None


def run_scenario(scenario, tool, cases_dir, work_dir, index, cleanups):
    import neutron_cloud

    case_path = os.path.join(cases_dir, scenario['case'] + '.json')
    with open(case_path) as f:
        case = json.load(f)
    tmp = tempfile.mkdtemp(prefix='tn-tunnel-', dir=work_dir)
    cleanups.append(lambda: shutil.rmtree(tmp, ignore_errors=True))
    topology = Topology('tn%d-%d' % (os.getpid() % 100000, index))
    cleanups.append(topology.destroy)
    topology.build(case['ipsec_site_connection']['peer_cidrs'])

    if topology.ping(count=1):
        raise Failure('the private hosts reach each other before IPsec')

    # the cloud: Neutron's own rendering, run as its agent runs it
    config_dir, conn_id = neutron_cloud.render(case_path, os.path.join(tmp, 'cloud'), scenario.get('cloud'))
    cloud = Starter(topology, 'cloud', config_dir)
    cleanups.append(cloud.stop)

    # the peer: our export
    export_dir = os.path.join(tmp, 'export')
    files = export(tool, case_path, scenario['peer'], export_dir)
    peer_dir = os.path.join(tmp, 'peer')
    os.makedirs(os.path.join(peer_dir, 'etc'))
    if scenario['peer'] == 'libreswan':
        peer = LibreswanPeer(topology, 'peer', peer_dir, export_dir, files,
                             libreswan_root(work_dir, LIBRESWAN_PACKAGES))
        child = peer.names[0]
    elif scenario['peer'] == 'swanctl':
        conf = os.path.join(export_dir, 'swanctl.conf')
        with open(conf) as f:
            child = re.search(r'children \{\s*(\S+) \{', f.read()).group(1)
        peer = Swanctl(topology, 'peer', peer_dir, conf)
    else:
        with open(os.path.join(export_dir, 'ipsec.conf')) as f:
            child = re.search(r'^conn (\S+)', f.read(), re.M).group(1)
        peer = LegacyPeer(topology, 'peer', peer_dir, export_dir)
    cleanups.append(peer.stop)

    started = time.monotonic()
    cloud.start()
    peer.start()
    if scenario['initiator'] == 'cloud':
        cloud.up(conn_id)
    else:
        peer.up(child)

    if scenario['peer'] == 'libreswan':
        return libreswan_ike_sa(cloud, peer, topology, started)

    both_up = lambda: cloud.installed() and peer.installed()
    if 'reason' in scenario and not scenario.get('rekey'):
        wait_for(lambda: find_reason(scenario['reason'], peer.log, cloud.log) is not None, FAIL_WAIT)
        time.sleep(0.5)
        if both_up():
            raise Failure('the tunnel came up although the cloud differs')
        reason = find_reason(scenario['reason'], peer.log, cloud.log)
        if reason is None:
            raise Failure('no log line says why the tunnel failed (%s)' % scenario['reason'])
        return 'failed as it must: %s' % reason

    if not wait_for(both_up, UP_TIMEOUT):
        diag('cloud:\n' + cloud.status() + '\npeer:\n' + peer.status())
        raise Failure('the SAs are not INSTALLED on both sides after %.0f s' % UP_TIMEOUT)
    up_time = time.monotonic() - started

    if scenario.get('rekey'):
        peer.rekey(child)
        if not wait_for(lambda: find_reason(scenario['reason'], peer.log, cloud.log) is not None, FAIL_WAIT):
            raise Failure('the CHILD SA rekey did not fail although the PFS groups differ')
        return 'came up (%.2f s), then the rekey failed as it must: %s' % (
            up_time, find_reason(scenario['reason'], peer.log, cloud.log))

    before = (cloud.bytes_in(), peer.bytes_in())
    if not topology.ping():
        raise Failure('no ping through the tunnel')
    after = (cloud.bytes_in(), peer.bytes_in())
    if not (after[0] > before[0] and after[1] > before[1]):
        raise Failure('the SA counters did not grow: %s → %s' % (before, after))
    return 'up in %.2f s; ping passes; bytes in: cloud %d → %d, peer %d → %d' % (
        up_time, before[0], after[0], before[1], after[1])


# Libreswan against the cloud: pluto's line for the IKE SA, strongSwan's on
# the cloud side, and pluto's for the CHILD SA it cannot install here.
PLUTO_IKE_SA = r'initiator established IKE SA; authenticated peer'
CLOUD_IKE_SA = r'IKE_SA \S+\[\d+\] established between 203\.0\.113\.1\[203\.0\.113\.1\]\.\.\.198\.51\.100\.1\['
CLOUD_STATUS = r'ESTABLISHED .*203\.0\.113\.1\[203\.0\.113\.1\]\.\.\.198\.51\.100\.1\['
PLUTO_NO_ESP = r'netlink response for Add SA esp\.\S+: Protocol not supported'
PLUTO_CHILD_SA = r'established Child SA'


def libreswan_ike_sa(cloud, peer, topology, started):
    """Libreswan's IKEv2 SA comes up against the cloud's strongSwan. Its
    CHILD SA cannot here: pluto only does ESP in the kernel (XFRM), which
    has no ESP, and has nothing like strongSwan's kernel-libipsec. That is
    asserted too, so that a kernel with ESP makes this scenario fail and be
    extended to a whole tunnel."""
    if not wait_for(lambda: find_reason(PLUTO_IKE_SA, peer.log) is not None, UP_TIMEOUT):
        diag('pluto:\n' + peer.tail(25) + '\ncloud:\n' + cloud.status())
        raise Failure('pluto did not establish the IKE SA with the cloud after %.0f s' % UP_TIMEOUT)
    up_time = time.monotonic() - started
    if find_reason(CLOUD_IKE_SA, cloud.log) is None:
        raise Failure('the cloud logged no IKE SA established with the peer')
    if not wait_for(lambda: re.search(CLOUD_STATUS, cloud.status()) is not None, 5):
        diag(cloud.status())
        raise Failure('the cloud lists no ESTABLISHED IKE SA with the peer')
    if not wait_for(lambda: find_reason(PLUTO_NO_ESP, peer.log) is not None, FAIL_WAIT):
        diag('pluto:\n' + peer.tail(25))
        raise Failure('pluto did not fail to install the CHILD SA: does the kernel have ESP now? '
                      'then assert the whole tunnel here')
    if find_reason(PLUTO_CHILD_SA, peer.log) is not None:
        raise Failure('pluto established a CHILD SA: %s' % find_reason(PLUTO_CHILD_SA, peer.log))
    if topology.ping(count=1):
        raise Failure('the private hosts reach each other without a CHILD SA on the peer')
    return ('IKE SA up in %.2f s\npluto: %s\ncloud: %s\n'
            'no CHILD SA, as expected without kernel ESP: %s' % (
                up_time, find_reason(PLUTO_IKE_SA, peer.log), find_reason(CLOUD_IKE_SA, cloud.log),
                find_reason(PLUTO_NO_ESP, peer.log)))


# Libreswan's Debian package and what pluto, whack and certutil need that
# strongSwan's packages do not bring: package → a file it unpacks (a glob
# under the root).
LIBRESWAN_PACKAGES = (
    ('libreswan', 'usr/libexec/ipsec/pluto'),
    ('libldns3', 'usr/lib/*/libldns.so.3'),
    ('libevent-pthreads-2.1-7', 'usr/lib/*/libevent_pthreads-2.1.so.7'),
    ('libnss3-tools', 'usr/bin/certutil'),
)


def libreswan_root(work_dir, packages=LIBRESWAN_PACKAGES[:1]):
    """Libreswan's Debian package, unpacked (it conflicts with strongSwan,
    so it is never installed), with PACKAGES (downloaded once, kept in the
    cache)."""
    cache = os.environ.get('TN_TUNNEL_CACHE', os.path.join(work_dir, 'cache'))
    root = os.path.join(cache, 'libreswan')
    os.makedirs(cache, exist_ok=True)
    for package, provides in packages:
        if glob.glob(os.path.join(root, provides)):
            continue
        prefix = package + '_'
        result = run(['apt-get', 'download', package], check=False, cwd=cache)
        debs = sorted(f for f in os.listdir(cache) if f.startswith(prefix) and f.endswith('.deb'))
        if not debs:
            raise Failure('apt-get download %s: %s' % (package, result.stdout.strip()[-300:]))
        run(['dpkg', '-x', os.path.join(cache, debs[-1]), root])
        if package == 'libreswan':
            with open(os.path.join(cache, 'libreswan.version'), 'w') as f:
                f.write(debs[-1] + '\n')
    return root


def check_libreswan(tool, cases_dir, work_dir):
    root = libreswan_root(work_dir)
    libexec = os.path.join(root, 'usr', 'libexec', 'ipsec')
    deb = os.path.join(root, '..', 'libreswan.version')
    version = open(deb).read().strip() if os.path.exists(deb) else '?'
    checked = []
    for name in sorted(os.listdir(cases_dir)):
        if not name.endswith('.json'):
            continue
        out = tempfile.mkdtemp(prefix='tn-libreswan-', dir=work_dir)
        try:
            files = export(tool, os.path.join(cases_dir, name), 'libreswan', out)
            conf = os.path.join(out, files[0])
            with open(conf) as f:
                text = f.read()
            # a whole ipsec.conf: config setup, then our conn
            whole = os.path.join(out, 'ipsec.conf')
            with open(whole, 'w') as f:
                f.write('config setup\n\n' + text)
            result = run([os.path.join(libexec, 'addconn'), '--config', whole, '--checkconfig'], check=False)
            if result.returncode != 0:
                raise Failure('%s: addconn --checkconfig: %s' % (name, result.stdout.strip()))
            version_flag = '-v2' if 'ikev2=yes' in text else '-v1'
            refused = []
            for key in ('ike', 'esp'):
                proposal = re.search(r'^\s+%s=(\S+)' % key, text, re.M).group(1)
                result = run([os.path.join(libexec, 'algparse'), version_flag, '-pfs', '%s=%s' % (key, proposal)],
                             check=False)
                bad = result.returncode != 0 or 'ERROR' in result.stdout or 'ignoring' in result.stdout
                if bad and 'modp1024' in proposal and 'WARNING: Libreswan 5.5 and later no longer have DH group 2' in text:
                    # the export warned: this Libreswan has no group 2
                    refused.append('%s=%s' % (key, proposal))
                elif bad:
                    raise Failure('%s: algparse %s=%s: %s' % (name, key, proposal, result.stdout.strip()))
            checked.append(name[:-5] + (' (refuses %s, as warned)' % ', '.join(refused) if refused else ''))
        finally:
            shutil.rmtree(out, ignore_errors=True)
    return '%s parsed %d exports: %s' % (version, len(checked), ', '.join(checked))


def main():
    if len(sys.argv) < 4:
        print('usage: tunnel.py EXPORT_TOOL CASES_DIR WORK_DIR [SCENARIO…]', file=sys.stderr)
        return 2
    tool, cases_dir, work_dir = (os.path.abspath(a) for a in sys.argv[1:4])
    wanted = sys.argv[4:]
    scenarios = [s for s in SCENARIOS if not wanted or s['name'] in wanted]
    with_libreswan = not wanted or 'libreswan' in wanted

    if os.geteuid() != 0:
        print('1..0 # SKIP the tunnel suite needs root: it creates network namespaces and runs IPsec daemons')
        return 0
    if not os.path.exists('/dev/net/tun'):
        print('1..0 # SKIP no /dev/net/tun: kernel-libipsec needs a TUN device')
        return 0

    os.makedirs(work_dir, exist_ok=True)
    cleanups = []

    def clean_up():
        while cleanups:
            try:
                cleanups.pop()()
            except Exception as e:  # keep removing the rest
                print('# cleanup: %s' % e, flush=True)

    atexit.register(clean_up)
    signal.signal(signal.SIGTERM, lambda *args: sys.exit(1))
    signal.signal(signal.SIGINT, lambda *args: sys.exit(1))

    total = len(scenarios) + (1 if with_libreswan else 0)
    print('1..%d' % total, flush=True)
    number = 0
    failed = 0
    suite_start = time.monotonic()
    for index, scenario in enumerate(scenarios):
        number += 1
        start = time.monotonic()
        try:
            detail = run_scenario(scenario, tool, cases_dir, work_dir, index, cleanups)
            print('ok %d - %s (%.1f s)' % (number, scenario['name'], time.monotonic() - start), flush=True)
            diag(detail)
        except Exception as e:
            failed += 1
            print('not ok %d - %s (%.1f s)' % (number, scenario['name'], time.monotonic() - start), flush=True)
            diag('%s: %s' % (type(e).__name__, e))
        finally:
            clean_up()

    if with_libreswan:
        number += 1
        try:
            detail = check_libreswan(tool, cases_dir, work_dir)
            print('ok %d - libreswan parses every export' % number, flush=True)
            diag(detail)
        except Exception as e:
            failed += 1
            print('not ok %d - libreswan parses every export' % number, flush=True)
            diag('%s: %s' % (type(e).__name__, e))

    diag('suite took %.1f s' % (time.monotonic() - suite_start))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
