"""A2P Brand Registrations (``BN...``): list, create, fetch, resubmit, OTP resend (``SmsOtp``); no delete (Twilio has none: 405).

Fields follow the ``messaging.v1.brand_registrations`` schema of twilio_messaging_v1.json, in its order.
The customer-profile and A2P-profile bundles (Trust Hub) are only checked for their SID shape.
"""

from dataclasses import dataclass
from typing import Any, Callable, Optional

from emulator.crud import create_record, fetching, page_reply, record_or_404
from emulator.errors import SeedError, invalid_parameter
from emulator.forms import last, one_of, parse_boolean, require
from emulator.messaging import BASE_URL
from emulator.messaging import a2p_rules as rules
from emulator.messaging.a2p_lifecycle import (BRAND_STATUSES, BRANDS, IDENTITY_STATUSES, approved_identity, registration_errors, settle, start_clock,
                                              stop_clock, tcr_id)
from emulator.params import Param
from emulator.routing import Call, Reply, Route, rest_routes
from emulator.sids import is_sid
from emulator.state import Account, Record
from emulator.timefmt import ISO_DATE, iso8601

KIND = BRANDS
PREFIX = "BN"
LIST_URL = f"{BASE_URL}/v1/a2p/BrandRegistrations"
BRAND_TYPES = ("STANDARD", "SOLE_PROPRIETOR")
FEEDBACK = ("TAX_ID", "STOCK_SYMBOL", "NONPROFIT", "GOVERNMENT_ENTITY", "OTHERS")
OPTIONS = (  # the create's optional parameters (sent empty, left at their defaults)
    Param("BrandType", "brand_type", one_of(BRAND_TYPES)),
    Param("Mock", "mock", parse_boolean),
    Param("SkipAutomaticSecVet", "skip_automatic_sec_vet", parse_boolean),
)

DEFAULTS: dict[str, Any] = {
    "brand_type": "STANDARD", "status": "PENDING", "tcr_id": None, "failure_reason": None, "errors": [], "brand_score": None,
    "brand_feedback": None, "identity_status": None, "russell_3000": None, "government_entity": None, "tax_exempt_status": None,
    "skip_automatic_sec_vet": False, "mock": False,
}
ORDER = (
    "sid", "account_sid", "customer_profile_bundle_sid", "a2p_profile_bundle_sid", "date_created", "date_updated", "brand_type",
    "status", "tcr_id", "failure_reason", "errors", "url", "brand_score", "brand_feedback", "identity_status", "russell_3000",
    "government_entity", "tax_exempt_status", "skip_automatic_sec_vet", "mock", "links",
)


def brand_url(sid: str) -> str:
    """Twilio's absolute URL of a brand."""
    return f"{LIST_URL}/{sid}"


def build(account: Account, sid: str, values: dict[str, Any], date_created: str, date_updated: Optional[str] = None) -> Record:
    """A complete brand record in schema order: defaults, then ``values``."""
    record: dict[str, Any] = dict(DEFAULTS, errors=[])
    record.update(
        sid=sid, account_sid=account.sid, date_created=date_created, date_updated=date_updated or date_created, url=brand_url(sid),
        links={"brand_vettings": f"{brand_url(sid)}/Vettings", "brand_registration_otps": f"{brand_url(sid)}/SmsOtp"},
    )
    record.update(values)
    return {key: record[key] for key in ORDER}


def find(call: Call, param: str = "Sid", suffix: str = "") -> Record:
    """The brand of the caller's account that the path parameter ``param`` names (timers settled), else 404 20404."""
    account = call.owner()
    settle(account)
    return record_or_404(account, KIND, call.params[param], f"/a2p/BrandRegistrations/{call.params[param]}{suffix}")


def _bundle(call: Call, name: str) -> str:
    value = require(call.form, name)
    if not is_sid(value, "BU"):
        raise invalid_parameter(name, value, "a Bundle SID (BU + 32 hex digits)")
    return value


def list_brands(call: Call) -> Reply:
    """List in creation order, paged (key ``data``)."""
    account = call.owner()
    settle(account)
    return page_reply(call, account.records(KIND), url=LIST_URL, key="data")


def create_brand(call: Call) -> Reply:
    """Register a brand: it starts PENDING (the approval timer, if configured, starts now)."""
    values: dict[str, Any] = {
        "customer_profile_bundle_sid": _bundle(call, "CustomerProfileBundleSid"),
        "a2p_profile_bundle_sid": _bundle(call, "A2PProfileBundleSid"),
    }
    for option in OPTIONS:
        raw = last(call.form, option.param)
        if raw not in (None, ""):
            values[option.name] = option.parse(option.param, raw)
    reply = create_record(call, KIND, PREFIX, build, values)
    start_clock(call.state, call.owner(), KIND, reply.body["sid"])
    return reply


def resubmit_brand(call: Call) -> Reply:
    """202: a FAILED brand is resubmitted (back to PENDING, errors cleared, timer restarted); any other status 400 / 21725."""
    record = find(call)
    rules.check_resubmittable(record)
    record.update(status="PENDING", errors=[], failure_reason=None, date_updated=iso8601())
    start_clock(call.state, call.owner(), KIND, record["sid"])
    return Reply(202, record)


