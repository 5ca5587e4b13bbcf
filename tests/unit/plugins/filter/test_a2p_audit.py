"""The a2p_audit filter: verdicts, findings with next steps, and the numbers A2P 10DLC covers, from registered results."""

from __future__ import annotations

import json
import re

import pytest

from ansible_collections.tendlc.twilio.plugins.filter.a2p_audit import FilterModule, a2p_audit
from ansible_collections.tendlc.twilio.plugins.plugin_utils import _audit_steps as steps

MG = "MG" + "a" * 32
OTHER = "MG" + "b" * 32
BN = "BN" + "c" * 32
AC = "AC" + "d" * 32
VOICE, TOLL_FREE, UK = "+15550000007", "+18885550100", "+447700900123"


def number(sid, phone, service=None, **extra):
    return {"sid": sid, "phone_number": phone, "messaging_service_sid": service, "capabilities": {"voice": True, "sms": True, "mms": True}, **extra}


def results(**overrides):
    base = {
        "account": "prod",
        "brand_sid": BN,
        "service": {"changed": False, "service": {"sid": MG, "friendly_name": "Flex"},
                    "diff": {"before": {"sticky_sender": True}, "after": {"sticky_sender": True}}},
        "pool": {"changed": False, "added": [], "removed": [], "moved": [], "senders": [{"sid": "PN1", "kind": "phone_number", "value": "+15550000001"}],
                 "diff": {"before": {"phone_numbers": ["+15550000001"]}, "after": {"phone_numbers": ["+15550000001"]}}},
        "campaign": {"changed": False, "campaign": {"sid": "QE1"}},
        "numbers": {"phone_numbers": [number("PN1", "+15550000001", MG)],
                    "account": {"sid": AC, "friendly_name": "Production", "status": "active", "type": "Full", "note": None}},
        "brands": {"brands": [{"sid": BN, "status": "APPROVED", "identity_status": "VERIFIED", "errors": []}],
                   "campaigns": [{"sid": "QE1", "messaging_service_sid": MG, "brand_registration_sid": BN, "campaign_status": "VERIFIED", "errors": [],
                                  "us_app_to_person_usecase": "CUSTOMER_CARE", "campaign_id": "CABC123",
                                  "date_created": "2026-11-20T10:00:00Z", "date_updated": "2026-11-23T16:30:00Z"}]},
        "routing": {"phone_numbers": [], "broken": [], "missing": []},
    }
    base.update(overrides)
    return base


def texts(audit):
    return [f["text"] for f in audit["findings"]]


def finding(audit, start):
    [found] = [f for f in audit["findings"] if f["text"].startswith(start)]
    return found


def test_a_matching_account_is_ok_and_named():
    audit = a2p_audit(results())
    assert audit["verdict"] == "ok" and audit["findings"] == []
    assert audit["twilio_account"] == {"sid": AC, "friendly_name": "Production", "status": "active", "note": None}
    assert audit["pool"]["numbers"] == ["+15550000001"] and audit["pool"]["size"] == 1
    campaign = audit["campaign"]
    assert (campaign["status"], campaign["usecase"], campaign["campaign_id"]) == ("VERIFIED", "CUSTOMER_CARE", "CABC123")
    assert (campaign["date_created"], campaign["date_updated"]) == ("2026-11-20T10:00:00Z", "2026-11-23T16:30:00Z")
    assert (audit["brand"]["status"], audit["brand"]["identity_status"]) == ("APPROVED", "VERIFIED")
    assert audit["numbers"] == [{"phone_number": "+15550000001", "sid": "PN1", "friendly_name": None, "sender_class": "us_local",
                                 "messaging_service_sid": MG, "registered": True}]


