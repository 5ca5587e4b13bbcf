# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The collection's one retry policy: which requests are retried, how long to wait, when a write is ambiguous.

Used by the client layer: the HTTP client of C(_http.py) sends every request of every module through C(send()), and
C(_client.create_once()) looks up an ambiguous create with C(poll()).

- 429, 500, 502, 503, 504 and connection errors (connect errors, resets, read timeouts) are retried, at most
  C(max_retries) times and never past C(deadline) seconds after the first attempt. A 429 was never processed: its
  retries do not count towards C(max_retries) (unless it is 0, which turns retries off); C(deadline) alone bounds them,
  so many clients of one account sharing a low rate (A2P: 1 request per second) do not give up.
- The wait before retry n (0-based) is C(Retry-After) seconds plus a random 0 to 1 times as much (clients told the same
  C(Retry-After) do not come back in step; cut to what is left of C(deadline)) when the response has it, else a random
  time between 0 and C(min(MAX_BACKOFF, backoff * 2**n)) ("full jitter").
- A create (a POST whose URL does not end in a SID) is retried only when Twilio cannot have applied it:
  after a 429, or when the connection could not be opened. After a 5xx, a read timeout or a reset, its
  outcome is unknown: C(AmbiguousWriteError) is raised and the caller looks the resource up.
- Other 4xx are answers, not failures: they are returned at once.
- A refused connection and a name that does not resolve are not retried either (C(unreachable())): the host
  answered that nothing listens on that port, or the resolver (which retries on its own) that the name does not
  exist. They do not go away in the seconds a retry waits; retrying only delayed the report of a wrong C(api_url).
- A create whose answer did not come in time (read timeout, 504) may still be applied by a slow server: the caller
  looks it up repeatedly for C(late_window()) seconds (C(poll())) before it creates again, and creates again only when
  that window was not cut short by C(deadline).

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import math
import random
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import urlsplit

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import AmbiguousWriteError
from ansible_collections.tendlc.twilio.plugins.module_utils._sdk import (
    ChunkedEncodingError, ConnectTimeout, ConnectTimeoutError, MaxRetryError, NewConnectionError, RequestsConnectionError, SSLError, Timeout,
)

TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (RequestsConnectionError, Timeout, ChunkedEncodingError)
NEVER_SENT: tuple[type[BaseException], ...] = (ConnectTimeoutError, NewConnectionError)

DEFAULT_MAX_RETRIES = 5
DEFAULT_DEADLINE = 120.0
DEFAULT_BACKOFF = 1.0
MAX_BACKOFF = 30.0  # longest computed wait, in seconds (a Retry-After may ask for more)
RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))
SERVER_ERRORS = frozenset((500, 502, 503, 504))
RATE_LIMITED = "HTTP 429"  # the reason of a 429: never processed, retried until the deadline whatever max_retries says
# The last segment of an instance URL: a SID (two capitals, 32 hex digits), in 2010 URLs with ".json".
SID_SEGMENT = re.compile(r"^[A-Z]{2}[0-9a-f]{32}(\.json)?$")
GATEWAY_TIMEOUT = 504
MIN_LATE_WINDOW = 5.0  # seconds an ambiguous create that timed out is looked up for, at least (see late_window())
MIN_LOOKUP_WAIT = 0.25  # shortest wait between two look-ups of it
MAX_REASON = 160


def pause(seconds: float) -> None:
    """The default sleep between attempts (unit tests replace it, or pass C(RetryPolicy.sleep))."""
    time.sleep(seconds)


@dataclass
class RetryPolicy:
    """The limits of the policy; C(sleep), C(clock) and C(rng) are injectable for tests."""

    max_retries: int = DEFAULT_MAX_RETRIES
    deadline: float = DEFAULT_DEADLINE
    backoff: float = DEFAULT_BACKOFF
    sleep: Callable[[float], None] | None = None
    clock: Callable[[], float] = time.monotonic
    rng: random.Random = field(default_factory=random.Random)

    def backoff_delay(self, retry: int) -> float:
        """Full jitter: a random wait between 0 and the capped exponential backoff of this retry (0-based)."""
        return self.rng.uniform(0, min(MAX_BACKOFF, self.backoff * 2 ** retry))

    def hinted_delay(self, seconds: float) -> float:
        """A C(Retry-After) of C(seconds), plus a random 0 to 1 times as much, so clients do not retry in lockstep."""
        return seconds + self.rng.uniform(0, seconds)

    def wait(self, seconds: float) -> None:
        (self.sleep or pause)(seconds)


