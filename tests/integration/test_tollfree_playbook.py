"""Issue 14: toll-free verification with real ansible-playbook against the emulator, in one run: the info module before
and after, a create (check mode first: the same result less what Twilio assigns), a no-op, an edit refused while in
review, an edit of a rejection Twilio allows, a rejection the wait reports, and absent (refused for an approved one
without force). The emulator's admin route plays Twilio's review; its log shows every write."""

from __future__ import annotations

import json

from harness import account, auth_for

TF, TF_SEEDED, LOCAL = "+18005550100", "+18885550111", "+15555550100"
PN, PN_SEEDED, PN_LOCAL = ("PN%032x" % (0x7F00 + i) for i in range(3))
HH_SEEDED = "HH" + "7" * 32
EMAIL, CONTACT_PHONE = "notify.q7@example.com", "+15557340100"
# What only Twilio assigns: the tests do not import the collection's code to say what it should do.
ASSIGNED = {"sid", "account_sid", "date_created", "date_updated", "url", "trust_product_sid", "regulated_item_sid", "resource_links"}
# Personal data comes from variables, as users keep it (vaulted): ansible-playbook quotes a failed task's text.
PII = {"email": EMAIL, "phone": CONTACT_PHONE}
FORM = {"business_name": "Owl, Inc.", "business_website": "https://www.owl.example", "notification_email": "{{ pii.email }}",
        "use_case_categories": ["ACCOUNT_NOTIFICATIONS"], "use_case_summary": "Order and delivery notices to customers who opted in.",
        "production_message_sample": "Owl: your order 1234 ships today. Reply STOP to opt out.",
        "opt_in_image_urls": ["https://www.owl.example/optin.png"], "opt_in_type": "WEB_FORM", "message_volume": "1,000"}
ARGS = {"phone_number": TF, **FORM, "business_contact_phone": "{{ pii.phone }}"}
IGNORE = {"ignore_errors": True}


def admin(emulator, name, sid_from, body):
    """A task that moves a verification through Twilio's review with the emulator's admin route (no credentials); no_log, as
    its answer is the whole record, personal data included (the emulator's, not the modules' output)."""
    url = "%s/_emulator/tollfree-verifications/{{ %s }}" % (emulator.url, sid_from)
    return (name, "ansible.builtin.uri", {"url": url, "method": "POST", "body_format": "json", "body": body}, {"no_log": True})