def test_service_not_deferring_is_drift_with_the_rollout_as_next_step():
    service = {"changed": True, "service": {"sid": MG}, "diff": {"before": {"use_inbound_webhook_on_number": False, "usecase": "discussion"},
                                                                 "after": {"use_inbound_webhook_on_number": True, "usecase": "discussion"}}}
    audit = a2p_audit(results(service=service))
    assert audit["verdict"] == "drift"
    [found] = audit["findings"]
    assert found["kind"] == "service" and found["text"].startswith("messaging service settings differ: use_inbound_webhook_on_number (")
    assert found["next_step"] == steps.RUN_DEFER and "defer to its numbers' webhooks" in found["next_step"]


def test_other_service_settings_drift():
    service = {"changed": True, "service": {"sid": MG}, "diff": {"before": {"sticky_sender": False}, "after": {"sticky_sender": True}}}
    assert a2p_audit(results(service=service))["findings"] == [
        {"kind": "service", "text": "messaging service settings differ: sticky_sender", "next_step": steps.RUN_SETTINGS}]


def test_missing_service_is_drift():
    audit = a2p_audit(results(service={"changed": True, "service": {"friendly_name": "Flex"}}, pool={"skipped": True}, campaign={"skipped": True}))
    assert audit["verdict"] == "drift"
    assert finding(audit, "the messaging service 'Flex' does not exist")["next_step"] == steps.CREATE_SERVICE
    assert audit["pool"]["checked"] is False


def test_pool_drift_lists_the_senders_and_what_a_rollout_leaves_unregistered():
    owned = [number("PN1", "+15550000001", MG), number("PN9", "+15550000009", MG), number("PN8", UK, MG)]
    pool = {"changed": True, "added": [{"value": "+15550000002"}], "removed": [{"value": "+15550000009"}, {"value": UK}], "moved": [], "senders": [],
            "diff": {"before": {"phone_numbers": ["+15550000001", "+15550000009", UK]}, "after": {"phone_numbers": ["+15550000001", "+15550000002"]}}}
    audit = a2p_audit(results(pool=pool, numbers={"phone_numbers": owned}))
    assert audit["verdict"] == "drift"
    assert finding(audit, "1 number(s) not in the pool yet: +15550000002")["next_step"] == (
        "run the rollout (playbooks/flex_a2p.yml), which adds +15550000002 to the pool")
    left = finding(audit, "a rollout would leave 1 number(s) unregistered: +15550000009 (dropped from the exclusive pool")
    assert left["kind"] == "rollout" and left["next_step"] == (
        "to keep +15550000009 registered, add it to flex_a2p_phone_numbers before the rollout; else stop sending SMS from it")
    assert finding(audit, "1 sender(s) would be removed from the pool: %s" % UK)["kind"] == "pool"
    assert audit["before_rollout"]["leaves_unregistered"] == ["+15550000009"]
    assert (audit["pool"]["numbers"], audit["pool"]["numbers_after"]) == (["+15550000001", "+15550000009", UK], ["+15550000001", "+15550000002"])


def test_a_campaign_to_register_says_it_costs_a_fee_and_takes_days():
    campaign = {"changed": True, "replaced": False, "campaign": {}, "diff": {"before": {}, "after": {"usecase": "CUSTOMER_CARE"}}}
    brands = {**results()["brands"], "campaigns": []}
    audit = a2p_audit(results(campaign=campaign, brands=brands, numbers={"phone_numbers": []}))
    assert audit["verdict"] == "drift"
    [cost] = audit["findings"]
    assert cost["kind"] == "cost" and cost["text"].startswith("a rollout would register an A2P campaign (use case CUSTOMER_CARE), which costs a fee and days")
    assert "$15" in steps.CAMPAIGN_COST and "monthly" in steps.CAMPAIGN_COST and "weeks" in steps.CAMPAIGN_COST
    assert audit["before_rollout"] == {"leaves_unregistered": [], "registers_campaign": True, "cost": steps.CAMPAIGN_COST}
    assert audit["campaign"]["usecase"] == "CUSTOMER_CARE"


