"""US A2P campaigns (Compliance/Usa2p): create rules, update rules, delete, lifecycle (admin and timer), use cases, SDK, log."""

import re
import time
from typing import Any, Callable

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from a2p_testkit import (BRAND_B, BRAND_LOW, BRAND_MOCK, BRAND_OK, BRAND_PENDING, BRAND_SOLE, CAMPAIGN_KEYS, DESCRIPTION, MESSAGE_FLOW,
                         SAMPLES, admin, assert_error, campaign_form, create_campaign, update_form, usa2p)
from a2p_testkit import fixture_a2p_emu  # noqa: F401  pylint: disable=unused-import
from emulator.messaging.a2p_lifecycle import configure
from emulator.messaging.a2p_rules import sender_limit
from emulator.server import Emulator
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, SEEDED_SERVICE, TOKEN_A, TOKEN_B, Api

TWILIO_SERVICE = f"https://messaging.twilio.com/v1/Services/{SEEDED_SERVICE}"
SdkFactory = Callable[..., Client]


def test_create_returns_the_campaign_and_registers_the_service(api: Api) -> None:
    campaign = create_campaign(api, SEEDED_SERVICE, PrivacyPolicyUrl="https://example.com/privacy", SubscriberOptIn="true",
                               OptInKeywords=["START", "YES"], OptInMessage="Acme: you are now opted in. Reply STOP to stop.")
    assert list(campaign) == CAMPAIGN_KEYS
    sid = campaign["sid"]
    assert sid.startswith("QE") and len(sid) == 34
    assert {key: campaign[key] for key in CAMPAIGN_KEYS[1:13]} == {
        "account_sid": ACCOUNT_A, "brand_registration_sid": BRAND_OK, "messaging_service_sid": SEEDED_SERVICE, "description": DESCRIPTION,
        "message_samples": SAMPLES, "us_app_to_person_usecase": "CUSTOMER_CARE", "has_embedded_links": False, "has_embedded_phone": True,
        "subscriber_opt_in": True, "age_gated": False, "direct_lending": False, "campaign_status": "PENDING",
    }
    assert re.match(r"^C[0-9A-F]{6}$", campaign["campaign_id"]) and campaign["is_externally_registered"] is False
    assert campaign["rate_limits"] == {"att": {"mps": 600, "msg_class": "A"}, "tmobile": {"brand_tier": "TOP"}}
    assert campaign["message_flow"] == MESSAGE_FLOW and campaign["opt_in_keywords"] == ["START", "YES"]
    assert campaign["opt_out_keywords"] == ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]
    assert campaign["help_keywords"] == ["HELP", "INFO"] and campaign["help_message"] == "Reply STOP to unsubscribe. Msg&Data Rates May Apply."
    assert campaign["opt_out_message"].startswith("You have successfully been unsubscribed.")
    assert campaign["url"] == f"{TWILIO_SERVICE}/Compliance/Usa2p/{sid}"
    assert (campaign["mock"], campaign["errors"]) == (False, [])
    assert (campaign["privacy_policy_url"], campaign["terms_and_conditions_url"]) == ("https://example.com/privacy", None)
    assert api.get(f"{usa2p(SEEDED_SERVICE)}/{sid}").json() == campaign
    listed = api.get(usa2p(SEEDED_SERVICE)).json()
    assert listed["compliance"] == [campaign] and listed["meta"]["key"] == "compliance"
    assert listed["meta"]["url"] == f"{TWILIO_SERVICE}/Compliance/Usa2p?PageSize=50&Page=0"
    assert api.get(f"/messaging/v1/Services/{SEEDED_SERVICE}").json()["us_app_to_person_registered"] is True


@pytest.mark.parametrize("param", ["BrandRegistrationSid", "Description", "MessageFlow", "MessageSamples", "UsAppToPersonUsecase",
                                   "HasEmbeddedLinks", "HasEmbeddedPhone"])
def test_create_requires(api: Api, param: str) -> None:
    form = campaign_form()
    del form[param]
    assert_error(api.post(usa2p(SEEDED_SERVICE), form), 400, 21727, f"Missing required parameter {param}")


