# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The flex_a2p_summary filter: what the flex_a2p role did to one account (in check mode: what it would do)."""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_routing_plan import flex_a2p_routing_plan
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import LISTED
from ansible_collections.tendlc.twilio.plugins.plugin_utils._task_results import applied_or_planned, ran

DOCUMENTATION = r"""
name: flex_a2p_summary
short_description: Summarise what the flex_a2p role did, or would do, to one Twilio account
version_added: 0.1.0
author:
  - tendlc.twilio maintainers (@tendlc)
description:
  - Turns the plan of the C(tendlc.twilio.flex_a2p) role (every step in check mode) and the results of the steps it
    applied into one record per account, the fact C(flex_a2p_summary), and its one-line form.
  - Each step's record comes from the step's applied result when it ran, else from its plan. So in check mode the
    summary is the plan, and a real run that follows it ends with the same actions, numbers and fields; only what
    Twilio assigns (the SIDs of what is created, the statuses of what is registered) differs.
  - The actions are C(service_action) (V(create), V(update), V(none)), C(brand_action) (V(register), V(adopt),
    V(read), V(none)) and C(campaign_action) (V(register), V(update), V(replace), V(link), V(relink), V(wait) for a
    brand that is not approved yet, V(none)).
  - C(tollfree) lists the toll-free numbers among the role's numbers, each with its verification's C(status) (V(none)
    when it has none) and C(action) (V(create), V(update), V(replace), V(none)), from the verification's applied result,
    else its plan, else the read of the numbers' verifications. C(tollfree_not_approved) names those whose status is not
    V(TWILIO_APPROVED) (they cannot send to the US and Canada), also when the role manages no verification.
options:
  _input:
    description:
      - The role's plan (C(flex_a2p__plan)), with the keys C(service), C(pool), C(brand), C(brand_read), C(campaign),
        C(external_campaign), C(routing), C(tollfree) and C(tollfree_verifications), each a task result.
    type: dict
    required: true
  applied:
    description:
      - The results the apply steps registered, under the same keys (C(service), C(pool), C(tollfree_verifications), a
        loop's result, C(brand), C(campaign), C(external_campaign)); a skipped or missing one means the step was not
        applied and its plan stands.
    type: dict
    default: {}
  context:
    description:
      - What the summary names, from the role's variables and facts; C(account), C(check_mode), C(service_name),
        C(brand_sid), C(brand_status), C(campaign_wanted) (a Twilio campaign is configured),
        C(external_campaign_id), C(routing), and C(routing_after) (the post-run Flex routing check, if any).
    type: dict
    required: true
"""

EXAMPLES = r"""
- name: Summarise the account
  ansible.builtin.set_fact:
    flex_a2p_summary: "{{ flex_a2p__plan | tendlc.twilio.flex_a2p_summary(applied, context) }}"
"""

RETURN = r"""
_value:
  description: The account's summary; C(line) is its one-line form.
  type: dict
"""

# How the one-line summary words each action, after a real run and in check mode.
ACTIONS_DONE = {"create": "created", "update": "updated", "register": "registered", "replace": "replaced", "link": "linked",
                "relink": "linked again", "adopt": "found for its bundles", "read": "read"}
# How the line words a toll-free verification's action, after a real run and in check mode.
TOLLFREE_DONE = {"create": "submitted", "update": "edited", "replace": "replaced"}
TOLLFREE_PLANNED = {"create": "to be submitted", "update": "to be edited", "replace": "to be replaced"}
APPROVED = "TWILIO_APPROVED"
ACTIONS_PLANNED = {"create": "to be created", "update": "to be updated", "register": "to be registered", "replace": "to be replaced",
                   "link": "to be linked", "relink": "to be linked again", "adopt": "found for its bundles", "read": "read"}


def _final(plan: dict[str, Any], applied: dict[str, Any], step: str) -> dict[str, Any]:
    """The step's applied result when it ran, else its plan (empty when neither ran)."""
    return applied_or_planned(applied.get(step), plan.get(step))