def test_replacing_a_campaign_costs_again_and_linking_an_external_one_does_not():
    replaced = a2p_audit(results(campaign={"changed": True, "replaced": True, "campaign": {}, "diff": {"before": {"usecase": "MIXED"},
                                                                                                       "after": {"usecase": "CUSTOMER_CARE"}}}))
    assert finding(replaced, "a rollout would delete the campaign and register it anew")["next_step"] == steps.AVOID_REPLACE
    assert replaced["before_rollout"]["registers_campaign"] is True
    linked = a2p_audit(results(campaign={"changed": True, "campaign": {}, "diff": {"before": {}, "after": {
        "campaign_sid": None, "campaign_id": "CEXT001", "is_externally_registered": True}}}))
    assert texts(linked) == ["a rollout would link the externally registered campaign CEXT001"]
    assert linked["before_rollout"]["registers_campaign"] is False and linked["before_rollout"]["cost"] is None


def test_campaign_fields_differ():
    campaign = {"changed": True, "campaign": {}, "diff": {"before": {"description": "old"}, "after": {"description": "new"}}}
    assert a2p_audit(results(campaign=campaign))["findings"] == [
        {"kind": "campaign", "text": "campaign fields differ: description", "next_step": steps.RUN_UPDATES}]


@pytest.mark.parametrize("status, step", [("FAILED", "fix what the errors name"), ("IN_PROGRESS", "wait for Twilio's review"),
                                          ("SUSPENDED", "contact Twilio support"), (None, "register a campaign")])
def test_a_campaign_that_is_not_verified_is_a_risk(status, step):
    brands = results()["brands"]
    campaigns = [{**brands["campaigns"][0], "campaign_status": status, "errors": [{"error_code": 30896, "description": "Opt-in"}]}] if status else []
    audit = a2p_audit(results(brands={**brands, "campaigns": campaigns}, numbers={"phone_numbers": []}))
    assert audit["verdict"] == "at-risk"
    [found] = audit["findings"]
    assert found["text"] == ("campaign QE1 is %s (30896 Opt-in)" % status if status else "the service has no A2P campaign")
    assert found["next_step"].startswith(step)


def test_unregistered_senders_are_us_local_sms_numbers_only():
    owned = [number("PN1", "+15550000001", MG), number("PN2", "+15550000002"), number("PN3", "+15550000003", OTHER),
             number("PN7", VOICE, capabilities={"voice": True, "sms": False, "mms": False}),
             number("PN4", TOLL_FREE), number("PN5", UK), number("PN6", "+18445550100", capabilities={"voice": True, "SMS": False, "MMS": False})]
    audit = a2p_audit(results(numbers={"phone_numbers": owned}))
    assert audit["verdict"] == "at-risk"
    assert [s["phone_number"] for s in audit["unregistered_senders"]] == ["+15550000002", "+15550000003"]
    assert audit["unregistered_senders"][0]["reason"] == "in no messaging service"
    assert finding(audit, "1 unregistered sender(s): +15550000002")["next_step"].startswith("add +15550000002 to flex_a2p_phone_numbers and run")
    assert finding(audit, "1 unregistered sender(s): +15550000003")["next_step"].startswith(
        "register a campaign for service %s, or list +15550000003 in flex_a2p_phone_numbers" % OTHER)
    toll_free = finding(audit, TOLL_FREE + " is toll-free: it needs toll-free verification")
    assert toll_free["kind"] == "toll_free" and toll_free["next_step"].startswith("check the Toll-Free Verification of %s" % TOLL_FREE)
    assert toll_free["text"].endswith("its verification was not read (not asked for)")
    assert [n["phone_number"] for n in audit["toll_free"]] == [TOLL_FREE]
    assert [n["phone_number"] for n in audit["not_senders"]] == [VOICE, "+18445550100"]
    assert [n["phone_number"] for n in audit["out_of_scope"]] == [UK]
    assert {n["phone_number"]: n["registered"] for n in audit["numbers"]}[VOICE] is None
    assert not any(UK in text or VOICE in text for text in texts(audit))


