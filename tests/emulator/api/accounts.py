"""``/2010-04-01/Accounts``: the caller's own Account resource (``AC...``) and its subaccounts: list, create, fetch, update.

Fields follow the ``api.v2010.account`` schema of twilio_api_v2010.json in its order. An account is of type ``Full``,
dated when the emulator built it; ``owner_account_sid`` is the parent of a subaccount and a main account's own SID (the
spec: "The OwnerAccountSid of a parent account is it's own sid"). ``auth_token`` carries the account's token, as in the
spec's fetch and create examples; the request log redacts it (:mod:`emulator.reqlog`).

Who sees what (Twilio's Subaccounts and Accounts pages, see :mod:`emulator.api.scope`):

- a main account lists itself and its subaccounts, fetches and updates them; a subaccount lists, fetches and updates only
  itself (*unconfirmed*: no page says what a subaccount's list holds); another account's SID answers 401 / 20003;
- the Accounts page: "To create, update, or list subaccounts, use a Main API key. Standard API keys can't perform those
  actions". API keys are modelled as Standard keys, so a caller signed in with one gets 401 / 20003 with the message of
  Twilio's support article "Error 20003: Authentication Error Invalid Username When Using Restricted API Keys"
  (:data:`KEY_REFUSED`) on every route here;
- create makes a subaccount of the caller, ``FriendlyName`` by default "SubAccount Created at {YYYY-MM-DD HH:MM meridian}"
  (the spec); a subaccount cannot create one (400 / 20001, *unconfirmed*). The default limit of 1000 subaccounts per main
  account (the Subaccounts page) is not modelled;
- update sets ``FriendlyName`` (up to 64 characters, the spec's field description; longer is 400 / 20001 *unconfirmed*)
  and a subaccount's ``Status``: ``active`` <-> ``suspended``, and ``closed``, which is final: Twilio's 21479 "Unable to
  update Status for subaccount, subaccount is closed and can not be re-opened" (HTTP 400 *unconfirmed*). An account's own
  ``Status`` cannot be changed here (400 / 20001, *unconfirmed*). Twilio's 21476 (parent suspended) cannot arise: a
  suspended parent's credentials are refused (20005). 21478 (suspended by Twilio) is not modelled.
"""

import secrets
from typing import Optional

from emulator.api import account_uri
from emulator.errors import TwilioError, authenticate
from emulator.forms import one_of, text_up_to
from emulator.paging import v2010_page
from emulator.params import Param, exact_filter, read
from emulator.routing import Call, Reply, Route
from emulator.state import Account
from emulator.timefmt import now, rfc2822

KEY_REFUSED = "Authentication Error - invalid username"  # Twilio's support article on 20003 for Standard/Restricted keys
SUBRESOURCES = ("addresses", "applications", "authorized_connect_apps", "available_phone_numbers", "balance", "calls",
                "conferences", "connect_apps", "incoming_phone_numbers", "keys", "messages", "notifications",
                "outgoing_caller_ids", "queues", "recordings", "short_codes", "signing_keys", "sip", "transcriptions", "usage")
_SUBRESOURCE_PATHS = {"short_codes": "SMS/ShortCodes", "sip": "SIP"}
STATUSES = ("active", "suspended", "closed")  # account_enum_status
CLOSED = "closed"
CLOSED_FOR_GOOD = 21479  # https://www.twilio.com/docs/api/errors/21479
LIST_URI = "/2010-04-01/Accounts.json"
FRIENDLY_NAME = Param("FriendlyName", "friendly_name", text_up_to(64))
PARAMS = (FRIENDLY_NAME, Param("Status", "status", one_of(STATUSES)))


