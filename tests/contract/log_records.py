# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The emulator's JSONL request log, and its records rebuilt as openapi-core requests and responses.

A record: ``{"time", "method", "product", "path" (no product prefix, no query), "query" and
"form" ({name: str or [str, ...]}), "status" (int), "account_sid", "response" (parsed JSON body,
null for 204)}``. The log carries no Authorization header, so a dummy one is added to pass
openapi-core's security check.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

DUMMY_AUTHORIZATION = "Basic QUMwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA6dG9rZW4="  # AC000...:token
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
JSON_CONTENT_TYPE = "application/json"

_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "method": (str,),
    "product": (str,),
    "path": (str,),
    "query": (dict,),
    "form": (dict,),
    "status": (int,),
}


@dataclass
class LoggedRequest:
    """A logged request, shaped as openapi-core's Request protocol."""

    host_url: str
    path: str
    method: str
    body: bytes | None
    content_type: str
    parameters: RequestParameters = field(default_factory=RequestParameters)


@dataclass
class LoggedResponse:
    """A logged response, shaped as openapi-core's Response protocol."""

    status_code: int
    data: bytes | None
    content_type: str
    headers: Headers = field(default_factory=Headers)


def read_log(log_path: str | Path) -> list[dict[str, Any]]:
    """The records of a JSONL log, in order; blank lines are skipped."""
    records = []
    with Path(log_path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except ValueError as exc:
                    raise ValueError(f"{log_path}:{number}: not JSON: {exc}") from exc
    return records


def was_never_answered(record: Mapping[str, Any]) -> bool:
    """A request whose connection the emulator dropped before applying it (fault ``reset-before``): status null, no response."""
    return record.get("fault") == "reset-before" and record.get("status") is None


# Injected faults whose answer is deliberately not Twilio's (an HTML page, an empty body, JSON of the wrong shape): see
# the emulator's fault_rules.FOREIGN_BODIES. Their records are checked like unanswered ones: the request's names only.
FOREIGN_BODY_FAULTS = frozenset(("html-200", "empty-200", "shape-200", "html-401", "html-403"))


def has_foreign_body(record: Mapping[str, Any]) -> bool:
    """A request answered by an injected fault with a body that is not Twilio's (not a contract violation)."""
    return record.get("fault") in FOREIGN_BODY_FAULTS and isinstance(record.get("status"), int)


def record_shape_problems(record: Any) -> list[str]:
    """What keeps a log record from being checked at all (missing or mistyped keys)."""
    if not isinstance(record, dict):
        return [f"record is a {type(record).__name__}, not a JSON object"]
    problems = []
    for name, types in _FIELD_TYPES.items():
        if name == "status" and was_never_answered(record):
            continue
        if name not in record:
            problems.append(f"record lacks {name!r}")
        elif not isinstance(record[name], types) or isinstance(record[name], bool):
            problems.append(f"record {name!r} is {record[name]!r}, expected {types[0].__name__}")
    if isinstance(record.get("path"), str) and not record["path"].startswith("/"):
        problems.append(f"record path {record['path']!r} does not start with '/'")
    if "response" not in record:
        problems.append("record lacks 'response'")
    return problems


def _pairs(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    pairs = []
    for name, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append((name, item))
    return pairs


def to_request(record: Mapping[str, Any], host_url: str) -> LoggedRequest:
    """The record's request: its query, its form re-encoded, and a dummy Basic auth header."""
    form = record["form"]
    return LoggedRequest(
        host_url=host_url,
        path=record["path"],
        method=record["method"].lower(),
        body=urlencode(form, doseq=True).encode("utf-8") if form else None,
        content_type=FORM_CONTENT_TYPE,
        parameters=RequestParameters(
            query=ImmutableMultiDict(_pairs(record["query"])),
            header=Headers({"Authorization": DUMMY_AUTHORIZATION}),
        ),
    )


def to_response(record: Mapping[str, Any]) -> LoggedResponse:
    """The record's response: its JSON body re-serialised, or no body for null."""
    body = record["response"]
    if body is None:
        return LoggedResponse(status_code=record["status"], data=None, content_type="")
    return LoggedResponse(status_code=record["status"], data=json.dumps(body).encode("utf-8"), content_type=JSON_CONTENT_TYPE)
