"""Toll-free verifications (messaging v1 ``/v1/Tollfree/Verifications``, ``HH...``): list, create, fetch, update, delete.

Fields and checks: :mod:`emulator.messaging.tollfree_fields`; statuses, review timer and edit rules:
:mod:`emulator.messaging.tollfree_lifecycle`. Like every messaging v1 resource it belongs to the account of the
credentials (messaging v1 paths carry no account SID).

- The number: ``TollfreePhoneNumberSid`` must be a phone number of the account that is a NANP toll-free number (Twilio's
  toll-free verification resource page: "NANP toll-free numbers begin with 800, 888, 877, 866, 855, 844, or 833"), else
  400 / 30436 "Invalid Phone Number SID" (Twilio's 30436 page: "isn't a valid phone number SID for your account. Use the
  PN SID of the toll-free IncomingPhoneNumber resource"; HTTP status *unconfirmed*).
- One verification per number: a create for a number that already has one is 400 / 20001 (*unconfirmed* code), unless that
  one is rejected and no longer editable (:func:`~emulator.messaging.tollfree_lifecycle.blocks_new`).
- Update (202, the spec) only while editable, else 400 / 20001 (*unconfirmed* code); it resubmits the verification.
- Delete (204) in any status (*unconfirmed*).
- List filters (the spec's): ``TollfreePhoneNumberSid``, ``Status`` (its enum), ``ExternalReferenceId`` (exact), and
  ``IncludeSubAccounts`` (true: a main account's list also holds its subaccounts' verifications, after its own).
"""

from typing import Any, Optional

from emulator.api.incoming_phone_numbers import KIND as PHONE_NUMBERS
from emulator.crud import fetching, record_or_404
from emulator.errors import SeedError, TwilioError, missing_parameter
from emulator.forms import last, one_of, parse_boolean
from emulator.messaging import tollfree_fields as fields
from emulator.messaging import tollfree_lifecycle as lifecycle
from emulator.paging import v1_page
from emulator.params import read, seed_mapping, seed_values
from emulator.routing import Call, Reply, rest_routes
from emulator.state import Account, Record
from emulator.timefmt import ISO_DATE, iso8601

KIND = lifecycle.KIND
PREFIX = fields.PREFIX
TOLL_FREE_CODES = ("800", "833", "844", "855", "866", "877", "888")
INVALID_NUMBER = 30436  # https://www.twilio.com/docs/api/errors/30436
REFUSED = 20001  # a duplicate, or an edit that is not allowed (*unconfirmed*)
FILTERS = (("TollfreePhoneNumberSid", "tollfree_phone_number_sid"), ("Status", "status"), ("ExternalReferenceId", "external_reference_id"))
_ACCOUNT_SPAN = 10**9  # positions of a list across accounts: account order first, then creation order


def is_toll_free(phone_number: str) -> bool:
    """A NANP toll-free number: +1 and one of :data:`TOLL_FREE_CODES`."""
    return phone_number.startswith("+1") and phone_number[2:5] in TOLL_FREE_CODES and len(phone_number) == 12


def number_problem(account: Account, sid: Optional[str]) -> Optional[str]:
    """Why ``sid`` cannot be verified in this account, or None."""
    number = account.get(PHONE_NUMBERS, sid or "")
    if number is None:
        return f"{sid} is not a phone number of account {account.sid}"
    if not is_toll_free(number["phone_number"]):
        return f"{sid} ({number['phone_number']}) is not a toll-free number"
    return None


def duplicate_of(account: Account, number_sid: str) -> Optional[Record]:
    """The verification that keeps ``number_sid`` from getting a new one."""
    return next((record for record in account.records(KIND)
                 if record["tollfree_phone_number_sid"] == number_sid and lifecycle.blocks_new(record)), None)


def find(call: Call) -> Record:
    """The addressed verification of the caller's account (review settled), else 404 / 20404."""
    account = call.owner()
    lifecycle.settle(account)
    return record_or_404(account, KIND, call.params["Sid"], f"/Tollfree/Verifications/{call.params['Sid']}")


def list_verifications(call: Call) -> Reply:
    """The account's verifications (and with ``IncludeSubAccounts=true`` its subaccounts'), filtered, paged (key ``verifications``)."""
    account = call.owner()
    include = last(call.query, "IncludeSubAccounts")
    accounts = [account] + (call.state.subaccounts(account.sid) if include and parse_boolean("IncludeSubAccounts", include) else [])
    records: list[Record] = []
    for member in accounts:
        lifecycle.settle(member)
        records += member.records(KIND)
    filters: list[tuple[str, str]] = []
    for param, name in FILTERS:
        value = last(call.query, param)
        if value:
            if param == "Status":
                one_of(fields.STATUSES)(param, value)
            records = [record for record in records if record[name] == value]
            filters.append((param, value))
    if include:
        filters.append(("IncludeSubAccounts", include))

    def position(sid: str) -> Optional[int]:
        for index, member in enumerate(accounts):
            found = member.position(sid)
            if found is not None:
                return index * _ACCOUNT_SPAN + found
        return None

    return Reply(200, v1_page(records, call.query, url=fields.LIST_URL, key="verifications", position=position, filters=filters))


