"""What the server answers itself, before the app sees a request: a body size that is no number, an HTTP version it does not
speak, a malformed request line. Each is a Twilio JSON error (never the standard library's HTML page or a silently closed
connection), and the connection is closed after it."""

import base64
import json
import socket
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from emulator.server import Emulator, start
from emulator_testkit import ACCOUNT_A, TOKEN_A, make_seed

AUTH = "Authorization: Basic " + base64.b64encode(f"{ACCOUNT_A}:{TOKEN_A}".encode()).decode()
POST_HEAD = f"POST /messaging/v1/Services HTTP/1.1\r\nHost: x\r\n{AUTH}\r\nContent-Type: application/x-www-form-urlencoded\r\n"


@pytest.fixture(name="emu", scope="module")
def fixture_emu() -> Iterator[Emulator]:
    with start(make_seed()) as running:
        yield running


def _exchange(emu: Emulator, raw: str) -> tuple[str, dict[str, str], bytes]:
    """Send ``raw`` and read until the server closes the connection: status line, headers, body."""
    parts = urlsplit(emu.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(raw.encode("latin-1"))
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _blank, body = received.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _colon, value in (line.partition(":") for line in lines)}
    return status, headers, body


def _twilio_error(status: int, code: int, body: bytes) -> str:
    decoded = json.loads(body)
    assert set(decoded) == {"code", "message", "more_info", "status"}
    assert (decoded["status"], decoded["code"], decoded["more_info"]) == (status, code, f"https://www.twilio.com/docs/errors/{code}")
    return str(decoded["message"])


@pytest.mark.parametrize("framing, what", [
    ("Content-Length: abc\r\n", "Content-Length"),
    ("Content-Length: -5\r\n", "Content-Length"),
    ("Content-Length: +5\r\n", "Content-Length"),
    ("Transfer-Encoding: chunked\r\n\r\nzz\r\nFriendlyName=x\r\n0\r\n", "chunk size"),
    ("Transfer-Encoding: chunked\r\n\r\n-5\r\nFriendlyName=x\r\n0\r\n", "chunk size"),
    ("Transfer-Encoding: chunked\r\n\r\n0x5\r\nabcde\r\n0\r\n", "chunk size"),
])
def test_a_body_size_that_is_no_number_is_400_20001_not_logged(emu: Emulator, framing: str, what: str) -> None:
    before = len(emu.requests)
    raw = POST_HEAD + framing + ("\r\n" if "chunked" in framing else "\r\nFriendlyName=x")
    status, headers, body = _exchange(emu, raw + "\r\n")
    assert status == "HTTP/1.1 400 Bad Request"
    assert (headers["content-type"], headers["connection"], int(headers["content-length"])) == ("application/json", "close", len(body))
    assert what in _twilio_error(400, 20001, body)
    assert len(emu.requests) == before  # never reached the app: nothing created, nothing logged


def test_a_chunked_body_is_still_read(emu: Emulator) -> None:
    status, _headers, body = _exchange(emu, POST_HEAD + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                                       "e\r\nFriendlyName=x\r\n0\r\n\r\n")
    assert status == "HTTP/1.1 201 Created" and json.loads(body)["friendly_name"] == "x"


@pytest.mark.parametrize("request_line, status, code", [
    ("GET /messaging/v1/Services HTTP/2.0", "HTTP/1.1 505 HTTP Version Not Supported", 20500),
    ("GET /messaging/v1/Services HTTP/x.y", "HTTP/1.1 400 Bad Request", 20001),
    ("GET /messaging/v1/Services HTTP/1.1 extra", "HTTP/1.1 400 Bad Request", 20001),
])
def test_the_servers_own_errors_are_twilio_json(emu: Emulator, request_line: str, status: str, code: int) -> None:
    got_status, headers, body = _exchange(emu, f"{request_line}\r\nHost: x\r\n{AUTH}\r\n\r\n")
    assert got_status == status
    assert (headers["content-type"], headers["connection"]) == ("application/json", "close")
    assert "<html" not in body.decode().lower()
    _twilio_error(int(status.split()[1]), code, body)
