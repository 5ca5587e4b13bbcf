"""2010 Addresses (create, list with filters and paging, fetch, update, delete) and the Trust Hub seed sections
(addresses, end_users, supporting_documents, customer_profiles with ``primary: true``, trust_products) with their errors."""

from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from emulator.errors import SeedError
from emulator.seed import load_seed
from emulator.server import Emulator, start
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, TOKEN_B, Api, make_seed
from trusthub_testkit import (A2P_POLICY, ADDRESS, ADDRESSES, BUSINESS, PRIMARY_A, PRIMARY_POLICY, REPRESENTATIVE, SECONDARY_POLICY, error,
                              evaluate, ok, trusthub_emulator)

ORDER = ["account_sid", "city", "customer_name", "date_created", "date_updated", "friendly_name", "iso_country", "postal_code", "region", "sid",
         "street", "uri", "emergency_enabled", "validated", "verified", "street_secondary"]
AD_SEEDED, IT_BUSINESS, IT_REP, RD_ADDRESS = "AD" + "5a" * 16, "IT" + "5b" * 16, "IT" + "5c" * 16, "RD" + "5d" * 16
BU_SECONDARY, BU_PRODUCT, IT_MESSAGING = "BU" + "5e" * 16, "BU" + "5f" * 16, "IT" + "6a" * 16
SEEDED_ADDRESS = {"sid": AD_SEEDED, "customer_name": "Example Widgets Inc", "street": "1 Example Way", "city": "Springfield",
                  "region": "CA", "postal_code": "94000", "iso_country": "US"}


def onboarded_seed() -> dict[str, Any]:
    """Account A with a whole onboarding seeded: primary, approved secondary profile and trust product with their entities."""
    seed = make_seed()
    seed["accounts"][0].update(
        addresses=[SEEDED_ADDRESS],
        end_users=[{"sid": IT_BUSINESS, "type": "customer_profile_business_information", "friendly_name": "biz", "attributes": BUSINESS},
                   {"sid": IT_REP, "type": "authorized_representative_1", "friendly_name": "rep", "attributes": REPRESENTATIVE},
                   {"sid": IT_MESSAGING, "type": "us_a2p_messaging_profile_information", "friendly_name": "a2p",
                    "attributes": {"company_type": "private"}}],
        supporting_documents=[{"sid": RD_ADDRESS, "type": "customer_profile_address", "friendly_name": "hq",
                               "attributes": {"address_sids": AD_SEEDED}}],
        customer_profiles=[{"primary": True, "sid": PRIMARY_A},
                           {"sid": BU_SECONDARY, "friendly_name": "Example Widgets", "email": "ops@example.com", "policy_sid": SECONDARY_POLICY,
                            "entities": [IT_BUSINESS, IT_REP, RD_ADDRESS, PRIMARY_A]}],
        trust_products=[{"sid": BU_PRODUCT, "friendly_name": "Example Widgets A2P", "email": "ops@example.com", "policy_sid": A2P_POLICY,
                         "status": "in-review", "entities": [IT_MESSAGING, BU_SECONDARY]}],
    )
    return seed


@pytest.fixture(name="emu")
def fixture_emu(tmp_path: Path) -> Iterator[Emulator]:
    """The onboarded seed; the request log must conform to Twilio's specs."""
    yield from trusthub_emulator(tmp_path, onboarded_seed())


def test_address_crud(api: Api) -> None:
    created = ok(api.post(ADDRESSES, {**ADDRESS, "FriendlyName": "HQ", "StreetSecondary": "Suite 5"}), 201)
    assert list(created) == ORDER
    sid = created["sid"]
    assert sid.startswith("AD") and created["uri"] == f"/2010-04-01/Accounts/{ACCOUNT_A}/Addresses/{sid}.json"
    assert (created["friendly_name"], created["street_secondary"], created["emergency_enabled"], created["validated"]) == (
        "HQ", "Suite 5", False, False)
    item = f"/api/2010-04-01/Accounts/{ACCOUNT_A}/Addresses/{sid}.json"
    assert ok(api.get(item)) == created
    updated = ok(api.post(item, {"Street": "2 Example Way", "StreetSecondary": "", "EmergencyEnabled": "true"}))
    assert (updated["street"], updated["street_secondary"], updated["emergency_enabled"], updated["city"]) == (
        "2 Example Way", None, True, "Springfield")
    assert api.delete(item).status_code == 204
    assert error(api.get(item))[:2] == (404, 20404)


@pytest.mark.parametrize("drop, change", [("CustomerName", {}), ("IsoCountry", {}), (None, {"IsoCountry": "usa"}),
                                          (None, {"EmergencyEnabled": "maybe"}), (None, {"FriendlyName": "x" * 65})])
def test_address_create_errors(api: Api, drop: Any, change: dict[str, str]) -> None:
    form = {key: value for key, value in {**ADDRESS, **change}.items() if key != drop}
    assert error(api.post(ADDRESSES, form))[:2] == (400, 20001)


