"""Fault injection: each fault kind, rule scopes, seeded reproducibility, the admin route, the CLI, the log and the contract check."""

import time
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest
import requests

from contract.validator import assert_log_conforms
from emulator.cli import parse_args
from contract.log_records import FOREIGN_BODY_FAULTS
from emulator.fault_rules import FOREIGN_BODIES, KINDS, RuleError, rule_from_json, rule_from_text
from emulator.server import Emulator, start
from emulator.settings import Settings
from emulator_testkit import ACCOUNT_A, SEEDED_SERVICE, TOKEN_A, make_seed
from test_emulator_cli import READY, launch

SERVICES = "/messaging/v1/Services"
NUMBERS = f"/api/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers.json"


def _session() -> requests.Session:
    session = requests.Session()
    session.auth = (ACCOUNT_A, TOKEN_A)
    return session


def _faulted(text: str, seed: Optional[int] = None, log_path: Optional[Path] = None) -> Emulator:
    settings = Settings(faults=(rule_from_text(text),), fault_seed=seed)
    return start(make_seed(), log_path=str(log_path) if log_path else None, settings=settings)


def _services(emu: Emulator) -> list[str]:
    return [s["friendly_name"] for s in emu.state.snapshot()["accounts"][ACCOUNT_A]["services"]]


def _set_rules(emu: Emulator, body: Any) -> requests.Response:
    return requests.post(emu.url + "/_emulator/faults", json=body, timeout=10)


@pytest.fixture(name="plain")
def fixture_plain() -> Iterator[Emulator]:
    with start(make_seed()) as running:
        yield running


def test_without_rules_nothing_is_injected_nor_logged(plain: Emulator) -> None:
    assert _session().post(plain.url + SERVICES, data={"FriendlyName": "A"}, timeout=10).status_code == 201
    assert "fault" not in plain.requests[0]
    assert requests.get(plain.url + "/_emulator/faults", timeout=10).json() == {"seed": None, "rules": [], "injected": {}}


@pytest.mark.parametrize("kind, status, code, retry_after", [
    ("429", 429, 20429, "3"), ("429-no-retry-after", 429, 20429, None), ("503", 503, 20503, None),
])
def test_answers_that_are_not_applied(kind: str, status: int, code: int, retry_after: Optional[str]) -> None:
    with _faulted(f"{kind}=1 retry-after=3") as emu:
        response = _session().post(emu.url + SERVICES, data={"FriendlyName": "A"}, timeout=10)
        assert (response.status_code, response.headers.get("Retry-After")) == (status, retry_after)
        body = response.json()
        assert body == {"code": code, "message": body["message"], "more_info": f"https://www.twilio.com/docs/errors/{code}", "status": status}
        assert body["message"] == ("Too Many Requests" if status == 429 else "Service Unavailable")
        assert _services(emu) == ["Seeded"]
        [record] = emu.requests
        assert (record["status"], record["fault"], record["account_sid"]) == (status, kind, None)


def test_500_is_applied_then_answered_as_an_error() -> None:
    with _faulted("500=1") as emu:
        response = _session().post(emu.url + SERVICES, data={"FriendlyName": "A"}, timeout=10)
        assert response.status_code == 500 and response.json()["code"] == 20500
        assert _services(emu) == ["Seeded", "A"]
        assert (emu.requests[0]["status"], emu.requests[0]["fault"], emu.requests[0]["account_sid"]) == (500, "500", ACCOUNT_A)


def test_reset_before_drops_the_connection_and_applies_nothing() -> None:
    with _faulted("reset-before=1") as emu:
        with pytest.raises(requests.exceptions.ConnectionError):
            _session().post(emu.url + SERVICES, data={"FriendlyName": "A"}, timeout=10)
        assert _services(emu) == ["Seeded"]
        [record] = emu.requests
        assert (record["status"], record["response"], record["fault"], record["form"]) == (None, None, "reset-before", {"FriendlyName": "A"})


def test_reset_after_applies_the_write_and_the_client_never_hears() -> None:
    with _faulted("reset-after=1") as emu:
        with pytest.raises(requests.exceptions.ConnectionError):
            _session().post(emu.url + SERVICES, data={"FriendlyName": "A"}, timeout=10)
        assert _services(emu) == ["Seeded", "A"]
        [record] = emu.requests
        assert (record["status"], record["fault"], record["response"]["friendly_name"]) == (201, "reset-after", "A")


