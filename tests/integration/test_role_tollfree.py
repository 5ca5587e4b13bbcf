"""Issue 14: the flex_a2p role manages the toll-free verification of the toll-free numbers in its pool. Real
ansible-playbook runs of playbooks/flex_a2p.yml and playbooks/audit.yml against the emulator, one account whose pool is
a toll-free and a local number, with flex_a2p_tollfree_verification and no campaign: the first run submits exactly one
verification (the toll-free number's, no campaign needed), the second writes nothing; the audit reports the toll-free
number as its own finding until the emulator (as Twilio's review) approves it, then not. Personal data never shows."""

from __future__ import annotations

import json

import requests
import yaml
from harness import REPO, account
from rollout_kit import ROLLOUT

TF, LOCAL = "+18005550100", "+15555550100"
PN_TF, PN_LOCAL = "PN%032x" % 0x7E01, "PN%032x" % 0x7E02
EMAIL = "notify.r14@example.com"
VERIFICATIONS = "/v1/Tollfree/Verifications"
FORM = {"business_name": "Owl, Inc.", "business_website": "https://www.owl.example", "notification_email": "{{ vault_tfv_email }}",
        "use_case_categories": ["ACCOUNT_NOTIFICATIONS"], "use_case_summary": "Order and delivery notices to customers who opted in.",
        "production_message_sample": "Owl: your order 1234 ships today. Reply STOP to opt out.",
        "opt_in_image_urls": ["https://www.owl.example/optin.png"], "opt_in_type": "WEB_FORM", "message_volume": "1,000"}


def inventory(directory, acc):
    (directory / "host_vars").mkdir(parents=True)
    (directory / "hosts.yml").write_text(yaml.safe_dump({"twilio_accounts": {"hosts": {"owl": None}}}), encoding="utf-8")
    host_vars = {"ansible_python_interpreter": "{{ ansible_playbook_python }}", "twilio_account_sid": acc["sid"],
                 "twilio_auth_token": acc["auth_token"], "vault_tfv_email": EMAIL, "flex_a2p_service_name": "Owl Flex",
                 "flex_a2p_phone_numbers": [TF, LOCAL], "flex_a2p_tollfree_verification": FORM}
    (directory / "host_vars" / "owl.yml").write_text(yaml.safe_dump(host_vars), encoding="utf-8")
    return directory


def summary_of(run):
    [summary] = [r["result"]["ansible_facts"]["flex_a2p_summary"] for r in run.results if r["task"].endswith("Summarise the account")]
    return summary


def toll_free_findings(report_dir):
    [owl] = json.loads((report_dir / "a2p-audit.json").read_text(encoding="utf-8"))["accounts"]
    return [f for f in owl["findings"] if f["kind"] == "toll_free"]


def test_the_role_submits_the_toll_free_verification_once_and_the_audit_reports_it_until_approved(emulator_factory, ansible_playbook, tmp_path):
    acc = account("e", phone_numbers=[{"phone_number": TF, "sid": PN_TF, "sms_url": ""}, {"phone_number": LOCAL, "sid": PN_LOCAL, "sms_url": ""}])
    emulator = emulator_factory({"accounts": [acc]})
    hosts = str(inventory(tmp_path / "inventory", acc))

    first = ansible_playbook(ROLLOUT, emulator, "-i", hosts)
    assert first.rc == 0, first.stdout[-6000:]
    submitted = [w for w in first.writes if w["path"].endswith(VERIFICATIONS)]
    assert [(w["method"], w["status"]) for w in submitted] == [("POST", 201)]
    assert not any("/Verifications/" in w["path"] or "UsAppToPerson" in w["path"] for w in first.writes)  # no edit, no campaign
    summary = summary_of(first)
    assert summary["tollfree"] == [{"phone_number": TF, "status": "PENDING_REVIEW", "action": "create"}]
    assert summary["tollfree_not_approved"] == [TF] and "%s PENDING_REVIEW (submitted)" % TF in summary["line"]
    assert submitted[0]["form"]["TollfreePhoneNumberSid"] == PN_TF

    second = ansible_playbook(ROLLOUT, emulator, "-i", hosts)
    assert second.rc == 0, second.stdout[-6000:]
    assert second.writes == []
    assert summary_of(second)["tollfree"] == [{"phone_number": TF, "status": "PENDING_REVIEW", "action": "none"}]

    reports = tmp_path / "report"
    audit = REPO / "playbooks" / "audit.yml"
    pending = ansible_playbook(audit, emulator, "-i", hosts, "--check", "-e", "audit_report_dir=%s" % (reports / "pending"))
    assert pending.rc == 0, pending.stdout[-6000:]
    [finding] = toll_free_findings(reports / "pending")
    assert finding["text"].startswith(TF) and "PENDING_REVIEW" in finding["text"]

    hh = submitted[0]["response"]["sid"]
    answer = requests.post("%s/_emulator/tollfree-verifications/%s" % (emulator.url, hh), json={"status": "TWILIO_APPROVED"}, timeout=10)
    assert answer.status_code == 200, answer.text
    approved = ansible_playbook(audit, emulator, "-i", hosts, "--check", "-e", "audit_report_dir=%s" % (reports / "approved"))
    assert approved.rc == 0, approved.stdout[-6000:]
    assert toll_free_findings(reports / "approved") == []
    for run in (first, second, pending, approved):
        assert EMAIL not in run.stdout + run.stderr


def test_a_verification_twilio_refuses_stops_the_role_saying_what_the_run_wrote(emulator_factory, ansible_playbook, tmp_path):
    """Twilio answers the create with a gateway's 403 page (the emulator's fault): the role stops after the pool, before
    anything billed, and its message says what the run already wrote and which number's verification failed."""
    acc = account("f", phone_numbers=[{"phone_number": TF, "sid": PN_TF, "sms_url": ""}, {"phone_number": LOCAL, "sid": PN_LOCAL, "sms_url": ""}])
    emulator = emulator_factory({"accounts": [acc]}, "--fault", "product=messaging method=POST path=/v1/Tollfree/Verifications html-403=1")
    run = ansible_playbook(ROLLOUT, emulator, "-i", str(inventory(tmp_path / "inventory", acc)))
    assert run.rc != 0
    [failed] = [r for r in run.results if r["status"] == "failed" and not r["result"].get("results")]
    assert failed["task"].endswith("Stop when a toll-free verification failed"), run.stdout[-4000:]
    message = failed["result"]["msg"]
    assert message.startswith("flex_a2p: the run already wrote: the messaging service, the sender pool (2 added, 0 moved, 0 removed);")
    assert "the toll-free verification of %s failed:" % TF in message
    assert failed["result"]["changed"] is True
    assert EMAIL not in run.stdout + run.stderr