def test_address_list_filters_paging_and_isolation(api: Api, api_as: Callable[..., Api]) -> None:
    made = [ok(api.post(ADDRESSES, {**ADDRESS, "CustomerName": f"C{index % 2}", "IsoCountry": "US" if index < 3 else "CA"}), 201)["sid"]
            for index in range(4)]
    listing = ok(api.get(ADDRESSES))
    assert [a["sid"] for a in listing["addresses"]] == [AD_SEEDED] + made
    assert [a["sid"] for a in ok(api.get(ADDRESSES, params={"CustomerName": "C1"}))["addresses"]] == [made[1], made[3]]
    assert [a["sid"] for a in ok(api.get(ADDRESSES, params={"IsoCountry": "CA"}))["addresses"]] == [made[3]]
    assert ok(api.get(ADDRESSES, params={"EmergencyEnabled": "true"}))["addresses"] == []
    page = ok(api.get(ADDRESSES, params={"PageSize": 2}))
    assert (page["start"], page["end"], page["page_size"]) == (0, 1, 2) and page["next_page_uri"]
    assert [a["sid"] for a in ok(api.get("/api" + page["next_page_uri"]))["addresses"]] == made[1:3]
    other = api_as(ACCOUNT_B, TOKEN_B)
    assert ok(other.get(f"/api/2010-04-01/Accounts/{ACCOUNT_B}/Addresses.json"))["addresses"] == []
    assert other.get(ADDRESSES).status_code == 401  # another account's path


def test_the_seeded_onboarding(api: Api) -> None:
    profile = ok(api.get(f"/trusthub/v1/CustomerProfiles/{BU_SECONDARY}"))
    assert (profile["status"], profile["policy_sid"], profile["errors"]) == ("twilio-approved", SECONDARY_POLICY, None)
    primary = ok(api.get(f"/trusthub/v1/CustomerProfiles/{PRIMARY_A}"))
    assert (primary["status"], primary["policy_sid"], primary["friendly_name"]) == ("twilio-approved", PRIMARY_POLICY, "Primary business profile")
    assert ok(api.get(f"/trusthub/v1/TrustProducts/{BU_PRODUCT}"))["status"] == "in-review"
    assigned = ok(api.get(f"/trusthub/v1/CustomerProfiles/{BU_SECONDARY}/EntityAssignments"))["results"]
    assert [a["object_sid"] for a in assigned] == [IT_BUSINESS, IT_REP, RD_ADDRESS, PRIMARY_A]
    assert ok(api.get(f"/trusthub/v1/EndUsers/{IT_REP}"))["attributes"] == REPRESENTATIVE
    assert evaluate(api, "CustomerProfiles", BU_SECONDARY, SECONDARY_POLICY)["status"] == "compliant"
    assert evaluate(api, "TrustProducts", BU_PRODUCT, A2P_POLICY)["status"] == "compliant"
    assert ok(api.get(ADDRESSES))["addresses"][0]["sid"] == AD_SEEDED


def _with(section: str, entries: Any) -> dict[str, Any]:
    seed = onboarded_seed()
    seed["accounts"][0][section] = entries
    return seed


BAD = [
    ("customer_profiles", [{"friendly_name": "x", "email": "a@example.com"}], "customer_profiles[0]: policy_sid is required"),
    ("customer_profiles", [{"primary": "yes"}], "customer_profiles[0].primary: expected true or false"),
    ("customer_profiles", [{"primary": True, "status": "approved"}], "customer_profiles[0].status: expected one of draft"),
    ("customer_profiles", [{"primary": True, "colour": "red"}], "customer_profiles[0]: unknown field(s) colour"),
    ("customer_profiles", [{"primary": True, "policy_sid": A2P_POLICY}], "customer_profiles[0].policy_sid"),
    ("customer_profiles", [{"primary": True, "errors": [{"text": "x"}]}], "customer_profiles[0]: errors[0] must be a mapping with an integer code"),
    ("customer_profiles", [{"primary": True, "entities": ["IT" + "0" * 32]}], "customer_profiles[0].entities[0]"),
    ("customer_profiles", [{"primary": True, "valid_until": "tomorrow"}], "customer_profiles[0].valid_until"),
    ("trust_products", [{"primary": True}], "trust_products[0]: unknown field(s) primary"),
    ("end_users", [{"type": "passport", "friendly_name": "x"}], "end_users[0].type"),
    ("end_users", [{"type": "authorized_representative_1", "friendly_name": "x", "attributes": "a"}], "end_users[0].attributes: expected a mapping"),
    ("supporting_documents", [{"type": "customer_profile_address"}], "supporting_documents[0]: friendly_name is required"),
    ("addresses", [{**SEEDED_ADDRESS, "iso_country": "Germany"}], "addresses[0].iso_country"),
    ("addresses", [{**SEEDED_ADDRESS, "sid": "AD12"}], "addresses[0].sid: 'AD12' is not a SID"),
]


@pytest.mark.parametrize("section, entries, message", BAD)
def test_bad_seeds_name_the_entry(section: str, entries: Any, message: str) -> None:
    with pytest.raises(SeedError) as raised:
        load_seed(_with(section, entries))
    assert message in str(raised.value) and str(raised.value).startswith("seed: accounts[0].")


def test_a_seed_without_trusthub_sections_has_no_bundles(tmp_path: Path) -> None:
    with start(make_seed(), log_path=str(tmp_path / "log.jsonl")) as running:
        listing = Api(running.url, (ACCOUNT_A, "token-of-account-a-0123456789")).get("/trusthub/v1/CustomerProfiles").json()
    assert listing["results"] == []
