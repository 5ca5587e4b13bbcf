"""The contract checks' reading of ``format: uri`` (tests/contract/twilio_formats.py), as plain JSON Schema.

The contract checks hand openapi-core format functions: ``""`` is an unset URL (Twilio clears URLs with it) and API
2010's ``*_uri`` values are paths (``/2010-04-01/Accounts/AC....json``). Schemathesis' response validator
(jsonschema-rs) takes no format functions, so each ``format: uri`` schema gets the same alternatives spelled out.
Twilio's other formats (``uri-map``, ``http-method``, ``date-time-rfc-2822``, ``phone-number``) are unknown to
jsonschema-rs, which ignores unknown formats: Schemathesis does not check them (the contract checks do).
"""

from __future__ import annotations

from typing import Any

# One JSON walker for the corrections and this reading of them.
from contract.spec_patches import _walk  # pylint: disable=protected-access

EMPTY = {"enum": [""]}
PATH = {"pattern": "^/(?!/)"}  # twilio_formats.is_uri_or_path: a path, not a network-path reference (//host)


def spell_out_uri_format(document: dict[str, Any], relative_uris: bool) -> dict[str, Any]:
    """Replace every ``format: uri`` with "absolute URI, or empty, or (``relative_uris``) a path"; in place."""
    alternatives = [EMPTY, PATH] if relative_uris else [EMPTY]
    for schema in list(_walk(document)):
        if schema.get("format") == "uri" and schema.get("type") == "string":
            del schema["format"]
            schema.setdefault("allOf", []).append({"anyOf": [{"format": "uri"}, *alternatives]})
    return document
