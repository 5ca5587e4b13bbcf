"""Per-product routing: ``(product, method, "/v1/Services/{Sid}")`` -> handler.

Handlers take a :class:`Call` and return a :class:`Reply`, or raise :class:`~emulator.errors.TwilioError`.
When several patterns match (``/v1/Services/Usecases`` and ``/v1/Services/{Sid}``) the ones with more
literal segments win, for dispatch and for a 405's ``Allow`` header alike. A placeholder may carry a literal suffix (``/IncomingPhoneNumbers/{Sid}.json``).
"""

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional

from emulator.errors import TwilioError, method_not_allowed, not_found
from emulator.forms import MultiDict

if TYPE_CHECKING:
    from emulator.state import Account, State


@dataclass
class Call:
    """One API request as a handler sees it. ``account`` is None only for admin routes; ``by_api_key`` says whether
    the caller signed in with one of the account's API keys rather than its auth token."""

    method: str
    product: str
    path: str
    query: MultiDict
    form: MultiDict
    params: dict[str, str]
    state: "State"
    account: Optional["Account"] = None
    json: Any = None
    by_api_key: bool = False

    def owner(self) -> "Account":
        """The authenticated account (API routes always have one)."""
        if self.account is None:
            raise TwilioError(401, 20003, "Authenticate")
        return self.account


@dataclass
class Reply:
    """Status, JSON body (None for an empty body; a str is sent as it is, for faults' non-JSON answers) and extra headers."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[..., Reply]  # API handlers take (call); admin handlers (app, call)


@dataclass(frozen=True)
class Route:
    """A route as a resource module declares it in its ``ROUTES``: method, path pattern, handler."""

    method: str
    pattern: str
    handler: Handler


def rest_routes(collection: str, item: str = "/{Sid}", *, list_: Optional[Handler] = None, create: Optional[Handler] = None,
                fetch: Optional[Handler] = None, update: Optional[Handler] = None, delete: Optional[Handler] = None) -> tuple[Route, ...]:
    """The routes of a REST resource, in this order, for the handlers given (a handler left out is not served):
    ``GET collection`` (list), ``POST collection`` (create), and on ``collection + item`` ``GET`` (fetch), ``POST`` (update)
    and ``DELETE``."""
    table = (("GET", collection, list_), ("POST", collection, create), ("GET", collection + item, fetch),
             ("POST", collection + item, update), ("DELETE", collection + item, delete))
    return tuple(Route(method, pattern, handler) for method, pattern, handler in table if handler is not None)


@dataclass(frozen=True)
class Entry:
    """A route registered on a :class:`Router` under a product, its pattern compiled."""

    product: str
    method: str
    pattern: str
    regex: "re.Pattern[str]"
    literals: int
    handler: Handler


_METHOD_ORDER = ("GET", "POST", "DELETE")  # the methods Twilio's specs use, in the order the Allow header lists them
_PLACEHOLDER = re.compile(r"^\{(\w+)\}(.*)$")  # "{Sid}" or, in 2010 paths, "{Sid}.json"


def _compile(pattern: str) -> tuple["re.Pattern[str]", int]:
    parts, literals = [], 0
    for segment in pattern.strip("/").split("/"):
        placeholder = _PLACEHOLDER.match(segment)
        if placeholder is not None:
            name, suffix = placeholder.groups()
            parts.append(f"(?P<{name}>[^/]+?){re.escape(suffix)}" if suffix else f"(?P<{name}>[^/]+)")
        else:
            parts.append(re.escape(segment))
            literals += 1
    return re.compile("^/" + "/".join(parts) + "$"), literals


class Router:
    """A table of routes; one instance serves the Twilio API, another the admin routes (both built in
    :mod:`emulator.products`)."""

    def __init__(self) -> None:
        self.routes: list[Entry] = []

    def add(self, product: str, method: str, pattern: str, handler: Handler) -> None:
        """Register ``handler`` for ``method pattern`` under ``product``."""
        regex, literals = _compile(pattern)
        self.routes.append(Entry(product, method.upper(), pattern, regex, literals, handler))

    def add_all(self, product: str, routes: Iterable[Route]) -> None:
        """Register a resource module's ``ROUTES`` under ``product``."""
        for route in routes:
            self.add(product, route.method, route.pattern, route.handler)

    def products(self) -> set[str]:
        """Every product with at least one route."""
        return {route.product for route in self.routes}

    def match(self, product: str, method: str, path: str) -> tuple[Entry, dict[str, str]]:
        """The best route for the request, or 404 20404 (unknown path) / 405 20004 (known path, other method: any verb, OPTIONS,
        HEAD and TRACE included), whose ``Allow`` header lists the methods the path's routes serve. The path is the resource of
        its most literal patterns only: ``/v1/Services/Usecases`` is not a ``{Sid}``, so a DELETE on it is 405 with
        ``Allow: GET``, not the DELETE of ``/v1/Services/{Sid}``."""
        found: list[tuple[Entry, "re.Match[str]"]] = []
        for route in self.routes:
            hit = route.regex.match(path) if route.product == product else None
            if hit is not None:
                found.append((route, hit))
        if not found:
            raise not_found(resource_path(path))
        literals = max(route.literals for route, _hit in found)
        best = [(route, hit) for route, hit in found if route.literals == literals]
        for route, hit in best:
            if route.method == method:
                return route, hit.groupdict()
        allowed = {route.method for route, _hit in best}
        raise method_not_allowed(method, [name for name in _METHOD_ORDER if name in allowed] + sorted(allowed - set(_METHOD_ORDER)))


def resource_path(path: str) -> str:
    """The path as Twilio quotes it in 20404 messages: v1-style paths lose their ``/v1`` prefix."""
    return re.sub(r"^/v\d+(?=/)", "", path)
