"""The list filters of the 2010 API: which filters a request sent, and the ``PhoneNumber`` and ``ShortCode`` patterns.

Twilio: "You can specify partial numbers and use '*' as a wildcard for any digit." Modelled as
(*unconfirmed* in the details): the pattern matches anywhere in the number's digits (``555`` matches
``+15551230000`` and ``+14155550100``); a leading ``+`` anchors it at the number's start (``+1555``
matches only numbers that begin ``+1555``); ``*`` stands for exactly one digit; spaces, ``-``, ``.``,
``(`` and ``)`` are ignored; any other character makes the filter match nothing. A query string's
unencoded ``+`` arrives as a space, so ``?PhoneNumber=+1555`` is an unanchored ``1555``.
"""

import re
from typing import Callable, Optional, Sequence

from emulator.forms import MultiDict, last
from emulator.state import Record

_IGNORED = " -.()"
Matches = Callable[[str, str, Record], bool]
"""Whether a record matches the filter ``name`` sent with ``value``."""


def filtered(records: list[Record], query: MultiDict, names: Sequence[str], matches: Matches) -> tuple[list[Record], list[tuple[str, str]]]:
    """The records every non-empty filter of ``names`` in the query matches, and those filters (in ``names`` order) for
    the paging URIs."""
    sent = [(name, value) for name in names if (value := last(query, name)) not in (None, "")]
    for name, value in sent:
        records = [record for record in records if matches(name, value, record)]
    return records, sent


def number_matcher(raw: str) -> Callable[[str], bool]:
    """A predicate telling whether a number (``+15551234567``, or short code ``12345``) matches the filter ``raw``."""
    text = raw.strip()
    anchored = text.startswith("+")
    body = _pattern_body(text[1:] if anchored else text)
    if body is None:
        return lambda _number: False
    regex = re.compile(("^" if anchored else "") + "".join("[0-9]" if char == "*" else char for char in body))
    return lambda number: regex.search(number.lstrip("+")) is not None


def _pattern_body(text: str) -> Optional[str]:
    """The pattern's ASCII digits and ``*`` (formatting characters dropped), or None when it holds anything else."""
    kept = "".join(char for char in text if char not in _IGNORED)
    return kept if all(char in "0123456789*" for char in kept) else None
