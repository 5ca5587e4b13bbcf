"""Form and query parameters: decoding, the log's string-or-list shape, and typed value parsers.

Each parser takes ``(param_name, raw_string)`` and returns the typed value or raises a 400
:class:`~emulator.errors.TwilioError`. Products describe their parameters with these parsers.
"""

import re
from typing import Any, Callable, Iterable, Optional
from urllib.parse import parse_qs, urlsplit

from emulator.errors import TwilioError, invalid_parameter, missing_parameter

MultiDict = dict[str, list[str]]
Parser = Callable[[str, str], Any]
MAX_INT = 2**31 - 1  # the largest integer parameter value taken: a signed 32-bit integer (*unconfirmed* for Twilio)
# The modules' rule too (plugins/module_utils/_validate.py URL): scheme, a host, nothing blank or a control character.
URL = re.compile(r"https?://[^\s\x00-\x1f\x7f/?#]+[^\s\x00-\x1f\x7f]*", re.IGNORECASE)
# ASCII digits only (re's \d and int() take any Unicode digit), at most 10 of them: MAX_INT has 10 digits, and int() refuses
# more than 4300 (ValueError), so a longer value is out of range without being converted.
INTEGER = re.compile(r"-?[0-9]{1,10}")


def decode(encoded: str) -> MultiDict:
    """``a=1&b=2&b=3`` -> ``{"a": ["1"], "b": ["2", "3"]}``; blank values are kept."""
    return parse_qs(encoded, keep_blank_values=True)


def flatten(values: MultiDict) -> dict[str, Any]:
    """The log's shape: a string per key, or a list of strings when the key repeats."""
    return {key: items[0] if len(items) == 1 else list(items) for key, items in values.items()}


def last(values: MultiDict, name: str) -> Optional[str]:
    """The last value sent for ``name`` (Twilio keeps one value for scalar parameters; *unconfirmed* which)."""
    items = values.get(name)
    return items[-1] if items else None


def require(values: MultiDict, name: str) -> str:
    """A required, non-empty parameter, else 400 / 20001 ``Missing required parameter``."""
    value = last(values, name)
    if value is None or value == "":
        raise missing_parameter(name)
    return value


def parse_boolean(name: str, raw: str) -> bool:
    """``true``/``false`` (case-insensitive), as the SDK serialises booleans."""
    lowered = raw.lower()
    if lowered not in ("true", "false"):
        raise invalid_parameter(name, raw, "true or false")
    return lowered == "true"


def url_or(empty: Optional[str]) -> Parser:
    """Parser for a webhook URL field: an absolute http(s) URL on one line (the specs' ``format: uri``; Twilio's 21502 page
    asks for a fully qualified URL with protocol and hostname), else 400 / 21502 (*unconfirmed* that these endpoints answer
    21502); an empty value clears the field to ``empty`` (*unconfirmed*). :data:`URL` alone would take ``https://@/x``,
    ``https://user:pw@`` and ``https://a.com:abc/``: ``urlsplit`` must also find a host name and, if one is written, a port
    that is a number up to 65535."""

    def parse(name: str, raw: str) -> Optional[str]:
        if raw == "":
            return empty
        try:
            parts = urlsplit(raw)
            valid = URL.fullmatch(raw) is not None and bool(parts.hostname) and (parts.port or 0) >= 0  # .port raises ValueError
        except ValueError:
            valid = False
        if not valid:
            raise TwilioError(400, 21502, f"{name} is not a valid URL: {raw}")
        return raw

    return parse


parse_url = url_or(None)
"""A URL field of a v1 resource (messaging and proxy services): empty clears it to null."""


def integer_between(low: int, high: int) -> Parser:
    """Parser for an integer in ``low..high`` written as plain ASCII digits with an optional ``-``: Python's ``int()`` would
    also take ``+5``, ``1_0``, `` 5 `` and non-ASCII digits (``٥``), which a form value of Twilio's integer type is not
    (*unconfirmed* how Twilio answers them: 400 / 20001 here). ``high`` is at most :data:`MAX_INT`."""
    expected = f"an integer from {low} to {high}"

    def parse(name: str, raw: str) -> int:
        if not INTEGER.fullmatch(raw) or not low <= int(raw) <= high:
            raise invalid_parameter(name, raw, expected)
        return int(raw)

    return parse


def one_of(choices: Iterable[str], fold_upper: bool = False, error: Optional[Callable[[str, str], TwilioError]] = None) -> Parser:
    """Parser for an enum; ``fold_upper`` accepts any case and stores upper case (HTTP methods; *unconfirmed*)."""
    allowed = tuple(choices)

    def parse(name: str, raw: str) -> str:
        value = raw.upper() if fold_upper else raw
        if value not in allowed:
            if error is not None:
                raise error(name, raw)
            raise invalid_parameter(name, raw, "one of " + ", ".join(allowed))
        return value

    return parse


def text_up_to(limit: int) -> Parser:
    """Parser for a non-empty string of at most ``limit`` characters (400 / 20001 beyond; *unconfirmed* wording)."""

    def parse(name: str, raw: str) -> str:
        if raw == "":
            raise missing_parameter(name)
        if len(raw) > limit:
            raise TwilioError(400, 20001, f"{name} must be at most {limit} characters long")
        return raw

    return parse
