# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Errors the modules raise, and the one translation of Twilio's errors into them.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import json
import re
from typing import Any

MORE_INFO = "https://www.twilio.com/docs/errors/%s"
# Twilio's error codes that the collection acts on (/work/shared/twilio-api-notes.md, Twilio's error pages MORE_INFO % code)
AUTHENTICATE = 20003  # HTTP 401: the credentials are refused, or are not of the account in the path
NOT_FOUND = 20404  # HTTP 404: the account has no resource with that SID
CREDENTIALS_HINT = " Check the credentials: account_sid with auth_token, or api_key_sid with api_key_secret of that account."
_SDK_PREFIX = re.compile(r"^Unable to [a-z ]+ record: ")


class ModuleError(Exception):
    """A failure the module reports with fail_json: a message plus structured extras."""

    def __init__(self, msg: str, **extra: Any) -> None:
        super().__init__(msg)
        self.msg = msg
        self.extra = extra

    @property
    def code(self) -> Any:
        """Twilio's error code of the failed request (C(error.code)), or None."""
        return (self.extra.get("error") or {}).get("code")


def is_not_found(exc: ModuleError) -> bool:
    """Whether Twilio answered that the resource does not exist (20404)."""
    return exc.code == NOT_FOUND


NOT_REPEATED = "it was not repeated, so that nothing is created twice"


class AmbiguousWriteError(ModuleError):
    """A create whose outcome is unknown: Twilio may have applied it (timeout or reset after sending, or a 5xx).

    The client never repeats such a request blindly; the caller looks the resource up first
    (C(_client.create_once)). C(reason) says what happened, C(status) is the HTTP status of a 5xx, else None.
    C(in_flight) is true when no answer came in time (a read timeout, a 504): Twilio may still be applying it.
    """

    def __init__(self, msg: str, reason: str, status: int | None = None, in_flight: bool = False, **extra: Any) -> None:
        super().__init__(msg, **extra)
        self.reason = reason
        self.status = status
        self.in_flight = in_flight

    def during(self, operation: str, outcome: str = NOT_REPEATED) -> AmbiguousWriteError:
        """The same error, its message naming the module's operation and what was done about it (C(outcome))."""
        msg = ("Failed to %s: Twilio may or may not have applied the request (%s); %s. "
               "Run the task again: it reads the current state first." % (operation, self.reason, outcome))
        return AmbiguousWriteError(msg, self.reason, self.status, self.in_flight,
                                   error={"message": self.reason, "status": self.status, "ambiguous": True})


class TransportError(ModuleError):
    """A request the client did not send, or whose answer is not Twilio's: a URL off the configured host, a host that
    cannot be reached, a body that is not the JSON the API sends. Raised by the HTTP client; C(call()) adds the operation."""

    def during(self, operation: str) -> TransportError:
        """The same error, its message naming the module's operation."""
        return TransportError("Failed to %s: %s" % (operation, self.msg), **self.extra)


def bad_response(method: str, url: str, status: int, content_type: str | None, problem: str) -> TransportError:
    """The error for an answer that is not Twilio's JSON: names the request, the status, the content type and what is wrong.

    A 401 or 403 also gets the credentials hint: a proxy or a gateway may have refused them before Twilio could.
    """
    shown = content_type or "no content type"
    msg = "the answer to %s %s is not Twilio's: HTTP %d, %s, %s." % (method.upper(), url, status, shown, problem)
    if status in (401, 403):
        msg += CREDENTIALS_HINT
    else:
        msg += " A proxy, a captive portal or an api_url that is not the Twilio API answers like this."
    return TransportError(msg, error={"status": status, "content_type": content_type, "url": url, "message": problem})


def twilio_error(exc: Exception) -> dict[str, Any]:
    """Structured C(code), C(status), C(message), C(more_info) of an exception raised by the twilio SDK."""
    status = getattr(exc, "status", None)
    code = getattr(exc, "code", None)
    message = getattr(exc, "msg", None)
    if message is None:
        # A failed list page raises a plain TwilioException("Unable to fetch page", response).
        response = exc.args[1] if len(exc.args) > 1 else None
        status = getattr(response, "status_code", None)
        body = _json_body(getattr(response, "text", ""))
        code = body.get("code", status)
        message = body.get("message") or str(exc.args[0] if exc.args else exc)
    message = _SDK_PREFIX.sub("", str(message))
    return {
        "code": code,
        "status": status,
        "message": message,
        "more_info": MORE_INFO % code if code else None,
    }


def from_twilio(exc: Exception, operation: str) -> ModuleError:
    """Wrap an SDK exception as a ModuleError whose message names the operation."""
    error = twilio_error(exc)
    hint = ""
    if error["code"] == AUTHENTICATE:
        hint = CREDENTIALS_HINT
    msg = "Failed to %s: Twilio error %s (HTTP %s): %s.%s" % (operation, error["code"], error["status"], error["message"].rstrip("."), hint)
    return ModuleError(msg, error=error)


def _json_body(text: str) -> dict[str, Any]:
    try:
        body = json.loads(text)
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
