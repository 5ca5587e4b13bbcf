# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The a2p_audit filter: one account's audit from the results the flex_a2p role's audit tasks registered.

Every finding is C({kind, text, next_step}). The numbers are sorted by what A2P 10DLC covers (plugin_utils/_audit_senders):
US local numbers that can send SMS. Email addresses are hidden in the whole record (plugin_utils/_personal_data). The
next steps and the cost of a campaign are worded in plugin_utils/_audit_steps.
"""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.plugin_utils import _audit_steps as steps
from ansible_collections.tendlc.twilio.plugins.plugin_utils._audit_senders import OUT_OF_SCOPE, TOLL_FREE, US_LOCAL, VOICE_ONLY, can_text, sender_class
from ansible_collections.tendlc.twilio.plugins.plugin_utils._personal_data import without_emails
from ansible_collections.tendlc.twilio.plugins.plugin_utils._task_results import ran

DOCUMENTATION = r"""
name: a2p_audit
short_description: Summarise one Twilio account's A2P 10DLC audit
version_added: 0.1.0
author:
  - tendlc.twilio maintainers (@tendlc)
description:
  - Turns the results that the audit tasks of the C(tendlc.twilio.flex_a2p) role register (the write modules run in
    check mode, the info modules) into one audit record per account, with a verdict and findings, each finding with
    the next step that puts it right.
  - V(ok) means the account matches the inventory and every sender is registered; V(drift) means a rollout would
    change something; V(at-risk) means nothing would change but traffic is or will be filtered (unregistered senders,
    toll-free numbers that need their own verification, a campaign or brand not approved, broken Flex routing);
    V(invalid) means the inventory holds a value that the rollout's plan refuses (the finding names the variable to
    fix; a rollout would stop there); V(error) means a read failed (credentials, network, Twilio's answer).
  - Unregistered senders are the numbers A2P 10DLC covers (US local numbers that can send SMS or MMS) in no messaging
    service with a VERIFIED campaign. Toll-free numbers (+1 800, 833, 844, 855, 866, 877, 888, the FCC's toll-free
    codes) need toll-free verification instead; numbers without SMS are not senders and get no SMS routing findings;
    non-US numbers, and +1 numbers with a Canadian or Caribbean area code of the North American Numbering Plan, are
    listed as out of scope. Other +1 numbers count as US local.
  - Email addresses in friendly names and other texts of the record are personal data; each is replaced by a note
    that says it was hidden.
options:
  _input:
    description:
      - A dictionary with the registered results under C(service), C(pool), C(campaign), C(numbers) (from
        M(tendlc.twilio.phone_number_info), with O(tendlc.twilio.phone_number_info#module:include_account=true) for
        the account's friendly name), C(brands) and C(routing), C(brand_sid), C(tollfree) (from
        M(tendlc.twilio.tollfree_verification_info), the toll-free numbers' verifications), and C(account) (the inventory host).
    type: dict
    required: true
"""

EXAMPLES = r"""
- name: Audit record of the account
  ansible.builtin.set_fact:
    audit: "{{ {'account': inventory_hostname, 'service': service_check, 'pool': pool_check, 'campaign': campaign_check,
                'numbers': numbers, 'brands': brands, 'routing': routing} | tendlc.twilio.a2p_audit }}"

- name: Every finding with its next step
  ansible.builtin.debug:
    msg: "{{ audit.findings | map(attribute='text') | zip(audit.findings | map(attribute='next_step')) | map('join', ' -> ') | list }}"
