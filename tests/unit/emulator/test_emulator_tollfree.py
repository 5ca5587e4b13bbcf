"""Toll-free verifications (messaging v1 Tollfree/Verifications): the spec's fields, required parameters and checks, the
number rule, one verification per number, the edit window, the review timer, the admin route, list filters, the seed."""

import copy
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

import pytest
from twilio.rest import Client

from contract.log_records import read_log
from contract.spec_fetch import fetch_spec
from contract.validator import format_problems, validate_records
from emulator.cli import parse_args
from emulator.errors import SeedError
from emulator.messaging.tollfree_fields import FIELDS
from emulator.messaging.tollfree_lifecycle import configure
from emulator.seed import load_seed
from emulator.server import Emulator, start
from emulator_testkit import Api, EmulatorHttpClient
from fleet_testkit import fixture_fleet  # noqa: F401  # pylint: disable=unused-import
from fleet_testkit import (PARENT, PARENT_LOCAL, PARENT_TOKEN, PARENT_TOLL_FREE, SUB_1, SUB_1_SECOND_TOLL_FREE, SUB_1_TOKEN, SUB_1_TOLL_FREE,
                           fleet_seed, seed_verification, verification_form)

VERIFICATIONS = "/messaging/v1/Tollfree/Verifications"


@pytest.fixture(name="parent")
def fixture_parent(fleet: Emulator) -> Api:
    return Api(fleet.url, (PARENT, PARENT_TOKEN))


@pytest.fixture(name="admin")
def fixture_admin(fleet: Emulator) -> Callable[..., Any]:
    def change(sid: str, **body: Any) -> Any:
        return Api(fleet.url, None).post(f"/_emulator/tollfree-verifications/{sid}", json=body)
    return change


def create(api: Api, number_sid: str = PARENT_TOLL_FREE, **extra: Any) -> dict[str, Any]:
    response = api.post(VERIFICATIONS, verification_form(number_sid, **extra))
    assert response.status_code == 201, response.text
    return dict(response.json())


def error(response: Any) -> tuple[int, int]:
    return response.status_code, response.json()["code"]


def test_create_fetch_and_list_follow_the_spec(parent: Api, tmp_path: Path) -> None:
    created = create(parent, BusinessContactPhone="+15550100199", ExternalReferenceId="ref-1")
    assert list(created) == list(FIELDS)
    assert (created["status"], created["account_sid"], created["tollfree_phone_number_sid"]) == ("PENDING_REVIEW", PARENT, PARENT_TOLL_FREE)
    assert created["use_case_categories"] == ["TWO_FACTOR_AUTHENTICATION", "ACCOUNT_NOTIFICATIONS"]
    assert (created["edit_allowed"], created["rejection_reasons"], created["resource_links"]) == (None, None, {})
    assert created["url"] == f"https://messaging.twilio.com{VERIFICATIONS[10:]}/{created['sid']}"
    assert parent.get(f"{VERIFICATIONS}/{created['sid']}").json() == created
    listed = parent.get(VERIFICATIONS).json()
    assert [v["sid"] for v in listed["verifications"]] == [created["sid"]] and listed["meta"]["key"] == "verifications"
    problems = validate_records(read_log(tmp_path / "requests.jsonl"), fetch_spec())
    assert not problems, format_problems(problems, str(tmp_path / "requests.jsonl"))


def test_the_sdk_creates_edits_and_deletes(fleet: Emulator, admin: Callable[..., Any]) -> None:
    client = Client(PARENT, PARENT_TOKEN, http_client=EmulatorHttpClient(fleet.url))
    made = client.messaging.v1.tollfree_verifications.create(
        business_name="Owl, Inc.", business_website="https://www.example.com", notification_email="support@example.com",
        use_case_categories=["MARKETING"], use_case_summary="Offers.", production_message_sample="Owl: 10% off today.",
        opt_in_image_urls=["https://www.example.com/a.png", "https://www.example.com/b.png"], opt_in_type="VERBAL",
        message_volume="10", tollfree_phone_number_sid=PARENT_TOLL_FREE)
    assert made.opt_in_image_urls == ["https://www.example.com/a.png", "https://www.example.com/b.png"]
    admin(made.sid, status="TWILIO_REJECTED", rejection_reason="Website not reachable", error_code=30451, edit_allowed=True)
    edited = client.messaging.v1.tollfree_verifications(made.sid).update(business_website="https://owl.example.com", edit_reason="Website fixed")
    assert (edited.status, edited.business_website, edited.rejection_reason, edited.edit_allowed) == ("PENDING_REVIEW", "https://owl.example.com", None, None)
    assert client.messaging.v1.tollfree_verifications(made.sid).delete() is True
    assert client.messaging.v1.tollfree_verifications.list() == []


@pytest.mark.parametrize("missing", ["BusinessName", "BusinessWebsite", "NotificationEmail", "UseCaseCategories", "UseCaseSummary",
                                     "ProductionMessageSample", "OptInImageUrls", "OptInType", "MessageVolume", "TollfreePhoneNumberSid"])
