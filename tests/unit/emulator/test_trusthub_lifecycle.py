"""Trust Hub bundle lifecycle: submission only when compliant and unchanged, the review timer (CLI, admin route, Python),
admin status changes with errors, edits refused outside draft / twilio-rejected, a rejected bundle back to draft."""

import json
import time
from pathlib import Path
from typing import Iterator

import pytest

from emulator.cli import parse_args
from emulator.server import Emulator
from emulator.trusthub import lifecycle
from emulator_testkit import Api
from trusthub_testkit import (A2P_POLICY, BUSINESS, MESSAGING_PROFILE, PRIMARY_A, SECONDARY_POLICY, admin, assign, create_bundle,
                              create_entity, error, evaluate, filled_profile, ok, submit, submitted_profile, trusthub_emulator)


@pytest.fixture(name="emu")
def fixture_emu(tmp_path: Path) -> Iterator[Emulator]:
    """Primary profiles seeded; the request log must conform to Twilio's specs."""
    yield from trusthub_emulator(tmp_path)


def status_of(api: Api, profile: str) -> str:
    return str(ok(api.get(f"/trusthub/v1/CustomerProfiles/{profile}"))["status"])


def test_submission_needs_a_compliant_evaluation(api: Api) -> None:
    sids = filled_profile(api, business={**BUSINESS, "business_name": ""})
    profile = sids["profile"]
    status, code, message = error(submit(api, "CustomerProfiles", profile))  # never evaluated
    assert (status, code) == (400, 20001) and "not compliant" in message
    assert evaluate(api, "CustomerProfiles", profile, SECONDARY_POLICY)["status"] == "noncompliant"
    assert error(submit(api, "CustomerProfiles", profile))[:2] == (400, 20001)
    assert status_of(api, profile) == "draft"
    ok(api.post(f"/trusthub/v1/EndUsers/{sids['business']}", {"Attributes": json.dumps(BUSINESS)}))
    assert evaluate(api, "CustomerProfiles", profile, SECONDARY_POLICY)["status"] == "compliant"
    submitted = ok(submit(api, "CustomerProfiles", profile))
    assert (submitted["status"], submitted["errors"]) == ("pending-review", None)


def test_a_change_after_the_evaluation_needs_a_new_one(api: Api) -> None:
    profile = filled_profile(api)["profile"]
    assert evaluate(api, "CustomerProfiles", profile, SECONDARY_POLICY)["status"] == "compliant"
    ok(api.post(f"/trusthub/v1/CustomerProfiles/{profile}", {"FriendlyName": "Renamed"}))
    assert "changed since" in error(submit(api, "CustomerProfiles", profile))[2]
    evaluate(api, "CustomerProfiles", profile, SECONDARY_POLICY)
    extra = create_entity(api, "EndUsers", "authorized_representative_2", {})["sid"]
    assign(api, "CustomerProfiles", profile, extra)  # an assignment is a change too
    assert error(submit(api, "CustomerProfiles", profile))[:2] == (400, 20001)


def test_an_evaluation_against_another_policy_does_not_count(api: Api) -> None:
    profile = filled_profile(api)["profile"]
    evaluate(api, "CustomerProfiles", profile, "RN" + "a" * 32)  # the primary policy: compliant too, but not the bundle's
    assert error(submit(api, "CustomerProfiles", profile))[:2] == (400, 20001)


def test_edits_are_refused_while_in_review(api: Api) -> None:
    sids = filled_profile(api)
    profile = sids["profile"]
    evaluate(api, "CustomerProfiles", profile, SECONDARY_POLICY)
    ok(submit(api, "CustomerProfiles", profile))
    refusals = [
        api.post(f"/trusthub/v1/CustomerProfiles/{profile}", {"FriendlyName": "Late"}),
        api.post(f"/trusthub/v1/CustomerProfiles/{profile}/EntityAssignments", {"ObjectSid": create_entity(
            api, "EndUsers", "authorized_representative_2", {})["sid"]}),
        api.delete(f"/trusthub/v1/CustomerProfiles/{profile}/EntityAssignments/"
                   + ok(api.get(f"/trusthub/v1/CustomerProfiles/{profile}/EntityAssignments"))["results"][0]["sid"]),
        api.post(f"/trusthub/v1/EndUsers/{sids['representative']}", {"FriendlyName": "Late"}),
        api.post(f"/trusthub/v1/SupportingDocuments/{sids['document']}", {"Attributes": '{"address_sids": ""}'}),
        submit(api, "CustomerProfiles", profile),
    ]
    for response in refusals:
        status, code, message = error(response)
        assert (status, code) == (400, 20001) and "pending-review" in message, message
    record = ok(api.get(f"/trusthub/v1/CustomerProfiles/{profile}"))
    assert (record["status"], record["friendly_name"]) == ("pending-review", "Example Widgets")
    assert len(ok(api.get(f"/trusthub/v1/CustomerProfiles/{profile}/EntityAssignments"))["results"]) == 4


