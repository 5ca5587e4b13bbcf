# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The Twilio account a task acts for: its SID, friendly name and status, read from the 2010 Account resource.

Private to the collection: the interface may change without notice.

Twilio's Account resource also carries the account's auth token (the spec's fetch example), so only the fields
named in FIELDS ever leave this file. Its friendly name defaults to the owner's email address (the spec's
description of friendly_name): a name that looks like one is personal data and is not returned. A Standard API key
may not read the Account resource (Twilio's API keys page: Standard keys reach every resource "except for API key
and Account resources"; Twilio answers 20003): the name is then unknown, and the result says why. So for any other
failure to read it (a Restricted API key without the permission, a 5xx after the retries): the name is cosmetic.
"""

from __future__ import annotations

import re
from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._client import call
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import AUTHENTICATE, ModuleError

FIELDS = ("friendly_name", "status", "type")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
KEY_CANNOT_READ = ("friendly name not read: a Standard API key may not read the Account resource (Twilio answers 20003); "
                   "audit with the auth token or a Main API key to see the account's friendly name and status")
REASON_LENGTH = 120
EMAIL_HIDDEN = "the friendly name is an email address (Twilio's default for an account), which is personal data: not shown"


def _reason(exc: ModuleError) -> str:
    """A short reason for a failed read: Twilio's status, code and message when it answered, else the failure's message
    without the operation (which names the account again); and how often it was retried."""
    error = exc.extra.get("error") or {}
    if error.get("status") and error.get("code"):
        reason = "HTTP %s, Twilio error %s (%s)" % (error["status"], error["code"], error.get("message") or "no message")
    else:
        reason = exc.msg.split(": ", 1)[-1]
    reason = reason if len(reason) <= REASON_LENGTH else reason[:REASON_LENGTH] + "..."
    return reason + (" after %d retries" % exc.extra["retries"] if exc.extra.get("retries") and "retries" not in reason else "")


def account_identity(client: Any, by_api_key: bool) -> dict[str, Any]:
    """C({sid, friendly_name, status, type, note}) of the credentials' account (C(by_api_key): signed in with an API key);
    C(note) says why the friendly name is null."""
    sid = client.account_sid
    identity: dict[str, Any] = {"sid": sid, **dict.fromkeys(FIELDS), "note": None}
    try:
        account = call("fetch account %s" % sid, client.api.v2010.accounts(sid).fetch)
    except ModuleError as exc:
        if by_api_key and exc.code == AUTHENTICATE:
            return {**identity, "note": KEY_CANNOT_READ}
        return {**identity, "note": "friendly name not read: %s" % _reason(exc)}
    identity.update({field: getattr(account, field, None) for field in FIELDS})
    if EMAIL.search(identity["friendly_name"] or ""):
        identity.update(friendly_name=None, note=EMAIL_HIDDEN)
    return identity
