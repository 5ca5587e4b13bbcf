# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The request side: what our modules send must be an operation of the spec, with documented names and valid values."""

from __future__ import annotations

from collections.abc import Callable

from contract.spec_examples import example_record, sample_path
from contract.spec_store import ProductSpec, load_product_spec

SERVICES = "/v1/Services"
SERVICE = "/v1/Services/{Sid}"
PHONE_NUMBERS = "/v1/Services/{ServiceSid}/PhoneNumbers"
USA2P = "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p"
USA2P_ONE = "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p/{Sid}"
NUMBERS = "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json"
NUMBER = "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json"

CAMPAIGN_FORM = {
    "BrandRegistrationSid": "BN" + "a" * 32,
    "Description": "Appointment reminders for customers of Example Clinic.",
    "MessageFlow": "Customers opt in on the booking form at https://example.com/book before any message.",
    "MessageSamples": ["Example Clinic: your appointment is tomorrow at 10am.", "Example Clinic: reply C to confirm your visit."],
    "UsAppToPersonUsecase": "ACCOUNT_NOTIFICATION",
    "HasEmbeddedLinks": "false",
    "HasEmbeddedPhone": "false",
}
CAMPAIGN_UPDATE_FORM = {
    **{name: CAMPAIGN_FORM[name] for name in ("Description", "MessageFlow", "MessageSamples", "HasEmbeddedLinks", "HasEmbeddedPhone")},
    "AgeGated": "false",
    "DirectLending": "false",
}
Problems = Callable[..., list[str]]


def test_messaging_service_create_list_fetch_update_delete_pass(messaging: ProductSpec, problems_of: Problems) -> None:
    assert problems_of(
        example_record(messaging, "POST", SERVICES, 201, form={"FriendlyName": "My Service!", "StickySender": "true", "ScanMessageContent": "inherit"}),
        example_record(messaging, "GET", SERVICES, 200, query={"PageSize": "50"}),
        example_record(messaging, "GET", SERVICE, 200),
        example_record(messaging, "POST", SERVICE, 200, form={"UseInboundWebhookOnNumber": "true", "InboundRequestUrl": "https://example.com/in"}),
        example_record(messaging, "DELETE", SERVICE, 204),
    ) == []


def test_sender_pool_and_campaign_calls_pass(messaging: ProductSpec, problems_of: Problems) -> None:
    newer = {"PrivacyPolicyUrl": "https://example.com/privacy", "TermsAndConditionsUrl": "https://example.com/terms"}
    assert problems_of(
        example_record(messaging, "POST", PHONE_NUMBERS, 201, form={"PhoneNumberSid": "PN" + "b" * 32}),
        example_record(messaging, "GET", PHONE_NUMBERS, 200, query={"PageSize": "1000", "Page": "1", "PageToken": "PT1"}),
        example_record(messaging, "POST", USA2P, 201, form={**CAMPAIGN_FORM, **newer, "OptInKeywords": ["START", "YES"]}),
        example_record(messaging, "POST", USA2P_ONE, 200, form={**CAMPAIGN_UPDATE_FORM, **newer}),
        example_record(messaging, "GET", f"{USA2P}/Usecases", 200, query={"BrandRegistrationSid": "BN" + "a" * 32}),
        example_record(messaging, "GET", "/v1/Services/Usecases", 200),
        example_record(messaging, "POST", "/v1/Services/PreregisteredUsa2p", 201, form={"CampaignId": "CABCDEF", "MessagingServiceSid": "MG" + "a" * 32}),
    ) == []


def test_other_products_pass(spec_dir: str, api: ProductSpec, problems_of: Problems) -> None:
    flex = load_product_spec(spec_dir, "flex-api")
    conversations = load_product_spec(spec_dir, "conversations")
    assert problems_of(
        example_record(api, "GET", NUMBERS, 200, query={"PhoneNumber": "+18089255327", "PageSize": "50"}),
        example_record(api, "POST", NUMBER, 200, form={"SmsUrl": "https://webhooks.twilio.com/v1/x", "SmsMethod": "POST", "SmsApplicationSid": ""}),
        example_record(flex, "GET", "/v1/FlexFlows", 200, query={"FriendlyName": "SMS Flow"}),
        example_record(conversations, "GET", "/v1/Configuration/Addresses", 200, query={"Type": "sms"}),
    ) == []