@dataclass
class Attempts:
    """What happened to the last request this thread sent: how many retries, and why."""

    retries: int = 0
    reasons: list[str] = field(default_factory=list)
    gave_up: bool = False

    def summary(self) -> str:
        """The reasons, each once with its count: C(HTTP 429 x2, ConnectionError)."""
        counts: dict[str, int] = {}
        for reason in self.reasons:
            counts[reason] = counts.get(reason, 0) + 1
        return ", ".join(reason if count == 1 else "%s x%d" % (reason, count) for reason, count in counts.items())


_LAST = threading.local()


def last_attempts() -> Attempts:
    """The retries of the last request sent from this thread (each request runs in one thread)."""
    attempts = getattr(_LAST, "attempts", None)
    return attempts if isinstance(attempts, Attempts) else Attempts()


def forget_attempts() -> None:
    """Start this thread's record afresh, for a request that is refused before it is sent."""
    _LAST.attempts = Attempts()


def is_create(method: str, url: str) -> bool:
    """A POST to a list (its URL does not end in a SID) creates something; a POST to an instance updates it."""
    if method.upper() != "POST":
        return False
    last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    return not SID_SEGMENT.match(last)


def never_sent(exc: BaseException) -> bool:
    """Whether the connection failed before the request could be sent (connect error or connect timeout)."""
    if isinstance(exc, ConnectTimeout):
        return True
    cause = exc.args[0] if exc.args else None
    return isinstance(cause, MaxRetryError) and isinstance(cause.reason, NEVER_SENT)


def is_transport_error(exc: BaseException) -> bool:
    """Connection errors, resets and timeouts; not TLS errors, which do not go away by themselves."""
    return isinstance(exc, TRANSPORT_ERRORS) and not isinstance(exc, SSLError)


def retry_after(response: Any) -> float | None:
    """The C(Retry-After) header in seconds, or None when it is absent or not a number of seconds."""
    headers = getattr(response, "headers", None) or {}
    value = headers.get("Retry-After", headers.get("retry-after"))
    if value is None:
        return None
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    return seconds if 0 <= seconds < math.inf else None


def _root(exc: BaseException) -> BaseException:
    """The innermost cause of a requests/urllib3 error (C(ConnectionError(MaxRetryError(NewConnectionError from OSError))))."""
    for _depth in range(10):
        inner: Any = exc.reason if isinstance(exc, MaxRetryError) else exc.__cause__ or exc.__context__
        if inner is None:
            inner = next((arg for arg in reversed(exc.args) if isinstance(arg, BaseException)), None)
        if not isinstance(inner, BaseException):
            return exc
        exc = inner
    return exc


def is_read_timeout(exc: BaseException) -> bool:
    return isinstance(exc, Timeout) and not isinstance(exc, ConnectTimeout)


def reason_of(exc: BaseException) -> str:
    """What went wrong, in words (no exception class names or reprs): C(connection refused), C(no answer within the timeout)."""
    if is_read_timeout(exc):
        return "no answer within the timeout"
    if isinstance(exc, ConnectTimeout):
        return "the connection could not be opened within the timeout"
    root = _root(exc)
    if isinstance(root, socket.gaierror):
        return "the name does not resolve (%s)" % (root.strerror or "getaddrinfo failed")
    if isinstance(root, OSError) and root.strerror:
        text = root.strerror
    else:
        text = str(root) or type(root).__name__
    text = text[:1].lower() + text[1:]
    text = text if len(text) <= MAX_REASON else text[:MAX_REASON] + "..."
    return "TLS error: " + text if isinstance(exc, SSLError) else text


