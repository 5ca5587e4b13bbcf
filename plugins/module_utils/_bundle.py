# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one engine of the Trust Hub bundle modules (customer_profile, trust_product).

A bundle (C(BU...)) is found by its friendly name and email among the bundles of the module's policy. Its parts (end users,
the address and its supporting document, the bundles it is linked to) are named from the bundle's friendly name and found
through the bundle's EntityAssignments first, then by that name among the unassigned ones, so an interrupted run never
makes a second one. Wanted and current values are compared; changes are written only while the bundle is draft or
twilio-rejected. Then the bundle is evaluated, submitted once compliant, and optionally waited for. Check mode plans
every step and writes nothing. Personal data (no_log options) shows in diffs only as markers, never in results or messages.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from dataclasses import dataclass, field as dataclass_field
from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import MIN_POLL_SECONDS, check_wait_options, wait_for
from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._client import call, create_once, fetch_or_none, resource_dict
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._fields import Resource
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import PAGE_SIZE
from ansible_collections.tendlc.twilio.plugins.module_utils._trusthub import (
    A2P_PROFILE_POLICY, ADDRESS, APPROVED, CUSTOMER_PROFILE, EDITABLE, PENDING, REJECTED, SECONDARY_PROFILE_POLICY, TRUST_PRODUCT, from_attributes,
    pii_options, sub_spec, to_attributes,
)

BUNDLE_OPTIONS: dict[str, dict[str, Any]] = {
    "submit": {"type": "bool", "default": True},
    "wait": {"type": "bool", "default": False},
    "wait_timeout": {"type": "int", "default": 3600},
    "poll_interval": {"type": "float", "default": 10},
}
SET, CHANGED = "(set)", "(changed)"  # what a diff shows of personal data
ERROR_PAGE = "https://www.twilio.com/docs/errors/%s"
NAME_LIMIT = 64


@dataclass
class Part:
    """One part of a bundle: an end user, the address, its supporting document, or a linked bundle (C(kind) C(bundle))."""

    role: str  # the key in the result's entities
    kind: str  # end_user, address, document, bundle
    label: str  # the option it comes from, in messages (business, representatives[0], address)
    type: str = ""  # the end-user or supporting-document type
    name: str = ""  # its friendly name, from the bundle's
    table: Resource | None = None
    wanted: dict[str, Any] = dataclass_field(default_factory=dict)
    sid: str | None = None  # a linked bundle's SID, else the found one's
    record: Any = None
    current: dict[str, Any] = dataclass_field(default_factory=dict)
    assigned: bool = False
    changes: dict[str, Any] = dataclass_field(default_factory=dict)

    @property
    def prefix(self) -> str:
        """How messages name the part's fields: C(business.), C(representatives[0].), or nothing for top-level options."""
        return self.label + "." if self.label else ""

    @property
    def creates(self) -> bool:
        return self.kind != "bundle" and self.record is None


def part_name(bundle_name: str, suffix: str) -> str:
    """A part's friendly name: the bundle's, cut so that the whole fits in 64 characters (an address's FriendlyName limit,
    the 2010 spec; assumed for end users and documents), then the suffix (C( - business information))."""
    return bundle_name[:NAME_LIMIT - len(suffix)] + suffix


def first_address(address_sids: Any) -> str | None:
    """The address SID a C(customer_profile_address) document names (its attribute is a text, or a list of SIDs)."""
    sids = address_sids if isinstance(address_sids, list) else str(address_sids or "").split(",")
    return next((str(sid).strip() for sid in sids if str(sid).strip()), None)


def describe_errors(errors: list[Any] | None) -> str:
    """A rejected bundle's errors (the spec's example: [{"code": 18601}]) with their codes' pages."""
    if not errors:
        return "Twilio gave no errors"
    texts = []
    for error in errors:
        if not isinstance(error, dict):
            texts.append(str(error))
            continue
        code = error.get("code") or error.get("error_code")
        words = [str(error[key]) for key in ("message", "description", "failure_reason") if error.get(key)]
        fields = error.get("fields")
        head = "error %s (%s)" % (code, ERROR_PAGE % code) if code else "error"
        texts.append(head + (": " + "; ".join(words) if words else "") + (" (fields: %s)" % ", ".join(map(str, fields)) if fields else ""))
    return "; ".join(texts)


