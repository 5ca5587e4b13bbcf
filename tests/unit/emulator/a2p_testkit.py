"""Test kit for the emulator's A2P tests: a seed with brands, valid campaign forms and admin helpers."""

from typing import Any, Iterator

import pytest
import requests

from emulator.server import Emulator, start
from emulator_testkit import Api, make_seed

BUNDLE_1 = "BU" + "c1" * 16
BUNDLE_2 = "BU" + "c2" * 16
BRAND_OK = "BN" + "a0" * 16  # STANDARD, APPROVED
BRAND_LOW = "BN" + "a5" * 16  # low-volume STANDARD (skip_automatic_sec_vet), APPROVED
BRAND_SOLE = "BN" + "a6" * 16  # SOLE_PROPRIETOR, APPROVED, its OTP confirmed (identity VERIFIED)
BRAND_PENDING = "BN" + "a7" * 16  # STANDARD, PENDING
BRAND_MOCK = "BN" + "a8" * 16  # mock STANDARD, APPROVED
BRAND_B = "BN" + "b0" * 16  # account B's STANDARD, APPROVED
SEEDED_BRANDS_A = [BRAND_OK, BRAND_LOW, BRAND_SOLE, BRAND_PENDING, BRAND_MOCK]

BRAND_KEYS = [
    "sid", "account_sid", "customer_profile_bundle_sid", "a2p_profile_bundle_sid", "date_created", "date_updated", "brand_type",
    "status", "tcr_id", "failure_reason", "errors", "url", "brand_score", "brand_feedback", "identity_status", "russell_3000",
    "government_entity", "tax_exempt_status", "skip_automatic_sec_vet", "mock", "links",
]
CAMPAIGN_KEYS = [
    "sid", "account_sid", "brand_registration_sid", "messaging_service_sid", "description", "message_samples", "us_app_to_person_usecase",
    "has_embedded_links", "has_embedded_phone", "subscriber_opt_in", "age_gated", "direct_lending", "campaign_status", "campaign_id",
    "is_externally_registered", "rate_limits", "message_flow", "opt_in_message", "opt_out_message", "help_message", "opt_in_keywords",
    "opt_out_keywords", "help_keywords", "date_created", "date_updated", "url", "mock", "errors", "privacy_policy_url",
    "terms_and_conditions_url",
]

DESCRIPTION = "Customer care conversations between Acme agents and customers who contacted us first."
MESSAGE_FLOW = "Customers text our support number first or opt in on www.example.com/sms by ticking a consent box."
SAMPLES = ["Hi Jane, this is Acme support: your ticket 1234 is resolved.", "Acme: an agent will reply to your question within 10 minutes."]


def a2p_seed() -> dict[str, Any]:
    """:func:`make_seed` plus five brands in account A and one in account B."""
    seed = make_seed()
    bundles = {"customer_profile_bundle_sid": BUNDLE_1, "a2p_profile_bundle_sid": BUNDLE_2}
    seed["accounts"][0]["brands"] = [
        {"sid": BRAND_OK, **bundles},
        {"sid": BRAND_LOW, **bundles, "skip_automatic_sec_vet": True},
        {"sid": BRAND_SOLE, **bundles, "brand_type": "SOLE_PROPRIETOR", "identity_status": "VERIFIED"},
        {"sid": BRAND_PENDING, **bundles, "status": "PENDING"},
        {"sid": BRAND_MOCK, **bundles, "mock": True},
    ]
    seed["accounts"][1]["brands"] = [{"sid": BRAND_B, **bundles}]
    return seed


@pytest.fixture(name="emu")
def fixture_a2p_emu(tmp_path: Any) -> Iterator[Emulator]:
    """The emulator seeded with :func:`a2p_seed` (overrides conftest's ``emu`` in the modules that import it)."""
    with start(a2p_seed(), log_path=str(tmp_path / "requests.jsonl")) as running:
        yield running


def campaign_form(brand: str = BRAND_OK, usecase: str = "CUSTOMER_CARE", **extra: Any) -> dict[str, Any]:
    """A valid create form (lists become repeated keys with ``requests``)."""
    form: dict[str, Any] = {
        "BrandRegistrationSid": brand, "Description": DESCRIPTION, "MessageFlow": MESSAGE_FLOW, "MessageSamples": list(SAMPLES),
        "UsAppToPersonUsecase": usecase, "HasEmbeddedLinks": "false", "HasEmbeddedPhone": "true",
    }
    form.update(extra)
    return form


def update_form(**extra: Any) -> dict[str, Any]:
    """A valid update form: every parameter Twilio requires on update."""
    form: dict[str, Any] = {
        "HasEmbeddedLinks": "true", "HasEmbeddedPhone": "false", "MessageSamples": list(SAMPLES), "MessageFlow": MESSAGE_FLOW,
        "Description": DESCRIPTION, "AgeGated": "false", "DirectLending": "false",
    }
    form.update(extra)
    return form


def usa2p(service: str) -> str:
    """The emulator path of a service's campaign list."""
    return f"/messaging/v1/Services/{service}/Compliance/Usa2p"


def create_campaign(api: Api, service: str, **form: Any) -> dict[str, Any]:
    """Create a campaign (201 expected) and return its JSON."""
    response = api.post(usa2p(service), campaign_form(**form))
    assert response.status_code == 201, response.text
    return dict(response.json())


def admin(emu: Emulator, path: str, body: Any) -> requests.Response:
    """POST a JSON body to an admin route (``path`` below ``/_emulator``)."""
    return requests.post(f"{emu.url}/_emulator{path}", json=body, timeout=10)


def assert_error(response: requests.Response, status: int, code: int, text: str = "") -> None:
    """The response is a Twilio error with this status and code (and ``text`` in its message)."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "message", "more_info", "status"}
    assert (body["code"], body["status"]) == (code, status), body
    assert body["more_info"] == f"https://www.twilio.com/docs/errors/{code}"
    assert text in body["message"], body
