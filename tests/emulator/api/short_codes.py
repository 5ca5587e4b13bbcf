"""The account's short codes (``SMS/ShortCodes``, ``SC...``): seeded, listed, fetched, updated.

Fields follow the ``api.v2010.account.short_code`` schema of twilio_api_v2010.json in its order; the
defaults are the spec's example's (URLs ``null``, methods ``POST``). List filters: ``ShortCode``
(partial codes and ``*`` wildcards, as ``PhoneNumber`` on numbers) and ``FriendlyName`` (exact,
*unconfirmed*).
"""

import re
from typing import Any

from emulator.api import account_uri
from emulator.api.fields import SMS_FIELDS, record_routes
from emulator.api.number_filter import filtered, number_matcher
from emulator.api.scope import addressed_account
from emulator.api.seed_values import check_unique, entry_mapping, optional_text
from emulator.errors import SeedError
from emulator.paging import v2010_page
from emulator.routing import Call, Reply, Route
from emulator.state import Account, Record
from emulator.timefmt import rfc2822

KIND = "short_codes"
PREFIX = "SC"
DIGITS = re.compile(r"^[0-9]{3,8}$")
FILTERS = ("FriendlyName", "ShortCode")
SEED_FIELDS = ("short_code", "sid", "friendly_name")


def list_uri(account_sid: str) -> str:
    """``/2010-04-01/Accounts/AC.../SMS/ShortCodes.json``."""
    return f"{account_uri(account_sid)}/SMS/ShortCodes.json"


def build(account: Account, sid: str, short_code: str, friendly_name: str) -> Record:
    """A complete record in schema order."""
    created = rfc2822()
    return {
        "account_sid": account.sid, "api_version": "2010-04-01", "date_created": created, "date_updated": created,
        "friendly_name": friendly_name, "short_code": short_code, "sid": sid, "sms_fallback_method": "POST",
        "sms_fallback_url": None, "sms_method": "POST", "sms_url": None,
        "uri": f"{account_uri(account.sid)}/SMS/ShortCodes/{sid}.json",
    }


def from_seed(account: Account, entry: Any, where: str) -> Record:
    """A seeded short code: ``short_code`` (3 to 8 digits) plus optional ``sid`` and ``friendly_name`` (default: the code)."""
    entry = entry_mapping(entry, where, SEED_FIELDS, "short_code")
    code = entry["short_code"]
    code = str(code) if isinstance(code, int) and not isinstance(code, bool) else code
    if not isinstance(code, str) or not DIGITS.match(code):
        raise SeedError(f"{where}.short_code: {entry['short_code']!r} is not a short code (3 to 8 digits)")
    check_unique(account.records(KIND), "short_code", code, where)
    name = optional_text(entry, "friendly_name", where, code)
    return build(account, entry.get("sid") or account.new_sid(PREFIX), code, name)


def list_short_codes(call: Call) -> Reply:
    """The account's short codes in seed order, filtered, paged (key ``short_codes``)."""
    account = addressed_account(call)
    records, sent = filtered(account.records(KIND), call.query, FILTERS, _matches)
    return Reply(200, v2010_page(records, call.query, uri=list_uri(account.sid), key="short_codes", position=account.position, filters=sent))


def _matches(name: str, value: str, record: Record) -> bool:
    if name == "ShortCode":
        return number_matcher(value)(record["short_code"])
    return bool(record["friendly_name"] == value)


# Fetch one short code; update the sent fields (``FriendlyName``, ``SmsUrl``, ``SmsMethod``, ``SmsFallbackUrl``, ``SmsFallbackMethod``).
ROUTES = (Route("GET", "/2010-04-01/Accounts/{AccountSid}/SMS/ShortCodes.json", list_short_codes),
          *record_routes("/2010-04-01/Accounts/{AccountSid}/SMS/ShortCodes/{Sid}.json", KIND, SMS_FIELDS))
