"""Fault injection: the one place where 429s, 5xx, dropped connections and latency are added.

The application calls :meth:`Faults.before` for every API request before authentication and routing
(a returned :class:`~emulator.routing.Reply` is sent instead, and the request is never processed),
and :meth:`Faults.after` with the handler's reply (a returned reply replaces it: the request *was*
processed). Raising :class:`ConnectionDrop` from either makes the HTTP layer close the socket without
answering. Admin routes are never subject to faults. The default injects nothing.

Latency (``--latency-ms``, ``POST /_emulator/latency``) is the first thing :meth:`Faults.before` does: it
sleeps in the request's own thread, before authentication and outside the state lock, so concurrent
requests wait in parallel, as they would on a slow network. A rule's ``latency-ms`` is added next.

Rules (:mod:`emulator.fault_rules`; ``--fault``, ``POST /_emulator/faults``): the most specific rule that
matches a request decides its fault with one draw of a single RNG, under a lock. With ``--fault-seed N``
the sequence of draws is fixed: a client that sends one request at a time meets the same faults on
every run. Concurrent requests take the draws in the order they reach the lock, which varies between
runs, so the number of faults stays about the same but which request meets which fault does not.
"""

import random
import threading
import time
from dataclasses import dataclass
from typing import Any, Optional, Sequence

from emulator.errors import TwilioError
from emulator.fault_rules import APPLIED, MAX_LATENCY_MS, FaultRule, most_specific
from emulator.routing import Reply


class ConnectionDrop(Exception):
    """Close the client's connection without sending a response."""


@dataclass
class RequestInfo:
    """What a fault rule may look at; ``fault`` is the fault injected (logged as the record's ``fault``), ``pending`` one
    drawn for after the handler (``500``, ``reset-after``), injected only if the handler applied the request (a 2xx)."""

    method: str
    product: str
    path: str
    fault: Optional[str] = None
    pending: Optional[str] = None


def latency_value(value: object) -> float:
    """A latency in milliseconds, 0 to 60000 (a bool, NaN or anything else raises ValueError)."""
    problem = ValueError(f"expected a number of milliseconds from 0 to {MAX_LATENCY_MS:g}, got {value!r}")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise problem
    try:
        number = float(value)
    except ValueError:
        raise problem from None
    if not 0 <= number <= MAX_LATENCY_MS:  # NaN fails the comparison too
        raise problem
    return number


def _error(status: int, code: int, message: str, headers: Optional[dict[str, str]] = None) -> Reply:
    return Reply(status, TwilioError(status, code, message).body(), dict(headers or {}))


class Faults:
    """Added latency and fault rules; ``reset`` returns to the start-up latency, rules and seed."""

    def __init__(self, latency_ms: float = 0, rules: Sequence[FaultRule] = (), seed: Optional[int] = None) -> None:
        self.initial_latency_ms = latency_ms
        self.latency_ms = latency_ms
        self.initial_rules = tuple(rules)
        self.initial_seed = seed
        self._lock = threading.Lock()
        self.rules: list[FaultRule] = list(rules)
        self.seed = seed
        self._rng = random.Random(seed)
        self.injected: dict[str, int] = {}

    def configure(self, rules: Sequence[FaultRule], seed: Optional[int] = None, reseed: bool = False) -> None:
        """Replace the rules; with ``reseed``, restart the RNG from ``seed`` (None: unpredictable)."""
        with self._lock:
            self.rules = list(rules)
            if reseed:
                self.seed = seed
                self._rng = random.Random(seed)

    def describe(self) -> dict[str, Any]:
        """What ``GET /_emulator/faults`` answers: seed, rules and the faults injected so far by kind."""
        with self._lock:
            return {"seed": self.seed, "rules": [rule.to_json() for rule in self.rules], "injected": dict(self.injected)}

    def before(self, info: RequestInfo) -> Optional[Reply]:
        """Wait out the latency, then draw the request's fault: a reply to send instead of processing it, a drop, or None."""
        if self.latency_ms > 0:
            time.sleep(self.latency_ms / 1000)
        rule = most_specific(self.rules, info.method, info.product, info.path)
        if rule is None:
            return None
        if rule.latency_ms > 0:
            time.sleep(rule.latency_ms / 1000)
        if not rule.rates:
            return None
        with self._lock:
            kind = rule.choose(self._rng.random())
        if kind in APPLIED:
            info.pending = kind
            return None
        if kind is not None:
            self._count(info, kind)
        if info.fault == "429":
            return _error(429, 20429, "Too Many Requests", {"Retry-After": str(rule.retry_after)})
        if info.fault == "429-no-retry-after":
            return _error(429, 20429, "Too Many Requests")
        if info.fault == "503":
            return _error(503, 20503, "Service Unavailable")
        if info.fault == "reset-before":
            raise ConnectionDrop()
        return None

    def after(self, info: RequestInfo, reply: Reply) -> Reply:
        """The reply to send after processing: replaced by a 500, or dropped, when that was the request's fault and it was applied."""
        if info.pending is None or not 200 <= reply.status < 300:
            return reply  # an error answer applied nothing: it goes out as it is
        self._count(info, info.pending)
        if info.fault == "reset-after":
            raise ConnectionDrop()
        return _error(500, 20500, "Internal Server Error")

    def _count(self, info: RequestInfo, kind: str) -> None:
        info.fault = kind
        with self._lock:
            self.injected[kind] = self.injected.get(kind, 0) + 1

    def reset(self) -> None:
        """Back to the start-up latency, rules and seed (the RNG restarts); the injected counts are cleared (``POST /_emulator/reset``)."""
        self.latency_ms = self.initial_latency_ms
        self.configure(self.initial_rules, self.initial_seed, reseed=True)
        with self._lock:
            self.injected = {}