def test_admin_rejects_with_errors_and_an_edit_returns_to_draft(api: Api, emu: Emulator) -> None:
    profile = submitted_profile(api)
    rejected = ok(admin(emu, f"customer-profiles/{profile}", {"status": "twilio-rejected", "errors": [{"code": 18601}]}))
    assert (rejected["status"], rejected["errors"]) == ("twilio-rejected", [{"code": 18601}])
    assert ok(api.get(f"/trusthub/v1/CustomerProfiles/{profile}"))["errors"] == [{"code": 18601}]
    changed = ok(api.post(f"/trusthub/v1/CustomerProfiles/{profile}", {"Email": "fixed@example.com"}))
    assert changed["status"] == "draft"  # *unconfirmed* Twilio behaviour, see docs/emulator.md
    assert error(submit(api, "CustomerProfiles", profile))[:2] == (400, 20001)
    evaluate(api, "CustomerProfiles", profile, SECONDARY_POLICY)
    assert ok(submit(api, "CustomerProfiles", profile))["status"] == "pending-review"
    approved = ok(admin(emu, f"customer-profiles/{profile}", {"status": "twilio-approved"}))
    assert (approved["status"], approved["errors"]) == ("twilio-approved", None)


def test_a_rejected_bundle_without_changes_can_be_resubmitted_after_an_evaluation(api: Api, emu: Emulator) -> None:
    profile = submitted_profile(api)
    ok(admin(emu, f"customer-profiles/{profile}", {"status": "twilio-rejected", "errors": [{"code": 18601}]}))
    assert ok(submit(api, "CustomerProfiles", profile))["status"] == "pending-review"  # the compliant evaluation still holds


@pytest.mark.parametrize("body", [{"status": "approved"}, {"errors": [{"message": "x"}]}, {"errors": "bad"}, {"colour": "red"}, []])
def test_admin_refuses_bad_bodies(emu: Emulator, body: object) -> None:
    response = admin(emu, f"customer-profiles/{PRIMARY_A}", body)
    assert (response.status_code, response.json()["code"]) == (400, 20001)


def test_admin_unknown_bundle(emu: Emulator) -> None:
    assert admin(emu, f"trust-products/BU{'0' * 32}", {"status": "draft"}).status_code == 404
    assert admin(emu, f"trust-products/{PRIMARY_A}", {"status": "draft"}).status_code == 404  # a customer profile, not a trust product


def test_the_review_timer(api: Api, emu: Emulator) -> None:
    assert ok(admin(emu, "trusthub/timing", {"review_seconds": 0.6})) == {"review_seconds": 0.6}
    profile = submitted_profile(api)
    assert status_of(api, profile) == "pending-review"
    time.sleep(0.35)
    assert status_of(api, profile) == "in-review"
    time.sleep(0.35)
    approved = ok(api.get(f"/trusthub/v1/CustomerProfiles/{profile}"))
    assert (approved["status"], approved["errors"]) == ("twilio-approved", None)
    listed = ok(api.get("/trusthub/v1/CustomerProfiles", params={"Status": "twilio-approved"}))["results"]
    assert [b["sid"] for b in listed] == [PRIMARY_A, profile]
    assert ok(admin(emu, "trusthub/timing", {"review_seconds": None})) == {"review_seconds": None}


def test_an_admin_status_stops_the_timer(api: Api, emu: Emulator) -> None:
    lifecycle.configure(emu.state, 0.3)
    profile = submitted_profile(api)
    ok(admin(emu, f"customer-profiles/{profile}", {"status": "twilio-rejected", "errors": [{"code": 18601}]}))
    time.sleep(0.4)
    assert status_of(api, profile) == "twilio-rejected"


def test_trust_products_follow_the_same_lifecycle(api: Api, emu: Emulator) -> None:
    lifecycle.configure(emu.state, 0)
    profile = submitted_profile(api)
    product = create_bundle(api, "TrustProducts", A2P_POLICY)["sid"]
    assign(api, "TrustProducts", product, create_entity(api, "EndUsers", "us_a2p_messaging_profile_information", MESSAGING_PROFILE)["sid"])
    assign(api, "TrustProducts", product, profile)
    assert error(submit(api, "TrustProducts", product))[:2] == (400, 20001)
    evaluate(api, "TrustProducts", product, A2P_POLICY)
    assert ok(submit(api, "TrustProducts", product))["status"] == "pending-review"  # the create response shows it, also with 0
    assert ok(api.get(f"/trusthub/v1/TrustProducts/{product}"))["status"] == "twilio-approved"
    ok(admin(emu, f"trust-products/{product}", {"status": "twilio-rejected", "errors": [{"code": 18601}]}))
    assert ok(api.get(f"/trusthub/v1/TrustProducts/{product}"))["errors"] == [{"code": 18601}]


def test_the_cli_option() -> None:
    assert parse_args(["--seed", "s.yml", "--trusthub-review-seconds", "2.5"]).trusthub_review_seconds == 2.5
    assert parse_args(["--seed", "s.yml"]).trusthub_review_seconds is None
    with pytest.raises(SystemExit):
        parse_args(["--seed", "s.yml", "--trusthub-review-seconds", "-1"])
