# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The flex_a2p_plan_problems filter: the problems the flex_a2p role's plan found, before its first write."""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_routing_plan import flex_a2p_routing_plan
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import LISTED
from ansible_collections.tendlc.twilio.plugins.plugin_utils._task_results import ran

DOCUMENTATION = r"""
name: flex_a2p_plan_problems
short_description: List what stops the flex_a2p role's plan, before its first write
version_added: 0.1.0
author:
  - tendlc.twilio maintainers (@tendlc)
description:
  - The C(tendlc.twilio.flex_a2p) role first plans every step in check mode (the write modules report what they
    would change, or fail with the refusal a real run would meet) and reads the numbers and their Flex routing. This
    filter turns those results into one list of problems, each naming its step, so that the role stops with one
    message before it registers a brand, changes a service or touches a pool.
  - A campaign refused only because its brand is still under review (C(PENDING), C(IN_REVIEW)) is not a problem, since
    the role registers the campaign on a later run, once Twilio approved the brand. A brand that is C(FAILED),
    C(SUSPENDED) or in any other status is a problem, with Twilio's errors, because it needs you to act.
  - Each toll-free number whose verification's plan failed (step C(tollfree_verifications), one result per number) is
    a problem naming the number, for example a number without a verification and options that lack what a new one needs.
  - A pool that would hold more than one phone number is a problem when the campaign the role registers belongs to a
    sole-proprietor brand (the brand the plan registers, adopts or reads), since Twilio lets such a campaign use one
    phone number.
options:
  _input:
    description:
      - The plan, by step, as the role registers it; C(numbers), C(routing), C(service), C(pool), C(brand),
        C(brand_read), C(campaign) and C(external_campaign), each a task result, and C(tollfree_verifications) (its
        C(results), one per toll-free number, each with C(phone_number)). Skipped steps are not problems; a step
        failed when its result lacks the key its module returns on success (C(phone_numbers), C(service), C(senders),
        C(brand), C(brands), C(campaign)), since the role registers the plan with C(failed_when=false).
    type: dict
    required: true
  routing_check:
    description:
      - With V(fail), numbers that will not route inbound SMS to Flex after the run are problems; with V(warn) they are not.
      - The routing is judged as it will be after the planned changes (filter C(tendlc.twilio.flex_a2p_routing_plan)). A
        messaging service that does not defer to the number's webhook is not a problem when the number ends in the role's
        own service, which the run sets to defer; the number's own configuration, and a service the run leaves it in, are.
    type: str
    choices: [fail, warn]
    default: fail
"""

EXAMPLES = r"""
- name: Stop before any write when the plan found problems
  ansible.builtin.fail:
    msg: "{{ problems | join(' | ') }}"
  when: problems | length > 0
  vars:
    problems: "{{ flex_a2p__plan | tendlc.twilio.flex_a2p_plan_problems(routing_check='fail') }}"
"""

RETURN = r"""
_value:
  description: One sentence per problem, each starting with its step; empty when the plan can be applied.
  type: list
  elements: str
"""

# Each step of the plan, its label in messages, and the key its module returns only when it did not fail (the role
# registers the plan with failed_when: false, which clears a result's own failed flag).
STEPS = (
    ("numbers", "numbers", "phone_numbers"),
    ("routing", "Flex routing", "phone_numbers"),
    ("service", "messaging service", "service"),
    ("pool", "sender pool", "senders"),
    ("brand", "brand", "brand"),
    ("brand_read", "brand", "brands"),
    ("campaign", "campaign", "campaign"),
    ("external_campaign", "external campaign", "campaign"),
)


def _failed(result: Any, key: str) -> bool:
    """Whether the step ran and failed: it returned no C(key) (or says it failed)."""
    if not isinstance(result, dict) or result.get("skipped"):
        return False
    return bool(result.get("failed")) or key not in result