def test_unknown_form_field_fails(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "POST", SERVICES, 201, form={"FriendlyName": "x", "Bogus": "1"})
    assert problems_of(record) == ["request: unknown form field 'Bogus'"]


def test_newer_than_spec_fields_pass_only_where_listed(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "POST", SERVICES, 201, form={"FriendlyName": "x", "PrivacyPolicyUrl": "https://example.com/p"})
    assert problems_of(record) == ["request: unknown form field 'PrivacyPolicyUrl'"]


def test_unknown_query_parameter_fails(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "GET", SERVICES, 200, query={"PageSize": "50", "FriendlyName": "x"})
    assert problems_of(record) == ["request: unknown query parameter 'FriendlyName'"]


def test_form_body_on_an_operation_without_one_fails(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "GET", SERVICE, 200, form={"FriendlyName": "x"})
    assert problems_of(record) == ["request: sends a form body (FriendlyName) but the operation takes none"]


def test_invalid_form_values_fail(messaging: ProductSpec, problems_of: Problems) -> None:
    bad_boolean = example_record(messaging, "POST", USA2P, 201, form={**CAMPAIGN_FORM, "HasEmbeddedLinks": "maybe"})
    found = problems_of(bad_boolean)
    assert len(found) == 1 and found[0].startswith("request: form body") and "maybe" in found[0]
    no_name = example_record(messaging, "POST", SERVICES, 201, form={"StickySender": "true"})
    assert problems_of(no_name) == ["request: form body: 'FriendlyName' is a required property"]
    bad_enum = example_record(messaging, "POST", SERVICE, 200, form={"ScanMessageContent": "sometimes"})
    assert [line.split(" is not one of ")[0] for line in problems_of(bad_enum)] == ["request: form body.ScanMessageContent: 'sometimes'"]
    bad_sid = example_record(messaging, "POST", PHONE_NUMBERS, 201, form={"PhoneNumberSid": "PN123"})
    assert problems_of(bad_sid) == ["request: form body.PhoneNumberSid: 'PN123' is too short",
                                    "request: form body.PhoneNumberSid: 'PN123' does not match '^PN[0-9a-fA-F]{32}$'"]


def test_malformed_path_sid_fails_unless_answered_404(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "GET", SERVICE, 200)
    record["path"] = "/v1/Services/MG123"
    found = problems_of(record)
    assert found and all(line.startswith("request: path parameter Sid:") for line in found)
    record.update(status=404, response={"code": 20404, "message": "not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404})
    assert problems_of(record) == []


def test_unknown_path_or_method_fails_unless_answered_404(messaging: ProductSpec, problems_of: Problems) -> None:
    record = example_record(messaging, "GET", SERVICE, 200)
    record["path"] = "/v1/Servicez"
    assert problems_of(record) == ["request: no path of twilio_messaging_v1.json matches /v1/Servicez"]
    record.update(status=404, response={"code": 20404, "message": "nope", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404})
    assert problems_of(record) == []
    record.update(status=401, response={"code": 20003, "message": "auth", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401})
    assert problems_of(record) == ["request: no path of twilio_messaging_v1.json matches /v1/Servicez"]
    put = example_record(messaging, "GET", SERVICES, 200)
    put["method"] = "PUT"
    assert problems_of(put) == ["request: PUT is not an operation of this path in twilio_messaging_v1.json"]


def test_products_do_not_share_paths(spec_dir: str, problems_of: Problems) -> None:
    proxy = load_product_spec(spec_dir, "proxy")
    record = example_record(proxy, "POST", "/v1/Services", 201, form={"UniqueName": "Flex Proxy Service"})
    assert problems_of(record) == []
    record["product"] = "messaging"
    found = problems_of(record)
    assert "request: unknown form field 'UniqueName'" in found
    assert "response: body lacks documented property 'inbound_request_url'" in found


def test_sample_paths_fill_sids_of_the_right_type(messaging: ProductSpec, api: ProductSpec) -> None:
    assert sample_path(messaging, USA2P_ONE) == f"/v1/Services/MG{'a' * 32}/Compliance/Usa2p/QE{'a' * 32}"
    assert sample_path(api, NUMBER, Sid="PN" + "1" * 32) == f"/2010-04-01/Accounts/AC{'a' * 32}/IncomingPhoneNumbers/PN{'1' * 32}.json"