@pytest.mark.parametrize("kind", ["500", "reset-after"])
def test_faults_after_the_handler_spare_requests_it_refused(kind: str) -> None:
    """A retried delete must be able to hear its 404: only requests the handler applied (2xx) meet 500 or reset-after."""
    with _faulted(f"{kind}=1") as emu:
        session = _session()
        assert session.delete(emu.url + f"{SERVICES}/MG{'0' * 32}", timeout=10).status_code == 404
        assert session.post(emu.url + SERVICES, data={}, timeout=10).status_code == 400
        assert [r.get("fault") for r in emu.requests] == [None, None]
        assert requests.get(emu.url + "/_emulator/faults", timeout=10).json()["injected"] == {}


@pytest.mark.parametrize("kind, status", [("html-200", 200), ("html-401", 401), ("html-403", 403)])
def test_html_answers_are_pages_and_apply_nothing(kind: str, status: int) -> None:
    with _faulted(f"{kind}=1") as emu:
        response = _session().post(emu.url + SERVICES, data={"FriendlyName": "A"}, timeout=10)
        assert (response.status_code, response.headers["Content-Type"]) == (status, "text/html; charset=utf-8")
        assert response.text.startswith("<!DOCTYPE html>") and int(response.headers["Content-Length"]) == len(response.content)
        assert _services(emu) == ["Seeded"]
        [record] = emu.requests
        assert (record["status"], record["fault"], record["response"], record["account_sid"]) == (status, kind, response.text, None)


def test_empty_200_has_no_body_and_applies_nothing() -> None:
    with _faulted("empty-200=1") as emu:
        response = _session().get(emu.url + SERVICES, timeout=10)
        assert (response.status_code, response.headers["Content-Type"], response.content) == (200, "application/json", b"")
        assert (emu.requests[0]["response"], emu.requests[0]["fault"]) == (None, "empty-200")


def test_shape_200_applies_then_answers_a_page_without_its_list_or_an_array() -> None:
    with _faulted("shape-200=1") as emu:
        session = _session()
        page = session.get(emu.url + SERVICES, timeout=10).json()
        assert "services" not in page and page["meta"]["key"] == "services"
        created = session.post(emu.url + SERVICES, data={"FriendlyName": "A"}, timeout=10)
        assert created.status_code == 200 and created.json()[0]["friendly_name"] == "A"
        assert _services(emu) == ["Seeded", "A"]
        missing = session.get(emu.url + f"{SERVICES}/MG{'0' * 32}", timeout=10)
        assert missing.status_code == 404  # a refused request is answered as it is
        assert [r.get("fault") for r in emu.requests] == ["shape-200", "shape-200", None]


def test_next_page_url_points_a_pages_link_at_another_host(plain: Emulator) -> None:
    _set_rules(plain, {"rules": [{"method": "GET", "path": "/v1/Services", "next-page-url": "http://127.0.0.1:9"}]})
    session = _session()
    page = session.get(plain.url + SERVICES + "?PageSize=5", timeout=10).json()
    assert page["meta"]["next_page_url"] == "http://127.0.0.1:9/messaging/v1/Services?PageSize=5&Page=0"
    assert page["services"][0]["sid"] == SEEDED_SERVICE
    assert "next_page_url" not in session.get(plain.url + f"{SERVICES}/{SEEDED_SERVICE}", timeout=10).json()  # not a page: untouched
    assert [r.get("fault") for r in plain.requests] == ["next-page-url", None]
    faults = requests.get(plain.url + "/_emulator/faults", timeout=10).json()
    assert faults["rules"] == [{"method": "GET", "path": "/v1/Services", "next-page-url": "http://127.0.0.1:9", "retry-after": 1}]
    assert faults["injected"] == {"next-page-url": 1}


@pytest.mark.parametrize("value", ["127.0.0.1:9", "http://host/path", "ftp://host", "http://host:9?x=1", 9])
def test_next_page_url_must_be_a_bare_base_url(value: Any) -> None:
    with pytest.raises(RuleError, match="next-page-url: expected http"):
        rule_from_json({"next-page-url": value})


