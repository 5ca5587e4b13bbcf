"""Checks for the 2010 resources' seed entries; each raises :class:`~emulator.errors.SeedError` naming the entry."""

from typing import Any, Iterable, Sequence

from emulator.errors import SeedError
from emulator.sids import is_sid
from emulator.state import Record

HTTP_METHODS = ("GET", "POST")


def entry_mapping(entry: Any, where: str, allowed: Iterable[str], required: str) -> dict[str, Any]:
    """The entry as a mapping with ``required`` present and no key outside ``allowed``."""
    if not isinstance(entry, dict):
        raise SeedError(f"{where}: expected a mapping with {required}")
    unknown = sorted(set(map(str, entry)) - set(allowed))
    if unknown:
        raise SeedError(f"{where}: unknown field(s) {', '.join(unknown)} (allowed: {', '.join(sorted(allowed))})")
    if required not in entry:
        raise SeedError(f"{where}: {required} is required")
    return entry


def optional_text(entry: dict[str, Any], name: str, where: str, default: Any) -> Any:
    """A string field (``null`` counts as absent)."""
    value = entry.get(name)
    if value is None:
        return default
    if not isinstance(value, str):
        raise SeedError(f"{where}.{name}: expected a string, got {value!r}")
    return value


def optional_method(entry: dict[str, Any], name: str, where: str) -> str:
    """An HTTP method field, ``GET`` or ``POST`` in any case (default ``POST``), stored upper case."""
    value = optional_text(entry, name, where, "POST")
    if value.upper() not in HTTP_METHODS:
        raise SeedError(f"{where}.{name}: expected GET or POST, got {value!r}")
    return str(value.upper())


def optional_sid(entry: dict[str, Any], name: str, where: str, prefix: str) -> str:
    """An optional SID reference such as ``sms_application_sid`` (``""`` when absent)."""
    value = optional_text(entry, name, where, "")
    if value and not is_sid(value, prefix):
        raise SeedError(f"{where}.{name}: {value!r} is not a SID ({prefix} + 32 lowercase hex)")
    return str(value)


def check_unique(earlier: Sequence[Record], name: str, value: str, where: str) -> None:
    """Refuse a value (a phone number, a short code) that an earlier entry of the same seed list already has.

    ``earlier`` holds the records built from the list's previous entries, in order, and ``where`` names
    this entry (``accounts[0].phone_numbers[2]``), so the clash is reported with both places.
    """
    for index, record in enumerate(earlier):
        if record.get(name) == value:
            section = where.rsplit("[", 1)[0]
            raise SeedError(f"{where}.{name}: duplicate {name} {value} (already used at {section}[{index}].{name})")
