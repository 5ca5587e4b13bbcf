# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Acting for a subaccount with its parent's credentials: read the subaccount's own auth token through the parent.

Twilio's Subaccounts page (https://www.twilio.com/docs/iam/api/subaccounts): the main account's credentials reach the
main account's REST API and the v2010 resources of its subaccounts; resources on subdomains (messaging.twilio.com,
trusthub, flex-api, conversations, proxy: every API the modules use besides 2010) must be accessed with the
subaccount's own credentials (its SID and auth token, or API keys made in it); main account API keys are denied
subaccount resources. The Account resource (2010 C(GET Accounts/{Sid}.json)), fetched with the parent's credentials,
carries the subaccount's C(auth_token) (the spec's C(api.v2010.account) schema).

So with O(parent_account_sid) and O(parent_auth_token), a module first fetches O(account_sid) through the parent (one
GET), checks that its owner is the parent and that it is active, hides its token from every output, and acts with the
subaccount's SID and that token. (The parent's credentials with the subaccount's SID in the SDK would manage the
parent's messaging services, whose paths carry no account SID: never done.) O(account_sid) may be the parent itself:
its owner is its own SID (spec: owner_account_sid), and its token is the parent's.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._client import build_client, call
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import AUTHENTICATE, ModuleError, is_not_found
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import SID_KINDS, SID_PATTERN, check_sid, is_blank

# With the parent's credentials, account_sid's own credentials must not be given: which account would act is then unclear.
MUTUALLY_EXCLUSIVE = [("parent_auth_token", "auth_token"), ("parent_auth_token", "api_key_sid"), ("parent_auth_token", "api_key_secret")]
REQUIRED_TOGETHER = [("parent_account_sid", "parent_auth_token")]
# The Account resource's statuses (spec: account_enum_status); only an active account is managed.
ACTIVE = "active"


def check_parent(params: dict[str, Any]) -> None:
    """The parent options' shapes, before any request: an account SID (never repeated: check_sid() treats it as a
    credential field, it may be a secret in the wrong field), and a token that is neither blank nor shaped like a SID
    (swapped with parent_account_sid?)."""
    check_sid("parent_account_sid", params.get("parent_account_sid"), "AC")
    token = params.get("parent_auth_token")
    if token is not None and (not isinstance(token, str) or is_blank(token)):
        raise ModuleError("parent_auth_token is blank: give the parent account's auth token (the value is not shown).", field="parent_auth_token")
    if isinstance(token, str) and SID_PATTERN.match(token):
        kind = SID_KINDS.get(token[:2], token[:2])
        raise ModuleError("parent_auth_token has the shape of a(n) %s SID (two letters and 32 hex digits), not of an auth token: are "
                          "parent_account_sid and parent_auth_token swapped? (the value is not shown)" % kind, field="parent_auth_token")


def read_without_keeping(client: Any, operation: str, func: Any) -> Any:
    """call() for a read whose answer holds auth tokens (an Account, the Accounts list): the client keeps no copy of it."""
    try:
        return call(operation, func)
    finally:
        client.http_client.last_response = None


def subaccount_token(params: dict[str, Any], hide: set[str]) -> str | None:
    """The auth token of the subaccount account_sid, read through parent_account_sid; None without the parent options.

    Every value to mask is added to C(hide) (the module's no_log_values) before it could show: the token as soon as it
    is read. Fails, naming both SIDs, when account_sid is not the parent's or is not active."""
    if not params.get("parent_account_sid") and not params.get("parent_auth_token"):
        return None
    check_parent(params)  # a parent_account_sid that is no SID is masked already (_validate.hidden_values)
    parent_sid, sid = params["parent_account_sid"], params["account_sid"]
    parent = build_client({**params, "account_sid": parent_sid, "auth_token": params["parent_auth_token"], "api_key_sid": None})
    account = fetch_through_parent(parent, parent_sid, sid)
    token = account.auth_token
    account.auth_token = None
    if token:
        hide.add(token)
    if getattr(account, "owner_account_sid", None) != parent_sid:
        raise not_a_subaccount(sid, parent_sid, "its owner is %s" % (account.owner_account_sid or "not given"))
    if account.status != ACTIVE:
        raise ModuleError("account_sid=%r is %s, not active: a suspended or closed subaccount is not managed (Twilio refuses its own "
                          "credentials; reactivate a suspended one first, a closed one cannot be)." % (sid, account.status or "of no status"),
                          field="account_sid", account_status=account.status)
    if not token or not isinstance(token, str):
        raise ModuleError("Twilio's answer for account %s, read through parent account %s, holds no auth_token: the subaccount's own "
                          "credentials are unknown, so nothing is managed." % (sid, parent_sid), field="account_sid")
    return token


def fetch_through_parent(parent: Any, parent_sid: str, sid: str) -> Any:
    """The Account resource of sid, with the parent's credentials; a 20003 is marked as the parent's (parent_refusal())."""
    try:
        return read_without_keeping(parent, "fetch account %s through parent account %s" % (sid, parent_sid), parent.api.v2010.accounts(sid).fetch)
    except ModuleError as exc:
        if is_not_found(exc):
            raise not_a_subaccount(sid, parent_sid, "Twilio knows no such account under the parent (HTTP 404)") from exc
        if exc.code == AUTHENTICATE:
            exc.extra["field"] = "parent_auth_token"
        raise


def not_a_subaccount(sid: str, parent_sid: str, why: str) -> ModuleError:
    return ModuleError("account_sid=%r is not a subaccount of parent_account_sid=%r: %s. Give the SID of one of its subaccounts "
                       "(ansible-inventory -i <tendlc.twilio.accounts config> --graph lists them), or the account's own credentials."
                       % (sid, parent_sid, why), field="account_sid")


def parent_refusal(exc: ModuleError, params: dict[str, Any]) -> tuple[str, str]:
    """The hint and field of a 20003 when acting through the parent (for _credentials.explain_refusal())."""
    sids = (params["parent_account_sid"], params["account_sid"])
    if exc.extra.get("field") == "parent_auth_token":
        return ("Check the credentials: Twilio refused parent_account_sid=%r with its parent_auth_token (reading subaccount %r). The token "
                "is wrong, or it is the auth token of another account (an API key cannot stand in for it), or account_sid is not one of "
                "its subaccounts (Twilio refuses the parent another account's resources)." % sids, "parent_auth_token")
    return ("Check the credentials: Twilio refused account_sid=%r with its own auth token, read through parent_account_sid=%r just "
            "before: the subaccount's token was changed or the subaccount suspended during the run." % sids[::-1], "account_sid")
