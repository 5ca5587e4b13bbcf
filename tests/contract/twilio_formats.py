# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Checks for the string formats Twilio's specs use that jsonschema does not know.

openapi-core ignores unknown formats, so without these ``uri``, ``uri-map``, ``http-method``
and ``date-time-rfc-2822`` values would go unchecked. ``phone-number`` is left alone on purpose:
Twilio also tags display strings such as ``(808) 925-1571`` with it.
Each check returns True for values of other types; the schema's ``type`` judges those.
"""

from __future__ import annotations

import email.utils
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

HTTP_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})


def is_absolute_uri(value: Any) -> bool:
    """``scheme://host...``; the empty string means "unset" (Twilio clears URLs with it)."""
    if not isinstance(value, str) or value == "":
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc)


def is_uri_or_path(value: Any) -> bool:
    """Like is_absolute_uri, but also ``/2010-04-01/...``: API 2010 gives relative ``*_uri`` values."""
    return is_absolute_uri(value) or (isinstance(value, str) and value.startswith("/") and not value.startswith("//"))


def is_http_method(value: Any) -> bool:
    """An upper-case HTTP method name."""
    return not isinstance(value, str) or value in HTTP_METHODS


def is_rfc_2822_date(value: Any) -> bool:
    """API 2010 dates, e.g. ``Thu, 30 Jul 2015 23:19:04 +0000``."""
    if not isinstance(value, str):
        return True
    try:
        email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return False
    return True


def format_validators(relative_uris: bool) -> dict[str, Callable[[Any], bool]]:
    """The extra format validators for one spec; ``relative_uris`` for API 2010."""
    uri = is_uri_or_path if relative_uris else is_absolute_uri

    def is_uri_map(value: Any) -> bool:
        return not isinstance(value, dict) or all(isinstance(item, str) and uri(item) for item in value.values())

    return {
        "uri": uri,
        "uri-map": is_uri_map,
        "http-method": is_http_method,
        "date-time-rfc-2822": is_rfc_2822_date,
    }
