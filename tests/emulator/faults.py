"""Fault injection: the one place where 429s, 5xx, dropped connections and latency will be added.

The application calls :meth:`Faults.before` for every API request before authentication and routing
(a returned :class:`~emulator.routing.Reply` is sent instead, and the request is never processed),
and :meth:`Faults.after` with the handler's reply (a returned reply replaces it: the request *was*
processed). Raising :class:`ConnectionDrop` from either makes the HTTP layer close the socket without
answering. Admin routes are never subject to faults. The default injects nothing.

Latency (``--latency-ms``, ``POST /_emulator/latency``) is the first thing :meth:`Faults.before` does: it
sleeps in the request's own thread, before authentication and outside the state lock, so concurrent
requests wait in parallel, as they would on a slow network.
"""

import time
from dataclasses import dataclass
from typing import Callable, Optional

from emulator.routing import Reply


class ConnectionDrop(Exception):
    """Close the client's connection without sending a response."""


@dataclass(frozen=True)
class RequestInfo:
    """What a fault rule may look at."""

    method: str
    product: str
    path: str


MAX_LATENCY_MS = 60_000.0


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


BeforeRule = Callable[[RequestInfo], Optional[Reply]]
AfterRule = Callable[[RequestInfo, Reply], Reply]


class Faults:
    """Added latency and ordered fault rules, none by default; a later issue fills the rules through ``/_emulator/`` routes."""

    def __init__(self, latency_ms: float = 0) -> None:
        self.before_rules: list[BeforeRule] = []
        self.after_rules: list[AfterRule] = []
        self.initial_latency_ms = latency_ms
        self.latency_ms = latency_ms

    def before(self, info: RequestInfo) -> Optional[Reply]:
        """Wait out the latency, then the first rule's reply to send instead of processing the request, or None."""
        if self.latency_ms > 0:
            time.sleep(self.latency_ms / 1000)
        for rule in self.before_rules:
            reply = rule(info)
            if reply is not None:
                return reply
        return None

    def after(self, info: RequestInfo, reply: Reply) -> Reply:
        """The reply to send after processing: each rule may replace it (none do by default)."""
        for rule in self.after_rules:
            reply = rule(info, reply)
        return reply

    def reset(self) -> None:
        """Forget every rule and put the latency back to its start-up value (called by ``POST /_emulator/reset``)."""
        self.before_rules.clear()
        self.after_rules.clear()
        self.latency_ms = self.initial_latency_ms
