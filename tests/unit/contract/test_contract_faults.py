# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Records of injected faults: not contract violations, but their error bodies and request names are still checked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from contract.spec_examples import example_record
from contract.spec_store import ProductSpec

Problems = Callable[..., list[str]]
POOL = "/v1/Services/{ServiceSid}/PhoneNumbers"


def error(code: int, status: int, message: str) -> dict[str, Any]:
    return {"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}", "status": status}


def test_fault_records_pass(messaging: ProductSpec, problems_of: Problems) -> None:
    created = example_record(messaging, "POST", POOL, 201, form={"PhoneNumberSid": "PN" + "b" * 32})
    assert problems_of(
        dict(created, status=429, response=error(20429, 429, "Too Many Requests"), fault="429"),
        dict(created, status=503, response=error(20503, 503, "Service Unavailable"), fault="503"),
        dict(created, status=500, response=error(20500, 500, "Internal Server Error"), fault="500"),
        dict(created, fault="reset-after"),
        dict(created, status=None, response=None, account_sid=None, fault="reset-before"),
    ) == []


def test_a_fault_error_body_must_still_have_twilios_shape(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "GET", "/v1/Services", 200)
    body = dict(error(20429, 429, "Too Many Requests"), type="about:blank")
    assert problems_of(dict(record, status=429, response=body, fault="429")) == ["response: error body has keys Twilio does not send: type"]


def test_an_unanswered_request_still_has_its_names_checked(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "POST", POOL, 201, form={"PhoneNumberSid": "PN" + "b" * 32, "Colour": "red"})
    dropped = dict(record, status=None, response=None, fault="reset-before")
    assert problems_of(dropped) == ["request: unknown form field 'Colour'"]
    assert problems_of(dict(dropped, path="/v1/Nowhere")) == [f"request: no path of {messaging.spec_file} matches /v1/Nowhere"]


def test_a_null_status_without_a_reset_before_fault_is_a_broken_record(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "GET", "/v1/Services", 200)
    assert problems_of(dict(record, status=None)) == ["record: record 'status' is None, expected int"]
    assert problems_of(dict(record, status=None, fault="reset-after")) == ["record: record 'status' is None, expected int"]


HTML = "<!DOCTYPE html><html><body>Sign in</body></html>"


def test_answers_that_are_not_twilios_pass_as_injected_faults(messaging: ProductSpec, problems_of: Problems) -> None:
    listed = example_record(messaging, "GET", "/v1/Services", 200)
    assert problems_of(
        dict(listed, response=HTML, fault="html-200"),
        dict(listed, response=None, fault="empty-200"),
        dict(listed, response={"meta": listed["response"]["meta"]}, fault="shape-200"),
        dict(listed, status=401, response=HTML, fault="html-401"),
        dict(listed, status=403, response=HTML, fault="html-403"),
        dict(listed, fault="next-page-url"),
    ) == []


def test_the_same_answers_without_a_fault_are_violations(messaging: ProductSpec, problems_of: Problems) -> None:
    listed = example_record(messaging, "GET", "/v1/Services", 200)
    assert problems_of(dict(listed, status=401, response=HTML)) == ["response: error body must be a JSON object with code, message, more_info, status, got str"]
    assert problems_of(dict(listed, response=HTML))  # a 200 body that is not the documented page
    assert problems_of(dict(listed, response=HTML, fault="html-200", form={"Colour": "red"})) == [
        "request: sends a form body (Colour) but the operation takes none"]
