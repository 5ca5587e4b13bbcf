"""Form and query parameters: decoding, the log's string-or-list shape, and typed value parsers.

Each parser takes ``(param_name, raw_string)`` and returns the typed value or raises a 400
:class:`~emulator.errors.TwilioError`. Products describe their parameters with these parsers.
"""

from typing import Any, Callable, Iterable, Optional
from urllib.parse import parse_qs

from emulator.errors import TwilioError, invalid_parameter, missing_parameter

MultiDict = dict[str, list[str]]
Parser = Callable[[str, str], Any]


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


def parse_url(_name: str, raw: str) -> Optional[str]:
    """A URL field; an empty value clears it to null (*unconfirmed*). The URL itself is not validated."""
    return raw or None


def integer_between(low: int, high: int) -> Parser:
    """Parser for an integer in ``low..high``."""

    def parse(name: str, raw: str) -> int:
        try:
            value = int(raw, 10)
        except ValueError:
            raise invalid_parameter(name, raw, f"an integer from {low} to {high}") from None
        if not low <= value <= high:
            raise invalid_parameter(name, raw, f"an integer from {low} to {high}")
        return value

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
