"""Admin routes under ``/_emulator/`` (no auth, not logged, no faults): every one of them, in :data:`ROUTES`.

Each route is one small function ``(app, call) -> Reply``; ``call.json`` holds a JSON body and ``call.form`` a form
body, ``call.params`` the path parameters. Bodies are JSON; bad ones answer 400 / 20001, unknown SIDs 404 / 20404.

The emulator's own knobs: ``GET /health``, ``POST /reset``, ``GET /state``, ``GET /requests``, ``POST /latency``
``{"ms"}``, ``POST /pool-limit`` ``{"limit"}``, ``POST /a2p-rate`` ``{"rate"}``, ``GET`` and ``POST /faults``.

The A2P lifecycle:

- ``POST /_emulator/brands/{Sid}`` ``{"status"?, "errors"?, "identity_status"?}`` -> the brand;
- ``POST /_emulator/brands/{Sid}/otp`` (no body, or ``{}``): the owner of an APPROVED sole-proprietor brand confirmed
  its OTP -> the brand, ``identity_status`` VERIFIED (400 / 20001 for another brand type, status, or a VERIFIED brand);
- ``POST /_emulator/campaigns/{Sid}`` ``{"campaign_status"?, "errors"?}`` -> the campaign;
- ``POST /_emulator/a2p/timing`` ``{"brand_approval_seconds"?, "campaign_approval_seconds"?}`` (number >= 0 or null)
  -> the delays now in force (keys not sent keep their value);
- ``POST /_emulator/external-campaigns/{CampaignId}`` ``{"dca_status"}``: what Twilio's DCA knows of a campaign ID
  (:mod:`emulator.messaging.a2p_external`);
- ``POST /_emulator/vettings/{VT}`` ``{"vetting_status"}`` (PENDING, IN_PROGRESS, SUCCESS, FAILED) -> the vetting
  (:mod:`emulator.messaging.a2p_vettings`; the answer also shows the store's ``sid`` copy).

Trust Hub (:mod:`emulator.trusthub.lifecycle`):

- ``POST /_emulator/customer-profiles/{Sid}`` and ``POST /_emulator/trust-products/{Sid}`` ``{"status"?, "errors"?}``
  (``errors``: null or ``[{"code": 18601, ...}]``, the spec example's shape) -> the bundle; any status may be set;
- ``POST /_emulator/trusthub/timing`` ``{"review_seconds"}`` (number >= 0 or null) -> the review delay now in force.

Accounts and toll-free verifications:

- ``POST /_emulator/accounts/{Sid}`` ``{"status"?: active|suspended|closed, "friendly_name"?}`` -> the Account resource
  (``auth_token`` redacted); any status may be set, also on a main account (:mod:`emulator.api.accounts`);
- ``POST /_emulator/tollfree-verifications/{Sid}`` ``{"status"?, "rejection_reason"?, "error_code"?, "edit_allowed"?,
  "edit_expiration"?, "rejection_reasons"?}`` -> the verification (:mod:`emulator.messaging.tollfree_lifecycle`: a
  rejection with ``edit_allowed`` true gets a seven-day ``edit_expiration`` unless one is sent);
- ``POST /_emulator/tollfree/timing`` ``{"review_seconds"}`` (number >= 0 or null) -> the review delay now in force.

Only the keys sent change; A2P ``errors`` items are ``{error_code, description?, fields?, url?}``. A status set here stops
the resource's approval timer.
"""

import copy
from typing import TYPE_CHECKING, Any, Callable

from emulator.errors import TwilioError, not_found
from emulator.fault_rules import RuleError, rules_from_json
from emulator.faults import latency_value
from emulator.api.accounts import STATUSES as ACCOUNT_STATUSES
from emulator.api.accounts import account_record
from emulator.messaging import a2p_brands, a2p_campaigns, a2p_external, a2p_vettings, tollfree_lifecycle, tollfree_verifications
from emulator.messaging.a2p_lifecycle import (BRAND_STATUSES, CAMPAIGN_STATUSES, IDENTITY_STATUSES, configure, registration_errors, settle,
                                              timing)
