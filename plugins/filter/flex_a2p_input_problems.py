# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The flex_a2p_input_problems filter: what is wrong with the flex_a2p role's variables, found before any request."""

from __future__ import annotations

from typing import Any, Callable

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._inputs import check_campaign_id, check_campaign_options, check_service_options
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import PHONE_NUMBER
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import check_length, check_range, check_sid

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
    the modules.
options:
  _input:
    description: The role's variables, by name (C(flex_a2p_service_name), C(flex_a2p_phone_numbers), C(flex_a2p_campaign), ...).
    type: dict
    required: true
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

SERVICE_SETTINGS = ("inbound_request_url", "inbound_method", "fallback_url", "fallback_method", "status_callback", "sticky_sender", "mms_converter",
                    "smart_encoding", "scan_message_content", "area_code_geomatch", "validity_period", "synchronous_validation", "fallback_to_long_code")
BRAND_OPTIONS = ("customer_profile_bundle_sid", "a2p_profile_bundle_sid", "brand_type", "skip_automatic_sec_vet", "mock")
SET_BY_ROLE = {"flex_a2p_service_settings": ("use_inbound_webhook_on_number", "friendly_name"), "flex_a2p_campaign": ("service", "brand_registration_sid")}


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
    return ["%s.%s is not an option the role passes on (%s)" % (name, key, ", ".join(known)) for key in given if key not in known]


def _service(params: dict[str, Any], problems: list[str]) -> None:
    settings = params.get("flex_a2p_service_settings") or {}
    _collect(problems, check_length, "flex_a2p_service_name", params.get("flex_a2p_service_name"), 1, 64)
    _collect(problems, check_sid, "flex_a2p_service_sid", params.get("flex_a2p_service_sid") or None, "MG")
    problems += _set_by_role("flex_a2p_service_settings", settings)
    problems += _unknown_keys("flex_a2p_service_settings", settings, SERVICE_SETTINGS + SET_BY_ROLE["flex_a2p_service_settings"])
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
    bad = [value for value in numbers if not PHONE_NUMBER.accepts(str(value))]
    if bad:
        problems.append("flex_a2p_phone_numbers: %s %s not %s" % (", ".join(repr(v) for v in bad), "is" if len(bad) == 1 else "are", PHONE_NUMBER.expected))
    repeated = sorted({value for value in numbers if numbers.count(value) > 1})
    if repeated:
        problems.append("flex_a2p_phone_numbers lists %s more than once" % ", ".join(repr(v) for v in repeated))
    _collect(problems, check_range, "flex_a2p_concurrency", params.get("flex_a2p_concurrency"), 1, 32)
    _collect(problems, check_range, "flex_a2p_pool_limit", params.get("flex_a2p_pool_limit"), 1, 10 ** 6)


def _brand_and_campaign(params: dict[str, Any], problems: list[str]) -> None:
    brand, campaign = params.get("flex_a2p_brand") or {}, params.get("flex_a2p_campaign") or {}
    external, brand_sid = params.get("flex_a2p_external_campaign_id") or "", params.get("flex_a2p_brand_sid") or ""
    _collect(problems, check_sid, "flex_a2p_brand_sid", brand_sid or None, "BN")
    problems += _unknown_keys("flex_a2p_brand", brand, BRAND_OPTIONS)
    for field in BRAND_OPTIONS[:2]:
        if brand and not brand.get(field):
            problems.append("flex_a2p_brand.%s is missing: a brand is registered for two bundles" % field)
        _collect(problems, check_sid, "flex_a2p_brand." + field, brand.get(field) or None, "BU")
    problems += _set_by_role("flex_a2p_campaign", campaign)
    samples = campaign.get("message_samples")
    if samples is not None and not isinstance(samples, list):
        problems.append("flex_a2p_campaign.message_samples=%r is not a list of 2 to 5 sample messages" % (samples,))
    else:
        _collect(problems, check_campaign_options, campaign, "flex_a2p_campaign.")
    _collect(problems, check_campaign_id, "flex_a2p_external_campaign_id", external or None)
    if campaign and external:
        problems.append("flex_a2p_campaign and flex_a2p_external_campaign_id=%r are both given: a service has one campaign, give one of them" % external)
    if campaign and not brand_sid and not brand:
        problems.append("flex_a2p_campaign needs flex_a2p_brand_sid or flex_a2p_brand, both are empty")
    for field, low in (("flex_a2p_campaign_wait_timeout", 1), ("flex_a2p_campaign_poll_interval", 1)):
        _collect(problems, check_range, field, params.get(field), low, 10 ** 6)


def flex_a2p_input_problems(params: dict[str, Any]) -> list[str]:
    """Every problem of the role's variables, in the order the role uses them."""
    problems: list[str] = []
    _service(params, problems)
    _pool(params, problems)
    _brand_and_campaign(params, problems)
    return problems


class FilterModule:
    """The flex_a2p role's input check."""

    def filters(self) -> dict[str, Any]:
        return {"flex_a2p_input_problems": flex_a2p_input_problems}
