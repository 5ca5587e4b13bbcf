"""Trust Hub CustomerProfiles and TrustProducts: create, list with filters and paging, fetch, update, delete, the
sub-resources' routes, end users and documents, reference data, account isolation; the log conforms to the spec."""

from pathlib import Path
from typing import Callable, Iterator

import pytest

from emulator.server import Emulator
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, TOKEN_B, Api
from trusthub_testkit import (A2P_POLICY, PRIMARY_A, PRIMARY_B, PRIMARY_POLICY, REPRESENTATIVE, SECONDARY_POLICY, TRUSTHUB, assign,
                              create_bundle, create_entity, error, filled_profile, ok, trusthub_emulator)

ORDER = ["sid", "account_sid", "policy_sid", "friendly_name", "status", "valid_until", "email", "status_callback", "date_created",
         "date_updated", "url", "links", "errors"]


@pytest.fixture(name="emu")
def fixture_emu(tmp_path: Path) -> Iterator[Emulator]:
    """Primary profiles seeded; the request log must conform to Twilio's specs."""
    yield from trusthub_emulator(tmp_path)


@pytest.mark.parametrize("collection, policy, links", [
    ("CustomerProfiles", SECONDARY_POLICY, "customer_profiles"), ("TrustProducts", A2P_POLICY, "trust_products")])
def test_create_fetch_shape(api: Api, collection: str, policy: str, links: str) -> None:
    form = {"FriendlyName": "Acme", "Email": "ops@example.com", "PolicySid": policy, "StatusCallback": "https://example.com/cb"}
    created = ok(api.post(f"/trusthub/v1/{collection}", form), 201)
    assert list(created) == ORDER
    sid = created["sid"]
    assert sid.startswith("BU") and created["account_sid"] == ACCOUNT_A and created["status"] == "draft" and created["errors"] is None
    assert (created["policy_sid"], created["friendly_name"], created["status_callback"], created["valid_until"]) == (
        policy, "Acme", "https://example.com/cb", None)
    assert created["url"] == f"{TRUSTHUB}/{collection}/{sid}"
    assert created["links"] == {f"{links}_entity_assignments": f"{TRUSTHUB}/{collection}/{sid}/EntityAssignments",
                                f"{links}_evaluations": f"{TRUSTHUB}/{collection}/{sid}/Evaluations",
                                f"{links}_channel_endpoint_assignment": f"{TRUSTHUB}/{collection}/{sid}/ChannelEndpointAssignments"}
    assert ok(api.get(f"/trusthub/v1/{collection}/{sid}")) == created


@pytest.mark.parametrize("form, expected", [
    ({"Email": "a@example.com", "PolicySid": SECONDARY_POLICY}, "FriendlyName"),
    ({"FriendlyName": "x", "PolicySid": SECONDARY_POLICY}, "Email"),
    ({"FriendlyName": "x", "Email": "a@example.com"}, "PolicySid"),
    ({"FriendlyName": "x", "Email": "not-an-address", "PolicySid": SECONDARY_POLICY}, "Email"),
    ({"FriendlyName": "x", "Email": "a@example.com", "PolicySid": "RN12"}, "PolicySid"),
    ({"FriendlyName": "x", "Email": "a@example.com", "PolicySid": A2P_POLICY}, "PolicySid"),  # a trust product's policy
    ({"FriendlyName": "x", "Email": "a@example.com", "PolicySid": SECONDARY_POLICY, "StatusCallback": "ftp://x"}, "StatusCallback"),
])
def test_create_refuses_bad_input(api: Api, form: dict[str, str], expected: str) -> None:
    status, code, message = error(api.post("/trusthub/v1/CustomerProfiles", form))
    assert (status, code) == (400, 21502 if expected == "StatusCallback" else 20001) and expected in message  # 21502: a bad URL
    assert [b["sid"] for b in ok(api.get("/trusthub/v1/CustomerProfiles"))["results"]] == [PRIMARY_A]


def test_list_filters_and_paging(api: Api) -> None:
    made = [create_bundle(api, "CustomerProfiles", SECONDARY_POLICY, name=f"P{index % 2}")["sid"] for index in range(5)]
    listing = ok(api.get("/trusthub/v1/CustomerProfiles"))
    assert [b["sid"] for b in listing["results"]] == [PRIMARY_A] + made and listing["meta"]["key"] == "results"
    assert [b["sid"] for b in ok(api.get("/trusthub/v1/CustomerProfiles", params={"FriendlyName": "P1"}))["results"]] == made[1::2]
    approved = ok(api.get("/trusthub/v1/CustomerProfiles", params={"Status": "twilio-approved"}))
    assert [b["sid"] for b in approved["results"]] == [PRIMARY_A]
    assert approved["meta"]["url"] == f"{TRUSTHUB}/CustomerProfiles?Status=twilio-approved&PageSize=50&Page=0"
    by_policy = ok(api.get("/trusthub/v1/CustomerProfiles", params={"PolicySid": PRIMARY_POLICY, "Status": "twilio-approved"}))
    assert [b["sid"] for b in by_policy["results"]] == [PRIMARY_A]
    first = ok(api.get("/trusthub/v1/CustomerProfiles", params={"PageSize": 2, "PolicySid": SECONDARY_POLICY}))
    assert [b["sid"] for b in first["results"]] == made[:2]
    second = ok(api.get(first["meta"]["next_page_url"]))
    assert [b["sid"] for b in second["results"]] == made[2:4] and "PolicySid=" in first["meta"]["next_page_url"]