from emulator.rate_limit import rate_value
from emulator.reqlog import redacted
from emulator.routing import Call, Handler, Reply, Route
from emulator.settings import POOL_LIMIT
from emulator.state import Account, Record, State
from emulator.trusthub import CUSTOMER_PROFILES, TRUST_PRODUCTS
from emulator.trusthub import bundles as trusthub_bundles
from emulator.trusthub import lifecycle as trusthub_lifecycle

if TYPE_CHECKING:
    from emulator.app import App

PRODUCT = "_emulator"


def health(_app: "App", _call: Call) -> Reply:
    """Liveness probe."""
    return Reply(200, {"status": "ok"})


def reset(app: "App", _call: Call) -> Reply:
    """State back to the seed; the in-memory request list is cleared (the log file is not)."""
    app.reset()
    return Reply(200, {"status": "reset"})


def state(app: "App", _call: Call) -> Reply:
    """Every account's resources by kind, without secrets."""
    return Reply(200, app.state.snapshot())


def requests(app: "App", _call: Call) -> Reply:
    """The in-memory request records, oldest first."""
    return Reply(200, {"requests": app.log.records()})


def latency(app: "App", call: Call) -> Reply:
    """``{"ms": N}``: add N milliseconds (0 to 60000) to every API request from now on; 0 turns it off."""
    try:
        app.faults.latency_ms = latency_value(_json_field(call, "ms"))
    except ValueError as error:
        raise TwilioError(400, 20001, f"ms: {error}") from None
    return Reply(200, {"latency_ms": app.faults.latency_ms})


def pool_limit(app: "App", call: Call) -> Reply:
    """``{"limit": N}``: the number of senders one Messaging Service may hold from now on (Twilio's is 400)."""
    limit = _json_field(call, "limit")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise TwilioError(400, 20001, f"limit: expected a whole number >= 0, got {limit!r}")
    with app.state.lock:
        app.state.settings[POOL_LIMIT] = limit
    return Reply(200, {"pool_limit": limit})


def a2p_rate(app: "App", call: Call) -> Reply:
    """``{"rate": N}``: A2P brand and campaign requests per second per account from now on (Twilio asks for 1); 0 turns it off."""
    try:
        app.a2p_rate.set_rate(rate_value(_json_field(call, "rate")))
    except ValueError as error:
        raise TwilioError(400, 20001, f"rate: {error}") from None
    return Reply(200, {"a2p_rate": app.a2p_rate.rate})


def faults(app: "App", _call: Call) -> Reply:
    """The fault seed, rules and the faults injected so far: ``{"seed", "rules", "injected": {kind: count}}``."""
    return Reply(200, app.faults.describe())


def set_faults(app: "App", call: Call) -> Reply:
    """``{"rules": [rule, ...], "seed"?: N}``: replace the fault rules; a ``seed`` (integer or null) restarts the RNG."""
    try:
        rules = rules_from_json(_json_field(call, "rules"))
    except RuleError as error:
        raise TwilioError(400, 20001, str(error)) from None
    reseed = isinstance(call.json, dict) and "seed" in call.json
    seed = call.json.get("seed") if reseed else None
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise TwilioError(400, 20001, f"seed: expected a whole number or null, got {seed!r}")
    app.faults.configure(rules, seed, reseed)
    return Reply(200, app.faults.describe())


def _json_field(call: Call, name: str) -> Any:
    """A field of the JSON object body, else 400 / 20001."""
    if not isinstance(call.json, dict) or name not in call.json:
        raise TwilioError(400, 20001, f'expected a JSON object body with "{name}"')
    return call.json[name]


Check = Callable[[Any], Any]  # returns the stored value or raises ValueError


def _enum(choices: tuple[str, ...], nullable: bool = False) -> Check:
    def check(value: Any) -> Any:
        if (value is None and nullable) or value in choices:
            return value
        raise ValueError(f"expected {'null or ' if nullable else ''}one of {', '.join(choices)}")
    return check


def _seconds(value: Any) -> Any:
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0):
        return value
    raise ValueError("expected a number of seconds >= 0 or null")