def failures(evaluation: Any) -> list[dict[str, Any]]:
    """The failing requirements of an evaluation, one entry per failing field (or per requirement without fields)."""
    found = []
    for result in getattr(evaluation, "results", None) or []:
        if result.get("passed"):
            continue
        requirement = result.get("requirement_friendly_name") or result.get("friendly_name") or result.get("requirement_name")
        invalid = result.get("invalid") or []
        for item in invalid:
            found.append({"requirement": requirement, "field": item.get("object_field"), "reason": item.get("failure_reason"),
                          "error_code": item.get("error_code")})
        if not invalid:
            found.append({"requirement": requirement, "field": None, "reason": result.get("failure_reason"), "error_code": result.get("error_code")})
    return found


@dataclass(frozen=True)
class BundleKind:
    """One kind of bundle: its table, its policy, its name in messages, its result key and its SDK list."""

    table: Resource
    policy: str
    what: str
    key: str
    collection: str


PROFILE = BundleKind(CUSTOMER_PROFILE, SECONDARY_PROFILE_POLICY, "customer profile", "customer_profile", "customer_profiles")
PRODUCT = BundleKind(TRUST_PRODUCT, A2P_PROFILE_POLICY, "trust product", "trust_product", "trust_products")


class BundleModule(TwilioModule):
    """A Trust Hub bundle and its parts. Subclasses set C(kind), C(argument_spec) and C(parts()); the rest is here."""

    kind: BundleKind

    def __init__(self, module: Any) -> None:
        super().__init__(module)
        kind = self.kind
        self.table, self.policy, self.what, self.key, self.collection = kind.table, kind.policy, kind.what, kind.key, kind.collection

    def parts(self) -> list[Part]:
        """The bundle's parts as the options want them."""
        raise NotImplementedError

    def prerequisites(self) -> None:
        """Read-only checks of what the bundle links to, before any write."""

    def validate(self) -> None:
        self.table.check(self.params)
        check_wait_options(self.params)

    # --- reads -------------------------------------------------------------------------------------------------------
    def _bundles(self) -> Any:
        return getattr(self.client.trusthub.v1, self.collection)

    def _sub(self, sid: str, what: str) -> Any:
        return getattr(self._bundles()(sid), "%s_%s" % (self.collection, what))

    def _find_bundle(self) -> Any | None:
        found = call("list %ss named %r" % (self.what, self.params["friendly_name"]), self._bundles().list,
                     friendly_name=self.params["friendly_name"], policy_sid=self.policy, page_size=PAGE_SIZE)
        matches = [b for b in found if b.friendly_name == self.params["friendly_name"] and b.email == self.params["email"]
                   and b.policy_sid == self.policy]
        if len(matches) > 1:
            sids = sorted(b.sid for b in matches)
            raise ModuleError("%d %ss have friendly_name %r and this email (%s); this module cannot choose one."
                              % (len(sids), self.what, self.params["friendly_name"], ", ".join(sids)), sids=sids)
        return matches[0] if matches else None

    def _endpoint(self, kind: str) -> Any:
        """The SDK list of a part's kind: end users, else supporting documents."""
        return self.client.trusthub.v1.end_users if kind == "end_user" else self.client.trusthub.v1.supporting_documents

    def _pool(self, kind: str) -> list[Any]:
        if kind not in self._pools:
            what = "end users" if kind == "end_user" else "supporting documents"
            self._pools[kind] = call("list Trust Hub %s" % what, self._endpoint(kind).list, page_size=PAGE_SIZE)
        return self._pools[kind]

    def _one(self, part: Part, candidates: list[Any], where: str) -> Any | None:
        if len(candidates) > 1:
            sids = sorted(c.sid for c in candidates)
            raise ModuleError("%d %s records of type %s are %s (%s); this module cannot choose one." % (len(sids), part.role, part.type or part.kind, where,
                              ", ".join(sids)), sids=sids)
        return candidates[0] if candidates else None

    def _named_address(self, part: Part) -> Any | None:
        found = call("list addresses named %r" % part.name, self.client.addresses.list, friendly_name=part.name, page_size=PAGE_SIZE)
        return self._one(part, [a for a in found if a.friendly_name == part.name], "named %r" % part.name)

    def _named_entity(self, part: Part, endpoint: Any) -> Any | None:
        """After a create whose outcome is unknown: the end user or document with the part's name and type, if Twilio made it."""
        found = call("list Trust Hub %ss" % part.kind.replace("_", " "), endpoint.list, page_size=PAGE_SIZE)
        return next((r for r in found if r.friendly_name == part.name and r.type == part.type and r.sid not in self._all_assigned), None)

    def _resolve(self, part: Part, assigned: set[str], address_sid: str | None) -> None:
        """Find the part's current record: assigned to the bundle first, else unassigned by its name; and read its values."""
        if part.kind == "bundle":
            part.assigned = part.sid in assigned
            return
        if part.kind == "address":
            part.record = fetch_or_none("fetch address %s" % address_sid, self.client.addresses(address_sid).fetch) if address_sid else None
            if part.record is None:
                part.record = self._named_address(part)
            part.current = ADDRESS.current(part.record) if part.record is not None else {}
            return
        pool = [r for r in self._pool(part.kind) if r.type == part.type]
        part.record = self._one(part, [r for r in pool if r.sid in assigned], "assigned to the %s" % self.what)
        part.assigned = part.record is not None
        if part.record is None:
            part.record = self._one(part, [r for r in pool if r.friendly_name == part.name and r.sid not in self._all_assigned], "named %r" % part.name)
        if part.record is not None and part.table is not None:
            part.current = from_attributes(part.table, part.record.attributes)
        elif part.record is not None:
            part.current = dict(part.record.attributes or {})

    # --- plan --------------------------------------------------------------------------------------------------------
    def execute(self) -> None:
        self._pools: dict[str, list[Any]] = {}
        self.prerequisites()
        bundle = self._find_bundle()
        self.bundle = bundle
        assignments = call("list the entity assignments of %s %s" % (self.what, bundle.sid), self._sub(bundle.sid, "entity_assignments").list,
                           page_size=PAGE_SIZE) if bundle is not None else []
        assigned = {a.object_sid for a in assignments}
        self._all_assigned = assigned
        parts = self.parts()
        address = next((p for p in parts if p.kind == "address"), None)
        document = next((p for p in parts if p.kind == "document"), None)
        for part in parts:
            if part.kind != "address":
                self._resolve(part, assigned, None)
        if address is not None:
            self._resolve(address, assigned, first_address((document.current if document else {}).get("address_sids")))
        self.parts_ = parts
        self._plan(bundle, parts, address, document)
        self._report(bundle, parts, planned=True)
        if self.check_mode:
            return
        self._apply(bundle, parts, address, document)

    def _plan(self, bundle: Any | None, parts: list[Part], address: Part | None, document: Part | None) -> None:
        for part in parts:
            if part.kind == "bundle":
                continue
            wanted = {k: v for k, v in part.wanted.items() if v is not None}
            part.changes = wanted if part.creates else {k: v for k, v in wanted.items() if part.current.get(k) != v}
        if address is not None and not address.creates and "iso_country" in address.changes:
            raise ModuleError("address.iso_country cannot change in place (Twilio's address update has no IsoCountry); the %s's address "
                              "%s is in another country: delete it in the Console or keep its country." % (self.what, address.record.sid),
                              field="address.iso_country")
        if document is not None and address is not None and (address.creates or document.creates):
            document.changes = {"address_sids": address.record.sid if address.record is not None else None}
        elif document is not None and address is not None and address.record.sid != first_address(document.current.get("address_sids")):
            document.changes = {"address_sids": address.record.sid}
        self.bundle_changes = {} if bundle is None else {k: v for k, v in self.table.wanted(self.params).items()
                                                         if k == "status_callback" and getattr(bundle, k) != v}
        differ = sorted(self._changed_fields(parts))
        if bundle is not None and bundle.status == REJECTED and not differ and self.params["submit"]:
            raise ModuleError("%s %s is twilio-rejected and nothing differs from what Twilio reviewed: %s. Change what the errors name, "
                              "then run again." % (self.what.capitalize(), bundle.sid, describe_errors(bundle.errors)),
                              sid=bundle.sid, status=bundle.status, errors=bundle.errors)
        if bundle is None or bundle.status in EDITABLE:
            return
        if differ:
            raise ModuleError("%s %s is %s, so Twilio accepts no change until its review ends; these differ from what is wanted: %s. Run again "
                              "once it is twilio-rejected, or create a new %s."
                              % (self.what.capitalize(), bundle.sid, bundle.status, ", ".join(differ), self.what),
                              sid=bundle.sid, status=bundle.status, fields=differ)

    def _changed_fields(self, parts: list[Part]) -> list[str]:
        names = [p.prefix + f for p in parts if p.kind != "bundle" for f in p.changes]
        names += ["%s (new %s)" % (p.role, p.kind.replace("_", " ")) for p in parts if p.creates]
        names += ["%s (assignment)" % p.role for p in parts if p.kind in ("end_user", "document", "bundle") and not p.assigned]
        names += list(self.bundle_changes)
        return names

    def _writes_planned(self, parts: list[Part]) -> bool:
        return self.bundle is None or bool(self._changed_fields(parts))

    # --- result and diff ---------------------------------------------------------------------------------------------
    def _bundle_result(self, bundle: Any | None) -> dict[str, Any]:
        if bundle is None:
            record = self.table.planned(self.table.wanted(self.params))
        else:
            record = resource_dict(bundle)
        record.pop("email", None)
        record.pop("links", None)
        return record

    def _report(self, bundle: Any | None, parts: list[Part], planned: bool) -> None:
        self.result[self.key] = self._bundle_result(bundle)
        self.result["entities"] = {p.role: p.sid if p.kind == "bundle" else (p.record.sid if p.record is not None else None) for p in parts}
        self.result.setdefault("evaluation", None)
        self.result.setdefault("submitted", False)
        if planned:
            submits = self.params["submit"] and (bundle is None or bundle.status in EDITABLE)
            self.result["submitted"] = bool(submits and self.check_mode)  # in check mode: whether the run would submit
            if self._writes_planned(parts) or submits:
                self.mark_changed()
            if self.check_mode and bundle is not None and bundle.status in EDITABLE:
                self.result["evaluation"] = self._latest_evaluation(bundle)
            self.set_diff(*self._diff_of(bundle, parts))

    def _diff_of(self, bundle: Any | None, parts: list[Part]) -> tuple[dict[str, Any], dict[str, Any]]:
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        if bundle is not None:
            now = self.table.current(bundle)
            before[self.key] = self._shown(self.table, now, None)
        wanted = {**(self.table.current(bundle) if bundle else {}), **self.table.wanted(self.params)}
        after[self.key] = self._shown(self.table, wanted, self.table.current(bundle) if bundle else {})
        for part in parts:
            if part.kind == "bundle":
                before.setdefault("assigned", []).extend([part.role] if part.assigned else [])
                after.setdefault("assigned", []).append(part.role)
                continue
            if part.record is not None:
                before[part.role] = self._shown(part.table, part.current, None)
                before.setdefault("assigned", []).extend([part.role] if part.assigned else [])
            after[part.role] = self._shown(part.table, {**part.current, **part.changes}, part.current)
            if part.kind != "address":
                after.setdefault("assigned", []).append(part.role)
        return (before if bundle is not None else {}), after

    @staticmethod
    def _shown(table: Resource | None, values: dict[str, Any], current: dict[str, Any] | None) -> dict[str, Any]:
        """Values as a diff shows them: personal data as markers, "(set)" before (C(current) None) or when unchanged, else
        "(changed)"."""
        if table is None:
            return dict(values)
        hidden = pii_options(table)
        shown = {k: v for k, v in values.items() if k in table.options() and k not in hidden}
        for option in hidden:
            value = values.get(option)
            if value in (None, ""):
                shown[option] = None
            elif current is None:
                shown[option] = SET
            else:
                shown[option] = SET if current.get(option) == value else CHANGED
        return shown

    # --- apply -------------------------------------------------------------------------------------------------------
    def _apply(self, bundle: Any | None, parts: list[Part], address: Part | None, document: Part | None) -> None:
        wrote = False
        if bundle is None:
            bundle = create_once(self.client, "create %s %r" % (self.what, self.params["friendly_name"]), self._find_bundle, self._bundles().create,
                                 policy_sid=self.policy, **self.table.as_request(self.table.wanted(self.params)))
            wrote = True
        elif self.bundle_changes:
            bundle = call("update %s %s" % (self.what, bundle.sid), self._bundles()(bundle.sid).update, **self.table.as_request(self.bundle_changes))
            wrote = True
        self.bundle = bundle
        self._report(bundle, parts, planned=False)
        ordered = ([address] if address else []) + ([document] if document else []) + [p for p in parts if p.kind == "end_user"]
        for part in ordered:
            if part is document and address is not None:
                part.changes = {"address_sids": address.record.sid} if part.changes else {}
            if part.changes or part.creates:
                self._write_part(part)
                wrote = True
                self._report(bundle, parts, planned=False)
        for part in parts:
            if part.kind in ("end_user", "document", "bundle") and not part.assigned:
                sid = part.sid if part.kind == "bundle" else part.record.sid
                assignments = self._sub(bundle.sid, "entity_assignments")
                create_once(self.client, "assign %s %s to %s %s" % (part.role, sid, self.what, bundle.sid),
                            lambda: next((a for a in call("list assignments", assignments.list, page_size=PAGE_SIZE) if a.object_sid == sid), None),
                            assignments.create, object_sid=sid)
                part.assigned = wrote = True
        self._finish(bundle, wrote)

    def _write_part(self, part: Part) -> None:
        if part.kind == "address":
            values = ADDRESS.as_request(part.changes)
            if part.creates:
                # AutoCorrectAddress false: Twilio keeps the address as given (A), so the next run compares it with what was sent.
                part.record = create_once(self.client, "create the address of %s" % self.what, lambda: self._named_address(part), self.client.addresses.create,
                                          friendly_name=part.name, auto_correct_address=False, **values)
            else:
                values.pop("iso_country", None)
                part.record = call("update address %s" % part.record.sid, self.client.addresses(part.record.sid).update, auto_correct_address=False,
                                   **values)
            return
        endpoint = self._endpoint(part.kind)
        attributes = to_attributes(part.table, {**part.current, **part.changes}) if part.table is not None else {**part.current, **part.changes}
        if part.creates:
            part.record = create_once(self.client, "create the %s of %s" % (part.role, self.what), lambda: self._named_entity(part, endpoint),
                                      endpoint.create, friendly_name=part.name, type=part.type, attributes=attributes)
        else:
            part.record = call("update %s %s" % (part.role, part.record.sid), endpoint(part.record.sid).update, attributes=attributes)

    # --- evaluate, submit, wait --------------------------------------------------------------------------------------
    def _finish(self, bundle: Any, wrote: bool) -> None:
        if bundle.status in EDITABLE:
            evaluation = self._evaluate(bundle, wrote)
            if self.params["submit"]:
                bundle = call("submit %s %s for review" % (self.what, bundle.sid), self._bundles()(bundle.sid).update, status=PENDING)
                self.mark_changed()
                self.result["submitted"] = True
                self.result["evaluation"] = evaluation
                self._report(bundle, self.parts_, planned=False)
        if self.params["wait"] and bundle.status != APPROVED:
            bundle = self._wait(bundle)
            self._report(bundle, self.parts_, planned=False)

    def _evaluate(self, bundle: Any, wrote: bool) -> dict[str, Any]:
        latest = None if wrote else self._latest_evaluation(bundle)
        if latest is None or latest["status"] != "compliant":
            created = call("evaluate %s %s" % (self.what, bundle.sid), self._sub(bundle.sid, "evaluations").create, policy_sid=self.policy)
            latest = {"sid": created.sid, "status": created.status, "failures": failures(created)}
        evaluation = latest
        self.result["evaluation"] = evaluation
        if evaluation["status"] != "compliant":
            listed = "; ".join("%s: %s%s" % (f["requirement"], f["field"] + ": " if f["field"] else "", f["reason"]) for f in evaluation["failures"])
            raise ModuleError("%s %s is not compliant with its policy, so it was not submitted: %s." % (self.what.capitalize(), bundle.sid,
                              listed or "Twilio listed no failing requirement"), sid=bundle.sid, evaluation=evaluation)
        return evaluation

    def _latest_evaluation(self, bundle: Any) -> dict[str, Any] | None:
        """The bundle's latest evaluation as the result shows it, or None."""
        found = call("list the evaluations of %s %s" % (self.what, bundle.sid), self._sub(bundle.sid, "evaluations").list, page_size=PAGE_SIZE)
        if not found:
            return None
        latest = max(enumerate(found), key=lambda pair: (str(pair[1].date_created), pair[0]))[1]
        return {"sid": latest.sid, "status": latest.status, "failures": failures(latest)}

    def _wait(self, bundle: Any) -> Any:
        context = self._bundles()(bundle.sid)

        def fetch() -> Any:
            current = call("fetch %s %s" % (self.what, bundle.sid), context.fetch)
            if current.status == REJECTED:
                self._report(current, self.parts_, planned=False)
                raise ModuleError("%s %s is twilio-rejected: %s." % (self.what.capitalize(), bundle.sid, describe_errors(current.errors)),
                                  sid=bundle.sid, status=current.status, errors=current.errors)
            return current

        # The fetch above fails on twilio-rejected, so wait_for's own "failed" status is one that never occurs.
        return wait_for("%s %s" % (self.what, bundle.sid), fetch, lambda b: b.status, [APPROVED], "(none)", self.params["wait_timeout"],
                        max(self.params["poll_interval"], MIN_POLL_SECONDS))


def bundle_spec(kind: BundleKind, link: str, **options: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A bundle module's argument_spec: the bundle's table, the required SID of the bundle it links to (C(link)), its own
    options, and the submit and wait options."""
    return {**sub_spec(kind.table), link: {"type": "str", "required": True}, **options, **BUNDLE_OPTIONS}


def fetch_bundle(client: Any, collection: str, sid: str, what: str) -> Any | None:
    """A bundle by SID (customer_profiles / trust_products), or None."""
    return fetch_or_none("fetch %s %s" % (what, sid), getattr(client.trusthub.v1, collection)(sid).fetch)