def test_update_fields_and_delete_cascade(api: Api) -> None:
    sids = filled_profile(api)
    profile = sids["profile"]
    updated = ok(api.post(f"/trusthub/v1/CustomerProfiles/{profile}", {"FriendlyName": "Renamed", "Email": "new@example.com"}))
    assert (updated["friendly_name"], updated["email"], updated["status"]) == ("Renamed", "new@example.com", "draft")
    status, code, message = error(api.post(f"/trusthub/v1/CustomerProfiles/{profile}", {"Status": "twilio-approved"}))
    assert (status, code) == (400, 20001) and "Status" in message
    assert api.delete(f"/trusthub/v1/CustomerProfiles/{profile}").status_code == 204
    assert error(api.get(f"/trusthub/v1/CustomerProfiles/{profile}"))[:2] == (404, 20404)
    assert api.get(f"/trusthub/v1/CustomerProfiles/{profile}/EntityAssignments").status_code == 404
    # its end users are free again: they can be deleted
    assert api.delete(f"/trusthub/v1/EndUsers/{sids['business']}").status_code == 204


def test_entity_assignments_filter_fetch_delete(api: Api) -> None:
    sids = filled_profile(api)
    path = f"/trusthub/v1/CustomerProfiles/{sids['profile']}/EntityAssignments"
    listing = ok(api.get(path))
    assert [a["object_sid"] for a in listing["results"]] == [sids["business"], sids["representative"], sids["document"], PRIMARY_A]
    assignment = listing["results"][1]
    assert list(assignment) == ["sid", "customer_profile_sid", "account_sid", "object_sid", "date_created", "url"]
    assert assignment["sid"].startswith("BV") and assignment["url"] == f"{TRUSTHUB}{path[len('/trusthub/v1'):]}/{assignment['sid']}"
    reps = ok(api.get(path, params={"ObjectType": "authorized_representative_1"}))
    assert reps["results"] == [assignment] and "ObjectType=authorized_representative_1" in reps["meta"]["url"]
    assert [a["object_sid"] for a in ok(api.get(path, params={"ObjectType": "customer_profile"}))["results"]] == [PRIMARY_A]
    assert ok(api.get(f"{path}/{assignment['sid']}")) == assignment
    assert error(api.post(path, {"ObjectSid": sids["representative"]}))[:2] == (400, 20001)  # twice
    assert error(api.post(path, {"ObjectSid": "IT" + "0" * 32}))[:2] == (400, 20001)  # no such end user
    assert error(api.post(path, {"ObjectSid": "bad"}))[:2] == (400, 20001)
    status, code, message = error(api.delete(f"/trusthub/v1/EndUsers/{sids['representative']}"))
    assert (status, code) == (400, 20001) and sids["profile"] in message  # assigned: not deletable
    assert api.delete(f"{path}/{assignment['sid']}").status_code == 204
    assert error(api.get(f"{path}/{assignment['sid']}"))[:2] == (404, 20404)
    assert api.delete(f"/trusthub/v1/EndUsers/{sids['representative']}").status_code == 204


def test_channel_endpoint_assignments(api: Api) -> None:
    profile = create_bundle(api, "CustomerProfiles", SECONDARY_POLICY)["sid"]
    path = f"/trusthub/v1/CustomerProfiles/{profile}/ChannelEndpointAssignments"
    numbers = ["PN" + "1e" * 16, "PN" + "2e" * 16]
    made = [ok(api.post(path, {"ChannelEndpointType": "phone-number", "ChannelEndpointSid": sid}), 201) for sid in numbers]
    assert list(made[0]) == ["sid", "customer_profile_sid", "account_sid", "channel_endpoint_type", "channel_endpoint_sid", "date_created", "url"]
    assert [r["sid"] for r in ok(api.get(path, params={"ChannelEndpointSid": numbers[1]}))["results"]] == [made[1]["sid"]]
    assert len(ok(api.get(path, params={"ChannelEndpointSids": ",".join(numbers)}))["results"]) == 2
    assert ok(api.get(f"{path}/{made[0]['sid']}")) == made[0]
    assert error(api.post(path, {"ChannelEndpointType": "phone-number"}))[:2] == (400, 20001)
    assert api.delete(f"{path}/{made[0]['sid']}").status_code == 204
    assert [r["sid"] for r in ok(api.get(path))["results"]] == [made[1]["sid"]]


