"""tollfree_verification against requests-mock (the real twilio SDK runs): create, no-op, edit while Twilio allows it, a refused
edit, replace, the wait (approved, rejected), absent (+force), check mode's result equal to a real run's, and bad input
refused before any request. Personal data never shows."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pytest
from ansible.module_utils.common import warnings
from twilio_payloads import ACCOUNT_SID, AUTH, NUMBERS_URL, error, owned_number, page, page2010

from ansible_collections.tendlc.twilio.plugins.module_utils import _tollfree
from ansible_collections.tendlc.twilio.plugins.module_utils._tollfree import TWILIO_ASSIGNED
from ansible_collections.tendlc.twilio.plugins.modules import tollfree_verification

TF, LOCAL = "+18005550100", "+15555550100"
PN, PN_LOCAL = "PN" + "a" * 32, "PN" + "b" * 32
HH = "HH" + "c" * 32
URL = "https://messaging.twilio.com/v1/Tollfree/Verifications"
EMAIL, CONTACT_EMAIL, CONTACT_PHONE, STREET = "notify.q7@example.com", "dana.q7@example.com", "+15557340100", "4417 Juniper Lane"
FORM = {
    "business_name": "Owl, Inc.", "business_website": "https://www.owl.example", "notification_email": EMAIL,
    "use_case_categories": ["ACCOUNT_NOTIFICATIONS", "TWO_FACTOR_AUTHENTICATION"],
    "use_case_summary": "Order and delivery notices to customers who opted in at checkout.",
    "production_message_sample": "Owl: your order 1234 ships today. Reply STOP to opt out.",
    "opt_in_image_urls": ["https://www.owl.example/optin.png"], "opt_in_type": "WEB_FORM", "message_volume": "1,000",
}
ARGS = {**AUTH, "phone_number": TF, **FORM, "business_contact_email": CONTACT_EMAIL, "business_contact_phone": CONTACT_PHONE,
        "business_street_address": STREET}
PERSONAL_VALUES = (EMAIL, CONTACT_EMAIL, CONTACT_PHONE, STREET)
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc)


def record(sid=HH, status="PENDING_REVIEW", **fields):
    """A verification as the spec's create example holds it (schema messaging.v1.tollfree_verification)."""
    body = {"sid": sid, "account_sid": ACCOUNT_SID, "customer_profile_sid": None, "trust_product_sid": None, "regulated_item_sid": None,
            "date_created": "2026-11-27T10:00:00Z", "date_updated": "2026-11-27T10:00:00Z", "business_street_address": STREET,
            "business_street_address2": None, "business_city": None, "business_state_province_region": None, "business_postal_code": None,
            "business_country": None, "business_contact_first_name": None, "business_contact_last_name": None,
            "business_contact_email": CONTACT_EMAIL, "business_contact_phone": CONTACT_PHONE, "additional_information": None,
            "tollfree_phone_number_sid": PN, "status": status, "url": "%s/%s" % (URL, sid), "rejection_reason": None, "error_code": None,
            "edit_expiration": None, "edit_allowed": None, "rejection_reasons": None, "resource_links": {}, "external_reference_id": None,
            "vetting_id": "secret-vetting-id", **FORM}
    body.update(fields)
    return body


def form_of(request):
    return {key: values if len(values) > 1 or key in ("UseCaseCategories", "OptInImageUrls") else values[0]
            for key, values in parse_qs(request.text or "").items()}


