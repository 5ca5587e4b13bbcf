"""Trust Hub bundles: CustomerProfiles and TrustProducts (``BU...``), one set of handlers for both (:class:`Bundle` says which).

Fields follow the ``trusthub.v1.customer_profile`` / ``trusthub.v1.trust_product`` schemas of twilio_trusthub_v1.json in
their order; ``links`` and ``errors`` (``null`` until a review rejects the bundle) as the spec's examples. List filters
``Status``, ``FriendlyName``, ``PolicySid`` (exact, *unconfirmed*). The policy must be one the emulator knows for that
bundle (:mod:`emulator.trusthub.policy_data`; 400 / 20001 otherwise, *unconfirmed*). Statuses, submission and the editing
rules: :mod:`emulator.trusthub.lifecycle`. Deleting a bundle deletes its assignments and evaluations.
"""

from typing import Any, Callable, Optional

from emulator.crud import create_record, fetching, page_reply, record_or_404
from emulator.errors import SeedError, TwilioError, invalid_parameter
from emulator.forms import Parser, last, require, url_or
from emulator.params import Param, exact_filter, non_empty, read, seed_mapping, seed_values, sid_of
from emulator.routing import Call, Reply, Route, rest_routes
from emulator.state import Account, Record
from emulator.timefmt import ISO_DATE, iso8601
from emulator.trusthub import CHANNEL_ENDPOINT_ASSIGNMENTS, CUSTOMER_PROFILE, ENTITY_ASSIGNMENTS, EVALUATIONS, TRUST_PRODUCT, Bundle
from emulator.trusthub import lifecycle
from emulator.trusthub.entity_records import assign
from emulator.trusthub.policy_data import POLICIES, PRIMARY_PROFILE_POLICY

PREFIX = "BU"
ORDER = ("sid", "account_sid", "policy_sid", "friendly_name", "status", "valid_until", "email", "status_callback", "date_created",
         "date_updated", "url", "links", "errors")
FILTERS = (("Status", "status"), ("FriendlyName", "friendly_name"), ("PolicySid", "policy_sid"))


def _email(name: str, raw: str) -> str:
    if "@" not in raw.strip("@"):  # Twilio checks the address (*unconfirmed* rule and code)
        raise TwilioError(400, 20001, f"Invalid parameter {name}: not an email address")
    return raw


def _policy_of(bundle: Bundle) -> Parser:
    parse_sid = sid_of("RN")

    def parse(name: str, raw: str) -> str:
        sid = parse_sid(name, raw)
        policy = POLICIES.get(sid)
        if policy is None or policy.bundle_kind != bundle.kind:
            known = ", ".join(p.sid for p in POLICIES.values() if p.bundle_kind == bundle.kind)
            raise invalid_parameter(name, raw, f"a {bundle.collection} policy ({known})")
        return sid

    return parse


def params(bundle: Bundle) -> tuple[Param, ...]:
    """The create and update parameters (``Status`` is the update's alone)."""
    return (Param("FriendlyName", "friendly_name", non_empty), Param("Email", "email", _email),
            Param("PolicySid", "policy_sid", _policy_of(bundle)), Param("StatusCallback", "status_callback", url_or(None)))


def build(bundle: Bundle) -> Callable[..., Record]:
    """The record builder of ``bundle``: defaults, then ``values``, in schema order."""

    def make(account: Account, sid: str, values: dict[str, Any], date_created: str, date_updated: Optional[str] = None) -> Record:
        url = bundle.url(sid)
        record: dict[str, Any] = {
            "sid": sid, "account_sid": account.sid, "status": "draft", "valid_until": None, "status_callback": None, "errors": None,
            "date_created": date_created, "date_updated": date_updated or date_created, "url": url,
            "links": {f"{bundle.links}_entity_assignments": f"{url}/EntityAssignments", f"{bundle.links}_evaluations": f"{url}/Evaluations",
                      f"{bundle.links}_channel_endpoint_assignment": f"{url}/ChannelEndpointAssignments"},
        }
        record.update(values)
        return {key: record[key] for key in ORDER}

    return make


def find(call: Call, bundle: Bundle, param: str = "Sid", suffix: str = "") -> Record:
    """The bundle of the caller's account that the path parameter ``param`` names (reviews settled), else 404 / 20404."""
    account = call.owner()
    lifecycle.settle(account)
    sid = call.params[param]
    return record_or_404(account, bundle.kind, sid, f"/{bundle.collection}/{sid}{suffix}")


def routes(bundle: Bundle) -> tuple[Route, ...]:
    """List, create, fetch, update (incl. ``Status=pending-review``) and delete of ``bundle``."""
    fields = params(bundle)
    make = build(bundle)

    def list_bundles(call: Call) -> Reply:
        account = call.owner()
        lifecycle.settle(account)
        records, sent = account.records(bundle.kind), []
        for param, name in FILTERS:
            records, used = exact_filter(records, call.query, param, name)
            sent += used
        return page_reply(call, records, url=bundle.url(), key="results", filters=sent)

    def create(call: Call) -> Reply:
        for name in ("FriendlyName", "Email", "PolicySid"):
            require(call.form, name)
        return create_record(call, bundle.kind, PREFIX, make, read(call.form, fields))

    def update(call: Call) -> Reply:
        record = find(call, bundle)
        values = read(call.form, fields[:2] + fields[3:])
        status = last(call.form, "Status")
        if status not in (None, "", lifecycle.SUBMITTED):
            raise invalid_parameter("Status", status, f"{lifecycle.SUBMITTED} (the other statuses are Twilio's to set)")
        if values:
            lifecycle.changed(call.owner(), record)
            record.update(values)
        if status:
            lifecycle.submit(call.state, call.owner(), bundle.kind, record)
        return Reply(200, record)

    def delete(call: Call) -> Reply:
        account = call.owner()
        sid = find(call, bundle)["sid"]
        for kind in (ENTITY_ASSIGNMENTS, EVALUATIONS, CHANNEL_ENDPOINT_ASSIGNMENTS):
            for record in account.records(kind):
                if record.get(bundle.sub_key) == sid:
                    account.remove(kind, record["sid"])
        lifecycle.stop_clock(account, sid)
        account.remove(bundle.kind, sid)
        return Reply(204)

    return rest_routes(f"/v1/{bundle.collection}", list_=list_bundles, create=create, fetch=fetching(lambda call: find(call, bundle)),
                       update=update, delete=delete)


