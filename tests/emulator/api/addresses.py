"""The account's Addresses (``Addresses.json``, ``AD...``): create, list, fetch, update, delete.

Fields follow the ``api.v2010.account.address`` schema of twilio_api_v2010.json in its order. Create requires
``CustomerName``, ``Street``, ``City``, ``Region``, ``PostalCode`` and ``IsoCountry`` (the spec's ``required``); an
update changes the fields sent (``IsoCountry`` is not among the update's parameters). ``validated`` and ``verified`` stay
false and ``AutoCorrectAddress`` is ignored: the emulator checks no address (*unconfirmed* what Twilio changes).
``IsoCountry`` must be two capital letters (*unconfirmed* rule). List filters ``CustomerName``, ``FriendlyName``,
``IsoCountry`` (exact) and ``EmergencyEnabled`` (*unconfirmed* matching). Trust Hub supporting documents name addresses
in ``address_sids`` (:mod:`emulator.trusthub.evaluations`).
"""

import re
from typing import Any

from emulator.api import account_uri
from emulator.api.fields import apply_update
from emulator.api.scope import addressed_account, addressed_record
from emulator.crud import created
from emulator.errors import TwilioError
from emulator.forms import last, parse_boolean, require, text_up_to
from emulator.paging import v2010_page
from emulator.params import Param, non_empty, read, seed_mapping, seed_values, text_or_null
from emulator.routing import Call, Reply, Route
from emulator.state import Account, Record
from emulator.timefmt import rfc2822

KIND = "addresses"
PREFIX = "AD"
COUNTRY = re.compile(r"^[A-Z]{2}$")
REQUIRED = ("CustomerName", "Street", "City", "Region", "PostalCode", "IsoCountry")
ORDER = ("account_sid", "city", "customer_name", "date_created", "date_updated", "friendly_name", "iso_country", "postal_code", "region",
         "sid", "street", "uri", "emergency_enabled", "validated", "verified", "street_secondary")
FILTERS = (("CustomerName", "customer_name"), ("FriendlyName", "friendly_name"), ("IsoCountry", "iso_country"))


def _country(name: str, raw: str) -> str:
    if not COUNTRY.match(raw):
        raise TwilioError(400, 20001, f"Invalid parameter {name}: expected an ISO 3166-1 alpha-2 country code such as US")
    return raw


UPDATE_FIELDS = (
    Param("FriendlyName", "friendly_name", text_up_to(64)),
    Param("CustomerName", "customer_name", non_empty),
    Param("Street", "street", non_empty),
    Param("City", "city", non_empty),
    Param("Region", "region", non_empty),
    Param("PostalCode", "postal_code", non_empty),
    Param("EmergencyEnabled", "emergency_enabled", parse_boolean),
    Param("StreetSecondary", "street_secondary", text_or_null),
)
CREATE_FIELDS = UPDATE_FIELDS + (Param("IsoCountry", "iso_country", _country),)


def list_uri(account_sid: str) -> str:
    """``/2010-04-01/Accounts/AC.../Addresses.json``."""
    return f"{account_uri(account_sid)}/Addresses.json"


def build(account: Account, sid: str, values: dict[str, Any]) -> Record:
    """A complete record in schema order."""
    stamp = rfc2822()
    record: dict[str, Any] = {"account_sid": account.sid, "date_created": stamp, "date_updated": stamp, "friendly_name": None, "sid": sid,
                              "uri": f"{account_uri(account.sid)}/Addresses/{sid}.json", "emergency_enabled": False, "validated": False,
                              "verified": False, "street_secondary": None}
    record.update(values)
    return {key: record[key] for key in ORDER}


def create(call: Call) -> Reply:
    """201 and the new address."""
    account = addressed_account(call)
    for name in REQUIRED:
        require(call.form, name)
    return created(account, KIND, build(account, account.new_sid(PREFIX), read(call.form, CREATE_FIELDS)))


def list_addresses(call: Call) -> Reply:
    """The account's addresses in creation order, filtered, paged (key ``addresses``)."""
    account = addressed_account(call)
    records, sent = account.records(KIND), []
    for param, name in FILTERS:
        value = last(call.query, param)
        if value:
            records, sent = [record for record in records if record[name] == value], sent + [(param, value)]
    emergency = last(call.query, "EmergencyEnabled")
    if emergency:
        wanted = parse_boolean("EmergencyEnabled", emergency)
        records, sent = [record for record in records if record["emergency_enabled"] is wanted], sent + [("EmergencyEnabled", emergency)]
    return Reply(200, v2010_page(records, call.query, uri=list_uri(account.sid), key="addresses", position=account.position, filters=sent))


def fetch(call: Call) -> Reply:
    """200 and the address."""
    return Reply(200, addressed_record(call, KIND))


def update(call: Call) -> Reply:
    """200 and the address with the sent fields changed."""
    return apply_update(addressed_record(call, KIND), call.form, UPDATE_FIELDS)


def delete(call: Call) -> Reply:
    """204."""
    record = addressed_record(call, KIND)
    call.owner().remove(KIND, record["sid"])
    return Reply(204)


ITEM = "/2010-04-01/Accounts/{AccountSid}/Addresses/{Sid}.json"
ROUTES = (
    Route("GET", "/2010-04-01/Accounts/{AccountSid}/Addresses.json", list_addresses),
    Route("POST", "/2010-04-01/Accounts/{AccountSid}/Addresses.json", create),
    Route("GET", ITEM, fetch),
    Route("POST", ITEM, update),
    Route("DELETE", ITEM, delete),
)

SEED_FIELDS = ("sid", "customer_name", "street", "street_secondary", "city", "region", "postal_code", "iso_country", "friendly_name",
               "emergency_enabled")


def from_seed(account: Account, entry: Any, where: str) -> Record:
    """A seeded address: ``customer_name``, ``street``, ``city``, ``region``, ``postal_code``, ``iso_country`` (required, checked as
    the API checks them), optional ``sid``, ``street_secondary``, ``friendly_name``, ``emergency_enabled``."""
    entry = seed_mapping(entry, where, SEED_FIELDS, ("customer_name", "street", "city", "region", "postal_code", "iso_country"))
    return build(account, entry.get("sid") or account.new_sid(PREFIX), seed_values(entry, CREATE_FIELDS, where))