def test_the_contract_checker_knows_every_answer_that_is_not_twilios() -> None:
    assert FOREIGN_BODY_FAULTS == FOREIGN_BODIES and FOREIGN_BODIES <= set(KINDS)


def test_the_connection_serves_again_after_a_drop() -> None:
    with _faulted("method=DELETE reset-after=1") as emu:
        session = _session()
        with pytest.raises(requests.exceptions.ConnectionError):
            session.delete(emu.url + f"{SERVICES}/{SEEDED_SERVICE}", timeout=10)
        assert session.get(emu.url + SERVICES, timeout=10).json()["services"] == []


def test_product_and_route_scopes_and_the_most_specific_rule_wins(plain: Emulator) -> None:
    rules = [{"503": 1}, {"product": "api", "503": 0}, {"product": "messaging", "method": "POST", "path": "/v1/Services/{Sid}", "429": 1}]
    assert _set_rules(plain, {"rules": rules}).status_code == 200
    session = _session()
    assert session.get(plain.url + NUMBERS, timeout=10).status_code == 200  # product rule beats the global one
    assert session.get(plain.url + SERVICES, timeout=10).status_code == 503  # only the global rule matches
    assert session.post(plain.url + f"{SERVICES}/{SEEDED_SERVICE}", data={"FriendlyName": "B"}, timeout=10).status_code == 429  # the route
    assert session.post(plain.url + SERVICES, data={"FriendlyName": "C"}, timeout=10).status_code == 503  # another path: global
    assert [r.get("fault") for r in plain.requests] == [None, "503", "429", "503"]


def test_star_and_placeholders_match_one_segment() -> None:
    rule = rule_from_json({"path": "/v1/Services/*/PhoneNumbers", "429": 1})
    assert rule.matches("POST", "messaging", f"/v1/Services/{SEEDED_SERVICE}/PhoneNumbers")
    assert not rule.matches("POST", "messaging", f"/v1/Services/{SEEDED_SERVICE}/PhoneNumbers/PN1")
    assert not rule.matches("POST", "messaging", "/v1/Services")


def _fault_sequence(seed: int) -> list[Optional[str]]:
    with _faulted("429=0.3 503=0.1 reset-before=0.1 retry-after=0", seed=seed) as emu:
        session = _session()
        for _request in range(40):
            try:
                session.get(emu.url + SERVICES, timeout=10)
            except requests.exceptions.ConnectionError:
                session = _session()
        return [r.get("fault") for r in emu.requests]


def test_a_seed_makes_serial_faults_reproducible() -> None:
    first, again, other = _fault_sequence(7), _fault_sequence(7), _fault_sequence(8)
    assert first == again
    assert first != other
    assert {"429", "503", "reset-before"} <= set(first) and None in first


def test_probabilities_are_respected_over_many_requests() -> None:
    with _faulted("429=0.2 503=0.05 retry-after=0", seed=3) as emu:
        session = _session()
        statuses = [session.get(emu.url + SERVICES, timeout=10).status_code for _request in range(600)]
        assert 90 <= statuses.count(429) <= 150 and 15 <= statuses.count(503) <= 50
        injected = requests.get(emu.url + "/_emulator/faults", timeout=10).json()["injected"]
        assert injected == {"429": statuses.count(429), "503": statuses.count(503)}


def test_rule_latency_slows_only_the_matching_requests(plain: Emulator) -> None:
    _set_rules(plain, {"rules": [{"product": "api", "latency-ms": 300}]})
    session = _session()
    began = time.monotonic()
    session.get(plain.url + SERVICES, timeout=10)
    middle = time.monotonic()
    session.get(plain.url + NUMBERS, timeout=10)
    assert middle - began < 0.3 <= time.monotonic() - middle
    assert all("fault" not in r for r in plain.requests)


def test_admin_route_reads_sets_reseeds_and_reset_restores_the_start_up_rules() -> None:
    with _faulted("product=messaging 429=0.5", seed=11) as emu:
        route = emu.url + "/_emulator/faults"
        start_up = {"seed": 11, "rules": [{"product": "messaging", "429": 0.5, "retry-after": 1}], "injected": {}}
        assert requests.get(route, timeout=10).json() == start_up
        answer = _set_rules(emu, {"rules": [{"method": "get", "path": "/v1/Services", "503": 0.25, "latency-ms": 5, "retry-after": 0}], "seed": 5})
        assert answer.json() == {"seed": 5, "rules": [{"method": "GET", "path": "/v1/Services", "503": 0.25, "latency-ms": 5.0, "retry-after": 0}],
                                 "injected": {}}
        assert _set_rules(emu, {"rules": []}).json()["seed"] == 5  # without "seed" the RNG goes on
        _session().get(emu.url + SERVICES, timeout=10)
        assert requests.post(emu.url + "/_emulator/reset", timeout=10).status_code == 200
        assert requests.get(route, timeout=10).json() == start_up


