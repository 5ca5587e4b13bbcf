# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The a2p_audit filter: one account's audit from the results the flex_a2p role's audit tasks registered."""

from __future__ import annotations

from typing import Any

DOCUMENTATION = r"""
name: a2p_audit
short_description: Summarise one Twilio account's A2P 10DLC audit
version_added: 0.1.0
author:
  - tendlc.twilio maintainers (@tendlc)
description:
  - Turns the results that the audit tasks of the C(tendlc.twilio.flex_a2p) role register (the write modules run in
    check mode, the info modules) into one audit record per account, with a verdict and findings in words.
  - V(ok) means the account matches the inventory and every sender is registered; V(drift) means a rollout would
    change something; V(at-risk) means nothing would change but traffic is or will be filtered (unregistered senders,
    a campaign or brand not approved, broken Flex routing); V(error) means a read failed.
options:
  _input:
    description:
      - A dictionary with the registered results under C(service), C(pool), C(campaign), C(numbers), C(brands) and
        C(routing), and C(account) (the inventory host).
    type: dict
    required: true
"""

EXAMPLES = r"""
- name: Audit record of the account
  ansible.builtin.set_fact:
    audit: "{{ {'account': inventory_hostname, 'service': service_check, 'pool': pool_check, 'campaign': campaign_check,
                'numbers': numbers, 'brands': brands, 'routing': routing} | tendlc.twilio.a2p_audit }}"
"""

RETURN = r"""
_value:
  description: The account's audit.
  type: dict
  contains:
    account:
      description: The inventory host.
      type: str
    verdict:
      description: One of V(ok), V(drift), V(at-risk), V(error).
      type: str
    findings:
      description: What is wrong, one sentence each.
      type: list
      elements: str
    service:
      description: The messaging service, whether it drifted, and its managed fields before and after a rollout.
      type: dict
    pool:
      description: The pool, whether it drifted, and the senders a rollout would add, remove and move.
      type: dict
    campaign:
      description: The service's campaign, its status and errors, and whether it drifted.
      type: dict
    brand:
      description: The campaign's brand, its status and errors.
      type: dict
    unregistered_senders:
      description: Owned numbers in no messaging service with a VERIFIED campaign; carriers filter their traffic.
      type: list
      elements: dict
    routing:
      description: Listed numbers whose inbound SMS do not reach Flex.
      type: dict
"""


def _ran(result: dict[str, Any] | None) -> bool:
    return bool(result) and not result.get("skipped")


def _error(result: dict[str, Any] | None, key: str) -> str | None:
    """The module's failure message when it ran without returning its main key."""
    if _ran(result) and key not in result:
        return str(result.get("msg", "failed without a message"))
    return None


def _diff(result: dict[str, Any]) -> tuple[Any, Any]:
    diff = result.get("diff") or {}
    if isinstance(diff, list):
        diff = diff[0] if diff else {}
    return diff.get("before", {}), diff.get("after", {})


def _service(results: dict[str, Any], findings: list[str]) -> dict[str, Any]:
    result = results.get("service") or {}
    error = _error(result, "service")
    before, after = _diff(result)
    service = result.get("service") or {}
    exists = bool(service.get("sid"))
    drift = bool(result.get("changed")) and error is None
    if error:
        findings.append("messaging service: %s" % error)
    elif not exists:
        findings.append("the messaging service does not exist")
    elif drift:
        changed = sorted(key for key in after if before.get(key) != after.get(key))
        findings.append("messaging service settings differ: %s" % ", ".join(changed))
    return {"sid": service.get("sid"), "name": service.get("friendly_name"), "exists": exists, "drift": drift or not exists,
            "before": before, "after": after, "error": error}


def _pool(results: dict[str, Any], findings: list[str]) -> dict[str, Any]:
    result = results.get("pool") or {}
    error = _error(result, "senders")
    before, after = _diff(result)
    added, removed, moved = (result.get(key) or [] for key in ("added", "removed", "moved"))
    if error:
        findings.append("sender pool: %s" % error)
    for verb, members in (("would be added", added), ("would be removed", removed), ("would be moved here", moved)):
        if members:
            findings.append("%d number(s) %s: %s" % (len(members), verb, ", ".join(m["value"] for m in members)))
    return {"checked": _ran(result), "drift": bool(added or removed or moved) or error is not None, "added": added, "removed": removed,
            "moved": moved, "size": len(result.get("senders") or []), "before": before, "after": after, "error": error}


