# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The flex_a2p_input_problems filter: what is wrong with the flex_a2p role's variables, found before any request."""

from __future__ import annotations

import difflib
from typing import Any, Callable

from ansible.module_utils.parsing.convert_bool import boolean
from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import MIN_POLL_SECONDS, MIN_WAIT_SECONDS, SOLE_PROPRIETOR
from ansible_collections.tendlc.twilio.plugins.module_utils._brand import BRAND, BRAND_TYPES
from ansible_collections.tendlc.twilio.plugins.module_utils._campaign import CAMPAIGN
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._inputs import check_campaign_id, check_campaign_options, check_service_options
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import CONCURRENCY, PHONE_NUMBER, POOL_LIMIT
from ansible_collections.tendlc.twilio.plugins.module_utils._service import SERVICE
from ansible_collections.tendlc.twilio.plugins.module_utils._tollfree import EDIT_REASON, TOLLFREE
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import check_list, check_name, check_range, check_sid, check_text, shown, shown_list
from ansible_collections.tendlc.twilio.plugins.plugin_utils._onboarding import onboarding_problems
from ansible_collections.tendlc.twilio.plugins.plugin_utils._role_options import SETTINGS

DOCUMENTATION = r"""
name: flex_a2p_input_problems
short_description: Check the variables of the flex_a2p role before it sends any request
version_added: 0.1.0
author:
  - tendlc.twilio maintainers (@tendlc)
description:
  - Applies the checks of the modules the C(tendlc.twilio.flex_a2p) role runs (messaging service, sender pool, A2P brand,
    campaign and external campaign) to the role's variables, so that a bad value stops the role before its first write
    instead of after the service and the pool were changed.
  - Each problem names the variable and its value, for example
    C(flex_a2p_campaign.description must be 40 to 4096 characters long, got 12) followed by the text.
  - Checks that need Twilio (numbers the account owns, the brand's status, the use cases it may register) are left to
    the modules. But the campaign's use case is checked against the type of a brand given in C(flex_a2p_brand), as a
    V(SOLE_PROPRIETOR) brand registers only the V(SOLE_PROPRIETOR) use case, which only such a brand registers.
  - An exclusive pool (C(flex_a2p_exclusive=true)) without numbers is refused unless C(flex_a2p_allow_empty_pool=true),
    as a missing or misspelled numbers variable would otherwise empty the pool.
options:
  _input:
    description: The role's variables, by name (C(flex_a2p_service_name), C(flex_a2p_phone_numbers), C(flex_a2p_campaign), ...).
    type: dict
    required: true
  defined:
    description:
      - The names of the C(flex_a2p_*) variables defined for the host (C(lookup('ansible.builtin.varnames', '^flex_a2p_[a-z0-9]'))).
        Each name that is not a variable of the role is a problem, with the role variable it most resembles, so that a
        misspelled variable does not leave the real one at its default.
    type: list
    elements: str
"""

EXAMPLES = r"""
- name: Stop on bad role variables
  ansible.builtin.assert:
    that: problems | length == 0
    fail_msg: "{{ problems | join('; ') }}"
  vars:
    problems: "{{ {'flex_a2p_phone_numbers': flex_a2p_phone_numbers, 'flex_a2p_campaign': flex_a2p_campaign} | tendlc.twilio.flex_a2p_input_problems }}"
"""

RETURN = r"""
_value:
  description: One sentence per problem, each naming the variable and its value; empty when the variables are fine.
  type: list
  elements: str
"""

# The rules come from the modules' tables (module_utils/_service.py, _brand.py, _campaign.py) and option constants
# (_senders.py, _a2p.py); plugin_utils/_role_options.py derives which table fields each dict variable passes on.
SERVICE_SETTINGS = SETTINGS["flex_a2p_service_settings"]
BRAND_OPTIONS = SETTINGS["flex_a2p_brand"]
CAMPAIGN_OPTIONS = SETTINGS["flex_a2p_campaign"]
BUNDLES = tuple(field for field in BRAND.fields if field.create_required)  # a brand is registered for two bundles
NAME = SERVICE.by_option()["friendly_name"]
BRAND_SID = CAMPAIGN.by_option()["brand_registration_sid"]
# The modules set no upper bound on these numbers of seconds; the role refuses more than this.
MOST_SECONDS = 10 ** 6
SET_BY_ROLE = {"flex_a2p_service_settings": ("use_inbound_webhook_on_number", "friendly_name"), "flex_a2p_campaign": ("service", "brand_registration_sid"),
               "flex_a2p_tollfree_verification": ("phone_number", "state", "wait", "wait_timeout", "poll_interval")}