def test_every_required_parameter_is_enforced(parent: Api, missing: str) -> None:
    form = verification_form(PARENT_TOLL_FREE)
    del form[missing]
    response = parent.post(VERIFICATIONS, form)
    assert error(response) == (400, 20001) and missing in response.json()["message"]


@pytest.mark.parametrize("field, value, code", [
    ("OptInType", "SMOKE_SIGNAL", 20001),
    ("NotificationEmail", "support", 20001),
    ("BusinessContactEmail", "a@b", 20001),
    ("BusinessContactPhone", "555-0100", 20001),
    ("OptInImageUrls", ["https://www.example.com/a.png", "not a url"], 21502),
    ("BusinessWebsite", "www.example.com", 21502),
    ("CustomerProfileSid", "BU123", 20001),
    ("TollfreePhoneNumberSid", "PN123", 20001),
])
def test_bad_values_name_the_field(parent: Api, field: str, value: Any, code: int) -> None:
    response = parent.post(VERIFICATIONS, verification_form(PARENT_TOLL_FREE, **{field: value}))
    assert error(response) == (400, code) and field in response.json()["message"]
    assert parent.get(VERIFICATIONS).json()["verifications"] == []


def test_the_number_must_be_a_toll_free_number_of_the_account(parent: Api) -> None:
    for number_sid in (PARENT_LOCAL, SUB_1_TOLL_FREE, "PN" + "9" * 32):
        response = parent.post(VERIFICATIONS, verification_form(number_sid))
        assert error(response) == (400, 30436) and number_sid in response.json()["message"]


def test_one_verification_per_number_until_a_rejection_can_no_longer_be_edited(parent: Api, admin: Callable[..., Any]) -> None:
    first = create(parent)
    assert error(parent.post(VERIFICATIONS, verification_form(PARENT_TOLL_FREE))) == (400, 20001)
    admin(first["sid"], status="TWILIO_REJECTED", edit_allowed=True)
    assert error(parent.post(VERIFICATIONS, verification_form(PARENT_TOLL_FREE))) == (400, 20001)  # edit it instead
    admin(first["sid"], edit_allowed=False)
    second = create(parent)
    assert [v["sid"] for v in parent.get(VERIFICATIONS, params={"TollfreePhoneNumberSid": PARENT_TOLL_FREE}).json()["verifications"]] == \
        [first["sid"], second["sid"]]


