"""List envelopes shared by every list endpoint: Twilio's v1 ``meta`` style and the 2010 ``*_uri`` style.

Records are passed in creation order; ``position`` gives any SID's creation sequence number (deleted
SIDs included), so page tokens stay valid after deletes. Tokens are ``PA<sid>`` ("records after the
last item of the previous page") and ``PB<sid>`` ("records before the first item of the next page").
"""

from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence
from urllib.parse import urlencode

from emulator.errors import TwilioError
from emulator.forms import MAX_INT, MultiDict, integer_between, last

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000  # larger PageSize values: 400 / 20007 (https://www.twilio.com/docs/errors/20007)

Record = dict[str, Any]
Position = Callable[[str], Optional[int]]
Filters = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class PageRequest:
    """What the client asked for: ``PageSize``, ``Page`` and ``PageToken``."""

    size: int
    number: int
    token: Optional[str]


@dataclass(frozen=True)
class PageSlice:
    """One page of records plus the tokens that reach its neighbours."""

    request: PageRequest
    items: list[Record]
    next_token: Optional[str]
    previous_token: Optional[str]


def page_request(query: MultiDict, max_size: int = MAX_PAGE_SIZE) -> PageRequest:
    """Parse ``PageSize`` (default 50, at most 1000, then clamped to ``max_size``), ``Page`` (default 0) and ``PageToken``."""
    raw_size = last(query, "PageSize")
    size = DEFAULT_PAGE_SIZE if raw_size in (None, "") else integer_between(1, MAX_INT)("PageSize", raw_size)
    if size > MAX_PAGE_SIZE:  # Twilio's 20007 page: "The maximum page size is 1000" (status *unconfirmed*)
        raise TwilioError(400, 20007, f"Page size too large: {size}; the maximum page size is {MAX_PAGE_SIZE}")
    raw_number = last(query, "Page")
    number = 0 if raw_number in (None, "") else integer_between(0, MAX_INT)("Page", raw_number)
    token = last(query, "PageToken") or None
    return PageRequest(min(size, max_size), number, token)


def select(records: Sequence[Record], request: PageRequest, position: Position) -> PageSlice:
    """Cut the page the request names out of ``records``."""
    if request.token is None:  # without a token, Page is an offset (*unconfirmed*)
        offset = request.number * request.size
        items = list(records[offset:offset + request.size])
    else:
        anchor = position(request.token[2:]) if request.token[:2] in ("PA", "PB") else None
        if anchor is None:
            raise TwilioError(400, 21481, "Invalid PageToken")  # https://www.twilio.com/docs/errors/21481 (status *unconfirmed*)
        if request.token.startswith("PA"):
            items = [record for record in records if _pos(position, record) > anchor][:request.size]
        else:
            items = [record for record in records if _pos(position, record) < anchor][-request.size:]
    next_token = previous_token = None
    if items:
        first, final = _pos(position, items[0]), _pos(position, items[-1])
        if any(_pos(position, record) > final for record in records):
            next_token = "PA" + items[-1]["sid"]
        if request.number > 0 and any(_pos(position, record) < first for record in records):
            previous_token = "PB" + items[0]["sid"]
    return PageSlice(request, items, next_token, previous_token)


def _pos(position: Position, record: Record) -> int:
    found = position(record["sid"])
    return -1 if found is None else found


def _link(base: str, filters: Filters, size: int, number: int, token: Optional[str]) -> str:
    params = list(filters) + [("PageSize", str(size)), ("Page", str(number))]
    if token:
        params.append(("PageToken", token))
    return f"{base}?{urlencode(params)}"


def v1_page(records: Sequence[Record], query: MultiDict, *, url: str, key: str, position: Position, filters: Filters = (),
            max_size: int = MAX_PAGE_SIZE) -> dict[str, Any]:
    """v1 envelope: ``{key: [...], "meta": {...}}`` with absolute ``*_url`` links (``url`` is the absolute list URL).

    ``max_size`` is the list's largest ``PageSize`` (Conversations address configurations: 50); larger values are clamped.
    """
    page = select(records, page_request(query, max_size), position)
    size, number = page.request.size, page.request.number
    return {
        key: page.items,
        "meta": {
            "page": number,
            "page_size": size,
            "first_page_url": _link(url, filters, size, 0, None),
            "previous_page_url": _link(url, filters, size, number - 1, page.previous_token) if page.previous_token else None,
            "next_page_url": _link(url, filters, size, number + 1, page.next_token) if page.next_token else None,
            "url": _link(url, filters, size, number, page.request.token),
            "key": key,
        },
    }


def v2010_page(records: Sequence[Record], query: MultiDict, *, uri: str, key: str, position: Position, filters: Filters = ()) -> dict[str, Any]:
    """2010 envelope: ``{key: [...], start, end, page, page_size, *_uri}`` with relative URIs (``uri`` starts ``/2010-04-01/``)."""
    page = select(records, page_request(query), position)
    size, number = page.request.size, page.request.number
    start = number * size
    return {
        key: page.items,
        "end": start + max(len(page.items) - 1, 0),
        "first_page_uri": _link(uri, filters, size, 0, None),
        "next_page_uri": _link(uri, filters, size, number + 1, page.next_token) if page.next_token else None,
        "page": number,
        "page_size": size,
        "previous_page_uri": _link(uri, filters, size, number - 1, page.previous_token) if page.previous_token else None,
        "start": start,
        "uri": _link(uri, filters, size, number, page.request.token),
    }
