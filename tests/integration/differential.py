#!/usr/bin/python3
"""Differential test: the sandbox cloud against a real Neutron VPNaaS.

    differential.py --sandbox-exe PATH [--tap] [--report FILE] [--only sandbox|real]

The same scripted sequence of requests goes to the sandbox's RegionOne (a
`tunnels-sandbox --port 0` this script starts and stops) and to the real
Keystone + neutron-server that tests/integration/cloud-fixture.sh started
(its TN_REAL_* variables). Ids are mapped per side. For every request the
two answers must agree on:

  - the HTTP status code,
  - the error's type (NeutronError.type, else Keystone's error title),
  - for a successful JSON answer, its shape: the top-level keys and the keys
    of each resource (of list items: their union),
  - whether X-Openstack-Request-Id is present, and on 401 Www-Authenticate.

A difference is a sandbox bug (tests/integration/SANDBOX-DIFFERENCES.md
records the last run), never a reason to loosen this comparison. Standard library only; no token,
password or pre-shared key of a real account is ever printed.
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

UNKNOWN = "c3075215-27ce-4587-ae6c-df6ca8c33a02"   # an id no side has
TIMEOUT = 60


class Step:
    """One request of the script. Strings may name ids saved earlier, as {name}."""

    def __init__(self, name, method, path, body=None, as_="demo", save=None,
                 raw=None, token=None, service="network", auth=None):
        self.name = name
        self.method = method
        self.path = path
        self.body = body
        self.as_ = as_
        self.save = save
        self.raw = raw            # bytes sent as they are (malformed bodies)
        self.token = token        # "none" or "bad": what X-Auth-Token is
        self.service = service    # "network" or "identity"
        self.auth = auth          # identity steps: the credentials to send


class Agent:
    """Not a compared request: what the absent VPN agent would do.

    On the real side the status is written into the database; the sandbox
    settles by itself after its settle delay, so it is polled until the
    resource has left PENDING_*.
    """

    def __init__(self, collection, ref):
        self.collection = collection
        self.ref = ref


def ike(**kw):
    return {"ikepolicy": kw}


def ipsec(**kw):
    return {"ipsecpolicy": kw}


def svc(**kw):
    return {"vpnservice": kw}


def epg(**kw):
    return {"endpoint_group": kw}


def conn(**kw):
    base = {"vpnservice_id": "{svc1}", "ikepolicy_id": "{ike2}", "ipsecpolicy_id": "{ipsec2}",
            "peer_address": "203.0.113.10", "peer_id": "203.0.113.10",
            "peer_cidrs": ["192.168.100.0/24"], "psk": "differential-psk"}
    base.update(kw)
    return {"ipsec_site_connection": {k: v for k, v in base.items() if v is not None}}


V = "/v2.0/vpn"
IKE = V + "/ikepolicies"
IPSEC = V + "/ipsecpolicies"
SVC = V + "/vpnservices"
EPG = V + "/endpoint-groups"
CONN = V + "/ipsec-site-connections"
LIFETIME = {"units": "seconds", "value": 7200}

SCRIPT = [
    # Identity: what the app sends to sign in.
    Step("token-issue", "POST", "/v3/auth/tokens", service="identity", auth="good"),
    Step("token-issue-admin", "POST", "/v3/auth/tokens", service="identity", auth="good", as_="admin"),
    Step("token-wrong-password", "POST", "/v3/auth/tokens", service="identity", auth="wrong-password"),
    Step("token-unknown-project", "POST", "/v3/auth/tokens", service="identity", auth="unknown-project"),
    Step("no-token-401", "GET", IKE, token="none"),
    Step("bad-token-401", "GET", IKE, token="bad"),

    # The API's self-description.
    Step("versions", "GET", "/"),
    Step("extension-vpnaas", "GET", "/v2.0/extensions/vpnaas"),
    Step("extension-endpoint-groups", "GET", "/v2.0/extensions/vpn-endpoint-groups"),

    # Networks, subnets and routers a VPN service needs (the external
    # network by the admin, as on a real cloud).
    Step("net-external-create", "POST", "/v2.0/networks", as_="admin", save="extnet", body={
        "network": {"name": "public", "router:external": True, "provider:network_type": "flat",
                    "provider:physical_network": "physnet1"}}),
    Step("subnet-external-create", "POST", "/v2.0/subnets", as_="admin", save="extsub", body={
        "subnet": {"name": "public-subnet", "network_id": "{extnet}", "ip_version": 4,
                   "cidr": "172.24.4.0/24", "gateway_ip": "172.24.4.1", "enable_dhcp": False}}),
    Step("net-private-create", "POST", "/v2.0/networks", save="net", body={"network": {"name": "private"}}),
    Step("subnet1-create", "POST", "/v2.0/subnets", save="sub1", body={
        "subnet": {"name": "private-subnet1", "network_id": "{net}", "ip_version": 4, "cidr": "10.1.0.0/24"}}),
    Step("subnet2-create", "POST", "/v2.0/subnets", save="sub2", body={
        "subnet": {"name": "private-subnet2", "network_id": "{net}", "ip_version": 4, "cidr": "10.2.0.0/24"}}),
    Step("subnet3-create-unattached", "POST", "/v2.0/subnets", save="sub3", body={
        "subnet": {"name": "private-subnet3", "network_id": "{net}", "ip_version": 4, "cidr": "10.3.0.0/24"}}),
    Step("router1-create-with-gateway", "POST", "/v2.0/routers", save="router1", body={
        "router": {"name": "router1", "external_gateway_info": {"network_id": "{extnet}"}}}),
    Step("router1-add-subnet1", "PUT", "/v2.0/routers/{router1}/add_router_interface",
         body={"subnet_id": "{sub1}"}),
    Step("router1-add-subnet2", "PUT", "/v2.0/routers/{router1}/add_router_interface",
         body={"subnet_id": "{sub2}"}),
    Step("router2-create-no-gateway", "POST", "/v2.0/routers", save="router2",
         body={"router": {"name": "router2"}}),
    Step("routers-list", "GET", "/v2.0/routers"),
    Step("router1-show", "GET", "/v2.0/routers/{router1}"),
    Step("subnets-list", "GET", "/v2.0/subnets"),

    # What a project member sees of and may do to the administrator's
    # network (Neutron's default policy), and what only an admin may set.
    Step("net-external-show", "GET", "/v2.0/networks/{extnet}"),
    Step("net-external-show-as-admin", "GET", "/v2.0/networks/{extnet}", as_="admin"),
    Step("networks-list", "GET", "/v2.0/networks"),
    Step("networks-list-as-admin", "GET", "/v2.0/networks", as_="admin"),
    Step("routers-list-as-admin", "GET", "/v2.0/routers", as_="admin"),
    Step("err-net-create-external-403", "POST", "/v2.0/networks", body={
        "network": {"name": "x", "router:external": True}}),
    Step("err-net-create-provider-403", "POST", "/v2.0/networks", body={
        "network": {"name": "x", "provider:network_type": "vxlan"}}),
    Step("err-net-update-external-403", "PUT", "/v2.0/networks/{net}", body={"network": {"router:external": True}}),
    Step("err-net-external-update-403", "PUT", "/v2.0/networks/{extnet}", body={"network": {"name": "mine"}}),
    Step("err-net-external-delete-403", "DELETE", "/v2.0/networks/{extnet}"),
    Step("err-subnet-on-external-net-403", "POST", "/v2.0/subnets", body={
        "subnet": {"name": "x", "network_id": "{extnet}", "ip_version": 4, "cidr": "172.24.5.0/24"}}),
    Step("err-subnet-external-show-404", "GET", "/v2.0/subnets/{extsub}"),
    Step("err-router-create-distributed-403", "POST", "/v2.0/routers", body={
        "router": {"name": "x", "distributed": True}}),

    # IKE policies.
    Step("ike-create-minimal", "POST", IKE, save="ike1", body=ike(name="ike-minimal")),
    Step("ike-create-full", "POST", IKE, save="ike2", body=ike(
        name="ike-full", description="IKEv2 AES-256/SHA-256", auth_algorithm="sha256",
        encryption_algorithm="aes-256", phase1_negotiation_mode="main", ike_version="v2",
        pfs="group14", lifetime=LIFETIME)),
    Step("ike-list", "GET", IKE),
    Step("ike-list-filter-name", "GET", IKE + "?name=ike-full"),
    Step("ike-list-fields", "GET", IKE + "?fields=id&fields=name"),
    Step("ike-show", "GET", IKE + "/{ike1}"),
    Step("ike-update", "PUT", IKE + "/{ike1}", body=ike(description="renamed", pfs="group14")),
    Step("ike-update-lifetime", "PUT", IKE + "/{ike1}", body=ike(lifetime={"value": 1800})),
    Step("err-ike-bad-pfs", "POST", IKE, body=ike(name="x", pfs="group99")),
    Step("err-ike-lifetime-too-small", "POST", IKE, body=ike(name="x", lifetime={"units": "seconds", "value": 59})),
    Step("err-ike-lifetime-bad-units", "POST", IKE, body=ike(name="x", lifetime={"units": "minutes", "value": 60})),
    Step("err-ike-bad-encryption", "POST", IKE, body=ike(name="x", encryption_algorithm="des")),
    Step("err-ike-bad-auth", "POST", IKE, body=ike(name="x", auth_algorithm="md5")),
    Step("err-ike-bad-version", "POST", IKE, body=ike(name="x", ike_version="v3")),
    Step("err-ike-bad-phase1-mode", "POST", IKE, body=ike(name="x", phase1_negotiation_mode="quick")),
    Step("err-ike-availability-zone", "POST", IKE, body=ike(name="x", availability_zone="zone-a")),
    Step("err-ike-name-too-long", "POST", IKE, body=ike(name="n" * 256)),
    Step("err-ike-malformed-json", "POST", IKE, raw=b'{"ikepolicy": {"name": '),
    Step("err-ike-wrong-root-key", "POST", IKE, body={"ike_policy": {"name": "x"}}),
    Step("err-ike-empty-body", "POST", IKE, raw=b""),
    Step("err-ike-update-readonly-id", "PUT", IKE + "/{ike1}", body=ike(id=UNKNOWN)),
    Step("err-ike-update-tenant-id", "PUT", IKE + "/{ike1}", body=ike(tenant_id="someone")),
    Step("err-ike-show-404", "GET", IKE + "/" + UNKNOWN),
    Step("err-ike-show-not-uuid-404", "GET", IKE + "/not-a-uuid"),
    Step("err-ike-update-404", "PUT", IKE + "/" + UNKNOWN, body=ike(name="y")),
    Step("err-ike-delete-404", "DELETE", IKE + "/" + UNKNOWN),
    Step("err-ike-patch-405", "PATCH", IKE + "/{ike1}", body=ike(name="y")),
    Step("err-unknown-collection-404", "GET", V + "/nosuchthings"),
    Step("err-ike-create-other-project", "POST", IKE, body=ike(name="x", tenant_id="someone")),

    # Another project's resources are not there for a member.
    Step("ike-create-as-admin", "POST", IKE, as_="admin", save="ike_admin", body=ike(name="ike-admin")),
    Step("err-ike-show-admin-404", "GET", IKE + "/{ike_admin}"),
    Step("err-ike-update-admin-404", "PUT", IKE + "/{ike_admin}", body=ike(name="mine")),
    Step("err-ike-delete-admin-404", "DELETE", IKE + "/{ike_admin}"),
    Step("ike-list-as-admin", "GET", IKE, as_="admin"),
    Step("ike-delete-as-admin", "DELETE", IKE + "/{ike_admin}", as_="admin"),

    # IPsec policies.
    Step("ipsec-create-minimal", "POST", IPSEC, save="ipsec1", body=ipsec(name="ipsec-minimal")),
    Step("ipsec-create-full", "POST", IPSEC, save="ipsec2", body=ipsec(
        name="ipsec-full", description="ESP AES-256/SHA-256", transform_protocol="esp",
        auth_algorithm="sha256", encryption_algorithm="aes-256", encapsulation_mode="tunnel",
        pfs="group14", lifetime={"units": "seconds", "value": 3600})),
    Step("ipsec-list", "GET", IPSEC),
    Step("ipsec-show", "GET", IPSEC + "/{ipsec2}"),
    Step("ipsec-update", "PUT", IPSEC + "/{ipsec1}", body=ipsec(name="ipsec-renamed", encapsulation_mode="transport")),
    Step("err-ipsec-bad-transform", "POST", IPSEC, body=ipsec(name="x", transform_protocol="gre")),
    Step("err-ipsec-bad-encapsulation", "POST", IPSEC, body=ipsec(name="x", encapsulation_mode="tunnelx")),
    Step("err-ipsec-bad-pfs", "POST", IPSEC, body=ipsec(name="x", pfs="group1")),
    Step("err-ipsec-lifetime-too-small", "POST", IPSEC, body=ipsec(name="x", lifetime={"units": "seconds", "value": 30})),
    Step("err-ipsec-availability-zone", "POST", IPSEC, body=ipsec(name="x", availability_zone="zone-a")),
    Step("err-ipsec-show-404", "GET", IPSEC + "/" + UNKNOWN),
    Step("err-ipsec-update-readonly-id", "PUT", IPSEC + "/{ipsec1}", body=ipsec(id=UNKNOWN)),

    # VPN services.
    Step("svc-create-with-subnet", "POST", SVC, save="svc1", body=svc(
        name="vpn-legacy", description="subnet-style", router_id="{router1}", subnet_id="{sub1}",
        admin_state_up=True)),
    Step("svc-create-no-subnet", "POST", SVC, save="svc2", body=svc(name="vpn-epg", router_id="{router1}")),
    Step("svc-list", "GET", SVC),
    Step("svc-show", "GET", SVC + "/{svc1}"),
    Step("err-svc-update-while-pending", "PUT", SVC + "/{svc1}", body=svc(name="renamed")),
    Step("err-svc-router-without-gateway", "POST", SVC, body=svc(name="x", router_id="{router2}")),
    Step("err-svc-subnet-not-on-router", "POST", SVC, body=svc(name="x", router_id="{router1}", subnet_id="{sub3}")),
    Step("err-svc-router-404", "POST", SVC, body=svc(name="x", router_id=UNKNOWN)),
    Step("err-svc-router-not-uuid", "POST", SVC, body=svc(name="x", router_id="r1")),
    Step("err-svc-missing-router", "POST", SVC, body=svc(name="x")),
    Step("err-svc-update-router-id", "PUT", SVC + "/{svc1}", body=svc(router_id="{router2}")),
    Step("err-svc-availability-zone", "POST", SVC, body=svc(name="x", router_id="{router1}", availability_zone="zone-a")),
    Step("err-svc-show-404", "GET", SVC + "/" + UNKNOWN),

    # Endpoint groups.
    Step("epg-create-subnet", "POST", EPG, save="epg_local", body=epg(
        name="local-subnets", type="subnet", endpoints=["{sub2}"])),
    Step("epg-create-cidr", "POST", EPG, save="epg_peer", body=epg(
        name="peer-cidrs", type="cidr", endpoints=["192.168.10.0/24", "192.168.20.0/24"])),
    Step("epg-list", "GET", EPG),
    Step("epg-show", "GET", EPG + "/{epg_peer}"),
    Step("epg-update", "PUT", EPG + "/{epg_peer}", body=epg(name="peer-renamed")),
    Step("err-epg-bad-cidr", "POST", EPG, body=epg(name="x", type="cidr", endpoints=["192.168.1.0/33"])),
    Step("err-epg-bad-type", "POST", EPG, body=epg(name="x", type="foo", endpoints=["192.168.1.0/24"])),
    Step("err-epg-no-endpoints", "POST", EPG, body=epg(name="x", type="cidr", endpoints=[])),
    Step("err-epg-subnet-404", "POST", EPG, body=epg(name="x", type="subnet", endpoints=[UNKNOWN])),
    Step("err-epg-update-endpoints", "PUT", EPG + "/{epg_peer}", body=epg(endpoints=["10.9.0.0/24"])),

    # IPsec site connections.
    Step("conn-create-peer-cidrs", "POST", CONN, save="conn1", body=conn(
        name="conn-legacy", description="peer_cidrs style",
        peer_cidrs=["192.168.100.0/24", "192.168.101.0/24"], mtu=1400, initiator="bi-directional",
        dpd={"action": "hold", "interval": 30, "timeout": 120}, admin_state_up=True)),
    Step("conn-create-minimal-defaults", "POST", CONN, save="conn2", body=conn(
        ikepolicy_id="{ike1}", ipsecpolicy_id="{ipsec1}", peer_address="192.0.2.1", peer_id="192.0.2.1",
        peer_cidrs=["172.16.0.0/16"], psk="p")),
    Step("conn-create-endpoint-groups", "POST", CONN, save="conn3", body=conn(
        name="conn-epg", vpnservice_id="{svc2}", peer_address="198.51.100.7", peer_id="peer.example.org",
        peer_cidrs=None, local_ep_group_id="{epg_local}", peer_ep_group_id="{epg_peer}",
        local_id="vpn.local.example")),
    Step("conn-list", "GET", CONN),
    Step("conn-show", "GET", CONN + "/{conn1}"),
    Step("err-conn-update-while-pending", "PUT", CONN + "/{conn1}", body={"ipsec_site_connection": {"mtu": 1300}}),
    Step("err-conn-dpd-timeout-equals-interval", "POST", CONN, body=conn(
        name="x", dpd={"action": "hold", "interval": 30, "timeout": 30})),
    Step("err-conn-dpd-timeout-less-than-interval", "POST", CONN, body=conn(
        name="x", dpd={"action": "hold", "interval": 60, "timeout": 30})),
    Step("err-conn-dpd-bad-action", "POST", CONN, body=conn(name="x", dpd={"action": "explode"})),
    Step("err-conn-bad-peer-cidr-prefix", "POST", CONN, body=conn(name="x", peer_cidrs=["192.168.1.0/33"])),
    Step("err-conn-bad-peer-cidr-text", "POST", CONN, body=conn(name="x", peer_cidrs=["not-a-cidr"])),
    Step("err-conn-mixed-ip-versions", "POST", CONN, body=conn(
        name="x", peer_cidrs=["192.168.1.0/24", "2001:db8::/64"])),
    Step("err-conn-mtu-too-small", "POST", CONN, body=conn(name="x", mtu=60)),
    Step("err-conn-bad-initiator", "POST", CONN, body=conn(name="x", initiator="sometimes")),
    Step("err-conn-auth-mode-in-post", "POST", CONN, body=conn(name="x", auth_mode="cert")),
    Step("err-conn-missing-psk", "POST", CONN, body=conn(name="x", psk=None)),
    Step("err-conn-missing-peer-address", "POST", CONN, body=conn(name="x", peer_address=None)),
    Step("err-conn-missing-peer-cidrs", "POST", CONN, body=conn(name="x", peer_cidrs=None)),
    Step("err-conn-peer-cidrs-and-endpoint-groups", "POST", CONN, body=conn(
        name="x", local_ep_group_id="{epg_local}", peer_ep_group_id="{epg_peer}")),
    Step("err-conn-ikepolicy-404", "POST", CONN, body=conn(name="x", ikepolicy_id=UNKNOWN)),
    Step("err-conn-availability-zone", "POST", CONN, body=conn(name="x", availability_zone="zone-a")),
    Step("err-conn-show-404", "GET", CONN + "/" + UNKNOWN),

    # In use.
    Step("err-ike-delete-in-use", "DELETE", IKE + "/{ike2}"),
    Step("err-ike-update-in-use", "PUT", IKE + "/{ike2}", body=ike(description="x")),
    Step("err-ipsec-delete-in-use", "DELETE", IPSEC + "/{ipsec2}"),
    Step("err-ipsec-update-in-use", "PUT", IPSEC + "/{ipsec2}", body=ipsec(description="x")),
    Step("err-svc-delete-in-use", "DELETE", SVC + "/{svc1}"),
    Step("err-epg-delete-in-use", "DELETE", EPG + "/{epg_peer}"),
    Step("err-router-delete-in-use", "DELETE", "/v2.0/routers/{router1}"),
    Step("err-router-remove-interface-in-use", "PUT", "/v2.0/routers/{router1}/remove_router_interface",
         body={"subnet_id": "{sub1}"}),

    # The agent brings everything up; then updates are allowed.
    Agent("vpnservices", "svc1"),
    Agent("vpnservices", "svc2"),
    Agent("ipsec_site_connections", "conn1"),
    Agent("ipsec_site_connections", "conn2"),
    Agent("ipsec_site_connections", "conn3"),
    Step("svc-update-after-active", "PUT", SVC + "/{svc1}", body=svc(name="vpn-legacy-renamed", admin_state_up=False)),
    Step("conn-update-after-active", "PUT", CONN + "/{conn1}", body={"ipsec_site_connection": {
        "mtu": 1300, "peer_cidrs": ["192.168.100.0/24"], "dpd": {"action": "restart", "interval": 10, "timeout": 50}}}),
    Agent("ipsec_site_connections", "conn1"),
    Step("err-conn-update-dpd-timeout-le-interval", "PUT", CONN + "/{conn1}", body={"ipsec_site_connection": {
        "dpd": {"interval": 60, "timeout": 60}}}),
    Step("err-conn-update-vpnservice-id", "PUT", CONN + "/{conn1}", body={"ipsec_site_connection": {
        "vpnservice_id": "{svc2}"}}),
    Step("err-conn-update-mtu-too-small", "PUT", CONN + "/{conn1}", body={"ipsec_site_connection": {"mtu": 60}}),
    Step("conn-show-after-update", "GET", CONN + "/{conn1}"),
    Step("conn-list-fields", "GET", CONN + "?fields=id"),

    # Tear down, in the order the server allows.
    Step("conn1-delete", "DELETE", CONN + "/{conn1}"),
    Step("conn2-delete", "DELETE", CONN + "/{conn2}"),
    Step("conn3-delete", "DELETE", CONN + "/{conn3}"),
    Step("err-conn-show-deleted-404", "GET", CONN + "/{conn1}"),
    Step("svc1-delete", "DELETE", SVC + "/{svc1}"),
    Step("svc2-delete", "DELETE", SVC + "/{svc2}"),
    Step("epg-local-delete", "DELETE", EPG + "/{epg_local}"),
    Step("epg-peer-delete", "DELETE", EPG + "/{epg_peer}"),
    Step("ike1-delete", "DELETE", IKE + "/{ike1}"),
    Step("ike2-delete", "DELETE", IKE + "/{ike2}"),
    Step("ipsec1-delete", "DELETE", IPSEC + "/{ipsec1}"),
    Step("ipsec2-delete", "DELETE", IPSEC + "/{ipsec2}"),
    Step("err-ike-delete-again-404", "DELETE", IKE + "/{ike2}"),
    Step("err-svc-delete-again-404", "DELETE", SVC + "/{svc1}"),
    Step("router1-remove-subnet1", "PUT", "/v2.0/routers/{router1}/remove_router_interface",
         body={"subnet_id": "{sub1}"}),
    Step("router1-remove-subnet2", "PUT", "/v2.0/routers/{router1}/remove_router_interface",
         body={"subnet_id": "{sub2}"}),
    Step("router1-delete", "DELETE", "/v2.0/routers/{router1}"),
    Step("router2-delete", "DELETE", "/v2.0/routers/{router2}"),
    Step("net-private-delete", "DELETE", "/v2.0/networks/{net}"),
    Step("net-external-delete", "DELETE", "/v2.0/networks/{extnet}", as_="admin"),
]


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {k.lower(): v for k, v in headers.items()} if headers else {}
        self.text = body
        try:
            self.json = json.loads(body) if body else None
        except ValueError:
            self.json = None

    def error_type(self):
        j = self.json
        if self.status < 400:
            return None
        if isinstance(j, dict) and isinstance(j.get("NeutronError"), dict):
            return j["NeutronError"].get("type")
        if isinstance(j, dict) and isinstance(j.get("error"), dict):
            return "error:%s" % j["error"].get("title")
        if j is None:
            return "(no JSON body)" if self.text else "(empty body)"
        return "(JSON without an error type)"

    def shape(self):
        """Top-level keys and the keys of each resource, for a 2xx JSON answer."""
        if self.status >= 300 or not isinstance(self.json, dict):
            return None
        out = {}
        for key, value in self.json.items():
            if key == "token":
                # Keystone's token: the keys the app reads.
                out[key] = sorted(k for k in value if k in ("catalog", "expires_at", "project", "user", "roles"))
            elif isinstance(value, dict):
                out[key] = sorted(value)
            elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                out[key] = sorted(set().union(*value))
            elif isinstance(value, list):
                out[key] = "[]"
            else:
                out[key] = type(value).__name__
        return out

    def signature(self):
        sig = {"status": self.status, "error": self.error_type(),
               "request-id": "x-openstack-request-id" in self.headers}
        if self.status == 401:
            sig["www-authenticate"] = "www-authenticate" in self.headers
        return sig

    def summary(self):
        t = self.error_type()
        return "%d%s" % (self.status, " " + t if t else "")


def http(method, url, body=None, headers=None):
    req = urllib.request.Request(url, data=body, method=method)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
            return Answer(resp.status, resp.headers, resp.read().decode("utf-8", "replace"))
    except urllib.error.HTTPError as err:
        return Answer(err.code, err.headers, err.read().decode("utf-8", "replace"))


def substitute(value, ids):
    if isinstance(value, str):
        for name, real in ids.items():
            value = value.replace("{%s}" % name, real)
        return value
    if isinstance(value, list):
        return [substitute(v, ids) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, ids) for k, v in value.items()}
    return value


class Side:
    def __init__(self, label, identity, users, region, settle):
        self.label = label
        self.identity = identity.rstrip("/")
        if self.identity.endswith("/v3"):
            self.identity = self.identity[:-3]
        self.users = users            # {"demo": (user, password, project), "admin": …}
        self.region = region
        self.settle = settle          # settle(collection, id, side)
        self.ids = {}
        self.tokens = {}
        self.network = None

    def auth_body(self, who, variant="good"):
        user, password, project = self.users[who]
        if variant == "wrong-password":
            password = password + "-wrong"
        if variant == "unknown-project":
            project = "no-such-project"
        return {"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": user, "domain": {"name": "Default"}, "password": password}}},
            "scope": {"project": {"name": project, "domain": {"name": "Default"}}}}}

    def sign_in(self):
        for who in self.users:
            answer = self.post_identity(self.auth_body(who))
            if answer.status != 201:
                raise SystemExit("%s: %s cannot sign in: %s" % (self.label, who, answer.summary()))
            self.tokens[who] = answer.headers["x-subject-token"]
            if who == "demo":
                for entry in answer.json["token"]["catalog"]:
                    if entry["type"] != "network":
                        continue
                    for ep in entry["endpoints"]:
                        if ep["interface"] == "public" and ep.get("region_id", ep.get("region")) == self.region:
                            self.network = ep["url"].rstrip("/")
        if not self.network:
            raise SystemExit("%s: no public network endpoint in region %s" % (self.label, self.region))

    def post_identity(self, body):
        return http("POST", self.identity + "/v3/auth/tokens", json.dumps(body).encode(),
                    {"Content-Type": "application/json", "Accept": "application/json",
                     "Connection": "close"})

    def send(self, step):
        if step.service == "identity":
            return self.post_identity(self.auth_body(step.as_, step.auth))
        headers = {"Accept": "application/json", "Connection": "close"}
        if step.token == "bad":
            headers["X-Auth-Token"] = "gAAAAABinvalid-token-for-the-differential-test"
        elif step.token != "none":
            headers["X-Auth-Token"] = self.tokens[step.as_]
        data = step.raw
        if step.body is not None:
            data = json.dumps(substitute(step.body, self.ids)).encode()
        if data is not None:
            headers["Content-Type"] = "application/json"
        answer = http(step.method, self.network + substitute(step.path, self.ids), data, headers)
        if step.save and answer.status in (200, 201) and isinstance(answer.json, dict):
            resource = next(iter(answer.json.values()))
            self.ids[step.save] = resource["id"]
        return answer


def real_settle(side, collection, ident):
    cnf = os.environ["TN_REAL_DB_DEFAULTS"]
    sql = "UPDATE %s SET status='ACTIVE' WHERE id='%s'" % (collection, ident)
    subprocess.run(["mariadb", "--defaults-file=" + cnf, "-D", os.environ.get("TN_REAL_DB_NAME", "neutron"),
                    "-e", sql], check=True)


def sandbox_settle(side, collection, ident):
    path = {"vpnservices": SVC, "ipsec_site_connections": CONN}[collection]
    key = {"vpnservices": "vpnservice", "ipsec_site_connections": "ipsec_site_connection"}[collection]
    deadline = time.monotonic() + 30
    while True:
        answer = http("GET", side.network + path + "/" + ident,
                      headers={"X-Auth-Token": side.tokens["demo"], "Accept": "application/json"})
        status = (answer.json or {}).get(key, {}).get("status", "")
        if answer.status == 200 and not status.startswith("PENDING_"):
            return
        if time.monotonic() > deadline:
            raise SystemExit("sandbox: %s %s still %s after 30 s" % (collection, ident, status or answer.summary()))
        time.sleep(0.2)


def sandbox_credentials():
    """The sandbox's built-in accounts, from its header (one source of truth)."""
    header = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "sandbox", "tn-sandbox.h")
    creds = {}
    with open(header) as f:
        for m in re.finditer(r'^#define\s+(TN_SANDBOX_\w+)\s+"([^"]*)"', f.read(), re.M):
            creds[m.group(1)] = m.group(2)
    return creds


