"""Messaging v1 Services (``MG...``): list, create, fetch, update, delete.

Fields follow the ``messaging.v1.service`` schema of Twilio's OpenAPI spec (twilio_messaging_v1.json),
in the schema's order. ``sending_windows`` appears in the spec's examples but not in its schema nor in
the twilio 9.x SDK, so it is not returned.
"""

import re
from dataclasses import dataclass
from typing import Any, Optional

from emulator.errors import SeedError, TwilioError, not_found
from emulator.forms import Parser, integer_between, last, one_of, parse_boolean, parse_url, require, text_up_to
from emulator.messaging import BASE_URL, PRODUCT, a2p_rules
from emulator.paging import v1_page
from emulator.routing import API, Call, Reply
from emulator.state import Account, Record
from emulator.timefmt import iso8601

KIND = "services"
PREFIX = "MG"
LIST_URL = f"{BASE_URL}/v1/Services"

LINKS = (
    ("phone_numbers", "PhoneNumbers"),
    ("short_codes", "ShortCodes"),
    ("alpha_senders", "AlphaSenders"),
    ("messages", "Messages"),
    ("us_app_to_person", "Compliance/Usa2p"),
    ("us_app_to_person_usecases", "Compliance/Usa2p/Usecases"),
    ("channel_senders", "ChannelSenders"),
    ("destination_alpha_senders", "DestinationAlphaSenders"),
)

USECASES = ("notifications", "marketing", "verification", "discussion", "poll", "undeclared")


def _invalid_usecase(name: str, raw: str) -> TwilioError:
    """21713 (https://www.twilio.com/docs/errors/21713) with twilio/twilio-node#937's message ``Usecase is invalid``; HTTP 400
    (*unconfirmed* status)."""
    return TwilioError(400, 21713, "Usecase is invalid")


@dataclass(frozen=True)
class Field:
    """A writable field: its form parameter, its JSON name, its parser and its default for new services."""

    param: str
    name: str
    parse: Parser
    default: Any = None


FIELDS = (
    Field("FriendlyName", "friendly_name", text_up_to(64)),
    Field("InboundRequestUrl", "inbound_request_url", parse_url),
    Field("InboundMethod", "inbound_method", one_of(("GET", "POST"), fold_upper=True), "POST"),
    Field("FallbackUrl", "fallback_url", parse_url),
    Field("FallbackMethod", "fallback_method", one_of(("GET", "POST"), fold_upper=True), "POST"),
    Field("StatusCallback", "status_callback", parse_url),
    Field("StickySender", "sticky_sender", parse_boolean, True),
    Field("MmsConverter", "mms_converter", parse_boolean, True),
    Field("SmartEncoding", "smart_encoding", parse_boolean, True),
    Field("ScanMessageContent", "scan_message_content", one_of(("inherit", "enable", "disable")), "inherit"),
    Field("FallbackToLongCode", "fallback_to_long_code", parse_boolean, True),
    Field("AreaCodeGeomatch", "area_code_geomatch", parse_boolean, True),
    Field("SynchronousValidation", "synchronous_validation", parse_boolean, True),
    Field("ValidityPeriod", "validity_period", integer_between(1, 36000), 36000),
    Field("Usecase", "usecase", one_of(USECASES, error=_invalid_usecase), "undeclared"),
    Field("UseInboundWebhookOnNumber", "use_inbound_webhook_on_number", parse_boolean, False),
)

# Schema order of the resource's keys; values not in FIELDS are filled by build().
ORDER = (
    "sid", "account_sid", "friendly_name", "date_created", "date_updated", "inbound_request_url", "inbound_method",
    "fallback_url", "fallback_method", "status_callback", "sticky_sender", "mms_converter", "smart_encoding",
    "scan_message_content", "fallback_to_long_code", "area_code_geomatch", "synchronous_validation", "validity_period",
    "url", "links", "usecase", "us_app_to_person_registered", "use_inbound_webhook_on_number",
)


def service_url(sid: str) -> str:
    """Twilio's absolute URL of a service."""
    return f"{LIST_URL}/{sid}"


def build(account: Account, sid: str, values: dict[str, Any], created: str, updated: Optional[str] = None) -> Record:
    """A complete service record in schema order: defaults, then ``values``."""
    record: dict[str, Any] = {field.name: field.default for field in FIELDS}
    record.update(
        sid=sid,
        account_sid=account.sid,
        date_created=created,
        date_updated=updated or created,
        url=service_url(sid),
        links={name: f"{service_url(sid)}/{suffix}" for name, suffix in LINKS},
        us_app_to_person_registered=False,
    )
    record.update(values)
    return {key: record[key] for key in ORDER}


