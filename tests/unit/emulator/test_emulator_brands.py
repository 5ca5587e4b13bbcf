"""A2P Brand Registrations: seed, list, create, fetch, resubmit, no delete, admin status, approval timer, SDK, CLI flags."""

import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

import pytest
import requests
import yaml
from twilio.rest import Client

from a2p_testkit import (BRAND_B, BRAND_KEYS, BRAND_OK, BRAND_PENDING, BRAND_SOLE, BUNDLE_1, BUNDLE_2, SEEDED_BRANDS_A, a2p_seed, admin,
                         assert_error)
from a2p_testkit import fixture_a2p_emu  # noqa: F401  pylint: disable=unused-import
from emulator.errors import SeedError
from emulator.messaging.a2p_lifecycle import configure
from emulator.seed import load_seed
from emulator.server import Emulator
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, TOKEN_A, TOKEN_B, Api

BRANDS = "/messaging/v1/a2p/BrandRegistrations"
TWILIO_BRANDS = "https://messaging.twilio.com/v1/a2p/BrandRegistrations"
NEW = {"CustomerProfileBundleSid": BUNDLE_1, "A2PProfileBundleSid": BUNDLE_2}
EMULATOR_DIR = Path(__file__).resolve().parents[2] / "emulator"


def test_seeded_brands_are_listed_with_every_field(api: Api) -> None:
    response = api.get(BRANDS)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"data", "meta"} and body["meta"]["key"] == "data"
    assert body["meta"]["url"] == f"{TWILIO_BRANDS}?PageSize=50&Page=0"
    assert [brand["sid"] for brand in body["data"]] == SEEDED_BRANDS_A
    ok = body["data"][0]
    assert list(ok) == BRAND_KEYS
    assert ok["account_sid"] == ACCOUNT_A and ok["status"] == "APPROVED" and ok["identity_status"] == "VERIFIED"
    assert re.match(r"^B[0-9A-F]{6}$", ok["tcr_id"]) and ok["errors"] == [] and ok["brand_type"] == "STANDARD"
    assert ok["url"] == f"{TWILIO_BRANDS}/{BRAND_OK}"
    assert ok["links"] == {"brand_vettings": f"{TWILIO_BRANDS}/{BRAND_OK}/Vettings", "brand_registration_otps": f"{TWILIO_BRANDS}/{BRAND_OK}/SmsOtp"}
    sole, pending = body["data"][2], body["data"][3]
    assert sole["brand_type"] == "SOLE_PROPRIETOR" and sole["identity_status"] == "VERIFIED"
    assert pending["status"] == "PENDING" and pending["identity_status"] is None and pending["tcr_id"] is None


def test_list_pages_and_accounts_are_isolated(api: Api, api_as: Callable[..., Api]) -> None:
    first = api.get(BRANDS, params={"PageSize": 2}).json()
    assert len(first["data"]) == 2 and first["meta"]["next_page_url"].startswith(f"{TWILIO_BRANDS}?PageSize=2&Page=1&PageToken=PA")
    second = api.get(first["meta"]["next_page_url"]).json()
    assert [brand["sid"] for brand in second["data"]] == SEEDED_BRANDS_A[2:4]
    other = api_as(ACCOUNT_B, TOKEN_B)
    assert [brand["sid"] for brand in other.get(BRANDS).json()["data"]] == [BRAND_B]
    assert_error(other.get(f"{BRANDS}/{BRAND_OK}"), 404, 20404, f"/a2p/BrandRegistrations/{BRAND_OK}")
    assert_error(api.get(f"{BRANDS}/{BRAND_B}"), 404, 20404)


def test_create_starts_pending_with_schema_defaults(api: Api) -> None:
    response = api.post(BRANDS, NEW)
    assert response.status_code == 201, response.text
    brand = response.json()
    assert list(brand) == BRAND_KEYS
    assert brand["sid"].startswith("BN") and len(brand["sid"]) == 34
    assert (brand["customer_profile_bundle_sid"], brand["a2p_profile_bundle_sid"]) == (BUNDLE_1, BUNDLE_2)
    assert {key: brand[key] for key in BRAND_KEYS[6:11] + BRAND_KEYS[12:20]} == {
        "brand_type": "STANDARD", "status": "PENDING", "tcr_id": None, "failure_reason": None, "errors": [], "brand_score": None,
        "brand_feedback": None, "identity_status": None, "russell_3000": None, "government_entity": None, "tax_exempt_status": None,
        "skip_automatic_sec_vet": False, "mock": False,
    }
    assert brand["date_created"] == brand["date_updated"]
    assert api.get(f"{BRANDS}/{brand['sid']}").json() == brand
    assert api.get(BRANDS).json()["data"][-1]["sid"] == brand["sid"]


def test_create_with_every_option(api: Api) -> None:
    brand = api.post(BRANDS, {**NEW, "BrandType": "SOLE_PROPRIETOR", "Mock": "true", "SkipAutomaticSecVet": "True"}).json()
    assert (brand["brand_type"], brand["mock"], brand["skip_automatic_sec_vet"]) == ("SOLE_PROPRIETOR", True, True)


