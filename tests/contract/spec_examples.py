# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Log records made from the spec's own examples, for tests (ours, and the emulator's if it likes)."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .spec_patches import SID_PATTERN
from .spec_store import ProductSpec, load_product_spec


def response_example(spec: ProductSpec, method: str, pattern: str, status: int, name: str | None = None) -> Any:
    """A deep copy of the named (default: first) JSON example of that documented response."""
    response = spec.deref(spec.document["paths"][pattern][method.lower()]["responses"][str(status)])
    examples = response["content"]["application/json"]["examples"]
    example = examples[name] if name is not None else next(iter(examples.values()))
    return copy.deepcopy(example["value"])


def sample_path(spec: ProductSpec, pattern: str, method: str = "get", **values: str) -> str:
    """``pattern`` with each ``{Param}`` filled: from ``values``, else a SID of the pattern's type (``MGaaa...``)."""
    params = spec.parameters(spec.document["paths"][pattern], method, "path")
    patterns = {param["name"]: spec.deref(param.get("schema", {})).get("pattern", "") for param in params}

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in values:
            return values[name]
        sid = SID_PATTERN.match(patterns.get(name, ""))
        return sid["prefix"] + "a" * 32 if sid else "x"

    return re.sub(r"\{([^}]+)\}", fill, pattern)


def example_record(spec: ProductSpec, method: str, pattern: str, status: int, form: Mapping[str, Any] | None = None,
                   query: Mapping[str, Any] | None = None, name: str | None = None) -> dict[str, Any]:
    """A log record whose response is the spec's example for ``method pattern -> status``."""
    response = spec.deref(spec.document["paths"][pattern][method.lower()]["responses"][str(status)])
    body = response_example(spec, method, pattern, status, name) if "content" in response else None
    return {
        "time": "2025-01-01T00:00:00Z",
        "method": method.upper(),
        "product": spec.product,
        "path": sample_path(spec, pattern, method),
        "query": dict(query or {}),
        "form": dict(form or {}),
        "status": status,
        "account_sid": "AC" + "a" * 32,
        "response": body,
    }


def documented_examples(spec: ProductSpec, path_prefix: str = "") -> Iterator[tuple[str, str, int, str]]:
    """(method, pattern, status, example name) of every JSON response example under ``path_prefix``."""
    for pattern, path_item in spec.document["paths"].items():
        if not pattern.startswith(path_prefix):
            continue
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for status, response in operation["responses"].items():
                media = spec.deref(response).get("content", {}).get("application/json", {})
                for name in media.get("examples", {}):
                    yield method, pattern, int(status), name


def mixed_records(spec_dir: Path, count: int) -> list[dict[str, Any]]:
    """Records over the operations the collection uses, built from the spec's examples, each with its own SIDs."""
    messaging, api = load_product_spec(spec_dir, "messaging"), load_product_spec(spec_dir, "api")
    flex, conversations = load_product_spec(spec_dir, "flex-api"), load_product_spec(spec_dir, "conversations")
    campaign = {"BrandRegistrationSid": "BN" + "a" * 32, "Description": "d" * 40, "MessageFlow": "f" * 40, "MessageSamples": ["a" * 20, "b" * 20],
                "UsAppToPersonUsecase": "MARKETING", "HasEmbeddedLinks": "true", "HasEmbeddedPhone": "false"}
    shapes = [
        (messaging, "POST", "/v1/Services", 201, {"FriendlyName": "x", "StickySender": "true"}),
        (messaging, "GET", "/v1/Services", 200, {}),
        (messaging, "GET", "/v1/Services/{Sid}", 200, {}),
        (messaging, "POST", "/v1/Services/{Sid}", 200, {"UseInboundWebhookOnNumber": "true"}),
        (messaging, "DELETE", "/v1/Services/{Sid}", 204, {}),
        (messaging, "POST", "/v1/Services/{ServiceSid}/PhoneNumbers", 201, {"PhoneNumberSid": "PN" + "a" * 32}),
        (messaging, "GET", "/v1/Services/{ServiceSid}/PhoneNumbers", 200, {}),
        (messaging, "POST", "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p", 201, campaign),
        (messaging, "GET", "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p", 200, {}),
        (api, "GET", "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json", 200, {}),
        (api, "POST", "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json", 200, {"SmsUrl": "https://example.com/sms"}),
        (flex, "GET", "/v1/FlexFlows", 200, {}),
        (conversations, "GET", "/v1/Configuration/Addresses", 200, {}),
    ]
    records = []
    for index in range(count):
        spec, method, pattern, status, form = shapes[index % len(shapes)]
        record = example_record(spec, method, pattern, status, form=form)
        record["path"] = record["path"].replace("a" * 32, f"{index:032x}")
        records.append(record)
    return records