def resend_otp(call: Call) -> Reply:
    """201 ``{account_sid, brand_registration_sid}`` (the spec's ``create`` example): a new OTP for a sole-proprietor brand
    that is not VERIFIED yet; other brands 400 / 20001 (*unconfirmed* code). Nothing else changes."""
    record = find(call, "BrandRegistrationSid", "/SmsOtp")
    rules.check_otp_pending(record)
    return Reply(201, {"account_sid": record["account_sid"], "brand_registration_sid": record["sid"]})


ROUTES = rest_routes("/v1/a2p/BrandRegistrations", list_=list_brands, create=create_brand, fetch=fetching(find), update=resubmit_brand) + (
    Route("POST", "/v1/a2p/BrandRegistrations/{BrandRegistrationSid}/SmsOtp", resend_otp),
)  # no DELETE: Twilio has none


def admin_change(account: Account, record: Record, changes: dict[str, Any]) -> None:
    """Apply an admin change (``status``, ``errors``, ``identity_status``, already validated): the clock stops;
    an APPROVED brand gets a ``tcr_id`` if it has none and, unless the change sets it, the identity status an approval gives
    (a sole-proprietor brand UNVERIFIED until its OTP is confirmed)."""
    stop_clock(account, record["sid"])
    record.update(changes)
    if record["status"] == "APPROVED" and record["tcr_id"] is None:
        record["tcr_id"] = tcr_id("B", record["sid"])
    if record["status"] == "APPROVED" and record["identity_status"] is None and "identity_status" not in changes:
        record["identity_status"] = approved_identity(record)
    record["date_updated"] = iso8601()


def confirm_otp(account: Account, record: Record) -> None:
    """The owner of an APPROVED sole-proprietor brand confirmed its OTP: ``identity_status`` VERIFIED (error 30752's page)."""
    rules.check_otp_pending(record)
    if record["status"] != "APPROVED":
        raise rules.error(rules.OTP_REFUSED, f"Brand Registration {record['sid']} is {record['status']}: its OTP is sent once it is APPROVED")
    admin_change(account, record, {"identity_status": "VERIFIED"})


@dataclass(frozen=True)
class SeedCheck:
    """What a seeded brand field must be, and the test."""

    expected: str
    test: Callable[[Any], Any]


SEED_CHECKS: dict[str, SeedCheck] = {name: SeedCheck(*pair) for name, pair in {
    "brand_type": ("one of " + ", ".join(BRAND_TYPES), lambda v: v in BRAND_TYPES),
    "status": ("one of " + ", ".join(BRAND_STATUSES), lambda v: v in BRAND_STATUSES),
    "identity_status": ("null or one of " + ", ".join(IDENTITY_STATUSES), lambda v: v is None or v in IDENTITY_STATUSES),
    "skip_automatic_sec_vet": ("true or false", lambda v: isinstance(v, bool)),
    "mock": ("true or false", lambda v: isinstance(v, bool)),
    "russell_3000": ("null, true or false", lambda v: v is None or isinstance(v, bool)),
    "government_entity": ("null, true or false", lambda v: v is None or isinstance(v, bool)),
    "tcr_id": ("null or a string", lambda v: v is None or isinstance(v, str)),
    "failure_reason": ("null or a string", lambda v: v is None or isinstance(v, str)),
    "tax_exempt_status": ("null or a string", lambda v: v is None or isinstance(v, str)),
    "brand_score": ("null or an integer", lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool))),
    "brand_feedback": ("null or a list of " + ", ".join(FEEDBACK), lambda v: v is None or (isinstance(v, list) and set(v) <= set(FEEDBACK))),
    "date_created": ("like 2015-07-30T20:12:31Z", lambda v: isinstance(v, str) and ISO_DATE.match(v)),
    "date_updated": ("like 2015-07-30T20:12:31Z", lambda v: isinstance(v, str) and ISO_DATE.match(v)),
}.items()}


def from_seed(account: Account, entry: Any, where: str) -> Record:
    """A pre-existing brand: both bundle SIDs required; ``status`` defaults to APPROVED (then ``identity_status`` VERIFIED
    and a ``tcr_id`` unless given); any other schema field may be set."""
    if not isinstance(entry, dict):
        raise SeedError(f"{where}: expected a mapping with customer_profile_bundle_sid and a2p_profile_bundle_sid")
    unknown = sorted(set(entry) - set(SEED_CHECKS) - {"sid", "customer_profile_bundle_sid", "a2p_profile_bundle_sid", "errors"})
    if unknown:
        raise SeedError(f"{where}: unknown brand field(s) {', '.join(map(str, unknown))}")
    for name in ("customer_profile_bundle_sid", "a2p_profile_bundle_sid"):
        if not is_sid(entry.get(name), "BU"):
            raise SeedError(f"{where}.{name}: {entry.get(name)!r} is not a SID (BU + 32 lowercase hex)")
    for name, check in SEED_CHECKS.items():
        if name in entry and not check.test(entry[name]):
            raise SeedError(f"{where}.{name}: expected {check.expected}, got {entry[name]!r}")
    values = {name: value for name, value in entry.items() if name not in ("sid", "date_created", "date_updated")}
    values.setdefault("status", "APPROVED")
    try:
        values["errors"] = registration_errors(entry.get("errors", []))
    except ValueError as problem:
        raise SeedError(f"{where}: {problem}") from None
    sid = entry.get("sid") or account.new_sid(PREFIX)
    if values["status"] == "APPROVED":
        values.setdefault("identity_status", "VERIFIED")
        values.setdefault("tcr_id", tcr_id("B", sid))
    return build(account, sid, values, entry.get("date_created") or iso8601(), entry.get("date_updated"))
