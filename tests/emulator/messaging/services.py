"""Messaging v1 Services (``MG...``): list, create, fetch, update, delete.

Fields follow the ``messaging.v1.service`` schema of Twilio's OpenAPI spec (twilio_messaging_v1.json),
in the schema's order. ``sending_windows`` appears in the spec's examples but not in its schema nor in
the twilio 9.x SDK, so it is not returned. Deleting a service removes what goes with it (its delete handler
shows what: senders, campaign).
"""

from typing import Any, Optional

from emulator.crud import create_record, fetching, listing, record_or_404, updated
from emulator.errors import SeedError, TwilioError
from emulator.forms import integer_between, one_of, parse_boolean, parse_url, require, text_up_to
from emulator.messaging import SERVICES, SERVICES_URL, a2p_campaigns, a2p_rules, pool, service_url
from emulator.params import Param, read
from emulator.routing import Call, Reply, rest_routes
from emulator.state import Account, Record
from emulator.timefmt import ISO_DATE, iso8601

KIND = SERVICES
PREFIX = "MG"
LIST_URL = SERVICES_URL

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


FIELDS = (
    Param("FriendlyName", "friendly_name", text_up_to(64)),
    Param("InboundRequestUrl", "inbound_request_url", parse_url),
    Param("InboundMethod", "inbound_method", one_of(("GET", "POST"), fold_upper=True), default="POST"),
    Param("FallbackUrl", "fallback_url", parse_url),
    Param("FallbackMethod", "fallback_method", one_of(("GET", "POST"), fold_upper=True), default="POST"),
    Param("StatusCallback", "status_callback", parse_url),
    Param("StickySender", "sticky_sender", parse_boolean, default=True),
    Param("MmsConverter", "mms_converter", parse_boolean, default=True),
    Param("SmartEncoding", "smart_encoding", parse_boolean, default=True),
    Param("ScanMessageContent", "scan_message_content", one_of(("inherit", "enable", "disable")), default="inherit"),
    Param("FallbackToLongCode", "fallback_to_long_code", parse_boolean, default=True),
    Param("AreaCodeGeomatch", "area_code_geomatch", parse_boolean, default=True),
    Param("SynchronousValidation", "synchronous_validation", parse_boolean, default=True),
    Param("ValidityPeriod", "validity_period", integer_between(1, 36000), default=36000),
    Param("Usecase", "usecase", one_of(USECASES, error=_invalid_usecase), default="undeclared"),
    Param("UseInboundWebhookOnNumber", "use_inbound_webhook_on_number", parse_boolean, default=False),
)

# Schema order of the resource's keys; values not in FIELDS are filled by build().
ORDER = (
    "sid", "account_sid", "friendly_name", "date_created", "date_updated", "inbound_request_url", "inbound_method",
    "fallback_url", "fallback_method", "status_callback", "sticky_sender", "mms_converter", "smart_encoding",
    "scan_message_content", "fallback_to_long_code", "area_code_geomatch", "synchronous_validation", "validity_period",
    "url", "links", "usecase", "us_app_to_person_registered", "use_inbound_webhook_on_number",
)


def build(account: Account, sid: str, values: dict[str, Any], date_created: str, date_updated: Optional[str] = None) -> Record:
    """A complete service record in schema order: defaults, then ``values``."""
    record: dict[str, Any] = {field.name: field.default for field in FIELDS}
    record.update(
        sid=sid,
        account_sid=account.sid,
        date_created=date_created,
        date_updated=date_updated or date_created,
        url=service_url(sid),
        links={name: f"{service_url(sid)}/{suffix}" for name, suffix in LINKS},
        us_app_to_person_registered=False,
    )
    record.update(values)
    return {key: record[key] for key in ORDER}


def find(call: Call) -> Record:
    """The addressed service of the caller's account, else 404 20404."""
    return record_or_404(call.owner(), KIND, call.params["Sid"], f"/Services/{call.params['Sid']}")


def create_service(call: Call) -> Reply:
    """Create; only ``FriendlyName`` is required and names need not be unique."""
    require(call.form, "FriendlyName")
    return create_record(call, KIND, PREFIX, build, read(call.form, FIELDS))


def update_service(call: Call) -> Reply:
    """Change only the sent fields; ``date_updated`` moves on every update. A ``Usecase`` its A2P campaign's use case does not fit
    answers 400 / 21719 (https://www.twilio.com/docs/errors/21719: "You updated the Messaging Service usecase to a value that
    is not compatible with the current A2P campaign"); an externally registered campaign (no use case known) never conflicts."""
    record = find(call)
    values = read(call.form, FIELDS)
    _check_campaign_fits(call.owner(), record, values.get("usecase"))
    return updated(record, values, iso8601())


def _check_campaign_fits(account: Account, service: Record, usecase: Optional[str]) -> None:
    campaign = a2p_rules.campaign_of_service(account, service["sid"]) if usecase is not None else None
    if campaign is not None and campaign["us_app_to_person_usecase"] is not None:
        a2p_rules.check_service_usecase({"usecase": usecase}, campaign["us_app_to_person_usecase"])


def delete_service(call: Call) -> Reply:
    """Delete (204) the service and what goes with it: its phone numbers, short codes and alpha sender leave its pool (the
    numbers and short codes stay with the account, free for another service), and its A2P campaign, registered here or
    linked as externally registered, is deleted (its approval timer stops)."""
    service = find(call)
    account = call.owner()
    pool.free_senders(account, service["sid"])
    a2p_campaigns.drop_campaign_of(account, service["sid"])
    account.remove(KIND, service["sid"])
    return Reply(204)


ROUTES = rest_routes("/v1/Services", list_=listing(KIND, LIST_URL, "services"), create=create_service, fetch=fetching(find),
                     update=update_service, delete=delete_service)


SEED_ONLY = ("sid", "date_created", "date_updated", "us_app_to_person_registered")


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


def _seed_value(field: Param, value: Any, where: str) -> Any:
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