class Twilio:
    """The account's numbers and at most one verification, answering like Twilio (create 201, update 202, delete 204)."""

    def __init__(self, mock, verification=None, after_write="PENDING_REVIEW"):
        self.mock, self.verification, self.after_write = mock, verification, after_write
        numbers = [owned_number(PN, TF), owned_number(PN_LOCAL, LOCAL)]
        mock.get(NUMBERS_URL, json=lambda req, ctx: page2010("incoming_phone_numbers", [
            n for n in numbers if n["phone_number"] == parse_qs(urlsplit(req.url).query).get("PhoneNumber", [""])[0]], NUMBERS_URL))
        for number in numbers:
            mock.get(NUMBERS_URL.replace(".json", "/%s.json" % number["sid"]), json=number)
        mock.get(URL, json=lambda req, ctx: page("verifications", [self.verification] if self.verification else [], URL))
        mock.post(URL, json=self.create)
        mock.register_uri("GET", re.compile(re.escape(URL) + "/HH"), json=self.fetch)
        mock.register_uri("POST", re.compile(re.escape(URL) + "/HH"), json=self.update)
        mock.register_uri("DELETE", re.compile(re.escape(URL) + "/HH"), status_code=204, text="")

    def create(self, request, context):
        form = form_of(request)
        context.status_code = 201
        names = {_tollfree.TOLLFREE.by_option()[o].param: _tollfree.TOLLFREE.by_option()[o].response for o in _tollfree.TOLLFREE.options()}
        self.verification = record(status=self.after_write, **{key: None for key in FORM}, business_contact_email=None,
                                   business_contact_phone=None, business_street_address=None)
        self.verification.update({names[key]: value for key, value in form.items()})
        return self.verification

    def fetch(self, request, context):
        return self.verification

    def update(self, request, context):
        names = {_tollfree.TOLLFREE.by_option()[o].param: _tollfree.TOLLFREE.by_option()[o].response for o in _tollfree.TOLLFREE.options()}
        self.verification = {**self.verification, **{names[k]: v for k, v in form_of(request).items() if k in names}, "status": self.after_write,
                             "rejection_reason": None, "rejection_reasons": None, "error_code": None, "edit_allowed": None, "edit_expiration": None}
        context.status_code = 202
        return self.verification

    def writes(self):
        return [r for r in self.mock.request_history if r.method != "GET"]


@pytest.fixture(name="run")
def fixture_run(run_module, monkeypatch):
    monkeypatch.setattr(_tollfree, "utc_now", lambda: NOW)

    def run(args, **kwargs):
        warnings._global_warnings.clear()  # pylint: disable=protected-access
        return run_module(tollfree_verification, args, **kwargs)
    return run


def warned(result):
    return [w["event"]["msg"] if isinstance(w, dict) else w for w in result.get("warnings", [])]


def assert_no_personal_data(result):
    text = json.dumps(result)
    for value in PERSONAL_VALUES:
        assert value not in text


def test_create_sends_the_form_once_and_hides_personal_data(requests_mock, run):
    twilio = Twilio(requests_mock)
    result = run(ARGS, diff=True)
    assert result["changed"] and result["action"] == "create" and not result.get("failed")
    (write,) = twilio.writes()
    form = form_of(write)
    assert form["TollfreePhoneNumberSid"] == PN and form["UseCaseCategories"] == FORM["use_case_categories"]
    assert form["NotificationEmail"] == EMAIL and form["BusinessContactPhone"] == CONTACT_PHONE
    assert result["verification"]["sid"] == HH and result["verification"]["notification_email"] == "(set)"
    assert result["phone_number"] == {"sid": PN, "phone_number": TF}
    assert result["diff"]["before"] == {} and result["diff"]["after"]["business_contact_email"] == "(set)"
    assert "vetting_id" not in result["verification"]
    assert_no_personal_data(result)


def test_check_mode_result_is_the_real_runs_less_what_twilio_assigns(requests_mock, run):
    twilio = Twilio(requests_mock)
    planned = run(ARGS, check_mode=True)
    assert not twilio.writes()
    real = run(ARGS)
    expected = {key: value for key, value in real["verification"].items() if key not in TWILIO_ASSIGNED}
    assert planned["verification"] == expected
    assert {k: v for k, v in planned.items() if k != "verification"} == {k: v for k, v in real.items() if k != "verification"}


def test_the_number_by_sid_and_a_second_run_writes_nothing(requests_mock, run):
    twilio = Twilio(requests_mock, record())
    result = run({**ARGS, "phone_number": PN, "use_case_categories": list(reversed(FORM["use_case_categories"]))}, diff=True)
    assert not result["changed"] and result["action"] == "none" and not twilio.writes()
    assert result["diff"]["before"] == result["diff"]["after"]


def test_a_rejected_verification_is_edited_while_twilio_allows_it(requests_mock, run):
    expires = (NOW + timedelta(days=3)).isoformat().replace("+00:00", "Z")
    twilio = Twilio(requests_mock, record(status="TWILIO_REJECTED", edit_allowed=True, edit_expiration=expires, error_code=30437,
                                          rejection_reason="Website not accessible"))
    planned = run({**ARGS, "business_website": "https://www.owl.example/home", "notification_email": "new.q7@example.com",
                   "edit_reason": "Website fixed"}, check_mode=True, diff=True)
    assert planned["changed"] and planned["action"] == "update" and not twilio.writes()
    assert planned["diff"]["after"]["notification_email"] == "(changed)" and planned["diff"]["before"]["notification_email"] == "(set)"
    result = run({**ARGS, "business_website": "https://www.owl.example/home", "notification_email": "new.q7@example.com",
                  "edit_reason": "Website fixed"})
    (write,) = twilio.writes()
    assert write.url.endswith(HH) and form_of(write) == {"BusinessWebsite": "https://www.owl.example/home",
                                                         "NotificationEmail": "new.q7@example.com", "EditReason": "Website fixed"}
    assert result["action"] == "update" and result["verification"]["status"] == "PENDING_REVIEW"
    assert planned["verification"] == result["verification"]
    assert "new.q7@example.com" not in json.dumps(result)


