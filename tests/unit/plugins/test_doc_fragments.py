"""The doc fragments: what the info modules and the service modules share is written once, and nothing of auth is lost."""

from __future__ import annotations

import importlib

import pytest
import yaml

from ansible_collections.tendlc.twilio.plugins.module_utils._client import AUTH_ARGUMENT_SPEC

PACKAGE = "ansible_collections.tendlc.twilio.plugins"
MODULES = ["a2p_brand", "a2p_brand_info", "a2p_campaign", "a2p_external_campaign", "flex_routing_info", "messaging_service",
           "messaging_service_info", "phone_number_info", "sender_pool"]


def fragment(name: str) -> dict:
    return yaml.safe_load(importlib.import_module("%s.doc_fragments.%s" % (PACKAGE, name)).ModuleDocFragment.DOCUMENTATION)


@pytest.mark.parametrize("name", ["info_module", "service_module"])
def test_composed_fragments_hold_all_of_auth(name):
    auth, composed = fragment("auth"), fragment(name)
    assert set(auth["options"]) == set(AUTH_ARGUMENT_SPEC)
    for key in ("author", "notes", "requirements"):
        assert composed[key] == auth[key], key
    assert {option: composed["options"][option] for option in auth["options"]} == auth["options"]


def test_info_fragment_documents_a_read_only_module():
    attributes = fragment("info_module")["attributes"]
    assert (attributes["check_mode"]["support"], attributes["diff_mode"]["support"]) == ("full", "none")


def test_service_fragment_documents_service_and_plan_new_service():
    options = fragment("service_module")["options"]
    assert options["service"]["type"] == "str" and options["service"]["required"] is True
    assert options["plan_new_service"] == {**options["plan_new_service"], "type": "bool", "default": False}


@pytest.mark.parametrize("module_name", MODULES)
def test_every_module_gets_author_and_auth_from_one_fragment(module_name):
    """Exactly one fragment brings the authors and auth options; a module restates neither."""
    doc = yaml.safe_load(importlib.import_module("%s.modules.%s" % (PACKAGE, module_name)).DOCUMENTATION)
    fragments = [name.rsplit(".", 1)[-1] for name in doc["extends_documentation_fragment"]]
    assert len([name for name in fragments if name in ("auth", "info_module", "service_module")]) == 1, fragments
    assert "author" not in doc
    assert not set(doc.get("options") or {}) & (set(AUTH_ARGUMENT_SPEC) | {"service", "plan_new_service"})
    assert ("info_module" in fragments) == module_name.endswith("_info")
