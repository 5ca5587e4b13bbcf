"""Proxy v1 Services (``/v1/Services``, ``KS...``; store ``proxy_services``): list, create, fetch, update, delete.

Fields follow the ``proxy.v1.service`` schema of twilio_proxy_v1.json, in the schema's order; ``links`` are the
spec example's ``sessions`` and ``phone_numbers``. ``UniqueName`` (at most 191 characters) is unique in the
account: a second one answers 400 / 80602 "Service UniqueName must be unique." (Twilio's 80602 page; the status is
*unconfirmed*). ``GET /v1/Services/{Sid}`` also accepts the unique name (the spec gives that ``Sid`` no SID
pattern; *unconfirmed*). Deleting a service frees its numbers (a delete hook in :mod:`emulator.proxy.phone_numbers`).
"""

from typing import Any, Optional

from emulator.errors import TwilioError, not_found
from emulator.forms import integer_between, last, one_of, parse_url, require, text_up_to
from emulator.paging import v1_page
from emulator.params import Param, read, sid_of
from emulator.proxy import BASE_URL, PRODUCT
from emulator.routing import API, Call, Reply, resource_path
from emulator.state import Account, Record
from emulator.timefmt import iso8601

KIND = "proxy_services"
PREFIX = "KS"
LIST_URL = f"{BASE_URL}/v1/Services"
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


def service_url(sid: str) -> str:
    """Twilio's absolute URL of a Proxy service."""
    return f"{LIST_URL}/{sid}"


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


def find(call: Call, param: str = "Sid", by_name: bool = False) -> Record:
    """The service named by the path's ``param`` (also by unique name when ``by_name``), else 404 / 20404."""
    account, key = call.owner(), call.params[param]
    record = account.get(KIND, key)
    if record is None and by_name:
        record = next((found for found in account.records(KIND) if found["unique_name"] == key), None)
    if record is None:
        raise not_found(resource_path(call.path))
    return record


@API.route(PRODUCT, "GET", "/v1/Services")
def list_services(call: Call) -> Reply:
    """Creation order, paged (key ``services``)."""
    account = call.owner()
    return Reply(200, v1_page(account.records(KIND), call.query, url=LIST_URL, key="services", position=account.position))


@API.route(PRODUCT, "POST", "/v1/Services")
def create_service(call: Call) -> Reply:
    """Create (201); ``UniqueName`` is required and unique."""
    require(call.form, "UniqueName")
    values = read(call.form, PARAMS)
    account = call.owner()
    check_unique_name(account, values["unique_name"])
    return Reply(201, account.add(KIND, build(account, account.new_sid(PREFIX), values, iso8601())))


@API.route(PRODUCT, "GET", "/v1/Services/{Sid}")
def fetch_service(call: Call) -> Reply:
    """Fetch one service by SID or unique name."""
    return Reply(200, find(call, by_name=True))


@API.route(PRODUCT, "POST", "/v1/Services/{Sid}")
def update_service(call: Call) -> Reply:
    """Change the sent fields (200); ``date_updated`` moves."""
    record = find(call)
    values = read(call.form, PARAMS)
    if last(call.form, "UniqueName") is not None:
        check_unique_name(call.owner(), values["unique_name"], record["sid"])
    record.update(values, date_updated=iso8601())
    return Reply(200, record)


@API.route(PRODUCT, "DELETE", "/v1/Services/{Sid}")
def delete_service(call: Call) -> Reply:
    """Delete (204); its numbers leave the service and stay with the account."""
    call.owner().remove(KIND, find(call)["sid"])
    return Reply(204)
