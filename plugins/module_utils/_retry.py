# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The collection's one retry policy: which requests are retried, how long to wait, when a write is ambiguous.

Used only by C(_client.py), whose HTTP client sends every request of every module through C(send()).

- 429, 500, 502, 503, 504 and connection errors (connect errors, resets, read timeouts) are retried, at most
  C(max_retries) times and never past C(deadline) seconds after the first attempt.
- The wait before retry n (0-based) is C(Retry-After) seconds when the response has it, else a random
  time between 0 and C(min(MAX_BACKOFF, backoff * 2**n)) ("full jitter").
- A create (a POST whose URL does not end in a SID) is retried only when Twilio cannot have applied it:
  after a 429, or when the connection could not be opened. After a 5xx, a read timeout or a reset, its
  outcome is unknown: C(AmbiguousWriteError) is raised and the caller looks the resource up.
- Other 4xx are answers, not failures: they are returned at once.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import math
import random
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import urlsplit

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import AmbiguousWriteError

try:
    from requests.exceptions import ChunkedEncodingError, ConnectTimeout, SSLError, Timeout
    from requests.exceptions import ConnectionError as RequestsConnectionError
    from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError

    TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (RequestsConnectionError, Timeout, ChunkedEncodingError)
    NEVER_SENT: tuple[type[BaseException], ...] = (ConnectTimeoutError, NewConnectionError)
except ImportError:  # requests comes with twilio; _client reports a missing twilio before any request
    class _Unavailable(Exception):
        """Stands in for the requests and urllib3 exceptions when they are missing."""

    ConnectTimeout = SSLError = Timeout = MaxRetryError = _Unavailable  # type: ignore[assignment,misc]
    TRANSPORT_ERRORS = ()
    NEVER_SENT = ()

DEFAULT_MAX_RETRIES = 5
DEFAULT_DEADLINE = 120.0
DEFAULT_BACKOFF = 1.0
MAX_BACKOFF = 30.0  # longest computed wait, in seconds (a Retry-After may ask for more)
RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))
SERVER_ERRORS = frozenset((500, 502, 503, 504))
# The last segment of an instance URL: a SID (two capitals, 32 hex digits), in 2010 URLs with ".json".
SID_SEGMENT = re.compile(r"^[A-Z]{2}[0-9a-f]{32}(\.json)?$")


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


def describe(exc: BaseException) -> str:
    kind = "read timeout" if isinstance(exc, Timeout) and not isinstance(exc, ConnectTimeout) else "connection error"
    return "%s after the request was sent: %s" % (kind, exc)


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
            if not is_transport_error(exc):
                raise
            if create and not never_sent(exc):
                raise AmbiguousWriteError("%s %s: %s" % (method, url, describe(exc)), describe(exc)) from exc
            failure, reason, delay = exc, type(exc).__name__, policy.backoff_delay(record.retries)
        else:
            status = response.status_code
            if status not in RETRY_STATUSES:
                return response
            if create and status in SERVER_ERRORS:
                reason = "HTTP %d" % status
                raise AmbiguousWriteError("%s %s: %s" % (method, url, reason), reason, status)
            hinted = retry_after(response)
            failure, reason = response, "HTTP %d" % status
            delay = hinted if hinted is not None else policy.backoff_delay(record.retries)
        if record.retries >= policy.max_retries or policy.clock() - started + delay > policy.deadline:
            record.gave_up = True
            if isinstance(failure, BaseException):
                raise failure
            return failure
        record.retries += 1
        record.reasons.append(reason)
        policy.wait(delay)
