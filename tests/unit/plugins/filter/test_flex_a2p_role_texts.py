"""The flex_a2p role's lists and texts, worded in Python rather than in Jinja chains: what the run wrote, the numbers
whose inbound settings changed, the numbers' Flex routing in words, the brand's SID and status (filters
flex_a2p_written, flex_a2p_changed_numbers, flex_a2p_routing_text, flex_a2p_brand_now, flex_a2p_routing_plan's only)."""

from __future__ import annotations

import pytest

from ansible_collections.tendlc.twilio.plugins.filter import flex_a2p_brand_now, flex_a2p_changed_numbers, flex_a2p_routing_text, flex_a2p_written
from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_routing_plan import flex_a2p_routing_plan

SKIPPED = {"changed": False, "skipped": True, "skip_reason": "Conditional result was False"}
UNCHANGED = {"changed": False}
MEMBER = {"sid": "PN" + "1" * 32, "kind": "phone_number", "value": "+15550100001"}


@pytest.mark.parametrize("module", [flex_a2p_written, flex_a2p_changed_numbers, flex_a2p_routing_text, flex_a2p_brand_now])
def test_each_filter_is_registered_under_its_file_name(module):
    name = module.__name__.rsplit(".", 1)[-1]
    assert module.FilterModule().filters() == {name: getattr(module, name)}


@pytest.mark.parametrize("applied, text", [
    ({}, ""),
    ({"service": SKIPPED, "pool": UNCHANGED, "brand": SKIPPED, "campaign": SKIPPED, "external_campaign": SKIPPED}, ""),
    ({"service": {"changed": True}, "pool": UNCHANGED}, "the messaging service"),
    ({"pool": {"changed": True, "added": [MEMBER, MEMBER], "moved": [MEMBER], "removed": []}}, "the sender pool (2 added, 1 moved, 0 removed)"),
    ({"pool": {"changed": True, "removed": [MEMBER]}}, "the sender pool (0 added, 0 moved, 1 removed)"),
    ({"external_campaign": {"changed": True}, "campaign": {"changed": True}, "brand": {"changed": True}, "service": {"changed": True},
      "pool": {"changed": True, "added": [MEMBER]}},
     "the messaging service, the sender pool (1 added, 0 moved, 0 removed), the brand, the campaign, the link to the external campaign"),
])
def test_what_the_run_wrote_in_the_order_the_role_writes(applied, text):
    assert flex_a2p_written.flex_a2p_written(applied) == text


def test_what_the_run_wrote_needs_the_results_by_step():
    with pytest.raises(TypeError, match="as a dictionary, got list"):
        flex_a2p_written.flex_a2p_written([])


def read(*numbers):
    return {"changed": False, "phone_numbers": [dict(number) for number in numbers], "missing": []}


ONE = {"sid": "PN" + "1" * 32, "phone_number": "+15550100001", "sms_url": "https://flex.example/one", "sms_method": "POST",
       "sms_application_sid": None, "friendly_name": "Agent line", "messaging_service_sid": None}
TWO = {**ONE, "sid": "PN" + "2" * 32, "phone_number": "+15550100002", "sms_url": ""}


@pytest.mark.parametrize("after, changed", [
    (read(ONE, TWO), []),
    # Only the inbound settings count: another field (the pool that holds the number, its name) may change.
    (read(TWO, {**ONE, "messaging_service_sid": "MG" + "1" * 32, "friendly_name": "renamed"}), []),
    (read(ONE, {**TWO, "sms_url": "https://example.com/elsewhere"}), ["+15550100002"]),
    (read({**ONE, "sms_method": "GET"}, {**TWO, "sms_application_sid": "AP" + "1" * 32}), ["+15550100001", "+15550100002"]),
    (read(ONE), ["+15550100002"]),  # no longer read after the run
    ({"failed": True, "msg": "no"}, ["+15550100001", "+15550100002"]),
])
def test_the_numbers_whose_inbound_settings_changed(after, changed):
    assert flex_a2p_changed_numbers.flex_a2p_changed_numbers(read(ONE, TWO), after) == changed


def test_a_number_read_twice_before_is_named_once():
    assert flex_a2p_changed_numbers.flex_a2p_changed_numbers(read(ONE, ONE), read()) == ["+15550100001"]


BROKEN = [{"phone_number": "+15550100001", "problems": ["sms_url is blank", "no sms Flex Flow"]},
          {"phone_number": "+15550100002", "problems": ["sms_application_sid overrides the URLs"]}]
FIXED = [{"phone_number": "+15550100001", "fixed": "its messaging service MG1 does not defer", "routes_to_flex": True, "problems": []},
         {"phone_number": "+15550100002", "fixed": "its messaging service MG2 does not defer", "routes_to_flex": False,
          "problems": ["sms_url is blank", "no address configuration"]}]


def test_routing_problems_in_words():
    text = flex_a2p_routing_text.flex_a2p_routing_text
    assert text(BROKEN) == "+15550100001: sms_url is blank; no sms Flex Flow | +15550100002: sms_application_sid overrides the URLs"
    assert text(BROKEN[1:], "problems") == "+15550100002: sms_application_sid overrides the URLs"
    assert text([]) == ""