def test_end_users_and_documents(api: Api) -> None:
    user = create_entity(api, "EndUsers", "authorized_representative_1", REPRESENTATIVE, name="rep")
    assert list(user) == ["sid", "account_sid", "friendly_name", "type", "attributes", "date_created", "date_updated", "url"]
    assert user["sid"].startswith("IT") and user["attributes"] == REPRESENTATIVE and user["url"] == f"{TRUSTHUB}/EndUsers/{user['sid']}"
    changed = ok(api.post(f"/trusthub/v1/EndUsers/{user['sid']}", {"FriendlyName": "rep 2", "Attributes": '{"first_name": "Sam"}'}))
    assert (changed["friendly_name"], changed["attributes"], changed["type"]) == ("rep 2", {"first_name": "Sam"}, "authorized_representative_1")
    assert [u["sid"] for u in ok(api.get("/trusthub/v1/EndUsers"))["results"]] == [user["sid"]]
    document = create_entity(api, "SupportingDocuments", "customer_profile_address", {"address_sids": "AD" + "0" * 32})
    assert (document["status"], document["mime_type"], document["sid"][:2]) == ("DRAFT", None, "RD")
    for form in ({"FriendlyName": "x", "Type": "passport"}, {"FriendlyName": "x"}, {"Type": "authorized_representative_1"},
                 {"FriendlyName": "x", "Type": "authorized_representative_1", "Attributes": "[1]"},
                 {"FriendlyName": "x", "Type": "authorized_representative_1", "Attributes": "{"}):
        assert error(api.post("/trusthub/v1/EndUsers", form))[:2] == (400, 20001), form
    assert api.delete(f"/trusthub/v1/SupportingDocuments/{document['sid']}").status_code == 204
    assert error(api.get(f"/trusthub/v1/SupportingDocuments/{document['sid']}"))[:2] == (404, 20404)


def test_reference_data(api: Api) -> None:
    policies = ok(api.get("/trusthub/v1/Policies"))
    sids = [p["sid"] for p in policies["results"]]
    assert {SECONDARY_POLICY, A2P_POLICY, PRIMARY_POLICY} <= set(sids) and policies["meta"]["key"] == "results"
    secondary = ok(api.get(f"/trusthub/v1/Policies/{SECONDARY_POLICY}"))
    assert [r["type"] for r in secondary["requirements"]["end_user"]] == [
        "customer_profile_business_information", "authorized_representative_1", "authorized_representative_2"]
    assert secondary["requirements"]["supporting_document"][0][0]["accepted_documents"][0]["type"] == "customer_profile_address"
    assert secondary["requirements"]["supporting_customer_profiles"][0]["requirement_name"] == "primary_customer_profile"
    a2p = ok(api.get(f"/trusthub/v1/Policies/{A2P_POLICY}"))
    assert a2p["requirements"]["end_user"][0]["type"] == "us_a2p_messaging_profile_information"
    assert error(api.get("/trusthub/v1/Policies/RN" + "0" * 32))[:2] == (404, 20404)
    types = ok(api.get("/trusthub/v1/EndUserTypes"))
    assert types["meta"]["key"] == "end_user_types"
    rep = ok(api.get("/trusthub/v1/EndUserTypes/authorized_representative_1"))
    assert rep["sid"].startswith("OY") and ok(api.get(f"/trusthub/v1/EndUserTypes/{rep['sid']}")) == rep
    assert {f["machine_name"] for f in rep["fields"]} == set(REPRESENTATIVE)
    documents = ok(api.get("/trusthub/v1/SupportingDocumentTypes"))
    assert "customer_profile_address" in [d["machine_name"] for d in documents["supporting_document_types"]]


def test_accounts_are_isolated(api: Api, api_as: Callable[..., Api]) -> None:
    profile = create_bundle(api, "CustomerProfiles", SECONDARY_POLICY)["sid"]
    other = api_as(ACCOUNT_B, TOKEN_B)
    assert [b["sid"] for b in ok(other.get("/trusthub/v1/CustomerProfiles"))["results"]] == [PRIMARY_B]
    assert error(other.get(f"/trusthub/v1/CustomerProfiles/{profile}"))[:2] == (404, 20404)
    own = create_bundle(other, "CustomerProfiles", SECONDARY_POLICY)["sid"]
    status, code, message = error(other.post(f"/trusthub/v1/CustomerProfiles/{own}/EntityAssignments", {"ObjectSid": profile}))
    assert (status, code) == (400, 20001) and "of this account" in message
    assert assign(api, "CustomerProfiles", profile, PRIMARY_A)["object_sid"] == PRIMARY_A