def unreachable(exc: BaseException) -> bool:
    """A connection refused, or a host name that does not resolve: the request never left, and retrying will not help."""
    if not never_sent(exc):
        return False
    root = _root(exc)
    return isinstance(root, (socket.gaierror, ConnectionRefusedError))


def describe(exc: BaseException) -> str:
    kind = "read timeout" if is_read_timeout(exc) else "connection error"
    return "%s after the request was sent: %s" % (kind, reason_of(exc))


def full_late_window(timeout: float | None) -> float:
    """Twice the request's C(timeout), at least C(MIN_LATE_WINDOW): a server that did not answer within C(timeout) gets
    two timeouts more to apply a create. Only after that long without finding it may the create be sent again."""
    return max(MIN_LATE_WINDOW, 2 * (timeout or 0))


def late_window(policy: RetryPolicy, timeout: float | None, elapsed: float) -> float:
    """Seconds to keep looking up a create whose answer did not come in time, from now: C(full_late_window()), from the
    moment the answer was given up, but never past C(deadline) seconds after the create was sent (C(elapsed) seconds
    ago). A window the deadline cut short does not allow the create to be sent again (C(_client.create_once())).
    """
    return max(0.0, min(full_late_window(timeout), policy.deadline - elapsed))


def poll(policy: RetryPolicy, find: Callable[[], Any], window: float) -> tuple[Any, int]:
    """C(find()) at once, then after waits of C(backoff * 2**n) (at least C(MIN_LOOKUP_WAIT), at most C(MAX_BACKOFF))
    until C(window) seconds have passed; a last look-up at the end. Returns the first result that is not None (or None)
    and the number of look-ups."""
    started = policy.clock()
    lookups = 0
    while True:
        found = find()
        lookups += 1
        left = window - (policy.clock() - started)
        if found is not None or left <= 0:
            return found, lookups
        policy.wait(min(left, max(MIN_LOOKUP_WAIT, min(MAX_BACKOFF, policy.backoff * 2 ** (lookups - 1)))))


def send(policy: RetryPolicy, method: str, url: str, attempt: Callable[[], Any]) -> Any:
    """Run C(attempt) (one HTTP request) under the policy; return the last response or raise the last error.

    Raises C(AmbiguousWriteError) for a create whose outcome is unknown.
    """
    create = is_create(method, url)
    record = Attempts()
    _LAST.attempts = record
    started = policy.clock()
    while True:
        failure: Any
        try:
            response = attempt()
        except Exception as exc:  # pylint: disable=broad-exception-caught
            if not is_transport_error(exc) or unreachable(exc):
                raise
            if create and not never_sent(exc):
                raise AmbiguousWriteError("%s %s: %s" % (method, url, describe(exc)), describe(exc), in_flight=is_read_timeout(exc)) from exc
            failure, reason, delay = exc, type(exc).__name__, policy.backoff_delay(record.retries)
        else:
            status = response.status_code
            if status not in RETRY_STATUSES:
                return response
            if create and status in SERVER_ERRORS:
                reason = "HTTP %d" % status
                raise AmbiguousWriteError("%s %s: %s" % (method, url, reason), reason, status, in_flight=status == GATEWAY_TIMEOUT)
            hinted = retry_after(response)
            failure, reason = response, "HTTP %d" % status
            if hinted is None:
                delay = policy.backoff_delay(record.retries)
            else:  # the jitter never pushes past the deadline a wait that fits in it
                delay = min(policy.hinted_delay(hinted), max(hinted, policy.deadline - (policy.clock() - started)))
        counted = record.retries - record.reasons.count(RATE_LIMITED)
        if policy.max_retries == 0 or (reason != RATE_LIMITED and counted >= policy.max_retries) or policy.clock() - started + delay > policy.deadline:
            record.gave_up = True
            if isinstance(failure, BaseException):
                raise failure
            return failure
        record.retries += 1
        record.reasons.append(reason)
        policy.wait(delay)