BRAND_KEYS: dict[str, Check] = {
    "status": _enum(BRAND_STATUSES), "identity_status": _enum(IDENTITY_STATUSES, nullable=True), "errors": registration_errors,
}
CAMPAIGN_KEYS: dict[str, Check] = {"campaign_status": _enum(CAMPAIGN_STATUSES), "errors": registration_errors}
TIMING_KEYS: dict[str, Check] = {"brand_approval_seconds": _seconds, "campaign_approval_seconds": _seconds}
BUNDLE_KEYS: dict[str, Check] = {"status": _enum(trusthub_lifecycle.STATUSES), "errors": trusthub_bundles.bundle_errors}
REVIEW_TIMING_KEYS: dict[str, Check] = {"review_seconds": _seconds}
VETTING_KEYS: dict[str, Check] = {"vetting_status": _enum(a2p_vettings.STATUSES)}
ACCOUNT_KEYS: dict[str, Check] = {"status": _enum(ACCOUNT_STATUSES), "friendly_name": lambda value: _text(value, 64)}


def _text(value: Any, limit: int) -> Any:
    if isinstance(value, str) and 0 < len(value) <= limit:
        return value
    raise ValueError(f"expected a string of 1 to {limit} characters")


def _review(key: str) -> Check:
    def check(value: Any) -> Any:
        problem = tollfree_verifications.review_problem(key, value)
        if problem:
            raise ValueError(problem)
        return value
    return check


TOLLFREE_KEYS: dict[str, Check] = {key: _review(key) for key in tollfree_verifications.REVIEW_SEED_KEYS}


def _changes(body: Any, checks: dict[str, Check]) -> dict[str, Any]:
    """The validated values of a JSON object body, else 400 / 20001."""
    if not isinstance(body, dict):
        raise TwilioError(400, 20001, "Expected a JSON object body (Content-Type: application/json)")
    unknown = sorted(set(body) - set(checks))
    if unknown:
        raise TwilioError(400, 20001, f"Unknown key(s) {', '.join(unknown)}; expected some of {', '.join(checks)}")
    changes = {}
    for key, value in body.items():
        try:
            changes[key] = checks[key](value)
        except ValueError as problem:
            raise TwilioError(400, 20001, f"{key}: {problem}") from None
    return changes


def _locate(app: "App", kind: str, sid: str) -> tuple[Account, Record]:
    for account in app.state.accounts.values():
        settle(account)
        record = account.get(kind, sid)
        if record is not None:
            return account, record
    raise not_found(f"/{kind}/{sid}")


def _apply(app: "App", kind: str, sid: str, change: Callable[[Account, Record], None]) -> Reply:
    """Apply ``change`` to the record ``sid`` of store ``kind`` (whichever account holds it) and answer the record."""
    with app.state.lock:
        account, record = _locate(app, kind, sid)
        change(account, record)
        return Reply(200, copy.deepcopy(record))


def _status_change(kind: str, checks: dict[str, Check], admin_change: Callable[[Account, Record, dict[str, Any]], None]) -> Handler:
    """The route that sets the checked keys of a ``kind`` record with its resource's ``admin_change``."""

    def change(app: "App", call: Call) -> Reply:
        changes = _changes(call.json, checks)
        return _apply(app, kind, call.params["Sid"], lambda account, record: admin_change(account, record, changes))

    return change


brand_status = _status_change(a2p_brands.KIND, BRAND_KEYS, a2p_brands.admin_change)  # a brand's status, errors and identity status
campaign_status = _status_change(a2p_campaigns.KIND, CAMPAIGN_KEYS, a2p_campaigns.admin_change)  # a campaign's status and errors
profile_status = _status_change(CUSTOMER_PROFILES, BUNDLE_KEYS, trusthub_bundles.admin_change)  # a customer profile's status, errors
product_status = _status_change(TRUST_PRODUCTS, BUNDLE_KEYS, trusthub_bundles.admin_change)  # a trust product's status, errors
vetting_status = _status_change(a2p_vettings.KIND, VETTING_KEYS, a2p_vettings.admin_change)  # a brand vetting's status


def account_status(app: "App", call: Call) -> Reply:
    """Set an account's ``status`` and ``friendly_name`` (no rule applies: this is Twilio's side, e.g. a suspension)."""
    changes = _changes(call.json, ACCOUNT_KEYS)
    with app.state.lock:
        account = app.state.accounts.get(call.params["Sid"])
        if account is None:
            raise not_found(f"/accounts/{call.params['Sid']}")
        account.status = changes.get("status", account.status)
        account.friendly_name = changes.get("friendly_name", account.friendly_name)
        return Reply(200, redacted(account_record(account)))


