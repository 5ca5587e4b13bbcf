# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The flex_a2p_onboarding_summary filter: where a business's onboarding stands, from the onboard steps' results."""

from __future__ import annotations

import re
from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._trusthub import APPROVED, REJECTED
from ansible_collections.tendlc.twilio.plugins.plugin_utils._onboarding import SUBMITTED
from ansible_collections.tendlc.twilio.plugins.plugin_utils._personal_data import without_emails
from ansible_collections.tendlc.twilio.plugins.plugin_utils._task_results import applied_or_planned, ran

DOCUMENTATION = r"""
name: flex_a2p_onboarding_summary
short_description: Where the onboarding of a business by the flex_a2p role stands
version_added: 0.1.0
author:
  - tendlc.twilio maintainers (@tendlc)
description:
  - Turns the results of the C(tendlc.twilio.flex_a2p) role's onboard steps (customer profile, trust product, brand,
    vetting) into one record per account, each step with its SID, status, Twilio's errors and what the run did, and
    what the onboarding waits for (C(waiting for Twilio's review of the trust product (status in-review), run again later)).
  - The record holds SIDs, statuses and Twilio's error codes and texts (email addresses in them hidden), never the
    business's data.
options:
  _input:
    description:
      - The registered results under C(profile) (M(tendlc.twilio.customer_profile)), C(trust_product)
        (M(tendlc.twilio.trust_product)), C(brand) and C(brand_plan) (M(tendlc.twilio.a2p_brand) applied, planned) and
        C(vetting) (M(tendlc.twilio.brand_vetting)); a missing or skipped one is a step that did not run.
    type: dict
    required: true
  context:
    description: C(account) (the inventory host), C(check_mode), C(vetting_wanted) (C(flex_a2p_onboarding.vetting) is given).
    type: dict
    default: {}
"""

EXAMPLES = r"""
- name: Summarise the onboarding
  ansible.builtin.set_fact:
    onboarding: "{{ {'profile': profile, 'trust_product': trust_product, 'brand': brand, 'vetting': vetting}
                    | tendlc.twilio.flex_a2p_onboarding_summary({'account': inventory_hostname}) }}"
"""

RETURN = r"""
_value:
  description:
    - C(steps) (C(profile), C(trust_product), C(brand), C(vetting), each C({sid, status, errors, done}); C(done) is
      V(not run), V(planned), V(changed), V(unchanged) or V(failed) with C(error)), C(waiting) (texts), C(next) (what to
      do next), C(brand_sid), C(line) (one line).
  type: dict
"""

NAMES = {"profile": "the customer profile", "trust_product": "the trust product", "brand": "the brand", "vetting": "the secondary vetting"}
RECORDS = {"profile": "customer_profile", "trust_product": "trust_product", "brand": "brand", "vetting": "vetting"}
SID_PREFIXES = {"profile": "BU", "trust_product": "BU", "brand": "BN", "vetting": "VT"}
BRAND_APPROVED = "APPROVED"
TO_BE = {"brand": "to be registered (a fee)", "vetting": "to be requested (a fee)"}
VETTING_FINAL = ("SUCCESS", "FAILED", "ERROR", "EXPIRED")  # *unconfirmed* beyond the spec's vetting_status example


def _errors(record: dict[str, Any]) -> list[str]:
    """Twilio's errors of a record as texts: code and reason (bundles, brands and vettings word them differently)."""
    texts = []
    for error in record.get("errors") or []:
        if isinstance(error, dict):
            code = error.get("error_code") or error.get("code") or ""
            reason = error.get("description") or error.get("message") or error.get("failure_reason") or error.get("friendly_name") or ""
            texts.append(("%s %s" % (code, reason)).strip())
        else:
            texts.append(str(error))
    return without_emails(texts)


def _step(result: Any, key: str, check_mode: bool) -> dict[str, Any]:
    if not ran(result):
        return {"sid": "", "status": "", "errors": [], "done": "not run"}
    if result.get("failed") or (RECORDS[key] not in result and result.get("msg")):  # failed, or failed_when false while reading
        message = str(result.get("msg") or "failed")
        # A failed bundle module returns the bundle's sid (and status, errors) beside its message; other failures name it there.
        named = re.search(r"\b%s[0-9a-f]{32}\b" % SID_PREFIXES[key], message)
        sid = (result.get(RECORDS[key]) or {}).get("sid") or result.get("sid") or (named.group(0) if named else "")
        return {"sid": sid, "status": result.get("status") or "",
                "errors": _errors(result), "done": "failed", "error": without_emails(message)}
    record = result.get(RECORDS[key]) or {}
    status = record.get("status") or record.get("vetting_status") or ""
    done = ("planned" if check_mode else "changed") if result.get("changed") else "unchanged"
    return {"sid": record.get("sid") or record.get("brand_vetting_sid") or "", "status": status if record.get("sid") or key == "vetting" else "",
            "errors": _errors(record), "done": done}


