"""Every field table (a _fields.Resource in plugins/module_utils/_*.py) against Twilio's OpenAPI spec and its modules' DOCUMENTATION.

Generic: the tables are discovered by importing each private module_utils file, so a new Resource is held against both
without a line here. Per field, the spec must have its request parameter (in the create's or the update's form), its
response field (in the resource's schema), the same type, the same choices (the spec's enum, or the values its
description lists), the limits its description states, a SID prefix its pattern names; a field marks a departure with
C(spec_note) (the source that says so). Each module in C(modules) must document every table field with the same type,
choices and elements, and take the table's argument_spec entries (adding to them only); a C(module:option) entry names a
table whose fields are the suboptions of a dict option (customer_profile:address), held against those suboptions. The emulator's own tables are compared in
a test per resource (test_service_table_emulator.py, ...).
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from ansible_collections.tendlc.twilio.plugins.module_utils._fields import Field, Resource

REPO = Path(__file__).resolve().parents[4]
TESTS = REPO / "tests"
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

# pylint: disable=wrong-import-position
from contract.spec_fetch import fetch_spec  # noqa: E402

PACKAGE = "ansible_collections.tendlc.twilio.plugins"
SPEC_TYPES = {"str": "string", "bool": "boolean", "int": "integer", "list": "array", "dict": "object", "float": "number"}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
NUMBER = r"`?(\d[\d,]*|%s)`?" % "|".join(WORDS)
# What a description says of a limit, as Twilio's spec writes it ("It can be up to 64 characters long.", "Min length: 40
# characters. Max length: 4096 characters.", "40 character minimum.", "from `1` to `36,000`", "min two and max five").
LIMITS = {
    "max_length": (r"up to %s characters" % NUMBER, r"max(?:imum)? length(?: for each \w+)?: %s" % NUMBER, r"%s characters? max(?:imum)?" % NUMBER),
    "min_length": (r"min(?:imum)? length(?: for each \w+)?: %s" % NUMBER, r"%s characters? min(?:imum)?" % NUMBER),
    "range": (r"(?:integer|number|value) (?:from|between) %s (?:to|and) %s" % (NUMBER, NUMBER),),
    "items": (r"\bmin %s and max %s\b" % (NUMBER, NUMBER),),
}
# A description that lists the values: "Possible values are `a`, `b`." or 'One of: "A", "B".'
LISTED = re.compile(r"(?:possible values are|one of)\s*:?\s*((?:[`\"][^`\"]+[`\"](?:,\s*|\s+or\s+|\s+and\s+)?)+)", re.IGNORECASE)


def _number(text: str) -> int:
    return WORDS[text.lower()] if text.lower() in WORDS else int(text.replace(",", ""))


def _resources() -> dict[str, Resource]:
    """Every Resource assigned at the top level of plugins/module_utils/_*.py, by '<file>.<NAME>' of the file that assigns
    it (not of those that import it)."""
    found: dict[str, Resource] = {}
    for path in sorted((REPO / "plugins" / "module_utils").glob("_*.py")):
        module = importlib.import_module("%s.module_utils.%s" % (PACKAGE, path.stem))
        text = path.read_text(encoding="utf-8")
        for name, value in sorted(vars(module).items()):
            if isinstance(value, Resource) and re.search(r"^%s\s*[:=]" % re.escape(name), text, re.MULTILINE):
                found["%s.%s" % (path.stem, name)] = value
    assert len({id(value) for value in found.values()}) == len(found), "a Resource is assigned in two places: %s" % sorted(found)
    return found


RESOURCES = _resources()
FIELDS = [(key, field) for key, resource in RESOURCES.items() for field in resource.fields]
FIELD_IDS = ["%s:%s" % (key, field.option) for key, field in FIELDS]
MODULES = [(key, module) for key, resource in RESOURCES.items() for module in resource.modules]


@lru_cache(maxsize=None)
def _spec(name: str) -> dict[str, Any]:
    return json.loads((fetch_spec() / name).read_text(encoding="utf-8"))


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = spec["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _form(resource: Resource, path: str) -> dict[str, Any]:
    """The form schema of the POST on path ({} when the path is not set or its POST takes no body)."""
    if not path:
        return {}
    body = _spec(resource.spec_file)["paths"][path]["post"].get("requestBody", {})
    return body.get("content", {}).get("application/x-www-form-urlencoded", {}).get("schema", {})


def _param(resource: Resource, field: Field) -> dict[str, Any] | None:
    """The spec's request parameter of the field (the create's, else the update's), resolved; None when neither has it."""
    spec = _spec(resource.spec_file)
    for path in (resource.create_path, resource.update_path):
        node = _form(resource, path).get("properties", {}).get(field.param)
        if node is not None:
            return {**_resolve(spec, node), "description": node.get("description") or _resolve(spec, node).get("description", "")}
    return None


