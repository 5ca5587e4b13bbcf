"""Sole-proprietor brands: identity UNVERIFIED until the OTP is confirmed (admin route), the SmsOtp resend, campaigns refused
under an unverified brand (30991), one campaign per sole-proprietor brand (21710), resubmission only from FAILED (21725)."""

import time
from typing import Any, Callable

import pytest
from twilio.rest import Client

from a2p_testkit import BRAND_OK, BRAND_PENDING, BRAND_SOLE, BUNDLE_1, BUNDLE_2, a2p_seed, admin, assert_error, campaign_form, create_campaign, usa2p
from a2p_testkit import fixture_a2p_emu  # noqa: F401  pylint: disable=unused-import
from emulator.messaging.a2p_lifecycle import configure
from emulator.server import Emulator
from emulator_testkit import ACCOUNT_A, SEEDED_SERVICE, TOKEN_A, Api

BRANDS = "/messaging/v1/a2p/BrandRegistrations"
SOLE_FORM = {"CustomerProfileBundleSid": BUNDLE_1, "A2PProfileBundleSid": BUNDLE_2, "BrandType": "SOLE_PROPRIETOR"}


def _sole_brand(api: Api, emu: Emulator, **change: Any) -> str:
    """A new sole-proprietor brand, approved through the admin route."""
    sid = str(api.post(BRANDS, SOLE_FORM).json()["sid"])
    assert admin(emu, f"/brands/{sid}", {"status": "APPROVED", **change}).status_code == 200
    return sid


def test_timer_approves_a_sole_proprietor_brand_unverified_until_the_otp(api: Api, emu: Emulator) -> None:
    configure(emu.state, brand_approval_seconds=0.1)
    sid = api.post(BRANDS, SOLE_FORM).json()["sid"]
    standard = api.post(BRANDS, {**SOLE_FORM, "BrandType": "STANDARD"}).json()["sid"]
    time.sleep(0.2)
    brand = api.get(f"{BRANDS}/{sid}").json()
    assert (brand["status"], brand["identity_status"]) == ("APPROVED", "UNVERIFIED")
    assert api.get(f"{BRANDS}/{standard}").json()["identity_status"] == "VERIFIED"
    assert_error(api.post(usa2p(SEEDED_SERVICE), campaign_form(sid, "SOLE_PROPRIETOR")), 400, 30991, "identity_status UNVERIFIED")
    assert api.get(usa2p(SEEDED_SERVICE)).json()["compliance"] == []
    confirmed = admin(emu, f"/brands/{sid}/otp", None)
    assert confirmed.status_code == 200 and confirmed.json()["identity_status"] == "VERIFIED"
    assert confirmed.json() == api.get(f"{BRANDS}/{sid}").json()
    assert create_campaign(api, SEEDED_SERVICE, brand=sid, usecase="SOLE_PROPRIETOR")["brand_registration_sid"] == sid


def test_admin_approval_gives_the_identity_an_approval_gives(api: Api, emu: Emulator) -> None:
    assert api.get(f"{BRANDS}/{_sole_brand(api, emu)}").json()["identity_status"] == "UNVERIFIED"
    assert api.get(f"{BRANDS}/{_sole_brand(api, emu, identity_status='VERIFIED')}").json()["identity_status"] == "VERIFIED"
    admin(emu, f"/brands/{BRAND_PENDING}", {"status": "APPROVED"})
    assert api.get(f"{BRANDS}/{BRAND_PENDING}").json()["identity_status"] == "VERIFIED"


@pytest.mark.parametrize("identity", [None, "SELF_DECLARED", "UNVERIFIED", "VETTED_VERIFIED"])
def test_campaigns_need_a_verified_sole_proprietor_brand(api: Api, emu: Emulator, identity: Any) -> None:
    sid = _sole_brand(api, emu, identity_status=identity)
    assert_error(api.post(usa2p(SEEDED_SERVICE), campaign_form(sid, "SOLE_PROPRIETOR")), 400, 30991, f"identity_status {identity}")


