"""Fault rules: which requests a rule covers (everything, a product, or a route) and the chance of each fault.

A rule is written the same way in JSON (``POST /_emulator/faults``) and on the command line (``--fault``):

    {"product": "messaging", "method": "POST", "path": "/v1/Services/{Sid}/PhoneNumbers",
     "429": 0.2, "503": 0.05, "reset-after": 0.02, "latency-ms": 20, "retry-after": 0}
    --fault "product=messaging method=POST path=/v1/Services/{Sid}/PhoneNumbers 429=0.2 503=0.05 reset-after=0.02"
    --fault "product=messaging method=GET path=/v1/Services next-page-url=http://127.0.0.1:9999"

The fault kinds, each a probability from 0 to 1 (together at most 1; one draw per request picks at most one):

- ``429``: 429 / 20429 "Too Many Requests" with ``Retry-After: <retry-after>``; not applied;
- ``429-no-retry-after``: the same without the header;
- ``503``: 503 / 20503 "Service Unavailable"; not applied;
- ``500``: the request *is* applied, then answered 500 / 20500 "Internal Server Error";
- ``reset-before``: the connection is closed without an answer; not applied;
- ``reset-after``: the request is applied, then the connection is closed without an answer;
- ``html-200``, ``html-401``, ``html-403``: an HTML page (``text/html``) with that status, as a proxy or captive portal
  sends; not applied;
- ``empty-200``: 200 with an empty body (``Content-Type: application/json``); not applied;
- ``shape-200``: the request is applied, then answered 200 with JSON of the wrong shape: a list page without its list
  (``{"meta": {...}}``), any other body inside a JSON array (``[{...}]``).

``500``, ``reset-after`` and ``shape-200`` are injected only into requests the handler applied (answered 2xx): a request
it refused (4xx) or did not find (404) is answered as it is, so a retried delete can learn that it is done.

``next-page-url`` (not a probability) is a base URL, ``http(s)://host[:port]``: every v1 list page the rule covers is
answered with its ``meta.next_page_url`` pointing there (``<base>/<product><path>?...PageToken=...``), as a hostile or
broken server could; the record's ``fault`` is ``next-page-url``. A client must not follow it with its credentials.
"""

import math
import re
from dataclasses import dataclass
from typing import Any, Optional

KINDS = ("429", "429-no-retry-after", "500", "503", "reset-before", "reset-after", "html-200", "empty-200", "shape-200", "html-401", "html-403")
APPLIED = frozenset(("500", "reset-after", "shape-200"))  # decided before the handler, injected after it
FOREIGN_BODIES = frozenset(("html-200", "empty-200", "shape-200", "html-401", "html-403"))  # answers whose body is not Twilio's
NEXT_PAGE_URL = "next-page-url"
SCOPE_KEYS = ("product", "method", "path")
MAX_RETRY_AFTER = 3600
MAX_LATENCY_MS = 60_000.0


class RuleError(ValueError):
    """A malformed rule; the message names the key and the value."""


@dataclass(frozen=True)
class FaultRule:
    """One rule: its scope (None = any), the probability of each fault kind, added latency and the ``Retry-After`` of 429s."""

    product: Optional[str] = None
    method: Optional[str] = None
    path: Optional[str] = None
    rates: tuple[tuple[str, float], ...] = ()
    latency_ms: float = 0.0
    retry_after: int = 1
    next_page_url: Optional[str] = None

    @property
    def specificity(self) -> tuple[bool, bool, bool]:
        """A rule with a path beats one without, then one with a product, then one with a method."""
        return (self.path is not None, self.product is not None, self.method is not None)

    def matches(self, method: str, product: str, path: str) -> bool:
        """Whether the request is in the rule's scope."""
        if self.product is not None and self.product != product:
            return False
        if self.method is not None and self.method != method.upper():
            return False
        return self.path is None or _path_regex(self.path).match(path) is not None

    def choose(self, draw: float) -> Optional[str]:
        """The fault kind a uniform draw in [0, 1) lands on, or None for no fault."""
        edge = 0.0
        for kind, rate in self.rates:
            edge += rate
            if draw < edge:
                return kind
        return None

    def to_json(self) -> dict[str, Any]:
        """The rule as ``GET /_emulator/faults`` shows it (only the keys that are set)."""
        shown: dict[str, Any] = {key: getattr(self, key) for key in SCOPE_KEYS if getattr(self, key) is not None}
        shown.update(self.rates)
        if self.latency_ms:
            shown["latency-ms"] = self.latency_ms
        if self.next_page_url:
            shown[NEXT_PAGE_URL] = self.next_page_url
        shown["retry-after"] = self.retry_after
        return shown