def test_tollfree_verification_lifecycle(emulator_factory, make_playbook, ansible_playbook):
    seeded = {"sid": HH_SEEDED, "tollfree_phone_number_sid": PN_SEEDED, **FORM, "notification_email": EMAIL, "status": "TWILIO_APPROVED"}
    acc = account("7", phone_numbers=[{"phone_number": TF, "sid": PN}, {"phone_number": TF_SEEDED, "sid": PN_SEEDED},
                                      {"phone_number": LOCAL, "sid": PN_LOCAL}], tollfree_verifications=[seeded])
    emulator = emulator_factory({"accounts": [acc]})
    sid = "created.verification.sid"
    playbook = make_playbook(
        auth_for(acc),
        ("Info before", "tollfree_verification_info", {}),
        ("Create planned", "tollfree_verification", ARGS, {"check_mode": True}),
        ("Create", "tollfree_verification", ARGS, {"register": "created"}),
        ("Again", "tollfree_verification", {**ARGS, "phone_number": PN}),
        ("Edit in review", "tollfree_verification", {**ARGS, "business_name": "Owl Two, Inc."}, IGNORE),
        admin(emulator, "Twilio rejects, editable", sid,
              {"status": "TWILIO_REJECTED", "edit_allowed": True, "error_code": 30446, "rejection_reason": "Website not accessible"}),
        ("Edit planned", "tollfree_verification", {**ARGS, "business_website": "https://www.owl.example/home", "edit_reason": "Website fixed"},
         {"check_mode": True}),
        ("Edit", "tollfree_verification", {**ARGS, "business_website": "https://www.owl.example/home", "edit_reason": "Website fixed"}),
        admin(emulator, "Twilio rejects for good", sid,
              {"status": "TWILIO_REJECTED", "edit_allowed": False, "error_code": 30446, "rejection_reason": "Opt-in not shown"}),
        ("Wait rejected", "tollfree_verification", {**ARGS, "business_website": "https://www.owl.example/home", "wait": True,
                                                    "poll_interval": 1, "wait_timeout": 5}, IGNORE),
        ("Info after", "tollfree_verification_info", {"phone_numbers": [TF, PN_SEEDED, LOCAL]}),
        ("Absent approved", "tollfree_verification", {"phone_number": TF_SEEDED, "state": "absent"}, IGNORE),
        ("Absent", "tollfree_verification", {"phone_number": TF, "state": "absent"}),
        ("Absent again", "tollfree_verification", {"phone_number": TF, "state": "absent"}),
    )
    run = ansible_playbook(playbook, emulator, extra_vars={"pii": PII})
    assert run.rc == 0, run.stdout[-4000:]
    created_sid = run.result("Create")["verification"]["sid"]
    # The only writes: the create, the edit, the delete (the admin route is not Twilio's API).
    assert [(w["method"], w["path"]) for w in run.writes if "/_emulator/" not in w["path"]] == [
        ("POST", "/v1/Tollfree/Verifications"), ("POST", "/v1/Tollfree/Verifications/%s" % created_sid),
        ("DELETE", "/v1/Tollfree/Verifications/%s" % created_sid)]

    before = {n["phone_number"]: n["verification"] for n in run.result("Info before")["phone_numbers"]}
    assert set(before) == {TF, TF_SEEDED} and before[TF] is None and before[TF_SEEDED]["status"] == "TWILIO_APPROVED"

    planned, real = run.result("Create planned"), run.result("Create")
    assert planned["changed"] and real["changed"] and planned["action"] == real["action"] == "create"
    assert planned["verification"] == {key: value for key, value in real["verification"].items() if key not in ASSIGNED}
    assert real["verification"]["status"] == "PENDING_REVIEW" and real["verification"]["tollfree_phone_number_sid"] == PN
    assert real["verification"]["notification_email"] == "(set)"

    assert not run.result("Again")["changed"]
    refused = run.result("Edit in review")
    assert run.status("Edit in review") == "failed", refused
    assert "PENDING_REVIEW" in refused["msg"] and "business_name: 'Owl, Inc.' -> 'Owl Two, Inc.'" in refused["msg"]

    planned, edited = run.result("Edit planned"), run.result("Edit")
    assert planned["action"] == edited["action"] == "update" and edited["changed"]
    assert {k: v for k, v in planned["verification"].items() if k != "date_updated"} == {
        k: v for k, v in edited["verification"].items() if k != "date_updated"}
    assert edited["verification"]["business_website"] == "https://www.owl.example/home"

    rejected = run.result("Wait rejected")
    assert run.status("Wait rejected") == "failed" and "TWILIO_REJECTED" in rejected["msg"] and "Opt-in not shown" in rejected["msg"]
    assert "replace: true" in rejected["msg"] and rejected["error_code"] == 30446

    after = run.result("Info after")
    assert [n["phone_number"] for n in after["phone_numbers"]] == [TF, TF_SEEDED] and after["missing"] == [LOCAL]
    assert after["phone_numbers"][0]["verification"]["status"] == "TWILIO_REJECTED"
    assert after["phone_numbers"][0]["verification"]["edit_allowed"] is False

    approved = run.result("Absent approved")
    assert run.status("Absent approved") == "failed" and "force: true" in approved["msg"]
    assert run.result("Absent")["changed"] and not run.result("Absent again")["changed"]

    text = run.stdout + json.dumps(run.results)
    assert EMAIL not in text and CONTACT_PHONE not in text