@pytest.mark.parametrize("state, why", [
    ({"status": "IN_REVIEW"}, "its status is IN_REVIEW"),
    ({"status": "TWILIO_REJECTED", "edit_allowed": False}, "edit_allowed is False"),
    ({"status": "TWILIO_REJECTED", "edit_allowed": True, "edit_expiration": "2026-12-01T10:00:00Z"}, "edit window ended at 2026-12-01T10:00:00Z"),
])
def test_an_edit_twilio_does_not_allow_fails_naming_each_difference(requests_mock, run, state, why):
    twilio = Twilio(requests_mock, record(**state))
    result = run({**ARGS, "business_name": "Owl Two, Inc.", "business_contact_email": "other.q7@example.com"})
    assert result["failed"] and not result["changed"] and not twilio.writes()
    assert why in result["msg"]
    assert "business_name: 'Owl, Inc.' -> 'Owl Two, Inc.'" in result["msg"]
    assert "business_contact_email: (personal data, not shown) -> (personal data, not shown)" in result["msg"]
    assert "replace: true" in result["msg"] and result["differences"] == ["business_contact_email", "business_name"]
    assert "other.q7@example.com" not in json.dumps(result)


def test_a_field_that_cannot_change_in_place_is_refused_even_when_editable(requests_mock, run):
    twilio = Twilio(requests_mock, record(status="TWILIO_REJECTED", edit_allowed=True))
    result = run({**ARGS, "external_reference_id": "ref-2"})
    assert result["failed"] and "external_reference_id cannot change in place" in result["msg"] and not twilio.writes()


def test_replace_deletes_then_submits_a_new_one(requests_mock, run):
    twilio = Twilio(requests_mock, record(status="IN_REVIEW"))
    result = run({**ARGS, "business_name": "Owl Two, Inc.", "replace": True})
    assert [(w.method, w.url.rsplit("/", 1)[-1]) for w in twilio.writes()] == [("DELETE", HH), ("POST", "Verifications")]
    assert result["action"] == "replace" and result["replaced"] == HH and "new review" in " ".join(warned(result))


def test_replacing_an_approved_one_needs_force(requests_mock, run):
    twilio = Twilio(requests_mock, record(status="TWILIO_APPROVED"))
    result = run({**ARGS, "business_name": "Owl Two, Inc.", "replace": True})
    assert result["failed"] and "force: true" in result["msg"] and not twilio.writes()


def test_wait_ends_on_approval(requests_mock, run, slept):
    twilio = Twilio(requests_mock)
    statuses = iter(["PENDING_REVIEW", "IN_REVIEW", "TWILIO_APPROVED"])
    requests_mock.register_uri("GET", re.compile(re.escape(URL) + "/HH"), json=lambda req, ctx: {**twilio.verification, "status": next(statuses)})
    result = run({**ARGS, "wait": True, "poll_interval": 5})
    assert not result.get("failed") and result["verification"]["status"] == "TWILIO_APPROVED" and slept == [5, 5]


def test_wait_fails_on_rejection_with_the_reasons(requests_mock, run, slept):
    Twilio(requests_mock)
    requests_mock.register_uri("GET", re.compile(re.escape(URL) + "/HH"), json=lambda req, ctx: record(
        status="TWILIO_REJECTED", error_code=30446, edit_allowed=False, rejection_reasons=[{"code": 30446, "reason": "Website not accessible"}]))
    result = run({**ARGS, "wait": True})
    assert result["failed"] and result["changed"] and result["action"] == "create"
    assert "TWILIO_REJECTED: code=30446, reason=Website not accessible (error code 30446)" in result["msg"]
    assert result["error_code"] == 30446 and "replace: true" in result["msg"] and slept == []


def test_wait_times_out_naming_the_status(requests_mock, run, slept):
    Twilio(requests_mock, record(status="IN_REVIEW"))
    result = run({**ARGS, "wait": True, "wait_timeout": 30, "poll_interval": 10})
    assert result["failed"] and "still IN_REVIEW" in result["msg"] and sum(slept) == 30


