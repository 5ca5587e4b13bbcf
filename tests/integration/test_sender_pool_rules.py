"""Issue 11, sender pools: Twilio's pool rules as sender_pool and the flex_a2p role meet them (docs/emulator.md, "Sender pools").

One playbook of sender_pool tasks and one flex_a2p run that stops in its preflight, against one emulator, two accounts:
an MMS-only number joins a pool (error page 21715: SMS or MMS); a second number for a sole-proprietor campaign is
refused before any write, in check mode too, naming the service, the brand and the count; a conflict is named in
Twilio's words (21712); the role refuses two numbers for a sole-proprietor brand before its first write.
"""

from __future__ import annotations

import requests
import yaml
from harness import account, auth_for
from rollout_kit import CAMPAIGN, ROLLOUT

MODULES, ROLE = "c", "d"
BRANDS = {char: {"sid": "BN" + char * 32, "customer_profile_bundle_sid": "BU" + char * 32, "a2p_profile_bundle_sid": "BU" + char * 31 + "0",
                 "brand_type": "SOLE_PROPRIETOR", "status": "APPROVED", "identity_status": "VERIFIED"} for char in (MODULES, ROLE)}
MMS_ONLY = {"voice": True, "sms": False, "mms": True, "fax": False}
SOLE_CAMPAIGN = {**CAMPAIGN, "usecase": "SOLE_PROPRIETOR"}
SOLO = "MG" + "c" * 32


def numbers(char):
    return [{"phone_number": "+1555%s00000%d" % ("7" if char == MODULES else "8", i), "sid": "PN%s%031x" % (char, i), "sms_url": ""}
            for i in (1, 2, 3)]


def seed():
    modules = numbers(MODULES)
    modules[2]["capabilities"] = MMS_ONLY
    return {"accounts": [
        account(MODULES, phone_numbers=modules, brands=[BRANDS[MODULES]],
                services=[{"friendly_name": "Pool"}, {"friendly_name": "Solo", "sid": SOLO}, {"friendly_name": "Other"}]),
        account(ROLE, phone_numbers=numbers(ROLE), brands=[BRANDS[ROLE]]),
    ]}


def writes_of(run, char):
    return [(w["method"], w["path"].rsplit("/", 1)[-1]) for w in run.writes if w.get("account_sid") == "AC" + char * 32]


def register_sole_campaign(emulator, acc):
    """The Solo service's campaign, of the sole-proprietor brand, put in place through the API (a2p_campaign's own tests cover it)."""
    form = {"BrandRegistrationSid": BRANDS[MODULES]["sid"], "UsAppToPersonUsecase": "SOLE_PROPRIETOR", "Description": CAMPAIGN["description"],
            "MessageFlow": CAMPAIGN["message_flow"], "MessageSamples": CAMPAIGN["message_samples"], "HasEmbeddedLinks": "false",
            "HasEmbeddedPhone": "false"}
    response = requests.post(emulator.url + "/messaging/v1/Services/%s/Compliance/Usa2p" % SOLO, data=form, auth=(acc["sid"], acc["auth_token"]),
                             timeout=10)
    assert response.status_code == 201, response.text
    return response.json()["sid"]


def role_inventory(directory, acc):
    (directory / "host_vars").mkdir(parents=True)
    (directory / "hosts.yml").write_text(yaml.safe_dump({"twilio_accounts": {"hosts": {"solo": None}}}), encoding="utf-8")
    host_vars = {"ansible_python_interpreter": "{{ ansible_playbook_python }}", "twilio_account_sid": acc["sid"], "twilio_auth_token": acc["auth_token"],
                 "flex_a2p_service_name": "Solo contact center", "flex_a2p_phone_numbers": [n["phone_number"] for n in numbers(ROLE)[:2]],
                 "flex_a2p_brand_sid": BRANDS[ROLE]["sid"], "flex_a2p_campaign": SOLE_CAMPAIGN}
    (directory / "host_vars" / "solo.yml").write_text(yaml.safe_dump(host_vars), encoding="utf-8")
    return directory / "hosts.yml"


def test_pool_rules_of_twilio_before_any_write(emulator_factory, make_playbook, ansible_playbook, tmp_path):
    acc_seed = seed()
    emulator = emulator_factory(acc_seed)
    campaign = register_sole_campaign(emulator, acc_seed["accounts"][0])
    owned = [n["phone_number"] for n in numbers(MODULES)]
    keep_going = {"ignore_errors": True}
    playbook = make_playbook(
        auth_for(acc_seed["accounts"][0]),
        ("MMS-only number joins", "sender_pool", {"service": "Pool", "phone_numbers": [owned[2]]}),
        ("Its one number", "sender_pool", {"service": "Solo", "phone_numbers": [owned[0]]}),
        ("A second number, check mode", "sender_pool", {"service": "Solo", "phone_numbers": owned[:2]}, {**keep_going, "check_mode": True}),
        ("A second number", "sender_pool", {"service": "Solo", "phone_numbers": owned[:2]}, keep_going),
        ("A number of another pool", "sender_pool", {"service": "Other", "phone_numbers": [owned[2]]}, keep_going),
    )
    run = ansible_playbook(playbook, emulator)

    joined = run.result("MMS-only number joins")
    assert joined["changed"] is True and [m["value"] for m in joined["added"]] == [owned[2]], joined.get("msg")
    assert run.result("Its one number")["changed"] is True, run.result("Its one number").get("msg")
    for task in ("A second number, check mode", "A second number"):
        refused = run.result(task)
        assert run.status(task) == "failed" and refused["changed"] is False, refused
        assert ("messaging service %s carries A2P campaign %s of sole-proprietor brand %s, and Twilio allows one phone number per "
                "sole-proprietor campaign; the pool would hold 2 (%s, %s)"
                % (SOLO, campaign, BRANDS[MODULES]["sid"], owned[0], owned[1])) in refused["msg"]
    conflict = run.result("A number of another pool")["msg"]
    assert "(Twilio error 21712: Phone Number or Short Code is associated with another Messaging Service; on_conflict=move moves it)" in conflict
    # Writes: the MMS-only number and the sole proprietor's one number; nothing from the refused tasks.
    assert writes_of(run, MODULES) == [("POST", "PhoneNumbers"), ("POST", "PhoneNumbers")]

    # The role: a brand given by SID is read in the plan; two numbers for its campaign stop the preflight, nothing written.
    role = ansible_playbook(ROLLOUT, emulator, "-i", str(role_inventory(tmp_path / "inventory", acc_seed["accounts"][1])))
    [stop] = [r["result"]["msg"] for r in role.results if r["host"] == "solo" and r["status"] == "failed"]
    assert stop.startswith("flex_a2p: nothing was changed; the preflight found"), stop
    assert ("sender pool: the pool would hold 2 phone numbers (+15558000001, +15558000002), but the campaign is registered for sole-proprietor "
            "brand %s, and Twilio allows one phone number per sole-proprietor campaign" % BRANDS[ROLE]["sid"]) in stop
    assert writes_of(role, ROLE) == []
