"""The flex_a2p role and the audit, on the example inventory (three accounts) against the emulator."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from harness import REPO

INVENTORY = REPO / "playbooks" / "inventory"
ROLLOUT = REPO / "playbooks" / "flex_a2p.yml"
AUDIT = REPO / "playbooks" / "audit.yml"
DRIFT = REPO / "playbooks" / "emulator" / "drift.yml"
SEED = yaml.safe_load((REPO / "playbooks" / "emulator" / "seed.yml").read_text(encoding="utf-8"))
STAGING, EAST, WEST = (account["sid"] for account in SEED["accounts"])


@pytest.fixture(name="accounts")
def fixture_accounts(emulator_factory, ansible_playbook):
    """The example accounts, with the hand-made drift applied."""
    emulator = emulator_factory(SEED, "--campaign-approval-seconds", "0")
    drift = ansible_playbook(DRIFT, emulator, "-i", str(INVENTORY))
    assert drift.rc == 0, drift.stdout
    return emulator


def state(emulator, account_sid):
    return emulator.state()["accounts"][account_sid]


def flex_service(emulator, account_sid):
    [service] = [s for s in state(emulator, account_sid)["services"] if s["friendly_name"] == "Flex contact center"]
    return service


def summaries(run):
    return {r["host"]: r["result"]["ansible_facts"]["flex_a2p_summary"] for r in run.results if r["task"].endswith("Summarise the account")}


def test_rollout_puts_every_account_right_then_changes_nothing(accounts, ansible_playbook):
    numbers_before = {acc: state(accounts, acc)["phone_numbers"] for acc in (STAGING, EAST, WEST)}
    first = ansible_playbook(ROLLOUT, accounts, "-i", str(INVENTORY))
    assert first.rc == 0, first.stdout[-4000:]
    summary = summaries(first)
    assert set(summary) == {"staging-us", "production-east", "production-west"}
    assert summary["staging-us"]["moved"] == ["+15550100003"]
    assert summary["production-west"]["removed"] == ["+15550300003"] and summary["production-west"]["added"] == ["+15550300002"]
    assert sorted(summary["production-east"]["added"]) == ["+1555020000%d" % i for i in (1, 2, 3, 4)]
    assert all(s["pool_size"] in (3, 4, 2) for s in summary.values())

    west = flex_service(accounts, WEST)
    assert west["use_inbound_webhook_on_number"] is True
    for acc in (STAGING, EAST, WEST):
        service = flex_service(accounts, acc)
        assert service["use_inbound_webhook_on_number"] is True
        assert state(accounts, acc)["phone_numbers"] == numbers_before[acc], "a number's own settings changed"
    assert "Customer care conversations between Example Co agents" in json.dumps(state(accounts, WEST))

    second = ansible_playbook(ROLLOUT, accounts, "-i", str(INVENTORY))
    assert second.rc == 0, second.stdout[-4000:]
    assert second.writes == []
    assert "changed=0" in second.stdout and "changed=1" not in second.stdout


def test_order_service_first_then_pool_then_campaign(accounts, ansible_playbook):
    run = ansible_playbook(ROLLOUT, accounts, "-i", str(INVENTORY), "--limit", "production")
    assert run.rc == 0, run.stdout[-4000:]
    for acc in (EAST, WEST):
        writes = [w for w in run.writes if w["account_sid"] == acc]
        kinds = ["service" if w["path"].count("/") == 3 or w["path"] == "/v1/Services" else
                 "pool" if "/PhoneNumbers" in w["path"] else "campaign" if "/Usa2p" in w["path"] else w["path"] for w in writes]
        assert kinds[0] == "service", kinds
        assert kinds.index("service") < kinds.index("pool") < kinds.index("campaign"), kinds
    assert {r["account_sid"] for r in run.requests} == {EAST, WEST}


def test_limit_staging_touches_one_account(accounts, ansible_playbook):
    run = ansible_playbook(ROLLOUT, accounts, "-i", str(INVENTORY), "--limit", "staging")
    assert run.rc == 0, run.stdout[-4000:]
    assert {r["account_sid"] for r in run.requests} == {STAGING}


# What Twilio assigns when the real run creates or registers: the only summary keys a check-mode plan cannot know.
ASSIGNED = {"service_sid": ("service_action", "create"), "campaign_sid": ("campaign_action", "register"),
            "campaign_status": ("campaign_action", "register"), "campaign_id": ("campaign_action", "register")}


def test_check_diff_shows_the_whole_plan_and_its_summary_is_what_the_real_run_does(accounts, ansible_playbook):
    check = ansible_playbook(ROLLOUT, accounts, "-i", str(INVENTORY), "--check", "--diff")
    assert check.rc == 0, check.stdout[-4000:]
    assert check.writes == []
    # The drifted account: the service's setting; the fresh ones (no Flex service yet): every number to be added or
    # moved, and the campaign with its fields.
    assert '+    "use_inbound_webhook_on_number": true' in check.stdout
    for number in ("+15550200001", "+15550200004", "+15550100003"):
        assert '+        "%s"' % number in check.stdout, number
    assert '+    "usecase": "CUSTOMER_CARE"' in check.stdout and '+    "message_samples": [' in check.stdout
    real = ansible_playbook(ROLLOUT, accounts, "-i", str(INVENTORY), "--diff")
    assert real.rc == 0, real.stdout[-4000:]
    planned, done = summaries(check), summaries(real)
    assert planned["staging-us"]["moved"] == ["+15550100003"] and planned["staging-us"]["service_action"] == "create"
    assert len(planned["production-east"]["added"]) == 4 and planned["production-east"]["campaign_action"] == "register"
    assert planned["production-east"]["campaign_usecase"] == "CUSTOMER_CARE"
    assert planned["production-west"]["service_action"] == "update" and planned["production-west"]["campaign_action"] == "update"
    for host in ("staging-us", "production-east", "production-west"):
        plan, did = planned[host], done[host]
        assert set(plan) == set(did), host
        assert (plan["check_mode"], did["check_mode"]) == (True, False)
        for key in sorted(set(plan) - {"check_mode", "line"}):
            action_key, action = ASSIGNED.get(key, (None, None))
            if action_key and plan[action_key] == action:
                assert plan[key] in ("", "to be registered") and did[key], (host, key, plan[key], did[key])
            else:
                assert plan[key] == did[key], (host, key, plan[key], did[key])
        assert plan["line"].endswith("(check mode: nothing was written)") and "to be" in plan["line"]
        assert did["line"].startswith("%s: service MG" % host) and "to be" not in did["line"]


def test_a_number_that_does_not_route_to_flex_stops_the_role_before_any_write(emulator_factory, ansible_playbook, tmp_path):
    seed = yaml.safe_load(yaml.safe_dump(SEED))
    seed["accounts"][1]["phone_numbers"][0]["sms_url"] = "https://example.com/not-flex"
    emulator = emulator_factory(seed)
    run = ansible_playbook(ROLLOUT, emulator, "-i", str(INVENTORY), "--limit", "production-east")
    assert run.rc != 0
    assert ("flex_a2p: nothing was changed; the preflight found 1 problem(s): Flex routing: +15550200001 does not route inbound SMS to "
            "Flex: sms_url is") in run.stdout
    assert run.writes == []
    warned = ansible_playbook(ROLLOUT, emulator, "-i", str(INVENTORY), "--limit", "production-east", "-e", "flex_a2p_routing_check=warn")
    assert warned.rc == 0, warned.stdout[-4000:]
    assert "WARNING: these numbers do not route inbound SMS to Flex" in warned.stdout


def test_audit_is_read_only_and_reports_drift(accounts, ansible_playbook, tmp_path):
    report = tmp_path / "report"
    audit = ansible_playbook(AUDIT, accounts, "-i", str(INVENTORY), "--check", "-e", "audit_report_dir=%s" % report)
    assert audit.rc == 0, audit.stdout[-4000:]
    assert audit.writes == []
    data = json.loads((report / "a2p-audit.json").read_text(encoding="utf-8"))
    verdicts = {a["account"]: a["verdict"] for a in data["accounts"]}
    assert verdicts == {"staging-us": "drift", "production-east": "drift", "production-west": "drift"}
    west = next(a for a in data["accounts"] if a["account"] == "production-west")
    assert west["service"]["before"]["use_inbound_webhook_on_number"] is False and west["service"]["after"]["use_inbound_webhook_on_number"] is True
    assert [m["value"] for m in west["pool"]["removed"]] == ["+15550300003"]
    assert west["campaign"]["drift"] is True
    assert "+15550300002" in [s["phone_number"] for s in west["unregistered_senders"]]
    html = (report / "a2p-audit.html").read_text(encoding="utf-8")
    assert "production-west" in html and "use_inbound_webhook_on_number" in html and "+15550300003" in html
    assert "<script" not in html and "http" not in html.split("<body>")[0].replace("https://", "")

    gate = ansible_playbook(AUDIT, accounts, "-i", str(INVENTORY), "-e", "audit_report_dir=%s" % (tmp_path / "gate"), "-e", "audit_fail_on_drift=true")
    assert gate.rc != 0 and gate.writes == []

    assert ansible_playbook(ROLLOUT, accounts, "-i", str(INVENTORY)).rc == 0
    after = ansible_playbook(AUDIT, accounts, "-i", str(INVENTORY), "-e", "audit_report_dir=%s" % (tmp_path / "after"), "-e", "audit_fail_on_drift=true")
    assert after.rc == 0, after.stdout[-4000:]
    assert after.writes == []
    data = json.loads((tmp_path / "after" / "a2p-audit.json").read_text(encoding="utf-8"))
    verdicts = {a["account"]: a["verdict"] for a in data["accounts"]}
    assert verdicts["production-east"] == "ok"
    west = next(a for a in data["accounts"] if a["account"] == "production-west")
    assert west["verdict"] == "at-risk"
    assert [s["phone_number"] for s in west["unregistered_senders"]] == ["+15550300003"]
    shutil.rmtree(tmp_path / "gate", ignore_errors=True)
