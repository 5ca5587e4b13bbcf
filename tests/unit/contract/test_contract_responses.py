# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The response side: what the emulator answers must be the documented response, field for field."""

from __future__ import annotations

from collections.abc import Callable

from contract.spec_examples import example_record
from contract.spec_store import ProductSpec

SERVICES = "/v1/Services"
SERVICE = "/v1/Services/{Sid}"
USA2P = "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p"
NUMBER = "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json"
Problems = Callable[..., list[str]]


def test_missing_documented_property_fails(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "POST", SERVICES, 201, form={"FriendlyName": "x"})
    del record["response"]["url"]
    assert problems_of(record) == ["response: body lacks documented property 'url'"]
    listed = example_record(messaging, "GET", SERVICES, 200)
    del listed["response"]["meta"]["next_page_url"]
    assert problems_of(listed) == ["response: body lacks documented property 'meta.next_page_url'"]


def test_wrong_type_fails(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "GET", SERVICE, 200)
    record["response"]["sticky_sender"] = "yes"
    assert problems_of(record) == ["response: body.sticky_sender: 'yes' is not of type 'boolean'"]
    listed = example_record(messaging, "GET", SERVICES, 200)
    listed["response"]["services"][0]["validity_period"] = "600"
    assert problems_of(listed) == ["response: body.services[0].validity_period: '600' is not of type 'integer'"]


def test_undocumented_property_fails(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "GET", SERVICE, 200)
    record["response"]["privacy_policy_url"] = None
    record["response"]["links"]["anything"] = "https://messaging.twilio.com/v1/x"  # links is a free-form uri-map
    assert problems_of(record) == ["response: body has undocumented property 'privacy_policy_url'"]


def test_newer_than_spec_properties_pass_only_where_listed(messaging: ProductSpec, problems_of: Problems) -> None:
    campaigns = example_record(messaging, "GET", USA2P, 200)
    campaigns["response"]["compliance"][0].update(privacy_policy_url="https://example.com/p", terms_and_conditions_url=None)
    assert problems_of(campaigns) == []
    campaigns["response"]["compliance"][0]["opt_in_url"] = None
    assert problems_of(campaigns) == ["response: body has undocumented property 'compliance[0].opt_in_url'"]


def test_values_outside_enums_and_patterns_fail(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "GET", SERVICE, 200)
    record["response"].update(scan_message_content="sometimes", sid="MG123", inbound_method="PUT")
    assert [line.split(" is not one of ")[0] for line in problems_of(record)] == [
        "response: body.sid: 'MG123' is too short",
        "response: body.sid: 'MG123' does not match '^MG[0-9a-fA-F]{32}$'",
        "response: body.inbound_method: 'PUT'",
        "response: body.scan_message_content: 'sometimes'",
    ]


def test_nullable_enums_accept_null(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "GET", SERVICE, 200)
    record["response"].update(inbound_method=None, fallback_method=None, scan_message_content=None)
    pending_brand = example_record(messaging, "GET", "/v1/a2p/BrandRegistrations/{Sid}", 200, name="fetchSoleProprietorPending")
    assert pending_brand["response"]["identity_status"] is None
    assert problems_of(record, pending_brand) == []


def test_formats_are_checked(messaging: ProductSpec, api: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "GET", SERVICE, 200)
    record["response"].update(url="/v1/Services/MG" + "a" * 32, date_created="2015-07-30 20:12", links={"phone_numbers": "PhoneNumbers"})
    assert problems_of(record) == [
        "response: body.date_created: '2015-07-30 20:12' is not a 'date-time'",
        "response: body.url: '/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' is not a 'uri'",
        "response: body.links: {'phone_numbers': 'PhoneNumbers'} is not a 'uri-map'",
    ]
    number = example_record(api, "GET", NUMBER, 200)
    assert number["response"]["uri"].startswith("/2010-04-01/") and number["response"]["sms_application_sid"] == ""
    assert problems_of(number) == []
    number["response"].update(date_created="2015-07-30T23:19:04Z", sms_application_sid="AP1", sms_method="post")
    assert [line.split(" is not one of ")[0] for line in problems_of(number)] == [
        "response: body.date_created: '2015-07-30T23:19:04Z' is not a 'date-time-rfc-2822'",
        "response: body.sms_application_sid: 'AP1' does not match '^(?:AP[0-9a-fA-F]{32})?$'",
        "response: body.sms_method: 'post' is not a 'http-method'",
        "response: body.sms_method: 'post'",
    ]


def test_objects_serialised_without_null_keys_may_omit_them(api: ProductSpec, problems_of: Problems) -> None:
    number = example_record(api, "GET", NUMBER, 200)
    number["response"]["capabilities"] = {"sms": True, "mms": True}
    assert problems_of(number) == []
    number["response"]["capabilities"]["rcs"] = True
    assert problems_of(number) == ["response: body has undocumented property 'capabilities.rcs'"]


def test_status_must_be_documented_and_bodies_match_it(messaging: ProductSpec, problems_of: Problems) -> None:
    deleted = example_record(messaging, "DELETE", SERVICE, 204)
    assert deleted["response"] is None and problems_of(deleted) == []
    assert problems_of(dict(deleted, status=200, response={})) == ["response: status 200 is not documented for this operation (documented: 204)"]
    assert problems_of(dict(deleted, response={})) == ["response: status 204 has no body in the spec, got {}"]
    created = example_record(messaging, "POST", SERVICES, 201, form={"FriendlyName": "x"})
    assert problems_of(dict(created, status=200)) == ["response: status 200 is not documented for this operation (documented: 201)"]
    assert problems_of(dict(created, response=None)) == ["response: Missing response data"]
