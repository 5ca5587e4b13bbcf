"""Toll-free verification review: statuses, the optional review timer and the edit window.

A new (or edited) verification is ``PENDING_REVIEW`` (the spec's create and update examples). With a review delay N
configured (``--tollfree-review-seconds`` or ``POST /_emulator/tollfree/timing``) it moves to ``IN_REVIEW`` at N/2 and to
``TWILIO_APPROVED`` at N; without one it stays in review until the admin route ``POST /_emulator/tollfree-verifications/{Sid}``
sets a status (which stops its timer). Nothing runs in the background: :func:`settle` applies what is due, and every
toll-free request and the admin route call it under the state lock first.

Editing (``edit_allowed``: "If a rejected verification is allowed to be edited/resubmitted", the spec): only a
``TWILIO_REJECTED`` verification with ``edit_allowed`` true and an ``edit_expiration`` still ahead can be edited. Twilio's
30824 page ("Verification rejection - Edit time expired"): a rejected verification may be corrected and resubmitted
"within the seven-day edit window"; so an admin rejection with ``edit_allowed`` true and no ``edit_expiration`` gets one
:data:`EDIT_WINDOW` ahead. The same page: "If the request is no longer editable through the API, create a new verification
request", which :func:`blocks_new` follows.
"""

from datetime import datetime, timedelta, timezone

from emulator.clocks import Clocks, Delay
from emulator.state import Account, Record, State
from emulator.timefmt import iso8601, now

KIND = "tollfree_verifications"  # store kind and seed section
PENDING, IN_REVIEW, APPROVED, REJECTED = "PENDING_REVIEW", "IN_REVIEW", "TWILIO_APPROVED", "TWILIO_REJECTED"
EDIT_WINDOW = timedelta(days=7)
REJECTION_FIELDS = ("rejection_reason", "error_code", "edit_expiration", "edit_allowed", "rejection_reasons")


_DELAY = Delay()
_CLOCKS = Clocks()
configure = _DELAY.configure  # (state, seconds or None): the review delay of one emulator
review_seconds = _DELAY.seconds  # (state): that delay, None when never configured


def start_review(state: State, account: Account, sid: str) -> None:
    """A verification was submitted (created or edited): its timer starts if a delay is configured."""
    _CLOCKS.start(account, KIND, sid, review_seconds(state))


def stop_clock(account: Account, sid: str) -> None:
    """Forget a verification's timer (admin status change, delete)."""
    _CLOCKS.stop(account, sid)


def settle(account: Account) -> None:
    """Apply every review step that is due in ``account`` (call under the state lock)."""
    for sid, clock in _CLOCKS.running(account):
        record = account.get(KIND, sid)
        elapsed = clock.elapsed()
        if record is None or elapsed >= clock.seconds:
            _CLOCKS.stop(account, sid)
        if record is not None and elapsed >= clock.seconds:
            record.update(status=APPROVED, date_updated=iso8601())
        elif record is not None and elapsed >= clock.seconds / 2 and record["status"] == PENDING:
            record.update(status=IN_REVIEW, date_updated=iso8601())


def _expired(record: Record) -> bool:
    expiration = record.get("edit_expiration")
    if not expiration:
        return False
    return datetime.strptime(expiration, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc) <= now()


def editable(record: Record) -> bool:
    """Rejected, ``edit_allowed`` and the edit window still open."""
    return record["status"] == REJECTED and record.get("edit_allowed") is True and not _expired(record)


def blocks_new(record: Record) -> bool:
    """Whether this verification keeps its number from getting a new one: all but a rejected one that can no longer be edited."""
    return record["status"] != REJECTED or editable(record)


def resubmitted(record: Record) -> None:
    """An edit resubmits: back to PENDING_REVIEW with the rejection fields null (the spec's update example)."""
    record.update(dict.fromkeys(REJECTION_FIELDS), status=PENDING)


def rejected(record: Record) -> None:
    """Fill what an admin rejection left out: the edit window when editing is allowed, the reasons list from the reason and code
    (its item keys ``code`` and ``reason`` are *unconfirmed*: the spec says only "array of object")."""
    if record.get("edit_allowed") is True and not record.get("edit_expiration"):
        record["edit_expiration"] = iso8601(now() + EDIT_WINDOW)
    if record.get("rejection_reasons") is None and (record.get("rejection_reason") or record.get("error_code")):
        record["rejection_reasons"] = [{"code": record.get("error_code"), "reason": record.get("rejection_reason")}]