def tollfree_status(app: "App", call: Call) -> Reply:
    """Set a toll-free verification's review fields (its timer stops)."""
    changes = _changes(call.json, TOLLFREE_KEYS)
    with app.state.lock:
        for account in app.state.accounts.values():
            tollfree_lifecycle.settle(account)
        return _apply(app, tollfree_lifecycle.KIND, call.params["Sid"],
                      lambda account, record: tollfree_verifications.admin_change(account, record, changes))


def brand_otp(app: "App", call: Call) -> Reply:
    """Confirm a sole-proprietor brand's OTP, as its owner does by replying to Twilio's text (no body, or ``{}``)."""
    if call.json not in (None, {}):
        raise TwilioError(400, 20001, "The OTP route expects no body or {}")
    return _apply(app, a2p_brands.KIND, call.params["Sid"], a2p_brands.confirm_otp)


def a2p_timing(app: "App", call: Call) -> Reply:
    """Change the approval delays for resources created from now on."""
    changes = _changes(call.json, TIMING_KEYS)
    with app.state.lock:
        current = timing(app.state)
        merged = {"brand_approval_seconds": current.brand_approval_seconds, "campaign_approval_seconds": current.campaign_approval_seconds}
        merged.update(changes)
        configured = configure(app.state, **merged)
        return Reply(200, {"brand_approval_seconds": configured.brand_approval_seconds,
                           "campaign_approval_seconds": configured.campaign_approval_seconds})


def _review_delay(current: Callable[[State], Any], configure: Callable[[State, Any], Any]) -> Handler:
    """The route that sets a review delay ``{"review_seconds": N or null}`` for what is submitted from now on."""

    def change(app: "App", call: Call) -> Reply:
        changes = _changes(call.json, REVIEW_TIMING_KEYS)
        with app.state.lock:
            configure(app.state, changes.get("review_seconds", current(app.state)))
            return Reply(200, {"review_seconds": current(app.state)})

    return change


trusthub_timing = _review_delay(lambda state: trusthub_lifecycle.timing(state).review_seconds, trusthub_lifecycle.configure)  # bundles
tollfree_timing = _review_delay(tollfree_lifecycle.review_seconds, tollfree_lifecycle.configure)  # toll-free verifications


def dca_status(app: "App", call: Call) -> Reply:
    """``{"dca_status": ...}``: what Twilio's DCA knows of a campaign ID from now on (links already made keep their status)."""
    body = call.json
    statuses = a2p_external.DCA_STATUSES
    if not isinstance(body, dict) or set(body) != {"dca_status"} or body["dca_status"] not in statuses:
        raise TwilioError(400, 20001, f"Expected a JSON object {{\"dca_status\": one of {', '.join(statuses)}}}")
    with app.state.lock:
        a2p_external.set_dca_status(app.state, call.params["CampaignId"], body["dca_status"])
    return Reply(200, {"campaign_id": call.params["CampaignId"], "dca_status": body["dca_status"]})


ROUTES = (
    Route("GET", "/health", health),
    Route("POST", "/reset", reset),
    Route("GET", "/state", state),
    Route("GET", "/requests", requests),
    Route("POST", "/latency", latency),
    Route("POST", "/pool-limit", pool_limit),
    Route("POST", "/a2p-rate", a2p_rate),
    Route("GET", "/faults", faults),
    Route("POST", "/faults", set_faults),
    Route("POST", "/brands/{Sid}", brand_status),
    Route("POST", "/brands/{Sid}/otp", brand_otp),
    Route("POST", "/campaigns/{Sid}", campaign_status),
    Route("POST", "/a2p/timing", a2p_timing),
    Route("POST", "/external-campaigns/{CampaignId}", dca_status),
    Route("POST", "/customer-profiles/{Sid}", profile_status),
    Route("POST", "/trust-products/{Sid}", product_status),
    Route("POST", "/trusthub/timing", trusthub_timing),
    Route("POST", "/vettings/{Sid}", vetting_status),
    Route("POST", "/accounts/{Sid}", account_status),
    Route("POST", "/tollfree-verifications/{Sid}", tollfree_status),
    Route("POST", "/tollfree/timing", tollfree_timing),
)