@pytest.mark.parametrize("form, code, text", [
    ({"A2PProfileBundleSid": BUNDLE_2}, 20001, "Missing required parameter CustomerProfileBundleSid"),
    ({"CustomerProfileBundleSid": BUNDLE_1}, 20001, "Missing required parameter A2PProfileBundleSid"),
    ({**NEW, "CustomerProfileBundleSid": "BU123"}, 20001, "CustomerProfileBundleSid"),
    ({**NEW, "A2PProfileBundleSid": BRAND_OK}, 20001, "A2PProfileBundleSid"),
    ({**NEW, "BrandType": "LOW_VOLUME"}, 20001, "BrandType"),
    ({**NEW, "Mock": "yes"}, 20001, "Mock"),
])
def test_create_validation(api: Api, form: dict[str, str], code: int, text: str) -> None:
    assert_error(api.post(BRANDS, form), 400, code, text)


def test_brands_cannot_be_deleted(api: Api) -> None:
    assert_error(api.delete(f"{BRANDS}/{BRAND_OK}"), 405, 20004)
    assert api.get(f"{BRANDS}/{BRAND_OK}").status_code == 200


def test_admin_sets_status_errors_and_identity(api: Api, emu: Emulator) -> None:
    sid = api.post(BRANDS, NEW).json()["sid"]
    errors = [{"error_code": 30701, "description": "Invalid State/Region/Province.", "fields": ["region"]}]
    response = admin(emu, f"/brands/{sid}", {"status": "FAILED", "errors": errors, "identity_status": "UNVERIFIED"})
    assert response.status_code == 200
    brand = api.get(f"{BRANDS}/{sid}").json()
    assert response.json() == brand
    assert brand["status"] == "FAILED" and brand["identity_status"] == "UNVERIFIED"
    assert brand["errors"] == [{"error_code": 30701, "description": "Invalid State/Region/Province.", "fields": ["region"],
                                "url": "https://www.twilio.com/docs/api/errors/30701"}]
    resubmitted = api.post(f"{BRANDS}/{sid}")
    assert resubmitted.status_code == 202
    assert resubmitted.json()["status"] == "PENDING" and resubmitted.json()["errors"] == []
    approved = admin(emu, f"/brands/{sid}", {"status": "APPROVED", "identity_status": None}).json()
    assert approved["status"] == "APPROVED" and approved["identity_status"] is None and approved["tcr_id"].startswith("B")
    assert_error(api.post(f"{BRANDS}/{sid}"), 400, 21725, "only be updated when in FAILED state")
    assert api.get(f"{BRANDS}/{sid}").json()["status"] == "APPROVED"


@pytest.mark.parametrize("body, status, code", [
    ({"status": "VERIFIED"}, 400, 20001),
    ({"identity_status": "MAYBE"}, 400, 20001),
    ({"errors": [{"description": "no code"}]}, 400, 20001),
    ({"errors": "broken"}, 400, 20001),
    ({"campaign_status": "VERIFIED"}, 400, 20001),
    (["status", "APPROVED"], 400, 20001),
])
def test_admin_brand_validation(emu: Emulator, body: Any, status: int, code: int) -> None:
    response = admin(emu, f"/brands/{BRAND_PENDING}", body)
    assert response.status_code == status and response.json()["code"] == code


def test_admin_unknown_brand_and_non_json_body(emu: Emulator) -> None:
    assert admin(emu, f"/brands/BN{'0' * 32}", {"status": "APPROVED"}).status_code == 404
    response = requests.post(f"{emu.url}/_emulator/brands/{BRAND_PENDING}", data="status=APPROVED", timeout=10)
    assert response.status_code == 400


def test_approval_timer_approves_new_brands(api: Api, emu: Emulator) -> None:
    configure(emu.state, brand_approval_seconds=0.2)
    created = api.post(BRANDS, NEW).json()
    stopped = api.post(BRANDS, NEW).json()
    assert created["status"] == "PENDING"
    admin(emu, f"/brands/{stopped['sid']}", {"status": "IN_REVIEW"})
    assert api.get(f"{BRANDS}/{BRAND_PENDING}").json()["status"] == "PENDING"  # seeded: no timer
    time.sleep(0.3)
    brand = api.get(f"{BRANDS}/{created['sid']}").json()
    assert brand["status"] == "APPROVED" and brand["identity_status"] == "VERIFIED" and re.match(r"^B[0-9A-F]{6}$", brand["tcr_id"])
    assert api.get(f"{BRANDS}/{stopped['sid']}").json()["status"] == "IN_REVIEW"  # an admin status stops the clock


def test_timing_admin_route_keeps_unsent_keys_and_survives_reset(api: Api, emu: Emulator) -> None:
    assert admin(emu, "/a2p/timing", {"campaign_approval_seconds": 5}).json() == {"brand_approval_seconds": None, "campaign_approval_seconds": 5}
    assert admin(emu, "/a2p/timing", {"brand_approval_seconds": 0}).json() == {"brand_approval_seconds": 0, "campaign_approval_seconds": 5}
    assert admin(emu, "/a2p/timing", {"brand_approval_seconds": -1}).status_code == 400
    emu.reset()
    created = api.post(BRANDS, NEW).json()
    assert created["status"] == "PENDING"  # the create answer is always PENDING
    assert api.get(f"{BRANDS}/{created['sid']}").json()["status"] == "APPROVED"