def changes(form: dict[str, list[str]]) -> dict[str, Any]:
    """Typed values of the fields present in the form; unknown form fields are ignored."""
    found = {}
    for field in FIELDS:
        raw = last(form, field.param)
        if raw is not None:
            found[field.name] = field.parse(field.param, raw)
    return found


def find(call: Call) -> Record:
    """The addressed service of the caller's account, else 404 20404."""
    record = call.owner().get(KIND, call.params["Sid"])
    if record is None:
        raise not_found(f"/Services/{call.params['Sid']}")
    return record


@API.route(PRODUCT, "GET", "/v1/Services")
def list_services(call: Call) -> Reply:
    """List in creation order, paged."""
    account = call.owner()
    return Reply(200, v1_page(account.records(KIND), call.query, url=LIST_URL, key="services", position=account.position))


@API.route(PRODUCT, "POST", "/v1/Services")
def create_service(call: Call) -> Reply:
    """Create; only ``FriendlyName`` is required and names need not be unique."""
    require(call.form, "FriendlyName")
    values = changes(call.form)
    account = call.owner()
    record = build(account, account.new_sid(PREFIX), values, iso8601())
    return Reply(201, account.add(KIND, record))


@API.route(PRODUCT, "GET", "/v1/Services/{Sid}")
def fetch_service(call: Call) -> Reply:
    """Fetch one service."""
    return Reply(200, find(call))


@API.route(PRODUCT, "POST", "/v1/Services/{Sid}")
def update_service(call: Call) -> Reply:
    """Change only the sent fields; ``date_updated`` moves on every update. A ``Usecase`` its A2P campaign's use case does not fit
    answers 400 / 21719 (https://www.twilio.com/docs/errors/21719: "You updated the Messaging Service usecase to a value that
    is not compatible with the current A2P campaign"); an externally registered campaign (no use case known) never conflicts."""
    record = find(call)
    values = changes(call.form)
    _check_campaign_fits(call.owner(), record, values.get("usecase"))
    record.update(values)
    record["date_updated"] = iso8601()
    return Reply(200, record)


def _check_campaign_fits(account: Account, service: Record, usecase: Optional[str]) -> None:
    campaign = a2p_rules.campaign_of_service(account, service["sid"]) if usecase is not None else None
    if campaign is not None and campaign["us_app_to_person_usecase"] is not None:
        a2p_rules.check_service_usecase({"usecase": usecase}, campaign["us_app_to_person_usecase"])


@API.route(PRODUCT, "DELETE", "/v1/Services/{Sid}")
def delete_service(call: Call) -> Reply:
    """Delete (204); delete hooks on ``services`` free the service's senders."""
    find(call)
    call.owner().remove(KIND, call.params["Sid"])
    return Reply(204)


SEED_ONLY = ("sid", "date_created", "date_updated", "us_app_to_person_registered")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def from_seed(account: Account, entry: Any, where: str) -> Record:
    """Build a pre-existing service from a seed entry: ``friendly_name`` plus any writable field, ``sid``, dates."""
    if not isinstance(entry, dict):
        raise SeedError(f"{where}: expected a mapping with friendly_name")
    by_name = {field.name: field for field in FIELDS}
    unknown = sorted(set(entry) - set(by_name) - set(SEED_ONLY))
    if unknown:
        raise SeedError(f"{where}: unknown service field(s) {', '.join(map(str, unknown))}")
    if "friendly_name" not in entry:
        raise SeedError(f"{where}: friendly_name is required")
    values: dict[str, Any] = {}
    for name, value in entry.items():
        if name in by_name:
            values[name] = _seed_value(by_name[name], value, where)
    if not isinstance(entry.get("us_app_to_person_registered", False), bool):
        raise SeedError(f"{where}: us_app_to_person_registered must be true or false")
    if "us_app_to_person_registered" in entry:
        values["us_app_to_person_registered"] = entry["us_app_to_person_registered"]
    for name in ("date_created", "date_updated"):
        if name in entry and not (isinstance(entry[name], str) and ISO_DATE.match(entry[name])):
            raise SeedError(f"{where}: {name} must look like 2015-07-30T20:12:31Z")
    sid = entry.get("sid") or account.new_sid(PREFIX)
    created = entry.get("date_created") or iso8601()
    return build(account, sid, values, created, entry.get("date_updated"))


def _seed_value(field: Field, value: Any, where: str) -> Any:
    """Check a typed YAML value with the same parser the API uses."""
    if isinstance(value, bool):
        raw = "true" if value else "false"
    elif value is None:
        raw = ""
    elif isinstance(value, (str, int)):
        raw = str(value)
    else:
        raise SeedError(f"{where}: {field.name} has an unsupported value {value!r}")
    try:
        return field.parse(field.param, raw)
    except TwilioError as error:
        raise SeedError(f"{where}: {field.name}: {error.message}") from None