# Brand statuses on the way to APPROVED: the campaign waits for a later run. Any other (FAILED, SUSPENDED, ...) needs the
# user to act, so it is a problem.
UNDER_REVIEW = ("PENDING", "IN_REVIEW")


def _waits_for_brand(step: str, result: dict[str, Any]) -> bool:
    """A campaign refused because its brand is still under review: a later run registers it."""
    return step == "campaign" and result.get("brand_status") in UNDER_REVIEW


def flex_a2p_plan_problems(plan: dict[str, Any], routing_check: str = "fail") -> list[str]:
    """Every problem of the plan, in the order of the steps."""
    if not isinstance(plan, dict):
        raise TypeError("flex_a2p_plan_problems expects the plan as a dictionary of task results, got %s" % type(plan).__name__)
    problems = []
    for step, label, key in STEPS:
        result = plan.get(step)
        if _failed(result, key) and not _waits_for_brand(step, result):
            problems.append("%s: %s" % (label, str(result.get("msg") or "failed without a message").rstrip(".")))
    problems += _tollfree_problems(plan.get("tollfree_verifications"))
    problems += _sole_proprietor_pool(plan)
    numbers = plan.get("numbers")
    if isinstance(numbers, dict) and numbers.get("missing"):
        missing = numbers["missing"]
        more = ", ... and %d more" % (len(missing) - LISTED) if len(missing) > LISTED else ""
        problems.append("flex_a2p_phone_numbers: the account does not own %s%s" % (", ".join(missing[:LISTED]), more))
    if routing_check == "fail":
        for number in flex_a2p_routing_plan(plan):
            if number["problems"]:
                problems.append("Flex routing: %s does not route inbound SMS to Flex: %s (set flex_a2p_routing_check=warn to go on anyway)"
                                % (number["phone_number"], "; ".join(number["problems"])))
    return problems


def _tollfree_problems(step: Any) -> list[str]:
    """Each toll-free number whose verification's plan failed (it returned no C(verification), or says it failed)."""
    if not ran(step):
        return []
    return ["toll-free verification of %s: %s" % (result.get("phone_number"), str(result.get("msg") or "failed without a message").rstrip("."))
            for result in step.get("results") or [] if _failed(result, "verification")]


def _planned_brand(plan: dict[str, Any]) -> dict[str, Any]:
    """The brand of the plan: the one the brand step registers or adopts, else the one read by SID; {} when unknown."""
    if ran(plan.get("brand")):
        return plan["brand"].get("brand") or {}
    if ran(plan.get("brand_read")):
        return (plan["brand_read"].get("brands") or [{}])[0] or {}
    return {}


def _sole_proprietor_pool(plan: dict[str, Any]) -> list[str]:
    """More than one phone number in the pool of a campaign the plan registers for a sole-proprietor brand: Twilio allows one."""
    brand, pool = _planned_brand(plan), plan.get("pool")
    if brand.get("brand_type") != "SOLE_PROPRIETOR" or not ran(plan.get("campaign")) or not ran(pool) or _failed(pool, "senders"):
        return []
    numbers = sorted(m["value"] for m in pool["senders"] if m.get("kind") == "phone_number")
    if len(numbers) <= 1:
        return []
    shown = ", ".join(numbers[:LISTED]) + (", ... and %d more" % (len(numbers) - LISTED) if len(numbers) > LISTED else "")
    return ["sender pool: the pool would hold %d phone numbers (%s), but the campaign is registered for sole-proprietor brand %s, and Twilio "
            "allows one phone number per sole-proprietor campaign: list one number in flex_a2p_phone_numbers (with flex_a2p_exclusive=true "
            "to take the others out)" % (len(numbers), shown, brand.get("sid") or "(still to be registered)")]


class FilterModule:
    """The flex_a2p role's preflight."""

    def filters(self) -> dict[str, Any]:
        return {"flex_a2p_plan_problems": flex_a2p_plan_problems}