def _stated(description: str) -> dict[str, tuple[int, ...]]:
    """The limits a description states, by kind (see LIMITS)."""
    stated: dict[str, tuple[int, ...]] = {}
    for kind, patterns in LIMITS.items():
        for pattern in patterns:
            match = re.search(pattern, description, re.IGNORECASE)
            if match:
                stated[kind] = tuple(_number(group) for group in match.groups())
                break
    return stated


def _enum(node: dict[str, Any]) -> set[str] | None:
    """The values the spec allows: its enum (of the items for an array), else the values its description lists."""
    spec_values = node.get("enum") or node.get("items", {}).get("enum")
    if spec_values:
        return set(spec_values)
    listed = LISTED.search(node.get("description", ""))
    return set(re.findall(r"[`\"]([^`\"]+)[`\"]", listed.group(1))) if listed else None


def test_tables_are_found():
    """The discovery finds at least the service's table (a broken import would otherwise pass every test below vacuously)."""
    assert "_service.SERVICE" in RESOURCES
    assert all(resource.fields and resource.spec_file and resource.schema for resource in RESOURCES.values())


@pytest.mark.parametrize("key", sorted(RESOURCES))
def test_table_names_its_spec(key):
    resource = RESOURCES[key]
    spec = _spec(resource.spec_file)
    assert resource.schema in spec["components"]["schemas"], resource.schema
    for path in filter(None, (resource.create_path, resource.update_path)):
        assert "post" in spec["paths"].get(path, {}), "%s: no POST %s in %s" % (key, path, resource.spec_file)
    options = [field.option for field in resource.fields]
    assert len(options) == len(set(options)), "%s: an option is listed twice" % key
    properties = spec["components"]["schemas"][resource.schema]["properties"]
    assert not set(resource.initial) - set(properties), "%s: initial values of fields the schema lacks" % key


@pytest.mark.parametrize("key, field", FIELDS, ids=FIELD_IDS)
def test_field_agrees_with_the_spec(key, field):
    resource = RESOURCES[key]
    spec = _spec(resource.spec_file)
    node = _param(resource, field)
    if node is None:
        assert field.spec_note, "%s: %s is in neither the create's nor the update's form (set spec_note with the source)" % (key, field.param)
        return
    departures = []
    if SPEC_TYPES[field.type] != node.get("type"):
        departures.append("type %s, the spec's %s" % (field.type, node.get("type")))
    if field.type == "list" and field.elements and SPEC_TYPES[field.elements] != node.get("items", {}).get("type"):
        departures.append("elements %s, the spec's items %s" % (field.elements, node.get("items", {}).get("type")))
    allowed = _enum(node)
    if allowed is not None and set(field.choices) != allowed and not (field.spec_note and field.choices and set(field.choices) < allowed):
        departures.append("choices %s, the spec's %s" % (sorted(field.choices), sorted(allowed)))
    if field.choices and allowed is None:
        departures.append("choices %s, the spec lists none" % sorted(field.choices))
    departures += _limit_departures(field, _stated(node.get("description", "")))
    pattern = node.get("pattern", "")
    if pattern.startswith("^") and re.match(r"\^[A-Z]{2}\[", pattern) and (field.kind, field.sid_prefix) != ("sid", pattern[1:3]):
        departures.append("kind %r prefix %r, the spec's pattern %s" % (field.kind, field.sid_prefix, pattern))
    if (node.get("format") == "uri") != (field.kind == "url"):
        departures.append("kind %r, the spec's format %r" % (field.kind, node.get("format")))
    if resource.update_path:
        in_update = field.param in _form(resource, resource.update_path).get("properties", {})
        if in_update != field.updatable:
            departures.append("updatable=%s, the update's form %s it" % (field.updatable, "has" if in_update else "lacks"))
    for path, flag, what in ((resource.create_path, field.create_required, "create"), (resource.update_path, field.update_required, "update")):
        required = set(_form(resource, path).get("required", ()))
        if path and (field.param in required) != flag:
            departures.append("%s_required=%s, the %s %s it" % (what, flag, what, "requires" if field.param in required else "does not require"))
    properties = spec["components"]["schemas"][resource.schema]["properties"]
    response = properties.get(field.response)
    if response is None:
        departures.append("no response field %r in %s" % (field.response, resource.schema))
    elif SPEC_TYPES[field.type] != _resolve(spec, response).get("type"):
        departures.append("type %s, the response's %s" % (field.type, _resolve(spec, response).get("type")))
    where = "%s: %s (%s) departs from %s" % (key, field.option, field.param, resource.spec_file)
    assert not departures or field.spec_note, "%s: %s" % (where, "; ".join(departures))