def _campaign(results: dict[str, Any], service_sid: str | None, findings: list[str]) -> dict[str, Any]:
    result = results.get("campaign") or {}
    error = _error(result, "campaign")
    listed = [c for c in (results.get("brands") or {}).get("campaigns") or [] if c.get("messaging_service_sid") == service_sid]
    current = listed[0] if listed else {}
    before, after = _diff(result)
    drift = (bool(result.get("changed")) or error is not None) and _ran(result)
    if error:
        findings.append("campaign: %s" % error)
    elif drift:
        changed = sorted(key for key in after if before.get(key) != after.get(key))
        findings.append("campaign would be registered" if not before else "campaign fields differ: %s" % ", ".join(changed))
    status = current.get("campaign_status")
    if service_sid and status != "VERIFIED":
        detail = "; ".join("%s %s" % (e.get("error_code"), e.get("description")) for e in current.get("errors") or [])
        findings.append("campaign is %s%s" % (status or "missing", " (%s)" % detail if detail else ""))
    return {"sid": current.get("sid"), "status": status, "errors": current.get("errors") or [], "external": bool(current.get("is_externally_registered")),
            "campaign_id": current.get("campaign_id"), "brand_sid": current.get("brand_registration_sid"), "drift": drift,
            "before": before, "after": after, "error": error}


def _brand(results: dict[str, Any], brand_sid: str | None, findings: list[str]) -> dict[str, Any]:
    brands = {b["sid"]: b for b in (results.get("brands") or {}).get("brands") or []}
    brand = brands.get(brand_sid or "", {})
    if brand and brand.get("status") != "APPROVED":
        detail = "; ".join("%s %s" % (e.get("error_code"), e.get("description")) for e in brand.get("errors") or [])
        findings.append("brand %s is %s%s" % (brand_sid, brand.get("status"), " (%s)" % detail if detail else ""))
    return {"sid": brand_sid, "status": brand.get("status"), "identity_status": brand.get("identity_status"), "errors": brand.get("errors") or []}


def _unregistered(results: dict[str, Any], findings: list[str]) -> list[dict[str, Any]]:
    verified = {c["messaging_service_sid"] for c in (results.get("brands") or {}).get("campaigns") or [] if c.get("campaign_status") == "VERIFIED"}
    senders = []
    for number in (results.get("numbers") or {}).get("phone_numbers") or []:
        service = number.get("messaging_service_sid")
        if service in verified:
            continue
        reason = "in no messaging service" if not service else "its messaging service %s has no VERIFIED campaign" % service
        senders.append({"phone_number": number["phone_number"], "sid": number["sid"], "messaging_service_sid": service, "reason": reason})
    if senders:
        findings.append("%d unregistered sender(s): %s" % (len(senders), ", ".join(s["phone_number"] for s in senders)))
    return senders


def _routing(results: dict[str, Any], findings: list[str]) -> dict[str, Any]:
    result = results.get("routing") or {}
    error = _error(result, "phone_numbers")
    broken = [{"phone_number": n["phone_number"], "problems": n["problems"]} for n in result.get("broken") or []]
    for number in broken:
        findings.append("%s does not route to Flex: %s" % (number["phone_number"], "; ".join(number["problems"])))
    if result.get("missing"):
        findings.append("the account does not own %s" % ", ".join(result["missing"]))
    if error:
        findings.append("Flex routing: %s" % error)
    return {"checked": _ran(result), "broken": broken, "missing": result.get("missing") or [], "error": error}


def a2p_audit(results: dict[str, Any]) -> dict[str, Any]:
    """One account's audit record (see DOCUMENTATION)."""
    findings: list[str] = []
    service = _service(results, findings)
    pool = _pool(results, findings)
    campaign = _campaign(results, service["sid"], findings)
    brand = _brand(results, results.get("brand_sid") or campaign["brand_sid"], findings)
    unregistered = _unregistered(results, findings)
    routing = _routing(results, findings)
    read_errors = [r for r in (results.get("numbers"), results.get("brands")) if _ran(r) and r.get("failed")]
    if read_errors or any(part["error"] for part in (service, pool, campaign, routing) if part["error"] and "Twilio error" in part["error"]):
        verdict = "error"
    elif service["drift"] or pool["drift"] or campaign["drift"]:
        verdict = "drift"
    elif findings:
        verdict = "at-risk"
    else:
        verdict = "ok"
    return {"account": results.get("account"), "verdict": verdict, "findings": findings, "service": service, "pool": pool,
            "campaign": campaign, "brand": brand, "unregistered_senders": unregistered, "routing": routing}


class FilterModule:
    """The collection's audit filter."""

    def filters(self) -> dict[str, Any]:
        return {"a2p_audit": a2p_audit}
