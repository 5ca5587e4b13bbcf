"""The steady A2P rate limit (``--a2p-rate N``, ``Settings(a2p_rate=N)``, ``POST /_emulator/a2p-rate``).

Twilio asks for at most one request per second to its brand and campaign registration APIs ("Please rate limit all API
requests for Brand and Campaign registration to 1 request per second",
https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api). What Twilio answers beyond it is
*unconfirmed*; the emulator answers as for any rate limit: 429 / 20429 with ``Retry-After`` (whole seconds), the request
never processed. The limit is per account (the authenticated one, whether an auth token or an API key signed the
request) and steady: accepted requests are at least ``1/N`` seconds apart, with no burst; a refused request does not
count, so a client that waits ``Retry-After`` is served. 0 (the default) turns the limit off; otherwise the rate is
0.001 to 1000 requests per second.

A2P requests are the messaging product's ``/v1/a2p/...`` (brands, their vettings and OTPs), a service's
``/v1/Services/{Sid}/Compliance/Usa2p...`` (campaigns and their use cases) and ``/v1/Services/PreregisteredUsa2p``.
Only a request that routes to an operation the emulator serves counts (the check runs after routing): a 404 for an
unknown path or a 405 for a method the path does not serve is no A2P operation (*unconfirmed* whether Twilio counts
those; a 404 for an unknown brand or campaign SID on a served path does count, as Twilio counts requests).
"""

import math
import re
import threading
import time
from typing import Callable, Optional

from emulator.errors import TwilioError, too_many_requests
from emulator.faults import plain_number

A2P_PATH = re.compile(r"^/v1/(a2p/|Services/[^/]+/Compliance/Usa2p|Services/PreregisteredUsa2p(/|$))")
PRODUCT = "messaging"
MIN_RATE, MAX_RATE = 0.001, 1000.0  # one request per 1000 s (a Retry-After of at most 1000) to 1000 a second
KIND = "a2p-rate"  # the request log's ``fault`` for a request this limit refused, and its count in GET /_emulator/faults


def is_a2p(product: str, path: str) -> bool:
    """Whether the request is one of the A2P brand and campaign API requests the limit counts."""
    return product == PRODUCT and A2P_PATH.match(path) is not None


def rate_value(value: object) -> float:
    """A rate in requests per second: 0 (no limit) or :data:`MIN_RATE` to :data:`MAX_RATE`; anything else (a bool, NaN,
    ``1e-300``, whose Retry-After would run to hundreds of digits) raises ValueError."""
    problem = ValueError(f"expected 0 (no limit) or a number of requests per second from {MIN_RATE:g} to {MAX_RATE:g}, got {value!r}")
    number = plain_number(value, problem)
    if not (number == 0 or MIN_RATE <= number <= MAX_RATE):  # NaN fails both comparisons
        raise problem
    return number


class A2pRateLimit:
    """Per-account spacing of accepted A2P requests; ``reset`` returns to the start-up rate and forgets every account."""

    def __init__(self, rate: float = 0.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.initial_rate = rate
        self.rate = rate
        self._clock = clock
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}  # account SID -> earliest time its next A2P request is accepted

    def set_rate(self, rate: float) -> None:
        """A new rate from now on (0: off); the accounts' schedules start afresh."""
        with self._lock:
            self.rate = rate
            self._next = {}

    def reset(self) -> None:
        """Back to the start-up rate (``POST /_emulator/reset``)."""
        self.set_rate(self.initial_rate)

    def check(self, account_sid: str, product: str, path: str) -> Optional[TwilioError]:
        """None when the request may go on (and counts), else the 429 to answer instead."""
        if self.rate <= 0 or not is_a2p(product, path):
            return None
        with self._lock:
            now = self._clock()
            earliest = self._next.get(account_sid, now)
            if now < earliest:
                return too_many_requests(math.ceil(earliest - now))
            self._next[account_sid] = now + 1 / self.rate
            return None
