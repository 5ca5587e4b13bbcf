"""The flex_a2p role judges Flex routing as it will be after its run: its own service defers to the numbers' webhooks
(the role always sets use_inbound_webhook_on_number true), so a number ending in that service loses its service problem;
its own configuration, and a service the run leaves it in, remain (filters flex_a2p_routing_plan, flex_a2p_plan_problems)."""

from __future__ import annotations

import pytest

from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_plan_problems import flex_a2p_plan_problems
from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_routing_plan import FilterModule, flex_a2p_routing_plan

ROLE_SERVICE, MARKETING = "MG" + "1" * 32, "MG" + "2" * 32
SKIPPED = {"changed": False, "skipped": True}


def problem_of(service_sid):
    return "its messaging service %s does not defer to the number's webhook (use_inbound_webhook_on_number false): inbound SMS are dropped" % service_sid


def number(index, service_sid=None, defers=False, own=(), latent=()):
    problem = problem_of(service_sid) if service_sid and not defers else None
    return {"sid": "PN%032d" % index, "phone_number": "+1555000100%d" % index, "messaging_service_sid": service_sid,
            "service_defers": defers if service_sid else None, "number_problems": list(own), "latent_problems": list(latent),
            "service_problem": problem, "problems": list(own) + ([problem] if problem else [])}


LATENT = "sms_url is 'https://example.com/x'; this matters once the service defers to the number's webhook"


def member(entry, **extra):
    return {"sid": entry["sid"], "kind": "phone_number", "value": entry["phone_number"], **extra}


def plan(numbers, service_sid=ROLE_SERVICE, added=(), moved=(), pool_failed=False):
    pool = {"failed": True, "msg": "in the pool of messaging service %s" % MARKETING} if pool_failed else {
        "changed": bool(added or moved), "senders": [], "added": list(added), "moved": list(moved), "removed": []}
    return {"numbers": {"phone_numbers": [], "missing": []},
            "routing": {"phone_numbers": numbers, "broken": [n for n in numbers if n["problems"]]},
            "service": {"changed": True, "service": {"sid": service_sid} if service_sid else {"friendly_name": "Flex"}},
            "pool": pool, "brand": SKIPPED, "brand_read": SKIPPED, "campaign": SKIPPED, "external_campaign": SKIPPED}


def test_the_run_fixes_the_service_problem_of_numbers_in_its_own_service_and_those_it_adds_or_moves():
    drifted, moved, added, deferring = number(1, ROLE_SERVICE), number(2, MARKETING), number(3), number(4, ROLE_SERVICE, defers=True)
    entries = flex_a2p_routing_plan(plan([drifted, moved, added, deferring], added=[member(added)],
                                         moved=[member(moved, from_service=MARKETING)]))
    assert [e["phone_number"] for e in entries] == [n["phone_number"] for n in (drifted, moved, added, deferring)]
    assert [e["fixed"] for e in entries] == [problem_of(ROLE_SERVICE), problem_of(MARKETING), None, None]
    assert all(e["problems"] == [] and e["routes_to_flex"] for e in entries)
    assert flex_a2p_plan_problems(plan([drifted, moved], added=[], moved=[member(moved, from_service=MARKETING)])) == []


def test_a_number_left_in_another_non_deferring_service_and_the_numbers_own_problems_remain():
    stays, own = number(1, MARKETING), number(2, ROLE_SERVICE, own=["sms_url is 'https://example.com/x'"])
    entries = flex_a2p_routing_plan(plan([stays, own], pool_failed=True))
    assert entries[0]["fixed"] is None and entries[0]["problems"] == [problem_of(MARKETING) + " (this run leaves the number in that service)"]
    assert entries[1]["fixed"] == problem_of(ROLE_SERVICE) and entries[1]["problems"] == ["sms_url is 'https://example.com/x'"]
    problems = flex_a2p_plan_problems(plan([stays, own], pool_failed=True))
    assert problems[0] == "sender pool: in the pool of messaging service %s" % MARKETING
    assert problems[1] == ("Flex routing: +15550001001 does not route inbound SMS to Flex: %s (this run leaves the number in that service) "
                           "(set flex_a2p_routing_check=warn to go on anyway)" % problem_of(MARKETING))
    assert problems[2].startswith("Flex routing: +15550001002 does not route inbound SMS to Flex: sms_url is 'https://example.com/x' (set")
    assert flex_a2p_plan_problems(plan([stays, own], pool_failed=True), routing_check="warn") == problems[:1]


def test_a_service_still_to_be_created_fixes_only_the_numbers_it_adds_or_moves():
    moved, stays = number(1, MARKETING), number(2, MARKETING)
    entries = flex_a2p_routing_plan(plan([moved, stays], service_sid=None, moved=[member(moved, from_service=MARKETING)]))
    assert [bool(e["fixed"]) for e in entries] == [True, False]
    assert [e["routes_to_flex"] for e in entries] == [True, False]


def test_latent_problems_matter_when_the_number_ends_in_the_role_service_and_stay_latent_elsewhere():
    """flex_routing_info's latent problems (the number's own webhook, unused while its service does not defer): the role's
    service defers after the run, so for a number that ends there they are problems; a number left elsewhere keeps them latent."""
    in_role, moved, stays = (number(i, service_sid, latent=[LATENT]) for i, service_sid in ((1, ROLE_SERVICE), (2, MARKETING), (3, MARKETING)))
    legacy_proxy = {**number(4, MARKETING, latent=[LATENT]), "service_problem": None, "problems": []}  # via the service's Proxy webhook
    entries = flex_a2p_routing_plan(plan([in_role, moved, stays, legacy_proxy], moved=[member(moved, from_service=MARKETING)]))
    after = LATENT + " (after this run the number's messaging service defers to it)"
    assert [e["problems"] for e in entries[:2]] == [[after], [after]]
    assert [e["latent_problems"] for e in entries[:2]] == [[], []] and [bool(e["fixed"]) for e in entries[:2]] == [True, True]
    assert entries[2]["problems"] == [problem_of(MARKETING) + " (this run leaves the number in that service)"]
    assert entries[2]["latent_problems"] == [LATENT]
    assert entries[3]["problems"] == [] and entries[3]["routes_to_flex"] is True and entries[3]["latent_problems"] == [LATENT]
    problems = flex_a2p_plan_problems(plan([in_role, legacy_proxy]))
    assert problems == ["Flex routing: +15550001001 does not route inbound SMS to Flex: %s (set flex_a2p_routing_check=warn to go on anyway)" % after]


@pytest.mark.parametrize("routing", [SKIPPED, {"failed": True, "msg": "Twilio error"}, None])
def test_no_entries_when_the_routing_was_not_checked_or_its_check_failed(routing):
    assert flex_a2p_routing_plan({**plan([number(1, MARKETING)]), "routing": routing}) == []


def test_a_plan_that_is_not_a_dict_is_a_clear_error_and_the_filter_is_registered():
    with pytest.raises(TypeError, match="expects the plan as a dictionary"):
        flex_a2p_routing_plan([])
    assert FilterModule().filters()["flex_a2p_routing_plan"] is flex_a2p_routing_plan