def test_absent_deletes_and_an_approved_one_needs_force(requests_mock, run):
    twilio = Twilio(requests_mock, record(status="TWILIO_APPROVED"))
    refused = run({**AUTH, "phone_number": TF, "state": "absent"})
    assert refused["failed"] and "force: true" in refused["msg"] and not twilio.writes()
    planned = run({**AUTH, "phone_number": TF, "state": "absent", "force": True}, check_mode=True, diff=True)
    assert planned["changed"] and planned["action"] == "delete" and not twilio.writes() and planned["diff"]["after"] == {}
    result = run({**AUTH, "phone_number": TF, "state": "absent", "force": True})
    assert [w.method for w in twilio.writes()] == ["DELETE"] and result["changed"] and "cannot send" in " ".join(warned(result))
    assert_no_personal_data(result)


def test_absent_without_a_verification_is_a_no_op(requests_mock, run):
    twilio = Twilio(requests_mock)
    result = run({**AUTH, "phone_number": TF, "state": "absent"})
    assert not result["changed"] and result["verification"] is None and not twilio.writes()


def test_a_create_needs_the_whole_form(requests_mock, run):
    twilio = Twilio(requests_mock)
    result = run({**AUTH, "phone_number": TF, "business_name": "Owl, Inc."})
    assert result["failed"] and "business_website" in result["msg"] and "message_volume" in result["msg"] and not twilio.writes()


def test_a_local_number_owned_by_sid_is_refused(requests_mock, run):
    Twilio(requests_mock)
    result = run({**ARGS, "phone_number": PN_LOCAL})
    assert result["failed"] and "not a toll-free number" in result["msg"] and not [r for r in requests_mock.request_history if "Tollfree" in r.url]


def test_a_number_the_account_does_not_own(requests_mock, run):
    Twilio(requests_mock)
    result = run({**ARGS, "phone_number": "+18885550199"})
    assert result["failed"] and "does not own" in result["msg"]


def test_twilios_error_on_create_is_reported(requests_mock, run):
    Twilio(requests_mock)
    requests_mock.post(URL, status_code=400, json=error(21211, 400, "Invalid 'To' Phone Number"))
    result = run(ARGS)
    assert result["failed"] and "21211" in json.dumps(result)


BAD = [
    ("phone_number", "555-0100", "555-0100"),
    ("phone_number", LOCAL, "not a toll-free number"),
    ("phone_number", "PN12", "PN12"),
    ("business_name", " ", "blank"),
    ("business_name", "x" * 256, "1 to 255"),
    ("business_website", "www.owl.example", "www.owl.example"),
    ("notification_email", "not-an-email", "not an email address"),
    ("use_case_categories", [], "at least one"),
    ("use_case_categories", ["customer care"], "customer care"),
    ("use_case_categories", ["MARKETING", "MARKETING"], "twice"),
    ("use_case_summary", "", "1 to 4096"),
    ("production_message_sample", "x" * 4097, "4096"),
    ("opt_in_image_urls", ["ftp://owl.example/a.png"], "opt_in_image_urls[0]"),
    ("opt_in_image_urls", [], "at least one"),
    ("opt_in_type", "EMAIL", "EMAIL"),
    ("message_volume", "lots", "lots"),
    ("customer_profile_sid", "BN" + "a" * 32, "BN" + "a" * 32),
    ("business_street_address", "", "1 to 255"),
    ("business_street_address2", "x" * 256, "256 characters"),
    ("business_city", "", "business_city"),
    ("business_state_province_region", "x" * 256, "business_state_province_region"),
    ("business_postal_code", "x" * 33, "business_postal_code"),
    ("business_country", "", "business_country"),
    ("additional_information", "", "additional_information"),
    ("business_contact_first_name", "", "1 to 255"),
    ("business_contact_last_name", " ", "not blank"),
    ("business_contact_email", "dana@", "not an email address"),
    ("business_contact_phone", "555-734-0100", "E.164"),
    ("external_reference_id", "", "external_reference_id"),
    ("edit_reason", "", "edit_reason"),
    ("poll_interval", 0.5, "poll_interval"),
    ("wait_timeout", 0, "wait_timeout"),
]


@pytest.mark.parametrize("option, value, said", BAD, ids=["%s=%r" % (case[0], case[1][:12] if isinstance(case[1], str) else case[1]) for case in BAD])
def test_bad_input_is_refused_before_any_request(requests_mock, run, option, value, said):
    result = run({**ARGS, option: value})
    assert result["failed"] and option in result["msg"] and said in result["msg"], result["msg"]
    assert not requests_mock.request_history
    if option in _tollfree.PERSONAL and isinstance(value, str) and len(value) > 3:
        assert value not in result["msg"]
