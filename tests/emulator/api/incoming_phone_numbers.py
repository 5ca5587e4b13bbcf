"""The account's own phone numbers (``/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers``, ``PN...``): seeded,
listed (with Twilio's filters), fetched, updated.

Fields follow the ``api.v2010.account.incoming_phone_number`` schema of twilio_api_v2010.json in its
order, plus ``subresource_uris`` (in the spec's examples, not its schema); twilio 9.x also reads a ``type``
the spec lacks, which is not returned. Numbers cannot be bought or released here: they come from the seed.
Adding a number to a Messaging Service's sender pool, or taking it out, does not change this record (its
``sms_url`` and ``sms_application_sid`` included): no Twilio source says it does (*unconfirmed*, see docs/emulator.md,
"Sender pools").

List filters: ``PhoneNumber`` (partial numbers and ``*`` wildcards, see :mod:`emulator.api.number_filter`),
``FriendlyName`` (exact match, *unconfirmed*), ``Origin`` (exact: ``twilio`` or ``hosted``) and ``Beta``
(``false`` leaves out beta numbers; seeded numbers are not beta). The filters sent are repeated in every
paging URI, in the spec's order.
"""

import re
from typing import Any

from emulator.api import account_uri
from emulator.api.fields import NUMBER_FIELDS, record_routes
from emulator.api.number_filter import filtered, number_matcher
from emulator.api.scope import addressed_account
from emulator.api.seed_values import check_unique, entry_mapping, optional_method, optional_sid, optional_text
from emulator.errors import SeedError
from emulator.forms import parse_boolean
from emulator.paging import v2010_page
from emulator.routing import Call, Reply, Route
from emulator.state import Account, Record
from emulator.timefmt import rfc2822

KIND = "phone_numbers"
PREFIX = "PN"
E164 = re.compile(r"^\+[1-9][0-9]{1,14}$")
CAPABILITY_NAMES = ("voice", "sms", "mms", "fax")
DEFAULT_CAPABILITIES = {"voice": True, "sms": True, "mms": True, "fax": False}

# Schema order; the values are the defaults of a number without configuration, as in the spec's examples.
DEFAULTS: dict[str, Any] = {
    "account_sid": None, "address_sid": None, "address_requirements": "none", "api_version": "2010-04-01",
    "beta": False, "capabilities": None, "date_created": None, "date_updated": None, "friendly_name": None,
    "identity_sid": None, "phone_number": None, "origin": "twilio", "sid": None, "sms_application_sid": "",
    "sms_fallback_method": "POST", "sms_fallback_url": "", "sms_method": "POST", "sms_url": "", "status_callback": "",
    "status_callback_method": "POST", "trunk_sid": None, "uri": None, "voice_receive_mode": "voice",
    "voice_application_sid": "", "voice_caller_id_lookup": False, "voice_fallback_method": "POST",
    "voice_fallback_url": None, "voice_method": "POST", "voice_url": None, "emergency_status": "Inactive",
    "emergency_address_sid": None, "emergency_address_status": "unregistered", "bundle_sid": None, "status": "in-use",
    "subresource_uris": None,
}

FILTERS = ("FriendlyName", "Beta", "PhoneNumber", "Origin")
SEED_FIELDS = ("phone_number", "sid", "friendly_name", "capabilities", "sms_url", "sms_method", "sms_application_sid", "status")


def list_uri(account_sid: str) -> str:
    """``/2010-04-01/Accounts/AC.../IncomingPhoneNumbers.json``."""
    return f"{account_uri(account_sid)}/IncomingPhoneNumbers.json"


def number_uri(account_sid: str, sid: str) -> str:
    """The relative URI of one number."""
    return f"{account_uri(account_sid)}/IncomingPhoneNumbers/{sid}.json"


def national_format(number: str) -> str:
    """Twilio's default friendly name: ``(808) 925-5327`` for North American numbers, else the E.164 number."""
    if len(number) == 12 and number.startswith("+1"):
        return f"({number[2:5]}) {number[5:8]}-{number[8:]}"
    return number


