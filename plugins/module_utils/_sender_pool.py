# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The class of the module tendlc.twilio.sender_pool: read, plan and apply (see the module's documentation).

It lives here, not in the module, so that tendlc.twilio.flex_a2p_plan can run it in its own process (module_utils/_steps.py).

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import AmbiguousWriteError, ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import PLAN_NEW_SERVICE, list_services, service_to_plan
from ansible_collections.tendlc.twilio.plugins.module_utils._parallel import run_all
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import (
    ALPHA, CONCURRENCY, DEFAULT_CONCURRENCY, DEFAULT_POOL_LIMIT, ELSEWHERE, KINDS, ON_CONFLICT, PHONE_NUMBER, POOL_LIMIT, SHORT_CODE_KIND, STATES,
    Kind, add_to_pool, has_capability, list_owned_numbers, list_owned_short_codes, list_pool, pool_holders, remove_from_pool, sender,
    sole_proprietor_campaign,
)
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import check_range


class SenderPool(TwilioModule):
    argument_spec = {
        "service": {"type": "str", "required": True},
        "phone_numbers": {"type": "list", "elements": "str"},
        "short_codes": {"type": "list", "elements": "str"},
        "alpha_senders": {"type": "list", "elements": "str"},
        "state": {"type": "str", "choices": list(STATES), "default": STATES[0]},
        "exclusive": {"type": "bool", "default": False},
        "allow_empty": {"type": "bool", "default": False},
        "on_conflict": {"type": "str", "choices": list(ON_CONFLICT), "default": ON_CONFLICT[0]},
        "pool_limit": {"type": "int", "default": DEFAULT_POOL_LIMIT},
        "concurrency": {"type": "int", "default": DEFAULT_CONCURRENCY},
        **PLAN_NEW_SERVICE,
    }

    service: Any = None
    sid: str | None = None
    done: dict[str, list[dict[str, Any]]] = {}
    pool: dict[Kind, list[dict[str, str]]] = {}
    number_limit: int | None = None  # 1 in a service whose campaign belongs to a sole-proprietor brand
    room: list[dict[str, Any]] = []  # the phone numbers removed first to keep to number_limit
    notes: list[str] = []  # what _restore_room did, for the failure message

    def validate(self) -> None:
        self.kinds = tuple(kind for kind in KINDS if self.params[kind.option] is not None)
        if not self.kinds:
            raise ModuleError("Give at least one of phone_numbers, short_codes, alpha_senders.", field="phone_numbers")
        if self.params["exclusive"] and self.params["state"] == "absent":
            raise ModuleError("exclusive=true applies to state=present only; with state=absent, list the senders to remove.", field="exclusive")
        empty = [kind.option for kind in self.kinds if not self.params[kind.option]]
        if self.params["exclusive"] and self.params["state"] == "present" and empty and not self.params["allow_empty"]:
            raise ModuleError("%s: an empty list with exclusive=true would remove every sender of that kind from the pool; nothing was "
                              "changed. Set allow_empty=true if that is what you mean." % " and ".join("%s=[]" % o for o in empty),
                              field=empty[0])
        check_range("concurrency", self.params["concurrency"], *CONCURRENCY)
        check_range("pool_limit", self.params["pool_limit"], *POOL_LIMIT)
        problems = []
        for kind in self.kinds:
            problems += ["%s: %r is not %s" % (kind.option, value, kind.expected) for value in self.params[kind.option] if not kind.accepts(value)]
        if problems:
            raise ModuleError("Invalid senders, nothing was changed: %s." % "; ".join(problems), field=self.kinds[0].option, problems=problems)

    def execute(self) -> None:
        self._get()
        added, removed, moved = self._plan()
        self.result.update(service_sid=self.sid, added=added, removed=removed, moved=moved)
        if added or removed or moved:
            self.mark_changed()
            if not self.check_mode:
                self._apply(added, removed, moved)
        final = [m for kind in KINDS for m in self.pool[kind] if m not in removed] + added + [sender_only(m) for m in moved]
        self.result["senders"] = sorted(final, key=lambda m: (m["kind"], m["value"]))
        self.set_diff(before=pool_view(sum(self.pool.values(), [])), after=pool_view(final))

    def _get(self) -> None:
        self.service = service_to_plan(self, self.params["service"])  # None: planned as a new, empty service
        self.sid = self.service.sid if self.service else None
        self.pool = {kind: list_pool(self.client, self.sid, kind) if self.sid else [] for kind in KINDS}

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
        size = self._pool_size() - len(counted(removed)) + len(counted(to_add))  # to_add includes the moved senders
        if size > self.params["pool_limit"]:
            problems.append("the pool would hold %d senders, over pool_limit=%d (phone numbers and short codes; Twilio error 21714)"
                            % (size, self.params["pool_limit"]))
        self._sole_proprietor(removed, to_add, problems)
        if problems:
            raise ModuleError("Cannot update the sender pool of %s, nothing was changed: %s." % (self.sid or repr(self.params["service"]), "; ".join(problems)),
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
            elif kind is PHONE_NUMBER and not has_capability(item):
                problems.append("phone_numbers: %s (%s) has neither SMS nor MMS capability (Twilio error 21715)" % (item.phone_number, item.sid))
            else:
                resolved[item.sid] = sender(kind, item.sid, getattr(item, kind.field))
        return list(resolved.values())

    def _conflicts(self, to_add: list[dict[str, Any]], problems: list[str]) -> list[dict[str, Any]]:
        """Phone numbers and short codes to add that another service of the account holds."""
        kinds = tuple(kind for kind in (PHONE_NUMBER, SHORT_CODE_KIND) if any(m["kind"] == kind.name for m in to_add))
        if not kinds:
            return []
        others = [service for service in list_services(self.client) if service.sid != self.sid]
        holders = pool_holders(self.client, others, kinds)
        moved = []
        for member in to_add:
            holder = holders.get(member["sid"])
            if holder is None:
                continue
            if self.params["on_conflict"] == "fail":
                problems.append("%s %s is in the pool of messaging service %s (Twilio error 21712: %s; on_conflict=move moves it)"
                                % (member["kind"].replace("_", " "), member["value"], holder, ELSEWHERE.rstrip(".")))
            else:
                moved.append({**member, "from_service": holder})
        return moved

    def _sole_proprietor(self, removed: list[dict[str, Any]], to_add: list[dict[str, Any]], problems: list[str]) -> None:
        """One phone number per sole-proprietor campaign: read the service's campaign and brand when numbers are added to a
        pool that would hold two at any moment; refuse more than one after the run, else remember the limit for _apply."""
        adding = [m for m in to_add if m["kind"] == PHONE_NUMBER.name]
        if not adding or len(self.pool[PHONE_NUMBER]) + len(adding) < 2:
            return
        found = sole_proprietor_campaign(self.client, self.service)
        if found is None:
            return
        self.number_limit = 1
        numbers = [m for m in self.pool[PHONE_NUMBER] if m not in removed] + adding
        if len(numbers) > self.number_limit:
            problems.append("phone_numbers: messaging service %s carries A2P campaign %s of sole-proprietor brand %s, and Twilio allows one "
                            "phone number per sole-proprietor campaign; the pool would hold %d (%s)"
                            % (self.sid, found[0], found[1], len(numbers), ", ".join(sorted(m["value"] for m in numbers))))

    def _pool_size(self) -> int:
        """What Twilio's pool limit counts: phone numbers and short codes (error 21714)."""
        return len(self.pool[PHONE_NUMBER]) + len(self.pool[SHORT_CODE_KIND])

    def _make_room(self, removed: list[dict[str, Any]], added: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The removals that must run before the additions (``added`` with the moved senders): enough phone numbers for the
        number limit of a sole-proprietor campaign, then enough phone numbers and short codes for O(pool_limit)."""
        numbers = [m for m in removed if m["kind"] == PHONE_NUMBER.name]
        first: list[dict[str, Any]] = []
        if self.number_limit is not None:
            adding = len([m for m in added if m["kind"] == PHONE_NUMBER.name])
            first = numbers[:max(0, len(self.pool[PHONE_NUMBER]) + adding - self.number_limit)]
        self.room = list(first)
        excess = max(0, self._pool_size() + len(counted(added)) - self.params["pool_limit"] - len(first))
        return first + [m for m in counted(removed) if m not in first][:excess]

    def _apply(self, added: list[dict[str, Any]], removed: list[dict[str, str]], moved: list[dict[str, Any]]) -> None:
        """Make room if needed, add and move, then remove the rest; stop at the first step with a failure (see DOCUMENTATION)."""
        first = [m for m in removed if m["kind"] == ALPHA.name] if any(m["kind"] == ALPHA.name for m in added) else []
        first += self._make_room(removed, added + moved)
        rest = [m for m in removed if m not in first]
        steps = [[("remove", m) for m in first], [("add", m) for m in added] + [("move", m) for m in moved], [("remove", m) for m in rest]]
        self.done = {"added": [], "removed": [], "moved": []}
        for index, step in enumerate(steps):
            outcomes = run_all([partial(self._change, action, member) for action, member in step], self.params["concurrency"])
            failed = []
            for (action, member), (new, error) in zip(step, outcomes):
                if error is not None:
                    failed.append({**sender_only(member), "action": action, **moved_from(member), "error": error.extra.get("error"),
                                   "message": error.msg, **({"in_no_pool": True} if error.extra.get("in_no_pool") else {})})
                elif action == "remove":
                    self.done["removed"].append(member)
                else:
                    member["sid"] = member["sid"] or (new or {}).get("sid")  # an alpha sender's AI... SID
                    self.done["added" if action == "add" else "moved"].append(member)
            if failed:
                self._restore_room()
                self._fail(failed, [{**sender_only(m), "action": a, **moved_from(m)} for later in steps[index + 1:] for a, m in later])

    def _change(self, action: str, member: dict[str, Any]) -> dict[str, str] | None:
        """One change: remove a sender, add one, or move one (out of the other service, then in here)."""
        kind, sid = KIND_OF[member["kind"]], self.sid
        if action == "remove":
            remove_from_pool(self.client, sid, kind, member["sid"])
            return None
        if action == "move":
            remove_from_pool(self.client, member["from_service"], kind, member["sid"])
            try:
                return add_to_pool(self.client, sid, kind, member["sid"])
            except ModuleError as exc:
                if not self._put_back(kind, member, exc):
                    exc.extra["in_no_pool"] = True
                raise
        return add_to_pool(self.client, sid, kind, member["sid"] or member["value"])

    def _put_back(self, kind: Kind, member: dict[str, Any], exc: ModuleError) -> bool:
        """After Twilio refused (a 4xx, not an unknown outcome) to add a moved sender here, add it back to the service it came from."""
        error = exc.extra.get("error") or {}
        if isinstance(exc, AmbiguousWriteError) or not 400 <= (error.get("status") or 0) < 500:
            return False
        try:
            add_to_pool(self.client, member["from_service"], kind, member["sid"])
        except ModuleError:
            return False
        exc.msg += " It was put back into the pool of messaging service %s, where it was before." % member["from_service"]
        return True

    def _restore_room(self) -> None:
        """After a failure, put back the numbers removed to keep to the number limit of a sole-proprietor campaign when the
        pool now holds fewer numbers than that limit (the new number could not be added): the campaign keeps its number."""
        gone = {m["sid"] for m in self.done["removed"]}
        now = [m for m in self.pool[PHONE_NUMBER] if m["sid"] not in gone]
        now += [m for m in self.done["added"] + self.done["moved"] if m["kind"] == PHONE_NUMBER.name]
        self.notes = []
        for member in [m for m in self.room if m["sid"] in gone][:max(0, (self.number_limit or 0) - len(now))]:
            try:
                add_to_pool(self.client, self.sid, PHONE_NUMBER, member["sid"])
            except ModuleError as exc:
                self.notes.append("The messaging service %s now has no phone number: %s (%s) was removed to make room for the new number "
                                  "of its sole-proprietor campaign, and putting it back failed (%s). Add %s back to %s, or run the task "
                                  "again." % (self.sid, member["value"], member["sid"], exc.msg.rstrip("."), member["value"], self.sid))
                continue
            self.done["removed"].remove(member)
            self.notes.append("%s (%s) was removed to make room for the new number of the sole-proprietor campaign and, as that could not "
                              "be added, was put back into the pool of %s." % (member["value"], member["sid"], self.sid))

    def _fail(self, failed: list[dict[str, Any]], skipped: list[dict[str, Any]]) -> None:
        """Set the result to what was done and raise: what worked, the pool as it now is, what failed and what was not tried."""
        done = self.done
        gone = {m["sid"] for m in done["removed"]}
        now = [m for kind in KINDS for m in self.pool[kind] if m["sid"] not in gone] + done["added"] + [sender_only(m) for m in done["moved"]]
        lost = [{**sender_only(f), **moved_from(f)} for f in failed if f.get("in_no_pool")]
        self.result.update(done, senders=sorted(now, key=lambda m: (m["kind"], m["value"])), failed_changes=failed, not_attempted=skipped, in_no_pool=lost)
        self.set_diff(before=pool_view(sum(self.pool.values(), [])), after=pool_view(now))
        messages = shorten([f["message"].rstrip(".") for f in failed], separator="; ")
        parts = ["%d change(s) to the sender pool of %s failed: %s." % (len(failed), self.sid, messages)]
        parts.append("Done: %s." % "; ".join("%s %s" % (key, values(done[key]) or "none") for key in ("added", "removed", "moved")))
        if skipped:
            actions = [a for a in ("remove", "add", "move") if any(m["action"] == a for m in skipped)]
            parts.append("Not attempted: %s." % "; ".join("%s %s" % (a, values([m for m in skipped if m["action"] == a])) for a in actions))
        if any(m["action"] == "remove" for m in skipped):
            parts.append("The senders not removed are still in the pool.")
        parts += self.notes
        for member in lost:
            parts.append("%s (%s) was removed from messaging service %s but could not be added to %s: it is now in NO messaging service's "
                         "pool. Run the task again to add it here, or add it back to %s."
                         % (member["value"], member["sid"], member["from_service"], self.sid, member["from_service"]))
        raise ModuleError(" ".join(parts), **{key: self.result[key] for key in RESULT_KEYS})


def counted(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The members Twilio's pool limit counts: phone numbers and short codes, not alpha senders."""
    return [m for m in members if m["kind"] != ALPHA.name]


RESULT_KEYS = ("service_sid", "added", "removed", "moved", "senders", "failed_changes", "not_attempted", "in_no_pool")
KIND_OF = {kind.name: kind for kind in KINDS}


def moved_from(member: dict[str, Any]) -> dict[str, str]:
    return {"from_service": member["from_service"]} if "from_service" in member else {}


def values(members: list[dict[str, Any]]) -> str:
    return shorten([m["value"] for m in members])


def shorten(items: list[str], most: int = 5, separator: str = ", ") -> str:
    """The first few items, then how many more."""
    shown = separator.join(items[:most])
    return shown + (" and %d more" % (len(items) - most) if len(items) > most else "")


def sender_only(member: dict[str, Any]) -> dict[str, str]:
    return {key: member[key] for key in ("sid", "kind", "value")}


def pool_view(members: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The pool for --diff: sorted values per kind."""
    return {kind.option: sorted(m["value"] for m in members if m["kind"] == kind.name) for kind in KINDS}
