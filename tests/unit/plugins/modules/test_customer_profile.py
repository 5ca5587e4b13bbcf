"""customer_profile against requests-mock: a small stateful Trust Hub (TrustHubFake) answering in the spec's shapes.

Create from empty, rerun, resume after an interruption, update in draft, refusal in review, evaluation failures, rejection,
wait, check mode, personal data never in the output, bad input refused before any request. trust_product's tests reuse the fake.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests_mock as requests_mock_module
from twilio_payloads import ACCOUNT_SID, AUTH

from ansible_collections.tendlc.twilio.plugins.modules import customer_profile

TRUSTHUB = "https://trusthub.twilio.com/v1"
ADDRESSES = "https://api.twilio.com/2010-04-01/Accounts/%s/Addresses" % ACCOUNT_SID
SECONDARY, A2P = "RNdfbf3fae0e1107f8aded0e7cead80bf5", "RNb0d4771c2c98518d916a3d4cd70a8f8b"
PRIMARY_POLICY = "RN" + "7" * 32
PRIMARY = "BU" + "9" * 32
STAMP = "2026-12-01T10:00:00Z"

# Personal data of the examples: none of it may show in a result, a diff or a message.
EIN, REP_EMAIL, REP_PHONE, FIRST, LAST, STREET, EMAIL = "12-3456789", "pat.rep@acme.example", "+15551230001", "Patricia", "Quarrington", \
    "742 Evergreen Terrace", "compliance@acme.example"
PII = (EIN, REP_EMAIL, REP_PHONE, FIRST, LAST, STREET, EMAIL)

BUSINESS = {
    "business_name": "Acme Plumbing LLC", "business_type": "Limited Liability Corporation", "business_industry": "CONSUMER",
    "business_registration_identifier": "EIN", "business_registration_number": EIN, "business_identity": "direct_customer",
    "business_regions_of_operation": ["USA_AND_CANADA"], "website_url": "https://acme.example",
}
REP = {"first_name": FIRST, "last_name": LAST, "email": REP_EMAIL, "phone_number": REP_PHONE, "business_title": "Owner", "job_position": "CEO"}
ADDRESS = {"customer_name": "Acme Plumbing LLC", "street": STREET, "city": "Springfield", "region": "IL", "postal_code": "62701"}
ARGS = {**AUTH, "friendly_name": "Acme Plumbing", "email": EMAIL, "primary_profile_sid": PRIMARY, "business": BUSINESS,
        "representatives": [REP], "address": ADDRESS}


class TrustHubFake:
    """Trust Hub v1 bundles, end users, supporting documents, assignments, evaluations, and 2010 addresses, in memory."""

    def __init__(self) -> None:
        self.bundles: dict[str, dict[str, Any]] = {}
        self.end_users: dict[str, dict[str, Any]] = {}
        self.documents: dict[str, dict[str, Any]] = {}
        self.addresses: dict[str, dict[str, Any]] = {}
        self.assignments: dict[str, list[dict[str, Any]]] = {}
        self.evaluations: dict[str, list[dict[str, Any]]] = {}
        self.failing: list[dict[str, Any]] = []  # results of a noncompliant evaluation; empty: compliant
        self.settle: list[str] = []  # statuses a fetched bundle goes through, one per fetch (wait)
        self.lost: set[str] = set()  # kinds (EndUsers, ...) whose next create is applied but answered 500 (its outcome unknown)
        self.ids = itertools.count(1)
        self.add_bundle(PRIMARY, "ISV primary", "isv@example.com", "twilio-approved", PRIMARY_POLICY, "CustomerProfiles")

    def sid(self, prefix: str) -> str:
        return "%s%032x" % (prefix, next(self.ids))

    def add_bundle(self, sid: str, name: str, email: str, status: str, policy: str, kind: str) -> dict[str, Any]:
        self.bundles[sid] = {
            "sid": sid, "account_sid": ACCOUNT_SID, "policy_sid": policy, "friendly_name": name, "status": status, "valid_until": None,
            "email": email, "status_callback": None, "date_created": STAMP, "date_updated": STAMP, "url": "%s/%s/%s" % (TRUSTHUB, kind, sid),
            "links": {}, "errors": None, "_kind": kind,
        }
        self.assignments[sid], self.evaluations[sid] = [], []
        return self.bundles[sid]

    def install(self, mock: Any) -> None:
        mock.register_uri(requests_mock_module.ANY, requests_mock_module.ANY, json=self.handle)

    @staticmethod
    def public(record: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in record.items() if not k.startswith("_")}

    @staticmethod
    def page(key: str, items: list[dict[str, Any]], url: str) -> dict[str, Any]:
        return {key: items, "meta": {"page": 0, "page_size": 1000, "first_page_url": url, "previous_page_url": None, "next_page_url": None,
                                     "url": url, "key": key}}

    def handle(self, request: Any, context: Any) -> Any:
        form = {k: v[0] for k, v in parse_qs(request.text or "").items()}
        query = {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}
        path = urlsplit(request.url).path
        method = request.method
        context.status_code = 201 if method == "POST" else 200
        if path.startswith("/2010-04-01/"):
            return self.address(method, path, form, query, context)
        match = re.fullmatch(r"/v1/(CustomerProfiles|TrustProducts)(?:/(BU\w+))?(?:/(EntityAssignments|Evaluations))?", path)
        if match:
            return self.bundle(method, match.group(1), match.group(2), match.group(3), form, query, context)
        match = re.fullmatch(r"/v1/(EndUsers|SupportingDocuments)(?:/(\w+))?", path)
        if match:
            return self.entity(method, match.group(1), match.group(2), form, context)
        raise AssertionError("unexpected %s %s" % (method, request.url))

    def not_found(self, context: Any) -> dict[str, Any]:
        context.status_code = 404
        return {"code": 20404, "message": "The requested resource was not found", "more_info": "https://www.twilio.com/docs/errors/20404",
                "status": 404}

    def bundle(self, method: str, kind: str, sid: str | None, sub: str | None, form: dict[str, str], query: dict[str, str], context: Any) -> Any:
        url = "%s/%s" % (TRUSTHUB, kind)
        if sid is None and method == "GET":
            found = [self.public(b) for b in self.bundles.values() if b["_kind"] == kind
                     and query.get("FriendlyName", b["friendly_name"]) == b["friendly_name"] and query.get("PolicySid", b["policy_sid"]) == b["policy_sid"]]
            return self.page("results", found, url)
        if sid is None:
            record = self.add_bundle(self.sid("BU"), form["FriendlyName"], form["Email"], "draft", form["PolicySid"], kind)
            record["status_callback"] = form.get("StatusCallback")
            return self.public(record)
        if sid not in self.bundles:
            return self.not_found(context)
        record = self.bundles[sid]
        if sub == "EntityAssignments":
            if method == "GET":
                return self.page("results", self.assignments[sid], url)
            item = {"sid": self.sid("BV"), "account_sid": ACCOUNT_SID, "object_sid": form["ObjectSid"], "date_created": STAMP, "url": url}
            item["customer_profile_sid" if kind == "CustomerProfiles" else "trust_product_sid"] = sid
            self.assignments[sid].append(item)
            return item
        if sub == "Evaluations":
            if method == "GET":
                return self.page("results", self.evaluations[sid], url)
            item = {"sid": self.sid("EL"), "account_sid": ACCOUNT_SID, "policy_sid": form["PolicySid"], "status":
                    "noncompliant" if self.failing else "compliant", "results": copy.deepcopy(self.failing), "date_created": STAMP, "url": url}
            item["customer_profile_sid" if kind == "CustomerProfiles" else "trust_product_sid"] = sid
            self.evaluations[sid].append(item)
            return item
        if method == "POST":
            context.status_code = 200
            for param, field in (("Status", "status"), ("StatusCallback", "status_callback"), ("FriendlyName", "friendly_name"), ("Email", "email")):
                if param in form:
                    record[field] = form[param]
        elif self.settle and record["status"] != "twilio-approved" and sid != PRIMARY:
            record["status"] = self.settle.pop(0)
        return self.public(record)

    def entity(self, method: str, kind: str, sid: str | None, form: dict[str, str], context: Any) -> Any:
        store = self.end_users if kind == "EndUsers" else self.documents
        if sid is None and method == "GET":
            return self.page("results", list(store.values()), "%s/%s" % (TRUSTHUB, kind))
        if sid is None:
            sid = self.sid("IT" if kind == "EndUsers" else "RD")
            store[sid] = {"sid": sid, "account_sid": ACCOUNT_SID, "friendly_name": form["FriendlyName"], "type": form["Type"],
                          "attributes": json.loads(form.get("Attributes", "{}")), "date_created": STAMP, "date_updated": STAMP,
                          "url": "%s/%s/%s" % (TRUSTHUB, kind, sid)}
            if kind == "SupportingDocuments":
                store[sid].update(status="DRAFT", mime_type=None)
            if kind in self.lost:
                self.lost.discard(kind)
                context.status_code = 500
                return {"code": 20500, "message": "Internal Server Error", "more_info": "https://www.twilio.com/docs/errors/20500", "status": 500}
            return store[sid]
        if sid not in store:
            return self.not_found(context)
        if method == "POST":
            context.status_code = 200
            store[sid]["attributes"] = json.loads(form["Attributes"])
        return store[sid]

    def address(self, method: str, path: str, form: dict[str, str], query: dict[str, str], context: Any) -> Any:
        fields = {"CustomerName": "customer_name", "Street": "street", "StreetSecondary": "street_secondary", "City": "city", "Region": "region",
                  "PostalCode": "postal_code", "IsoCountry": "iso_country", "FriendlyName": "friendly_name"}
        match = re.search(r"/Addresses/(AD\w+)\.json$", path)
        if match is None and method == "GET":
            found = [a for a in self.addresses.values() if query.get("FriendlyName", a["friendly_name"]) == a["friendly_name"]]
            return {"addresses": found, "end": len(found), "first_page_uri": path, "next_page_uri": None, "page": 0, "page_size": 1000,
                    "previous_page_uri": None, "start": 0, "uri": path}
        if match is None:
            assert form.get("AutoCorrectAddress") == "false"
            sid = self.sid("AD")
            self.addresses[sid] = {"sid": sid, "account_sid": ACCOUNT_SID, "street_secondary": None, "emergency_enabled": False, "validated": False,
                                   "verified": False, "date_created": "Tue, 01 Dec 2026 10:00:00 +0000", "date_updated": "Tue, 01 Dec 2026 10:00:00 +0000",
                                   "uri": path.replace(".json", "/%s.json" % sid), **{fields[k]: v for k, v in form.items() if k in fields}}
            return self.addresses[sid]
        if match.group(1) not in self.addresses:
            return self.not_found(context)
        record = self.addresses[match.group(1)]
        if method == "POST":
            context.status_code = 200
            record.update({fields[k]: v for k, v in form.items() if k in fields})
        return record

    def assigned(self, sid: str) -> list[str]:
        return [a["object_sid"] for a in self.assignments[sid]]

    def secondary(self) -> dict[str, Any]:
        found = [b for b in self.bundles.values() if b["policy_sid"] == SECONDARY]
        assert len(found) == 1
        return found[0]


@pytest.fixture(name="hub")
def fixture_hub(requests_mock):
    fake = TrustHubFake()
    fake.install(requests_mock)
    return fake


def writes(mock) -> list[str]:
    return ["%s %s" % (r.method, urlsplit(r.url).path) for r in mock.request_history if r.method in ("POST", "DELETE")]


def no_pii(result: Any) -> None:
    text = json.dumps(result)
    for value in PII:
        assert value not in text, "personal data in the output"


def test_create_from_empty_builds_evaluates_and_submits_in_order(hub, requests_mock, run_module):
    result = run_module(customer_profile, ARGS, diff=True)
    assert result["changed"] is True and result["submitted"] is True, result
    profile = hub.secondary()
    assert profile["status"] == "pending-review" and profile["friendly_name"] == "Acme Plumbing"
    done = writes(requests_mock)
    bu = profile["sid"]
    assert done == [
        "POST /v1/CustomerProfiles",
        "POST /2010-04-01/Accounts/%s/Addresses.json" % ACCOUNT_SID,
        "POST /v1/SupportingDocuments",
        "POST /v1/EndUsers", "POST /v1/EndUsers",
    ] + ["POST /v1/CustomerProfiles/%s/EntityAssignments" % bu] * 4 + ["POST /v1/CustomerProfiles/%s/Evaluations" % bu, "POST /v1/CustomerProfiles/%s" % bu]
    entities = result["entities"]
    assert set(hub.assigned(bu)) == {entities["business_information"], entities["authorized_representative_1"], entities["supporting_document"], PRIMARY}
    assert hub.documents[entities["supporting_document"]]["attributes"] == {"address_sids": entities["address"]}
    business = hub.end_users[entities["business_information"]]
    assert business["friendly_name"] == "Acme Plumbing - business information"
    assert business["attributes"]["business_regions_of_operation"] == "USA_AND_CANADA"
    assert result["evaluation"]["status"] == "compliant" and result["customer_profile"]["sid"] == bu
    assert "email" not in result["customer_profile"]
    assert result["diff"]["after"]["authorized_representative_1"]["email"] == "(changed)"
    no_pii(result)


def test_two_representatives_and_a_long_name_fit_twilios_name_limit(hub, requests_mock, run_module):
    name = "A" * 64
    second = {**REP, "email": "second.rep@acme.example", "job_position": "CFO"}
    result = run_module(customer_profile, {**ARGS, "friendly_name": name, "representatives": [REP, second]})
    assert result["submitted"] is True
    names = [u["friendly_name"] for u in hub.end_users.values()] + [a["friendly_name"] for a in hub.addresses.values()]
    assert all(len(n) <= 64 for n in names) and "A" * 34 + " - authorized representative 2" in names
    assert hub.end_users[result["entities"]["authorized_representative_2"]]["type"] == "authorized_representative_2"
    again = run_module(customer_profile, {**ARGS, "friendly_name": name, "representatives": [REP, second]})
    assert again["changed"] is False and again["entities"] == result["entities"]


def test_rerun_is_a_no_op_without_any_write(hub, requests_mock, run_module):
    run_module(customer_profile, ARGS)
    before = len(writes(requests_mock))
    again = run_module(customer_profile, ARGS, diff=True)
    assert again["changed"] is False and again["submitted"] is False, again
    assert len(writes(requests_mock)) == before
    assert again["diff"]["before"] == again["diff"]["after"]
    assert again["diff"]["after"]["business_information"]["business_registration_number"] == "(set)"
    no_pii(again)


def test_a_draft_kept_by_submit_false_is_not_evaluated_again(hub, requests_mock, run_module):
    """The latest evaluation is compliant and nothing changed: no new evaluation, no write at all."""
    first = run_module(customer_profile, {**ARGS, "submit": False})
    assert first["submitted"] is False and hub.secondary()["status"] == "draft" and first["evaluation"]["status"] == "compliant"
    before = len(writes(requests_mock))
    again = run_module(customer_profile, {**ARGS, "submit": False})
    assert again["changed"] is False and len(writes(requests_mock)) == before
    assert again["evaluation"] == first["evaluation"]


def test_resume_adopts_an_unassigned_end_user_instead_of_creating_it_again(hub, requests_mock, run_module):
    profile = hub.add_bundle("BU" + "1" * 32, "Acme Plumbing", EMAIL, "draft", SECONDARY, "CustomerProfiles")
    hub.end_users["IT" + "1" * 32] = {"sid": "IT" + "1" * 32, "account_sid": ACCOUNT_SID, "friendly_name": "Acme Plumbing - business information",
                                      "type": "customer_profile_business_information", "date_created": STAMP, "date_updated": STAMP, "url": "",
                                      "attributes": {**BUSINESS, "business_regions_of_operation": "USA_AND_CANADA"}}
    result = run_module(customer_profile, ARGS)
    assert result["entities"]["business_information"] == "IT" + "1" * 32
    assert [u["type"] for u in hub.end_users.values()] == ["customer_profile_business_information", "authorized_representative_1"]
    assert "IT" + "1" * 32 in hub.assigned(profile["sid"])
    assert "POST /v1/EndUsers/%s" % ("IT" + "1" * 32) not in writes(requests_mock)  # same attributes: not updated
    assert writes(requests_mock).count("POST /v1/CustomerProfiles") == 0


def test_an_address_made_before_an_interruption_is_adopted_by_its_name(hub, requests_mock, run_module):
    hub.add_bundle("BU" + "2" * 32, "Acme Plumbing", EMAIL, "draft", SECONDARY, "CustomerProfiles")
    hub.addresses["AD" + "2" * 32] = {"sid": "AD" + "2" * 32, "account_sid": ACCOUNT_SID, "friendly_name": "Acme Plumbing - address",
                                      "street_secondary": None, "iso_country": "US", **ADDRESS}
    result = run_module(customer_profile, ARGS)
    assert result["entities"]["address"] == "AD" + "2" * 32 and len(hub.addresses) == 1
    assert hub.documents[result["entities"]["supporting_document"]]["attributes"] == {"address_sids": "AD" + "2" * 32}


def test_a_create_with_an_unknown_outcome_is_looked_up_not_repeated(hub, requests_mock, run_module):
    hub.lost = {"EndUsers"}
    result = run_module(customer_profile, {**ARGS, "retry_backoff": 0})
    assert result["submitted"] is True, result.get("msg")
    assert sorted(u["type"] for u in hub.end_users.values()) == ["authorized_representative_1", "customer_profile_business_information"]


def test_two_unassigned_parts_of_the_same_name_fail_listing_them_before_any_write(hub, requests_mock, run_module):
    for char in "34":
        hub.end_users["IT" + char * 32] = {"sid": "IT" + char * 32, "account_sid": ACCOUNT_SID, "friendly_name": "Acme Plumbing - business information",
                                           "type": "customer_profile_business_information", "attributes": {}, "date_created": STAMP,
                                           "date_updated": STAMP, "url": ""}
    result = run_module(customer_profile, ARGS)
    assert result["failed"] is True and "IT" + "3" * 32 in result["msg"] and "IT" + "4" * 32 in result["msg"]
    assert writes(requests_mock) == []


def test_a_change_in_draft_updates_only_that_end_user(hub, requests_mock, run_module):
    run_module(customer_profile, {**ARGS, "submit": False})
    before = len(writes(requests_mock))
    changed = run_module(customer_profile, {**ARGS, "submit": False, "business": {**BUSINESS, "website_url": "https://www.acme.example"}}, diff=True)
    assert changed["changed"] is True
    sid = changed["entities"]["business_information"]
    new = writes(requests_mock)[before:]
    assert new == ["POST /v1/EndUsers/%s" % sid, "POST /v1/CustomerProfiles/%s/Evaluations" % hub.secondary()["sid"]]
    assert hub.end_users[sid]["attributes"]["website_url"] == "https://www.acme.example"
    assert hub.end_users[sid]["attributes"]["business_registration_number"] == EIN  # kept
    assert changed["diff"]["after"]["business_information"]["website_url"] == "https://www.acme.example"
    no_pii(changed)


@pytest.mark.parametrize("status", ["pending-review", "in-review", "twilio-approved"])
def test_a_difference_while_in_review_fails_naming_fields_with_zero_writes(hub, requests_mock, run_module, status):
    run_module(customer_profile, ARGS)
    hub.secondary()["status"] = status
    before = len(writes(requests_mock))
    refused = run_module(customer_profile, {**ARGS, "representatives": [{**REP, "email": "other.rep@acme.example"}],
                                            "business": {**BUSINESS, "business_industry": "RETAIL"}})
    assert refused["failed"] is True and refused["changed"] is False
    assert "representatives[0].email" in refused["msg"] and "business.business_industry" in refused["msg"] and status in refused["msg"]
    assert "other.rep" not in refused["msg"] and "RETAIL" not in refused["msg"]
    assert len(writes(requests_mock)) == before
    no_pii(refused)


def test_a_noncompliant_evaluation_fails_before_submission_listing_fields(hub, requests_mock, run_module):
    hub.failing = [{"friendly_name": "Business Information", "object_type": "customer_profile_business_information", "passed": False,
                    "failure_reason": "Incomplete", "error_code": 22214, "valid": [], "requirement_friendly_name": "Business Information",
                    "requirement_name": "business_info", "invalid": [{"friendly_name": "Business Name", "object_field": "business_name",
                                                                      "failure_reason": "The Business Name is missing.", "error_code": 22215}]}]
    result = run_module(customer_profile, ARGS)
    assert result["failed"] is True and result["changed"] is True
    assert "Business Information: business_name: The Business Name is missing." in result["msg"]
    assert result["evaluation"]["failures"] == [{"requirement": "Business Information", "field": "business_name",
                                                 "reason": "The Business Name is missing.", "error_code": 22215}]
    assert hub.secondary()["status"] == "draft"
    assert not any(w == "POST /v1/CustomerProfiles/%s" % hub.secondary()["sid"] for w in writes(requests_mock))
    assert result["entities"]["business_information"].startswith("IT")  # what was written
    no_pii(result)


def test_rejected_without_change_fails_with_twilios_errors(hub, requests_mock, run_module):
    run_module(customer_profile, ARGS)
    profile = hub.secondary()
    profile.update(status="twilio-rejected", errors=[{"code": 18601}])
    before = len(writes(requests_mock))
    result = run_module(customer_profile, ARGS)
    assert result["failed"] is True and "twilio-rejected" in result["msg"]
    assert "18601" in result["msg"] and "https://www.twilio.com/docs/errors/18601" in result["msg"]
    assert len(writes(requests_mock)) == before
    # The failure names the bundle, so a role or an audit can report it without reading the message.
    assert (result["sid"], result["status"], result["errors"]) == (profile["sid"], "twilio-rejected", [{"code": 18601}])


def test_rejected_with_a_change_is_updated_evaluated_and_resubmitted(hub, requests_mock, run_module):
    run_module(customer_profile, ARGS)
    hub.secondary().update(status="twilio-rejected", errors=[{"code": 18601}])
    result = run_module(customer_profile, {**ARGS, "address": {**ADDRESS, "postal_code": "62702"}})
    assert result["changed"] is True and result["submitted"] is True
    assert hub.secondary()["status"] == "pending-review"
    assert hub.addresses[result["entities"]["address"]]["postal_code"] == "62702"


@pytest.mark.parametrize("settle, outcome", [
    (["in-review", "twilio-approved"], "twilio-approved"),
    (["in-review", "twilio-rejected"], "rejected"),
    (["in-review"] * 50, "timeout"),
])
def test_wait(hub, requests_mock, run_module, settle, outcome, monkeypatch):
    now = [0.0]  # a clock that each sleep moves on
    monkeypatch.setattr("time.monotonic", lambda: now[0])
    monkeypatch.setattr("time.sleep", lambda seconds: now.__setitem__(0, now[0] + seconds))
    hub.settle = list(settle)
    result = run_module(customer_profile, {**ARGS, "wait": True, "wait_timeout": 60, "poll_interval": 1})
    if outcome == "twilio-approved":
        assert result["customer_profile"]["status"] == "twilio-approved" and result["changed"] is True
    elif outcome == "rejected":
        assert result["failed"] is True and "twilio-rejected" in result["msg"] and result["customer_profile"]["status"] == "twilio-rejected"
    else:
        assert result["failed"] is True and "Timed out" in result["msg"] and "in-review" in result["msg"]


def test_check_mode_plans_everything_and_writes_nothing(hub, requests_mock, run_module):
    planned = run_module(customer_profile, ARGS, check_mode=True, diff=True)
    assert writes(requests_mock) == []
    assert planned["changed"] is True and planned["submitted"] is True
    assert planned["customer_profile"]["status"] == "draft" and "sid" not in planned["customer_profile"]
    assert planned["entities"] == {"business_information": None, "authorized_representative_1": None, "address": None,
                                   "supporting_document": None, "primary_profile": PRIMARY}
    assert planned["diff"]["before"] == {}
    no_pii(planned)
    run_module(customer_profile, ARGS)
    again = run_module(customer_profile, ARGS, check_mode=True)
    assert again["changed"] is False


@pytest.mark.parametrize("change, field, shown", [
    ({"email": "not-an-email"}, "email", False),
    ({"primary_profile_sid": "BU123"}, "primary_profile_sid", True),
    ({"status_callback": "ftp://x"}, "status_callback", True),
    ({"business": {**BUSINESS, "business_registration_number": ""}}, "business.business_registration_number", False),
    ({"business": {**BUSINESS, "business_regions_of_operation": ["MARS"]}}, "business.business_regions_of_operation[0]", True),
    ({"business": {**BUSINESS, "website_url": "acme"}}, "business.website_url", True),
    ({"representatives": [{**REP, "phone_number": "5551230001"}]}, "representatives[0].phone_number", False),
    ({"representatives": [{**REP, "email": "pat at acme"}]}, "representatives[0].email", False),
    ({"representatives": [REP, REP, REP]}, "representatives", True),
    ({"representatives": []}, "representatives", True),
    ({"address": {**ADDRESS, "iso_country": "USA"}}, "address.iso_country", True),
    ({"address": {**ADDRESS, "street": " "}}, "address.street", False),
])
def test_bad_input_is_refused_before_any_request(requests_mock, run_module, change, field, shown):
    args = copy.deepcopy({**ARGS, **change})
    result = run_module(customer_profile, args)
    assert result["failed"] is True and field in result["msg"], result["msg"]
    assert requests_mock.request_history == []
    bad = next(iter(change.values()))
    value = {"email": "not-an-email", "business.business_registration_number": "", "representatives[0].phone_number": "5551230001",
             "representatives[0].email": "pat at acme"}.get(field)
    if value and not shown:
        assert value not in result["msg"]
    assert bad is not None


def test_a_primary_profile_not_approved_is_refused_before_any_write(hub, requests_mock, run_module):
    hub.bundles[PRIMARY]["status"] = "in-review"
    result = run_module(customer_profile, ARGS)
    assert result["failed"] is True and "twilio-approved" in result["msg"]
    assert writes(requests_mock) == []


def test_a_primary_profile_these_credentials_cannot_read_is_refused_before_any_write(hub, requests_mock, run_module):
    # Twilio's prerequisite is a twilio-approved primary profile in the same account: an unknown SID (a typo) must not
    # leave a bundle, end users and an address behind before Twilio refuses its assignment.
    del hub.bundles[PRIMARY]
    result = run_module(customer_profile, ARGS)
    assert result["failed"] is True and result["changed"] is False
    assert "primary_profile_sid %s" % PRIMARY in result["msg"] and "nothing was written" in result["msg"]
    assert writes(requests_mock) == []


def test_a_blank_personal_value_is_refused_in_a_readable_message(requests_mock, run_module):
    # A no_log value of " " once masked every space of the message ("last_name********must********be...").
    result = run_module(customer_profile, copy.deepcopy({**ARGS, "representatives": [{**REP, "last_name": " "}]}))
    assert result["failed"] is True and "representatives[0].last_name" in result["msg"]
    assert "********" not in result["msg"] and " " in result["msg"], result["msg"]
    assert requests_mock.request_history == []


@pytest.mark.parametrize("change, field", [
    ({"business": {**BUSINESS, "business_registration_number": ["87-4190362"]}}, "business.business_registration_number is a list"),
    ({"representatives": [{**REP, "last_name": {"family": "Smith"}}]}, "representatives[0].last_name is a mapping"),
    ({"business": {**BUSINESS, "business_regions_of_operation": [["USA_AND_CANADA"]]}}, "business.business_regions_of_operation[0] is a list"),
    ({"friendly_name": ["Acme"]}, "friendly_name is a list"),
])
def test_a_list_or_mapping_for_a_text_is_refused_before_any_request(requests_mock, run_module, change, field):
    # Ansible turns ['87-4190362'] into the text "['87-4190362']" for a str option: once sent to Twilio and submitted.
    result = run_module(customer_profile, copy.deepcopy({**ARGS, **change}))
    assert result["failed"] is True and result["msg"].startswith(field), result["msg"]
    assert "87-4190362" not in result["msg"] and "Smith" not in result["msg"]
    assert requests_mock.request_history == []