def test_the_routing_the_run_fixes_in_words_with_what_remains():
    assert flex_a2p_routing_text.flex_a2p_routing_text(FIXED, "fixed") == (
        "+15550100001: its messaging service MG1 does not defer | +15550100002: its messaging service MG2 does not defer "
        "(it still does not reach Flex after the run: sms_url is blank; no address configuration)")


def test_routing_text_refuses_what_it_cannot_word():
    with pytest.raises(ValueError, match="what must be problems or fixed, got 'all'"):
        flex_a2p_routing_text.flex_a2p_routing_text(BROKEN, "all")
    with pytest.raises(TypeError, match="a list of numbers, got dict"):
        flex_a2p_routing_text.flex_a2p_routing_text({"broken": BROKEN})


def routing_plan(*numbers):
    return {"routing": {"phone_numbers": list(numbers)}, "service": {"changed": False, "service": {"sid": "MG" + "1" * 32}},
            "pool": {"changed": False, "senders": [], "added": [], "moved": [], "removed": []}}


def routed(index, service_sid=None, problem=None, own=()):
    return {"sid": "PN%032d" % index, "phone_number": "+1555010000%d" % index, "messaging_service_sid": service_sid,
            "number_problems": list(own), "latent_problems": [], "service_problem": problem}


def test_the_routing_plan_keeps_the_broken_or_the_fixed_numbers():
    plan = routing_plan(routed(1), routed(2, "MG" + "1" * 32, "does not defer"), routed(3, "MG" + "1" * 32, "does not defer", ["sms_url blank"]),
                        routed(4, own=["no Flex Flow"]))
    every = flex_a2p_routing_plan(plan)
    assert [n["phone_number"] for n in every] == ["+15550100001", "+15550100002", "+15550100003", "+15550100004"]
    assert flex_a2p_routing_plan(plan, "all") == every
    assert flex_a2p_routing_plan(plan, "broken") == [every[2], every[3]]
    assert flex_a2p_routing_plan(plan, "fixed") == [every[1], every[2]]
    with pytest.raises(ValueError, match="only must be one of all, broken, fixed, got 'ok'"):
        flex_a2p_routing_plan(plan, "ok")


BRAND = {"sid": "BN" + "1" * 32, "status": "APPROVED", "brand_type": "STANDARD"}
PLANNED = {"brand": {"changed": True, "brand": {"status": "PENDING"}}, "brand_read": SKIPPED}


@pytest.mark.parametrize("steps, plan, now", [
    # planning: the brand step of this pass ran; no plan yet
    ({"brand": {"changed": False, "adopted": True, "brand": BRAND}, "brand_read": SKIPPED}, {}, {"sid": BRAND["sid"], "status": "APPROVED"}),
    # planning a registration: no SID yet, and the planned brand's PENDING is no status of a registered brand
    ({"brand": {"changed": True, "brand": {"status": "PENDING"}}, "brand_read": SKIPPED}, {}, {"sid": "", "status": ""}),
    # applying: the brand was not registered in this pass (skipped), so the plan's stands
    ({"brand": SKIPPED, "brand_read": SKIPPED}, PLANNED, {"sid": "", "status": ""}),
    # applying a registration: this pass's result, with Twilio's SID
    ({"brand": {"changed": True, "brand": BRAND}, "brand_read": SKIPPED}, PLANNED, {"sid": BRAND["sid"], "status": "APPROVED"}),
    # a brand step that failed while planning (failed_when false) has no brand
    ({"brand": {"changed": False, "msg": "bundle BU1 is not approved"}, "brand_read": SKIPPED}, {}, {"sid": "", "status": ""}),
])
def test_the_brand_the_role_registers(steps, plan, now):
    assert flex_a2p_brand_now.flex_a2p_brand_now(steps, plan, registers=True, brand_sid="BN" + "9" * 32) == now


@pytest.mark.parametrize("steps, plan, status", [
    ({"brand": SKIPPED, "brand_read": {"changed": False, "brands": [BRAND]}}, {}, "APPROVED"),
    ({"brand": SKIPPED, "brand_read": SKIPPED}, {"brand": SKIPPED, "brand_read": {"brands": [{**BRAND, "status": "IN_REVIEW"}]}}, "IN_REVIEW"),
    ({"brand": SKIPPED, "brand_read": {"changed": False, "brands": []}}, {}, ""),
    ({"brand": SKIPPED, "brand_read": {"failed": True, "msg": "not found"}}, {}, ""),
    ({"brand": SKIPPED, "brand_read": SKIPPED}, {}, ""),  # no brand SID: nothing read
])
def test_the_brand_given_by_sid_keeps_its_sid_and_takes_the_status_read(steps, plan, status):
    assert flex_a2p_brand_now.flex_a2p_brand_now(steps, plan, brand_sid=BRAND["sid"]) == {"sid": BRAND["sid"], "status": status}
    assert flex_a2p_brand_now.flex_a2p_brand_now(steps, plan)["sid"] == ""


def test_the_brand_needs_the_steps_by_name():
    with pytest.raises(TypeError, match="as a dictionary, got str"):
        flex_a2p_brand_now.flex_a2p_brand_now("brand")