def test_numbers_a_rollout_pools_are_unregistered_until_then():
    owned = [number("PN1", "+15550000001", MG), number("PN2", "+15550000002")]
    pool = {**results()["pool"], "changed": True, "added": [{"value": "+15550000002"}]}
    audit = a2p_audit(results(pool=pool, numbers={"phone_numbers": owned}))
    assert finding(audit, "1 unregistered sender(s): +15550000002")["next_step"].startswith(
        "run the rollout (playbooks/flex_a2p.yml), which pools +15550000002 in the Flex service")


@pytest.mark.parametrize("status, identity, step", [("FAILED", "VERIFIED", "fix what the errors name"), ("IN_REVIEW", "VERIFIED", "wait"),
                                                    ("SUSPENDED", "VERIFIED", "contact Twilio support"), ("APPROVED", "UNVERIFIED", "the brand's owner")])
def test_a_brand_not_approved_or_unverified_is_a_risk(status, identity, step):
    brands = {**results()["brands"], "brands": [{"sid": BN, "status": status, "identity_status": identity,
                                                 "errors": [{"error_code": 30794, "description": "Tax ID"}] if status == "FAILED" else []}]}
    audit = a2p_audit(results(brands=brands))
    assert audit["verdict"] == "at-risk"
    [found] = audit["findings"]
    assert found["kind"] == "brand" and found["next_step"].startswith(step) and found["text"].startswith("brand %s is %s" % (BN, status))


@pytest.mark.parametrize("identity", ["UNVERIFIED", "SELF_DECLARED", None])
def test_a_sole_proprietor_brand_waiting_for_its_otp_is_its_own_finding(identity):
    brand = {"sid": BN, "brand_type": "SOLE_PROPRIETOR", "status": "APPROVED", "identity_status": identity, "errors": []}
    audit = a2p_audit(results(brands={**results()["brands"], "brands": [brand]}))
    assert audit["verdict"] == "at-risk" and audit["brand"]["identity_status"] == identity
    [found] = audit["findings"]
    assert found["kind"] == "brand" and found["text"] == (
        "sole-proprietor brand %s is APPROVED but its identity_status is %s: it waits for the OTP, and Twilio refuses its campaigns "
        "until then" % (BN, identity))
    assert found["next_step"] == steps.CONFIRM_SOLE_PROPRIETOR_OTP and "SmsOtp" in found["next_step"] and "Console" in found["next_step"]
    verified = a2p_audit(results(brands={**results()["brands"], "brands": [{**brand, "identity_status": "VERIFIED"}]}))
    assert verified["verdict"] == "ok"


@pytest.mark.parametrize("pooled", [1, 2, 3])
def test_a_sole_proprietor_campaign_on_a_pool_of_more_than_one_number_is_a_finding(pooled):
    """Issue 11 F5: Twilio lets a sole-proprietor campaign use one phone number; numbers of other services do not count."""
    brand = {"sid": BN, "brand_type": "SOLE_PROPRIETOR", "status": "APPROVED", "identity_status": "VERIFIED", "errors": []}
    owned = [number("PN%d" % n, "+1555000000%d" % n, MG) for n in range(1, pooled + 1)] + [number("PN9", "+15550000009", OTHER)]
    audit = a2p_audit(results(brands={**results()["brands"], "brands": [brand]}, numbers={**results()["numbers"], "phone_numbers": owned}))
    if pooled == 1:
        assert texts(audit) == ["1 unregistered sender(s): +15550000009"]  # only the other service's number, which has no campaign
        return
    found = finding(audit, "campaign QE1 of sole-proprietor brand")
    assert found["kind"] == "campaign" and audit["verdict"] == "at-risk"
    assert found["text"] == ("campaign QE1 of sole-proprietor brand %s is on messaging service %s, whose pool holds %d phone numbers: Twilio "
                             "lets such a campaign use one" % (BN, MG, pooled))
    assert found["next_step"] == steps.one_sole_proprietor_number(MG) and "flex_a2p_phone_numbers" in found["next_step"]
    standard = a2p_audit(results(numbers={**results()["numbers"], "phone_numbers": owned}))
    assert not any("sole-proprietor" in f["text"] for f in standard["findings"])


