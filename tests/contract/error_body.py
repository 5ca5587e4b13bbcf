# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Twilio's error body, which the specs do not describe.

Every 4xx/5xx answer carries exactly ``{"code": int, "message": str, "more_info":
"https://www.twilio.com/docs/errors/<code>", "status": <HTTP status>}``. With ``type`` or
``title`` keys twilio-python takes the body for an RFC 9457 problem and raises a different
exception class, so any other key is a problem too.
"""

from __future__ import annotations

from typing import Any

ERROR_KEYS = frozenset({"code", "message", "more_info", "status"})
MORE_INFO_BASE = "https://www.twilio.com/docs/errors/"


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def error_body_problems(body: Any, status: int) -> list[str]:
    """What is wrong with an error response body (empty when it is Twilio's shape)."""
    if not isinstance(body, dict):
        return [f"error body must be a JSON object with {', '.join(sorted(ERROR_KEYS))}, got {type(body).__name__}"]
    problems = []
    missing = ERROR_KEYS - body.keys()
    if missing:
        problems.append(f"error body lacks {', '.join(sorted(missing))}")
    extra = body.keys() - ERROR_KEYS
    if extra:
        problems.append(f"error body has keys Twilio does not send: {', '.join(sorted(extra))}")
    code = body.get("code")
    if "code" in body and not _is_int(code):
        problems.append(f"error code must be an integer, got {code!r}")
    if "message" in body and not isinstance(body["message"], str):
        problems.append(f"error message must be a string, got {body['message']!r}")
    if "more_info" in body and body["more_info"] != f"{MORE_INFO_BASE}{code}":
        problems.append(f"error more_info must be {MORE_INFO_BASE}{code}, got {body['more_info']!r}")
    if "status" in body and (not _is_int(body["status"]) or body["status"] != status):
        problems.append(f"error status must be the HTTP status {status}, got {body['status']!r}")
    return problems