TOLLFREE_OPTIONS = SETTINGS["flex_a2p_tollfree_verification"]
# Every variable of the role (meta/argument_specs.yml, which a unit test compares) and the facts it sets.
ROLE_VARIABLES = (
    "flex_a2p_service_name", "flex_a2p_service_sid", "flex_a2p_service_usecase", "flex_a2p_service_settings", "flex_a2p_phone_numbers",
    "flex_a2p_exclusive", "flex_a2p_allow_empty_pool", "flex_a2p_on_conflict", "flex_a2p_pool_limit", "flex_a2p_concurrency",
    "flex_a2p_brand_sid", "flex_a2p_brand", "flex_a2p_campaign", "flex_a2p_external_campaign_id", "flex_a2p_replace_campaign",
    "flex_a2p_wait_for_campaign", "flex_a2p_campaign_wait_timeout", "flex_a2p_campaign_poll_interval", "flex_a2p_inbound_routing",
    "flex_a2p_routing_check", "flex_a2p_onboarding", "flex_a2p_onboarding_wait_timeout", "flex_a2p_onboarding_poll_interval",
    "flex_a2p_tollfree_verification",
)
ROLE_FACTS = ("flex_a2p_summary", "flex_a2p_audit", "flex_a2p_onboarding_summary")
PREFIX = "flex_a2p_"


def _collect(problems: list[str], check: Callable[..., None], *args: Any) -> None:
    try:
        check(*args)
    except ModuleError as exc:
        problems.append(exc.msg.rstrip("."))
    except (TypeError, ValueError) as exc:
        problems.append("%s: a value of the wrong type (%s): %r" % (args[-1] if isinstance(args[0], dict) else args[0], exc, args[0]))


def _set_by_role(name: str, given: dict[str, Any]) -> list[str]:
    return ["%s.%s=%r: the role sets it" % (name, key, given[key]) for key in SET_BY_ROLE[name] if key in given]


def _unknown_keys(name: str, given: dict[str, Any], known: tuple[str, ...]) -> list[str]:
    """Keys that are not among the options passed on (those the role sets itself are named by _set_by_role)."""
    return ["%s.%s is not an option the role passes on (%s)" % (name, key, ", ".join(known)) for key in given
            if key not in known and key not in SET_BY_ROLE.get(name, ())]


def _mapping(params: dict[str, Any], name: str, problems: list[str]) -> dict[str, Any]:
    """The dict variable, or {} with a problem when it is something else."""
    value = params.get(name) or {}
    if isinstance(value, dict):
        return value
    problems.append("%s=%s is not a dict of options: write it as a YAML mapping (key: value)" % (name, shown(value)))
    return {}


def _service(params: dict[str, Any], problems: list[str]) -> None:
    settings = _mapping(params, "flex_a2p_service_settings", problems)
    _collect(problems, check_name, "flex_a2p_service_name", params.get("flex_a2p_service_name"), NAME.length[1] if NAME.length else 64)
    _collect(problems, check_sid, "flex_a2p_service_sid", params.get("flex_a2p_service_sid") or None, "MG")
    problems += _set_by_role("flex_a2p_service_settings", settings)
    problems += _unknown_keys("flex_a2p_service_settings", settings, SERVICE_SETTINGS)
    period = settings.get("validity_period")
    if period is not None and not isinstance(period, int):
        try:
            settings = {**settings, "validity_period": int(period)}
        except (TypeError, ValueError):
            problems.append("flex_a2p_service_settings.validity_period=%r is not a whole number of seconds" % (period,))
            return
    _collect(problems, check_service_options, settings, "flex_a2p_service_settings.")