def test_broken_routing_before_the_routing_module_names_the_service():
    routing = {"phone_numbers": [], "broken": [{"phone_number": "+15550000001", "problems": ["sms_url is 'x'"]}], "missing": ["+15559999999"]}
    audit = a2p_audit(results(routing=routing))
    assert audit["verdict"] == "at-risk"
    assert finding(audit, "+15550000001 does not route to Flex: sms_url is 'x'")["next_step"] == (
        "in Flex, fix how +15550000001 receives SMS (sms_url is 'x'); the rollout never changes a number's own settings")
    assert finding(audit, "the account does not own +15559999999")["next_step"].startswith("remove +15559999999 from flex_a2p_phone_numbers")


def test_broken_routing_by_service_or_by_number():
    problem = "its messaging service does not defer to the number's webhook and has no inbound_request_url: inbound SMS are dropped"
    broken = [{"phone_number": "+15550000001", "messaging_service_sid": MG, "service_defers": False, "service_inbound_request_url": None,
               "number_problems": [], "service_problem": problem, "problems": [problem], "routes_to_flex": False},
              {"phone_number": "+15550000002", "messaging_service_sid": OTHER, "service_defers": False, "service_inbound_request_url": "https://x.example",
               "number_problems": [], "service_problem": "service %s sends inbound SMS to https://x.example" % OTHER, "problems": ["p"],
               "routes_to_flex": False},
              {"phone_number": "+15550000003", "messaging_service_sid": MG, "service_defers": True, "service_inbound_request_url": None,
               "number_problems": ["no Conversations address configuration"], "service_problem": None, "problems": ["p"], "routes_to_flex": False}]
    audit = a2p_audit(results(routing={"phone_numbers": broken, "broken": broken, "missing": []}))
    assert audit["verdict"] == "at-risk"
    own = finding(audit, "+15550000001 does not reach Flex: " + problem)
    assert own["next_step"] == "run the rollout (playbooks/flex_a2p.yml), which makes the Flex service defer to the webhook of +15550000001"
    assert finding(audit, "+15550000002 does not reach Flex")["next_step"].startswith("make service %s defer to the webhook of +15550000002" % OTHER)
    assert finding(audit, "+15550000003 does not route to Flex: no Conversations address configuration")["next_step"].startswith(
        "in Flex, fix how +15550000003 receives SMS (no Conversations address configuration)")
    assert [b["service_problem"] for b in audit["routing"]["broken"]] == [problem, broken[1]["service_problem"], None]


def test_a_number_the_rollout_moves_out_of_a_service_that_keeps_its_inbound_sms():
    broken = [{"phone_number": "+15550000005", "messaging_service_sid": OTHER, "number_problems": [], "service_problem": "service keeps it",
               "problems": ["service keeps it"], "routes_to_flex": False}]
    pool = {**results()["pool"], "changed": True, "moved": [{"value": "+15550000005", "from_service": OTHER}]}
    audit = a2p_audit(results(pool=pool, routing={"phone_numbers": broken, "broken": broken, "missing": []}))
    assert finding(audit, "+15550000005 does not reach Flex: service keeps it")["next_step"] == steps.run_moves_defer("+15550000005")
    assert "+15550000005 into the Flex service" in steps.run_moves_defer("+15550000005")
    assert finding(audit, "1 number(s) in another service's pool would be moved here")["next_step"] == (
        "run the rollout (playbooks/flex_a2p.yml), which moves +15550000005 into this service's pool")


