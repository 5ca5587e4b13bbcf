"""A2P brand vettings: create for APPROVED brands only, campaign-verify needs its VettingId, list with the
VettingProvider filter, fetch, the timer (the brand approval delay) and the admin route; the log conforms."""

import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from emulator.messaging.a2p_lifecycle import configure
from emulator.server import Emulator
from emulator_testkit import ACCOUNT_A, Api
from trusthub_testkit import BRAND, BRAND_2, PENDING_BRAND, admin, error, ok, trusthub_emulator

ORDER = ["account_sid", "brand_sid", "brand_vetting_sid", "date_updated", "date_created", "vetting_id", "vetting_class", "vetting_status",
         "vetting_provider", "url"]
TOKEN = "cv|1.0|tcr|10dlc|00000000-0000-0000-0000-EXAMPLETOKEN|EXAMPLE"


@pytest.fixture(name="emu")
def fixture_emu(tmp_path: Path) -> Iterator[Emulator]:
    """Brands seeded; the request log must conform to Twilio's messaging spec."""
    yield from trusthub_emulator(tmp_path)


def path(brand: str, suffix: str = "") -> str:
    return f"/messaging/v1/a2p/BrandRegistrations/{brand}/Vettings{suffix}"


def vet(api: Api, brand: str, **form: str) -> dict[str, Any]:
    return ok(api.post(path(brand), {"VettingProvider": "aegis", **form}), 201)


def test_create_fetch_list(api: Api) -> None:
    aegis = vet(api, BRAND)
    assert list(aegis) == ORDER
    sid = aegis["brand_vetting_sid"]
    assert sid.startswith("VT") and (aegis["account_sid"], aegis["brand_sid"]) == (ACCOUNT_A, BRAND)
    assert (aegis["vetting_provider"], aegis["vetting_status"], aegis["vetting_class"], aegis["vetting_id"]) == ("aegis", "PENDING", "STANDARD", None)
    assert aegis["url"] == f"https://messaging.twilio.com/v1/a2p/BrandRegistrations/{BRAND}/Vettings/{sid}"
    political = vet(api, BRAND, VettingProvider="campaign-verify", VettingId=TOKEN)
    assert (political["vetting_class"], political["vetting_id"]) == ("POLITICAL", TOKEN)
    vet(api, BRAND_2)
    assert ok(api.get(path(BRAND, f"/{sid}"))) == aegis
    listing = ok(api.get(path(BRAND)))
    assert [v["brand_vetting_sid"] for v in listing["data"]] == [sid, political["brand_vetting_sid"]] and listing["meta"]["key"] == "data"
    only = ok(api.get(path(BRAND), params={"VettingProvider": "campaign-verify"}))
    assert only["data"] == [political] and "VettingProvider=campaign-verify" in only["meta"]["url"]
    assert error(api.get(path(BRAND_2, f"/{sid}")))[:2] == (404, 20404)  # another brand's vetting


@pytest.mark.parametrize("brand, form, expected", [
    (PENDING_BRAND, {"VettingProvider": "aegis"}, (400, 21717)),
    (BRAND, {}, (400, 20001)),
    (BRAND, {"VettingProvider": "tcr"}, (400, 20001)),
    (BRAND, {"VettingProvider": "campaign-verify"}, (400, 20001)),
    ("BN" + "0" * 32, {"VettingProvider": "aegis"}, (404, 20404)),
])
def test_create_refusals(api: Api, brand: str, form: dict[str, str], expected: tuple[int, int]) -> None:
    assert error(api.post(path(brand), form))[:2] == expected
    if expected[0] == 400:
        assert ok(api.get(path(brand)))["data"] == []


def test_the_timer_is_the_brand_approval_delay(api: Api, emu: Emulator) -> None:
    configure(emu.state, brand_approval_seconds=0.3)
    sid = vet(api, BRAND)["brand_vetting_sid"]
    assert ok(api.get(path(BRAND, f"/{sid}")))["vetting_status"] == "PENDING"
    time.sleep(0.4)
    assert ok(api.get(path(BRAND, f"/{sid}")))["vetting_status"] == "SUCCESS"


def test_the_admin_route(api: Api, emu: Emulator) -> None:
    configure(emu.state, brand_approval_seconds=0.3)
    sid = vet(api, BRAND)["brand_vetting_sid"]
    assert ok(admin(emu, f"vettings/{sid}", {"vetting_status": "FAILED"}))["vetting_status"] == "FAILED"
    time.sleep(0.4)  # the admin status stopped the timer
    assert ok(api.get(path(BRAND, f"/{sid}")))["vetting_status"] == "FAILED"
    assert admin(emu, f"vettings/{sid}", {"vetting_status": "DONE"}).status_code == 400
    assert admin(emu, f"vettings/VT{'0' * 32}", {"vetting_status": "FAILED"}).status_code == 404
