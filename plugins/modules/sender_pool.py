#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sender_pool
short_description: Manage the sender pool of a Twilio Messaging Service
version_added: 0.1.0
description:
  - Puts phone numbers, short codes and alphanumeric sender IDs into the sender pool of a Messaging Service, or takes
    them out, so the pool is what your inventory says.
  - Phone numbers are given as E.164 numbers or phone number SIDs and are resolved against the account's own numbers
    by exact match. Short codes are given as SIDs or as their digits.
  - Every input is validated and every sender resolved before the first write. Unknown or malformed senders, numbers
    without SMS capability, senders held by another service (with O(on_conflict=fail)) and a pool that would
    outgrow O(pool_limit) all fail together, in one message, and nothing is written.
  - Writes run in parallel, at most O(concurrency) at a time.
author:
  - tendlc.twilio maintainers (@tendlc)
extends_documentation_fragment:
  - tendlc.twilio.auth
attributes:
  check_mode:
    support: full
    description: Reports exactly what a real run would add, remove and move, without writing.
  diff_mode:
    support: full
    description: Shows the pool before and after, as sorted lists of senders per kind.
options:
  service:
    description:
      - The Messaging Service, by SID (C(MG...)) or exact friendly name. Several services with the name fail, listing
        their SIDs. The service must exist; create it with M(tendlc.twilio.messaging_service).
    type: str
    required: true
  phone_numbers:
    description:
      - Phone numbers, each an E.164 number (C(+15551234567)) or a phone number SID (C(PN...)) of the account.
    type: list
    elements: str
  short_codes:
    description:
      - Short codes, each a short code SID (C(SC...)) or the short code's digits, of the account.
    type: list
    elements: str
  alpha_senders:
    description:
      - Alphanumeric sender IDs, each 1 to 11 characters of letters, digits, spaces and C(+ - _ &), with at least one letter.
      - Twilio allows one alpha sender per Messaging Service; with O(exclusive=true) a listed one replaces the current one.
    type: list
    elements: str
  state:
    description:
      - V(present) makes sure every listed sender is in the pool.
      - V(absent) makes sure none of the listed senders is in the pool. Senders that are not there are ignored.
    type: str
    choices: [present, absent]
    default: present
  exclusive:
    description:
      - With O(state=present), also remove the senders that are in the pool but not listed, only of the kinds you
        passed. Passing only O(phone_numbers) never touches short codes or alpha senders; passing O(phone_numbers=[])
        with O(exclusive=true) empties the phone numbers of the pool.
    type: bool
    default: false
  on_conflict:
    description:
      - What to do with a phone number or short code that is in the pool of another Messaging Service of the account
        (Twilio allows a sender in one pool only).
      - V(fail) stops before any write and names each sender and the service that holds it.
      - V(move) removes it from that service, then adds it here, and reports it under RV(moved).
    type: str
    choices: [fail, move]
    default: fail
  pool_limit:
    description:
      - The most senders the pool may hold, all kinds together. Twilio's default limit is 400; raise this only if
        Twilio raised your account's limit.
    type: int
    default: 400
  concurrency:
    description:
      - How many write requests may run at once, from 1 to 32.
    type: int
    default: 4
notes:
  - Twilio error 21712 (sender already in another Messaging Service) and 21715 (number without SMS capability) are
    detected before any write.
seealso:
  - module: tendlc.twilio.messaging_service
  - module: tendlc.twilio.phone_number_info
  - name: Sender pool
    description: Twilio's documentation of a Messaging Service's sender pool.
    link: https://www.twilio.com/docs/messaging/services#sender-pool
"""

EXAMPLES = r"""
- name: The Flex numbers are in the service's pool
  tendlc.twilio.sender_pool:
    service: Flex contact center
    phone_numbers:
      - "+15551230001"
      - "+15551230002"
      - PN0123456789abcdef0123456789abcdef

- name: The pool holds exactly these numbers; numbers in other services move here; short codes are left alone
  tendlc.twilio.sender_pool:
    service: MG0123456789abcdef0123456789abcdef
    phone_numbers: "{{ flex_numbers }}"
    exclusive: true
    on_conflict: move

- name: Take a number out of the pool
  tendlc.twilio.sender_pool:
    service: Flex contact center
    phone_numbers: ["+15551230002"]
    state: absent
"""

RETURN = r"""
service_sid:
  description: The SID of the Messaging Service.
  returned: always
  type: str
  sample: MG0123456789abcdef0123456789abcdef
added:
  description: Senders added to the pool (in check mode, that would be added). An alpha sender not yet added has no SID.
  returned: always
  type: list
  elements: dict
  sample: [{sid: PN0123456789abcdef0123456789abcdef, kind: phone_number, value: "+15551230001"}]
