# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Error answers (Twilio's error body, not in the specs) and records that cannot be checked at all."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from contract.error_body import error_body_problems
from contract.spec_examples import example_record
from contract.spec_store import ProductSpec

PHONE_NUMBERS = "/v1/Services/{ServiceSid}/PhoneNumbers"
Problems = Callable[..., list[str]]


def twilio_error(code: int, status: int, **changes: Any) -> dict[str, Any]:
    body = {"code": code, "message": "Phone Number or Short Code is already in the Messaging Service.",
            "more_info": f"https://www.twilio.com/docs/errors/{code}", "status": status}
    body.update(changes)
    return body


def test_twilio_error_bodies_pass(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "POST", PHONE_NUMBERS, 201, form={"PhoneNumberSid": "PN" + "b" * 32})
    assert problems_of(
        dict(record, status=400, response=twilio_error(21712, 400)),
        dict(record, status=429, response=twilio_error(20429, 429)),
        dict(record, status=401, response=twilio_error(20003, 401)),
        dict(record, status=503, response=twilio_error(20503, 503)),
    ) == []


def test_error_body_with_type_or_title_fails(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "POST", PHONE_NUMBERS, 201, form={"PhoneNumberSid": "PN" + "b" * 32})
    rfc9457 = dict(record, status=400, response=twilio_error(21712, 400, type="https://example.com/probs", title="Conflict"))
    assert problems_of(rfc9457) == ["response: error body has keys Twilio does not send: title, type"]


@pytest.mark.parametrize(("body", "expected"), [
    (None, ["error body must be a JSON object with code, message, more_info, status, got NoneType"]),
    ({"message": "nope"}, ["error body lacks code, more_info, status"]),
    (twilio_error("21712", 400), ["error code must be an integer, got '21712'"]),
    (twilio_error(21712, 400, more_info="https://www.twilio.com/docs/errors/21713"),
     ["error more_info must be https://www.twilio.com/docs/errors/21712, got 'https://www.twilio.com/docs/errors/21713'"]),
    (twilio_error(21712, 409), ["error status must be the HTTP status 400, got 409"]),
    (twilio_error(21712, True), ["error status must be the HTTP status 400, got True"]),
    (twilio_error(21712, 400, message=["x"]), ["error message must be a string, got ['x']"]),
])
def test_error_body_shape_is_checked(body: Any, expected: list[str]) -> None:
    assert error_body_problems(body, 400) == expected


def test_a_failed_calls_values_are_not_checked_but_its_names_are(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "POST", PHONE_NUMBERS, 201, form={"PhoneNumberSid": "not-a-sid"})
    rejected = dict(record, status=400, response=twilio_error(21421, 400))
    assert problems_of(rejected) == []
    assert problems_of(dict(rejected, form={"PhoneNumberSid": "not-a-sid", "Sid": "PN1"})) == ["request: unknown form field 'Sid'"]


def test_records_that_cannot_be_checked_are_reported(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "GET", "/v1/Services", 200)
    assert problems_of(dict(record, product="chat")) == [
        "record: unknown product 'chat'; known: api, conversations, flex-api, messaging, proxy, trusthub"]
    broken = {key: value for key, value in record.items() if key not in ("form", "response")}
    assert problems_of(dict(broken, status="200", path="v1/Services")) == [
        "record: record lacks 'form'",
        "record: record 'status' is '200', expected int",
        "record: record path 'v1/Services' does not start with '/'",
        "record: record lacks 'response'",
    ]
    assert problems_of(["not a record"]) == ["record: record is a list, not a JSON object"]
