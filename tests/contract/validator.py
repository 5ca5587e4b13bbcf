# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Check an emulator request log against Twilio's pinned OpenAPI specs, both ways.

Requests (what our modules sent): the path and method exist in the product's spec, every form
field and query parameter is documented, and for successful calls the values validate.
Responses (what the emulator answered): 2xx bodies validate against the documented response,
with every documented property present and no undocumented one; 4xx/5xx bodies have Twilio's
error shape (the specs do not describe them). The values of a failed call's request are not
checked: a rejected value (say, a malformed SID answered with 404) may be the point of the test.
Injected faults (records with a ``fault`` key) are not violations: their error bodies are checked like any
other, and a ``reset-before`` record (status null, never answered) has only its request's names checked, as have
the faults whose answer is deliberately not Twilio's (``html-200``, ``empty-200``, ``shape-200``, ``html-401``,
``html-403``). A ``next-page-url`` record is checked in full: its page is Twilio's shape, only its link points elsewhere.

    problems = validate_records(read_log(path), spec_dir)
    assert_log_conforms(path)          # fetches the spec if needed; AssertionError listing problems
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema.exceptions import ValidationError as SchemaError
from openapi_core.templating.paths.exceptions import OperationNotFound, PathError
from openapi_core.templating.responses.exceptions import ResponseNotFound
from openapi_core.validation.request.exceptions import ParameterValidationError, RequestBodyValidationError
from openapi_core.validation.response.exceptions import DataValidationError
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue

from .error_body import error_body_problems
from .field_names import response_property_gaps, unknown_form_fields, unknown_query_parameters
from .log_records import LoggedRequest, has_foreign_body, read_log, record_shape_problems, to_request, to_response, was_never_answered
from .spec_fetch import fetch_spec
from .spec_store import Operation, ProductSpec, UnknownProduct, load_product_spec

MAX_DETAIL = 300
MAX_LISTED = 60


@dataclass(frozen=True)
class Problem:
    """One way a log record breaks the contract."""

    index: int
    method: str
    product: str
    path: str
    status: Any
    side: str  # "record", "request" or "response"
    detail: str

    def __str__(self) -> str:
        return f"#{self.index} {self.method.upper()} {self.product} {self.path} -> {self.status}: {self.side}: {self.detail}"


def _location(error: SchemaError) -> str:
    where = ""
    for part in error.absolute_path:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    return where


def _clip(text: str) -> str:
    return text if len(text) <= MAX_DETAIL else text[:MAX_DETAIL] + "..."


def describe(exc: Exception) -> list[str]:
    """Readable lines for one openapi-core validation error."""
    if isinstance(exc, ResponseNotFound):
        return [f"status {exc.http_status} is not documented for this operation (documented: {', '.join(exc.availableresponses)})"]
    if isinstance(exc, ParameterValidationError):
        subject = f"{exc.location} parameter {exc.name}"
    elif isinstance(exc, RequestBodyValidationError):
        subject = "form body"
    elif isinstance(exc, DataValidationError):
        subject = "body"
    else:
        subject = ""
    cause = exc.__cause__
    if isinstance(cause, InvalidSchemaValue):
        lines = []
        for error in cause.schema_errors:
            where = ".".join(filter(None, [subject, _location(error)])) if isinstance(error, SchemaError) else subject
            lines.append(_clip(f"{where}: {getattr(error, 'message', error)}"))
        return lines
    if cause is not None:
        return [_clip(f"{subject}: {cause}" if subject else str(cause))]
    return [_clip(str(exc) or type(exc).__name__)]


def _operation_or_problem(spec: ProductSpec, method: str, path: str) -> tuple[Operation | None, str]:
    try:
        return spec.find_operation(method, path), ""
    except OperationNotFound:
        return None, f"{method.upper()} is not an operation of this path in {spec.spec_file}"
    except PathError:
        return None, f"no path of {spec.spec_file} matches {path}"


def _request_problems(spec: ProductSpec, operation: Operation, record: Mapping[str, Any], request: LoggedRequest | None) -> list[str]:
    """Names always; values too when ``request`` is given (successful calls)."""
    lines = unknown_form_fields(spec, operation, record["form"]) + unknown_query_parameters(spec, operation, record["query"])
    if request is not None:
        for exc in spec.app.iter_request_errors(request):
            lines.extend(describe(exc))
    return lines


def _response_problems(spec: ProductSpec, operation: Operation, record: Mapping[str, Any], request: LoggedRequest) -> list[str]:
    status, body = record["status"], record["response"]
    lines = []
    for exc in spec.app.iter_response_errors(request, to_response(record)):
        lines.extend(describe(exc))
    documented = spec.deref(operation.definition.get("responses", {}).get(str(status)))
    if isinstance(documented, dict) and "content" not in documented and body is not None:
        lines.append(f"status {status} has no body in the spec, got {_clip(repr(body))}")
    lines.extend(response_property_gaps(spec, operation, status, body))
    return lines


def _problems(index: int, record: Any, side: str, lines: Iterable[str]) -> list[Problem]:
    fields = record if isinstance(record, dict) else {}
    method, product, path = (str(fields.get(name, "?")) for name in ("method", "product", "path"))
    return [Problem(index, method, product, path, fields.get("status"), side, line) for line in lines]


def validate_record(index: int, record: Any, spec_dir: str | Path) -> list[Problem]:
    """Every problem of one log record (see the module doc for what is checked)."""
    shape = record_shape_problems(record)
    if shape:
        return _problems(index, record, "record", shape)
    try:
        spec = load_product_spec(spec_dir, record["product"])
    except UnknownProduct as exc:
        return _problems(index, record, "record", [str(exc.args[0])])
    status = record["status"]
    operation, missing = _operation_or_problem(spec, record["method"], record["path"])
    if was_never_answered(record) or has_foreign_body(record):  # unanswered, or answered not as Twilio would: the request's names
        lines = [missing] if operation is None else _request_problems(spec, operation, record, None)
        return _problems(index, record, "request", lines)
    if operation is None:
        found = [] if status == 404 else _problems(index, record, "request", [missing])
    elif status >= 400:
        found = _problems(index, record, "request", _request_problems(spec, operation, record, None))
    else:
        request = to_request(record, spec.host_url)
        found = _problems(index, record, "request", _request_problems(spec, operation, record, request))
        found += _problems(index, record, "response", _response_problems(spec, operation, record, request))
    if status >= 400:
        found += _problems(index, record, "response", error_body_problems(record["response"], status))
    return found


def validate_records(records: Iterable[Any], spec_dir: str | Path) -> list[Problem]:
    """Every problem of every record, in log order; empty when the log conforms."""
    found: list[Problem] = []
    for index, record in enumerate(records):
        found += validate_record(index, record, spec_dir)
    return found


def format_problems(problems: list[Problem], source: str = "log") -> str:
    """A readable report: one line per problem, at most MAX_LISTED of them."""
    lines = [f"{len(problems)} contract problem(s) in {source}:"] + [f"  {problem}" for problem in problems[:MAX_LISTED]]
    if len(problems) > MAX_LISTED:
        lines.append(f"  ... and {len(problems) - MAX_LISTED} more")
    return "\n".join(lines)


def assert_log_conforms(log_path: str | Path, spec_dir: str | Path | None = None) -> None:
    """Fail (AssertionError) with a readable list unless every record of the JSONL log conforms.

    ``spec_dir`` defaults to the verified cache, fetched on first use (see spec_fetch).
    """
    problems = validate_records(read_log(log_path), spec_dir if spec_dir is not None else fetch_spec())
    if problems:
        raise AssertionError(format_problems(problems, str(log_path)))