def start_sandbox(exe, seed):
    args = [exe, "--port", "0"]
    if seed:
        args += ["--seed", seed]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline().strip()
    if not line.startswith("http://127.0.0.1:"):
        proc.kill()
        raise SystemExit("tunnels-sandbox printed %r instead of its identity URL" % line)
    return proc, line


def run_side(side):
    side.sign_in()
    answers = []
    for step in SCRIPT:
        if isinstance(step, Agent):
            side.settle(side, step.collection, side.ids[step.ref])
            continue
        answers.append(side.send(step))
    return answers


def describe(step, side, answer):
    body = step.body if step.raw is None else step.raw.decode()
    return {"side": side.label, "request": "%s %s" % (step.method, step.path),
            "as": step.as_, "body": body, "status": answer.status,
            "answer": answer.json if answer.json is not None else answer.text[:500],
            "headers": sorted(answer.headers)}


def real_side():
    env = os.environ
    return Side("real", env["TN_REAL_IDENTITY_URL"], {
        "demo": (env["TN_REAL_USER"], env["TN_REAL_PASSWORD"], env["TN_REAL_PROJECT"]),
        "admin": (env["TN_REAL_ADMIN_USER"], env["TN_REAL_ADMIN_PASSWORD"], env["TN_REAL_ADMIN_PROJECT"]),
    }, env.get("TN_REAL_REGION", "RegionOne"), real_settle)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sandbox-exe", default=os.environ.get("TN_SANDBOX_EXE"))
    parser.add_argument("--sandbox-seed", default=os.environ.get("TN_SANDBOX_SEED"),
                        help="seed the sandbox (demo, scale:N); by default it starts empty, like the real cloud")
    parser.add_argument("--tap", action="store_true", help="TAP output, one test per request")
    parser.add_argument("--report", help="write every difference with both answers (JSON)")
    parser.add_argument("--only-real", action="store_true",
                        help="run the script against the real cloud alone and print its answers")
    args = parser.parse_args()
    if args.only_real:
        real = real_side()
        for n, (step, answer) in enumerate(zip([s for s in SCRIPT if isinstance(s, Step)], run_side(real)), 1):
            print("%03d %-45s %s" % (n, step.name, answer.summary()))
        return 0
    if not args.sandbox_exe:
        parser.error("--sandbox-exe (or TN_SANDBOX_EXE) is required")

    steps = [s for s in SCRIPT if isinstance(s, Step)]
    sandbox, identity = start_sandbox(args.sandbox_exe, args.sandbox_seed)
    sandbox_exit = None
    try:
        creds = sandbox_credentials()
        demo = (creds["TN_SANDBOX_USER"], creds["TN_SANDBOX_PASSWORD"], creds["TN_SANDBOX_PROJECT"])
        # The administrator, for what a project member may not do.
        admin = (creds["TN_SANDBOX_ADMIN_USER"], creds["TN_SANDBOX_ADMIN_PASSWORD"],
                 creds["TN_SANDBOX_ADMIN_PROJECT"])
        sb = Side("sandbox", identity, {"demo": demo, "admin": admin}, "RegionOne", sandbox_settle)
        t = time.monotonic()
        sb_answers = run_side(sb)
        sb_time = time.monotonic() - t
    finally:
        sandbox.send_signal(signal.SIGTERM)
        try:
            sandbox.wait(10)
        except subprocess.TimeoutExpired:
            sandbox.kill()
            sandbox.wait()

    real = real_side()
    t = time.monotonic()
    real_answers = run_side(real)
    real_time = time.monotonic() - t

    differences = []
    out = sys.stdout
    if args.tap:
        print("1..%d" % len(steps), file=out)
    for n, (step, a, b) in enumerate(zip(steps, sb_answers, real_answers), 1):
        problems = []
        sa, sr = a.signature(), b.signature()
        for key in sr:
            if sa.get(key) != sr[key]:
                problems.append("%s: sandbox %s, real %s" % (key, sa.get(key), sr[key]))
        ha, hr = a.shape(), b.shape()
        if hr is not None and ha is not None:
            for key in sorted(set(ha) | set(hr)):
                va, vr = ha.get(key), hr.get(key)
                if va == vr:
                    continue
                # A list that is empty on one side (the sandbox's seed fills
                # its project) says nothing about the items' keys.
                if "[]" in (va, vr) and isinstance(va, (list, str)) and isinstance(vr, (list, str)):
                    continue
                if isinstance(va, list) and isinstance(vr, list):
                    missing = sorted(set(vr) - set(va))
                    extra = sorted(set(va) - set(vr))
                    problems.append("keys of %s: sandbox lacks %s, has extra %s" % (key, missing, extra))
                else:
                    problems.append("%s: sandbox %s, real %s" % (key, va, vr))
        line = "%03d %s %s %s" % (n, step.name, step.method, step.path)
        if problems:
            differences.append({"n": n, "step": step.name, "problems": problems,
                                "sandbox": describe(step, sb, a), "real": describe(step, real, b)})
            if args.tap:
                print("not ok %d - %s -> sandbox %s, real %s" % (n, line, a.summary(), b.summary()), file=out)
                for p in problems:
                    print("#   %s" % p, file=out)
            else:
                print("DIFF %s" % line, file=out)
                for p in problems:
                    print("     %s" % p, file=out)
        elif args.tap:
            print("ok %d - %s -> %s" % (n, line, b.summary()), file=out)

    if args.report:
        with open(args.report, "w") as f:
            json.dump(differences, f, indent=2)
    summary = "differential: %d requests, %d differences (sandbox %.1f s, real %.1f s)" % (
        len(steps), len(differences), sb_time, real_time)
    print(("# " if args.tap else "") + summary, file=out)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
