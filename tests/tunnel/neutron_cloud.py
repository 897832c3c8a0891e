"""The cloud side of a connection, rendered by Debian's python3-neutron-vpnaas.

Nothing here writes strongSwan configuration: the service driver's own
make_vpnservice_dict() builds the dict Neutron sends its VPN agent, and the
strongSwan device driver's StrongSwanProcess translates it (translate_dialect,
base64 PSK) and renders its templates (ensure_configs) into
CONFIG_BASE/<service id>/etc, as the agent does. Only the database rows are
stood in for, from the same case file the exporter reads.

Run with the system /usr/bin/python3 (the package is Debian's).
"""

import json
import os
import shutil
import types

from neutron_vpnaas.services.vpn.device_drivers import strongswan_ipsec
from neutron_vpnaas.services.vpn.service_drivers import base_ipsec


class Row(dict):
    """A database row: dict(row) and row.attribute, as Neutron's models give."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)


def _policy_row(policy):
    row = Row(policy)
    lifetime = row.pop('lifetime', {'units': 'seconds', 'value': 3600})
    row['lifetime_units'] = lifetime['units']
    row['lifetime_value'] = lifetime['value']
    return row


def _connection_row(case, overrides):
    api = dict(case['ipsec_site_connection'])
    api.update(overrides.get('ipsec_site_connection', {}))
    dpd = api.pop('dpd', {'action': 'hold', 'interval': 30, 'timeout': 120})
    row = Row(api)
    row['dpd_action'] = dpd['action']
    row['dpd_interval'] = dpd['interval']
    row['dpd_timeout'] = dpd['timeout']
    row['local_id'] = row.get('local_id') or ''
    ike = dict(case['ikepolicy'])
    ike.update(overrides.get('ikepolicy', {}))
    # FJcloud type B keeps the IKE version on the connection
    if row.get('ike_version'):
        ike['ike_version'] = row['ike_version']
    ipsec = dict(case['ipsecpolicy'])
    ipsec.update(overrides.get('ipsecpolicy', {}))
    row['ikepolicy'] = _policy_row(ike)
    row['ipsecpolicy'] = _policy_row(ipsec)
    row['peer_cidrs'] = [Row(cidr=c) for c in api['peer_cidrs']]
    return row


def _service_row(case, connection):
    service = Row(case['vpnservice'])
    # type B: the peer targets the connection's endpoint address, which the
    # stand-in cloud owns
    endpoint = case['ipsec_site_connection'].get('ipsec_endpoint_address')
    if endpoint:
        service['external_v4_ip'] = endpoint
    service['project_id'] = 'tunnels-test'
    service['subnet'] = Row(case['subnet'])
    service['ipsec_site_connections'] = [connection]
    return service


def render(case_path, config_base, overrides=None):
    """Renders the cloud side of the case into CONFIG_BASE/<service id>.

    Returns (config_dir, connection id)."""
    with open(case_path) as f:
        case = json.load(f)
    overrides = overrides or {}
    connection = _connection_row(case, overrides)
    service = _service_row(case, connection)

    driver = types.SimpleNamespace(
        get_external_ip_based_on_peer=lambda vpnservice, conn:
            base_ipsec.BaseIPsecVPNDriver.get_external_ip_based_on_peer(
                None, vpnservice, conn))
    vpnservice = base_ipsec.BaseIPsecVPNDriver.make_vpnservice_dict(
        driver, service, {})

    conf = types.SimpleNamespace(
        ipsec=types.SimpleNamespace(config_base_dir=config_base,
                                    ipsec_status_check_interval=60),
        state_path=config_base)

    class Process(strongswan_ipsec.StrongSwanProcess):
        # The agent asks `ipsec --piddir` through rootwrap and copies
        # /etc/strongswan.d as root; this test is root already.
        def _get_strongswan_piddir(self):
            return '/var/run'

        def _get_rootwrap_config(self):
            return None

        def copy_and_overwrite(self, from_path, to_path):
            shutil.rmtree(to_path, ignore_errors=True)
            shutil.copytree(from_path, to_path, symlinks=True)

    process = Process(conf, service['id'], vpnservice, 'unused')
    process.ensure_configs()
    os.makedirs(os.path.join(process.config_dir, 'var', 'run'), exist_ok=True)
    return process.config_dir, connection['id']


if __name__ == '__main__':
    import sys
    print(render(sys.argv[1], sys.argv[2]))