def test_the_account_name_is_kept_out_when_unknown_and_a_suspended_account_is_a_risk():
    note = "not read: a Standard API key may not read the Account resource"
    unknown = a2p_audit(results(numbers={**results()["numbers"], "account": {"sid": AC, "friendly_name": None, "status": None, "note": note}}))
    assert unknown["verdict"] == "ok" and unknown["twilio_account"]["note"] == note
    suspended = a2p_audit(results(numbers={**results()["numbers"], "account": {"sid": AC, "friendly_name": "P", "status": "suspended"}}))
    assert suspended["verdict"] == "at-risk" and suspended["findings"][0]["kind"] == "account"


def test_a_refused_campaign_is_invalid_with_the_modules_message():
    campaign = {"changed": False, "failed_when_result": False, "fields": ["usecase"],
                "msg": "The A2P campaign QE1 ... cannot change these fields: usecase is 'MIXED'"}
    audit = a2p_audit(results(campaign=campaign))
    assert audit["verdict"] == "invalid"
    assert audit["campaign"]["error"].startswith("The A2P campaign QE1")
    found = finding(audit, "the rollout's plan refuses the campaign: The A2P campaign QE1")
    assert found["kind"] == "invalid" and found["next_step"].startswith("fix flex_a2p_campaign.usecase in the inventory")


def test_a_campaign_held_back_by_its_brand_is_the_brands_risk_not_invalid():
    campaign = {"changed": False, "failed_when_result": False, "field": "brand_registration_sid", "brand_status": "FAILED",
                "msg": "brand_registration_sid='BN1': the brand is FAILED, not APPROVED (none); Twilio would refuse the campaign (21717)."}
    brands = {**results()["brands"], "brands": [{"sid": BN, "status": "FAILED", "errors": []}]}
    audit = a2p_audit(results(campaign=campaign, brands=brands))
    assert audit["verdict"] == "at-risk"
    assert finding(audit, "the rollout's plan holds back the campaign")["next_step"] == steps.WAIT_FOR_BRAND


def test_an_invalid_inventory_value_is_invalid_not_a_failed_read():
    """A value the plan refuses (the module names the field) is no read that failed: its own verdict, naming the variable to fix."""
    msg = "message_samples[0] must be 20 to 1024 characters long, got 15: 'Hi <b>there</b>'."
    campaign = {"changed": False, "failed": False, "failed_when_result": False, "msg": msg, "field": "message_samples[0]"}
    pool = {"changed": False, "failed_when_result": False, "field": "phone_numbers", "problems": ["p"],
            "msg": "Cannot update the sender pool of MG1, nothing was changed: phone_numbers: +15550000003 (PN3) has no SMS capability (Twilio error 21715)."}
    audit = a2p_audit(results(campaign=campaign, pool=pool))
    assert audit["verdict"] == "invalid"
    assert finding(audit, "the rollout's plan refuses the campaign: " + msg)["next_step"] == (
        "fix flex_a2p_campaign.message_samples in the inventory as the refusal says, then audit again (a rollout would stop at this step)")
    refused = finding(audit, "the rollout's plan refuses the sender pool: Cannot update")
    assert refused["kind"] == "invalid" and refused["next_step"].startswith("fix flex_a2p_phone_numbers (or flex_a2p_on_conflict) in the inventory")
    assert {f["kind"] for f in audit["findings"]} == {"invalid"}
    assert steps.invalid_input("campaign", "campaign_id").startswith("fix flex_a2p_external_campaign_id in")
    assert steps.invalid_input("service", "friendly_name").startswith("fix flex_a2p_service_name in")
    assert steps.invalid_input("service", "validity_period").startswith("fix flex_a2p_service_settings.validity_period in")


def test_a_twilio_error_makes_the_verdict_error():
    service = {"changed": False, "msg": "Failed to list messaging services: Twilio error 20003 (HTTP 401): Authenticate."}
    audit = a2p_audit(results(service=service, pool={"skipped": True}, campaign={"skipped": True},
                              numbers={"failed": True, "msg": "Failed to list phone numbers: Twilio error 20003"}))
    assert audit["verdict"] == "error"
    assert {f["kind"] for f in audit["findings"]} == {"error"}
    assert [f["next_step"] for f in audit["findings"]] == [
        "fix what reading the account's numbers failed on (credentials, network, Twilio's answer), then audit again",
        "fix what reading the messaging service failed on (credentials, network, Twilio's answer), then audit again"]


