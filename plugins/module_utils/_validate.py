# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Input checks shared by the modules: each failure names the field and the value.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import re
from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError

SID_KINDS = {
    "AC": "account",
    "SK": "API key",
    "MG": "messaging service",
    "PN": "phone number",
    "SC": "short code",
    "AI": "alpha sender",
    "QE": "A2P campaign",
    "BN": "A2P brand",
    "BU": "bundle",
}
SID_PATTERN = re.compile(r"^[A-Z]{2}[0-9a-f]{32}$")


def check_sid(field: str, value: str | None, prefix: str) -> None:
    """Fail unless value is a SID of the given kind (two letters and 32 lowercase hex digits)."""
    if value is None:
        return
    if not isinstance(value, str) or not SID_PATTERN.match(value) or not value.startswith(prefix):
        kind = SID_KINDS.get(prefix, prefix)
        raise ModuleError(
            "%s=%r is not %s %s SID: expected %s followed by 32 lowercase hex digits." % (field, value, "an" if kind[0] in "aAeiou" else "a", kind, prefix),
            field=field,
        )


def check_length(field: str, value: str | None, low: int, high: int) -> None:
    """Fail unless value is a text and low <= len(value) <= high."""
    if value is not None and not isinstance(value, str):
        raise ModuleError("%s=%r is not a text." % (field, value), field=field)
    if value is not None and not low <= len(value) <= high:
        raise ModuleError("%s must be %d to %d characters long, got %d: %r." % (field, low, high, len(value), value), field=field)


def check_range(field: str, value: int | None, low: int, high: int) -> None:
    """Fail unless value is a number and low <= value <= high."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise ModuleError("%s=%r is not a number." % (field, value), field=field)
    if value is not None and not low <= value <= high:
        raise ModuleError("%s must be between %d and %d, got %r." % (field, low, high, value), field=field)


def check_url(field: str, value: str | None, allow_empty: bool = False) -> None:
    """Fail unless value is an absolute http(s) URL (or empty, where clearing is allowed)."""
    if value is None or (allow_empty and value == ""):
        return
    if not isinstance(value, str) or not re.match(r"^https?://[^\s/]+[^\s]*$", value):
        raise ModuleError("%s=%r is not an absolute http:// or https:// URL." % (field, value), field=field)


def check_auth(params: dict[str, Any]) -> None:
    """Check the auth options' shapes before any request is sent."""
    check_sid("account_sid", params["account_sid"], "AC")
    check_sid("api_key_sid", params.get("api_key_sid"), "SK")
    check_url("api_url", params.get("api_url"))
    if params.get("timeout") is not None and params["timeout"] <= 0:
        raise ModuleError("timeout must be a positive number of seconds, got %r." % params["timeout"], field="timeout")
    if params.get("max_retries") is not None and params["max_retries"] < 0:
        raise ModuleError("max_retries must be 0 or more, got %r." % params["max_retries"], field="max_retries")
    for field in ("retry_deadline", "retry_backoff"):
        if params.get(field) is not None and not 0 <= params[field] < float("inf"):
            raise ModuleError("%s must be a number of seconds, 0 or more, got %r." % (field, params[field]), field=field)