ROUTES = routes(CUSTOMER_PROFILE) + routes(TRUST_PRODUCT)


def bundle_errors(value: Any) -> Optional[list[dict[str, Any]]]:
    """Validate review errors (seed or admin input) in the spec example's shape, ``[{"code": 18601, ...}]``; ``None`` or a
    list of mappings, each with an integer ``code``; raises ValueError naming what is wrong."""
    if value is None:
        return None
    if not isinstance(value, list):
        raise ValueError("errors must be null or a list")
    for index, item in enumerate(value):
        if not isinstance(item, dict) or isinstance(item.get("code"), bool) or not isinstance(item.get("code"), int):
            raise ValueError(f"errors[{index}] must be a mapping with an integer code (e.g. {{\"code\": 18601}})")
    return [dict(item) for item in value]


SEED_KEYS = ("sid", "friendly_name", "email", "policy_sid", "status", "status_callback", "errors", "valid_until", "date_created",
             "date_updated", "entities")


def from_seed(bundle: Bundle) -> Callable[[Account, Any, str], Record]:
    """The seed builder of ``bundle``: ``friendly_name``, ``email``, ``policy_sid`` (checked as the API does), ``status``
    (default ``twilio-approved``), optional ``sid``, ``status_callback``, ``errors``, ``valid_until``, dates and ``entities``
    (SIDs of the account's end users, documents or bundles to assign). For customer profiles, ``primary: true`` stands for a
    twilio-approved primary business profile: ``policy_sid`` defaults to the primary policy, the other required keys to
    placeholders."""
    fields = params(bundle)
    make = build(bundle)
    allowed = SEED_KEYS + (("primary",) if bundle is CUSTOMER_PROFILE else ())

    def seed(account: Account, entry: Any, where: str) -> Record:
        shorthand = bundle is CUSTOMER_PROFILE and isinstance(entry, dict) and "primary" in entry
        if shorthand and entry["primary"] not in (True, False):
            raise SeedError(f"{where}.primary: expected true or false, got {entry['primary']!r}")
        if shorthand and entry["primary"]:
            entry = {"friendly_name": "Primary business profile", "email": "compliance@example.com", "policy_sid": PRIMARY_PROFILE_POLICY,
                     **entry}
        if shorthand:
            entry = {key: value for key, value in entry.items() if key != "primary"}
        entry = seed_mapping(entry, where, allowed, ("friendly_name", "email", "policy_sid"))
        values = seed_values(entry, fields, where)
        values["status"] = _seed_choice(entry.get("status", "twilio-approved"), lifecycle.STATUSES, f"{where}.status")
        try:
            values["errors"] = bundle_errors(entry.get("errors"))
        except ValueError as problem:
            raise SeedError(f"{where}: {problem}") from None
        for name in ("valid_until", "date_created", "date_updated"):
            if entry.get(name) is not None and not (isinstance(entry[name], str) and ISO_DATE.match(entry[name])):
                raise SeedError(f"{where}.{name}: expected a date like 2015-07-30T20:12:31Z, got {entry[name]!r}")
        values["valid_until"] = entry.get("valid_until")
        sid = entry.get("sid") or account.new_sid(PREFIX)
        record = make(account, sid, values, entry.get("date_created") or iso8601(), entry.get("date_updated"))
        account.add(bundle.kind, record)  # before its assignments (the seed loader stores it again, in place)
        for index, object_sid in enumerate(_seed_list(entry.get("entities"), f"{where}.entities")):
            if not assign(account, bundle, sid, object_sid):
                raise SeedError(f"{where}.entities[{index}]: {object_sid!r} is no end user, supporting document or bundle of this account "
                                "(seed them in an earlier section: addresses, end_users, supporting_documents, customer_profiles)")
        return record

    return seed


def _seed_choice(value: Any, choices: tuple[str, ...], where: str) -> str:
    if value not in choices:
        raise SeedError(f"{where}: expected one of {', '.join(choices)}, got {value!r}")
    return str(value)


def _seed_list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise SeedError(f"{where}: expected a list of SIDs")
    return value


def admin_change(account: Account, record: Record, changes: dict[str, Any]) -> None:
    """Apply an admin change (``status``, ``errors``, already validated): the review timer stops; an approval without
    ``errors`` clears them, any other status keeps them unless sent."""
    lifecycle.settle(account)
    lifecycle.stop_clock(account, record["sid"])
    record.update(changes)
    if record["status"] == "twilio-approved" and "errors" not in changes:
        record["errors"] = None
    record["date_updated"] = iso8601()