def account_record(account: Account) -> dict[str, object]:
    """The Account resource, in the schema's order, with the account's auth token."""
    base = account_uri(account.sid)
    names = {name: _SUBRESOURCE_PATHS.get(name, "".join(part.capitalize() for part in name.split("_"))) for name in SUBRESOURCES}
    return {
        "auth_token": account.auth_token,
        "date_created": account.date_created,
        "date_updated": account.date_updated,
        "friendly_name": account.friendly_name,
        "owner_account_sid": account.parent or account.sid,
        "sid": account.sid,
        "status": account.status,
        "subresource_uris": {name: f"{base}/{path}.json" for name, path in names.items()},
        "type": "Full",
        "uri": f"{base}.json",
    }


def caller(call: Call) -> Account:
    """The caller's account, signed in with its auth token (401 / 20003 :data:`KEY_REFUSED` to an API key)."""
    account = call.owner()
    if call.by_api_key:
        raise authenticate(KEY_REFUSED)
    return account


def visible(call: Call) -> list[Account]:
    """The accounts the caller reaches: itself, then (a main account) its subaccounts, in account order."""
    account = call.owner()
    return [account] + (call.state.subaccounts(account.sid) if account.parent is None else [])


def addressed(call: Call) -> Account:
    """The path's ``{Sid}``: the caller or one of its subaccounts, else 401 / 20003; then 20003 to an API key."""
    found: Optional[Account] = next((account for account in visible(call) if account.sid == call.params["Sid"]), None)
    if found is None:
        raise authenticate()
    caller(call)
    return found


def list_accounts(call: Call) -> Reply:
    """The caller and its subaccounts, filtered by ``FriendlyName`` (exact) and ``Status``, paged (key ``accounts``)."""
    caller(call)
    records = [account_record(account) for account in visible(call)]
    records, by_name = exact_filter(records, call.query, "FriendlyName", "friendly_name")
    status = call.query.get("Status", [""])[-1]
    if status:
        one_of(STATUSES)("Status", status)
        records = [record for record in records if record["status"] == status]
    filters = by_name + ([("Status", status)] if status else [])
    return Reply(200, v2010_page(records, call.query, uri=LIST_URI, key="accounts", position=call.state.account_position, filters=filters))


def create_account(call: Call) -> Reply:
    """A new subaccount of the caller (201): a fresh SID and auth token, active."""
    parent = caller(call)
    if parent.parent is not None:
        raise TwilioError(400, 20001, f"Account {parent.sid} is a subaccount and cannot create subaccounts")
    values = read(call.form, (FRIENDLY_NAME,))
    sid = parent.new_sid("AC")
    while sid in call.state.accounts:
        sid = parent.new_sid("AC")
    name = values.get("friendly_name") or f"SubAccount Created at {now():%Y-%m-%d %I:%M %p}"
    account = call.state.add_account(Account(sid, secrets.token_hex(16), name, parent=parent.sid))
    return Reply(201, account_record(account))


def fetch_account(call: Call) -> Reply:
    """The caller's own account or one of its subaccounts (200)."""
    return Reply(200, account_record(addressed(call)))


def update_account(call: Call) -> Reply:
    """``FriendlyName`` and a subaccount's ``Status`` (200); closed is final (400 / 21479)."""
    account = addressed(call)
    values = read(call.form, PARAMS)
    status = values.get("status")
    if status is not None and status != account.status:
        if account.sid == call.owner().sid:
            raise TwilioError(400, 20001, f"The Status of account {account.sid} cannot be changed with its own credentials")
        if account.status == CLOSED:
            raise TwilioError(400, CLOSED_FOR_GOOD, "Unable to update Status for subaccount, subaccount is closed and can not be re-opened.")
        account.status = status
    if "friendly_name" in values:
        account.friendly_name = values["friendly_name"]
    account.date_updated = rfc2822()
    return Reply(200, account_record(account))


ROUTES = (
    Route("GET", LIST_URI, list_accounts),
    Route("POST", LIST_URI, create_account),
    Route("GET", "/2010-04-01/Accounts/{Sid}.json", fetch_account),
    Route("POST", "/2010-04-01/Accounts/{Sid}.json", update_account),
)
