#!/usr/bin/python3
# Interop: Debian's `openstack` CLI (python3-openstackclient +
# python3-neutronclient) against the sandbox cloud, started on 127.0.0.1
# port 0 as a subprocess. Signs in with a password as the demo project's
# user (a plain member) and creates, lists, shows, updates and deletes every
# VPN resource in RegionOne, with the network, subnet and router they need;
# what only an administrator may do, it does as the sandbox's admin. Output
# is TAP.
#
#   interop.py PATH/TO/tunnels-sandbox
#
# Only 127.0.0.1 is ever a target.

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

tests = []


def sandbox_accounts():
    """The sandbox's built-in accounts, from its header (one source of truth)."""
    header = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "sandbox", "tn-sandbox.h")
    with open(header) as f:
        defines = dict(re.findall(r'^#define\s+(TN_SANDBOX_\w+)\s+"([^"]*)"', f.read(), re.M))
    return {
        "demo": (defines["TN_SANDBOX_USER"], defines["TN_SANDBOX_PASSWORD"], defines["TN_SANDBOX_PROJECT"]),
        "admin": (defines["TN_SANDBOX_ADMIN_USER"], defines["TN_SANDBOX_ADMIN_PASSWORD"],
                  defines["TN_SANDBOX_ADMIN_PROJECT"]),
    }


def case(description):
    def register(function):
        tests.append((description, function))
        return function
    return register


