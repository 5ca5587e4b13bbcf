# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The flex_a2p_routing_plan filter: each number's Flex routing as it will be after the flex_a2p role's planned changes."""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.plugin_utils._task_results import ran

DOCUMENTATION = r"""
name: flex_a2p_routing_plan
short_description: Judge each number's Flex routing as it will be after the flex_a2p role's run
version_added: 0.1.0
author:
  - tendlc.twilio maintainers (@tendlc)
description:
  - The C(tendlc.twilio.flex_a2p) role checks, before its first write, how Flex receives each listed number's inbound
    SMS (M(tendlc.twilio.flex_routing_info)). Some of what that finds the run itself fixes; this filter tells which.
  - The role always sets C(use_inbound_webhook_on_number=true) on its own messaging service. So a number's service
    problem (a messaging service that does not defer to the number's webhook) is fixed by the run when the number ends
    in the role's service - it is in it already, or the pool plan adds it or moves it there. A service problem of a number
    the run leaves in another service, and every current problem of the number's own configuration (its webhook, TwiML
    application, Flex Flow or address configuration), remain.
  - A latent problem (C(latent_problems) of M(tendlc.twilio.flex_routing_info) - the number's own webhook or TwiML
    application, unused while its service does not defer) becomes a problem when the number ends in the role's
    service, which defers to it after the run; a number the run leaves in another service keeps it latent (in
    C(latent_problems), not in C(problems)).
options:
  _input:
    description:
      - The role's plan (C(flex_a2p__plan)); the filter reads C(routing) (the result of M(tendlc.twilio.flex_routing_info)),
        C(service) (the M(tendlc.twilio.messaging_service) plan, whose C(service.sid) is empty for a service still to be
        created) and C(pool) (the M(tendlc.twilio.sender_pool) plan, its C(added) and C(moved)).
    type: dict
    required: true
  only:
    description:
      - V(broken) keeps the numbers that will not route to Flex after the run (C(routes_to_flex) false), V(fixed) those
        whose service problem the run fixes (C(fixed) set); V(all) keeps every number.
    type: str
    choices: [all, broken, fixed]
    default: all
"""

EXAMPLES = r"""
- name: Numbers whose routing this run fixes
  ansible.builtin.debug:
    msg: "{{ flex_a2p__plan | tendlc.twilio.flex_a2p_routing_plan('fixed') | map(attribute='phone_number') | list }}"
"""

RETURN = r"""
_value:
  description:
    - One entry per number checked, in the order checked, with C(sid), C(phone_number), C(problems) (what remains after
      the run, in words), C(latent_problems) (problems of the number's own webhook that still do not matter after the
      run, as its service still does not defer), C(fixed) (the service problem the run fixes, or null) and
      C(routes_to_flex) (C(problems) is empty); with O(only), the numbers it keeps. Empty when the routing was not
      checked or its check failed.
  type: list
  elements: dict
"""

LEFT_THERE = " (this run leaves the number in that service)"
MADE_CURRENT = " (after this run the number's messaging service defers to it)"


# What each choice of the filter's only keeps.
KEPT = {"all": lambda entry: True, "broken": lambda entry: not entry["routes_to_flex"], "fixed": lambda entry: bool(entry["fixed"])}


def flex_a2p_routing_plan(plan: dict[str, Any], only: str = "all") -> list[dict[str, Any]]:
    """Each checked number's remaining problems and the service problem the run fixes (with C(only), some of them)."""
    if only not in KEPT:
        raise ValueError("flex_a2p_routing_plan: only must be one of %s, got %r" % (", ".join(KEPT), only))
    return [entry for entry in _entries(plan) if KEPT[only](entry)]


def _entries(plan: dict[str, Any]) -> list[dict[str, Any]]:
    if not isinstance(plan, dict):
        raise TypeError("flex_a2p_routing_plan expects the plan as a dictionary of task results, got %s" % type(plan).__name__)
    routing = plan.get("routing")
    if not ran(routing, "phone_numbers"):
        return []
    service = plan.get("service") if ran(plan.get("service"), "service") else {}
    service_sid = (service.get("service") or {}).get("sid")
    pool = plan.get("pool") if ran(plan.get("pool"), "senders") else {}
    joining = {member.get("sid") for member in (pool.get("added") or []) + (pool.get("moved") or [])}
    entries = []
    for number in routing["phone_numbers"]:
        problem = number.get("service_problem")
        ends_in_role_service = number.get("sid") in joining or bool(service_sid and number.get("messaging_service_sid") == service_sid)
        fixed = problem if problem and ends_in_role_service else None
        # the role's service defers: the number's own webhook, unused while its service does not, then matters
        latent = [text + MADE_CURRENT for text in number.get("latent_problems") or []] if ends_in_role_service else []
        remaining = list(number.get("number_problems") or []) + latent + ([problem + LEFT_THERE] if problem and not fixed else [])
        entries.append({"sid": number.get("sid"), "phone_number": number.get("phone_number"), "problems": remaining,
                        "latent_problems": [] if ends_in_role_service else list(number.get("latent_problems") or []), "fixed": fixed,
                        "routes_to_flex": not remaining})
    return entries


class FilterModule:
    """The flex_a2p role's routing after its run."""

    def filters(self) -> dict[str, Any]:
        return {"flex_a2p_routing_plan": flex_a2p_routing_plan}