def test_every_finding_of_a_bad_account_has_a_kind_and_a_next_step():
    owned = [number("PN2", "+15550000002"), number("PN4", TOLL_FREE), number("PN9", "+15550000009", MG)]
    audit = a2p_audit(results(
        service={"changed": True, "service": {"sid": MG}, "diff": {"before": {"use_inbound_webhook_on_number": False},
                                                                   "after": {"use_inbound_webhook_on_number": True}}},
        pool={"changed": True, "added": [{"value": "+15550000002"}], "removed": [{"value": "+15550000009"}], "moved": [{"value": "+15550000005"}],
              "senders": []},
        numbers={"phone_numbers": owned, "account": {"sid": AC, "status": "suspended"}},
        brands={"brands": [{"sid": BN, "status": "FAILED", "errors": []}], "campaigns": []},
        routing={"broken": [{"phone_number": "+15550000009", "problems": ["x"]}], "missing": ["+15550000008"]}))
    assert len(audit["findings"]) >= 9
    for found in audit["findings"]:
        assert set(found) == {"kind", "text", "next_step"} and found["kind"] and found["text"] and len(found["next_step"]) > 20, found
        # Each next step stands alone (the verdicts table shows the first one without its finding): it names its numbers,
        # and says "run" the rollout, which an account never rolled out has not had.
        assert "re-run" not in found["next_step"] and "said above" not in found["next_step"], found
        for phone in re.findall(r"\+\d{11}", found["text"]):
            assert phone in found["next_step"] or found["kind"] in ("account", "brand", "campaign", "toll_free"), found


def test_the_filter_is_registered():
    assert FilterModule().filters()["a2p_audit"] is a2p_audit


def test_findings_come_most_urgent_first():
    owned = [number("PN1", "+15550000001", MG), number("PN2", "+15550000002")]
    audit = a2p_audit(results(
        service={"changed": True, "service": {"sid": MG}, "diff": {"before": {"sticky_sender": False}, "after": {"sticky_sender": True}}},
        numbers={"phone_numbers": owned}, routing={"phone_numbers": [], "broken": [{"phone_number": "+15550000001", "problems": ["x"]}], "missing": []}))
    assert [f["kind"] for f in audit["findings"]] == ["routing", "unregistered", "service"]


def test_emails_in_friendly_names_and_free_text_are_hidden():
    owned = [number("PN1", "+15550000001", MG, friendly_name="Line 1 bob@example.com"), number("PN2", "+15550000002", friendly_name="Front desk")]
    service = {"changed": True, "service": {"friendly_name": "Marketing ops@example.net"}}
    brands = {"brands": [{"sid": BN, "status": "FAILED", "errors": [{"error_code": 30794, "description": "write to jane.doe@example.org"}]}],
              "campaigns": []}
    campaign = {"changed": True, "campaign": {}, "diff": {"before": {}, "after": {"description": "contact carol@example.com for details"}}}
    audit = a2p_audit(results(numbers={"phone_numbers": owned, "account": {"sid": AC, "friendly_name": None, "status": "active"}},
                              service=service, pool={"skipped": True}, brands=brands, campaign=campaign))
    dumped = json.dumps(audit)
    assert "@" not in dumped, dumped
    assert [n["friendly_name"] for n in audit["numbers"]] == ["Line 1 (email hidden)", "Front desk"]
    assert audit["service"]["name"] == "Marketing (email hidden)"
    assert "the messaging service 'Marketing (email hidden)' does not exist" in texts(audit)
    assert audit["brand"]["errors"][0]["description"] == "write to (email hidden)"
    assert audit["campaign"]["after"]["description"] == "contact (email hidden) for details"