def _limit_departures(field: Field, stated: dict[str, tuple[int, ...]]) -> list[str]:
    """The limits the description states that the table does not hold, and the table's limits the description contradicts."""
    held = {"min_length": field.length[:1] if field.length else None, "max_length": field.length[1:] if field.length else None,
            "range": field.value_range, "items": field.items}
    departures = ["%s %s, the description states %s" % (kind, held[kind], value) for kind, value in stated.items() if held[kind] != value]
    if field.value_range is not None and "range" not in stated:
        departures.append("range %s, the description states none" % (field.value_range,))
    if field.items is not None and "items" not in stated:
        departures.append("items %s, the description states none" % (field.items,))
    return departures


def _documented(module_name: str) -> dict[str, dict[str, Any]]:
    """The module's documented options, its doc fragments' included (plugins/doc_fragments/<name>.py)."""
    module = importlib.import_module("%s.modules.%s" % (PACKAGE, module_name))
    doc = yaml.safe_load(module.DOCUMENTATION)
    options: dict[str, dict[str, Any]] = {}
    for fragment in doc.get("extends_documentation_fragment", []):
        name, variant = (fragment.split(".", 2)[-1].split(".", 1) + [""])[:2]
        holder = importlib.import_module("%s.doc_fragments.%s" % (PACKAGE, name)).ModuleDocFragment
        options.update(yaml.safe_load(getattr(holder, (variant or "documentation").upper())).get("options", {}))
    options.update(doc.get("options") or {})
    return options


def _module_classes(module_name: str) -> list[type]:
    module = importlib.import_module("%s.modules.%s" % (PACKAGE, module_name))
    # a module's class is defined in the module, or in module_utils/_<module>.py (where flex_a2p_plan can run it too)
    homes = (module.__name__, "%s.module_utils._%s" % (PACKAGE, module_name))
    return [value for value in vars(module).values()
            if inspect.isclass(value) and value.__module__ in homes and isinstance(getattr(value, "argument_spec", None), dict)]


def _nested(module_name: str) -> tuple[str, str]:
    """C(module) or C(module:option): a table whose fields are the suboptions of a dict option (customer_profile:address)."""
    name, option = (module_name.split(":", 1) + [""])[:2]
    return name, option


def _class_spec(cls: type, option: str) -> dict[str, Any]:
    return cls.argument_spec[option]["options"] if option else cls.argument_spec


@pytest.mark.parametrize("key, module_name", MODULES, ids=["%s:%s" % pair for pair in MODULES])
def test_modules_document_the_table(key, module_name):
    resource = RESOURCES[key]
    module_name, option = _nested(module_name)
    documented = _documented(module_name)
    if option:
        assert option in documented and documented[option].get("suboptions"), "%s: %s documents no suboptions of %s" % (key, module_name, option)
        documented = documented[option]["suboptions"]
    for field in resource.fields:
        assert field.option in documented, "%s: %s does not document %s" % (key, module_name, field.option)
        doc = documented[field.option]
        assert doc.get("type", "str") == field.type, "%s: %s documents %s as %s" % (key, module_name, field.option, doc.get("type", "str"))
        choices = doc.get("choices", [])
        assert list(choices) == list(field.choices), "%s: %s documents %s's choices %s" % (key, module_name, field.option, choices)
        assert doc.get("elements", "") == field.elements, "%s: %s documents %s's elements" % (key, module_name, field.option)
    classes = _module_classes(module_name)
    assert classes, "%s has no module class with an argument_spec" % module_name
    for cls in classes:
        # The module may add to an entry (required, default: its own choice); what the table says it keeps.
        spec = _class_spec(cls, option)
        taken = {name: {key: (spec.get(name) or {}).get(key) for key in entry} for name, entry in resource.argument_spec().items()}
        assert taken == resource.argument_spec(), "%s.%s does not take the table's argument_spec entries" % (module_name, cls.__name__)
        if option:
            assert set(spec) == set(documented), "%s: %s's suboptions %s, documented %s" % (module_name, option, sorted(spec), sorted(documented))
        assert not set(cls.argument_spec) - set(_documented(module_name)), "%s documents none of %s" % (
            module_name, set(cls.argument_spec) - set(_documented(module_name)))


@pytest.mark.parametrize("key", sorted(RESOURCES))
def test_planned_has_every_field_and_no_assigned_one(key):
    """A check-mode create's shape: every table field by response name and what Twilio sets itself, never what it assigns."""
    resource = RESOURCES[key]
    planned = resource.planned({})
    assert set(planned) == {field.response for field in resource.fields} | set(resource.initial)
    assert not set(planned) & {"sid", "account_sid", "date_created", "date_updated", "url", "links"}
