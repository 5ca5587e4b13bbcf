"""Twilio's checks of the onboarding that the modules cannot make beforehand, through playbooks/onboard.yml.

- Non-compliant evaluations, two accounts in one run, each a case the modules cannot check beforehand:
  - the primary_profile_sid given is the ISV's approved *starter* customer profile (a BU SID of the account,
    twilio-approved, so every check the module can make passes), not its primary business profile: the evaluation fails
    on its "Primary Customer Profile Bundle" requirement;
  - someone began the profile in the Console (same name and email, draft) and assigned an authorized representative 2
    without a phone number, while the inventory names one representative: the module adopts that draft, and the
    evaluation fails on "Authorized Representative 2" / phone_number.
  Each run stops before the submission (no Status=pending-review request), naming the failing requirement and field;
  no trust product, no brand. Corrected (the right SID; the second representative given), the next run submits the same
  profiles (no second one).
- Rejected profile: submitted, then rejected by Twilio's review (admin route: twilio-rejected with errors). The next run
  stops with Twilio's reasons (codes, their pages and texts) and writes nothing; the audit reports the rejection and its
  error codes (in its JSON and HTML); once a field is corrected the run
  updates the profile and submits it again (no second profile).
No PII in any output, result or emulator error. Prints requests, writes and seconds per run.
"""

from __future__ import annotations

import json
import time

import requests
from onboarding_kit import (AUDIT, BUSINESS, HOST, ONBOARD, PRIMARY_SID, PROFILE_EMAIL, PROFILE_NAME, REPRESENTATIVES, SECONDARY_POLICY,
                            answers, counts, failed_tasks, live, module_results, onboarding,
                            onboarding_account, onboarding_summary, outputs, pii_found, report, seed, submissions, write_inventory)

STARTER_SID = "BU" + "5" * 32
STARTER_POLICY = "RN806dd6cd175f314e1f96a9727ee271f4"  # the spec's fetchStarterCustomerProfilePolicy example
STARTER = {"sid": STARTER_SID, "friendly_name": "Example ISV starter", "email": "isv-starter.q7@example.com", "policy_sid": STARTER_POLICY,
           "status": "twilio-approved"}
CONSOLE_HOST, OTHER_PRIMARY_SID, CONSOLE_DRAFT_SID, CONSOLE_REP_SID = "account-2", "BU" + "8" * 32, "BU" + "7" * 32, "IT" + "7" * 32
CONSOLE_REP = {"first_name": "Josephine", "last_name": "Consolewright", "email": "josephine.consolewright@example.com",
               "business_title": "Clerk", "job_position": "Other"}  # no phone_number
REJECTION = [{"code": 18601, "message": "The business name does not match the registration records for the registration number."}]


def timed(ansible_playbook, emulator, inventory, capsys, label, *args):
    started = time.monotonic()
    run = ansible_playbook(ONBOARD, emulator, "-i", str(inventory), *args)
    report(capsys, "onboarding-review", "%s: rc %d, %d requests, %d writes, %.1f s"
           % (label, run.rc, len(run.requests), len(run.writes), time.monotonic() - started))
    return run


def secondary_profiles(emulator, acc):
    return [p for p in live(emulator, acc)["customer_profiles"] if p["sid"] not in (PRIMARY_SID, STARTER_SID, OTHER_PRIMARY_SID)]


def console_draft_account() -> dict:
    """An account where someone began the secondary profile in the Console (same name and email, draft) and assigned an
    authorized representative 2 without a phone number; the inventory names one representative only."""
    return onboarding_account("7", end_users=[{"sid": CONSOLE_REP_SID, "type": "authorized_representative_2", "friendly_name": "Console rep",
                                              "attributes": CONSOLE_REP}],
                              customer_profiles=[{"sid": OTHER_PRIMARY_SID, "primary": True},
                                                 {"sid": CONSOLE_DRAFT_SID, "friendly_name": PROFILE_NAME, "email": PROFILE_EMAIL,
                                                  "policy_sid": SECONDARY_POLICY, "status": "draft", "entities": [CONSOLE_REP_SID]}])


