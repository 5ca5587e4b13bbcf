"""Test kit for Trust Hub (customer profiles, trust products, end users, documents), 2010 Addresses and brand vettings.

Account A has a twilio-approved primary profile (the seed's ``primary: true``) and two APPROVED brands plus a PENDING
one; account B has its own primary profile, for isolation. :func:`trusthub_emulator` checks the JSONL log against
Twilio's specs when the fixture ends. The values below are made-up test data (example.com, 555 numbers).
"""

import json
from pathlib import Path
from typing import Any, Iterator, Optional

import requests

from contract.log_records import read_log
from contract.spec_fetch import fetch_spec
from contract.validator import format_problems, validate_records
from emulator.server import Emulator, start
from emulator_testkit import ACCOUNT_A, Api, make_seed

PRIMARY_A, PRIMARY_B = "BU" + "a0" * 16, "BU" + "b0" * 16
BRAND, BRAND_2, PENDING_BRAND = "BN" + "a3" * 16, "BN" + "a4" * 16, "BN" + "a5" * 16
SECONDARY_POLICY = "RNdfbf3fae0e1107f8aded0e7cead80bf5"
A2P_POLICY = "RNb0d4771c2c98518d916a3d4cd70a8f8b"
PRIMARY_POLICY = "RN" + "a" * 32
TRUSTHUB = "https://trusthub.twilio.com/v1"
ADDRESSES = f"/api/2010-04-01/Accounts/{ACCOUNT_A}/Addresses.json"

BUSINESS = {
    "business_name": "Example Widgets Inc", "business_type": "Corporation", "business_registration_identifier": "EIN",
    "business_registration_number": "00-0000000", "business_identity": "direct_customer", "business_industry": "TECHNOLOGY",
    "website_url": "https://example.com", "business_regions_of_operation": "USA_AND_CANADA", "social_media_profile_urls": "",
}
REPRESENTATIVE = {"first_name": "Pat", "last_name": "Example", "email": "pat@example.com", "phone_number": "+15555550100",
                  "business_title": "Owner", "job_position": "CEO"}
ADDRESS = {"CustomerName": "Example Widgets Inc", "Street": "1 Example Way", "City": "Springfield", "Region": "CA", "PostalCode": "94000",
           "IsoCountry": "US"}
MESSAGING_PROFILE = {"company_type": "private"}


def make_trusthub_seed() -> dict[str, Any]:
    """The emulator test seed plus primary profiles and brands."""
    seed = make_seed()
    bundles = {"customer_profile_bundle_sid": "BU" + "c1" * 16, "a2p_profile_bundle_sid": "BU" + "c2" * 16}
    seed["accounts"][0]["customer_profiles"] = [{"primary": True, "sid": PRIMARY_A}]
    seed["accounts"][0]["brands"] = [{"sid": BRAND, **bundles}, {"sid": BRAND_2, **bundles}, {"sid": PENDING_BRAND, **bundles, "status": "PENDING"}]
    seed["accounts"][1]["customer_profiles"] = [{"primary": True, "sid": PRIMARY_B}]
    return seed


def contract_problems(log_path: Path) -> list[str]:
    """Every contract problem of the JSONL log, as text."""
    return [str(problem) for problem in validate_records(read_log(log_path), fetch_spec())]


def trusthub_emulator(tmp_path: Path, seed: Optional[dict[str, Any]] = None) -> Iterator[Emulator]:
    """Body of an ``emu`` fixture: the seed (default :func:`make_trusthub_seed`); at the end the log must conform."""
    log = tmp_path / "requests.jsonl"
    with start(seed or make_trusthub_seed(), log_path=str(log)) as running:
        yield running
    problems = validate_records(read_log(log), fetch_spec())
    assert not problems, format_problems(problems, str(log))


def ok(response: requests.Response, status: int = 200) -> dict[str, Any]:
    """The JSON body of a response that has ``status``."""
    assert response.status_code == status, response.text
    return dict(response.json())


def error(response: requests.Response) -> tuple[int, int, str]:
    """Status, Twilio code and message of an error response."""
    body = response.json()
    return response.status_code, body["code"], body["message"]


def admin(emu: Emulator, path: str, body: Any) -> requests.Response:
    """POST a JSON body to ``/_emulator/<path>``."""
    return requests.post(f"{emu.url}/_emulator/{path}", json=body, timeout=10)


def create_bundle(api: Api, collection: str, policy: str, name: str = "Example Widgets", email: str = "ops@example.com") -> dict[str, Any]:
    """A new draft bundle."""
    return ok(api.post(f"/trusthub/v1/{collection}", {"FriendlyName": name, "Email": email, "PolicySid": policy}), 201)


def create_entity(api: Api, collection: str, kind: str, attributes: dict[str, Any], name: str = "entity") -> dict[str, Any]:
    """A new end user or supporting document."""
    return ok(api.post(f"/trusthub/v1/{collection}", {"FriendlyName": name, "Type": kind, "Attributes": json.dumps(attributes)}), 201)


def assign(api: Api, collection: str, bundle: str, object_sid: str) -> dict[str, Any]:
    """Assign an object to a bundle."""
    return ok(api.post(f"/trusthub/v1/{collection}/{bundle}/EntityAssignments", {"ObjectSid": object_sid}), 201)


def evaluate(api: Api, collection: str, bundle: str, policy: str) -> dict[str, Any]:
    """A new evaluation."""
    return ok(api.post(f"/trusthub/v1/{collection}/{bundle}/Evaluations", {"PolicySid": policy}), 201)


def filled_profile(api: Api, primary: str = PRIMARY_A, business: Optional[dict[str, Any]] = None) -> dict[str, str]:
    """A draft secondary profile with business information, one representative, the address document and the primary
    profile assigned; returns the SIDs by role (``profile``, ``business``, ``representative``, ``address``, ``document``)."""
    profile = create_bundle(api, "CustomerProfiles", SECONDARY_POLICY)["sid"]
    business_sid = create_entity(api, "EndUsers", "customer_profile_business_information", business or BUSINESS)["sid"]
    representative = create_entity(api, "EndUsers", "authorized_representative_1", REPRESENTATIVE)["sid"]
    address = ok(api.post(ADDRESSES, ADDRESS), 201)["sid"]
    document = create_entity(api, "SupportingDocuments", "customer_profile_address", {"address_sids": address})["sid"]
    for sid in (business_sid, representative, document, primary):
        assign(api, "CustomerProfiles", profile, sid)
    return {"profile": profile, "business": business_sid, "representative": representative, "address": address, "document": document}


def submit(api: Api, collection: str, bundle: str) -> requests.Response:
    """POST Status=pending-review."""
    return api.post(f"/trusthub/v1/{collection}/{bundle}", {"Status": "pending-review"})


def submitted_profile(api: Api) -> str:
    """A secondary profile evaluated compliant and submitted (pending-review)."""
    profile = filled_profile(api)["profile"]
    assert evaluate(api, "CustomerProfiles", profile, SECONDARY_POLICY)["status"] == "compliant"
    assert ok(submit(api, "CustomerProfiles", profile))["status"] == "pending-review"
    return profile