def build(account: Account, sid: str, values: dict[str, Any]) -> Record:
    """A complete record in schema order: defaults, then ``values`` (which must hold ``phone_number``)."""
    created = rfc2822()
    record = dict(DEFAULTS)
    record.update(
        account_sid=account.sid,
        capabilities=dict(DEFAULT_CAPABILITIES),
        date_created=created,
        date_updated=created,
        friendly_name=national_format(values["phone_number"]),
        sid=sid,
        uri=number_uri(account.sid, sid),
        subresource_uris={"assigned_add_ons": f"{account_uri(account.sid)}/IncomingPhoneNumbers/{sid}/AssignedAddOns.json"},
    )
    record.update(values)
    return record


def from_seed(account: Account, entry: Any, where: str) -> Record:
    """A seeded number: ``phone_number`` (E.164) plus optional ``sid``, ``friendly_name``, ``capabilities``,
    ``sms_url``, ``sms_method``, ``sms_application_sid``, ``status``."""
    entry = entry_mapping(entry, where, SEED_FIELDS, "phone_number")
    number = entry["phone_number"]
    if not isinstance(number, str) or not E164.match(number):
        raise SeedError(f"{where}.phone_number: {number!r} is not an E.164 number (+ and 2 to 15 digits, e.g. +15005550006)")
    check_unique(account.records(KIND), "phone_number", number, where)
    values: dict[str, Any] = {"phone_number": number}
    for name in ("friendly_name", "sms_url", "status"):
        if entry.get(name) is not None:
            values[name] = optional_text(entry, name, where, None)
    if values.get("status") == "":
        raise SeedError(f"{where}.status: expected a non-empty string")
    values["sms_method"] = optional_method(entry, "sms_method", where)
    values["sms_application_sid"] = optional_sid(entry, "sms_application_sid", where, "AP")
    values["capabilities"] = _capabilities(entry.get("capabilities"), f"{where}.capabilities")
    return build(account, entry.get("sid") or account.new_sid(PREFIX), values)


def _capabilities(value: Any, where: str) -> dict[str, bool]:
    """``{voice, sms, mms, fax}`` booleans; missing ones take the defaults (all true but fax)."""
    if value is None:
        return dict(DEFAULT_CAPABILITIES)
    if not isinstance(value, dict):
        raise SeedError(f"{where}: expected a mapping of {', '.join(CAPABILITY_NAMES)} to true/false")
    unknown = sorted(set(map(str, value)) - set(CAPABILITY_NAMES))
    if unknown:
        raise SeedError(f"{where}: unknown capability(ies) {', '.join(unknown)} (allowed: {', '.join(CAPABILITY_NAMES)})")
    for name, flag in value.items():
        if not isinstance(flag, bool):
            raise SeedError(f"{where}.{name}: expected true or false, got {flag!r}")
    return {name: value.get(name, default) for name, default in DEFAULT_CAPABILITIES.items()}


def list_numbers(call: Call) -> Reply:
    """The account's numbers in seed order, filtered, paged (key ``incoming_phone_numbers``)."""
    account = addressed_account(call)
    records, sent = filtered(account.records(KIND), call.query, FILTERS, _matches)
    page = v2010_page(records, call.query, uri=list_uri(account.sid), key="incoming_phone_numbers", position=account.position, filters=sent)
    return Reply(200, page)


def _matches(name: str, value: str, record: Record) -> bool:
    if name == "PhoneNumber":
        return number_matcher(value)(record["phone_number"])
    if name == "Beta":
        return parse_boolean(name, value) or not record["beta"]
    field = "friendly_name" if name == "FriendlyName" else "origin"
    return bool(record[field] == value)


# Fetch one number; update the sent fields (``SmsUrl``, ``SmsMethod``, ``SmsApplicationSid``, ``FriendlyName``...).
ROUTES = (Route("GET", "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json", list_numbers),
          *record_routes("/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json", KIND, NUMBER_FIELDS))
