"""Twilio-shaped JSON bodies for requests-mock, taken from the shapes in Twilio's OpenAPI spec."""

from __future__ import annotations

from typing import Any

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "unit-test-auth-token-0001"
AUTH = {"account_sid": ACCOUNT_SID, "auth_token": AUTH_TOKEN}
SERVICES_URL = "https://messaging.twilio.com/v1/Services"


def service(sid: str, friendly_name: str, **fields: Any) -> dict[str, Any]:
    url = "%s/%s" % (SERVICES_URL, sid)
    body = {
        "sid": sid,
        "account_sid": ACCOUNT_SID,
        "friendly_name": friendly_name,
        "date_created": "2026-11-27T10:00:00Z",
        "date_updated": "2026-11-27T10:00:00Z",
        "inbound_request_url": None,
        "inbound_method": "POST",
        "fallback_url": None,
        "fallback_method": "POST",
        "status_callback": None,
        "sticky_sender": True,
        "mms_converter": True,
        "smart_encoding": True,
        "scan_message_content": "inherit",
        "fallback_to_long_code": True,
        "area_code_geomatch": True,
        "synchronous_validation": True,
        "validity_period": 36000,
        "usecase": "undeclared",
        "us_app_to_person_registered": False,
        "use_inbound_webhook_on_number": False,
        "url": url,
        "links": {"phone_numbers": url + "/PhoneNumbers"},
    }
    body.update(fields)
    return body


def page(key: str, items: list[dict[str, Any]], url: str = SERVICES_URL, next_page_url: str | None = None) -> dict[str, Any]:
    return {
        key: items,
        "meta": {
            "page": 0,
            "page_size": 1000,
            "first_page_url": url + "?PageSize=1000&Page=0",
            "previous_page_url": None,
            "next_page_url": next_page_url,
            "url": url + "?PageSize=1000&Page=0",
            "key": key,
        },
    }


def error(code: int, status: int, message: str) -> dict[str, Any]:
    return {"code": code, "message": message, "more_info": "https://www.twilio.com/docs/errors/%d" % code, "status": status}


API_ACCOUNT_URL = "https://api.twilio.com/2010-04-01/Accounts/%s" % ACCOUNT_SID
NUMBERS_URL = API_ACCOUNT_URL + "/IncomingPhoneNumbers.json"
SHORT_CODES_URL = API_ACCOUNT_URL + "/SMS/ShortCodes.json"


def pool_member(service_sid: str, sid: str, field: str, value: str) -> dict[str, Any]:
    kind = {"phone_number": "PhoneNumbers", "short_code": "ShortCodes", "alpha_sender": "AlphaSenders"}[field]
    return {
        "sid": sid, "account_sid": ACCOUNT_SID, "service_sid": service_sid, field: value,
        "date_created": "2026-11-27T10:00:00Z", "date_updated": "2026-11-27T10:00:00Z",
        "capabilities": ["SMS", "MMS"], "url": "%s/%s/%s/%s" % (SERVICES_URL, service_sid, kind, sid),
    }


def owned_number(sid: str, phone_number: str, sms: bool = True, **fields: Any) -> dict[str, Any]:
    body = {
        "sid": sid, "account_sid": ACCOUNT_SID, "phone_number": phone_number, "friendly_name": phone_number,
        "capabilities": {"voice": True, "sms": sms, "mms": sms, "fax": False}, "sms_url": "", "sms_method": "POST",
        "sms_application_sid": "", "status": "in-use", "date_created": "Fri, 27 Nov 2026 10:00:00 +0000",
        "date_updated": "Fri, 27 Nov 2026 10:00:00 +0000", "uri": "/2010-04-01/Accounts/%s/IncomingPhoneNumbers/%s.json" % (ACCOUNT_SID, sid),
    }
    body.update(fields)
    return body


def page2010(key: str, items: list[dict[str, Any]], uri: str) -> dict[str, Any]:
    return {key: items, "end": max(len(items) - 1, 0), "first_page_uri": uri + "?PageSize=1000&Page=0", "next_page_uri": None,
            "page": 0, "page_size": 1000, "previous_page_uri": None, "start": 0, "uri": uri + "?PageSize=1000&Page=0"}


BRANDS_URL = "https://messaging.twilio.com/v1/a2p/BrandRegistrations"


def brand(sid: str, status: str = "APPROVED", **fields: Any) -> dict[str, Any]:
    body = {
        "sid": sid, "account_sid": ACCOUNT_SID, "customer_profile_bundle_sid": "BU" + "c" * 32, "a2p_profile_bundle_sid": "BU" + "d" * 32,
        "date_created": "2026-11-27T10:00:00Z", "date_updated": "2026-11-27T10:00:00Z", "brand_type": "STANDARD", "status": status,
        "tcr_id": "BXXXXXX", "failure_reason": None, "errors": [], "url": "%s/%s" % (BRANDS_URL, sid), "brand_score": 42,
        "brand_feedback": None, "identity_status": "VERIFIED", "russell_3000": False, "government_entity": False,
        "tax_exempt_status": None, "skip_automatic_sec_vet": False, "mock": False, "links": {},
    }
    body.update(fields)
    return body


def campaign(service_sid: str, sid: str, brand_sid: str, status: str = "VERIFIED", **fields: Any) -> dict[str, Any]:
    body = {
        "sid": sid, "account_sid": ACCOUNT_SID, "brand_registration_sid": brand_sid, "messaging_service_sid": service_sid,
        "description": "Customer care conversations between agents and customers.", "message_samples": [
            "Hi, this is support. Your replacement ships today.", "Your case is resolved. Reply STOP to opt out."],
        "us_app_to_person_usecase": "CUSTOMER_CARE", "has_embedded_links": False, "has_embedded_phone": False,
        "subscriber_opt_in": None, "age_gated": False, "direct_lending": False, "campaign_status": status, "campaign_id": "CABC123",
        "is_externally_registered": False, "rate_limits": {}, "message_flow": "Customers text our published support number first.",
        "opt_in_message": None, "opt_out_message": None, "help_message": None, "opt_in_keywords": None, "opt_out_keywords": None,
        "help_keywords": None, "date_created": "2026-11-27T10:00:00Z", "date_updated": "2026-11-27T10:00:00Z",
        "url": "%s/%s/Compliance/Usa2p/%s" % (SERVICES_URL, service_sid, sid), "mock": False, "errors": [],
        "privacy_policy_url": None, "terms_and_conditions_url": None,
    }
    body.update(fields)
    return body


def mock_carried(requests_mock: Any, service_sid: str, phone_numbers: list[tuple[str, str]] = (), campaigns: list[dict[str, Any]] = ()) -> None:
    """Answer the reads of what a service carries: its pool (phone numbers as (sid, value); no short codes, no alpha sender)
    and its A2P campaigns."""
    base = "%s/%s" % (SERVICES_URL, service_sid)
    numbers = [pool_member(service_sid, sid, "phone_number", value) for sid, value in phone_numbers]
    requests_mock.get(base + "/PhoneNumbers", json=page("phone_numbers", numbers, base + "/PhoneNumbers"))
    requests_mock.get(base + "/ShortCodes", json=page("short_codes", [], base + "/ShortCodes"))
    requests_mock.get(base + "/AlphaSenders", json=page("alpha_senders", [], base + "/AlphaSenders"))
    usa2p = base + "/Compliance/Usa2p"
    requests_mock.get(usa2p, json=page("compliance", list(campaigns), usa2p))
