"""Proxy v1 Services (``/v1/Services``, ``KS...``; store ``proxy_services``): list, create, fetch, update, delete.

Fields follow the ``proxy.v1.service`` schema of twilio_proxy_v1.json, in the schema's order; ``links`` are the
spec example's ``sessions`` and ``phone_numbers``. ``UniqueName`` (at most 191 characters) is unique in the
account: a second one answers 400 / 80602 "Service UniqueName must be unique." (Twilio's 80602 page; the status is
*unconfirmed*). ``GET /v1/Services/{Sid}`` also accepts the unique name (the spec gives that ``Sid`` no SID
pattern; *unconfirmed*). Deleting a service frees its numbers (its delete handler calls
:func:`emulator.proxy.phone_numbers.free_numbers`).

The ``proxy_services`` seed section: ``{unique_name, sid?, phone_numbers?: [E.164 or PN...], default_ttl?,
callback_url?, geo_match_level?, ...}``; each number must be one of the account's seeded ``phone_numbers`` and in at
most one Proxy service.
"""

from typing import Any, Optional

from emulator.api import incoming_phone_numbers
from emulator.crud import create_record, fetching, listing, updated
from emulator.errors import SeedError, TwilioError
from emulator.forms import integer_between, last, one_of, parse_url, require, text_up_to
from emulator.params import Param, read, seed_mapping, seed_values, sid_of
from emulator.proxy import SERVICES, SERVICES_URL, find_service, phone_numbers, service_url
from emulator.routing import Call, Reply, rest_routes
from emulator.state import Account, Record
from emulator.timefmt import iso8601

KIND = SERVICES
PREFIX = "KS"
LIST_URL = SERVICES_URL
LINKS = (("sessions", "Sessions"), ("phone_numbers", "PhoneNumbers"))

PARAMS = (
    Param("UniqueName", "unique_name", text_up_to(191)),
    Param("DefaultTtl", "default_ttl", integer_between(0, 2**31 - 1)),
    Param("CallbackUrl", "callback_url", parse_url),
    Param("GeoMatchLevel", "geo_match_level", one_of(("area-code", "overlay", "radius", "country"))),
    Param("NumberSelectionBehavior", "number_selection_behavior", one_of(("avoid-sticky", "prefer-sticky"))),
    Param("InterceptCallbackUrl", "intercept_callback_url", parse_url),
    Param("OutOfSessionCallbackUrl", "out_of_session_callback_url", parse_url),
    Param("ChatInstanceSid", "chat_instance_sid", sid_of("IS", empty=True)),
)
# New-service defaults: the spec's default_ttl 0 and the documented country / prefer-sticky defaults.
DEFAULTS: dict[str, Any] = {
    "chat_instance_sid": None, "callback_url": None, "default_ttl": 0, "number_selection_behavior": "prefer-sticky",
    "geo_match_level": "country", "intercept_callback_url": None, "out_of_session_callback_url": None,
}
ORDER = (
    "sid", "unique_name", "account_sid", "chat_instance_sid", "callback_url", "default_ttl", "number_selection_behavior",
    "geo_match_level", "intercept_callback_url", "out_of_session_callback_url", "date_created", "date_updated", "url", "links",
)


def build(account: Account, sid: str, values: dict[str, Any], created: str) -> Record:
    """A complete service in schema order: defaults, then ``values`` (which hold ``unique_name``)."""
    record: dict[str, Any] = dict(DEFAULTS)
    record.update(sid=sid, account_sid=account.sid, date_created=created, date_updated=created, url=service_url(sid),
                  links={name: f"{service_url(sid)}/{suffix}" for name, suffix in LINKS})
    record.update(values)
    return {key: record[key] for key in ORDER}


def check_unique_name(account: Account, name: str, own_sid: Optional[str] = None) -> None:
    """400 / 80602 when another service of the account has this unique name."""
    if any(record["unique_name"] == name and record["sid"] != own_sid for record in account.records(KIND)):
        raise TwilioError(400, 80602, "Service UniqueName must be unique.")


def create_service(call: Call) -> Reply:
    """Create (201); ``UniqueName`` is required and unique."""
    require(call.form, "UniqueName")
    values = read(call.form, PARAMS)
    check_unique_name(call.owner(), values["unique_name"])
    return create_record(call, KIND, PREFIX, build, values)


def update_service(call: Call) -> Reply:
    """Change the sent fields (200); ``date_updated`` moves."""
    record = find_service(call)
    values = read(call.form, PARAMS)
    if last(call.form, "UniqueName") is not None:
        check_unique_name(call.owner(), values["unique_name"], record["sid"])
    return updated(record, values, iso8601())


def delete_service(call: Call) -> Reply:
    """Delete (204) the service and what goes with it: its numbers leave it and stay with the account."""
    service = find_service(call)
    account = call.owner()
    phone_numbers.free_numbers(account, service["sid"])
    account.remove(KIND, service["sid"])
    return Reply(204)


def _fetch_find(call: Call) -> Record:
    """A fetch's service, by SID or unique name."""
    return find_service(call, by_name=True)


ROUTES = rest_routes("/v1/Services", list_=listing(KIND, LIST_URL, "services"), create=create_service, fetch=fetching(_fetch_find),
                     update=update_service, delete=delete_service)


SEED_FIELDS = ("sid", "phone_numbers") + tuple(param.name for param in PARAMS)


def _owned(account: Account, ref: Any, where: str) -> Record:
    """The owned number a seed reference (E.164 number or PN SID) names."""
    if not isinstance(ref, str):
        raise SeedError(f"{where}: expected an E.164 number (quoted, \"+15005550006\") or a PN SID, got {ref!r}")
    for record in account.records(incoming_phone_numbers.KIND):
        if ref in (record["sid"], record["phone_number"]):
            return record
    raise SeedError(f"{where}: {ref} is not one of this account's phone_numbers")


def from_seed(account: Account, entry: Any, where: str) -> Record:
    """A seeded Proxy service; its numbers go to the ``proxy_phone_numbers`` store."""
    entry = seed_mapping(entry, where, SEED_FIELDS, ("unique_name",))
    values = seed_values(entry, PARAMS, where)
    try:
        check_unique_name(account, values["unique_name"])
    except TwilioError:
        raise SeedError(f"{where}.unique_name: duplicate unique_name {values['unique_name']}") from None
    stamp = iso8601()
    service = build(account, entry.get("sid") or account.new_sid(PREFIX), values, stamp)
    numbers = entry.get("phone_numbers") or []
    if not isinstance(numbers, list):
        raise SeedError(f"{where}.phone_numbers: expected a list of E.164 numbers or PN SIDs")
    for index, ref in enumerate(numbers):
        owned = _owned(account, ref, f"{where}.phone_numbers[{index}]")
        try:
            phone_numbers.check_free(account, owned, service["sid"])
        except TwilioError as error:
            raise SeedError(f"{where}.phone_numbers[{index}]: {error.message}") from None
        account.add(phone_numbers.KIND, phone_numbers.build(account, service, owned, False, stamp))
    return service
