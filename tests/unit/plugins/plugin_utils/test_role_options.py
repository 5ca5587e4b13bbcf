"""The flex_a2p role calls each write module from one task, and passes on every field of the module's table: the
dict variables (flex_a2p_service_settings, flex_a2p_brand, flex_a2p_campaign) each table field the role does not fill in
itself, one option a line (plugin_utils/_role_options.py derives which). Read from the task files, the modules' classes
(argument_spec, which the tables build) and the role's meta/argument_specs.yml."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._brand import BRAND
from ansible_collections.tendlc.twilio.plugins.module_utils._campaign import CAMPAIGN, EXTERNAL_CAMPAIGN
from ansible_collections.tendlc.twilio.plugins.module_utils._service import SERVICE
from ansible_collections.tendlc.twilio.plugins.module_utils._tollfree import TOLLFREE
from ansible_collections.tendlc.twilio.plugins.module_utils._trusthub import CUSTOMER_PROFILE, TRUST_PRODUCT
from ansible_collections.tendlc.twilio.plugins.module_utils._vetting import VETTING
from ansible_collections.tendlc.twilio.plugins.plugin_utils import _onboarding
from ansible_collections.tendlc.twilio.plugins.plugin_utils._role_options import CAMPAIGN_FROM_ROLE, SERVICE_FROM_ROLE, SETTINGS, TOLLFREE_FROM_ROLE

ROLE = Path(__file__).resolve().parents[4] / "roles" / "flex_a2p"
COLLECTION = "tendlc.twilio."
# Each write module the role runs, the task file that calls it, its table, and the table fields the role leaves alone.
WRITE_MODULES = {
    "messaging_service": ("service.yml", SERVICE, ()),
    "sender_pool": ("pool.yml", None, ()),
    "a2p_brand": ("brand.yml", BRAND, ()),
    "a2p_campaign": ("campaign.yml", CAMPAIGN, ()),
    "a2p_external_campaign": ("campaign.yml", EXTERNAL_CAMPAIGN, ("cnp_migration",)),  # a migration between providers: not the role's
    "customer_profile": ("onboard_profile.yml", CUSTOMER_PROFILE, ()),
    "trust_product": ("onboard_trust_product.yml", TRUST_PRODUCT, ()),
    "brand_vetting": ("onboard_vetting.yml", VETTING, ()),
    "tollfree_verification": ("tollfree.yml", TOLLFREE, ()),
}
# The dict variable each module's task passes on, option by option.
DICT_OF = {"messaging_service": "flex_a2p_service_settings", "a2p_brand": "flex_a2p_brand", "a2p_campaign": "flex_a2p_campaign",
           "tollfree_verification": "flex_a2p_tollfree_verification"}
PASSED_ON = re.compile(r"^\{\{ (flex_a2p_[a-z_]+)\.([a-z0-9_]+)(?: \| default\(omit\))? \}\}$")  # default(omit) but for required ones


def _tasks(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for task in tasks or []:
        found.append(task)
        for part in ("block", "rescue", "always"):
            found += _tasks(task.get(part))
    return found


def module_tasks() -> list[tuple[str, str, dict[str, Any]]]:
    """(task file, module, options) of every task of the role that runs a module of the collection."""
    calls = []
    for path in sorted((ROLE / "tasks").glob("*.yml")):
        for task in _tasks(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for key, options in task.items():
                if key.startswith(COLLECTION):
                    calls.append((path.name, key[len(COLLECTION):], options or {}))
    return calls


def argument_spec(module: str) -> dict[str, Any]:
    """The argument_spec of the module's class (without the auth options every module shares)."""
    loaded = importlib.import_module("ansible_collections.tendlc.twilio.plugins.modules." + module)
    # defined in the module, or in module_utils/_<module>.py (where flex_a2p_plan can run it too)
    homes = (loaded.__name__, "ansible_collections.tendlc.twilio.plugins.module_utils._" + module)
    classes = [value for value in vars(loaded).values()
               if isinstance(value, type) and issubclass(value, TwilioModule) and value.__module__ in homes]
    assert len(classes) == 1, "%s defines one module class, found %s" % (module, classes)
    return classes[0].argument_spec


def the_task(module: str) -> dict[str, Any]:
    (options,) = [options for _path, name, options in module_tasks() if name == module]
    return options


def role_options() -> dict[str, Any]:
    return yaml.safe_load((ROLE / "meta" / "argument_specs.yml").read_text(encoding="utf-8"))["argument_specs"]["main"]["options"]


def test_each_write_module_is_called_from_one_task_of_the_role():
    calls = module_tasks()
    # flex_a2p_plan only reads: it runs the write modules' classes in check mode (test_role_plan_options.py)
    written = {name for _path, name, _options in calls if not name.endswith("_info") and name != "flex_a2p_plan"}
    assert written == set(WRITE_MODULES)
    for module, (task_file, _name, _options) in WRITE_MODULES.items():
        assert [path for path, name, _options in calls if name == module] == [task_file], module


