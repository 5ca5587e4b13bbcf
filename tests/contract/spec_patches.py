# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Corrections applied to a loaded Twilio spec before validating against it.

Each one reads the spec the way Twilio's own examples and live API show it is meant, and
nothing more: the unit tests check that the spec's response examples pass with them and that
real mistakes still fail.
"""

from __future__ import annotations

import re
from typing import Any

API_2010_SPEC = "twilio_api_v2010.json"
# A Twilio SID pattern such as ``^MG[0-9a-fA-F]{32}$``: group "sid" is the body, "prefix" the two letters.
SID_PATTERN = re.compile(r"^\^(?P<sid>(?P<prefix>[A-Z]{2})\[0-9a-fA-F\]\{32\})\$$")


def _walk(node: Any) -> Any:
    """Every dict inside a JSON document, depth first."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def allow_null_in_nullable_enums(document: dict[str, Any]) -> None:
    """``nullable: true`` with ``enum: [...]`` accepts null.

    Twilio means "may be null" (e.g. a messaging service's ``inbound_method``), but under
    OpenAPI 3.0.3 rules, which openapi-core follows, null must also be listed in the enum.
    """
    for schema in _walk(document):
        if schema.get("nullable") is True and isinstance(schema.get("enum"), list) and None not in schema["enum"]:
            schema["enum"].append(None)


def make_enum_components_nullable(document: dict[str, Any]) -> None:
    """Enum components (``<resource>_enum_<field>``) accept null.

    Twilio's generator moves every enum into its own component and points at it with a bare
    ``$ref``, which in OpenAPI 3.0 cannot carry the property's ``nullable: true``; its examples
    and the live API return null there (e.g. a pending brand's ``identity_status``).
    """
    for name, schema in document.get("components", {}).get("schemas", {}).items():
        if "_enum_" in name and isinstance(schema.get("enum"), list):
            schema["nullable"] = True
            if None not in schema["enum"]:
                schema["enum"].append(None)


def allow_empty_sids(document: dict[str, Any]) -> None:
    """API 2010 uses ``""`` for "no SID", both ways.

    Its resources render an unset SID as ``""`` (an incoming phone number's
    ``sms_application_sid``, in the spec's own examples and live), and a form field set to
    ``""`` clears it (``SmsApplicationSid=`` detaches the application). The spec types them
    with a 34-character SID pattern; accept the empty string too in response schemas and form
    bodies, never in path or query parameters.
    """
    form_bodies = [operation["requestBody"] for path_item in document.get("paths", {}).values()
                   for operation in path_item.values() if isinstance(operation, dict) and "requestBody" in operation]
    for schema in _walk([document.get("components", {}).get("schemas", {}), form_bodies]):
        match = SID_PATTERN.match(schema.get("pattern", "")) if isinstance(schema.get("pattern"), str) else None
        if match and schema.get("type") == "string":
            schema["pattern"] = f"^(?:{match['sid']})?$"
            schema.pop("minLength", None)


def drop_response_headers(document: dict[str, Any]) -> None:
    """Forget the responses' header declarations.

    They are all optional CORS headers, and the emulator's log records no headers, so checking
    them would only cost time (about a fifth of each response check).
    """
    for path_item in document.get("paths", {}).values():
        for operation in path_item.values():
            if isinstance(operation, dict):
                for response in operation.get("responses", {}).values():
                    if isinstance(response, dict):
                        response.pop("headers", None)


def patch_spec(document: dict[str, Any], spec_file: str) -> dict[str, Any]:
    """Apply every correction that concerns ``spec_file``, in place; return the document."""
    allow_null_in_nullable_enums(document)
    make_enum_components_nullable(document)
    if spec_file == API_2010_SPEC:
        allow_empty_sids(document)
    drop_response_headers(document)
    return document