@pytest.mark.parametrize("extra, code, text", [
    ({"Description": "x" * 39}, 21728, "Description must be between 40 and 4096"),
    ({"Description": "x" * 4097}, 21728, "Description"),
    ({"MessageFlow": "y" * 2049}, 21728, "MessageFlow must be between 40 and 2048"),
    ({"MessageSamples": SAMPLES[:1]}, 21728, "MessageSamples must have between 2 and 5 values"),
    ({"MessageSamples": SAMPLES * 3}, 21728, "MessageSamples must have between 2 and 5 values"),
    ({"MessageSamples": [SAMPLES[0], "too short sample"]}, 21728, "MessageSamples must be between 20 and 1024"),
    ({"OptInMessage": "short opt-in"}, 21728, "OptInMessage must be between 20 and 320"),
    ({"HelpKeywords": ["HELP", "NEED HELP"]}, 20001, "HelpKeywords values must be alphanumeric"),
    ({"HasEmbeddedLinks": "sometimes"}, 20001, "HasEmbeddedLinks"),
    ({"AgeGated": "1"}, 20001, "AgeGated"),
])
def test_create_checks_values(api: Api, extra: dict[str, Any], code: int, text: str) -> None:
    """Length and count failures answer 21728 (error page 21728); other bad values 20001."""
    assert_error(api.post(usa2p(SEEDED_SERVICE), campaign_form(**extra)), 400, code, text)


@pytest.mark.parametrize("brand, usecase, code, text", [
    (f"BN{'0' * 32}", "CUSTOMER_CARE", 21717, "was not found"),
    (BRAND_PENDING, "CUSTOMER_CARE", 21717, "is not approved (status PENDING)"),
    (BRAND_B, "CUSTOMER_CARE", 21717, "was not found"),
    (BRAND_OK, "CHATTING", 21720, "Invalid UsAppToPersonUsecase 'CHATTING'"),
    (BRAND_OK, "SOLE_PROPRIETOR", 21720, "not available for STANDARD"),
    (BRAND_SOLE, "MARKETING", 21720, "not available for SOLE_PROPRIETOR"),
])
def test_create_brand_and_usecase_rules(api: Api, brand: str, usecase: str, code: int, text: str) -> None:
    assert_error(api.post(usa2p(SEEDED_SERVICE), campaign_form(brand, usecase)), 400, code, text)
    assert api.get(usa2p(SEEDED_SERVICE)).json()["compliance"] == []


def test_low_volume_brands_may_use_low_volume(api: Api) -> None:
    campaign = create_campaign(api, SEEDED_SERVICE, brand=BRAND_LOW, usecase="LOW_VOLUME")
    assert campaign["rate_limits"]["tmobile"] == {"brand_tier": "LOW"}


def test_standard_brands_may_use_low_volume(api: Api) -> None:
    """The spec's fetchWithBrandRegistrationSid example lists LOW_VOLUME for a brand; a standard brand's tier stays TOP."""
    campaign = create_campaign(api, SEEDED_SERVICE, brand=BRAND_OK, usecase="LOW_VOLUME")
    assert campaign["us_app_to_person_usecase"] == "LOW_VOLUME" and campaign["rate_limits"]["tmobile"] != {"brand_tier": "LOW"}


@pytest.mark.parametrize("service_usecase, campaign_usecase, allowed", [
    ("verification", "MARKETING", False),
    ("verification", "2FA", True),
    ("discussion", "CUSTOMER_CARE", True),
    ("discussion", "MIXED", True),
    ("notifications", "MARKETING", False),
    ("poll", "POLLING_VOTING", True),
    ("undeclared", "SECURITY_ALERT", True),
])
def test_service_usecase_compatibility(api: Api, service_usecase: str, campaign_usecase: str, allowed: bool) -> None:
    service = api.create_service("A2P", Usecase=service_usecase)["sid"]
    response = api.post(usa2p(service), campaign_form(usecase=campaign_usecase))
    if allowed:
        assert response.status_code == 201, response.text
    else:
        assert_error(response, 400, 21719, f"'{service_usecase}' is incompatible with A2P campaign use case '{campaign_usecase}'")


def test_one_campaign_per_service(api: Api) -> None:
    first = create_campaign(api, SEEDED_SERVICE)
    assert_error(api.post(usa2p(SEEDED_SERVICE), campaign_form(usecase="MIXED")), 400, 21710, first["sid"])
    assert len(api.get(usa2p(SEEDED_SERVICE)).json()["compliance"]) == 1


def test_sole_proprietor_one_campaign_and_one_number(api: Api, emu: Emulator) -> None:
    other = api.create_service("Second")["sid"]
    campaign = create_campaign(api, SEEDED_SERVICE, brand=BRAND_SOLE, usecase="SOLE_PROPRIETOR")
    assert campaign["rate_limits"] == {"att": {"mps": 0.25, "msg_class": "A"}, "tmobile": {"brand_tier": "LOW"}}
    assert_error(api.post(usa2p(other), campaign_form(BRAND_SOLE, "SOLE_PROPRIETOR")), 400, 21710, "already has its one campaign")
    assert api.post(usa2p(other), campaign_form()).status_code == 201  # standard brands are not limited
    with emu.state.lock:
        account = emu.state.accounts[ACCOUNT_A]
        assert (sender_limit(account, SEEDED_SERVICE), sender_limit(account, other)) == (1, None)


