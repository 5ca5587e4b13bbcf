# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Twilio's specs, one per product, each loaded, corrected and built into openapi-core once per process."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openapi_core import Config, OpenAPI

from .cached_validators import CachedPathFinder, CachedV30RequestValidator, CachedV30ResponseValidator
from .spec_patches import API_2010_SPEC, patch_spec
from .twilio_formats import format_validators

# First label of the Twilio host -> spec file. Paths collide across products (/v1/Services is
# messaging, conversations and proxy), so every record names its product.
PRODUCT_SPECS: dict[str, str] = {
    "messaging": "twilio_messaging_v1.json",
    "api": API_2010_SPEC,
    "flex-api": "twilio_flex_v1.json",
    "conversations": "twilio_conversations_v1.json",
    "proxy": "twilio_proxy_v1.json",
    "trusthub": "twilio_trusthub_v1.json",
}

FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"


class UnknownProduct(KeyError):
    """A product with no spec in PRODUCT_SPECS."""


@dataclass(frozen=True)
class Operation:
    """One operation of a spec, as matched for a request."""

    pattern: str
    method: str
    definition: dict[str, Any]
    path_item: dict[str, Any]


class ProductSpec:
    """One product's corrected spec document and its openapi-core application."""

    def __init__(self, product: str, spec_file: str, document: dict[str, Any]) -> None:
        self.product = product
        self.spec_file = spec_file
        self.document = document
        self.host_url = f"https://{product}.twilio.com"
        config = Config(
            spec_validator_cls=None,  # the pinned spec is what it is; validating it costs seconds
            extra_format_validators=format_validators(relative_uris=spec_file == API_2010_SPEC),
            request_validator_cls=CachedV30RequestValidator,
            response_validator_cls=CachedV30ResponseValidator,
            path_finder_cls=CachedPathFinder,
        )
        self.app = OpenAPI.from_dict(document, config=config)
        self._finder = CachedPathFinder(self.app.spec)
        self._example_keys: dict[tuple[str, str, int], frozenset[str]] = {}

    def find_operation(self, method: str, path: str) -> Operation:
        """The operation serving ``method path``; raises openapi-core's PathError if none does."""
        found = self._finder.find(method.lower(), self.host_url + path)
        pattern = found.path_result.pattern
        path_item = self.document["paths"][pattern]
        return Operation(pattern, method.lower(), path_item[method.lower()], path_item)

    def deref(self, node: Any) -> Any:
        """Follow local ``$ref``s (``#/components/...``) until a plain node."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            target: Any = self.document
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
            seen += 1
            if seen > 32:
                raise ValueError(f"$ref loop in {self.spec_file}")
        return node

    def parameters(self, path_item: dict[str, Any], method: str, location: str) -> list[dict[str, Any]]:
        """The parameters found ``in`` location that the path and its ``method`` operation declare."""
        declared = list(path_item.get("parameters", [])) + list(path_item.get(method.lower(), {}).get("parameters", []))
        return [param for param in map(self.deref, declared) if param.get("in") == location]

    def parameter_names(self, operation: Operation, location: str) -> frozenset[str]:
        """Names of the operation's (and its path's) parameters found ``in`` location."""
        return frozenset(param["name"] for param in self.parameters(operation.path_item, operation.method, location))

    def form_schema(self, operation: Operation) -> dict[str, Any] | None:
        """The form body schema, or None when the operation takes no form body."""
        body = self.deref(operation.definition.get("requestBody"))
        if not isinstance(body, dict):
            return None
        media = body.get("content", {}).get(FORM_MEDIA_TYPE)
        if media is None:
            return None
        return self.deref(media.get("schema", {}))

    def response_schema(self, operation: Operation, status: int) -> dict[str, Any] | None:
        """The JSON schema of the documented response to ``status``, if it has a body."""
        response = self.deref(operation.definition.get("responses", {}).get(str(status)))
        if not isinstance(response, dict):
            return None
        media = response.get("content", {}).get("application/json")
        return None if media is None else self.deref(media.get("schema", {}))

    def example_keys(self, operation: Operation, status: int) -> frozenset[str]:
        """Every object key in the spec's own examples of that response, at any depth."""
        cache_key = (operation.pattern, operation.method, status)
        if cache_key not in self._example_keys:
            self._example_keys[cache_key] = self._collect_example_keys(operation, status)
        return self._example_keys[cache_key]

    def _collect_example_keys(self, operation: Operation, status: int) -> frozenset[str]:
        response = self.deref(operation.definition.get("responses", {}).get(str(status)))
        media = response.get("content", {}).get("application/json", {}) if isinstance(response, dict) else {}
        keys: set[str] = set()
        stack = [example.get("value") for example in media.get("examples", {}).values()]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                keys.update(node)
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
        return frozenset(keys)


@functools.lru_cache(maxsize=None)
def _load(spec_dir: str, product: str) -> ProductSpec:
    spec_file = PRODUCT_SPECS[product]
    with (Path(spec_dir) / spec_file).open(encoding="utf-8") as handle:
        document = json.load(handle)
    return ProductSpec(product, spec_file, patch_spec(document, spec_file))


def load_product_spec(spec_dir: str | Path, product: str) -> ProductSpec:
    """The cached ProductSpec of ``product`` from ``spec_dir``; UnknownProduct if it has none."""
    if product not in PRODUCT_SPECS:
        raise UnknownProduct(f"unknown product {product!r}; known: {', '.join(sorted(PRODUCT_SPECS))}")
    return _load(str(Path(spec_dir).resolve()), product)
