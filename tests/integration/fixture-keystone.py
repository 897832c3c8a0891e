#!/usr/bin/python3
"""Create the accounts and the network endpoint of the integration cloud.

    fixture-keystone.py IDENTITY_URL NETWORK_URL

Keystone must be bootstrapped (admin user, admin project, roles, RegionOne).
Passwords come from the environment (ADMIN_PASSWORD, DEMO_PASSWORD,
NEUTRON_PASSWORD) and are never printed. Through the API, this takes well
under a second; the openstack CLI needs one Python start per call.
"""

import json
import os
import sys
import urllib.error
import urllib.request


def call(base, method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    req.add_header("Accept", "application/json")
    # uwsgi's http-socket keeps no connection alive.
    req.add_header("Connection", "close")
    if token:
        req.add_header("X-Auth-Token", token)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            text = resp.read()
            return resp.status, resp.headers, json.loads(text) if text else None
    except urllib.error.HTTPError as err:
        sys.exit("%s %s -> %d: %s" % (method, path, err.code, err.read()[:300]))


def main():
    identity, network = sys.argv[1], sys.argv[2]
    base = identity + "/v3"
    _, headers, _ = call(base, "POST", "/auth/tokens", {
        "auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": "admin", "domain": {"name": "Default"},
                "password": os.environ["ADMIN_PASSWORD"]}}},
            "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}},
        }})
    token = headers["X-Subject-Token"]

    def post(path, key, obj):
        return call(base, "POST", path, {key: obj}, token)[2][key]["id"]

    roles = {r["name"]: r["id"] for r in call(base, "GET", "/roles", token=token)[2]["roles"]}
    service = post("/projects", "project", {"name": "service", "domain_id": "default"})
    demo = post("/projects", "project", {"name": "demo", "domain_id": "default"})
    neutron_user = post("/users", "user", {"name": "neutron", "domain_id": "default",
                                           "password": os.environ["NEUTRON_PASSWORD"]})
    demo_user = post("/users", "user", {"name": "demo", "domain_id": "default",
                                        "password": os.environ["DEMO_PASSWORD"]})
    call(base, "PUT", "/projects/%s/users/%s/roles/%s" % (service, neutron_user, roles["admin"]),
         token=token)
    call(base, "PUT", "/projects/%s/users/%s/roles/%s" % (demo, demo_user, roles["member"]),
         token=token)
    svc = post("/services", "service", {"type": "network", "name": "neutron"})
    for interface in ("public", "internal", "admin"):
        post("/endpoints", "endpoint", {"service_id": svc, "interface": interface,
                                        "region_id": "RegionOne", "url": network})
    print("projects service, demo; users neutron, demo; network endpoint %s" % network)


if __name__ == "__main__":
    main()
