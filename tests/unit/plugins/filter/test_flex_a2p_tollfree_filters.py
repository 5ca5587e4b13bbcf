"""The flex_a2p role's filters on toll-free verifications: the input check of flex_a2p_tollfree_verification (keys,
the module's field rules, personal data never repeated), the plan's problems (a number whose plan failed, by number),
what the run wrote (the numbers whose verification was submitted) and the summary (each toll-free number's status and
action: applied, else planned, else as read)."""

from __future__ import annotations

from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_input_problems import flex_a2p_input_problems
from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_plan_problems import flex_a2p_plan_problems
from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_summary import flex_a2p_summary
from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_written import flex_a2p_written

TF, TF2 = "+18005550100", "+18885550100"
EMAIL = "private.r4@example"  # not an address (no dot after @): refused without being shown
BASE = {"flex_a2p_service_name": "Flex", "flex_a2p_phone_numbers": [TF]}
SKIPPED = {"changed": False, "skipped": True}


def _problems(options):
    return flex_a2p_input_problems({**BASE, "flex_a2p_tollfree_verification": options}, defined=["flex_a2p_tollfree_verification"])


def test_good_options_and_none_are_no_problem():
    assert _problems({}) == []
    assert _problems({"business_name": "Owl, Inc.", "opt_in_type": "WEB_FORM", "use_case_categories": ["CUSTOMER_CARE"],
                      "message_volume": "1,000", "replace": True, "edit_reason": "Fixed the opt-in image"}) == []


def test_misspelled_keys_and_those_the_role_sets_are_refused():
    problems = _problems({"busines_name": "Owl", "phone_number": TF, "wait": True})
    assert any("flex_a2p_tollfree_verification.busines_name is not an option the role passes on" in p and "business_name" in p for p in problems)
    assert any("flex_a2p_tollfree_verification.phone_number=" in p and "the role sets it" in p for p in problems)
    assert any("flex_a2p_tollfree_verification.wait=" in p and "the role sets it" in p for p in problems)


def test_the_modules_field_rules_run_on_the_options_naming_field_and_value_but_never_personal_data():
    problems = _problems({"opt_in_type": "FAX", "use_case_categories": "CUSTOMER_CARE", "notification_email": EMAIL,
                          "business_website": "owl.example", "force": "yes"})
    assert any("flex_a2p_tollfree_verification.opt_in_type='FAX' is not one of" in p for p in problems)
    assert any("flex_a2p_tollfree_verification.use_case_categories='CUSTOMER_CARE' is not a list" in p for p in problems)
    assert any(p.startswith("flex_a2p_tollfree_verification.notification_email") for p in problems)
    assert any("flex_a2p_tollfree_verification.business_website" in p and "owl.example" in p for p in problems)
    assert any("flex_a2p_tollfree_verification.force='yes' is not a boolean" in p for p in problems)
    assert EMAIL not in " ".join(problems)
    assert flex_a2p_input_problems({**BASE, "flex_a2p_tollfree_verification": "yes"})[0].startswith(
        "flex_a2p_tollfree_verification='yes' is not a dict of options")


def _results(*results):
    return {"changed": any(r.get("changed") for r in results), "results": list(results)}


def test_a_number_whose_verification_plan_failed_is_a_problem_naming_it():
    plan = {"tollfree_verifications": _results(
        {"phone_number": TF, "failed": True, "changed": False, "msg": "Phone number +18005550100 has no toll-free verification, and a new "
                                                                      "one needs business_website."},
        {"phone_number": TF2, "changed": False, "action": "none", "verification": {"status": "TWILIO_APPROVED"}})}
    assert flex_a2p_plan_problems(plan) == ["toll-free verification of %s: Phone number %s has no toll-free verification, and a new one "
                                            "needs business_website" % (TF, TF)]
    assert flex_a2p_plan_problems({"tollfree_verifications": SKIPPED}) == []


def test_what_the_run_wrote_names_the_numbers_whose_verification_was_submitted():
    items = [{"changed": True, "item": {"phone_number": TF}}, {"changed": False, "failed": True, "item": {"phone_number": TF2}}]
    looped = {"changed": True, "results": items}
    assert flex_a2p_written({"pool": {"changed": True, "added": [{"value": TF}]}, "tollfree_verifications": looped}) == (
        "the sender pool (1 added, 0 moved, 0 removed), the toll-free verification of %s" % TF)
    assert flex_a2p_written({"tollfree_verifications": SKIPPED}) == ""


READ = {"changed": False, "phone_numbers": [{"phone_number": TF, "verification": None}, {"phone_number": TF2, "verification": {"status": "IN_REVIEW"}}]}
PLANNED = _results({"phone_number": TF, "changed": True, "action": "create", "verification": {"status": "PENDING_REVIEW"}},
                   {"phone_number": TF2, "changed": False, "action": "none", "verification": {"status": "IN_REVIEW"}})
CONTEXT = {"account": "acme", "check_mode": False}


def test_the_summary_shows_each_toll_free_number_as_read_when_no_verification_is_managed():
    summary = flex_a2p_summary({"tollfree": READ, "tollfree_verifications": SKIPPED}, {}, CONTEXT)
    assert summary["tollfree"] == [{"phone_number": TF, "status": "none", "action": "none"},
                                   {"phone_number": TF2, "status": "IN_REVIEW", "action": "none"}]
    assert summary["tollfree_not_approved"] == [TF, TF2]
    assert "; toll-free %s not verified, %s IN_REVIEW" % (TF, TF2) in summary["line"]


def test_the_summary_takes_the_applied_result_else_the_plan():
    planned = flex_a2p_summary({"tollfree": READ, "tollfree_verifications": PLANNED}, {}, {**CONTEXT, "check_mode": True})
    assert planned["tollfree"][0] == {"phone_number": TF, "status": "PENDING_REVIEW", "action": "create"}
    assert "%s PENDING_REVIEW (to be submitted)" % TF in planned["line"]
    applied = {"tollfree_verifications": {"changed": True, "results": [
        {"changed": True, "action": "create", "verification": {"status": "TWILIO_APPROVED"}, "item": {"phone_number": TF}}]}}
    done = flex_a2p_summary({"tollfree": READ, "tollfree_verifications": PLANNED}, applied, CONTEXT)
    assert done["tollfree"] == [{"phone_number": TF, "status": "TWILIO_APPROVED", "action": "create"},
                                {"phone_number": TF2, "status": "IN_REVIEW", "action": "none"}]
    assert done["tollfree_not_approved"] == [TF2]
    assert "%s TWILIO_APPROVED (submitted), %s IN_REVIEW" % (TF, TF2) in done["line"]


def test_a_summary_without_toll_free_numbers_is_unchanged():
    summary = flex_a2p_summary({}, {}, CONTEXT)
    assert summary["tollfree"] == [] and summary["tollfree_not_approved"] == [] and "toll-free" not in summary["line"]