def test_edits_only_while_rejected_editable_and_in_the_window(parent: Api, admin: Callable[..., Any]) -> None:
    sid = create(parent)["sid"]
    path = f"{VERIFICATIONS}/{sid}"
    refused = parent.post(path, {"BusinessName": "Owl LLC"})
    assert error(refused) == (400, 20001) and "PENDING_REVIEW" in refused.json()["message"]
    rejected = admin(sid, status="TWILIO_REJECTED", rejection_reason="Opt-in not shown", error_code=30509, edit_allowed=True).json()
    expires = datetime.strptime(rejected["edit_expiration"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    assert timedelta(days=6, hours=23) < expires - datetime.now(timezone.utc) <= timedelta(days=7)
    assert rejected["rejection_reasons"] == [{"code": 30509, "reason": "Opt-in not shown"}]
    edited = parent.post(path, {"BusinessName": "Owl LLC", "EditReason": "Opt-in screenshot added", "TollfreePhoneNumberSid": PARENT_LOCAL})
    assert edited.status_code == 202
    body = edited.json()
    assert (body["status"], body["business_name"], body["tollfree_phone_number_sid"]) == ("PENDING_REVIEW", "Owl LLC", PARENT_TOLL_FREE)
    assert [body[key] for key in ("rejection_reason", "error_code", "edit_expiration", "edit_allowed", "rejection_reasons")] == [None] * 5
    assert "edit_reason" not in body
    admin(sid, status="TWILIO_REJECTED", edit_allowed=False)
    assert error(parent.post(path, {"BusinessName": "Owl"})) == (400, 20001)
    admin(sid, edit_allowed=True, edit_expiration="2020-01-01T00:00:00Z")
    expired = parent.post(path, {"BusinessName": "Owl"})
    assert error(expired) == (400, 20001) and "expired" in expired.json()["message"]
    admin(sid, edit_expiration=None)
    assert error(parent.post(path, {"OptInType": "NOPE"})) == (400, 20001)


def test_delete_and_unknown_sids(parent: Api) -> None:
    sid = create(parent)["sid"]
    assert parent.delete(f"{VERIFICATIONS}/{sid}").status_code == 204
    missing = parent.get(f"{VERIFICATIONS}/{sid}")
    assert error(missing) == (404, 20404) and missing.json()["message"] == f"The requested resource /Tollfree/Verifications/{sid} was not found"
    create(parent)  # the number is free again


def test_list_filters_and_subaccounts(fleet: Emulator, parent: Api, admin: Callable[..., Any]) -> None:
    own = create(parent, ExternalReferenceId="parent-ref")
    sub = Api(fleet.url, (SUB_1, SUB_1_TOKEN))
    first, second = create(sub, SUB_1_TOLL_FREE), create(sub, SUB_1_SECOND_TOLL_FREE, ExternalReferenceId="sub-ref")
    admin(second["sid"], status="TWILIO_APPROVED")

    def sids(**query: Any) -> list[str]:
        return [v["sid"] for v in parent.get(VERIFICATIONS, params=query).json()["verifications"]]

    assert sids() == [own["sid"]]
    assert sids(IncludeSubAccounts="true") == [own["sid"], first["sid"], second["sid"]]
    assert sids(IncludeSubAccounts="true", Status="TWILIO_APPROVED") == [second["sid"]]
    assert sids(IncludeSubAccounts="true", ExternalReferenceId="sub-ref") == [second["sid"]]
    assert sids(ExternalReferenceId="sub-ref") == []
    assert [v["sid"] for v in sub.get(VERIFICATIONS, params={"IncludeSubAccounts": "true"}).json()["verifications"]] == [first["sid"], second["sid"]]
    assert error(parent.get(VERIFICATIONS, params={"Status": "DONE"})) == (400, 20001)
    pages, url = [], f"{VERIFICATIONS}?IncludeSubAccounts=true&PageSize=2"
    while url:
        page = parent.get(url).json()
        pages.append([v["sid"] for v in page["verifications"]])
        url = page["meta"]["next_page_url"]
    assert pages == [[own["sid"], first["sid"]], [second["sid"]]]


def test_the_review_timer_approves(fleet: Emulator, parent: Api) -> None:
    configure(fleet.state, 0)
    created = create(parent)
    assert created["status"] == "PENDING_REVIEW"  # the create's answer, as the spec's example
    assert parent.get(f"{VERIFICATIONS}/{created['sid']}").json()["status"] == "TWILIO_APPROVED"
    assert Api(fleet.url, None).post("/_emulator/tollfree/timing", json={"review_seconds": None}).json() == {"review_seconds": None}


def test_the_admin_route_checks_its_body(parent: Api, admin: Callable[..., Any]) -> None:
    sid = create(parent)["sid"]
    for body in ({"status": "DONE"}, {"error_code": "30509"}, {"edit_allowed": "yes"}, {"edit_expiration": "tomorrow"},
                 {"rejection_reasons": ["text"]}, {"colour": "red"}):
        assert admin(sid, **body).status_code == 400, body
    assert admin("HH" + "9" * 32, status="IN_REVIEW").status_code == 404
    assert admin(sid, status="IN_REVIEW").json()["status"] == "IN_REVIEW"


def test_the_cli_flag_sets_the_review_delay() -> None:
    assert parse_args(["--seed", "s.yml", "--tollfree-review-seconds", "4"]).tollfree_review_seconds == 4.0
    assert parse_args(["--seed", "s.yml"]).tollfree_review_seconds is None


def seeded(*entries: dict[str, Any]) -> dict[str, Any]:
    seed = fleet_seed()
    seed["accounts"][1]["tollfree_verifications"] = list(entries)
    return seed


def test_seeded_verifications() -> None:
    seed = seeded(seed_verification(SUB_1_TOLL_FREE, sid="HH" + "1b" * 16, status="TWILIO_REJECTED", rejection_reason="Address invalid",
                                    error_code=30451, edit_allowed=True),
                  seed_verification(SUB_1_SECOND_TOLL_FREE, status="TWILIO_APPROVED", business_contact_phone="+15550100100"))
    with start(seed) as running:
        listed = Api(running.url, (SUB_1, SUB_1_TOKEN)).get(VERIFICATIONS).json()["verifications"]
    assert [(v["sid"][:2], v["status"]) for v in listed] == [("HH", "TWILIO_REJECTED"), ("HH", "TWILIO_APPROVED")]
    assert listed[0]["sid"] == "HH" + "1b" * 16 and listed[0]["edit_expiration"] is not None and listed[0]["account_sid"] == SUB_1


@pytest.mark.parametrize("entry, message", [
    (seed_verification(SUB_1_TOLL_FREE, business_name=None), r"tollfree_verifications\[0\]: business_name is required"),
    (seed_verification(PARENT_TOLL_FREE), r"tollfree_verifications\[0\]\.tollfree_phone_number_sid: .* is not a phone number of account"),
    (seed_verification(SUB_1_TOLL_FREE, opt_in_type="NOPE"), r"tollfree_verifications\[0\]\.opt_in_type: Invalid value 'NOPE'"),
    (seed_verification(SUB_1_TOLL_FREE, status="DONE"), r"tollfree_verifications\[0\]\.status: expected one of"),
    (seed_verification(SUB_1_TOLL_FREE, colour="red"), r"tollfree_verifications\[0\]: unknown field\(s\) colour"),
])
def test_seed_errors_name_the_entry(entry: dict[str, Any], message: str) -> None:
    with pytest.raises(SeedError, match=message):
        load_seed(seeded(copy.deepcopy(entry)))


def test_a_second_seeded_verification_of_a_number_is_refused() -> None:
    with pytest.raises(SeedError, match=r"tollfree_verifications\[1\]\.tollfree_phone_number_sid: .* already has a toll-free verification"):
        load_seed(seeded(seed_verification(SUB_1_TOLL_FREE), seed_verification(SUB_1_TOLL_FREE)))