def test_mock_brands_make_mock_campaigns(api: Api) -> None:
    assert create_campaign(api, SEEDED_SERVICE, brand=BRAND_MOCK)["mock"] is True


def test_unknown_service_and_campaign(api: Api, api_as: Callable[..., Api]) -> None:
    missing = f"MG{'0' * 32}"
    assert_error(api.get(usa2p(missing)), 404, 20404, f"/Services/{missing}/Compliance/Usa2p")
    assert_error(api.post(usa2p(missing), campaign_form()), 404, 20404)
    sid = create_campaign(api, SEEDED_SERVICE)["sid"]
    other_service = api.create_service("Other")["sid"]
    assert_error(api.get(f"{usa2p(other_service)}/{sid}"), 404, 20404, f"/Services/{other_service}/Compliance/Usa2p/{sid}")
    other_account = api_as(ACCOUNT_B, TOKEN_B)
    assert_error(other_account.get(f"{usa2p(SEEDED_SERVICE)}/{sid}"), 404, 20404)
    assert_error(other_account.delete(f"{usa2p(SEEDED_SERVICE)}/{sid}"), 404, 20404)


def test_update_changes_allowed_fields(api: Api) -> None:
    campaign = create_campaign(api, SEEDED_SERVICE, SubscriberOptIn="true", OptInKeywords=["START"])
    samples = ["Acme: your order 42 has shipped and arrives Monday.", "Acme: reply HELP for help or STOP to opt out of texts.",
               "Acme: your appointment is confirmed for 10:00 tomorrow."]
    form = update_form(MessageSamples=samples, Description="D" * 40, AgeGated="true", TermsAndConditionsUrl="https://example.com/terms",
                       BrandRegistrationSid=BRAND_OK, SubscriberOptIn="true", OptInKeywords=["START"])  # fixed fields, same values
    response = api.post(f"{usa2p(SEEDED_SERVICE)}/{campaign['sid']}", form)
    assert response.status_code == 200, response.text
    updated = response.json()
    assert list(updated) == CAMPAIGN_KEYS
    assert (updated["message_samples"], updated["description"], updated["age_gated"]) == (samples, "D" * 40, True)
    assert (updated["has_embedded_links"], updated["has_embedded_phone"]) == (True, False)
    assert updated["terms_and_conditions_url"] == "https://example.com/terms" and updated["campaign_status"] == "PENDING"
    assert updated["brand_registration_sid"] == BRAND_OK and updated["date_created"] == campaign["date_created"]


@pytest.mark.parametrize("param", ["HasEmbeddedLinks", "HasEmbeddedPhone", "MessageSamples", "MessageFlow", "Description", "AgeGated",
                                   "DirectLending"])
def test_update_requires(api: Api, param: str) -> None:
    sid = create_campaign(api, SEEDED_SERVICE)["sid"]
    form = update_form()
    del form[param]
    assert_error(api.post(f"{usa2p(SEEDED_SERVICE)}/{sid}", form), 400, 20001, f"Missing required parameter {param}")


@pytest.mark.parametrize("extra", [
    {"BrandRegistrationSid": BRAND_LOW}, {"UsAppToPersonUsecase": "MIXED"}, {"OptInMessage": "Acme: you are now opted in to texts."},
    {"OptOutMessage": "Acme: you will receive no more texts."}, {"HelpMessage": "Acme: call 555 0100 for help today."},
    {"OptInKeywords": ["JOIN"]}, {"OptOutKeywords": ["STOP"]}, {"HelpKeywords": ["HELP", "INFO", "SUPPORT"]}, {"SubscriberOptIn": "true"},
])
def test_update_refuses_fixed_fields(api: Api, extra: dict[str, Any]) -> None:
    sid = create_campaign(api, SEEDED_SERVICE)["sid"]
    param = next(iter(extra))
    assert_error(api.post(f"{usa2p(SEEDED_SERVICE)}/{sid}", update_form(**extra)), 400, 20001, f"{param} cannot be changed")


