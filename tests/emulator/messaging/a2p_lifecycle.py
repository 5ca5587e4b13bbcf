"""A2P registration lifecycle: statuses, the optional approval timers and their lazy application.

New brands start ``PENDING`` and new campaigns ``PENDING``; the admin routes (:mod:`emulator.admin`) set any
status. With an approval delay configured (``--brand-approval-seconds`` / ``--campaign-approval-seconds``,
or :func:`configure`), a brand or campaign created (or resubmitted) afterwards is moved on by the clock:
a brand to ``APPROVED`` after N seconds (a sole-proprietor brand with ``identity_status`` UNVERIFIED until the OTP is
confirmed through the admin route); a campaign to ``IN_PROGRESS`` after N/2 seconds and to ``VERIFIED``
after N; a brand vetting to ``SUCCESS`` after the brand delay (*unconfirmed*: Twilio gives no vetting duration).
Nothing runs in the background: :func:`settle` applies the transitions that are due, and every A2P request
(and admin route) calls it under the state lock first. An admin status change stops the resource's clock. The create
response itself always shows ``PENDING``, also with N = 0.
"""

import hashlib
from dataclasses import dataclass
from typing import Any, Optional
from weakref import WeakKeyDictionary

from emulator.clocks import Clocks
from emulator.state import Account, Record, State
from emulator.timefmt import iso8601

BRANDS = "brands"  # store kind (and seed section) of brand registrations
CAMPAIGNS = "campaigns"  # store kind of US A2P campaigns (UsAppToPerson)
VETTINGS = "brand_vettings"  # store kind of brand vettings (their timer is the brand approval delay)

BRAND_STATUSES = ("PENDING", "APPROVED", "FAILED", "IN_REVIEW", "DELETION_PENDING", "DELETION_FAILED", "SUSPENDED")
IDENTITY_STATUSES = ("SELF_DECLARED", "UNVERIFIED", "VERIFIED", "VETTED_VERIFIED")
# The spec's campaign_status is a free string ("Examples: IN_PROGRESS, VERIFIED, FAILED"); SUSPENDED is set by admin only.
CAMPAIGN_STATUSES = ("PENDING", "IN_PROGRESS", "VERIFIED", "FAILED", "SUSPENDED")


@dataclass
class Timing:
    """Approval delays in seconds; None means "never automatically" (the default)."""

    brand_approval_seconds: Optional[float] = None
    campaign_approval_seconds: Optional[float] = None


_TIMINGS: "WeakKeyDictionary[State, Timing]" = WeakKeyDictionary()
_CLOCKS = Clocks()  # new Account objects on reset: clocks vanish


def configure(state: State, brand_approval_seconds: Optional[float] = None, campaign_approval_seconds: Optional[float] = None) -> Timing:
    """Set the approval delays of one emulator (kept across resets, like command-line options); returns them."""
    with state.lock:
        _TIMINGS[state] = Timing(brand_approval_seconds, campaign_approval_seconds)
        return _TIMINGS[state]


def timing(state: State) -> Timing:
    """The emulator's approval delays."""
    return _TIMINGS.get(state) or Timing()


def start_clock(state: State, account: Account, kind: str, sid: str) -> None:
    """Start (or restart) the approval timer of a new or resubmitted brand or campaign, if a delay is configured."""
    delays = timing(state)
    seconds = delays.brand_approval_seconds if kind in (BRANDS, VETTINGS) else delays.campaign_approval_seconds
    _CLOCKS.start(account, kind, sid, seconds)


def stop_clock(account: Account, sid: str) -> None:
    """Forget a resource's timer (admin status change, delete)."""
    _CLOCKS.stop(account, sid)


def settle(account: Account) -> None:
    """Apply every timed transition that is due in ``account`` (call under the state lock)."""
    for sid, clock in _CLOCKS.running(account):
        record = account.get(clock.kind, sid)
        elapsed = clock.elapsed()
        if record is None:
            _CLOCKS.stop(account, sid)
        elif elapsed >= clock.seconds:
            _finish(clock.kind, record)
            _CLOCKS.stop(account, sid)
        elif clock.kind == CAMPAIGNS and elapsed >= clock.seconds / 2 and record["campaign_status"] == "PENDING":
            record.update(campaign_status="IN_PROGRESS", date_updated=iso8601())


def _finish(kind: str, record: Record) -> None:
    if kind == VETTINGS:
        record.update(vetting_status="SUCCESS", date_updated=iso8601())
    elif kind == BRANDS:
        record.update(status="APPROVED", date_updated=iso8601())
        if record["identity_status"] is None:
            record["identity_status"] = approved_identity(record)
        if record["tcr_id"] is None:
            record["tcr_id"] = tcr_id("B", record["sid"])
    else:
        record.update(campaign_status="VERIFIED", errors=[], date_updated=iso8601())


def approved_identity(brand: Record) -> str:
    """The ``identity_status`` a brand gets when it is approved: a sole-proprietor brand stays UNVERIFIED until its owner
    confirms the OTP (error 30752's page; the spec's ``fetchSoleProprietorRegisteredUnverified`` example), others VERIFIED."""
    return "UNVERIFIED" if brand["brand_type"] == "SOLE_PROPRIETOR" else "VERIFIED"


def tcr_id(letter: str, sid: str) -> str:
    """A Campaign Registry style ID (``B`` + 6 for brands, ``C`` + 6 for campaigns), derived from the SID."""
    return letter + hashlib.sha256(sid.encode("ascii")).hexdigest()[:6].upper()


ERROR_KEYS = ("error_code", "description", "fields", "url")


def registration_errors(value: Any) -> list[Record]:
    """Validate a list of ``{error_code, description?, fields?, url?}`` (seed or admin input) into the shape Twilio returns;
    raises ValueError naming what is wrong. ``url`` defaults to the error's documentation page."""
    if not isinstance(value, list):
        raise ValueError("errors must be a list")
    found = []
    for index, item in enumerate(value):
        if not isinstance(item, dict) or set(item) - set(ERROR_KEYS):
            raise ValueError(f"errors[{index}] must be a mapping with keys among {', '.join(ERROR_KEYS)}")
        code = item.get("error_code")
        fields = item.get("fields", [])
        if not isinstance(code, int) or isinstance(code, bool):
            raise ValueError(f"errors[{index}].error_code must be an integer")
        if not isinstance(item.get("description", ""), str) or not isinstance(item.get("url", ""), str):
            raise ValueError(f"errors[{index}]: description and url must be strings")
        if not isinstance(fields, list) or not all(isinstance(name, str) for name in fields):
            raise ValueError(f"errors[{index}].fields must be a list of strings")
        url = item.get("url") or f"https://www.twilio.com/docs/api/errors/{code}"
        found.append({"error_code": code, "description": item.get("description", ""), "fields": list(fields), "url": url})
    return found
