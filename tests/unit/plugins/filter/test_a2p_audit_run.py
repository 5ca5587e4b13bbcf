"""The audit playbook gathers its run in Python (filter a2p_audit_run): the audits in the group's order, the accounts of
the run whose audit failed with the reason (email addresses hidden), and the accounts --limit left out."""

from __future__ import annotations

import pytest

from ansible_collections.tendlc.twilio.plugins.filter.a2p_audit_run import FilterModule, a2p_audit_run

HOSTS = ["staging", "east", "west", "north"]


def audit(host, verdict):
    return {"account": host, "verdict": verdict, "findings": []}


def test_every_account_audited():
    hostvars = {host: {"audit_in_run": True, "flex_a2p_audit": audit(host, "ok" if host != "east" else "drift")} for host in HOSTS}
    run = a2p_audit_run(HOSTS, hostvars)
    assert run == {"accounts": [hostvars[host]["flex_a2p_audit"] for host in HOSTS], "failed": {}, "not_in_this_run": [], "unaudited": [],
                   "verdicts": {"staging": "ok", "east": "drift", "west": "ok", "north": "ok"},
                   "lines": ["staging: ok", "east: drift", "west: ok", "north: ok"]}
    assert FilterModule().filters() == {"a2p_audit_run": a2p_audit_run}


def test_failed_audits_and_accounts_left_out():
    hostvars = {
        "staging": {"inventory_hostname": "staging"},  # left out by --limit
        "east": {"audit_in_run": True, "flex_a2p_audit": audit("east", "at-risk")},
        "west": {"audit_in_run": True, "audit_failure": "Read the numbers: HTTP 401 (20003) for owner ops.lead@example.com"},
        "north": {"audit_in_run": True},  # failed without a reason the play kept
    }
    run = a2p_audit_run(HOSTS, hostvars)
    assert run["accounts"] == [hostvars["east"]["flex_a2p_audit"]] and run["verdicts"] == {"east": "at-risk"}
    assert run["failed"] == {"west": "Read the numbers: HTTP 401 (20003) for owner (email hidden)", "north": "failed: see the play output"}
    assert (run["not_in_this_run"], run["unaudited"]) == (["staging"], ["west", "north", "staging"])
    assert run["lines"] == ["east: at-risk", "west: NOT AUDITED (its audit failed, see the report)",
                            "north: NOT AUDITED (its audit failed, see the report)", "staging: not in this run (--limit)"]


def test_the_hosts_must_be_a_list():
    with pytest.raises(TypeError, match="the list of the accounts' hosts, got str"):
        a2p_audit_run("staging", {})
