"""The flex_a2p_summary filter: what the role did to an account, or in check mode would do, from its plan and applied steps."""

from __future__ import annotations

import pytest

from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_summary import FilterModule, flex_a2p_summary

SKIPPED = {"changed": False, "skipped": True}
MG, QE, BN = "MG" + "1" * 32, "QE" + "2" * 32, "BN" + "3" * 32
CONTEXT = {"account": "acct", "service_name": "Flex", "brand_sid": BN, "brand_status": "APPROVED", "campaign_wanted": True,
           "external_campaign_id": "", "routing": "conversations"}


def member(value):
    return {"kind": "phone_number", "value": value}


def fresh_plan():
    """An account with no service yet: everything is to be created, added and registered."""
    return {
        "routing": {"broken": [], "phone_numbers": []},
        "service": {"changed": True, "service": {"friendly_name": "Flex"}, "diff": {"before": {}, "after": {"friendly_name": "Flex"}}},
        "pool": {"changed": True, "senders": [member("+15550000001"), member("+15550000002")],
                 "added": [member("+15550000001")], "moved": [member("+15550000002")], "removed": []},
        "brand": SKIPPED, "brand_read": {"brands": [{"sid": BN, "status": "APPROVED"}]},
        "campaign": {"changed": True, "replaced": False, "campaign": {"us_app_to_person_usecase": "CUSTOMER_CARE"}, "diff": {"before": {}, "after": {}}},
        "external_campaign": SKIPPED,
    }


def test_check_mode_summary_is_the_plan_and_the_real_run_differs_only_in_what_twilio_assigns():
    plan = fresh_plan()
    planned = flex_a2p_summary(plan, {}, {**CONTEXT, "check_mode": True})
    applied = {"service": {"changed": True, "service": {"sid": MG}}, "pool": {**plan["pool"]},
               "campaign": {"changed": True, "campaign": {"sid": QE, "us_app_to_person_usecase": "CUSTOMER_CARE", "campaign_status": "PENDING"}},
               "brand": SKIPPED, "external_campaign": SKIPPED}
    done = flex_a2p_summary(plan, applied, {**CONTEXT, "check_mode": False})
    assert (planned["service_action"], planned["campaign_action"], planned["brand_action"]) == ("create", "register", "read")
    assert planned["added"] == ["+15550000001"] and planned["moved"] == ["+15550000002"] and planned["pool_size"] == 2
    assert (planned["service_sid"], planned["campaign_sid"], planned["campaign_status"]) == ("", "", "to be registered")
    assert (done["service_sid"], done["campaign_sid"], done["campaign_status"]) == (MG, QE, "PENDING")
    differ = {key for key in planned if planned[key] != done[key]}
    assert differ == {"check_mode", "line", "service_sid", "campaign_sid", "campaign_status"}
    assert planned["line"] == ("acct: service (new) to be created, pool 2 numbers (added 1, removed 0, moved 1), brand %s read (APPROVED), "
                               "campaign (new) CUSTOMER_CARE to be registered (check mode: nothing was written)" % BN)
    assert done["line"] == ("acct: service %s created, pool 2 numbers (added 1, removed 0, moved 1), brand %s read (APPROVED), "
                            "campaign %s CUSTOMER_CARE registered (PENDING)" % (MG, BN, QE))


def test_a_step_the_plan_does_not_change_keeps_its_plan_and_reads_unchanged():
    plan = fresh_plan()
    plan["service"] = {"changed": False, "service": {"sid": MG}, "diff": {"before": {"a": 1}, "after": {"a": 1}}}
    plan["pool"] = {"changed": False, "senders": [member("+15550000001")], "added": [], "moved": [], "removed": []}
    plan["campaign"] = {"changed": False, "replaced": False, "campaign": {"sid": QE, "campaign_status": "VERIFIED"}}
    summary = flex_a2p_summary(plan, {"service": SKIPPED, "pool": SKIPPED, "campaign": SKIPPED}, {**CONTEXT, "check_mode": False})
    assert (summary["service_action"], summary["campaign_action"], summary["service_changed"]) == ("none", "none", False)
    assert summary["line"] == ("acct: service %s unchanged, pool 1 numbers (added 0, removed 0, moved 0), brand %s read (APPROVED), "
                               "campaign %s unchanged (VERIFIED)" % (MG, BN, QE))


