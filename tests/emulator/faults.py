"""Fault injection: the one place where 429s, 5xx, dropped connections and latency will be added.

The application calls :meth:`Faults.before` for every API request before authentication and routing
(a returned :class:`~emulator.routing.Reply` is sent instead, and the request is never processed),
and :meth:`Faults.after` with the handler's reply (a returned reply replaces it: the request *was*
processed). Raising :class:`ConnectionDrop` from either makes the HTTP layer close the socket without
answering. Admin routes are never subject to faults. The default injects nothing.
"""

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


BeforeRule = Callable[[RequestInfo], Optional[Reply]]
AfterRule = Callable[[RequestInfo, Reply], Reply]


class Faults:
    """Ordered fault rules, empty by default; a later issue fills them through ``/_emulator/`` routes."""

    def __init__(self) -> None:
        self.before_rules: list[BeforeRule] = []
        self.after_rules: list[AfterRule] = []

    def before(self, info: RequestInfo) -> Optional[Reply]:
        """The first rule's reply to send instead of processing the request, or None."""
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
        """Forget every rule (called by ``POST /_emulator/reset``)."""
        self.before_rules.clear()
        self.after_rules.clear()
