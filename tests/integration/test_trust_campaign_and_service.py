"""Issue 9, items 1 and 5: a verified campaign is never deleted before every check of its replacement passed, a failure
after the delete says what was deleted and how to restore it, and a service that carries a campaign and senders is
deleted only with force=true. Real ansible-playbook runs against the emulator; writes counted from its log."""

from __future__ import annotations

import requests
from harness import account, auth_for

STANDARD = "BN" + "a" * 32
SOLE = "BN" + "d" * 32
PENDING = "BN" + "b" * 32
NUMBER = {"phone_number": "+15550007001", "sid": "PN%032x" % 0x7001}
SAMPLES = ["Hi Dana, this is Sam from Example Co support. Your replacement ships today.",
           "Example Co: your case 4411 is resolved. Reply HELP for help, STOP to opt out."]
TEXTS = {
    "description": "Customer care conversations between Example Co agents and customers who wrote first.",
    "message_flow": "Customers text our published support number, or opt in on https://example.com/sms.",
    "message_samples": SAMPLES, "has_embedded_links": False, "has_embedded_phone": False,
}
FLEX = {"service": "Flex", "brand_registration_sid": STANDARD, "usecase": "CUSTOMER_CARE", **TEXTS}
SOLE_CAMPAIGN = {"service": "Spare", "brand_registration_sid": SOLE, "usecase": "SOLE_PROPRIETOR", **TEXTS}
# Each replacement breaks one rule Twilio's create has; each must be refused before the verified campaign is deleted.
REFUSED_BEFORE_DELETE = [
    ("keyword with a dash", {**FLEX, "opt_out_keywords": ["STOP", "STOP-NOW"], "replace": True}, "opt_out_keywords"),
    ("help message under 20 characters", {**FLEX, "help_message": "Reply HELP", "replace": True}, "help_message"),
    ("use case the service does not accept", {**FLEX, "usecase": "MARKETING", "replace": True}, "usecase='MARKETING'"),
    ("brand not approved", {**FLEX, "brand_registration_sid": PENDING, "usecase": "MIXED", "replace": True}, "PENDING"),
    ("sole-proprietor brand that has its one campaign", {**FLEX, "brand_registration_sid": SOLE, "usecase": "SOLE_PROPRIETOR", "replace": True},
     "is a sole-proprietor brand, which registers one campaign"),
]


def seed():
    brands = [
        {"sid": STANDARD, "customer_profile_bundle_sid": "BU" + "1" * 32, "a2p_profile_bundle_sid": "BU" + "2" * 32},
        {"sid": SOLE, "customer_profile_bundle_sid": "BU" + "5" * 32, "a2p_profile_bundle_sid": "BU" + "6" * 32, "brand_type": "SOLE_PROPRIETOR"},
        {"sid": PENDING, "customer_profile_bundle_sid": "BU" + "3" * 32, "a2p_profile_bundle_sid": "BU" + "4" * 32, "status": "PENDING"},
    ]
    services = [{"friendly_name": "Flex", "usecase": "discussion"}, {"friendly_name": "Spare"}]
    return {"accounts": [account("7", brands=brands, services=services, phone_numbers=[NUMBER])]}


def campaigns(emulator):
    acc = next(iter(emulator.state()["accounts"].values()))
    return acc.get("campaigns") or acc.get("us_app_to_person") or []


def verified_campaign_on_flex(emulator, make_playbook, ansible_playbook):
    """Flex: a VERIFIED standard campaign and one number; Spare: the sole-proprietor brand's one campaign."""
    acc = emulator.seed["accounts"][0]
    setup = ansible_playbook(make_playbook(auth_for(acc), ("Flex campaign", "a2p_campaign", FLEX), ("Spare campaign", "a2p_campaign", SOLE_CAMPAIGN),
                                           ("Flex pool", "sender_pool", {"service": "Flex", "phone_numbers": [NUMBER["phone_number"]]})), emulator)
    assert setup.rc == 0, setup.stdout
    for name in ("Flex campaign", "Spare campaign"):
        sid = setup.result(name)["campaign"]["sid"]
        requests.post(emulator.url + "/_emulator/campaigns/" + sid, json={"campaign_status": "VERIFIED"}, timeout=10).raise_for_status()
    return setup.result("Flex campaign")["campaign"]["sid"]