"""

RETURN = r"""
_value:
  description: The account's audit.
  type: dict
  contains:
    account:
      description: The inventory host.
      type: str
    twilio_account:
      description: The Twilio account, C({sid, friendly_name, status, note}); C(note) says why the friendly name is unknown.
      type: dict
    verdict:
      description: One of V(ok), V(drift), V(invalid), V(at-risk), V(error).
      type: str
    findings:
      description: What is wrong, each C({kind, text, next_step}); C(kind) is one of V(error), V(invalid), V(account), V(service),
        V(pool), V(rollout), V(cost), V(campaign), V(brand), V(onboarding), V(unregistered), V(toll_free), V(routing).
      type: list
      elements: dict
    service:
      description: The messaging service, whether it drifted, and its managed fields before and after a rollout.
      type: dict
    pool:
      description: The pool's numbers now (C(numbers)) and after a rollout (C(numbers_after)), and the senders a
        rollout would add, remove and move.
      type: dict
    campaign:
      description: The service's campaign, its use case, TCR campaign ID, status, dates and errors, and whether it drifted.
      type: dict
    brand:
      description: The campaign's brand, its status, identity status and errors.
      type: dict
    numbers:
      description: Every owned number with its C(sender_class) (V(us_local), V(toll_free), V(voice_only), V(non_us),
        V(nanp_non_us)),
        its messaging service and whether it is registered (null when A2P 10DLC does not cover it).
      type: list
      elements: dict
    unregistered_senders:
      description: US local SMS numbers in no messaging service with a VERIFIED campaign; carriers filter their traffic.
      type: list
      elements: dict
    toll_free:
      description:
        - Toll-free numbers that can send SMS; they need toll-free verification, not a campaign. Each also has
          C(verification_sid) and C(verification_status) (null when it has none, or when the verifications were not read);
          one not V(TWILIO_APPROVED) is a V(toll_free) finding.
      type: list
      elements: dict
    out_of_scope:
      description: Non-US numbers, +1 numbers of Canada and the Caribbean among them, which A2P 10DLC does not cover.
      type: list
      elements: dict
    before_rollout:
      description: What a rollout would do that costs or loses something, C({leaves_unregistered, registers_campaign, cost}).
      type: dict
    routing:
      description: Listed numbers whose inbound SMS do not reach Flex, and why (C(broken)); C(no_sms) lists the numbers
        left out because they cannot receive SMS.
      type: dict
    onboarding:
      description:
        - Only with C(flex_a2p_onboarding), each step of the business's onboarding, C(profile), C(trust_product), C(brand),
          C(vetting) and C(campaign), as C({sid, status, errors, done}), what it waits for (C(waiting)) and C(next).
          SIDs, statuses and Twilio's errors only, never the business's data.
      type: dict
"""


# Findings are listed most urgent first: what fails now (reads, the account, inbound SMS, filtered senders), then what
# the brand and campaign need, then what a rollout would cost or lose, then plain drift.
ORDER = ("error", "invalid", "account", "routing", "unregistered", "toll_free", "onboarding", "brand", "campaign", "rollout", "cost", "service", "pool")


def _finding(findings: list[dict[str, str]], kind: str, text: str, next_step: str) -> None:
    findings.append({"kind": kind, "text": text, "next_step": next_step})


def _error(result: dict[str, Any] | None, key: str) -> str | None:
    """The module's failure message when it ran without returning its main key."""
    if ran(result) and key not in result:
        return str(result.get("msg", "failed without a message"))
    return None


def _read_failed(result: dict[str, Any]) -> bool:
    """Whether a plan step failed on a read (Twilio's error answer, the network), not on a value of the inventory it refused.

    A refusal names its option (C(field)) or lists its problems; a failed request carries C(error) or names Twilio's error.
    """
    if {"field", "fields", "problems"} & set(result):
        return False
    return "error" in result or "Twilio error" in str(result.get("msg")) or "could not reach Twilio" in str(result.get("msg"))


def _failure(findings: list[dict[str, str]], step: str, what: str, result: dict[str, Any], error: str) -> str | None:
    """The finding of a plan step that failed; its kind, V(error) (a read failed) or V(invalid) (the inventory's value refused)."""
    if _read_failed(result):
        _finding(findings, "error", "reading %s failed: %s" % (what, error), steps.read_error(what))
        return "error"
    if "brand_status" in result:  # the campaign waits for its brand, which has its own finding
        _finding(findings, "campaign", "the rollout's plan holds back %s: %s" % (what, error), steps.WAIT_FOR_BRAND)
        return None
    field = result.get("field") or (result.get("fields") or [None])[0]
    _finding(findings, "invalid", "the rollout's plan refuses %s: %s" % (what, error), steps.invalid_input(step, field))
    return "invalid"


