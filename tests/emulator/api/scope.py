"""The account a 2010 request addresses: the ``{AccountSid}`` of its path, which must be the caller's own.

Another account's SID (or anything that is not the caller's SID) answers 401 / 20003 ``Authenticate``:
Twilio's error page for 20003 lists "subaccount credentials used to access the main account or another
subaccount" among its causes (*unconfirmed* for unrelated accounts; subaccounts are not modelled).
"""

from emulator.crud import record_or_404
from emulator.errors import authenticate
from emulator.routing import Call
from emulator.state import Account, Record


def addressed_account(call: Call) -> Account:
    """The caller's account when the path's ``{AccountSid}`` names it, else 401 / 20003."""
    account = call.owner()
    if call.params.get("AccountSid") != account.sid:
        raise authenticate()
    return account


def addressed_record(call: Call, kind: str) -> Record:
    """The ``{Sid}`` record of ``kind`` in the addressed account, else 404 / 20404 naming the full 2010 path."""
    return record_or_404(addressed_account(call), kind, call.params["Sid"], call.path)