def _service(plan: dict[str, Any], final: dict[str, Any]) -> tuple[str, str]:
    planned_sid = ((plan.get("service") or {}).get("service") or {}).get("sid") or ""
    sid = (final.get("service") or {}).get("sid") or ""
    if not final.get("changed"):
        return sid, "none"
    return sid, "update" if planned_sid else "create"


def _brand(final: dict[str, Any], context: dict[str, Any]) -> str:
    if not final:
        return "read" if context.get("brand_sid") else "none"
    if final.get("changed"):
        return "register"
    return "adopt" if final.get("adopted") else "none"


def _had_one(planned: dict[str, Any]) -> bool:
    """Whether the plan found a campaign (or link) on the service: its diff's before, else the SID of its result."""
    diff = planned.get("diff")
    if isinstance(diff, dict) and "before" in diff:
        return bool(diff["before"])
    return bool((planned.get("campaign") or {}).get("sid"))


def _campaign(plan: dict[str, Any], applied: dict[str, Any], context: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    for step, new, again in (("campaign", "register", "update"), ("external_campaign", "link", "relink")):
        final = _final(plan, applied, step)
        if not final:
            continue
        campaign = final.get("campaign") or {}
        planned = plan.get(step) or {}
        if not final.get("changed"):
            return "none", campaign
        if planned.get("replaced"):
            return "replace", campaign
        return (again if _had_one(planned) else new), campaign
    if context.get("campaign_wanted") and (context.get("brand_status") or "") != "APPROVED":
        return "wait", {}
    return "none", {}


def _campaign_status(action: str, campaign: dict[str, Any], context: dict[str, Any]) -> str:
    registers = action in ("register", "replace", "link", "relink")
    if campaign.get("campaign_status") and not (registers and context.get("check_mode")):  # a planned create's status is Twilio's first
        return str(campaign["campaign_status"])
    if action == "wait":
        brand = context.get("brand_sid")
        if not brand:
            return "not registered yet: the brand is to be registered and approved first"
        return "not registered yet: brand %s is %s" % (brand, context.get("brand_status") or "not readable")
    return "to be registered" if registers else "none"


def _tollfree(plan: dict[str, Any], applied: dict[str, Any]) -> list[dict[str, Any]]:
    """Each toll-free number, its verification's status and the action on it: applied, else planned, else as read."""
    read = plan.get("tollfree")
    numbers = {n.get("phone_number"): {"phone_number": n.get("phone_number"), "status": (n.get("verification") or {}).get("status") or "none",
                                       "action": "none"} for n in (read.get("phone_numbers") or [] if ran(read) else [])}
    done = applied.get("tollfree_verifications")
    results = {item.get("item", {}).get("phone_number"): item for item in (done.get("results") or [] if ran(done) else []) if ran(item)}
    planned = plan.get("tollfree_verifications")
    for result in planned.get("results") or [] if ran(planned) else []:
        number = result.get("phone_number")
        final = applied_or_planned(results.get(number), result)
        if "verification" not in final or final.get("failed"):
            continue  # not planned or not applied: as read
        numbers[number] = {"phone_number": number, "status": (final.get("verification") or {}).get("status") or "none",
                           "action": final.get("action") or "none"}
    return list(numbers.values())


def _tollfree_words(summary: dict[str, Any]) -> str:
    words = TOLLFREE_PLANNED if summary["check_mode"] else TOLLFREE_DONE
    shown = ["%s %s%s" % (n["phone_number"], n["status"] if n["status"] != "none" else "not verified",
                          " (%s)" % words[n["action"]] if n["action"] in words else "") for n in summary["tollfree"][:LISTED]]
    more = len(summary["tollfree"]) - LISTED
    return "; toll-free %s%s" % (", ".join(shown), ", ... and %d more" % more if more > 0 else "") if shown else ""


def _line(summary: dict[str, Any]) -> str:
    words = ACTIONS_PLANNED if summary["check_mode"] else ACTIONS_DONE
    service = summary["service_sid"] or "(new)"
    service_word = words.get(summary["service_action"], "unchanged")
    campaign_word = words.get(summary["campaign_action"], "unchanged")
    if summary["campaign_action"] in ("wait", "none") and not summary["campaign_sid"]:
        campaign = "campaign %s" % summary["campaign_status"]
    else:
        status = "" if summary["campaign_status"] == "to be registered" else " (%s)" % summary["campaign_status"]
        usecase = " %s" % summary["campaign_usecase"] if summary["campaign_usecase"] else ""
        campaign = "campaign %s%s %s%s" % (summary["campaign_sid"] or "(new)", usecase, campaign_word, status)
    brand = "" if summary["brand_action"] == "none" and not summary["brand_sid"] else "brand %s %s%s, " % (
        summary["brand_sid"] or "(new)", words.get(summary["brand_action"], "unchanged"),
        " (%s)" % summary["brand_status"] if summary["brand_status"] else "")
    broken = summary["routing_broken"]
    routing = "; %d number(s) do not reach Flex%s: %s%s" % (
        len(broken), " after the run" if summary["check_mode"] else "", ", ".join(broken[:LISTED]),
        ", ... and %d more" % (len(broken) - LISTED) if len(broken) > LISTED else "") if broken else ""
    return "%s: service %s %s, pool %d numbers (added %d, removed %d, moved %d), %s%s%s%s%s" % (
        summary["account"], service, service_word, summary["pool_size"], len(summary["added"]), len(summary["removed"]), len(summary["moved"]),
        brand, campaign, _tollfree_words(summary), routing, " (check mode: nothing was written)" if summary["check_mode"] else "")


def flex_a2p_summary(plan: dict[str, Any], applied: dict[str, Any] | None = None, context: dict[str, Any] | None = None) -> dict[str, Any]:
    """The account's summary (see DOCUMENTATION)."""
    if not isinstance(plan, dict):
        raise TypeError("flex_a2p_summary expects the role's plan as a dictionary of task results, got %s" % type(plan).__name__)
    applied, context = applied or {}, context or {}
    service_sid, service_action = _service(plan, _final(plan, applied, "service"))
    pool = _final(plan, applied, "pool")
    campaign_action, campaign = _campaign(plan, applied, context)
    routing = context.get("routing_after")
    # Before the post-run check (check mode, or a run it did not reach): the routing as it will be after the run.
    broken = ([n.get("phone_number") for n in routing.get("broken") or []] if ran(routing)
              else [n["phone_number"] for n in flex_a2p_routing_plan(plan) if not n["routes_to_flex"]])
    summary = {
        "account": context.get("account"),
        "check_mode": bool(context.get("check_mode")),
        "service_sid": service_sid,
        "service_name": context.get("service_name"),
        "service_action": service_action,
        "service_changed": service_action != "none",
        "pool_size": len([s for s in pool.get("senders") or [] if s.get("kind") == "phone_number"]),
        "added": [m["value"] for m in pool.get("added") or []],
        "removed": [m["value"] for m in pool.get("removed") or []],
        "moved": [m["value"] for m in pool.get("moved") or []],
        "brand_sid": context.get("brand_sid") or "",
        "brand_action": _brand(_final(plan, applied, "brand"), context),
        "brand_status": context.get("brand_status") or "",
        "campaign_action": campaign_action,
        "campaign_sid": campaign.get("sid") or "",
        "campaign_usecase": campaign.get("us_app_to_person_usecase") or "",
        "campaign_id": campaign.get("campaign_id") or "",
        "campaign_status": _campaign_status(campaign_action, campaign, context),
        "routing": context.get("routing"),
        "routing_broken": broken,
        "tollfree": _tollfree(plan, applied),
    }
    summary["tollfree_not_approved"] = [n["phone_number"] for n in summary["tollfree"] if n["status"] != APPROVED]
    summary["line"] = _line(summary)
    return summary


class FilterModule:
    """The flex_a2p role's summary."""

    def filters(self) -> dict[str, Any]:
        return {"flex_a2p_summary": flex_a2p_summary}