def test_a_number_without_sms_gets_no_sms_routing_finding():
    owned = [number("PN1", "+15550000001", MG), number("PN3", "+15550000003", MG, capabilities={"voice": True, "sms": False, "mms": False})]
    broken = [{"phone_number": "+15550000003", "messaging_service_sid": MG, "number_problems": ["no Conversations address configuration"],
               "service_problem": None, "problems": ["no Conversations address configuration"], "routes_to_flex": False}]
    audit = a2p_audit(results(numbers={"phone_numbers": owned}, routing={"phone_numbers": broken, "broken": broken, "missing": []}))
    assert audit["verdict"] == "ok" and audit["findings"] == []
    assert audit["routing"]["broken"] == [] and audit["routing"]["no_sms"] == ["+15550000003"]


def test_canadian_and_caribbean_numbers_are_out_of_scope_not_unregistered():
    owned = [number("PN1", "+15550000001", MG), number("PN6", "+14165550123"), number("PN7", "+12425550123"), number("PN8", "+17875550100")]
    audit = a2p_audit(results(numbers={"phone_numbers": owned}))
    classes = {n["phone_number"]: (n["sender_class"], n["registered"]) for n in audit["numbers"]}
    assert classes["+14165550123"] == ("nanp_non_us", None) and classes["+12425550123"] == ("nanp_non_us", None)
    assert classes["+17875550100"] == ("us_local", False)  # Puerto Rico is in the US
    assert [s["phone_number"] for s in audit["unregistered_senders"]] == ["+17875550100"]
    assert [n["phone_number"] for n in audit["out_of_scope"]] == ["+14165550123", "+12425550123"]


def _verified(status, **fields):
    verification = {"sid": "HH1", "status": status, "rejection_reason": None, "rejection_reasons": None, "error_code": None,
                    "edit_allowed": None, **fields} if status else None
    return {"phone_numbers": [{"sid": "PN4", "phone_number": TOLL_FREE, "verification": verification, "verifications": 1 if status else 0}],
            "missing": []}


@pytest.mark.parametrize("status, fields, text, step", [
    (None, {}, "it has no toll-free verification", "submit a Toll-Free Verification for %s" % TOLL_FREE),
    ("IN_REVIEW", {}, "its verification HH1 is IN_REVIEW", "wait for Twilio's review of the verification of %s" % TOLL_FREE),
    ("TWILIO_REJECTED", {"rejection_reasons": [{"reason": "Opt-in unclear", "code": 30489}], "error_code": 30489, "edit_allowed": True},
     "its verification HH1 is TWILIO_REJECTED, rejected: Opt-in unclear (error 30489)",
     "correct what Twilio gave as the reason and edit the verification of %s while Twilio allows it" % TOLL_FREE),
    ("TWILIO_REJECTED", {"rejection_reason": "Website missing", "edit_allowed": False},
     "its verification HH1 is TWILIO_REJECTED, rejected: Website missing", "correct what Twilio gave as the reason and submit the verification"),
])
def test_a_toll_free_sender_without_an_approved_verification_is_its_own_finding(status, fields, text, step):
    audit = a2p_audit(results(numbers={"phone_numbers": [number("PN4", TOLL_FREE)]}, tollfree=_verified(status, **fields)))
    found = finding(audit, TOLL_FREE + " is toll-free")
    assert found["kind"] == "toll_free" and found["text"].endswith(text) and found["next_step"].startswith(step)
    assert audit["toll_free"][0]["verification_status"] == status


def test_an_approved_toll_free_sender_is_no_finding():
    audit = a2p_audit(results(numbers={"phone_numbers": [number("PN4", TOLL_FREE)]}, tollfree=_verified("TWILIO_APPROVED")))
    assert not [f for f in audit["findings"] if f["kind"] == "toll_free"]
    assert audit["toll_free"] == [{**audit["toll_free"][0], "verification_sid": "HH1", "verification_status": "TWILIO_APPROVED"}]