def test_suspended_campaigns_refuse_updates(api: Api, emu: Emulator) -> None:
    sid = create_campaign(api, SEEDED_SERVICE)["sid"]
    assert admin(emu, f"/campaigns/{sid}", {"campaign_status": "SUSPENDED"}).json()["campaign_status"] == "SUSPENDED"
    assert_error(api.post(f"{usa2p(SEEDED_SERVICE)}/{sid}", update_form()), 400, 21729, "suspended")
    assert api.delete(f"{usa2p(SEEDED_SERVICE)}/{sid}").status_code == 204


def test_lifecycle_via_admin_and_failed_resubmission(api: Api, emu: Emulator) -> None:
    sid = create_campaign(api, SEEDED_SERVICE)["sid"]
    one = f"{usa2p(SEEDED_SERVICE)}/{sid}"
    assert admin(emu, f"/campaigns/{sid}", {"campaign_status": "IN_PROGRESS"}).status_code == 200
    assert api.get(one).json()["campaign_status"] == "IN_PROGRESS"
    errors = [{"error_code": 30897, "fields": ["MESSAGE_FLOW"], "description": "Disallowed Content."}]
    failed = admin(emu, f"/campaigns/{sid}", {"campaign_status": "FAILED", "errors": errors}).json()
    assert failed == api.get(one).json()
    assert failed["errors"] == [{"error_code": 30897, "description": "Disallowed Content.", "fields": ["MESSAGE_FLOW"],
                                 "url": "https://www.twilio.com/docs/api/errors/30897"}]
    resubmitted = api.post(one, update_form()).json()
    assert (resubmitted["campaign_status"], resubmitted["errors"]) == ("PENDING", [])
    assert admin(emu, f"/campaigns/{sid}", {"campaign_status": "VERIFIED"}).json()["campaign_status"] == "VERIFIED"
    assert api.post(one, update_form()).json()["campaign_status"] == "VERIFIED"
    assert admin(emu, f"/campaigns/{sid}", {"campaign_status": "APPROVED"}).status_code == 400
    assert admin(emu, f"/campaigns/QE{'0' * 32}", {"campaign_status": "VERIFIED"}).status_code == 404


def test_approval_timer(api: Api, emu: Emulator) -> None:
    configure(emu.state, campaign_approval_seconds=1.0)
    campaign = create_campaign(api, SEEDED_SERVICE)
    one = f"{usa2p(SEEDED_SERVICE)}/{campaign['sid']}"
    assert campaign["campaign_status"] == "PENDING"
    time.sleep(0.6)
    assert api.get(one).json()["campaign_status"] == "IN_PROGRESS"
    time.sleep(0.5)
    assert api.get(usa2p(SEEDED_SERVICE)).json()["compliance"][0]["campaign_status"] == "VERIFIED"


def test_short_approval_timer_and_admin_stop(api: Api, emu: Emulator) -> None:
    configure(emu.state, campaign_approval_seconds=0.2)
    timed = create_campaign(api, SEEDED_SERVICE)["sid"]
    other = api.create_service("Stopped")["sid"]
    stopped = create_campaign(api, other)["sid"]
    admin(emu, f"/campaigns/{stopped}", {"campaign_status": "FAILED"})
    time.sleep(0.3)
    assert api.get(f"{usa2p(SEEDED_SERVICE)}/{timed}").json()["campaign_status"] == "VERIFIED"
    assert api.get(f"{usa2p(other)}/{stopped}").json()["campaign_status"] == "FAILED"


def test_delete_unregisters_and_frees_the_service(api: Api) -> None:
    sid = create_campaign(api, SEEDED_SERVICE)["sid"]
    response = api.delete(f"{usa2p(SEEDED_SERVICE)}/{sid}")
    assert response.status_code == 204 and response.content == b""
    assert_error(api.get(f"{usa2p(SEEDED_SERVICE)}/{sid}"), 404, 20404)
    assert api.get(f"/messaging/v1/Services/{SEEDED_SERVICE}").json()["us_app_to_person_registered"] is False
    assert create_campaign(api, SEEDED_SERVICE, usecase="MIXED")["sid"] != sid


def test_deleting_the_service_deletes_its_campaign(api: Api, emu: Emulator) -> None:
    sid = create_campaign(api, SEEDED_SERVICE)["sid"]
    keep = api.create_service("Keep")["sid"]
    kept = create_campaign(api, keep)["sid"]
    assert api.delete(f"/messaging/v1/Services/{SEEDED_SERVICE}").status_code == 204
    campaigns = emu.state.snapshot()["accounts"][ACCOUNT_A]["campaigns"]
    assert [campaign["sid"] for campaign in campaigns] == [kept] and sid != kept