class Cloud:
    def __init__(self, program):
        self.process = subprocess.Popen(
            [program, "--port", "0", "--settle-delay", "50"],
            stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
        self.auth_url = self.process.stdout.readline().strip()
        if not self.auth_url.startswith("http://127.0.0.1:"):
            raise RuntimeError("tunnels-sandbox printed %r" % self.auth_url)
        base = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
        base.update({
            "OS_AUTH_URL": self.auth_url,
            "OS_IDENTITY_API_VERSION": "3",
            "OS_USER_DOMAIN_NAME": "Default",
            "OS_PROJECT_DOMAIN_NAME": "Default",
            "OS_REGION_NAME": "RegionOne",
            "OS_INTERFACE": "public",
            "no_proxy": "127.0.0.1",
        })
        for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
            base.pop(proxy, None)
        self.envs = {}
        for who, (user, password, project) in sandbox_accounts().items():
            self.envs[who] = dict(base, OS_USERNAME=user, OS_PASSWORD=password, OS_PROJECT_NAME=project)

    def run(self, *args, expect_json=True, as_="demo"):
        argv = ["openstack"] + list(args)
        if expect_json:
            argv += ["-f", "json"]
        done = subprocess.run(argv, env=self.envs[as_], capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise AssertionError("%s failed (%d): %s" % (" ".join(args), done.returncode, done.stderr.strip()))
        return json.loads(done.stdout) if expect_json and done.stdout.strip() else done.stdout

    def fails(self, *args, as_="demo"):
        done = subprocess.run(["openstack"] + list(args), env=self.envs[as_], capture_output=True, text=True,
                              timeout=60)
        if done.returncode == 0:
            raise AssertionError("%s succeeded, expected a failure" % " ".join(args))
        return done.stderr

    def stop(self):
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()


def check(condition, message):
    if not condition:
        raise AssertionError(message)


ids = {}


@case("network, subnet and router with a gateway and an interface")
def network_setup(cloud):
    net = cloud.run("network", "create", "interop-net")
    ids["net"] = net["id"]
    subnet = cloud.run("subnet", "create", "interop-subnet", "--network", "interop-net",
                       "--subnet-range", "10.77.0.0/24")
    check(subnet["cidr"] == "10.77.0.0/24", subnet)
    router = cloud.run("router", "create", "interop-router")
    cloud.run("router", "set", "interop-router", "--external-gateway", "public", expect_json=False)
    cloud.run("router", "add", "subnet", "interop-router", "interop-subnet", expect_json=False)
    ids["router"] = router["id"]


@case("an external network: the admin's to create and delete, not the member's")
def external_network(cloud):
    stderr = cloud.fails("network", "create", "--external", "interop-ext")
    check("disallowed by policy" in stderr, stderr)
    created = cloud.run("network", "create", "--external", "--provider-network-type", "flat",
                        "--provider-physical-network", "physnet9", "interop-ext", as_="admin")
    check(created["provider:physical_network"] == "physnet9", created)
    shown = cloud.run("network", "show", "interop-ext")
    check(shown["id"] == created["id"] and shown.get("provider:physical_network") is None, shown)
    stderr = cloud.fails("network", "delete", "interop-ext")
    check("disallowed by policy" in stderr, stderr)
    cloud.run("network", "delete", "interop-ext", expect_json=False, as_="admin")


@case("IKE policy create, list, show, set")
def ike_policy(cloud):
    created = cloud.run("vpn", "ike", "policy", "create", "interop-ike", "--encryption-algorithm", "aes-256",
                        "--pfs", "group14", "--lifetime", "units=seconds,value=7200")
    check(created["Encryption Algorithm"] == "aes-256", created)
    check(created["Lifetime"]["value"] == 7200, created)
    cloud.run("vpn", "ike", "policy", "set", "interop-ike", "--description", "changed", expect_json=False)
    shown = cloud.run("vpn", "ike", "policy", "show", "interop-ike")
    check(shown["Description"] == "changed", shown)
    cloud.fails("vpn", "ike", "policy", "create", "bad", "--pfs", "group1")


@case("IPsec policy create, show, set")
def ipsec_policy(cloud):
    created = cloud.run("vpn", "ipsec", "policy", "create", "interop-ipsec", "--auth-algorithm", "sha256")
    check(created["Authentication Algorithm"] == "sha256", created)
    cloud.run("vpn", "ipsec", "policy", "set", "interop-ipsec", "--pfs", "group14", expect_json=False)
    shown = cloud.run("vpn", "ipsec", "policy", "show", "interop-ipsec")
    check(shown["Perfect Forward Secrecy (PFS)"] == "group14", shown)


@case("VPN service create and show (external IP, settles ACTIVE)")
def vpn_service(cloud):
    created = cloud.run("vpn", "service", "create", "interop-vpn", "--router", "interop-router",
                        "--subnet", "interop-subnet")
    check(created["Status"] == "PENDING_CREATE", created)
    time.sleep(0.2)
    shown = cloud.run("vpn", "service", "show", "interop-vpn")
    check(shown["Status"] == "ACTIVE", shown)
    check(shown["external_v4_ip"].startswith("100.64.1."), shown)


@case("IPsec site connection create, list, show, set")
def connection(cloud):
    created = cloud.run("vpn", "ipsec", "site", "connection", "create", "interop-conn",
                        "--vpnservice", "interop-vpn", "--ikepolicy", "interop-ike",
                        "--ipsecpolicy", "interop-ipsec", "--peer-address", "203.0.113.50",
                        "--peer-id", "203.0.113.50", "--peer-cidr", "192.168.50.0/24",
                        "--psk", "interop-secret", "--mtu", "1400")
    check(created["Status"] == "PENDING_CREATE", created)
    check(created["MTU"] == 1400, created)
    listed = cloud.run("vpn", "ipsec", "site", "connection", "list")
    check([c["Name"] for c in listed] == ["interop-conn"], listed)
    time.sleep(0.2)
    cloud.run("vpn", "ipsec", "site", "connection", "set", "interop-conn", "--description", "edited",
              "--dpd", "action=restart,interval=20,timeout=60", expect_json=False)
    time.sleep(0.2)
    shown = cloud.run("vpn", "ipsec", "site", "connection", "show", "interop-conn")
    check(shown["Description"] == "edited", shown)
    check(shown["Status"] == "DOWN", shown)
    check(shown["dpd"]["timeout"] == 60 and shown["dpd"]["action"] == "restart", shown)
    check(shown["Pre-shared Key"] == "interop-secret", "the PSK did not round-trip")


@case("in-use policies and services refuse deletion")
def in_use(cloud):
    stderr = cloud.fails("vpn", "ike", "policy", "delete", "interop-ike")
    check("in use" in stderr, stderr)
    stderr = cloud.fails("vpn", "service", "delete", "interop-vpn")
    check("in use" in stderr, stderr)


@case("delete everything in order")
def delete_all(cloud):
    cloud.run("vpn", "ipsec", "site", "connection", "delete", "interop-conn", expect_json=False)
    cloud.run("vpn", "service", "delete", "interop-vpn", expect_json=False)
    cloud.run("vpn", "ipsec", "policy", "delete", "interop-ipsec", expect_json=False)
    cloud.run("vpn", "ike", "policy", "delete", "interop-ike", expect_json=False)
    check(cloud.run("vpn", "ike", "policy", "list") == [], "IKE policies left")
    cloud.run("router", "remove", "subnet", "interop-router", "interop-subnet", expect_json=False)
    cloud.run("router", "delete", "interop-router", expect_json=False)
    cloud.run("network", "delete", "interop-net", expect_json=False)


def main():
    if len(sys.argv) != 2:
        print("usage: interop.py PATH/TO/tunnels-sandbox", file=sys.stderr)
        return 2
    print("1..%d" % len(tests))
    if shutil.which("openstack") is None:
        for i, (description, _) in enumerate(tests, 1):
            print("ok %d - %s # SKIP the openstack CLI is not installed" % (i, description))
        return 0

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    cloud = Cloud(sys.argv[1])
    failed = False
    try:
        for i, (description, function) in enumerate(tests, 1):
            if failed:
                print("not ok %d - %s # an earlier step failed" % (i, description))
                continue
            start = time.monotonic()
            try:
                function(cloud)
                print("ok %d - %s (%.1f s)" % (i, description, time.monotonic() - start))
            except (AssertionError, KeyError, IndexError, TypeError, ValueError) as error:
                failed = True
                print("not ok %d - %s" % (i, description))
                for line in str(error).splitlines():
                    print("# " + line)
            sys.stdout.flush()
    finally:
        cloud.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