def hostile_playbook(make_playbook, acc):
    keep_going = {"ignore_errors": True}
    tasks = [(name, "a2p_campaign", args, keep_going) for name, args, _needle in REFUSED_BEFORE_DELETE]
    tasks.append(("Delete the service without force", "messaging_service", {"friendly_name": "Flex", "state": "absent"}, keep_going))
    return make_playbook(auth_for(acc), *tasks)


def test_replace_and_delete_are_refused_before_any_write_in_check_mode_and_for_real(emulator_factory, make_playbook, ansible_playbook):
    emulator = emulator_factory(seed())
    flex_campaign = verified_campaign_on_flex(emulator, make_playbook, ansible_playbook)
    acc = emulator.seed["accounts"][0]
    playbook = hostile_playbook(make_playbook, acc)
    for args in (("--check",), ()):
        run = ansible_playbook(playbook, emulator, *args)
        assert run.writes == [], (args, run.writes)
        for name, _options, needle in REFUSED_BEFORE_DELETE:
            result = run.result(name)
            assert run.status(name) == "failed" and result["changed"] is False, (args, name, result)
            assert needle in result["msg"], (args, name, result["msg"])
        deleted = run.result("Delete the service without force")
        assert run.status("Delete the service without force") == "failed" and deleted["changed"] is False
        assert flex_campaign in deleted["msg"] and NUMBER["phone_number"] in deleted["msg"] and "force=true" in deleted["msg"]
    [flex] = [c for c in campaigns(emulator) if c["sid"] == flex_campaign]
    assert flex["campaign_status"] == "VERIFIED"


def test_a_replace_twilio_refuses_after_the_delete_says_so_and_the_restore_options_register_it_again(emulator_factory, make_playbook,
                                                                                                     ansible_playbook):
    emulator = emulator_factory(seed())
    flex_campaign = verified_campaign_on_flex(emulator, make_playbook, ansible_playbook)
    acc = emulator.seed["accounts"][0]
    # A refusal no read before the delete can foresee: every create of a campaign is answered 403 (a proxy's HTML page).
    refuse = {"product": "messaging", "method": "POST", "path": "/v1/Services/{Sid}/Compliance/Usa2p", "html-403": 1}
    requests.post(emulator.url + "/_emulator/faults", json={"rules": [refuse]}, timeout=10).raise_for_status()
    replace = {**FLEX, "usecase": "MIXED", "replace": True}
    failed = ansible_playbook(make_playbook(auth_for(acc), ("Replace", "a2p_campaign", replace)), emulator)
    requests.post(emulator.url + "/_emulator/faults", json={"rules": []}, timeout=10).raise_for_status()
    assert failed.rc != 0
    result = failed.result("Replace")
    assert failed.status("Replace") == "failed" and result["changed"] is True and result["writes"]["applied"] == 1
    assert [w["method"] for w in failed.writes] == ["DELETE", "POST"]
    assert "had already been deleted" in result["msg"] and flex_campaign in result["msg"]
    assert result["deleted_campaign"]["sid"] == flex_campaign and result["deleted_campaign"]["campaign_status"] == "VERIFIED"
    assert not [c for c in campaigns(emulator) if c["messaging_service_sid"] == result["restore"]["service"]]

    restored = ansible_playbook(make_playbook(auth_for(acc), ("Restore", "a2p_campaign", result["restore"])), emulator)
    assert restored.rc == 0, restored.stdout
    campaign = restored.result("Restore")["campaign"]
    assert campaign["brand_registration_sid"] == STANDARD and campaign["us_app_to_person_usecase"] == "CUSTOMER_CARE"
    assert campaign["message_samples"] == SAMPLES and [w["method"] for w in restored.writes] == ["POST"]


def test_force_deletes_a_service_and_the_diff_shows_what_goes(emulator_factory, make_playbook, ansible_playbook):
    emulator = emulator_factory(seed())
    flex_campaign = verified_campaign_on_flex(emulator, make_playbook, ansible_playbook)
    acc = emulator.seed["accounts"][0]
    forced = ansible_playbook(make_playbook(auth_for(acc), ("Delete", "messaging_service", {"friendly_name": "Flex", "state": "absent", "force": True})),
                              emulator, "--diff")
    assert forced.rc == 0, forced.stdout
    result = forced.result("Delete")
    assert result["changed"] is True
    assert result["diff"]["before"]["senders"] == {"phone_numbers": [NUMBER["phone_number"]]}
    assert result["diff"]["before"]["campaign"]["sid"] == flex_campaign and result["diff"]["before"]["campaign"]["campaign_status"] == "VERIFIED"
    assert [w["method"] for w in forced.writes] == ["DELETE"]