@pytest.mark.parametrize("body, text", [
    ({}, 'expected a JSON object body with "rules"'),
    ({"rules": {"429": 1}}, "rules: expected a list of rule objects"),
    ({"rules": [{"429": 1.5}]}, "rules[0]: 429: expected a probability from 0 to 1, got 1.5"),
    ({"rules": [{"429": 0.6, "503": 0.6}]}, "rules[0]: the fault probabilities add up to more than 1"),
    ({"rules": [{"timeout": 0.1}]}, "rules[0]: unknown rule key(s) timeout"),
    ({"rules": [{"path": "v1/Services"}]}, "rules[0]: path: expected a path without the product"),
    ({"rules": [{"retry-after": 1.5}]}, "rules[0]: retry-after: expected whole seconds from 0 to 3600, got 1.5"),
    ({"rules": [{"latency-ms": -1}]}, "rules[0]: latency-ms: expected 0 to 60000"),
    ({"rules": [{"500": True}]}, "rules[0]: 500: expected a number, got True"),
    ({"rules": [], "seed": "x"}, "seed: expected a whole number or null"),
])
def test_admin_route_refuses_bad_rules_and_keeps_the_old_ones(plain: Emulator, body: Any, text: str) -> None:
    _set_rules(plain, {"rules": [{"503": 0.5}]})
    response = _set_rules(plain, body)
    assert (response.status_code, response.json()["code"]) == (400, 20001)
    assert text in response.json()["message"]
    assert requests.get(plain.url + "/_emulator/faults", timeout=10).json()["rules"] == [{"503": 0.5, "retry-after": 1}]


def test_cli_rules_parse_and_bad_ones_exit() -> None:
    args = parse_args(["--seed", "s.yml", "--fault", "429=0.2 503=0.05", "--fault", "product=api method=GET reset-after=1", "--fault-seed", "4"])
    assert [rule.to_json() for rule in args.fault] == [
        {"429": 0.2, "503": 0.05, "retry-after": 1},
        {"product": "api", "method": "GET", "reset-after": 1.0, "retry-after": 1},
    ]
    assert args.fault_seed == 4
    assert parse_args(["--seed", "s.yml"]).fault == []
    for bad in (["--fault", "429"], ["--fault", "429=2"], ["--fault", "429=0.1 429=0.2"], ["--fault", ""], ["--fault-seed", "x"]):
        with pytest.raises(SystemExit):
            parse_args(["--seed", "s.yml", *bad])
    with pytest.raises(RuleError, match="expected key=value words, got 'oops'"):
        rule_from_text("429=0.1 oops")


def test_cli_faults_reach_the_server(tmp_path: Path) -> None:
    process = launch(tmp_path, make_seed(), "--fault", "method=POST 429=1 retry-after=0", "--fault-seed", "1")
    try:
        assert process.stdout is not None
        ready = READY.match(process.stdout.readline())
        assert ready
        session = _session()
        assert session.get(ready.group(1) + SERVICES, timeout=10).status_code == 200
        limited = session.post(ready.group(1) + SERVICES, data={"FriendlyName": "A"}, timeout=10)
        assert (limited.status_code, limited.headers["Retry-After"]) == (429, "0")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_log_with_every_fault_kind_passes_the_contract_check(tmp_path: Path) -> None:
    log = tmp_path / "requests.jsonl"
    with start(make_seed(), log_path=str(log)) as emu:
        for kind in KINDS:
            _set_rules(emu, {"rules": [{kind: 1}]})
            try:
                _session().post(emu.url + SERVICES, data={"FriendlyName": kind}, timeout=10)
            except requests.exceptions.ConnectionError:
                pass
    assert sorted(r["fault"] for r in emu.requests) == sorted(KINDS)
    assert_log_conforms(log)