def _later_steps_planned(steps: dict[str, dict[str, Any]], vetting_wanted: bool) -> None:
    """In check mode, the steps after one still to be made are planned too (a later run makes them, once Twilio's reviews
    allow it), though their modules could not run without the SID of what is not made yet."""
    later = False
    for key, step in steps.items():
        if later and step["done"] == "not run" and (key != "vetting" or vetting_wanted):
            step["done"] = "planned"
        later = later or (step["done"] == "planned" and not step["sid"])


def _review(step: dict[str, Any], what: str) -> str:
    return "of %s (status %s)" % (what, step["status"] or "not submitted")


def _waiting(steps: dict[str, dict[str, Any]], vetting_wanted: bool) -> list[str]:
    """What the next step waits for: Twilio's review of a bundle or the brand, or an earlier step of this run (check mode)."""
    profile, product, brand = steps["profile"], steps["trust_product"], steps["brand"]
    if any(step["done"] == "failed" or step["status"] == REJECTED for step in (profile, product)):
        return []  # not a review in progress: the failure (Twilio's reasons) says what to fix
    if not profile["sid"]:
        return ["the customer profile is to be created and submitted first"] if profile["done"] == "planned" else []
    if profile["status"] not in SUBMITTED:
        return ["trust product: waiting for the customer profile to be submitted (status %s)" % (profile["status"] or "unknown")]
    if not product["sid"]:
        return ["the trust product is to be created and submitted first"] if product["done"] == "planned" else []
    pending = [_review(step, NAMES[key]) for key, step in (("profile", profile), ("trust_product", product)) if step["status"] != APPROVED]
    if pending:
        return ["brand: waiting for Twilio's review %s: run again later" % " and ".join(pending)]
    if vetting_wanted and brand["status"] != BRAND_APPROVED:
        if not brand["sid"]:
            return ["the brand is to be registered first (a fee)"] if brand["done"] == "planned" else []
        return ["secondary vetting: waiting for Twilio's review %s: run again later" % _review(brand, NAMES["brand"])]
    return []


def _next(steps: dict[str, dict[str, Any]], waiting: list[str], check_mode: bool) -> str:
    if any(step["done"] == "failed" for step in steps.values()):
        return "fix what the failed step says, then run the onboarding again"
    if check_mode and any(step["done"] == "planned" for step in steps.values()):
        return "run the onboarding without --check to write what is planned (playbooks/onboard.yml)"
    if waiting:
        return "run the onboarding again later (playbooks/onboard.yml): it continues where Twilio's review is"
    if steps["brand"]["status"] == BRAND_APPROVED:
        return "the brand is approved: run playbooks/flex_a2p.yml for the service, its pool and campaign"
    return "run the onboarding (playbooks/onboard.yml)"


def _word(key: str, step: dict[str, Any]) -> str:
    name = NAMES[key][4:]
    if step["done"] == "not run":
        return "%s not yet" % name
    if step["done"] == "failed":
        return "%s failed" % name
    state = " ".join(part for part in (step["sid"], step["status"]) if part)
    errors = " (%s)" % "; ".join(step["errors"]) if step["errors"] else ""
    if not state:
        return "%s %s%s" % (name, TO_BE.get(key, "to be created"), errors)
    return "%s %s%s%s" % (name, state, " planned" if step["done"] == "planned" else "", errors)


def flex_a2p_onboarding_summary(results: dict[str, Any], context: dict[str, Any] | None = None) -> dict[str, Any]:
    """The onboarding's record (see DOCUMENTATION)."""
    if not isinstance(results, dict):
        raise TypeError("flex_a2p_onboarding_summary expects the onboard steps' results as a dictionary, got %s" % type(results).__name__)
    context = context or {}
    check_mode = bool(context.get("check_mode"))
    brand = applied_or_planned(results.get("brand"), results.get("brand_plan"))
    steps = {key: _step(brand if key == "brand" else results.get(key), key, check_mode) for key in NAMES}
    if check_mode:
        _later_steps_planned(steps, bool(context.get("vetting_wanted")))
    waiting = _waiting(steps, bool(context.get("vetting_wanted")))
    words = [_word(key, step) for key, step in steps.items() if key != "vetting" or context.get("vetting_wanted")]
    line = "%s: %s%s%s" % (context.get("account") or "account", ", ".join(words), "; " + "; ".join(waiting) if waiting else "",
                           " (check mode: nothing was written)" if check_mode else "")
    return {"account": context.get("account") or "", "check_mode": check_mode, "steps": steps, "waiting": waiting,
            "next": _next(steps, waiting, check_mode), "brand_sid": steps["brand"]["sid"], "line": line}


class FilterModule:
    """The flex_a2p role's onboarding summary."""

    def filters(self) -> dict[str, Any]:
        return {"flex_a2p_onboarding_summary": flex_a2p_onboarding_summary}