def _pool(params: dict[str, Any], problems: list[str]) -> None:
    numbers = params.get("flex_a2p_phone_numbers") or []
    if not isinstance(numbers, list):
        _collect(problems, check_list, "flex_a2p_phone_numbers", numbers)
        numbers = []
    elif not numbers and _true(params.get("flex_a2p_exclusive")) and not _true(params.get("flex_a2p_allow_empty_pool")):
        problems.append("flex_a2p_phone_numbers=%s with flex_a2p_exclusive=true would take every number out of the pool: list the "
                        "numbers (is the variable missing or misspelled for this host?), or set flex_a2p_allow_empty_pool=true to empty it"
                        % shown(params.get("flex_a2p_phone_numbers")))
    bad = [value for value in numbers if not (isinstance(value, str) and PHONE_NUMBER.accepts(value))]
    if bad:
        problems.append("flex_a2p_phone_numbers: %s %s not %s" % (shown_list(bad), "is" if len(bad) == 1 else "are", PHONE_NUMBER.expected))
    repeated = sorted({value for value in numbers if numbers.count(value) > 1})
    if repeated:
        problems.append("flex_a2p_phone_numbers lists %s more than once" % shown_list(repeated) if len(repeated) == 1 else
                        "flex_a2p_phone_numbers lists %d numbers more than once: %s" % (len(repeated), shown_list(repeated)))
    _collect(problems, check_range, "flex_a2p_concurrency", params.get("flex_a2p_concurrency"), *CONCURRENCY)
    _collect(problems, check_range, "flex_a2p_pool_limit", params.get("flex_a2p_pool_limit"), *POOL_LIMIT)


def _brand_and_campaign(params: dict[str, Any], problems: list[str]) -> None:
    brand, campaign = _mapping(params, "flex_a2p_brand", problems), _mapping(params, "flex_a2p_campaign", problems)
    external, brand_sid = params.get("flex_a2p_external_campaign_id") or "", params.get("flex_a2p_brand_sid") or ""
    _collect(problems, check_sid, "flex_a2p_brand_sid", brand_sid or None, BRAND_SID.sid_prefix)
    problems += _unknown_keys("flex_a2p_brand", brand, BRAND_OPTIONS)
    for field in BUNDLES:
        if brand and not brand.get(field.option):
            problems.append("flex_a2p_brand.%s is missing: a brand is registered for two bundles" % field.option)
    for field in BRAND.fields:  # a missing bundle is named above
        value = brand.get(field.option)
        _collect(problems, field.check, (value or None) if field in BUNDLES else value, "flex_a2p_brand.")
    problems += _set_by_role("flex_a2p_campaign", campaign)
    problems += _unknown_keys("flex_a2p_campaign", campaign, CAMPAIGN_OPTIONS)
    _collect(problems, check_campaign_options, campaign, "flex_a2p_campaign.")
    problems += _usecase_of_brand_type(brand, campaign)
    problems += _numbers_of_sole_proprietor(brand, campaign, params.get("flex_a2p_phone_numbers"))
    _collect(problems, check_campaign_id, "flex_a2p_external_campaign_id", external or None)
    if campaign and external:
        problems.append("flex_a2p_campaign and flex_a2p_external_campaign_id=%r are both given: a service has one campaign, give one of them" % external)
    if campaign and not brand_sid and not brand and not params.get("flex_a2p_onboarding"):
        problems.append("flex_a2p_campaign needs flex_a2p_brand_sid or flex_a2p_brand, both are empty")
    for field, low in (("flex_a2p_campaign_wait_timeout", MIN_WAIT_SECONDS), ("flex_a2p_campaign_poll_interval", MIN_POLL_SECONDS)):
        _collect(problems, check_range, field, params.get(field), low, MOST_SECONDS)


def _usecase_of_brand_type(brand: dict[str, Any], campaign: dict[str, Any]) -> list[str]:
    """The campaign's use case against the type of the brand the role registers (flex_a2p_brand; a brand given by SID has a
    type only Twilio knows). Twilio's spec (twilio_messaging_v1.json, docs/emulator.md): BrandType "SOLE_PROPRIETOR is for
    the low volume, SOLE_PROPRIETOR campaign use case ... STANDARD is for all other campaign use cases", and
    UsAppToPersonUsecase "SOLE_PROPRIETOR campaign use cases can only be created by SOLE_PROPRIETOR Brands"."""
    usecase, brand_type = campaign.get("usecase"), brand.get("brand_type") or BRAND.by_option()["brand_type"].default
    if not brand or not isinstance(usecase, str) or not usecase or brand_type not in BRAND_TYPES:
        return []
    if brand_type == SOLE_PROPRIETOR and usecase != SOLE_PROPRIETOR:
        return ["flex_a2p_campaign.usecase=%s cannot be registered by a sole-proprietor brand (flex_a2p_brand.brand_type=%r), which "
                "registers only the SOLE_PROPRIETOR use case: the role would register a billed brand it cannot use; set usecase: "
                "SOLE_PROPRIETOR, or register a STANDARD brand" % (shown(usecase), brand_type)]
    if brand_type != SOLE_PROPRIETOR and usecase == SOLE_PROPRIETOR:
        return ["flex_a2p_campaign.usecase=%s needs a sole-proprietor brand, but flex_a2p_brand.brand_type=%r%s: the role would register "
                "a billed brand it cannot use; set flex_a2p_brand.brand_type: SOLE_PROPRIETOR, or choose a use case of a standard brand"
                % (shown(usecase), brand_type, "" if brand.get("brand_type") else " (the default)")]
    return []


