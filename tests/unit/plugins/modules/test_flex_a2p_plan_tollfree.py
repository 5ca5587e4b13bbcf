"""flex_a2p_plan's step tollfree_verifications: tollfree_verification in check mode for each toll-free number among the
numbers (never a local one), each result with its number; changed when one would be submitted or edited; a number whose
plan fails fails alone; nothing is written and no personal data shows."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from twilio_payloads import AUTH, NUMBERS_URL, SERVICES_URL, owned_number, page, page2010

from ansible_collections.tendlc.twilio.plugins.modules import flex_a2p_plan, tollfree_verification

TF, TF2, LOCAL = "+18005550100", "+18885550100", "+15555550100"
PN, PN2, PN_LOCAL = "PN" + "a" * 32, "PN" + "d" * 32, "PN" + "b" * 32
HH = "HH" + "c" * 32
URL = "https://messaging.twilio.com/v1/Tollfree/Verifications"
EMAIL = "notify.r4@example.com"
FORM = {
    "business_name": "Owl, Inc.", "business_website": "https://www.owl.example", "notification_email": EMAIL,
    "use_case_categories": ["ACCOUNT_NOTIFICATIONS"], "use_case_summary": "Order and delivery notices to customers who opted in.",
    "production_message_sample": "Owl: your order 1234 ships today. Reply STOP to opt out.",
    "opt_in_image_urls": ["https://www.owl.example/optin.png"], "opt_in_type": "WEB_FORM", "message_volume": "1,000",
}
NUMBERS = [owned_number(PN, TF), owned_number(PN2, TF2), owned_number(PN_LOCAL, LOCAL)]


def _numbers(request: Any, _context: Any) -> dict[str, Any]:
    wanted = parse_qs(urlsplit(request.url).query).get("PhoneNumber")
    return page2010("incoming_phone_numbers", [n for n in NUMBERS if not wanted or n["phone_number"] == wanted[0]], NUMBERS_URL)


def _account(requests_mock: Any, verifications: list[dict[str, Any]]) -> None:
    """Two toll-free numbers and a local one; the verifications given (matched by TollfreePhoneNumberSid)."""
    requests_mock.get(SERVICES_URL, json=page("services", []))
    requests_mock.get(NUMBERS_URL, json=_numbers)
    for number in NUMBERS:
        requests_mock.get(NUMBERS_URL.replace(".json", "/%s.json" % number["sid"]), json=number)

    def listed(request: Any, _context: Any) -> dict[str, Any]:
        sid = parse_qs(urlsplit(request.url).query).get("TollfreePhoneNumberSid")
        return page("verifications", [v for v in verifications if not sid or v["tollfree_phone_number_sid"] == sid[0]], URL)

    requests_mock.get(URL, json=listed)


def _approved(number_sid: str) -> dict[str, Any]:
    return {"sid": HH, "tollfree_phone_number_sid": number_sid, "status": "TWILIO_APPROVED", "url": URL + "/" + HH, **FORM}


def test_each_toll_free_number_is_its_modules_check_mode_result_with_its_number(requests_mock, run_module):
    _account(requests_mock, [_approved(PN2)])
    plan = run_module(flex_a2p_plan, {**AUTH, "phone_numbers": [TF, LOCAL, TF2], "tollfree_verification": FORM})
    step = plan["tollfree_verifications"]
    assert [r["phone_number"] for r in step["results"]] == [TF, TF2]  # the local number needs a campaign, not this
    alone = run_module(tollfree_verification, {**AUTH, **FORM, "phone_number": TF}, check_mode=True, diff=True)
    ignored = ("invocation", "warnings", "deprecations", "phone_number")
    assert {k: v for k, v in step["results"][0].items() if k not in ignored} == {k: v for k, v in alone.items() if k not in ignored}
    assert (step["results"][0]["action"], step["results"][0]["changed"]) == ("create", True)
    assert (step["results"][1]["action"], step["results"][1]["changed"]) == ("none", False)
    assert step["changed"] is True and "tollfree_verifications" in plan["steps_changed"]
    assert {r.method for r in requests_mock.request_history} == {"GET"}
    assert EMAIL not in str(plan)


def test_nothing_to_submit_is_no_change_and_without_options_no_step(requests_mock, run_module):
    _account(requests_mock, [_approved(PN)])
    plan = run_module(flex_a2p_plan, {**AUTH, "phone_numbers": [TF, LOCAL], "tollfree_verification": FORM})
    assert plan["tollfree_verifications"]["changed"] is False and plan["steps_changed"] == []
    plan = run_module(flex_a2p_plan, {**AUTH, "phone_numbers": [TF, LOCAL], "tollfree_verification": {}})
    assert plan["tollfree_verifications"]["skipped"] and plan["tollfree"]["phone_numbers"][0]["verification"]["status"] == "TWILIO_APPROVED"
    plan = run_module(flex_a2p_plan, {**AUTH, "phone_numbers": [LOCAL], "tollfree_verification": FORM})
    assert plan["tollfree_verifications"]["skipped"]
    assert EMAIL not in str(plan) and plan["invocation"]["module_args"]["tollfree_verification"]["business_name"] == "Owl, Inc."


def test_a_number_whose_plan_fails_fails_alone_naming_what_is_missing(requests_mock, run_module):
    _account(requests_mock, [_approved(PN2)])
    partial = {"business_name": "Owl, Inc."}
    plan = run_module(flex_a2p_plan, {**AUTH, "phone_numbers": [TF, TF2], "tollfree_verification": partial})
    first, second = plan["tollfree_verifications"]["results"]
    assert first["failed"] is True and first["phone_number"] == TF and "business_website" in first["msg"]
    assert second.get("failed") is not True and second["action"] == "none"
    assert plan.get("failed") is not True


def test_options_the_module_refuses_fail_each_number_before_its_requests(requests_mock, run_module):
    _account(requests_mock, [])
    plan = run_module(flex_a2p_plan, {**AUTH, "phone_numbers": [TF], "tollfree_verification": {**FORM, "opt_in_type": "FAX"}})
    (result,) = plan["tollfree_verifications"]["results"]
    assert result["failed"] is True and "opt_in_type" in result["msg"] and "FAX" in result["msg"]
    # only the read-only step's one list of the account's verifications: none of the number's own
    assert not any("TollfreePhoneNumberSid" in r.url for r in requests_mock.request_history)
    assert {r.method for r in requests_mock.request_history} == {"GET"}


def test_diff_mode_shows_each_verification_that_would_change_under_its_number(requests_mock, run_module):
    """Hostile test of issue 14 (F3): --check --diff of the role showed the service and pool, not the verification."""
    _account(requests_mock, [_approved(PN2)])
    plan = run_module(flex_a2p_plan, {**AUTH, "phone_numbers": [TF, TF2], "tollfree_verification": FORM}, diff=True)
    assert [d["before_header"] for d in plan["diff"]] == ["toll-free verification %s" % TF]
    assert EMAIL not in str(plan["diff"])


def test_the_contact_phone_being_the_toll_free_number_masks_nothing_the_role_reads(requests_mock, run_module):
    """Hostile test of issue 14 (F2): a business's own toll-free number as its contact phone (a no_log option) was masked
    in the numbers step too, and the role then submitted a verification for VALUE_SPECIFIED_IN_NO_LOG_PARAMETER."""
    _account(requests_mock, [])
    plan = run_module(flex_a2p_plan, {**AUTH, "phone_numbers": [LOCAL, TF], "tollfree_verification": {**FORM, "business_contact_phone": TF}})
    assert sorted(n["phone_number"] for n in plan["numbers"]["phone_numbers"]) == sorted([LOCAL, TF])
    assert [r["phone_number"] for r in plan["tollfree_verifications"]["results"]] == [TF]
    assert plan["tollfree"]["phone_numbers"][0]["phone_number"] == TF