def test_noncompliant_evaluation_stops_before_submission_naming_what_fails(emulator_factory, ansible_playbook, tmp_path, capsys):
    starter_acc = onboarding_account(customer_profiles=[{"sid": PRIMARY_SID, "primary": True}, STARTER])
    console_acc = console_draft_account()
    the_seed = seed(starter_acc, console_acc)
    emulator = emulator_factory(the_seed)
    one_representative = {**onboarding()["profile"], "representatives": REPRESENTATIVES[:1]}
    wrong = write_inventory(tmp_path / "wrong", the_seed, hosts={
        HOST: {"flex_a2p_onboarding": onboarding(wait=False, primary_profile_sid=STARTER_SID)},
        CONSOLE_HOST: {"flex_a2p_onboarding": onboarding(wait=False, primary_profile_sid=OTHER_PRIMARY_SID, profile=one_representative)}})
    run = timed(ansible_playbook, emulator, wrong, capsys, "starter profile as the primary; a Console draft's incomplete representative",
                "-vvvv", "--diff")
    assert run.rc != 0, run.stdout[-3000:]
    assert submissions(run.requests) == []
    failed = {host: (task, msg) for host, task, msg in failed_tasks(run)}
    assert sorted(failed) == sorted([HOST, CONSOLE_HOST]), failed

    # The starter profile: the primary-profile requirement fails (a requirement without fields).
    _task, msg = failed[HOST]
    assert "not compliant" in msg and "not submitted" in msg and "Primary Customer Profile" in msg, msg
    [profile] = secondary_profiles(emulator, starter_acc)
    assert profile["status"] == "draft" and profile["sid"] in msg, (profile, msg)
    [result] = module_results(run, "evaluation")
    assert result["evaluation"]["status"] == "noncompliant" and result["submitted"] is False, result
    assert [f["requirement"] for f in result["evaluation"]["failures"]] == ["Primary Customer Profile Bundle"], result["evaluation"]
    made = counts(emulator, starter_acc)
    assert (made["trust_products"], made["brands"]) == (0, 0), made

    # The Console draft: adopted (no second profile), its representative 2 fails on the missing phone number, named.
    _task, msg = failed[CONSOLE_HOST]
    assert [p["sid"] for p in secondary_profiles(emulator, console_acc)] == [CONSOLE_DRAFT_SID]
    assert CONSOLE_DRAFT_SID in msg and "not compliant" in msg and "Authorized Representative 2" in msg and "phone_number" in msg, msg
    [result] = module_results(run, "evaluation", CONSOLE_HOST)
    assert [(f["requirement"], f["field"]) for f in result["evaluation"]["failures"]] == [("Authorized Representative 2", "phone_number")], \
        result["evaluation"]
    found = pii_found({**outputs(run, "noncompliant"), "emulator errors": answers(emulator.records())},
                      extra=[STARTER["email"], *CONSOLE_REP.values()])

    # Fixed: the primary profile's SID; the second representative given (the module brings the Console's one up to date).
    right = write_inventory(tmp_path / "right", the_seed, hosts={
        HOST: {"flex_a2p_onboarding": onboarding(wait=False)},
        CONSOLE_HOST: {"flex_a2p_onboarding": onboarding(wait=False, primary_profile_sid=OTHER_PRIMARY_SID)}})
    fixed = timed(ansible_playbook, emulator, right, capsys, "both corrected")
    assert fixed.rc == 0, fixed.stdout[-3000:]
    [again] = secondary_profiles(emulator, starter_acc)
    assert again["sid"] == profile["sid"] and again["status"] == "pending-review", again
    [console] = secondary_profiles(emulator, console_acc)
    assert console["sid"] == CONSOLE_DRAFT_SID and console["status"] == "pending-review", console
    assert [e["sid"] for e in live(emulator, console_acc)["end_users"] if e["type"] == "authorized_representative_2"] == [CONSOLE_REP_SID]
    assert ["/v1/CustomerProfiles/" + profile["sid"], "/v1/CustomerProfiles/" + CONSOLE_DRAFT_SID] == sorted(
        path for path in submissions(fixed.requests) if "/CustomerProfiles/" in path), submissions(fixed.requests)
    assert found == {}


