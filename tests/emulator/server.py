"""The running emulator: a ThreadingHTTPServer around :class:`~emulator.app.App`.

>>> from emulator.server import start
>>> with start({"accounts": [...]}) as emu:
...     requests.get(emu.url + "/messaging/v1/Services", auth=(sid, token))
"""

import socket
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any, Optional, Union

from emulator.app import App
from emulator.handler import TwilioRequestHandler
from emulator.seed import load_seed
from emulator.settings import Settings
from emulator.state import State

Seed = Union[dict[str, Any], str, Path]
POLL_INTERVAL = 0.05  # seconds; how quickly stop() is noticed


class EmulatorHTTPServer(ThreadingHTTPServer):
    """Threaded server that remembers open connections so :meth:`close_connections` can end keep-alives."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024  # socketserver's default of 5 resets bursts of parallel clients

    def __init__(self, address: tuple[str, int], app: App) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.app = app
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, TwilioRequestHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Shut down every open client socket (idle keep-alive connections included)."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class Emulator:
    """A seeded emulator bound to ``host:port``; :meth:`start` serves it from a background thread."""

    def __init__(self, seed: Seed, host: str = "127.0.0.1", port: int = 0, log_path: Optional[str] = None, settings: Settings = Settings()) -> None:
        self.app = App(load_seed(seed), log_path, settings)
        try:
            self._server = EmulatorHTTPServer((host, port), self.app)
        except OSError:
            self.app.log.close()
            raise
        self.host = host
        self.port = int(self._server.server_address[1])
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{self.port}"
        self._thread: Optional[threading.Thread] = None

    @property
    def state(self) -> State:
        """The live state (hold ``state.lock`` while reading it from another thread)."""
        return self.app.state

    @property
    def requests(self) -> list[dict[str, Any]]:
        """A copy of the in-memory request records, oldest first."""
        return self.app.log.records()

    def reset(self) -> None:
        """Same as ``POST /_emulator/reset``."""
        self.app.reset()

    def start(self) -> "Emulator":
        """Serve in a daemon thread; returns self."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._server.serve_forever, args=(POLL_INTERVAL,), name="tendlc-twilio-emulator", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close client connections and the log file. Safe to call twice."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.close_connections()
        self._server.server_close()
        self.app.log.close()

    def __enter__(self) -> "Emulator":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def start(seed: Seed, host: str = "127.0.0.1", port: int = 0, log_path: Optional[str] = None, settings: Settings = Settings()) -> Emulator:
    """Load and validate ``seed`` (dict or YAML path), bind, and serve in a background thread (``settings``: latency, pool limit)."""
    return Emulator(seed, host, port, log_path, settings).start()
