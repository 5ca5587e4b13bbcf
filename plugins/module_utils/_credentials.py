# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Credentials that Twilio refuses, or that belong to another account: found before anything is written, and said clearly.

The Messaging API's paths carry no account SID: an API key alone decides which account a request reads or changes.
A key of account A given with account_sid=B would manage A. So with an API key every module first sends one read
whose path names account_sid (the 2010 API's numbers list); Twilio refuses it (20003) unless the key belongs to
that account. No secret is ever part of a message.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._client import call
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import AUTHENTICATE, CREDENTIALS_HINT, ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._subaccount import parent_refusal


def check_api_key(client: Any, params: dict[str, Any]) -> None:
    """With an API key, one read in account_sid's own path: Twilio answers 20003 when the key is not of that account."""
    if not params.get("api_key_sid"):
        return
    numbers = client.api.v2010.accounts(params["account_sid"]).incoming_phone_numbers
    call("check that API key %s may act for account %s" % (params["api_key_sid"], params["account_sid"]), numbers.list, limit=1, page_size=1)


def explain_refusal(exc: ModuleError, params: dict[str, Any]) -> ModuleError:
    """A 20003 (credentials refused) with the generic hint replaced by the credentials at fault; other errors unchanged."""
    if exc.code != AUTHENTICATE:
        return exc
    if params.get("parent_account_sid"):
        hint, field = parent_refusal(exc, params)
    elif params.get("api_key_sid"):
        hint = ("Check the credentials: Twilio refused api_key_sid=%r with its api_key_secret for account_sid=%r. The secret is wrong, or "
                "the key belongs to another account: an API key acts only for the account it was created in."
                % (params["api_key_sid"], params["account_sid"]))
        field = "api_key_sid"
    else:
        hint = ("Check the credentials: Twilio refused account_sid=%r with its auth_token. The token is wrong, or it is the auth token of "
                "another account." % params["account_sid"])
        field = "account_sid"
    exc.msg = exc.msg.replace(CREDENTIALS_HINT, "") + " " + hint
    exc.extra.setdefault("field", field)
    return exc