def test_rejected_profile_stops_with_twilios_reasons_then_a_fix_resubmits(emulator_factory, ansible_playbook, tmp_path, capsys):
    the_seed = seed()
    [acc] = the_seed["accounts"]
    emulator = emulator_factory(the_seed)  # no review timer: a submitted bundle stays pending-review until the admin route moves it
    inventory = write_inventory(tmp_path / "inventory", the_seed, flex_a2p_onboarding=onboarding(wait=False))
    first = timed(ansible_playbook, emulator, inventory, capsys, "submitted")
    assert first.rc == 0, first.stdout[-3000:]
    [profile] = secondary_profiles(emulator, acc)
    assert profile["status"] == "pending-review"
    assert onboarding_summary(first)["waiting"], onboarding_summary(first)

    answer = requests.post("%s/_emulator/customer-profiles/%s" % (emulator.url, profile["sid"]),
                           json={"status": "twilio-rejected", "errors": REJECTION}, timeout=10)
    assert answer.status_code == 200, answer.text
    rejected = timed(ansible_playbook, emulator, inventory, capsys, "rejected, nothing changed", "-vvvv", "--diff")
    assert rejected.rc != 0, rejected.stdout[-3000:]
    assert rejected.writes == [], [(w["method"], w["path"]) for w in rejected.writes]
    [(_host, _task, msg)] = failed_tasks(rejected)
    assert "twilio-rejected" in msg and profile["sid"] in msg, msg
    assert "18601" in msg and "https://www.twilio.com/docs/errors/18601" in msg and REJECTION[0]["message"] in msg, msg
    assert counts(emulator, acc)["brands"] == 0
    # The audit (read-only) reports the rejection with Twilio's errors.
    report_dir = tmp_path / "report"
    started = time.monotonic()
    audit = ansible_playbook(AUDIT, emulator, "-i", str(inventory), "--check", "-e", "audit_report_dir=%s" % report_dir)
    report(capsys, "onboarding-review", "audit of the rejected profile: rc %d, %d requests, %d writes, %.1f s"
           % (audit.rc, len(audit.requests), len(audit.writes), time.monotonic() - started))
    assert audit.rc == 0 and audit.writes == [], audit.stdout[-3000:]
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(report_dir.iterdir())}
    [audited] = [a for a in json.loads(files["a2p-audit.json"])["accounts"] if a["account"] == HOST]
    steps = audited["onboarding"].get("steps", audited["onboarding"])
    assert (steps["profile"]["sid"], steps["profile"]["status"]) == (profile["sid"], "twilio-rejected"), steps
    assert "18601" in json.dumps(steps["profile"]["errors"]) and "18601" in files["a2p-audit.html"], steps["profile"]
    assert profile["sid"] in files["a2p-audit.html"] and "twilio-rejected" in files["a2p-audit.html"]

    business = {**BUSINESS, "business_name": "Example Co Logistics Holdings LLC"}
    fixed_profile = {**onboarding()["profile"], "business": business}
    corrected = write_inventory(tmp_path / "corrected", the_seed, flex_a2p_onboarding=onboarding(wait=False, profile=fixed_profile))
    fixed = timed(ansible_playbook, emulator, corrected, capsys, "business name corrected")
    assert fixed.rc == 0, fixed.stdout[-3000:]
    [again] = secondary_profiles(emulator, acc)
    assert again["sid"] == profile["sid"] and again["status"] == "pending-review", again
    assert submissions(fixed.requests) == ["/v1/CustomerProfiles/" + profile["sid"]], [(w["method"], w["path"]) for w in fixed.writes]
    assert [w for w in fixed.writes if w["path"].startswith("/v1/EndUsers/")], "the business information was not updated"
    assert counts(emulator, acc)["customer_profiles"] == 2
    texts = {"emulator errors": answers(emulator.records())}
    for label, run in (("submitted", first), ("rejected", rejected), ("audit", audit), ("fixed", fixed)):
        texts.update(outputs(run, label))
    texts.update({"file " + name: text for name, text in files.items()})
    assert pii_found(texts) == {}
    assert HOST in rejected.stdout
