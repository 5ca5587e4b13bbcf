"""Trust Hub bundle lifecycle: statuses, the review timer and its lazy application, the editing and submission rules.

Statuses (the spec's ``customer_profile_enum_status`` / ``trust_product_enum_status``): a new bundle is ``draft``;
``POST .../{Sid}`` ``Status=pending-review`` submits it. With a review delay N configured (``--trusthub-review-seconds`` or
``POST /_emulator/trusthub/timing``), a submitted bundle moves to ``in-review`` at N/2 and to ``twilio-approved`` at N;
without one it stays ``pending-review`` until the admin route (``POST /_emulator/customer-profiles/{Sid}`` /
``/_emulator/trust-products/{Sid}``) sets a status. Nothing runs in the background: :func:`settle` applies what is due and
every Trust Hub request calls it under the state lock first.

Rules (codes *unconfirmed*: 400 / 20001 with a message naming the rule):

- a submission needs the bundle ``draft`` or ``twilio-rejected`` and its latest evaluation ``compliant`` with no change
  (field update, assignment, edit of an assigned end user or document) since that evaluation;
- a bundle's fields, its assignments and its assigned end users and documents change only while it is ``draft`` or
  ``twilio-rejected``; a change to a ``twilio-rejected`` bundle returns it to ``draft`` (*unconfirmed*).
"""

from dataclasses import dataclass
from typing import Optional
from weakref import WeakKeyDictionary

from emulator.clocks import Clocks
from emulator.errors import TwilioError
from emulator.state import Account, Record, State
from emulator.timefmt import iso8601

STATUSES = ("draft", "pending-review", "in-review", "twilio-rejected", "twilio-approved")
EDITABLE = ("draft", "twilio-rejected")
SUBMITTED = "pending-review"
REFUSED = 20001  # the code of a refused edit or submission (*unconfirmed*)


@dataclass
class Timing:
    """The review delay in seconds; None means "never automatically" (the default)."""

    review_seconds: Optional[float] = None


_TIMINGS: "WeakKeyDictionary[State, Timing]" = WeakKeyDictionary()
_CLOCKS = Clocks()
_REVISIONS: "WeakKeyDictionary[Account, dict[str, int]]" = WeakKeyDictionary()  # bundle SID -> changes so far
_EVALUATED: "WeakKeyDictionary[Account, dict[str, tuple[int, str]]]" = WeakKeyDictionary()  # bundle SID -> (revision, status)


def configure(state: State, review_seconds: Optional[float] = None) -> Timing:
    """Set the review delay of one emulator (kept across resets, like command-line options); returns it."""
    with state.lock:
        _TIMINGS[state] = Timing(review_seconds)
        return _TIMINGS[state]


def timing(state: State) -> Timing:
    """The emulator's review delay."""
    return _TIMINGS.get(state) or Timing()


def settle(account: Account) -> None:
    """Apply every review step that is due in ``account`` (call under the state lock)."""
    for sid, clock in _CLOCKS.running(account):
        record = account.get(clock.kind, sid)
        elapsed = clock.elapsed()
        if record is None or elapsed >= clock.seconds:
            _CLOCKS.stop(account, sid)
        if record is not None and elapsed >= clock.seconds:
            record.update(status="twilio-approved", errors=None, date_updated=iso8601())
        elif elapsed >= clock.seconds / 2 and record["status"] == SUBMITTED:
            record.update(status="in-review", date_updated=iso8601())


def stop_clock(account: Account, sid: str) -> None:
    """Forget a bundle's review timer (admin status change, delete)."""
    _CLOCKS.stop(account, sid)


def check_editable(record: Record) -> None:
    """Refuse a change to a bundle that is not ``draft`` / ``twilio-rejected``."""
    if record["status"] not in EDITABLE:
        raise TwilioError(400, REFUSED, f"Bundle {record['sid']} is {record['status']}: it can only be changed while "
                                        f"{' or '.join(EDITABLE)}")


def changed(account: Account, record: Record) -> None:
    """Refuse a change to a bundle that is not ``draft`` / ``twilio-rejected``; otherwise count it (a compliant evaluation
    no longer counts) and return a rejected bundle to ``draft``."""
    check_editable(record)
    revisions = _REVISIONS.setdefault(account, {})
    revisions[record["sid"]] = revisions.get(record["sid"], 0) + 1
    if record["status"] == "twilio-rejected":
        record["status"] = "draft"
    record["date_updated"] = iso8601()


def evaluated(account: Account, sid: str, status: str) -> None:
    """Remember the outcome of the bundle's newest evaluation, against its current revision."""
    _EVALUATED.setdefault(account, {})[sid] = (_REVISIONS.get(account, {}).get(sid, 0), status)


def submit(state: State, account: Account, kind: str, record: Record) -> None:
    """``Status=pending-review``: refused unless the rules above allow it; the review timer starts."""
    sid = record["sid"]
    if record["status"] not in EDITABLE:
        raise TwilioError(400, REFUSED, f"Bundle {sid} is {record['status']}: only a draft or twilio-rejected bundle can be submitted")
    latest = _EVALUATED.get(account, {}).get(sid)
    if latest is None or latest[1] != "compliant" or latest[0] != _REVISIONS.get(account, {}).get(sid, 0):
        raise TwilioError(400, REFUSED, f"Bundle {sid} cannot be submitted: its latest evaluation is not compliant "
                                        "or it changed since (create an Evaluation first)")
    record.update(status=SUBMITTED, errors=None, date_updated=iso8601())
    _CLOCKS.start(account, kind, sid, timing(state).review_seconds)
