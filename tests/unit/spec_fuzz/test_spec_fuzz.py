"""The schemathesis stage's own parts (tests/spec_fuzz): what it fuzzes, its URI format, and that it counts failures."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema_rs
import pytest
import requests
import requests_mock
import schemathesis
import yaml
from schemathesis.config import SchemathesisConfig

from contract.spec_fetch import fetch_spec
from spec_fuzz.formats import spell_out_uri_format
from spec_fuzz.fuzz import Tally, Target, check_answer, fuzz
from spec_fuzz.operations import add_created_sids, corrected_spec, fixed_paths, path_parameters, seed_sids, seeded_paths, served, spec_shapes

SEED = Path(__file__).resolve().parents[2] / "spec_fuzz" / "seed.yml"
ACCOUNT = "AC5c0e0000000000000000000000000001"
BASE = "http://127.0.0.1:9/messaging"


@pytest.fixture(name="messaging", scope="module")
def fixture_messaging() -> schemathesis.BaseSchema:
    document = corrected_spec(fetch_spec(), "messaging")
    return schemathesis.openapi.from_dict(document, config=SchemathesisConfig.from_dict({"generation": {"with-security-parameters": False}}))


@pytest.mark.parametrize("product", ["messaging", "api"])
def test_every_route_the_emulator_serves_is_in_the_spec(product: str) -> None:
    routes = served(product)
    assert ("POST", "/v1/Services" if product == "messaging" else "/2010-04-01/Accounts/{}/IncomingPhoneNumbers/{}.json") in routes
    assert not routes - spec_shapes(corrected_spec(fetch_spec(), product))


@pytest.mark.parametrize(("value", "relative", "valid"), [
    ("https://example.com/sms", False, True),
    ("", False, True),
    ("not a url", False, False),
    ("/2010-04-01/Accounts/AC1.json", False, False),
    ("/2010-04-01/Accounts/AC1.json", True, True),
    ("//example.com/x", True, False),
])
def test_uri_format_reads_as_the_contract_checks(value: str, relative: bool, valid: bool) -> None:
    document = {"properties": {"url": {"type": "string", "format": "uri"}}}
    schema = spell_out_uri_format(document, relative_uris=relative)
    validator = jsonschema_rs.Draft4Validator(schema, validate_formats=True)
    assert validator.is_valid({"url": value}) is valid


def test_seeded_paths_use_the_seed_and_the_account(messaging: schemathesis.BaseSchema) -> None:
    sids = seed_sids(yaml.safe_load(SEED.read_text(encoding="utf-8")))
    assert sids["BN"] == ["BN5c0e0000000000000000000000000001", "BN5c0e0000000000000000000000000002"]
    parameters = path_parameters(messaging["/v1/a2p/BrandRegistrations/{Sid}"]["POST"])
    assert list(seeded_paths(parameters, sids, ACCOUNT)) == [{"Sid": sid} for sid in sids["BN"]]
    assert fixed_paths(parameters, ACCOUNT) == {}


def test_setup_sids_fill_parameters_the_spec_leaves_untyped(messaging: schemathesis.BaseSchema) -> None:
    sids = seed_sids(yaml.safe_load(SEED.read_text(encoding="utf-8")))
    alpha = path_parameters(messaging["/v1/Services/{ServiceSid}/AlphaSenders/{Sid}"]["GET"])
    assert [parameter.key for parameter in alpha] == ["MG", "/v1/Services/{}/AlphaSenders"]
    assert not list(seeded_paths(alpha, sids, ACCOUNT))
    service = "MG5c0e0000000000000000000000000001"
    created = [(f"/messaging/v1/Services/{service}/AlphaSenders", "AI" + "1" * 32),
               (f"/messaging/v1/Services/{service}/Compliance/Usa2p", "QE" + "2" * 32)]
    both = add_created_sids(sids, created)
    assert list(seeded_paths(alpha, both, ACCOUNT)) == [{"ServiceSid": service, "Sid": "AI" + "1" * 32}]
    campaign = path_parameters(messaging["/v1/Services/{MessagingServiceSid}/Compliance/Usa2p/{Sid}"]["GET"])
    assert list(seeded_paths(campaign, both, ACCOUNT)) == [{"MessagingServiceSid": service, "Sid": "QE" + "2" * 32}]
    assert both["PN"] == sids["PN"]


def _tally(messaging: schemathesis.BaseSchema, answer: dict) -> Tally:
    session, tally = requests.Session(), Tally()
    with requests_mock.Mocker(session=session) as mock:
        mock.post("http://127.0.0.1:9/_emulator/reset", json={"status": "reset"})
        mock.get(BASE + "/v1/Services", headers={"Content-Type": "application/json"}, **answer)
        fuzz(messaging["/v1/Services"]["GET"], ([], {}), Target("http://127.0.0.1:9", "messaging", session), tally,
             max_examples=5, seed=1)
    return tally


def test_a_server_error_is_a_failure(messaging: schemathesis.BaseSchema) -> None:
    tally = _tally(messaging, {"status_code": 500, "json": {"code": 20500, "message": "Internal Server Error"}})
    assert tally.operations == 1 and tally.cases == 5 and tally.failures_found == 5
    assert list(tally.failures) == ["GET /v1/Services: 500: Server error"]


def test_a_schema_violation_is_a_failure(messaging: schemathesis.BaseSchema) -> None:
    tally = _tally(messaging, {"status_code": 200, "json": {"services": "not a list", "meta": {}}})
    assert tally.failures_found == 5 and "Response violates schema" in next(iter(tally.failures))


def test_a_conforming_answer_passes(messaging: schemathesis.BaseSchema) -> None:
    page = json.loads(json.dumps({"services": [], "meta": {"page": 0, "page_size": 50, "first_page_url": "https://messaging.twilio.com/v1/Services",
                                                           "previous_page_url": None, "next_page_url": None,
                                                           "url": "https://messaging.twilio.com/v1/Services", "key": "services"}}))
    tally = _tally(messaging, {"status_code": 200, "json": page})
    assert tally.cases == 5 and not tally.failures and tally.statuses == {200: 5}


@pytest.mark.parametrize(("body", "failures"), [
    ({"sid": "AI" + "1" * 32, "alpha_sender": 12},
     ["POST /v1/Services/{ServiceSid}/AlphaSenders: 201: Response violates schema: 12 is not valid under any of the schemas listed in the 'anyOf' keyword"]),
    ({"sid": "AI" + "1" * 32, "alpha_sender": "FuzzCo"}, []),
])
def test_a_setup_answer_is_checked(messaging: schemathesis.BaseSchema, body: dict, failures: list) -> None:
    session, tally = requests.Session(), Tally()
    with requests_mock.Mocker(session=session) as mock:
        mock.post(BASE + "/v1/Services/MG1/AlphaSenders", status_code=201, headers={"Content-Type": "application/json"}, json=body)
        response = session.post(BASE + "/v1/Services/MG1/AlphaSenders", timeout=1)
    check_answer(messaging, messaging["/v1/Services/{ServiceSid}/AlphaSenders"]["POST"], response, tally)
    assert tally.cases == 1 and tally.statuses == {201: 1} and list(tally.failures) == failures
