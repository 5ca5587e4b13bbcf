"""Conversations v1 Address Configurations (``/v1/Configuration/Addresses``, ``IG...``): list (``Type`` filter,
at most 50 a page), create, fetch, update, delete. A Flex Conversations number is routed by an ``sms`` one.

``{Sid}`` is the configuration's SID or its address, as the spec says ("can be either the sid or the address").
Rules (*unconfirmed* codes): an ``sms`` address is the E.164 number of one of the account's own numbers
(400 / 21421, Twilio: "a single address ... that belongs to your Twilio Account"), and a type and address pair
exists once per account (400 / 20001).
"""

from typing import Any, Optional

from emulator.api import incoming_phone_numbers
from emulator.conversations.address_fields import (AUTO_CREATION, CREATE_ONLY, KIND, LIST_URL, MAX_PAGE_SIZE, PARAMS, PREFIX, auto_creation_of,
                                                   build)
from emulator.crud import create_record, deleting, fetching, page_reply, updated
from emulator.errors import SeedError, TwilioError, not_found
from emulator.forms import require
from emulator.params import exact_filter, read, seed_mapping, seed_values
from emulator.routing import Call, Reply, resource_path, rest_routes
from emulator.sids import is_sid
from emulator.state import Account, Record
from emulator.timefmt import iso8601


def lookup(account: Account, key: str) -> Optional[Record]:
    """The configuration with SID ``key``, else the first one whose address is ``key``."""
    if is_sid(key, PREFIX):
        return account.get(KIND, key)
    return next((record for record in account.records(KIND) if record["address"] == key), None)


def check_address(account: Account, kind: str, address: str) -> None:
    """The ownership (``sms``) and uniqueness rules, as TwilioErrors."""
    if kind == "sms" and not any(number["phone_number"] == address for number in account.records(incoming_phone_numbers.KIND)):
        raise TwilioError(400, 21421, f"Address {address} is not an E.164 phone number of this account")
    for record in account.records(KIND):
        if (record["type"], record["address"]) == (kind, address):
            raise TwilioError(400, 20001, f"An address configuration of type {kind} already exists for {address} ({record['sid']})")


def _find(call: Call) -> Record:
    record = lookup(call.owner(), call.params["Sid"])
    if record is None:
        raise not_found(resource_path(call.path))
    return record


def list_addresses(call: Call) -> Reply:
    """Creation order, paged (key ``address_configurations``, ``PageSize`` clamped to 50); ``Type`` is an exact match."""
    records, filters = exact_filter(call.owner().records(KIND), call.query, "Type", "type")
    return page_reply(call, records, url=LIST_URL, key="address_configurations", filters=filters, max_size=MAX_PAGE_SIZE)


def create_address(call: Call) -> Reply:
    """Create (201): ``Type`` and ``Address`` are required."""
    require(call.form, "Type")
    require(call.form, "Address")
    values = read(call.form, CREATE_ONLY + PARAMS)
    values["auto_creation"] = auto_creation_of({}, read(call.form, AUTO_CREATION))
    account = call.owner()
    check_address(account, values["type"], values["address"])
    return create_record(call, KIND, PREFIX, build, values)


def update_address(call: Call) -> Reply:
    """Change ``FriendlyName`` and ``AutoCreation.*`` (merged into ``auto_creation``); type and address stay."""
    record = _find(call)
    values = read(call.form, PARAMS)
    auto_creation = auto_creation_of(record["auto_creation"], read(call.form, AUTO_CREATION))
    return updated(record, dict(values, auto_creation=auto_creation), iso8601())


ROUTES = rest_routes("/v1/Configuration/Addresses", list_=list_addresses, create=create_address, fetch=fetching(_find),  # {Sid}: SID or address
                     update=update_address, delete=deleting(_find, KIND))


def from_seed(account: Account, entry: Any, where: str) -> Record:
    """A seeded configuration: ``type`` and ``address``, optional ``friendly_name``, ``address_country``, ``sid`` and
    ``auto_creation`` (a mapping of ``enabled``, ``type``, ``conversation_service_sid``, ``webhook_url``...).
    Numbers must be seeded before (``phone_numbers``) for ``sms`` addresses."""
    entry = seed_mapping(entry, where, ("sid", "friendly_name", "address_country", "auto_creation"), ("type", "address"))
    if not isinstance(entry["address"], str):
        raise SeedError(f"{where}.address: expected a string (quote phone numbers: \"+15005550006\")")
    values = seed_values(entry, CREATE_ONLY + PARAMS, where)
    auto = entry.get("auto_creation") or {}
    seed_mapping(auto, f"{where}.auto_creation", [param.name for param in AUTO_CREATION], ())
    values["auto_creation"] = auto_creation_of({}, seed_values(auto, AUTO_CREATION, f"{where}.auto_creation"))
    try:
        check_address(account, values["type"], values["address"])
    except TwilioError as error:
        raise SeedError(f"{where}.address: {error.message}") from None
    return build(account, entry.get("sid") or account.new_sid(PREFIX), values, iso8601())