def create_verification(call: Call) -> Reply:
    """Submit a verification for one of the account's toll-free numbers (201, PENDING_REVIEW)."""
    account = call.owner()
    lifecycle.settle(account)
    for name in fields.CREATE_REQUIRED:
        if not [value for value in call.form.get(name, []) if value != ""]:
            raise missing_parameter(name)
    values = read(call.form, fields.CREATE_PARAMS)
    problem = number_problem(account, values["tollfree_phone_number_sid"])
    if problem:
        raise TwilioError(400, INVALID_NUMBER, f"Invalid Phone Number SID: {problem}")
    existing = duplicate_of(account, values["tollfree_phone_number_sid"])
    if existing is not None:
        raise TwilioError(400, REFUSED, f"Phone number {values['tollfree_phone_number_sid']} already has toll-free verification {existing['sid']}")
    record = account.add(KIND, fields.build(account.sid, account.new_sid(PREFIX), values, iso8601()))
    lifecycle.start_review(call.state, account, record["sid"])
    return Reply(201, record)


def update_verification(call: Call) -> Reply:
    """Edit a rejected verification that may be edited (202): the fields sent change and it is resubmitted."""
    record = find(call)
    if not lifecycle.editable(record):
        why = "its edit window has expired" if record["status"] == lifecycle.REJECTED and record.get("edit_allowed") else \
            f"it is {record['status']} with edit_allowed {str(record.get('edit_allowed')).lower()}"
        raise TwilioError(400, REFUSED, f"Toll-free verification {record['sid']} cannot be edited: {why}")
    values = read(call.form, fields.UPDATE_PARAMS)
    values.pop(fields.EDIT_REASON.name, None)  # not a field of the resource
    record.update(values)
    lifecycle.resubmitted(record)
    record["date_updated"] = iso8601()
    lifecycle.start_review(call.state, call.owner(), record["sid"])
    return Reply(202, record)


def delete_verification(call: Call) -> Reply:
    """Delete (204); its timer stops."""
    record = find(call)
    call.owner().remove(KIND, record["sid"])
    lifecycle.stop_clock(call.owner(), record["sid"])
    return Reply(204)


def admin_change(account: Account, record: Record, changes: dict[str, Any]) -> None:
    """Apply an admin change (``status`` and the rejection fields, already validated); the timer stops."""
    lifecycle.stop_clock(account, record["sid"])
    record.update(changes)
    if record["status"] == lifecycle.REJECTED:
        lifecycle.rejected(record)
    record["date_updated"] = iso8601()


REVIEW_SEED_KEYS = ("status", "rejection_reason", "error_code", "edit_allowed", "edit_expiration", "rejection_reasons")


def review_problem(key: str, value: Any) -> Optional[str]:
    """What is wrong with a review field's value (seed or admin route), or None."""
    checks = {
        "status": (lambda v: v in fields.STATUSES, f"one of {', '.join(fields.STATUSES)}"),
        "rejection_reason": (lambda v: v is None or isinstance(v, str), "a string or null"),
        "error_code": (lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool)), "an integer or null"),
        "edit_allowed": (lambda v: v is None or isinstance(v, bool), "true, false or null"),
        "edit_expiration": (lambda v: v is None or (isinstance(v, str) and ISO_DATE.match(v) is not None), "an ISO 8601 date (2026-01-31T12:00:00Z) or null"),
        "rejection_reasons": (lambda v: v is None or (isinstance(v, list) and all(isinstance(item, dict) for item in v)), "a list of mappings or null"),
    }
    check, expected = checks[key]
    return None if check(value) else f"expected {expected}, got {value!r}"


def from_seed(account: Account, entry: Any, where: str) -> Record:
    """A seeded verification: the create's required fields, its optional ones and the review fields (:data:`REVIEW_SEED_KEYS`)."""
    params = fields.CREATE_PARAMS
    required = [param.name for param in params if param.param in fields.CREATE_REQUIRED]
    entry = seed_mapping(entry, where, [param.name for param in params] + ["sid", *REVIEW_SEED_KEYS], required)
    values = seed_values(entry, params, where)
    for key in REVIEW_SEED_KEYS:
        if key in entry:
            problem = review_problem(key, entry[key])
            if problem:
                raise SeedError(f"{where}.{key}: {problem}")
            values[key] = entry[key]
    problem = number_problem(account, values["tollfree_phone_number_sid"])
    if problem:
        raise SeedError(f"{where}.tollfree_phone_number_sid: {problem} (seed the number in phone_numbers first)")
    if duplicate_of(account, values["tollfree_phone_number_sid"]) is not None:
        raise SeedError(f"{where}.tollfree_phone_number_sid: {values['tollfree_phone_number_sid']} already has a toll-free verification")
    record = fields.build(account.sid, entry.get("sid") or account.new_sid(PREFIX), values, iso8601())
    if record["status"] == lifecycle.REJECTED:
        lifecycle.rejected(record)
    return record


ROUTES = rest_routes("/v1/Tollfree/Verifications", list_=list_verifications, create=create_verification, fetch=fetching(find),
                     update=update_verification, delete=delete_verification)
