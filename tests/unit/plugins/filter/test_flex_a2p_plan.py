"""The flex_a2p_plan_problems filter: one list of everything that stops the role's plan, before its first write."""

from __future__ import annotations

import pytest

from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_plan_problems import FilterModule, flex_a2p_plan_problems

SKIPPED = {"changed": False, "skipped": True}


def plan(**steps):
    base = {"numbers": {"phone_numbers": [], "missing": []}, "routing": {"phone_numbers": [], "broken": []},
            "service": {"changed": True, "service": {}}, "pool": {"changed": True, "senders": []},
            "brand": SKIPPED, "brand_read": SKIPPED, "campaign": SKIPPED, "external_campaign": SKIPPED}
    base.update(steps)
    return base


def test_a_clean_plan_has_no_problem():
    assert flex_a2p_plan_problems(plan()) == []


def test_every_failed_step_is_listed_in_order_with_its_name():
    problems = flex_a2p_plan_problems(plan(
        service={"failed": True, "msg": "friendly_name='Flex': 2 messaging services of account AC1 have this name (MG1, MG2)."},
        pool={"failed": True, "msg": "phone number +15550001001 is in the pool of messaging service MG3"},
        brand={"failed": True, "msg": "2 brands are registered for these two bundles"},
        numbers={"phone_numbers": [], "missing": ["+15550009999"]},
    ))
    assert problems == [
        "messaging service: friendly_name='Flex': 2 messaging services of account AC1 have this name (MG1, MG2)",
        "sender pool: phone number +15550001001 is in the pool of messaging service MG3",
        "brand: 2 brands are registered for these two bundles",
        "flex_a2p_phone_numbers: the account does not own +15550009999",
    ]


def test_a_campaign_waiting_for_its_brand_is_not_a_problem_but_a_refused_campaign_is():
    waiting = {"failed": True, "msg": "brand_registration_sid='BN1': the brand is PENDING", "brand_status": "PENDING"}
    assert flex_a2p_plan_problems(plan(campaign=waiting)) == []
    failed_brand = {"failed": True, "msg": "brand_registration_sid='BN1': the brand is FAILED, not APPROVED (30701 Bad EIN)", "brand_status": "FAILED"}
    assert flex_a2p_plan_problems(plan(campaign=failed_brand)) == ["campaign: " + failed_brand["msg"]]
    refused = {"failed": True, "msg": "opt_out_keywords[1]='STOP-NOW' is not alphanumeric."}
    assert flex_a2p_plan_problems(plan(campaign=refused)) == ["campaign: opt_out_keywords[1]='STOP-NOW' is not alphanumeric"]


@pytest.mark.parametrize("routing_check, expected", [("fail", 1), ("warn", 0)])
def test_broken_routing_is_a_problem_only_when_the_check_fails(routing_check, expected):
    broken = {"sid": "PN1", "phone_number": "+15550001001", "number_problems": ["sms_url points elsewhere"], "service_problem": None}
    routing = {"phone_numbers": [broken], "broken": [broken]}
    problems = flex_a2p_plan_problems(plan(routing=routing), routing_check=routing_check)
    assert len(problems) == expected
    assert all("+15550001001 does not route inbound SMS to Flex: sms_url points elsewhere" in p for p in problems)


def test_skipped_steps_are_not_problems_even_with_a_failed_flag():
    assert flex_a2p_plan_problems(plan(pool={"skipped": True, "failed": True, "msg": "x"})) == []


def test_a_step_whose_failure_failed_when_cleared_is_still_a_problem():
    cleared = {"changed": False, "failed": False, "failed_when_result": False, "msg": "Cannot update the sender pool of MG1: pool_limit"}
    assert flex_a2p_plan_problems(plan(pool=cleared)) == ["sender pool: Cannot update the sender pool of MG1: pool_limit"]


def test_a_plan_that_is_not_a_dict_is_a_clear_error():
    with pytest.raises(TypeError, match="expects the plan as a dictionary"):
        flex_a2p_plan_problems(["service"])


def test_the_filter_is_registered():
    assert FilterModule().filters()["flex_a2p_plan_problems"] is flex_a2p_plan_problems


def test_a_long_list_of_numbers_the_account_does_not_own_is_shortened():
    missing = ["+1555000%04d" % i for i in range(300)]
    [problem] = flex_a2p_plan_problems(plan(numbers={"phone_numbers": [], "missing": missing}))
    assert problem.endswith("+15550000009, ... and 290 more") and len(problem) < 250


SOLE_BRAND = {"sid": "BN" + "5" * 32, "brand_type": "SOLE_PROPRIETOR", "status": "APPROVED"}
TWO_NUMBERS = {"changed": True, "senders": [
    {"sid": "PN1", "kind": "phone_number", "value": "+15550001002"},
    {"sid": "PN2", "kind": "phone_number", "value": "+15550001001"},
    {"sid": "SC1", "kind": "short_code", "value": "12345"},
]}
CAMPAIGN_PLANNED = {"changed": True, "campaign": {}}


@pytest.mark.parametrize("brand_steps", [{"brand": {"changed": False, "brand": SOLE_BRAND}}, {"brand_read": {"brands": [SOLE_BRAND]}}])
def test_a_sole_proprietor_campaign_with_two_numbers_is_a_problem(brand_steps):
    problems = flex_a2p_plan_problems(plan(pool=TWO_NUMBERS, campaign=CAMPAIGN_PLANNED, **brand_steps))
    assert problems == ["sender pool: the pool would hold 2 phone numbers (+15550001001, +15550001002), but the campaign is registered for "
                        "sole-proprietor brand %s, and Twilio allows one phone number per sole-proprietor campaign: list one number in "
                        "flex_a2p_phone_numbers (with flex_a2p_exclusive=true to take the others out)" % SOLE_BRAND["sid"]]


def test_one_number_no_campaign_or_a_standard_brand_is_no_problem():
    one = {"changed": True, "senders": TWO_NUMBERS["senders"][1:]}
    sole, standard = {"brand_read": {"brands": [SOLE_BRAND]}}, {"brand_read": {"brands": [{**SOLE_BRAND, "brand_type": "STANDARD"}]}}
    assert flex_a2p_plan_problems(plan(pool=one, campaign=CAMPAIGN_PLANNED, **sole)) == []
    assert flex_a2p_plan_problems(plan(pool=TWO_NUMBERS, **sole)) == []
    assert flex_a2p_plan_problems(plan(pool=TWO_NUMBERS, campaign=CAMPAIGN_PLANNED, **standard)) == []
