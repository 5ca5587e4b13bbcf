"""Fault injection: the one place where 429s, 5xx, dropped connections and latency are added.

The application calls :meth:`Faults.before` for every API request before authentication and routing
(a returned :class:`~emulator.routing.Reply` is sent instead, and the request is never processed),
and :meth:`Faults.after` with the handler's reply (a returned reply replaces it: the request *was*
processed). Raising :class:`ConnectionDrop` from either makes the HTTP layer close the socket without
answering. Admin routes are never subject to faults. The default injects nothing.

Latency (``--latency-ms``, ``POST /_emulator/latency``) is the first thing :meth:`Faults.before` does: it
sleeps in the request's own thread, before authentication and outside the state lock, so concurrent
requests wait in parallel, as they would on a slow network. A rule's ``latency-ms`` is added next.

Answers whose body is not Twilio's (``html-200``, ``html-401``, ``html-403``, ``empty-200``, ``shape-200``) and page links
to another host (``next-page-url``) test how a client copes with a proxy, a captive portal or a hostile server.

Rules (:mod:`emulator.fault_rules`; ``--fault``, ``POST /_emulator/faults``): the most specific rule that
matches a request decides its fault with one draw of a single RNG, under a lock. With ``--fault-seed N``
the sequence of draws is fixed: a client that sends one request at a time meets the same faults on
every run. Concurrent requests take the draws in the order they reach the lock, which varies between
runs, so the number of faults stays about the same but which request meets which fault does not.
"""

import copy
import random
import threading
import time
from dataclasses import dataclass
from typing import Any, Optional, Sequence
from urllib.parse import urlsplit

from emulator.errors import TwilioError, too_many_requests
from emulator.fault_rules import APPLIED, MAX_LATENCY_MS, NEXT_PAGE_URL, FaultRule, most_specific
from emulator.routing import Reply


class ConnectionDrop(Exception):
    """Close the client's connection without sending a response."""


@dataclass
class RequestInfo:
    """What a fault rule may look at; ``fault`` is the fault injected (logged as the record's ``fault``), ``pending`` one
    drawn for after the handler (``500``, ``reset-after``, ``shape-200``), injected only if the handler applied the request
    (a 2xx); ``next_page_url`` the base URL a list page's next link is pointed at."""

    method: str
    product: str
    path: str
    fault: Optional[str] = None
    pending: Optional[str] = None
    next_page_url: Optional[str] = None


HTML_PAGE = ("<!DOCTYPE html>\n<html><head><title>Sign in to continue</title></head>"
             "<body><h1>Sign in to continue</h1><form method=\"post\"><input name=\"user\"></form></body></html>\n")
HTML_STATUSES = {"html-200": 200, "html-401": 401, "html-403": 403}


def plain_number(value: object, problem: ValueError) -> float:
    """``value`` (a number or a string of one, as a JSON body or the command line gives it) as a float; a bool, anything
    else and an unreadable string raise ``problem``."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise problem
    try:
        return float(value)
    except ValueError:
        raise problem from None


def latency_value(value: object) -> float:
    """A latency in milliseconds, 0 to 60000 (a bool, NaN or anything else raises ValueError)."""
    problem = ValueError(f"expected a number of milliseconds from 0 to {MAX_LATENCY_MS:g}, got {value!r}")
    number = plain_number(value, problem)
    if not 0 <= number <= MAX_LATENCY_MS:  # NaN fails the comparison too
        raise problem
    return number


def _error(status: int, code: int, message: str) -> Reply:
    return _reply(TwilioError(status, code, message))


def _reply(error: TwilioError) -> Reply:
    return Reply(error.status, error.body(), dict(error.headers))


def _wrong_shape(body: Any) -> Any:
    """``shape-200``'s body: a list page without its list, anything else inside a JSON array."""
    meta = body.get("meta") if isinstance(body, dict) else None
    if isinstance(meta, dict) and meta.get("key") in body:
        return {name: value for name, value in body.items() if name != meta["key"]}
    return [] if body is None else [body]


def _point_next_page(body: Any, base: str, info: RequestInfo) -> bool:
    """``next-page-url``: a v1 page's next link moved to ``base`` (same product, path and query); False for anything else."""
    meta = body.get("meta") if isinstance(body, dict) else None
    if not isinstance(meta, dict) or "next_page_url" not in meta:
        return False
    query = urlsplit(meta.get("next_page_url") or meta.get("url") or "").query
    meta["next_page_url"] = f"{base}/{info.product}{info.path}" + (f"?{query}" if query else "")
    return True


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
        info.next_page_url = rule.next_page_url
        if not rule.rates:
            return None
        with self._lock:
            kind = rule.choose(self._rng.random())
        if kind in APPLIED:
            info.pending = kind
            return None
        if kind is not None:
            self.count(info, kind)
        if info.fault == "429":
            return _reply(too_many_requests(rule.retry_after))
        if info.fault == "429-no-retry-after":
            return _reply(too_many_requests())
        if info.fault == "503":
            return _error(503, 20503, "Service Unavailable")
        if info.fault == "reset-before":
            raise ConnectionDrop()
        if info.fault in HTML_STATUSES:
            return Reply(HTML_STATUSES[info.fault], HTML_PAGE, {"Content-Type": "text/html; charset=utf-8"})
        if info.fault == "empty-200":
            return Reply(200, None, {"Content-Type": "application/json"})
        return None

    def after(self, info: RequestInfo, reply: Reply) -> Reply:
        """The reply to send after processing: replaced by a 500 or a wrong shape, or dropped, when that was the request's fault
        and it was applied; a page's next link moved for ``next-page-url``."""
        if not 200 <= reply.status < 300:
            return reply  # an error answer applied nothing: it goes out as it is
        if info.pending is None:
            if info.next_page_url and _point_next_page(reply.body, info.next_page_url, info):
                self.count(info, NEXT_PAGE_URL)
            return reply
        self.count(info, info.pending)
        if info.fault == "reset-after":
            raise ConnectionDrop()
        if info.fault == "shape-200":
            return Reply(200, _wrong_shape(copy.deepcopy(reply.body)))
        return _error(500, 20500, "Internal Server Error")

    def count(self, info: RequestInfo, kind: str) -> None:
        """Note that the request met the fault ``kind``: its log record's ``fault``, and the count ``describe`` reports."""
        info.fault = kind
        with self._lock:
            self.injected[kind] = self.injected.get(kind, 0) + 1

    def reset(self) -> None:
        """Back to the start-up latency, rules and seed (the RNG restarts); the injected counts are cleared (``POST /_emulator/reset``)."""
        self.latency_ms = self.initial_latency_ms
        self.configure(self.initial_rules, self.initial_seed, reseed=True)
        with self._lock:
            self.injected = {}
