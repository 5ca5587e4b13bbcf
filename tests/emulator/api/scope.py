"""The account a 2010 request addresses: the ``{AccountSid}`` of its path, the caller's own or one of its subaccounts.

Twilio's Subaccounts page (https://www.twilio.com/docs/iam/api/subaccounts, "Authentication"): "You can use your main
account credentials (AccountSid and AuthToken) to access Twilio's REST API for your main account, as well as v2010 API
resources for any of your subaccounts. [...] You can not use a subaccount's credentials to access the resources of your
main Twilio account or any other subaccounts." and "Main account API Keys are only available to access main account
resources. Access to subaccount resources will be denied." So :func:`acting_account` lets a main account's SID and auth
token act on a subaccount's ``/2010-04-01/Accounts/{SubSid}/...`` paths; an API key, another account or a subaccount's
credentials on its parent's or a sibling's paths get 401 / 20003 ``Authenticate`` (Twilio's 20003 page lists
"subaccount credentials used to access the main account or another subaccount"; the code for an unrelated account and
for the parent's API key is *unconfirmed*). Other products' paths carry no account SID: there the credentials' account is
acted on, whatever account SID the SDK was given.

A subaccount that is not active cannot be acted on either: 401 / 20005 ``Account not active`` as for its own credentials
(:func:`check_active`; *unconfirmed* for the parent's requests, Twilio's 10001 page: "A suspended account cannot use
Twilio for calls, messages, or other API activity until it is reactivated"). The Account resource itself
(:mod:`emulator.api.accounts`) does not go through here: a parent reads and reactivates its suspended subaccounts.
"""

from typing import TYPE_CHECKING, Optional

from emulator.crud import record_or_404
from emulator.errors import TwilioError, authenticate
from emulator.routing import Call
from emulator.state import Account, Record

if TYPE_CHECKING:
    from emulator.state import State

ACTIVE = "active"
NOT_ACTIVE = 20005  # https://www.twilio.com/docs/api/errors/20005 "Account not active" (HTTP 401 *unconfirmed*)


def not_active() -> TwilioError:
    """401 / 20005: the account (or its main account) is suspended or closed."""
    return TwilioError(401, NOT_ACTIVE, "Account not active")


def check_active(state: "State", account: Account) -> None:
    """20005 unless the account and, for a subaccount, its main account are active (the Subaccounts page, "Billing": "If
    your main Twilio account is ever suspended, your subaccounts will also be suspended")."""
    parent = state.accounts.get(account.parent) if account.parent else None
    if account.status != ACTIVE or (parent is not None and parent.status != ACTIVE):
        raise not_active()


def acting_account(state: "State", caller: Account, by_api_key: bool, account_sid: Optional[str]) -> Account:
    """The account a request acts on: the caller's, or (2010 paths only, ``account_sid`` from the path) a subaccount of the
    caller addressed with the caller's own SID and auth token. Anything else keeps the caller (the handler's
    :func:`addressed_account` then answers 401 / 20003)."""
    target = state.accounts.get(account_sid) if account_sid and account_sid != caller.sid else None
    if target is None or target.parent != caller.sid or by_api_key:
        return caller
    check_active(state, target)
    return target


def addressed_account(call: Call) -> Account:
    """The acting account when the path's ``{AccountSid}`` names it, else 401 / 20003."""
    account = call.owner()
    if call.params.get("AccountSid") != account.sid:
        raise authenticate()
    return account


def addressed_record(call: Call, kind: str) -> Record:
    """The ``{Sid}`` record of ``kind`` in the addressed account, else 404 / 20404 naming the full 2010 path."""
    return record_or_404(addressed_account(call), kind, call.params["Sid"], call.path)