@pytest.mark.parametrize("module", sorted(WRITE_MODULES))
def test_each_task_passes_options_of_its_module_and_every_field_of_its_table(module):
    options, spec = the_task(module), argument_spec(module)
    assert sorted(set(options) - set(spec)) == []
    table, left_alone = WRITE_MODULES[module][1:]
    if table is not None:
        assert sorted(set(table.options()) - set(options)) == sorted(left_alone)
        assert set(table.options()) <= set(spec)


@pytest.mark.parametrize("module, variable", sorted(DICT_OF.items()))
def test_each_dict_variable_passes_on_every_table_field_the_role_does_not_fill_in(module, variable):
    options = the_task(module)
    passed_on = {option: PASSED_ON.match(value) for option, value in options.items() if isinstance(value, str)}
    from_variable = sorted(option for option, match in passed_on.items() if match and match.group(1) == variable)
    assert from_variable == sorted(SETTINGS[variable])
    # each one under its own name: flex_a2p_campaign.description goes to description
    assert all(match.group(2) == option for option, match in passed_on.items() if match and match.group(1) == variable)
    assert set(SETTINGS[variable]) <= set(argument_spec(module))


def test_the_fields_the_role_fills_in_come_from_its_other_variables():
    service, campaign = the_task("messaging_service"), the_task("a2p_campaign")
    assert {option: service[option] for option in SERVICE_FROM_ROLE} == {
        "friendly_name": "{{ flex_a2p_service_name }}", "usecase": "{{ flex_a2p_service_usecase | default(omit, true) }}",
        "use_inbound_webhook_on_number": True}
    assert {option: campaign[option] for option in CAMPAIGN_FROM_ROLE} == {"brand_registration_sid": "{{ flex_a2p__brand_sid }}"}
    assert set(SERVICE_FROM_ROLE) <= set(SERVICE.options()) and set(CAMPAIGN_FROM_ROLE) <= set(CAMPAIGN.options())


@pytest.mark.parametrize("variable, module, set_by_role", [
    ("flex_a2p_service_settings", "messaging_service", SERVICE_FROM_ROLE),
    ("flex_a2p_brand", "a2p_brand", ()),
    ("flex_a2p_campaign", "a2p_campaign", CAMPAIGN_FROM_ROLE + ("service",)),
    ("flex_a2p_tollfree_verification", "tollfree_verification", TOLLFREE_FROM_ROLE + ("state",)),
])
def test_the_argument_spec_of_each_dict_variable_names_options_it_passes_on(variable, module, set_by_role):
    """The role's argument_specs.yml takes each dict variable as a dict (its keys are checked by the input filter, whose
    messages name the variable): its description names options of the module that the variable passes on, and as not to
    be set those the role fills in."""
    spec = role_options()[variable]
    assert spec["type"] == "dict" and "suboptions" not in spec
    description = " ".join(spec["description"]) if isinstance(spec["description"], list) else spec["description"]
    named = set(re.findall(r"C\(([a-z0-9_]+)\)", description))
    assert named, variable
    assert sorted(named - set(SETTINGS[variable]) - set(set_by_role)) == []
    assert named & set(SETTINGS[variable])
    assert sorted(set(set_by_role) & set(argument_spec(module))) == sorted(set_by_role)


def test_the_brand_variable_names_every_field_of_the_brand():
    description = " ".join(role_options()["flex_a2p_brand"]["description"])
    assert sorted(re.findall(r"C\(([a-z0-9_]+)\)", description)) == sorted(SETTINGS["flex_a2p_brand"])


def test_the_pool_and_wait_variables_default_and_choose_as_the_modules_do():
    role, pool, campaign = role_options(), argument_spec("sender_pool"), argument_spec("a2p_campaign")
    task = the_task("sender_pool")
    for variable, option in (("flex_a2p_pool_limit", "pool_limit"), ("flex_a2p_concurrency", "concurrency"), ("flex_a2p_on_conflict", "on_conflict"),
                             ("flex_a2p_exclusive", "exclusive"), ("flex_a2p_allow_empty_pool", "allow_empty")):
        assert task[option] == "{{ %s }}" % variable
        assert (role[variable]["type"], role[variable]["default"]) == (pool[option]["type"], pool[option]["default"]), variable
    assert role["flex_a2p_on_conflict"]["choices"] == pool["on_conflict"]["choices"]
    for variable, option in (("flex_a2p_campaign_wait_timeout", "wait_timeout"), ("flex_a2p_campaign_poll_interval", "poll_interval")):
        assert the_task("a2p_campaign")[option] == "{{ %s }}" % variable
        assert (role[variable]["type"], role[variable]["default"]) == (campaign[option]["type"], campaign[option]["default"]), variable