def _path_regex(pattern: str) -> "re.Pattern[str]":
    """``/v1/Services/{Sid}`` -> a regex; ``{Name}`` and ``*`` match one path segment."""
    parts = ["[^/]+" if segment == "*" or re.fullmatch(r"\{\w+\}", segment) else re.escape(segment) for segment in pattern.strip("/").split("/")]
    return re.compile("^/" + "/".join(parts) + "$")


def _probability(key: str, value: Any) -> float:
    number = _number(key, value)
    if not 0 <= number <= 1:
        raise RuleError(f"{key}: expected a probability from 0 to 1, got {value!r}")
    return number


def _number(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise RuleError(f"{key}: expected a number, got {value!r}")
    try:
        number = float(value)
    except ValueError:
        raise RuleError(f"{key}: expected a number, got {value!r}") from None
    if math.isnan(number):
        raise RuleError(f"{key}: expected a number, got {value!r}")
    return number


def rule_from_json(data: Any) -> FaultRule:
    """A rule from its JSON object (string values, as from the command line, are accepted too)."""
    if not isinstance(data, dict):
        raise RuleError(f"a rule must be a JSON object, got {data!r}")
    unknown = sorted(set(data) - set(SCOPE_KEYS) - set(KINDS) - {"latency-ms", "retry-after", NEXT_PAGE_URL})
    if unknown:
        raise RuleError(f"unknown rule key(s) {', '.join(unknown)} (known: {', '.join(SCOPE_KEYS + KINDS)}, latency-ms, retry-after, {NEXT_PAGE_URL})")
    scope: dict[str, Optional[str]] = {}
    for key in SCOPE_KEYS:
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not value):
            raise RuleError(f"{key}: expected a non-empty string, got {value!r}")
        scope[key] = value
    if scope["path"] is not None and not scope["path"].startswith("/"):
        raise RuleError(f"path: expected a path without the product, starting with '/', got {scope['path']!r}")
    rates = tuple((kind, _probability(kind, data[kind])) for kind in KINDS if kind in data)
    if sum(rate for _kind, rate in rates) > 1 + 1e-9:
        raise RuleError(f"the fault probabilities add up to more than 1: {dict(rates)}")
    latency = _number("latency-ms", data.get("latency-ms", 0))
    if not 0 <= latency <= MAX_LATENCY_MS:
        raise RuleError(f"latency-ms: expected 0 to {MAX_LATENCY_MS:g}, got {data.get('latency-ms')!r}")
    retry_after = _number("retry-after", data.get("retry-after", 1))
    if not (retry_after.is_integer() and 0 <= retry_after <= MAX_RETRY_AFTER):
        raise RuleError(f"retry-after: expected whole seconds from 0 to {MAX_RETRY_AFTER}, got {data.get('retry-after')!r}")
    method = scope["method"].upper() if scope["method"] else None
    return FaultRule(scope["product"], method, scope["path"], rates, latency, int(retry_after), _base_url(data.get(NEXT_PAGE_URL)))


def _base_url(value: Any) -> Optional[str]:
    """``next-page-url``: ``http(s)://host[:port]``, nothing after it."""
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?|https?://\[[0-9A-Fa-f:]+\](:[0-9]{1,5})?", value):
        raise RuleError(f"{NEXT_PAGE_URL}: expected http(s)://host[:port] with nothing after it, got {value!r}")
    return value


def rule_from_text(text: str) -> FaultRule:
    """A rule from the command line: ``key=value`` words separated by spaces, keys as in JSON."""
    data: dict[str, str] = {}
    for word in text.split():
        key, equals, value = word.partition("=")
        if not equals or not key:
            raise RuleError(f"expected key=value words, got {word!r}")
        if key in data:
            raise RuleError(f"{key} given twice")
        data[key] = value
    if not data:
        raise RuleError("an empty rule")
    return rule_from_json(data)


def rules_from_json(data: Any) -> list[FaultRule]:
    """The ``rules`` list of ``POST /_emulator/faults``."""
    if not isinstance(data, list):
        raise RuleError(f"rules: expected a list of rule objects, got {data!r}")
    rules = []
    for index, item in enumerate(data):
        try:
            rules.append(rule_from_json(item))
        except RuleError as error:
            raise RuleError(f"rules[{index}]: {error}") from None
    return rules


def most_specific(rules: list[FaultRule], method: str, product: str, path: str) -> Optional[FaultRule]:
    """The rule that applies to a request: the most specific matching one, the first of equals."""
    best: Optional[FaultRule] = None
    for rule in rules:
        if rule.matches(method, product, path) and (best is None or rule.specificity > best.specificity):
            best = rule
    return best
