# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The flex_a2p_brand_now filter: the SID and status of the flex_a2p role's brand, from its brand step or its plan."""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._brand import brand_now
from ansible_collections.tendlc.twilio.plugins.plugin_utils._task_results import applied_or_planned

DOCUMENTATION = r"""
name: flex_a2p_brand_now
short_description: The SID and status of the flex_a2p role's brand
version_added: 0.1.0
author:
  - tendlc.twilio maintainers (@tendlc)
description:
  - The C(tendlc.twilio.flex_a2p) role's campaign registers under one brand. With C(flex_a2p_brand) (the bundles) it is
    the brand the M(tendlc.twilio.a2p_brand) step adopts or registers; else the brand C(flex_a2p_brand_sid) names, which
    M(tendlc.twilio.a2p_brand_info) reads while planning.
  - Each step's result is the one of this run when the task ran, else the plan's; a brand still to be registered has
    no SID yet.
options:
  _input:
    description: The brand steps' results of this pass, C(brand) (M(tendlc.twilio.a2p_brand)) and C(brand_read) (M(tendlc.twilio.a2p_brand_info)).
    type: dict
    required: true
  plan:
    description: The role's plan (C(flex_a2p__plan)), whose C(brand) and C(brand_read) stand in for a step that was skipped; empty while planning.
    type: dict
    default: {}
  registers:
    description: Whether the role adopts or registers the brand from bundles (C(flex_a2p_brand) is not empty).
    type: bool
    default: false
  brand_sid:
    description: C(flex_a2p_brand_sid), the brand's SID when the role does not register it.
    type: str
    default: ""
"""

EXAMPLES = r"""
- name: Remember the brand's SID and status
  ansible.builtin.set_fact:
    brand_sid: "{{ brand_now.sid }}"
    brand_status: "{{ brand_now.status }}"
  vars:
    brand_now: "{{ {'brand': brand, 'brand_read': brand_read} | tendlc.twilio.flex_a2p_brand_now(plan, registers=true) }}"
"""

RETURN = r"""
_value:
  description: The brand's C(sid) and C(status), each empty when not known (a brand still to be registered).
  type: dict
"""


def flex_a2p_brand_now(steps: dict[str, Any], plan: dict[str, Any] | None = None, registers: bool = False, brand_sid: str = "") -> dict[str, str]:
    """The brand's SID and status (see DOCUMENTATION)."""
    if not isinstance(steps, dict):
        raise TypeError("flex_a2p_brand_now expects the brand steps' results as a dictionary, got %s" % type(steps).__name__)
    plan = plan or {}
    return brand_now(applied_or_planned(steps.get("brand"), plan.get("brand")), applied_or_planned(steps.get("brand_read"), plan.get("brand_read")),
                     registers, brand_sid)


class FilterModule:
    """The flex_a2p role's brand."""

    def filters(self) -> dict[str, Any]:
        return {"flex_a2p_brand_now": flex_a2p_brand_now}