def test_sms_otp_resend(api: Api, emu: Emulator) -> None:
    sid = _sole_brand(api, emu)
    resent = api.post(f"{BRANDS}/{sid}/SmsOtp", {})
    assert resent.status_code == 201 and resent.json() == {"account_sid": ACCOUNT_A, "brand_registration_sid": sid}
    assert api.get(f"{BRANDS}/{sid}").json()["identity_status"] == "UNVERIFIED"  # a new code; the owner still has to confirm it
    assert_error(api.post(f"{BRANDS}/{BRAND_OK}/SmsOtp", {}), 400, 20001, "STANDARD brand")
    assert_error(api.post(f"{BRANDS}/{BRAND_SOLE}/SmsOtp", {}), 400, 20001, "already VERIFIED")
    assert_error(api.post(f"{BRANDS}/BN{'0' * 32}/SmsOtp", {}), 404, 20404)


def test_sdk_brand_registration_otps(sdk: Callable[..., Client], api: Api, emu: Emulator) -> None:
    sid = _sole_brand(api, emu)
    otp = sdk(ACCOUNT_A, TOKEN_A).messaging.v1.brand_registrations(sid).brand_registration_otps.create()
    assert (otp.account_sid, otp.brand_registration_sid) == (ACCOUNT_A, sid)


def test_admin_otp_route_refusals(api: Api, emu: Emulator) -> None:
    pending = api.post(BRANDS, SOLE_FORM).json()["sid"]
    assert admin(emu, f"/brands/{pending}/otp", {}).json()["code"] == 20001  # the OTP is sent once the brand is APPROVED
    assert admin(emu, f"/brands/{BRAND_OK}/otp", {}).status_code == 400
    assert admin(emu, f"/brands/{BRAND_SOLE}/otp", {}).status_code == 400  # already VERIFIED
    unconfirmed = _sole_brand(api, emu)
    for body in ({"code": "1234"}, {"x": 1}, [1]):
        refused = admin(emu, f"/brands/{unconfirmed}/otp", body)
        assert (refused.status_code, refused.json()["message"]) == (400, "The OTP route expects no body or {}"), body
    assert admin(emu, f"/brands/BN{'0' * 32}/otp", {}).status_code == 404


def test_one_campaign_per_sole_proprietor_brand_not_per_account(api: Api, emu: Emulator) -> None:
    second, third = api.create_service("Second")["sid"], api.create_service("Third")["sid"]
    create_campaign(api, SEEDED_SERVICE, brand=BRAND_SOLE, usecase="SOLE_PROPRIETOR")
    assert_error(api.post(usa2p(second), campaign_form(BRAND_SOLE, "SOLE_PROPRIETOR")), 400, 21710, BRAND_SOLE)
    other = _sole_brand(api, emu, identity_status="VERIFIED")
    assert create_campaign(api, third, brand=other, usecase="SOLE_PROPRIETOR")["brand_registration_sid"] == other


@pytest.mark.parametrize("status", ["PENDING", "APPROVED", "IN_REVIEW", "SUSPENDED"])
def test_resubmission_only_from_failed(api: Api, emu: Emulator, status: str) -> None:
    admin(emu, f"/brands/{BRAND_PENDING}", {"status": status})
    before = api.get(f"{BRANDS}/{BRAND_PENDING}").json()
    assert_error(api.post(f"{BRANDS}/{BRAND_PENDING}", {}), 400, 21725, f"is {status}")
    assert api.get(f"{BRANDS}/{BRAND_PENDING}").json() == before


def test_a_seeded_brand_carries_its_identity_status() -> None:
    seed = a2p_seed()
    seed["accounts"][0]["brands"][2]["identity_status"] = "UNVERIFIED"
    with Emulator(seed) as emu:
        api = Api(emu.url, (ACCOUNT_A, TOKEN_A))
        assert api.get(f"{BRANDS}/{BRAND_SOLE}").json()["identity_status"] == "UNVERIFIED"
        assert_error(api.post(usa2p(SEEDED_SERVICE), campaign_form(BRAND_SOLE, "SOLE_PROPRIETOR")), 400, 30991)