def _diff(result: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    diff = result.get("diff") or {}
    if isinstance(diff, list):
        diff = diff[0] if diff else {}
    return diff.get("before") or {}, diff.get("after") or {}


def _changed_keys(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return sorted(key for key in after if before.get(key) != after.get(key))


def _list(members: list[dict[str, Any]]) -> list[str]:
    return [str(m["value"]) for m in members]


def _values(members: list[dict[str, Any]]) -> str:
    return ", ".join(_list(members))


def _twilio_account(results: dict[str, Any], findings: list[dict[str, str]]) -> dict[str, Any]:
    account = (results.get("numbers") or {}).get("account") or {}
    status = account.get("status")
    if status and status != "active":
        _finding(findings, "account", "the Twilio account is %s" % status, steps.ACCOUNT_NOT_ACTIVE)
    return {"sid": account.get("sid"), "friendly_name": account.get("friendly_name"), "status": status, "note": account.get("note")}


def _service(results: dict[str, Any], findings: list[dict[str, str]]) -> dict[str, Any]:
    result = results.get("service") or {}
    error = _error(result, "service")
    before, after = _diff(result)
    service = result.get("service") or {}
    exists = bool(service.get("sid"))
    drift = bool(result.get("changed")) and error is None
    failure = _failure(findings, "service", "the messaging service", result, error) if error else None
    if not error and not exists:
        _finding(findings, "service", "the messaging service %r does not exist" % service.get("friendly_name", ""), steps.CREATE_SERVICE)
    elif drift:
        changed = _changed_keys(before, after)
        defer = after.get("use_inbound_webhook_on_number") is True and "use_inbound_webhook_on_number" in changed
        _finding(findings, "service", "messaging service settings differ: %s%s" % (", ".join(changed), steps.NOT_DEFERRING if defer else ""),
                 steps.RUN_DEFER if defer else steps.RUN_SETTINGS)
    return {"sid": service.get("sid"), "name": service.get("friendly_name"), "exists": exists, "drift": drift or (not exists and not error),
            "before": before, "after": after, "error": error, "failure": failure}


def _pool(results: dict[str, Any], classes: dict[str, str], findings: list[dict[str, str]]) -> dict[str, Any]:
    result = results.get("pool") or {}
    error = _error(result, "senders")
    before, after = _diff(result)
    added, removed, moved = (result.get(key) or [] for key in ("added", "removed", "moved"))
    failure = _failure(findings, "pool", "the sender pool", result, error) if error else None
    if added:
        _finding(findings, "pool", "%d number(s) not in the pool yet: %s" % (len(added), _values(added)), steps.run_adds(_list(added)))
    if moved:
        _finding(findings, "pool", "%d number(s) in another service's pool would be moved here: %s" % (len(moved), _values(moved)),
                 steps.run_moves(_list(moved)))
    dropped = [m for m in removed if classes.get(m["value"]) == US_LOCAL]
    if dropped:
        _finding(findings, "rollout", "a rollout would leave %d number(s) unregistered: %s %s" % (len(dropped), _values(dropped), steps.LEAVES_POOL),
                 steps.keep_in_pool(_list(dropped)))
    others = [m for m in removed if m not in dropped]
    if others:
        _finding(findings, "pool", "%d sender(s) would be removed from the pool: %s" % (len(others), _values(others)), steps.keep_in_pool(_list(others)))
    return {"checked": ran(result), "drift": bool(added or removed or moved), "added": added, "removed": removed,
            "moved": moved, "numbers": before.get("phone_numbers") or [], "numbers_after": after.get("phone_numbers") or [],
            "size": len(result.get("senders") or []), "before": before, "after": after, "error": error, "failure": failure,
            "leaves_unregistered": [m["value"] for m in dropped]}


def _campaign_plan(result: dict[str, Any], before: dict[str, Any], after: dict[str, Any], findings: list[dict[str, str]]) -> bool:
    """Findings for what a rollout would do to the campaign; True when it would register one (a fee and days of review)."""
    if "is_externally_registered" in after and not before:
        _finding(findings, "campaign", "a rollout would link the externally registered campaign %s" % after.get("campaign_id"), steps.RUN_LINKS)
        return False
    if result.get("replaced"):
        _finding(findings, "cost", "a rollout would delete the campaign and register it anew, which costs a fee and days of review",
                 steps.AVOID_REPLACE)
        return True
    if not before:
        _finding(findings, "cost", "a rollout would register an A2P campaign (use case %s), which costs a fee and days of review"
                 % (after.get("usecase") or "?"), steps.REGISTER_WHEN_READY)
        return True
    _finding(findings, "campaign", "campaign fields differ: %s" % ", ".join(_changed_keys(before, after)), steps.RUN_UPDATES)
    return False


def _campaign(results: dict[str, Any], service_sid: str | None, findings: list[dict[str, str]]) -> dict[str, Any]:
    result = results.get("campaign") or {}
    error = _error(result, "campaign")
    listed = [c for c in (results.get("brands") or {}).get("campaigns") or [] if c.get("messaging_service_sid") == service_sid]
    current = listed[0] if listed else {}
    before, after = _diff(result)
    drift = bool(result.get("changed")) and error is None and ran(result)
    registers = False
    failure = _failure(findings, "campaign", "the campaign", result, error) if error else None
    if drift:
        registers = _campaign_plan(result, before, after, findings)
    status = current.get("campaign_status")
    if service_sid and status != "VERIFIED" and not registers:
        detail = "; ".join("%s %s" % (e.get("error_code"), e.get("description")) for e in current.get("errors") or [])
        text = "campaign %s is %s%s" % (current.get("sid"), status, " (%s)" % detail if detail else "") if status else "the service has no A2P campaign"
        _finding(findings, "campaign", text, steps.campaign_step(status))
    return {"sid": current.get("sid"), "status": status, "usecase": current.get("us_app_to_person_usecase") or after.get("usecase"),
            "campaign_id": current.get("campaign_id"), "date_created": current.get("date_created"), "date_updated": current.get("date_updated"),
            "errors": current.get("errors") or [], "external": bool(current.get("is_externally_registered")),
            "brand_sid": current.get("brand_registration_sid"), "drift": drift, "registers": registers, "before": before, "after": after, "error": error,
            "failure": failure}


def _brand(results: dict[str, Any], brand_sid: str | None, findings: list[dict[str, str]]) -> dict[str, Any]:
    brands = {b["sid"]: b for b in (results.get("brands") or {}).get("brands") or []}
    brand = brands.get(brand_sid or "", {})
    status, identity = brand.get("status"), brand.get("identity_status")
    if brand and status != "APPROVED":
        detail = "; ".join("%s %s" % (e.get("error_code"), e.get("description")) for e in brand.get("errors") or [])
        _finding(findings, "brand", "brand %s is %s%s" % (brand_sid, status, " (%s)" % detail if detail else ""), steps.brand_step(status))
    elif brand and brand.get("brand_type") == "SOLE_PROPRIETOR" and identity != "VERIFIED":
        _finding(findings, "brand", "sole-proprietor brand %s is APPROVED but its identity_status is %s: it waits for the OTP, and Twilio "
                 "refuses its campaigns until then" % (brand_sid, identity), steps.CONFIRM_SOLE_PROPRIETOR_OTP)
    elif brand and identity == "UNVERIFIED":
        _finding(findings, "brand", "brand %s is APPROVED but its identity is UNVERIFIED, so its campaigns are refused" % brand_sid, steps.CONFIRM_OTP)
    return {"sid": brand_sid, "status": status, "identity_status": identity, "brand_type": brand.get("brand_type"), "errors": brand.get("errors") or []}


def _onboarding(results: dict[str, Any], campaign: dict[str, Any], findings: list[dict[str, str]]) -> dict[str, Any] | None:
    """The onboarding's record (filter flex_a2p_onboarding_summary, from the onboard steps in check mode) with the campaign;
    a failed step, a bundle or brand Twilio rejected, or a step waiting for Twilio's review is a finding."""
    onboarding = results.get("onboarding") or {}
    if not onboarding:
        return None
    read = {"sid": campaign.get("sid"), "status": campaign.get("status"), "errors": campaign.get("errors") or [],
            "done": "unchanged" if campaign.get("sid") else "not run"}
    record = {**(onboarding.get("steps") or {}), "campaign": read}
    for key, step in (onboarding.get("steps") or {}).items():
        name = key.replace("_", " ")
        if step.get("status") in ("twilio-rejected", "FAILED"):
            _finding(findings, "onboarding", "onboarding: the %s%s is %s (%s)" % (name, " " + step["sid"] if step.get("sid") else "", step.get("status"),
                     "; ".join(step.get("errors") or []) or "no errors given"), steps.ONBOARDING_REJECTED)
        elif step.get("done") == "failed":
            _finding(findings, "onboarding", "onboarding: reading the %s failed: %s" % (name, step.get("error")), steps.ONBOARDING_FAILED)
    for text in onboarding.get("waiting") or []:
        _finding(findings, "onboarding", "onboarding: %s" % text, steps.ONBOARDING_WAIT if "waiting for" in text else steps.ONBOARDING_RUN)
    return {"steps": record, "waiting": onboarding.get("waiting") or [], "next": onboarding.get("next") or ""}


def _sole_proprietor_pools(results: dict[str, Any], numbers: list[dict[str, Any]], findings: list[dict[str, str]]) -> None:
    """A campaign of a sole-proprietor brand on a service whose pool holds more than one of the account's phone numbers:
    Twilio lets such a campaign use one ("Troubleshooting A2P Phone Number registration issues")."""
    listing = results.get("brands") or {}
    sole = {b["sid"] for b in listing.get("brands") or [] if b.get("brand_type") == "SOLE_PROPRIETOR"}
    for campaign in listing.get("campaigns") or []:
        service = campaign.get("messaging_service_sid")
        count = sum(1 for n in numbers if service and n["messaging_service_sid"] == service)
        if campaign.get("brand_registration_sid") in sole and count > 1:
            _finding(findings, "campaign", "campaign %s of sole-proprietor brand %s is on messaging service %s, whose pool holds %d phone numbers: "
                     "Twilio lets such a campaign use one" % (campaign.get("sid"), campaign["brand_registration_sid"], service, count),
                     steps.one_sole_proprietor_number(service))


def _numbers(results: dict[str, Any], verified: set[str]) -> list[dict[str, Any]]:
    numbers = []
    for number in (results.get("numbers") or {}).get("phone_numbers") or []:
        kind, service = sender_class(number), number.get("messaging_service_sid")
        numbers.append({"phone_number": number["phone_number"], "sid": number["sid"], "friendly_name": number.get("friendly_name"),
                        "sender_class": kind, "messaging_service_sid": service,
                        "registered": service in verified if kind == US_LOCAL else None})
    return numbers


def _unregistered(numbers: list[dict[str, Any]], pool: dict[str, Any], own: dict[str, Any], findings: list[dict[str, str]]) -> list[dict[str, Any]]:
    joining = {m["value"] for m in pool["added"] + pool["moved"]}
    groups: dict[tuple[bool, str | None], list[str]] = {}
    senders = []
    for number in numbers:
        if number["sender_class"] != US_LOCAL or number["registered"]:
            continue
        service = number["messaging_service_sid"]
        reason = "in no messaging service" if not service else "its messaging service %s has no VERIFIED campaign" % service
        senders.append({"phone_number": number["phone_number"], "sid": number["sid"], "messaging_service_sid": service, "reason": reason})
        groups.setdefault((number["phone_number"] in joining, service), []).append(number["phone_number"])
    for (joins, service), group in groups.items():
        _finding(findings, "unregistered", "%d unregistered sender(s): %s" % (len(group), steps.listed(group)),
                 steps.unregistered_step(joins, service, own, group))
    return senders


def _toll_free(numbers: list[dict[str, Any]], result: Any, findings: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Toll-free senders, each with its verification's status (C(result): tollfree_verification_info's); one not
    TWILIO_APPROVED is a C(toll_free) finding."""
    read = ran(result, "phone_numbers")
    verifications = {e["phone_number"]: e.get("verification") for e in (result or {}).get("phone_numbers") or []} if read else {}
    toll_free = []
    for number in (n for n in numbers if n["sender_class"] == TOLL_FREE):
        verification = verifications.get(number["phone_number"])
        status = (verification or {}).get("status") if read else None
        toll_free.append({**number, "verification_sid": (verification or {}).get("sid"), "verification_status": status})
        if status == steps.TOLL_FREE_APPROVED:
            continue
        if not read:
            state = "its verification was not read (%s)" % str((result or {}).get("msg") or "not asked for")
        elif verification is None:
            state = "it has no toll-free verification"
        else:
            state = "its verification %s is %s%s" % (verification["sid"], status, steps.rejection(verification))
        _finding(findings, "toll_free", "%s is toll-free: %s; %s" % (number["phone_number"], steps.TOLL_FREE, state),
                 steps.verify_toll_free(number["phone_number"], (status or "") if read else None, (verification or {}).get("edit_allowed")))
    return toll_free


def _service_problem_step(phone: str, holder: str | None, service_sid: str | None, moving: bool) -> str:
    if holder == service_sid:
        return steps.run_defer(phone)
    return steps.run_moves_defer(phone) if moving else steps.other_service_step(holder, phone)


def _routing(results: dict[str, Any], service_sid: str | None, pool: dict[str, Any], findings: list[dict[str, str]]) -> dict[str, Any]:
    """Broken Flex routing of the listed numbers that can receive SMS (a number without SMS has no SMS routing to break)."""
    result = results.get("routing") or {}
    moving = {m["value"] for m in pool["moved"]}
    error = _error(result, "phone_numbers")
    no_sms = {n["phone_number"] for n in (results.get("numbers") or {}).get("phone_numbers") or [] if not can_text(n.get("capabilities"))}
    broken = []
    for entry in [e for e in result.get("broken") or [] if e["phone_number"] not in no_sms]:
        number_problems = entry.get("number_problems", [] if "service_problem" in entry else entry.get("problems") or [])
        service_problem = entry.get("service_problem")
        holder = entry.get("messaging_service_sid")
        broken.append({"phone_number": entry["phone_number"], "problems": entry.get("problems") or [], "number_problems": number_problems,
                       "service_problem": service_problem, "messaging_service_sid": holder})
        if service_problem:
            _finding(findings, "routing", "%s does not reach Flex: %s" % (entry["phone_number"], service_problem),
                     _service_problem_step(entry["phone_number"], holder, service_sid, entry["phone_number"] in moving))
        if number_problems:
            _finding(findings, "routing", "%s does not route to Flex: %s" % (entry["phone_number"], "; ".join(number_problems)),
                     steps.fix_webhook(entry["phone_number"], number_problems))
    if result.get("missing"):
        _finding(findings, "routing", "the account does not own %s" % ", ".join(result["missing"]), steps.not_owned(result["missing"]))
    if error:
        _finding(findings, "error", "Flex routing: %s" % error, steps.read_error("the numbers' Flex routing"))
    return {"checked": ran(result), "numbers": [e["phone_number"] for e in result.get("phone_numbers") or []], "broken": broken,
            "missing": result.get("missing") or [], "no_sms": sorted(no_sms & {e["phone_number"] for e in result.get("broken") or []}), "error": error}


def _read_errors(results: dict[str, Any], findings: list[dict[str, str]]) -> bool:
    failed = False
    for key, what in (("numbers", "the account's numbers"), ("brands", "the account's brands and campaigns")):
        result = results.get(key)
        if ran(result) and result.get("failed"):
            _finding(findings, "error", "reading %s failed: %s" % (what, result.get("msg", "no message")), steps.read_error(what))
            failed = True
    return failed


def _verdict(read_failed: bool, parts: tuple[dict[str, Any], ...], findings: list[dict[str, str]]) -> str:
    failures = {part.get("failure") for part in parts}
    if read_failed or "error" in failures or any(found["kind"] == "error" for found in findings):
        return "error"
    if "invalid" in failures:
        return "invalid"
    if any(part.get("drift") for part in parts):
        return "drift"
    return "at-risk" if findings else "ok"


def a2p_audit(results: dict[str, Any]) -> dict[str, Any]:
    """One account's audit record (see DOCUMENTATION)."""
    findings: list[dict[str, str]] = []
    read_failed = _read_errors(results, findings)
    twilio_account = _twilio_account(results, findings)
    owned = (results.get("numbers") or {}).get("phone_numbers") or []
    classes = {n["phone_number"]: sender_class(n) for n in owned}
    service = _service(results, findings)
    pool = _pool(results, classes, findings)
    campaign = _campaign(results, service["sid"], findings)
    brand = _brand(results, results.get("brand_sid") or campaign["brand_sid"], findings)
    verified = {c["messaging_service_sid"] for c in (results.get("brands") or {}).get("campaigns") or [] if c.get("campaign_status") == "VERIFIED"}
    numbers = _numbers(results, verified)
    _sole_proprietor_pools(results, numbers, findings)
    unregistered = _unregistered(numbers, pool, {"sid": service["sid"], "campaign_status": campaign["status"]}, findings)
    toll_free = _toll_free(numbers, results.get("tollfree"), findings)
    routing = _routing(results, service["sid"], pool, findings)
    onboarding = _onboarding(results, campaign, findings)
    findings.sort(key=lambda found: ORDER.index(found["kind"]))
    verdict = _verdict(read_failed, (service, pool, campaign, routing), findings)
    record = {
        "account": results.get("account"), "twilio_account": twilio_account, "verdict": verdict, "findings": findings, "service": service,
        "pool": pool, "campaign": campaign, "brand": brand, "numbers": numbers, "unregistered_senders": unregistered, "toll_free": toll_free,
        "not_senders": [n for n in numbers if n["sender_class"] == VOICE_ONLY], "out_of_scope": [n for n in numbers if n["sender_class"] in OUT_OF_SCOPE],
        "before_rollout": {"leaves_unregistered": pool["leaves_unregistered"], "registers_campaign": campaign["registers"],
                           "cost": steps.CAMPAIGN_COST if campaign["registers"] else None},
        "routing": routing}
    if onboarding is not None:
        record["onboarding"] = onboarding
    return without_emails(record)


class FilterModule:
    """The collection's audit filter."""

    def filters(self) -> dict[str, Any]:
        return {"a2p_audit": a2p_audit}
