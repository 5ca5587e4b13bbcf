"""Trust Hub Evaluations: compliant and noncompliant bundles with per-requirement and per-field results (the spec
example's shape), choice fields, addresses, the primary profile, the A2P trust product's conditions; the log conforms."""

from pathlib import Path
from typing import Any, Iterator

import pytest

from emulator.server import Emulator
from trusthub_testkit import (A2P_POLICY, BUSINESS, MESSAGING_PROFILE, PRIMARY_A, PRIMARY_POLICY, SECONDARY_POLICY, TRUSTHUB, admin, assign,
                              create_bundle, create_entity, error, evaluate, filled_profile, ok, submitted_profile, trusthub_emulator)
from emulator_testkit import Api

RESULT_KEYS = ["friendly_name", "object_type", "passed", "failure_reason", "error_code", "valid", "invalid", "requirement_friendly_name",
               "requirement_name"]
FIELD_KEYS = ["friendly_name", "object_field", "failure_reason", "error_code"]


@pytest.fixture(name="emu")
def fixture_emu(tmp_path: Path) -> Iterator[Emulator]:
    """Primary profiles seeded; the request log must conform to Twilio's specs."""
    yield from trusthub_emulator(tmp_path)


def by_requirement(evaluation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {result["requirement_name"]: result for result in evaluation["results"]}


def invalid_fields(result: dict[str, Any]) -> dict[str, int]:
    return {item["object_field"]: item["error_code"] for item in result["invalid"]}


def test_an_empty_secondary_profile_is_noncompliant_field_by_field(api: Api) -> None:
    profile = create_bundle(api, "CustomerProfiles", SECONDARY_POLICY)["sid"]
    evaluation = evaluate(api, "CustomerProfiles", profile, SECONDARY_POLICY)
    assert list(evaluation) == ["sid", "account_sid", "policy_sid", "customer_profile_sid", "status", "results", "date_created", "url"]
    assert evaluation["sid"].startswith("EL") and evaluation["status"] == "noncompliant"
    assert evaluation["url"] == f"{TRUSTHUB}/CustomerProfiles/{profile}/Evaluations/{evaluation['sid']}"
    results = by_requirement(evaluation)
    assert list(results) == ["customer_profile_business_information", "authorized_representative_1", "customer_profile_address",
                             "primary_customer_profile"]  # the second representative is optional
    business = results["customer_profile_business_information"]
    assert list(business) == RESULT_KEYS and list(business["invalid"][0]) == FIELD_KEYS
    assert (business["passed"], business["error_code"], business["object_type"]) == (False, 22214, "customer_profile_business_information")
    assert business["failure_reason"] == "A Business Information End-User is missing. Please add one to the regulatory bundle."
    assert set(invalid_fields(business)) == set(BUSINESS) - {"social_media_profile_urls"}
    assert set(invalid_fields(business).values()) == {22215}
    assert business["invalid"][0]["failure_reason"] == ("The Business Name is missing. Please enter in a Business Name on the "
                                                        "Business Information.")
    assert (results["customer_profile_address"]["error_code"], invalid_fields(results["customer_profile_address"])) == (
        22216, {"address_sids": 22217})
    assert results["primary_customer_profile"]["passed"] is False


def test_a_filled_secondary_profile_is_compliant(api: Api) -> None:
    sids = filled_profile(api)
    evaluation = evaluate(api, "CustomerProfiles", sids["profile"], SECONDARY_POLICY)
    assert evaluation["status"] == "compliant"
    assert all(result["passed"] and result["failure_reason"] is None and result["error_code"] is None and result["invalid"] == []
               for result in evaluation["results"])
    business = by_requirement(evaluation)["customer_profile_business_information"]
    assert {item["object_field"] for item in business["valid"]} == set(BUSINESS)
    listing = ok(api.get(f"/trusthub/v1/CustomerProfiles/{sids['profile']}/Evaluations"))
    assert [e["sid"] for e in listing["results"]] == [evaluation["sid"]]
    assert ok(api.get(f"/trusthub/v1/CustomerProfiles/{sids['profile']}/Evaluations/{evaluation['sid']}")) == evaluation
    assert error(api.get(f"/trusthub/v1/CustomerProfiles/{sids['profile']}/Evaluations/EL{'0' * 32}"))[:2] == (404, 20404)


@pytest.mark.parametrize("change, field, code", [
    ({"business_name": ""}, "business_name", 22215),
    ({"business_type": "Kingdom"}, "business_type", 22215),
    ({"business_identity": "reseller"}, "business_identity", 22215),
    ({"business_regions_of_operation": "USA_AND_CANADA,MARS"}, "business_regions_of_operation", 22215),
    ({"business_registration_number": None}, "business_registration_number", 22215),
])
def test_a_bad_business_field_fails_that_field_only(api: Api, change: dict[str, Any], field: str, code: int) -> None:
    sids = filled_profile(api, business={key: value for key, value in {**BUSINESS, **change}.items() if value is not None})
    evaluation = evaluate(api, "CustomerProfiles", sids["profile"], SECONDARY_POLICY)
    results = by_requirement(evaluation)
    assert evaluation["status"] == "noncompliant"
    assert invalid_fields(results["customer_profile_business_information"]) == {field: code}
    assert [name for name, result in results.items() if not result["passed"]] == ["customer_profile_business_information"]


def test_a_list_of_regions_is_accepted(api: Api) -> None:
    sids = filled_profile(api, business={**BUSINESS, "business_regions_of_operation": ["USA_AND_CANADA", "EUROPE"]})
    assert evaluate(api, "CustomerProfiles", sids["profile"], SECONDARY_POLICY)["status"] == "compliant"


def test_the_address_must_exist(api: Api) -> None:
    sids = filled_profile(api)
    assert api.delete(f"/api/2010-04-01/Accounts/{api.session.auth[0]}/Addresses/{sids['address']}.json").status_code == 204
    results = by_requirement(evaluate(api, "CustomerProfiles", sids["profile"], SECONDARY_POLICY))
    assert invalid_fields(results["customer_profile_address"]) == {"address_sids": 22217}


def test_the_primary_profile_must_be_twilio_approved(api: Api, emu: Emulator) -> None:
    sids = filled_profile(api)
    ok(admin(emu, f"customer-profiles/{PRIMARY_A}", {"status": "in-review"}))
    primary = by_requirement(evaluate(api, "CustomerProfiles", sids["profile"], SECONDARY_POLICY))["primary_customer_profile"]
    assert (primary["passed"], primary["error_code"], primary["object_type"]) == (False, 22214, "primary_customer_profile_type_business")
    assert PRIMARY_POLICY in primary["failure_reason"] and "twilio-approved" in primary["failure_reason"]


def test_a_second_representative_is_checked_when_assigned(api: Api) -> None:
    sids = filled_profile(api)
    half = create_entity(api, "EndUsers", "authorized_representative_2", {"first_name": "Sam", "job_position": "Chief"})["sid"]
    assign(api, "CustomerProfiles", sids["profile"], half)
    second = by_requirement(evaluate(api, "CustomerProfiles", sids["profile"], SECONDARY_POLICY))["authorized_representative_2"]
    assert invalid_fields(second) == {"last_name": 22215, "email": 22215, "phone_number": 22215, "business_title": 22215, "job_position": 22215}


def _trust_product(api: Api, attributes: dict[str, Any], profile: str) -> str:
    product = create_bundle(api, "TrustProducts", A2P_POLICY)["sid"]
    assign(api, "TrustProducts", product, create_entity(api, "EndUsers", "us_a2p_messaging_profile_information", attributes)["sid"])
    assign(api, "TrustProducts", product, profile)
    return product


def test_the_a2p_trust_product(api: Api) -> None:
    product = _trust_product(api, MESSAGING_PROFILE, submitted_profile(api))
    evaluation = evaluate(api, "TrustProducts", product, A2P_POLICY)
    assert evaluation["status"] == "compliant" and evaluation["trust_product_sid"] == product
    assert list(by_requirement(evaluation)) == ["us_a2p_messaging_profile_information", "customer_profile"]


@pytest.mark.parametrize("attributes, failing", [
    ({"company_type": "public"}, {"stock_exchange": 22215, "stock_ticker": 22215}),
    ({"company_type": "public", "stock_exchange": "NASDAQ", "stock_ticker": "EXMP"}, {}),
    ({"company_type": "startup"}, {"company_type": 22215}),
    ({}, {"company_type": 22215}),
])
def test_the_messaging_profile_fields(api: Api, attributes: dict[str, Any], failing: dict[str, int]) -> None:
    product = _trust_product(api, attributes, submitted_profile(api))
    evaluation = evaluate(api, "TrustProducts", product, A2P_POLICY)
    assert invalid_fields(by_requirement(evaluation)["us_a2p_messaging_profile_information"]) == failing
    assert evaluation["status"] == ("noncompliant" if failing else "compliant")


def test_the_trust_product_needs_a_submitted_secondary_profile(api: Api) -> None:
    draft = filled_profile(api)["profile"]
    product = _trust_product(api, MESSAGING_PROFILE, draft)
    profile = by_requirement(evaluate(api, "TrustProducts", product, A2P_POLICY))["customer_profile"]
    assert (profile["passed"], profile["error_code"]) == (False, 22214) and SECONDARY_POLICY in profile["failure_reason"]
    primary_only = _trust_product(api, MESSAGING_PROFILE, PRIMARY_A)  # a primary profile is not the secondary one
    assert evaluate(api, "TrustProducts", primary_only, A2P_POLICY)["status"] == "noncompliant"


def test_evaluation_input_errors(api: Api) -> None:
    profile = create_bundle(api, "CustomerProfiles", SECONDARY_POLICY)["sid"]
    assert error(api.post(f"/trusthub/v1/CustomerProfiles/{profile}/Evaluations", {}))[:2] == (400, 20001)
    assert error(api.post(f"/trusthub/v1/CustomerProfiles/{profile}/Evaluations", {"PolicySid": "RN" + "0" * 32}))[:2] == (400, 20001)
    assert error(api.post(f"/trusthub/v1/CustomerProfiles/BU{'0' * 32}/Evaluations", {"PolicySid": SECONDARY_POLICY}))[:2] == (404, 20404)