def test_usecase_catalogues(api: Api) -> None:
    service_usecases = api.get("/messaging/v1/Services/Usecases").json()["usecases"]
    assert [entry["usecase"] for entry in service_usecases] == ["notifications", "marketing", "verification", "discussion", "poll", "undeclared"]
    assert all(set(entry) == {"usecase", "description", "purpose"} for entry in service_usecases)
    path = f"/messaging/v1/Services/{SEEDED_SERVICE}/Compliance/Usa2p/Usecases"

    def codes(**query: str) -> list[str]:
        response = api.get(path, params=query)
        assert response.status_code == 200 and list(response.json()) == ["us_app_to_person_usecases"]
        entries = response.json()["us_app_to_person_usecases"]
        assert all(list(entry) == ["code", "name", "description", "post_approval_required"] for entry in entries)
        return [entry["code"] for entry in entries]

    everything = codes()
    assert len(everything) == 20 and "LOW_VOLUME" in everything and "SOLE_PROPRIETOR" not in everything
    assert codes(BrandRegistrationSid=BRAND_OK) == everything
    assert codes(BrandRegistrationSid=BRAND_LOW) == everything
    assert codes(BrandRegistrationSid=BRAND_SOLE) == ["SOLE_PROPRIETOR"]
    assert codes(BrandRegistrationSid=BRAND_PENDING) == [] and codes(BrandRegistrationSid=BRAND_B) == []
    assert_error(api.get(f"/messaging/v1/Services/MG{'0' * 32}/Compliance/Usa2p/Usecases"), 404, 20404)


def test_sdk_campaign_round_trip(sdk: SdkFactory, emu: Emulator) -> None:
    client = sdk(ACCOUNT_A, TOKEN_A)
    campaigns = client.messaging.v1.services(SEEDED_SERVICE).us_app_to_person
    created = campaigns.create(brand_registration_sid=BRAND_OK, description=DESCRIPTION, message_flow=MESSAGE_FLOW, message_samples=SAMPLES,
                               us_app_to_person_usecase="MIXED", has_embedded_links=True, has_embedded_phone=False,
                               help_keywords=["HELP"], privacy_policy_url="https://example.com/p", terms_and_conditions_url="https://example.com/t")
    assert created.campaign_status == "PENDING" and created.message_samples == SAMPLES and created.help_keywords == ["HELP"]
    assert (created.privacy_policy_url, created.terms_and_conditions_url) == ("https://example.com/p", "https://example.com/t")
    assert [campaign.sid for campaign in campaigns.list()] == [created.sid]
    updated = campaigns(created.sid).update(has_embedded_links=False, has_embedded_phone=True, message_samples=SAMPLES[::-1],
                                            message_flow=MESSAGE_FLOW, description=DESCRIPTION, age_gated=False, direct_lending=True,
                                            privacy_policy_url="https://example.com/p2")
    assert updated.direct_lending is True and updated.message_samples == SAMPLES[::-1] and updated.privacy_policy_url == "https://example.com/p2"
    assert campaigns(created.sid).fetch().has_embedded_phone is True
    usecases = client.messaging.v1.services(SEEDED_SERVICE).us_app_to_person_usecases.fetch(brand_registration_sid=BRAND_SOLE)
    (only,) = usecases.us_app_to_person_usecases
    assert (only["code"], only["name"], only["post_approval_required"]) == ("SOLE_PROPRIETOR", "Sole Proprietor", False)
    assert len(client.messaging.v1.usecases.fetch().usecases) == 6
    with pytest.raises(TwilioRestException) as raised:
        campaigns.create(brand_registration_sid=BRAND_OK, description=DESCRIPTION, message_flow=MESSAGE_FLOW, message_samples=SAMPLES,
                         us_app_to_person_usecase="MIXED", has_embedded_links=True, has_embedded_phone=False)
    assert (raised.value.status, raised.value.code) == (400, 21710)
    assert campaigns(created.sid).delete() is True
    posts = [record for record in emu.requests if record["method"] == "POST"]
    assert posts[0]["path"] == f"/v1/Services/{SEEDED_SERVICE}/Compliance/Usa2p" and posts[0]["status"] == 201
    assert posts[0]["form"]["MessageSamples"] == SAMPLES and posts[0]["form"]["PrivacyPolicyUrl"] == "https://example.com/p"
    assert posts[1]["form"]["DirectLending"] == "true" and posts[1]["response"]["direct_lending"] is True
    assert posts[2]["status"] == 400 and posts[2]["response"]["code"] == 21710
    assert emu.requests[-1]["method"] == "DELETE" and emu.requests[-1]["status"] == 204 and emu.requests[-1]["response"] is None