# The onboard entry point's modules, the section of flex_a2p_onboarding each takes its options from, and the options
# the role fills in itself (the profile's SID from the profile step, the brand's from the brand step, submit always).
ONBOARDING_MODULES = {
    "customer_profile": ("profile", ("primary_profile_sid", "submit", "wait", "wait_timeout", "poll_interval")),
    "trust_product": ("trust_product", ("customer_profile_sid", "submit", "wait", "wait_timeout", "poll_interval")),
    "brand_vetting": ("vetting", ("brand_sid", "wait", "wait_timeout", "poll_interval")),
}
RENAMED = {"vetting_provider": "provider"}  # flex_a2p_onboarding.vetting.provider: the section already says vetting
FROM_ONBOARDING = re.compile(r"^\{\{ flex_a2p_onboarding\.([a-z_]+)\.([a-z0-9_]+)(?: \| default\(.*\))? \}\}$")


def _key_spec(keys: tuple[Any, ...]) -> dict[str, Any]:
    """The onboarding keys (plugin_utils/_onboarding.py) as an argument spec: type, required, no_log, choices, suboptions."""
    spec = {}
    for key in keys:
        entry = {"type": key.kind, "required": key.required, "no_log": bool(key.pii), "choices": list(key.choices) or None}
        if key.keys:
            entry["options"] = _key_spec(key.keys)
        spec[key.name] = entry
    return spec


def _module_spec(spec: dict[str, Any]) -> dict[str, Any]:
    return {name: {"type": entry.get("type", "str"), "required": bool(entry.get("required")), "no_log": bool(entry.get("no_log")),
                   "choices": list(entry["choices"]) if entry.get("choices") else None,
                   **({"options": _module_spec(entry["options"])} if entry.get("options") else {})} for name, entry in spec.items()}


@pytest.mark.parametrize("module", sorted(ONBOARDING_MODULES))
def test_each_onboarding_task_passes_every_option_of_its_module(module):
    """Every option of customer_profile, trust_product and brand_vetting: from its own key of flex_a2p_onboarding's section,
    or filled in by the role."""
    options, spec = the_task(module), argument_spec(module)
    section, by_role = ONBOARDING_MODULES[module]
    assert sorted(spec) == sorted(options)
    taken = {option: FROM_ONBOARDING.match(value) for option, value in options.items() if isinstance(value, str)}
    from_section = sorted(option for option, match in taken.items() if match and match.group(1) == section)
    assert from_section == sorted(set(spec) - set(by_role))
    assert all(match.group(2) == RENAMED.get(option, option) for option, match in taken.items() if match and match.group(1) == section)


def test_the_onboarding_keys_are_the_modules_options():
    """flex_a2p_onboarding's sections hold the modules' options, with their types, choices and no_log; required as the
    module requires them, but for the defaults the role or the module gives (a trust product's name and email, the
    country)."""
    keys = {key.name: key for key in _onboarding.ONBOARDING}
    profile = _module_spec(argument_spec("customer_profile"))
    for name in ("primary_profile_sid", "submit", "wait", "wait_timeout", "poll_interval"):
        profile.pop(name)
    profile["address"]["options"]["iso_country"]["required"] = False  # the module's default US
    assert _key_spec(keys["profile"].keys) == profile
    product = _module_spec(argument_spec("trust_product"))
    for name in ("customer_profile_sid", "submit", "wait", "wait_timeout", "poll_interval"):
        product.pop(name)
    product["friendly_name"]["required"] = product["email"]["required"] = False  # the profile's, by default
    assert _key_spec(keys["trust_product"].keys) == product
    brand = _module_spec(argument_spec("a2p_brand"))
    assert _key_spec(keys["brand"].keys) == {name: brand[name] for name in ("brand_type", "mock", "skip_automatic_sec_vet")}
    vetting = _module_spec(argument_spec("brand_vetting"))
    assert _key_spec(keys["vetting"].keys)["provider"]["choices"] == vetting["vetting_provider"]["choices"]
    assert _key_spec(keys["vetting"].keys)["vetting_id"]["no_log"] is vetting["vetting_id"]["no_log"] is True


def test_the_onboard_entry_point_documents_every_key_as_the_input_check_takes_it():
    onboard = yaml.safe_load((ROLE / "meta" / "argument_specs.yml").read_text(encoding="utf-8"))["argument_specs"]["onboard"]["options"]
    assert _module_spec(onboard["flex_a2p_onboarding"]["options"]) == _key_spec(_onboarding.ONBOARDING)
    role = role_options()
    for name in ("flex_a2p_onboarding_wait_timeout", "flex_a2p_onboarding_poll_interval"):
        assert onboard[name] == {**role[name], "description": onboard[name]["description"]}