@pytest.mark.parametrize("campaign, action", [
    ({"changed": True, "replaced": True, "campaign": {}, "diff": {"before": {"usecase": "MIXED"}, "after": {}}}, "replace"),
    ({"changed": True, "replaced": False, "campaign": {"sid": QE}, "diff": {"before": {"description": "old"}, "after": {}}}, "update"),
    ({"changed": True, "replaced": False, "campaign": {"sid": QE}}, "update"),
])
def test_campaign_actions(campaign, action):
    plan = {**fresh_plan(), "campaign": campaign}
    assert flex_a2p_summary(plan, {}, {**CONTEXT, "check_mode": True})["campaign_action"] == action


def test_external_link_and_relink():
    link = {**fresh_plan(), "campaign": SKIPPED, "external_campaign": {"changed": True, "campaign": {}, "diff": {"before": {}, "after": {}}}}
    relink = {**link, "external_campaign": {"changed": True, "campaign": {}, "diff": {"before": {"campaign_id": "C1"}, "after": {}}}}
    context = {**CONTEXT, "campaign_wanted": False, "external_campaign_id": "C2", "check_mode": True}
    assert flex_a2p_summary(link, {}, context)["campaign_action"] == "link"
    assert flex_a2p_summary(relink, {}, context)["campaign_action"] == "relink"


def test_a_campaign_waiting_for_its_brand_says_which_and_why():
    plan = {**fresh_plan(), "campaign": SKIPPED, "brand": {"changed": True, "brand": {}}, "brand_read": SKIPPED}
    planned = flex_a2p_summary(plan, {}, {**CONTEXT, "brand_sid": "", "brand_status": "", "check_mode": True})
    assert (planned["brand_action"], planned["campaign_action"]) == ("register", "wait")
    assert planned["campaign_status"] == "not registered yet: the brand is to be registered and approved first"
    assert "brand (new) to be registered, campaign not registered yet" in planned["line"]
    done = flex_a2p_summary(plan, {"brand": {"changed": True, "brand": {"sid": BN, "status": "PENDING"}}},
                            {**CONTEXT, "brand_status": "PENDING", "check_mode": False})
    assert done["brand_action"] == "register" and done["campaign_status"] == "not registered yet: brand %s is PENDING" % BN
    assert "brand %s registered (PENDING)" % BN in done["line"]


def test_no_campaign_configured_and_routing_after_the_run_wins():
    broken = {"sid": "PN" + "9" * 32, "phone_number": "+15550000009", "number_problems": ["sms_url is 'https://example.com/x'"]}
    plan = {**fresh_plan(), "campaign": SKIPPED, "routing": {"broken": [broken], "phone_numbers": [broken]}}
    context = {**CONTEXT, "campaign_wanted": False, "check_mode": False}
    summary = flex_a2p_summary(plan, {}, context)
    assert (summary["campaign_action"], summary["campaign_status"], summary["routing_broken"]) == ("none", "none", ["+15550000009"])
    assert summary["line"].endswith("campaign none; 1 number(s) do not reach Flex: +15550000009")
    planned = flex_a2p_summary(plan, {}, {**context, "check_mode": True})
    assert planned["line"].endswith("; 1 number(s) do not reach Flex after the run: +15550000009 (check mode: nothing was written)")
    after = flex_a2p_summary(plan, {}, {**context, "routing_after": {"broken": [], "phone_numbers": []}})
    assert after["routing_broken"] == [] and "reach Flex" not in after["line"]


def test_a_plan_that_is_not_a_dictionary_is_refused():
    with pytest.raises(TypeError, match="expects the role's plan as a dictionary"):
        flex_a2p_summary(["not", "a", "plan"])
    assert FilterModule().filters()["flex_a2p_summary"] is flex_a2p_summary