removed:
  description: Senders removed from the pool (in check mode, that would be removed).
  returned: always
  type: list
  elements: dict
  sample: [{sid: SC0123456789abcdef0123456789abcdef, kind: short_code, value: "12345"}]
moved:
  description: Senders moved here from another service's pool, with that service's SID under C(from_service).
  returned: always
  type: list
  elements: dict
  sample: [{sid: PN0123456789abcdef0123456789abcdef, kind: phone_number, value: "+15551230001", from_service: MGfedcba9876543210fedcba9876543210}]
senders:
  description: Every sender of the pool after the run, all kinds, sorted by kind and value.
  returned: always
  type: list
  elements: dict
  sample: [{sid: PN0123456789abcdef0123456789abcdef, kind: phone_number, value: "+15551230001"}]
"""

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import list_services, require_service
from ansible_collections.tendlc.twilio.plugins.module_utils._parallel import run_all
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import (
    ALPHA, KINDS, PHONE_NUMBER, SHORT_CODE_KIND, Kind, add_to_pool, list_owned_numbers, list_owned_short_codes, list_pool, pool_holders,
    remove_from_pool, sender,
)


class SenderPool(TwilioModule):
    argument_spec = {
        "service": {"type": "str", "required": True},
        "phone_numbers": {"type": "list", "elements": "str"},
        "short_codes": {"type": "list", "elements": "str"},
        "alpha_senders": {"type": "list", "elements": "str"},
        "state": {"type": "str", "choices": ["present", "absent"], "default": "present"},
        "exclusive": {"type": "bool", "default": False},
        "on_conflict": {"type": "str", "choices": ["fail", "move"], "default": "fail"},
        "pool_limit": {"type": "int", "default": 400},
        "concurrency": {"type": "int", "default": 4},
    }

    service: Any = None
    pool: dict[Kind, list[dict[str, str]]] = {}

    def validate(self) -> None:
        self.kinds = tuple(kind for kind in KINDS if self.params[kind.option] is not None)
        if not self.kinds:
            raise ModuleError("Give at least one of phone_numbers, short_codes, alpha_senders.", field="phone_numbers")
        if self.params["exclusive"] and self.params["state"] == "absent":
            raise ModuleError("exclusive=true applies to state=present only; with state=absent, list the senders to remove.", field="exclusive")
        if not 1 <= self.params["concurrency"] <= 32:
            raise ModuleError("concurrency must be between 1 and 32, got %r." % self.params["concurrency"], field="concurrency")
        if self.params["pool_limit"] < 1:
            raise ModuleError("pool_limit must be at least 1, got %r." % self.params["pool_limit"], field="pool_limit")
        problems = []
        for kind in self.kinds:
            problems += ["%s: %r is not %s" % (kind.option, value, kind.expected) for value in self.params[kind.option] if not kind.accepts(value)]
        if problems:
            raise ModuleError("Invalid senders, nothing was changed: %s." % "; ".join(problems), field=self.kinds[0].option, problems=problems)

    def execute(self) -> None:
        self._get()
        added, removed, moved = self._plan()
        self.result.update(service_sid=self.service.sid, added=added, removed=removed, moved=moved)
        if added or removed or moved:
            self.mark_changed()
            if not self.check_mode:
                self._apply(added, removed, moved)
        final = [m for kind in KINDS for m in self.pool[kind] if m not in removed] + added + [sender_only(m) for m in moved]
        self.result["senders"] = sorted(final, key=lambda m: (m["kind"], m["value"]))
        self.set_diff(before=pool_view(sum(self.pool.values(), [])), after=pool_view(final))

    def _get(self) -> None:
        self.service = require_service(self.client, self.params["service"])
        self.pool = {kind: list_pool(self.client, self.service.sid, kind) for kind in KINDS}

    def _plan(self) -> tuple[list[dict[str, str]], list[dict[str, str]], list[dict[str, Any]]]:
        """Resolve every listed sender, then what to add, remove and move; fail on any problem before writing."""
        wanted, missing, problems = {}, [], []
        for kind in self.kinds:
            in_pool = {key: m for m in self.pool[kind] for key in (m["sid"], m["value"])}
            for value in dict.fromkeys(self.params[kind.option]):
                member = in_pool.get(value)
                if member:
                    wanted[member["sid"]] = member
                else:
                    missing.append((kind, value))
        if self.params["state"] == "absent":
            removed = list(wanted.values())
            return [], removed, []
        to_add = self._resolve(missing, problems)
        removed = []
        if self.params["exclusive"]:
            removed = [m for kind in self.kinds for m in self.pool[kind] if m["sid"] not in wanted]
        moved = self._conflicts(to_add, problems)
        alphas = [m for m in self.pool[ALPHA] if m not in removed] + [m for m in to_add if m["kind"] == ALPHA.name]
        if len(alphas) > 1:
            problems.append("alpha_senders: a messaging service holds at most one alpha sender, the pool would hold %d (%s)"
                            % (len(alphas), ", ".join(sorted(m["value"] for m in alphas))))
        size = sum(len(members) for members in self.pool.values()) - len(removed) + len(to_add) + len(moved)
        if size > self.params["pool_limit"]:
            problems.append("the pool would hold %d senders, over pool_limit=%d" % (size, self.params["pool_limit"]))
        if problems:
            raise ModuleError("Cannot update the sender pool of %s, nothing was changed: %s." % (self.service.sid, "; ".join(problems)),
                              field=self.kinds[0].option, problems=problems)
        moved_sids = {m["sid"] for m in moved}
        return [m for m in to_add if m["sid"] not in moved_sids], removed, moved

    def _resolve(self, missing: list[tuple[Kind, str]], problems: list[str]) -> list[dict[str, Any]]:
        """Senders not in the pool: phone numbers and short codes must be the account's own; alpha senders are new."""
        owned: dict[Kind, dict[str, Any]] = {}
        resolved: dict[str, dict[str, Any]] = {}
        for kind, value in missing:
            if kind is ALPHA:
                resolved[value] = sender(ALPHA, None, value)
                continue
            if kind not in owned:
                listing = list_owned_numbers if kind is PHONE_NUMBER else list_owned_short_codes
                owned[kind] = {key: item for item in listing(self.client) for key in (item.sid, getattr(item, kind.field))}
            item = owned[kind].get(value)
            if item is None:
                problems.append("%s: %r is not a %s of account %s" % (kind.option, value, kind.name.replace("_", " "), self.client.account_sid))
            elif kind is PHONE_NUMBER and not (item.capabilities or {}).get("sms"):
                problems.append("phone_numbers: %s (%s) has no SMS capability (Twilio error 21715)" % (item.phone_number, item.sid))
            else:
                resolved[item.sid] = sender(kind, item.sid, getattr(item, kind.field))
        return list(resolved.values())

    def _conflicts(self, to_add: list[dict[str, Any]], problems: list[str]) -> list[dict[str, Any]]:
        """Phone numbers and short codes to add that another service of the account holds."""
        kinds = tuple(kind for kind in (PHONE_NUMBER, SHORT_CODE_KIND) if any(m["kind"] == kind.name for m in to_add))
        if not kinds:
            return []
        others = [service for service in list_services(self.client) if service.sid != self.service.sid]
        holders = pool_holders(self.client, others, kinds)
        moved = []
        for member in to_add:
            holder = holders.get(member["sid"])
            if holder is None:
                continue
            if self.params["on_conflict"] == "fail":
                problems.append("%s %s is in the pool of messaging service %s (Twilio error 21712; on_conflict=move moves it)"
                                % (member["kind"].replace("_", " "), member["value"], holder))
            else:
                moved.append({**member, "from_service": holder})
        return moved

    def _apply(self, added: list[dict[str, Any]], removed: list[dict[str, str]], moved: list[dict[str, Any]]) -> None:
        """Removals first (room in the pool), then moves out of the other services, then additions."""
        client, sid = self.client, self.service.sid
        kind_of = {kind.name: kind for kind in KINDS}
        self._run_all([lambda m=m: remove_from_pool(client, sid, kind_of[m["kind"]], m["sid"]) for m in removed])
        self._run_all([lambda m=m: remove_from_pool(client, m["from_service"], kind_of[m["kind"]], m["sid"]) for m in moved])
        new = self._run_all([lambda m=m: add_to_pool(client, sid, kind_of[m["kind"]], m["sid"] or m["value"]) for m in added + moved])
        alpha_sids = {m["value"]: m["sid"] for m in new if m["kind"] == ALPHA.name}
        for member in added:
            member["sid"] = member["sid"] or alpha_sids.get(member["value"])

    def _run_all(self, jobs: list[Any]) -> list[Any]:
        results, errors = run_all(jobs, self.params["concurrency"])
        if errors:
            summary = "; ".join(e.msg for e in errors)
            raise ModuleError("%d of %d changes to the sender pool of %s failed: %s" % (len(errors), len(jobs), self.service.sid, summary),
                              errors=[e.extra.get("error") for e in errors])
        return results


def sender_only(member: dict[str, Any]) -> dict[str, str]:
    return {key: member[key] for key in ("sid", "kind", "value")}


def pool_view(members: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The pool for --diff: sorted values per kind."""
    return {kind.option: sorted(m["value"] for m in members if m["kind"] == kind.name) for kind in KINDS}


def main() -> None:
    module = SenderPool.define_module()
    SenderPool(module).run()


if __name__ == "__main__":
    main()
