"""HTTP/1.1 plumbing: read the request, hand it to :class:`~emulator.app.App`, write the reply.

Every response carries ``Content-Length`` (204 and errors included), so keep-alive sessions work. What the server answers
itself, before the app sees a request (a malformed request line, HTTP/2.0, a ``Content-Length`` or chunk size that is no
number), is Twilio's JSON error body too, not logged (there is no request to record), and closes the connection.
"""

import json
import re
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any, Optional, cast

from emulator import BANNER
from emulator.errors import TwilioError
from emulator.faults import ConnectionDrop
from emulator.routing import Reply

if TYPE_CHECKING:
    from emulator.app import App

CONTENT_LENGTH = re.compile(r"[0-9]{1,15}")  # ASCII digits, up to a petabyte
CHUNK_SIZE = re.compile(r"[0-9A-Fa-f]{1,12}")  # hexadecimal digits, no 0x prefix or sign


class TwilioRequestHandler(BaseHTTPRequestHandler):
    """Serves every method the same way, the app decides what is allowed: GET, POST, DELETE and any other verb (OPTIONS,
    HEAD, TRACE, PUT, PROPFIND...) go through faults, authentication, routing and the request log, so a method Twilio does
    not serve is answered 405 / 20004 in Twilio's JSON, never the standard library's 501 HTML page. A HEAD reply carries the
    headers (``Content-Length`` included) but no body, as HTTP requires."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are separate writes; avoid the 40 ms delayed-ACK stall
    server_version = BANNER
    sys_version = ""

    def __getattr__(self, name: str) -> Any:
        """``do_<METHOD>`` for every method: BaseHTTPRequestHandler looks the verb's handler up by name."""
        if name.startswith("do_"):
            return self._serve
        raise AttributeError(name)

    def log_message(self, format: str, *args: object) -> None:  # pylint: disable=redefined-builtin
        """Silence the per-request stderr line; the request log records everything."""

    def send_error(self, code: int, message: Optional[str] = None, explain: Optional[str] = None) -> None:
        """The standard library's own errors (a malformed request line, HTTP/2.0, a line or header too long) as Twilio's JSON
        error body instead of its HTML page, status code and ``code`` 20001 (20500 from 500 up; *unconfirmed* what Twilio's edge
        answers), and the connection closed: the request may not have been read to its end. A status line is always sent: the
        standard library leaves it out while the request's version is unread (its HTTP/0.9 default)."""
        default, _explain = self.responses.get(code, ("Error", ""))
        self.close_connection = True
        self.request_version = self.protocol_version
        self._send(Reply(code, TwilioError(code, 20001 if code < 500 else 20500, message or default).body(), {"Connection": "close"}))

    def _read_body(self) -> bytes:
        """The body, framed by chunks or ``Content-Length``; 400 / 20001 for a size that is no plain (hexadecimal) number."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks: list[bytes] = []
            while True:
                size = _size(self.rfile.readline().split(b";")[0].strip().decode("latin-1"), CHUNK_SIZE, 16, "chunk size")
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = _size((self.headers.get("Content-Length") or "0").strip(), CONTENT_LENGTH, 10, "Content-Length")
        return self.rfile.read(length) if length > 0 else b""

    def _serve(self) -> None:
        app = cast("App", getattr(self.server, "app"))
        try:
            body = self._read_body()
        except TwilioError as error:  # the body's end is unknown: answer, then close rather than read the rest as a request
            self.close_connection = True
            self._send(Reply(error.status, error.body(), {"Connection": "close"}))
            return
        try:
            reply = app.handle(self.command, self.path, dict(self.headers.items()), body)
        except ConnectionDrop:
            self.close_connection = True
            return
        self._send(reply)

    def _send(self, reply: Reply) -> None:
        # A str body (a fault's HTML page) is sent as it is, with the reply's own Content-Type.
        text = reply.body if isinstance(reply.body, str) else None if reply.body is None else json.dumps(reply.body)
        payload = b"" if text is None else text.encode("utf-8")
        self.send_response(reply.status)
        if reply.body is not None and "Content-Type" not in reply.headers:
            self.send_header("Content-Type", "application/json")
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload and self.command != "HEAD":
            self.wfile.write(payload)


def _size(text: str, pattern: "re.Pattern[str]", base: int, what: str) -> int:
    """A body size header or chunk line as a number, else 400 / 20001 (int() alone would take ``-5``, ``+5``, ``0x10``, ``1_0``)."""
    if not pattern.fullmatch(text):
        raise TwilioError(400, 20001, f"Invalid {what}: {text[:40]!r}")
    return int(text, base)
