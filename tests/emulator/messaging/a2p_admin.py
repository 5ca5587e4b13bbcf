"""Admin routes that drive the A2P lifecycle (JSON bodies; no auth, not logged, no faults).

- ``POST /_emulator/brands/{Sid}`` ``{"status"?, "errors"?, "identity_status"?}`` -> the brand;
- ``POST /_emulator/brands/{Sid}/otp`` (no body, or ``{}``): the owner of an APPROVED sole-proprietor brand confirmed
  its OTP -> the brand, ``identity_status`` VERIFIED (400 / 20001 for another brand type, status, or a VERIFIED brand);
- ``POST /_emulator/campaigns/{Sid}`` ``{"campaign_status"?, "errors"?}`` -> the campaign;
- ``POST /_emulator/a2p/timing`` ``{"brand_approval_seconds"?, "campaign_approval_seconds"?}`` (number >= 0 or null)
  -> the delays now in force (keys not sent keep their value).

Only the keys sent change; ``errors`` items are ``{error_code, description?, fields?, url?}``. A status set here stops
the resource's approval timer. Unknown SIDs answer 404 / 20404, bad bodies 400 / 20001.
"""

import copy
from typing import TYPE_CHECKING, Any, Callable

from emulator.admin import ADMIN
from emulator.admin import PRODUCT as ADMIN_PRODUCT
from emulator.errors import TwilioError, not_found
from emulator.messaging import a2p_brands, a2p_campaigns
from emulator.messaging.a2p_lifecycle import (BRAND_STATUSES, CAMPAIGN_STATUSES, IDENTITY_STATUSES, configure, registration_errors, settle,
                                              timing)
from emulator.routing import Call, Reply
from emulator.state import Account, Record

if TYPE_CHECKING:
    from emulator.app import App

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


@ADMIN.route(ADMIN_PRODUCT, "POST", "/brands/{Sid}")
def brand_status(app: "App", call: Call) -> Reply:
    """Set a brand's status, errors and identity status."""
    changes = _changes(call.json, BRAND_KEYS)
    return _apply(app, a2p_brands.KIND, call.params["Sid"], lambda account, record: a2p_brands.admin_change(account, record, changes))


@ADMIN.route(ADMIN_PRODUCT, "POST", "/brands/{Sid}/otp")
def brand_otp(app: "App", call: Call) -> Reply:
    """Confirm a sole-proprietor brand's OTP, as its owner does by replying to Twilio's text (no body, or ``{}``)."""
    if call.json not in (None, {}):
        raise TwilioError(400, 20001, "The OTP route expects no body or {}")
    return _apply(app, a2p_brands.KIND, call.params["Sid"], a2p_brands.confirm_otp)


@ADMIN.route(ADMIN_PRODUCT, "POST", "/campaigns/{Sid}")
def campaign_status(app: "App", call: Call) -> Reply:
    """Set a campaign's status and errors."""
    changes = _changes(call.json, CAMPAIGN_KEYS)
    return _apply(app, a2p_campaigns.KIND, call.params["Sid"], lambda account, record: a2p_campaigns.admin_change(account, record, changes))


@ADMIN.route(ADMIN_PRODUCT, "POST", "/a2p/timing")
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
