"""Form parameters mapped to JSON fields, with their parsers: the one field-descriptor type of every resource.

A :class:`Param` names a form parameter (``Integration.FlowSid``), the JSON key it sets (``flow_sid``),
the parser of :mod:`emulator.forms` that checks it and, where a resource has one, the new record's default.
:func:`read` turns a form into typed values; :func:`seed_values` checks a seed entry's snake_case keys with the
same parsers, so a seed can hold nothing the API would refuse.
"""

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence

from emulator.errors import SeedError, TwilioError, invalid_parameter, missing_parameter
from emulator.forms import MultiDict, Parser, last
from emulator.sids import is_sid
from emulator.state import Record


ListParser = Callable[[str, list[str]], Any]
"""A parser of a repeated parameter: it sees every value sent (``MessageSamples=a&MessageSamples=b``)."""


@dataclass(frozen=True)
class Param:
    """A form parameter, the JSON key it sets, its parser and its default for new records; the parser of a
    ``repeated`` parameter is a :data:`ListParser`, of any other one a :data:`~emulator.forms.Parser`."""

    param: str
    name: str
    parse: Callable[[str, Any], Any]
    repeated: bool = field(default=False, kw_only=True)
    default: Any = field(default=None, kw_only=True)


def each(parse: Parser) -> ListParser:
    """The list parser that checks every value of a repeated parameter with ``parse``."""

    def parse_all(name: str, values: list[str]) -> list[Any]:
        return [parse(name, raw) for raw in values]

    return parse_all


def read(form: MultiDict, params: Iterable[Param]) -> dict[str, Any]:
    """Typed values of the parameters present in the form, by JSON key; unknown form fields are ignored."""
    found: dict[str, Any] = {}
    for param in params:
        if param.repeated and param.param in form:
            found[param.name] = param.parse(param.param, list(form[param.param]))
            continue
        raw = last(form, param.param)
        if raw is not None:
            found[param.name] = param.parse(param.param, raw)
    return found


def exact_filter(records: list[Record], query: MultiDict, param: str, field: str) -> tuple[list[Record], list[tuple[str, str]]]:
    """The records whose ``field`` equals the query's ``param`` (all when it is absent or empty; exact match, *unconfirmed*),
    and the filter to repeat in the paging links."""
    value = last(query, param)
    if not value:
        return records, []
    return [record for record in records if record[field] == value], [(param, value)]


def sid_of(prefix: str, empty: bool = False) -> Parser:
    """Parser for a SID of one kind (400 / 20001 otherwise, *unconfirmed*); ``empty`` lets ``""`` clear it to null."""

    def parse(name: str, raw: str) -> Optional[str]:
        if raw == "" and empty:
            return None
        if not is_sid(raw, prefix):
            raise invalid_parameter(name, raw, f"{prefix} + 32 lowercase hex digits")
        return raw

    return parse


def non_empty(name: str, raw: str) -> str:
    """Parser for a required text that may not be blank (400 / 20001 ``Missing required parameter``)."""
    if raw == "":
        raise missing_parameter(name)
    return raw


def text_or_null(_name: str, raw: str) -> Optional[str]:
    """Parser for an optional text: an empty value sets null (*unconfirmed*)."""
    return raw or None


def lower_or_upper(choices: Sequence[str]) -> Parser:
    """Parser for an enum accepted in any case and stored upper case (HTTP methods: the spec lists ``get``/``post``)."""

    def parse(name: str, raw: str) -> str:
        if raw.lower() not in choices:
            raise invalid_parameter(name, raw, "one of " + ", ".join(choices))
        return raw.upper()

    return parse


def _raw(value: Any, where: str) -> str:
    """A YAML value as the form string the API would receive."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (str, int)):
        return str(value)
    raise SeedError(f"{where}: unsupported value {value!r}")


def seed_values(entry: Mapping[str, Any], params: Iterable[Param], where: str) -> dict[str, Any]:
    """Typed values of the entry's keys that name a parameter's JSON key, checked by the API's parsers."""
    found: dict[str, Any] = {}
    for param in params:
        if param.name not in entry:
            continue
        value = entry[param.name]
        try:
            if param.repeated:
                if not isinstance(value, list):
                    raise SeedError(f"{where}.{param.name}: expected a list")
                found[param.name] = param.parse(param.param, [_raw(item, f"{where}.{param.name}") for item in value])
            else:
                found[param.name] = param.parse(param.param, _raw(value, f"{where}.{param.name}"))
        except TwilioError as error:
            raise SeedError(f"{where}.{param.name}: {error.message}") from None
    return found


def seed_mapping(entry: Any, where: str, allowed: Iterable[str], required: Sequence[str]) -> dict[str, Any]:
    """The entry as a mapping with every ``required`` key and no key outside ``allowed``."""
    if not isinstance(entry, dict):
        raise SeedError(f"{where}: expected a mapping" + (f" with {', '.join(required)}" if required else ""))
    known = set(allowed) | set(required)
    unknown = sorted(set(map(str, entry)) - known)
    if unknown:
        raise SeedError(f"{where}: unknown field(s) {', '.join(unknown)} (allowed: {', '.join(sorted(known))})")
    for name in required:
        if entry.get(name) in (None, ""):
            raise SeedError(f"{where}: {name} is required")
    return entry