def _numbers_of_sole_proprietor(brand: dict[str, Any], campaign: dict[str, Any], numbers: Any) -> list[str]:
    """More than one number for the campaign of a sole-proprietor brand the role registers: Twilio lets such a campaign use one
    phone number ("Troubleshooting A2P Phone Number registration issues", docs/emulator.md). A brand given by SID is judged
    in the plan, once it is read. Offline a number and its PN... SID cannot be matched: a list mixing both forms is counted
    in entries."""
    entries = set(map(str, numbers)) if isinstance(numbers, list) else set()
    if brand.get("brand_type") != SOLE_PROPRIETOR or not campaign or len(entries) <= 1:
        return []
    mixed = len({entry.startswith("PN") for entry in entries}) > 1
    counted = ("%d entries (E.164 numbers and PN... SIDs, which cannot be matched before the numbers are read; give each number "
               "once, in one form)" if mixed else "%d numbers") % len(entries)
    return ["flex_a2p_phone_numbers lists %s, but flex_a2p_brand.brand_type='SOLE_PROPRIETOR' and Twilio allows one phone number "
            "per sole-proprietor campaign: list one number, or register a STANDARD brand" % counted]


def _tollfree(params: dict[str, Any], problems: list[str]) -> None:
    """The toll-free verification's options: known keys, the table's rules (personal data never repeated) and the module's own."""
    name = "flex_a2p_tollfree_verification"
    options = _mapping(params, name, problems)
    problems += _set_by_role(name, options)
    problems += _unknown_keys(name, options, TOLLFREE_OPTIONS)
    for field in TOLLFREE.fields:
        _collect(problems, field.check, options.get(field.option), name + ".")
    if options.get("edit_reason") is not None:
        _collect(problems, check_text, name + ".edit_reason", options["edit_reason"], *EDIT_REASON)
    for switch in ("replace", "force"):
        if switch in options and not isinstance(options[switch], bool):
            problems.append("%s.%s=%s is not a boolean (true or false)" % (name, switch, shown(options[switch])))


def _onboarding(params: dict[str, Any], problems: list[str]) -> None:
    """The business's data (plugin_utils/_onboarding: personal data is never repeated) and the waits for Twilio's reviews."""
    problems += onboarding_problems(params.get("flex_a2p_onboarding"))
    for name, low in (("flex_a2p_onboarding_wait_timeout", MIN_WAIT_SECONDS), ("flex_a2p_onboarding_poll_interval", MIN_POLL_SECONDS)):
        if name in params:
            _collect(problems, check_range, name, params.get(name), low, MOST_SECONDS)


def _true(value: Any) -> bool:
    try:
        return boolean(value, strict=False)
    except TypeError:
        return False


def _unknown_variables(defined: list[str]) -> list[str]:
    """Each flex_a2p_* name that is neither a variable of the role nor one of its facts, with the variable it resembles."""
    known = ROLE_VARIABLES + ROLE_FACTS
    problems = []
    for name in sorted(set(defined) - set(known)):
        # Compared without the shared prefix, which would make every name look alike.
        close = difflib.get_close_matches(name[len(PREFIX):], [known[len(PREFIX):] for known in ROLE_VARIABLES], n=1, cutoff=0.6)
        problems.append("%s is not a variable of the flex_a2p role%s; the role would leave the variable it meant at its default "
                        "(rename it, or give your own variables another prefix)" % (name, " (did you mean %s?)" % (PREFIX + close[0]) if close else ""))
    return problems


def flex_a2p_input_problems(params: dict[str, Any], defined: list[str] | None = None) -> list[str]:
    """Every problem of the role's variables, in the order the role uses them."""
    problems: list[str] = _unknown_variables(defined or [])
    _service(params, problems)
    _pool(params, problems)
    _brand_and_campaign(params, problems)
    _tollfree(params, problems)
    _onboarding(params, problems)
    return problems


class FilterModule:
    """The flex_a2p role's input check."""

    def filters(self) -> dict[str, Any]:
        return {"flex_a2p_input_problems": flex_a2p_input_problems}
