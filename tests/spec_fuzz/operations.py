"""What the schemathesis stage fuzzes: the spec operations the emulator serves, and the seed's SIDs for their paths."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contract.spec_patches import API_2010_SPEC, patch_spec
from contract.spec_store import PRODUCT_SPECS
from emulator.products import API
from spec_fuzz.formats import spell_out_uri_format

# Messaging v1 (services, senders, A2P brands, vettings and campaigns), the 2010 API (IncomingPhoneNumbers, ShortCodes,
# Addresses, the Account) and Trust Hub v1 (customer profiles, trust products, end users, documents, policies): the
# products the collection's modules write to. Flex, Conversations and Proxy are left to the contract checks of the
# integration logs.
PRODUCTS = ("messaging", "api", "trusthub")
_PLACEHOLDER = re.compile(r"\{\w+\}")
_SID_PATTERN = re.compile(r"^\^(?P<prefix>[A-Z]{2})\[0-9a-fA-F\]\{32\}\$$")
_SID = re.compile(r"^[A-Z]{2}[0-9a-f]{32}$")
_SID_IN_PATH = re.compile(r"(?<=/)[A-Z]{2}[0-9a-f]{32}(?=/|\.json$|$)")
# At most this many combinations of seeded SIDs per operation (a path has at most three SIDs).
MAX_COMBINATIONS = 4


def shape(method: str, path: str) -> tuple[str, str]:
    """``("GET", "/v1/Services/{}")``: the method and the path with its placeholders' names dropped."""
    return method.upper(), _PLACEHOLDER.sub("{}", path)


def served(product: str) -> set[tuple[str, str]]:
    """The shapes of every route the emulator serves for ``product``."""
    return {shape(route.method, route.pattern) for route in API.routes if route.product == product}


def corrected_spec(spec_dir: Path, product: str) -> dict[str, Any]:
    """The product's spec with the contract checks' corrections (tests/contract/spec_patches.py, and their formats)."""
    spec_file = PRODUCT_SPECS[product]
    document = json.loads((spec_dir / spec_file).read_text(encoding="utf-8"))
    return spell_out_uri_format(patch_spec(document, spec_file), relative_uris=spec_file == API_2010_SPEC)


def spec_shapes(document: dict[str, Any]) -> set[tuple[str, str]]:
    """The shapes of every operation in a spec document."""
    return {shape(method, path) for path, item in document["paths"].items()
            for method, operation in item.items() if isinstance(operation, dict) and "responses" in operation}


def seed_sids(seed: dict[str, Any]) -> dict[str, list[str]]:
    """Every SID in the seed, by prefix, in seed order."""
    found: dict[str, list[str]] = {}
    stack: list[Any] = [seed]
    while stack:
        node = stack.pop(0)
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str) and _SID.match(node) and node not in found.get(node[:2], []):
            found.setdefault(node[:2], []).append(node)
    return found


def setup_shape(path: str) -> tuple[str, str]:
    """A setup request's product and the shape of its path: ``("messaging", "/v1/Services/{}/AlphaSenders")``."""
    product, _slash, rest = path.lstrip("/").partition("/")
    return product, _SID_IN_PATH.sub("{}", "/" + rest)


def add_created_sids(sids: dict[str, list[str]], created: list[tuple[str, str]]) -> dict[str, list[str]]:
    """``sids`` (by prefix) plus the setup requests' SIDs, by prefix and by the shape of the list path that created
    them (``/v1/Services/{}/AlphaSenders``); ``created`` holds (path with the product, SID) pairs."""
    found = {key: list(values) for key, values in sids.items()}
    for path, sid in created:
        for key in (sid[:2], setup_shape(path)[1]):
            if sid not in found.setdefault(key, []):
                found[key].append(sid)
    return found


@dataclass(frozen=True)
class PathParameter:
    """One path parameter of an operation and where its values come from (``key``): the SID prefix its schema pattern
    names, else the shape of the list path before it (the spec types some ``Sid`` parameters as any string)."""

    name: str
    key: str


def path_parameters(definition: Any) -> list[PathParameter]:
    """The path parameters of a schemathesis APIOperation."""
    result = []
    for parameter in definition.path_parameters:
        pattern = (parameter.definition.get("schema") or {}).get("pattern", "")
        match = _SID_PATTERN.match(pattern) if isinstance(pattern, str) else None
        collection = definition.path.partition("{" + parameter.name + "}")[0].rstrip("/")
        result.append(PathParameter(parameter.name, match["prefix"] if match else _PLACEHOLDER.sub("{}", collection)))
    return result


def fixed_paths(parameters: list[PathParameter], account_sid: str) -> dict[str, str]:
    """The path parameters every case gets: ``AccountSid`` is the seed's account (any other answers 401 / 20003)."""
    return {parameter.name: account_sid for parameter in parameters if parameter.name == "AccountSid"}


def seeded_paths(parameters: list[PathParameter], sids: dict[str, list[str]], account_sid: str) -> Iterator[dict[str, str]]:
    """Path parameter values naming existing resources (``sids``: seed_sids with add_created_sids; ``AccountSid``
    is always the seed's account): at most MAX_COMBINATIONS of them, none when a parameter has no SID to take."""
    choices = []
    for parameter in parameters:
        if parameter.name == "AccountSid":
            choices.append([account_sid])
        elif parameter.key in sids:
            choices.append(sids[parameter.key])
        else:
            return
    names = [parameter.name for parameter in parameters]
    for values in itertools.islice(itertools.product(*choices), MAX_COMBINATIONS):
        yield dict(zip(names, values))
