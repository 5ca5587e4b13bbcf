# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Which names appear: form fields and query parameters sent, response properties returned.

openapi-core checks values, not names: it accepts undeclared form fields and query parameters,
and its "forbid additional properties" switch would also reject the keys of Twilio's free-form
objects (``links``, ``rate_limits``). Its "all response properties required" switch cannot spare
the objects Twilio serialises without their null keys (``capabilities``). So names are checked
here: every name sent or returned must be documented, and every documented response property
must be returned (Twilio sends each one, null when unset).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .newer_than_spec import NEWER_FORM_FIELDS, NEWER_RESPONSE_PROPERTIES
from .spec_store import Operation, ProductSpec

# Twilio's generator marks the classes it serialises without null keys with this annotation.
OMITS_NULL_KEYS = "@JsonInclude(JsonInclude.Include.NON_NULL)"


def _key(spec: ProductSpec, operation: Operation) -> tuple[str, str, str]:
    return (spec.product, operation.method, operation.pattern)


def unknown_form_fields(spec: ProductSpec, operation: Operation, form: Mapping[str, Any]) -> list[str]:
    """One message per form field the operation's request body does not declare."""
    if not form:
        return []
    schema = spec.form_schema(operation)
    if schema is None:
        return [f"sends a form body ({', '.join(sorted(form))}) but the operation takes none"]
    known = set(schema.get("properties", {})) | NEWER_FORM_FIELDS.get(_key(spec, operation), frozenset())
    return [f"unknown form field {name!r}" for name in sorted(set(form) - known)]


def unknown_query_parameters(spec: ProductSpec, operation: Operation, query: Mapping[str, Any]) -> list[str]:
    """One message per query parameter the operation does not declare."""
    known = spec.parameter_names(operation, "query")
    return [f"unknown query parameter {name!r}" for name in sorted(set(query) - known)]


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _property_gaps(spec: ProductSpec, schema: Any, value: Any, where: str) -> Iterator[tuple[str, str]]:
    """("missing" | "undocumented", location) for each mismatch between value and schema, at any depth."""
    schema = spec.deref(schema)
    if not isinstance(schema, dict):
        return
    if isinstance(value, dict) and "properties" in schema:
        properties = schema["properties"]
        if schema.get("x-class-extra-annotation") != OMITS_NULL_KEYS:
            for name in properties:
                if name not in value:
                    yield "missing", _join(where, name)
        for name, item in value.items():
            if name in properties:
                yield from _property_gaps(spec, properties[name], item, _join(where, name))
            elif "additionalProperties" not in schema:
                yield "undocumented", _join(where, name)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            yield from _property_gaps(spec, schema["items"], item, f"{where}[{index}]")


def response_property_gaps(spec: ProductSpec, operation: Operation, status: int, body: Any) -> list[str]:
    """One message per documented property the body lacks and per property it has that is not documented.

    A name the spec's own examples of this response show counts as documented: Twilio's examples
    are live output and carry a few fields its schemas lack (a messaging service's ``sending_windows``).
    """
    schema = spec.response_schema(operation, status)
    gaps = [] if schema is None else list(_property_gaps(spec, schema, body, ""))
    if not gaps:
        return []
    allowed = NEWER_RESPONSE_PROPERTIES.get(_key(spec, operation), frozenset()) | spec.example_keys(operation, status)
    messages = []
    for kind, where in gaps:
        if kind == "missing":
            messages.append(f"body lacks documented property {where!r}")
        elif where.rsplit(".", 1)[-1] not in allowed:
            messages.append(f"body has undocumented property {where!r}")
    return messages
