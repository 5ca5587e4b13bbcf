"""The HTTP surface: every method the emulator does not serve is answered in Twilio's JSON (405 / 20004 with ``Allow``, or
404 / 20404), through faults, authentication and the request log like any request; HEAD replies carry no body."""

import base64
import http.client
import json
from typing import Any, Iterator, Optional
from urllib.parse import urlsplit

import pytest

from emulator.fault_rules import rule_from_text
from emulator.server import Emulator, start
from emulator.settings import Settings
from emulator_testkit import ACCOUNT_A, SEEDED_SERVICE, TOKEN_A, make_seed

SERVICES = "/messaging/v1/Services"
AUTH = {"Authorization": "Basic " + base64.b64encode(f"{ACCOUNT_A}:{TOKEN_A}".encode()).decode()}


def _raw(emu: Emulator, method: str, path: str, headers: Optional[dict[str, str]] = None) -> tuple[http.client.HTTPResponse, bytes]:
    """One request over a raw socket (http.client sends any verb as it is), and the body read off it."""
    parts = urlsplit(emu.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request(method, path, headers=AUTH if headers is None else headers)
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


@pytest.fixture(name="plain")
def fixture_plain() -> Iterator[Emulator]:
    with start(make_seed()) as running:
        yield running


@pytest.mark.parametrize("method, path, allow", [
    ("OPTIONS", SERVICES, "GET, POST"),
    ("TRACE", SERVICES, "GET, POST"),
    ("FOO", SERVICES, "GET, POST"),
    ("PROPFIND", f"{SERVICES}/{SEEDED_SERVICE}", "GET, POST, DELETE"),
    ("PUT", f"{SERVICES}/{SEEDED_SERVICE}", "GET, POST, DELETE"),
    ("OPTIONS", f"/api/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers.json", "GET"),
    # A literal path is its own resource, not a {Sid} of the pattern beside it: only its own methods are allowed.
    ("OPTIONS", f"{SERVICES}/Usecases", "GET"),
    ("DELETE", f"{SERVICES}/Usecases", "GET"),
    ("POST", f"{SERVICES}/Usecases", "GET"),
    ("GET", f"{SERVICES}/PreregisteredUsa2p", "POST"),
])
def test_unserved_method_on_known_path_is_twilio_405_with_allow(plain: Emulator, method: str, path: str, allow: str) -> None:
    response, body = _raw(plain, method, path)
    assert (response.status, response.getheader("Allow"), response.getheader("Content-Type")) == (405, allow, "application/json")
    assert json.loads(body) == {"code": 20004, "message": f"Method {method} not allowed",
                                "more_info": "https://www.twilio.com/docs/errors/20004", "status": 405}


@pytest.mark.parametrize("method", ["OPTIONS", "FOO", "PROPFIND", "TRACE"])
def test_unserved_method_on_unknown_path_is_twilio_404(plain: Emulator, method: str) -> None:
    response, body = _raw(plain, method, "/messaging/v1/Nothing")
    assert response.status == 404 and response.getheader("Allow") is None
    assert json.loads(body)["code"] == 20404


def test_head_is_405_without_a_body_and_the_connection_stays_usable(plain: Emulator) -> None:
    """HEAD is not in Twilio's specs (*unconfirmed* how Twilio answers it): a 405 whose Content-Length is the error's, no body."""
    parts = urlsplit(plain.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("HEAD", SERVICES, headers=AUTH)
        head = connection.getresponse()
        assert (head.status, head.getheader("Allow"), head.read()) == (405, "GET, POST", b"")
        assert int(head.getheader("Content-Length")) == len(json.dumps(
            {"code": 20004, "message": "Method HEAD not allowed", "more_info": "https://www.twilio.com/docs/errors/20004", "status": 405}))
        connection.request("GET", SERVICES, headers=AUTH)  # no stray body bytes in the keep-alive stream
        after = connection.getresponse()
        assert after.status == 200 and json.loads(after.read())["meta"]["key"] == "services"
    finally:
        connection.close()


def test_unserved_methods_are_authenticated_first(plain: Emulator) -> None:
    response, body = _raw(plain, "OPTIONS", SERVICES, headers={})
    assert (response.status, json.loads(body)["code"]) == (401, 20003)


def test_unserved_methods_are_logged(plain: Emulator) -> None:
    _raw(plain, "OPTIONS", SERVICES)
    _raw(plain, "PROPFIND", "/messaging/v1/Nothing")
    logged: list[dict[str, Any]] = plain.requests
    assert [(r["method"], r["path"], r["status"], r["account_sid"]) for r in logged] == [
        ("OPTIONS", "/v1/Services", 405, ACCOUNT_A), ("PROPFIND", "/v1/Nothing", 404, ACCOUNT_A)]
    assert logged[0]["response"]["code"] == 20004


def test_unserved_methods_meet_faults() -> None:
    with start(make_seed(), settings=Settings(faults=(rule_from_text("method=OPTIONS 429=1 retry-after=2"),))) as emu:
        response, body = _raw(emu, "OPTIONS", SERVICES)
        assert (response.status, response.getheader("Retry-After"), json.loads(body)["code"]) == (429, "2", 20429)
        assert emu.requests[0]["fault"] == "429"