def test_sdk_brand_registrations(sdk: Callable[..., Client], emu: Emulator) -> None:
    client = sdk(ACCOUNT_A, TOKEN_A)
    brands = client.messaging.v1.brand_registrations
    assert [brand.sid for brand in brands.list(page_size=2)] == SEEDED_BRANDS_A
    created = brands.create(customer_profile_bundle_sid=BUNDLE_1, a2p_profile_bundle_sid=BUNDLE_2, brand_type="SOLE_PROPRIETOR", mock=True)
    assert created.status == "PENDING" and created.brand_type == "SOLE_PROPRIETOR" and created.mock is True
    assert brands(created.sid).fetch().a2p_profile_bundle_sid == BUNDLE_2
    admin(emu, f"/brands/{created.sid}", {"status": "FAILED"})
    assert brands(created.sid).update().status == "PENDING"
    assert brands(BRAND_SOLE).fetch().identity_status == "VERIFIED"
    record = next(record for record in emu.requests if record["method"] == "POST")
    assert (record["method"], record["path"], record["status"]) == ("POST", "/v1/a2p/BrandRegistrations", 201)
    assert record["form"] == {"CustomerProfileBundleSid": BUNDLE_1, "A2PProfileBundleSid": BUNDLE_2, "BrandType": "SOLE_PROPRIETOR", "Mock": "true"}
    assert record["response"]["sid"] == created.sid and record["account_sid"] == ACCOUNT_A


def _with_brand(**fields: Any) -> dict[str, Any]:
    seed = a2p_seed()
    seed["accounts"][0]["brands"][0].update(fields)
    return seed


@pytest.mark.parametrize("seed, message", [
    (_with_brand(customer_profile_bundle_sid="BU1"), "accounts[0].brands[0].customer_profile_bundle_sid"),
    (_with_brand(status="OK"), "accounts[0].brands[0].status: expected one of PENDING"),
    (_with_brand(brand_type="BIG"), "accounts[0].brands[0].brand_type"),
    (_with_brand(mock="yes"), "accounts[0].brands[0].mock"),
    (_with_brand(errors=[{"error_code": "x"}]), "accounts[0].brands[0]: errors[0].error_code"),
    (_with_brand(colour="red"), "accounts[0].brands[0]: unknown brand field(s) colour"),
    (_with_brand(sid="BN1"), "accounts[0].brands[0].sid"),
])
def test_bad_brand_seeds(seed: dict[str, Any], message: str) -> None:
    with pytest.raises(SeedError) as raised:
        load_seed(seed)
    assert message in str(raised.value)


def test_seed_with_every_field() -> None:
    fields = {"status": "FAILED", "errors": [{"error_code": 30701}], "failure_reason": "Registration error", "brand_score": 42,
              "brand_feedback": ["TAX_ID"], "russell_3000": True, "government_entity": False, "tax_exempt_status": "501c3",
              "date_created": "2021-01-27T14:18:35Z", "date_updated": "2021-01-27T14:18:36Z", "tcr_id": "BXXXXXX"}
    with Emulator(_with_brand(**fields)) as emu:
        brand = Api(emu.url, (ACCOUNT_A, TOKEN_A)).get(f"{BRANDS}/{BRAND_OK}").json()
    expected_errors = [{"error_code": 30701, "description": "", "fields": [], "url": "https://www.twilio.com/docs/api/errors/30701"}]
    assert {key: brand[key] for key in fields} == {**fields, "errors": expected_errors}
    assert brand["identity_status"] is None


def test_cli_approval_flags(tmp_path: Path) -> None:
    seed_path = tmp_path / "seed.yml"
    seed_path.write_text(yaml.safe_dump(a2p_seed()), encoding="utf-8")
    command = [sys.executable, str(EMULATOR_DIR), "--port", "0", "--seed", str(seed_path)]
    bad = subprocess.run(command + ["--campaign-approval-seconds", "-1"], capture_output=True, text=True, timeout=30, check=False)
    assert bad.returncode == 2 and "expected a number of seconds >= 0" in bad.stderr
    process = subprocess.Popen(command + ["--brand-approval-seconds", "0", "--campaign-approval-seconds", "0"],  # pylint: disable=consider-using-with
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split()[-1]
        session = Api(url, (ACCOUNT_A, TOKEN_A))
        sid = session.post(BRANDS, NEW).json()["sid"]
        assert session.get(f"{BRANDS}/{sid}").json()["status"] == "APPROVED"
        assert requests.post(f"{url}/_emulator/a2p/timing", json={}, timeout=10).json() == {"brand_approval_seconds": 0, "campaign_approval_seconds": 0}
    finally:
        process.terminate()
        process.wait(timeout=10)
