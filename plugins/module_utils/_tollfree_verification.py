# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The class of the module tendlc.twilio.tollfree_verification: read, plan and apply (see the module's documentation).

It lives here, not in the module, so that another module can run it in its own process.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import WAIT_OPTIONS, check_wait_options, wait_for
from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._client import call, call_delete, create_once
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._tollfree import (
    APPROVED, EDIT_REASON, PERSONAL, REJECTED, TOLLFREE, current, describe_rejection, differences, edit_refusal, number_verification,
    resolve_number, result, shown_values, utc_now, verifications,
)
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import check_text, shown

STATES = ("present", "absent")


class TollfreeVerification(TwilioModule):
    argument_spec = {
        **TOLLFREE.argument_spec(),
        "phone_number": {"type": "str", "required": True},
        "state": {"type": "str", "choices": list(STATES), "default": "present"},
        "edit_reason": {"type": "str"},
        "replace": {"type": "bool", "default": False},
        "force": {"type": "bool", "default": False},
        **WAIT_OPTIONS,
    }

    def validate(self) -> None:
        TOLLFREE.check(self.params)
        if self.params["edit_reason"] is not None:
            check_text("edit_reason", self.params["edit_reason"], *EDIT_REASON)
        check_wait_options(self.params)

    def execute(self) -> None:
        number = resolve_number(self.client, self.params["phone_number"])
        self.result["phone_number"] = {"sid": number.sid, "phone_number": number.phone_number}
        record = number_verification(self.client, number.sid)
        self.result["action"] = "none"
        self.result["verification"] = result(record, {}) if record is not None else None
        if self.params["state"] == "absent":
            self._absent(record)
            return
        wanted = {**TOLLFREE.wanted(self.params), "phone_number": number.sid}
        if record is None:
            self._create(number, wanted, None)
            return
        now = current(record)
        changes = differences(now, wanted)
        self.set_diff(before=shown_values(self._managed(now), None), after=shown_values(self._managed({**now, **changes}), now))
        if not changes:
            self._wait(record, warn_rejected=True)
            return
        why = edit_refusal(record, changes, utc_now())
        if why is None:
            self._update(record, changes)
        elif self.params["replace"]:
            self._replace(record, number, wanted, why)
        else:
            raise ModuleError(self._refused(record, now, changes, why), sid=record.sid, status=record.status, differences=sorted(changes))

    # --- plan -----------------------------------------------------------------------------------------------------------
    @staticmethod
    def _managed(values: dict[str, Any]) -> dict[str, Any]:
        return {option: value for option, value in values.items() if option != "phone_number"}

    def _refused(self, record: Any, now: dict[str, Any], changes: dict[str, Any], why: str) -> str:
        listed = "; ".join("%s: %s -> %s" % (option, self._shown(option, now.get(option)), self._shown(option, value))
                           for option, value in sorted(changes.items()))
        if record.status == APPROVED:
            todo = ("keep the approved verification (leave the options as they are), or set replace: true and force: true to delete it "
                    "and submit a new one - the number cannot send until the new one is approved (a new review from the start)")
        else:
            todo = ("wait for the review's result and edit it if Twilio rejects it with edit_allowed, or set replace: true to delete it and "
                    "submit a new one (a new review from the start; Twilio's error 30437: when a verification can no longer be edited, "
                    "create a new verification request)")
        return "Toll-free verification %s of %s cannot be edited: %s. It differs in %s. To change it: %s." % (
            record.sid, self.result["phone_number"]["phone_number"], why, listed, todo)

    @staticmethod
    def _shown(option: str, value: Any) -> str:
        return "(personal data, not shown)" if option in PERSONAL else shown(value)

    # --- apply ----------------------------------------------------------------------------------------------------------
    def _create(self, number: Any, wanted: dict[str, Any], replaced: str | None) -> None:
        missing = TOLLFREE.missing_on_create(wanted)
        if missing:
            raise ModuleError("Phone number %s has no toll-free verification, and a new one needs %s." % (number.phone_number, ", ".join(missing)),
                              missing=missing)
        if replaced is None:
            self.set_diff(before={}, after=shown_values(self._managed(wanted), None))
        self.mark_changed()
        self.result["action"] = "replace" if replaced else "create"
        self.result["verification"] = result(None, wanted)
        if self.check_mode:
            return
        record = create_once(self.client, "submit the toll-free verification of %s" % number.phone_number,
                             lambda: number_verification(self.client, number.sid), verifications(self.client).create,
                             **TOLLFREE.as_request(wanted))
        self.result["verification"] = result(record, {})
        self._wait(record)

    def _update(self, record: Any, changes: dict[str, Any]) -> None:
        self.mark_changed()
        self.result["action"] = "update"
        if self.check_mode:
            self.result["verification"] = result(record, {}, changes)
            return
        extra = {"edit_reason": self.params["edit_reason"]} if self.params["edit_reason"] is not None else {}
        updated = call("edit toll-free verification %s" % record.sid, verifications(self.client)(record.sid).update,
                       **TOLLFREE.as_request(changes), **extra)
        self.result["verification"] = result(updated, {})
        self._wait(updated)

    def _replace(self, record: Any, number: Any, wanted: dict[str, Any], why: str) -> None:
        if record.status == APPROVED and not self.params["force"]:
            raise ModuleError("Toll-free verification %s of %s is TWILIO_APPROVED and %s; replace: true would delete it (the number cannot "
                              "send until a new one is approved): set force: true as well to do that." % (record.sid, number.phone_number, why),
                              sid=record.sid, status=record.status)
        missing = TOLLFREE.missing_on_create(wanted)
        if missing:
            raise ModuleError("Replacing toll-free verification %s needs every option of a new one; missing: %s." % (record.sid, ", ".join(missing)),
                              missing=missing)
        self.module.warn("Toll-free verification %s of %s (%s) is replaced: %s, so it is deleted and a new one submitted, which starts a new "
                         "review." % (record.sid, number.phone_number, record.status, why))
        self.result["replaced"] = record.sid
        if not self.check_mode:
            call_delete("delete toll-free verification %s" % record.sid, verifications(self.client)(record.sid).delete)
            self.result["verification"] = None  # deleted, should the create below fail
        self._create(number, wanted, record.sid)

    def _absent(self, record: Any | None) -> None:
        if record is None:
            self.set_diff(before={}, after={})
            return
        self.set_diff(before=shown_values(self._managed(current(record)), None), after={})
        phone = self.result["phone_number"]["phone_number"]
        if record.status == APPROVED:
            if not self.params["force"]:
                raise ModuleError("Toll-free verification %s of %s is TWILIO_APPROVED: deleting it stops the number's messaging until a new "
                                  "one is approved; set force: true to delete it." % (record.sid, phone), sid=record.sid, status=record.status)
            self.module.warn("Deleting the approved toll-free verification %s of %s: the number cannot send until a new one is approved."
                             % (record.sid, phone))
        self.mark_changed()
        self.result["action"] = "delete"
        if not self.check_mode:
            call_delete("delete toll-free verification %s" % record.sid, verifications(self.client)(record.sid).delete)

    def _wait(self, record: Any, warn_rejected: bool = False) -> None:
        """With O(wait): poll until TWILIO_APPROVED; TWILIO_REJECTED fails with Twilio's reasons. Without: a rejection the run
        leaves as it is is a warning. Never in check mode."""
        if self.check_mode:
            return
        if not self.params["wait"]:
            if warn_rejected and record.status == REJECTED:
                self.module.warn("Toll-free verification %s is TWILIO_REJECTED: %s." % (record.sid, describe_rejection(record)))
            return
        what = "toll-free verification %s" % record.sid
        if record.status not in (APPROVED, REJECTED):
            context = verifications(self.client)(record.sid)
            record = wait_for(what, lambda: call("fetch %s" % what, context.fetch), lambda r: r.status, [APPROVED, REJECTED], REJECTED,
                              self.params["wait_timeout"], self.params["poll_interval"])
            self.result["verification"] = result(record, {})
        if record.status == REJECTED:
            raise ModuleError("%s is TWILIO_REJECTED: %s.%s" % (what, describe_rejection(record), self._after_rejection(record)),
                              status=REJECTED, error_code=record.error_code, rejection_reasons=record.rejection_reasons)

    @staticmethod
    def _after_rejection(record: Any) -> str:
        why = edit_refusal(record, {}, utc_now())
        if why is None:
            return " Correct the options Twilio names and run again with edit_reason (Twilio allows an edit until edit_expiration)."
        return " It cannot be edited (%s): set replace: true to submit a new one." % why
