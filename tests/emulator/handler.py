"""HTTP/1.1 plumbing: read the request, hand it to :class:`~emulator.app.App`, write the reply.

Every response carries ``Content-Length`` (204 and errors included), so keep-alive sessions work.
"""

import json
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, cast

from emulator import BANNER
from emulator.faults import ConnectionDrop

if TYPE_CHECKING:
    from emulator.app import App


class TwilioRequestHandler(BaseHTTPRequestHandler):
    """Serves every method the same way; the app decides what is allowed."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are separate writes; avoid the 40 ms delayed-ACK stall
    server_version = BANNER
    sys_version = ""

    def do_GET(self) -> None:  # pylint: disable=invalid-name
        """GET."""
        self._serve()

    def do_POST(self) -> None:  # pylint: disable=invalid-name
        """POST."""
        self._serve()

    def do_DELETE(self) -> None:  # pylint: disable=invalid-name
        """DELETE."""
        self._serve()

    def do_PUT(self) -> None:  # pylint: disable=invalid-name
        """PUT (Twilio does not use it; answered 404/405)."""
        self._serve()

    def do_PATCH(self) -> None:  # pylint: disable=invalid-name
        """PATCH (Twilio does not use it; answered 404/405)."""
        self._serve()

    def log_message(self, format: str, *args: object) -> None:  # pylint: disable=redefined-builtin
        """Silence the per-request stderr line; the request log records everything."""

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _serve(self) -> None:
        app = cast("App", getattr(self.server, "app"))
        body = self._read_body()
        try:
            reply = app.handle(self.command, self.path, dict(self.headers.items()), body)
        except ConnectionDrop:
            self.close_connection = True
            return
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
        if payload:
            self.wfile.write(payload)
