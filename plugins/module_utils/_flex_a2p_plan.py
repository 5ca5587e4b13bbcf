# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The class of the module tendlc.twilio.flex_a2p_plan: every step of the flex_a2p role's plan, in one module run.

The steps, and when each runs, are those of the role's plan as its step files had them (one task per step):
numbers and routing when numbers are given (routing unless inbound_routing is none), and the toll-free verifications of
the toll-free ones among them (tollfree_verification_info) and, with tollfree_verification, each one's verification
(tollfree_verification in check mode, one step per number: tollfree_verifications); the service; the pool once the
service step has a result (the service's SID, or its name with plan_new_service while it is to be created); the brand
(from bundles) or the brand's read (by SID); the campaign once the service has a result and the brand a SID; the
external campaign link once the service has a result. Each step is its module's class (module_utils/_steps.py).

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any

from ansible.module_utils.basic import _load_params as raw_module_args
from ansible.module_utils.common.parameters import remove_values
from ansible_collections.tendlc.twilio.plugins.module_utils._a2p_brand import A2PBrand
from ansible_collections.tendlc.twilio.plugins.module_utils._a2p_brand_info import A2PBrandInfo
from ansible_collections.tendlc.twilio.plugins.module_utils._a2p_campaign import A2PCampaign
from ansible_collections.tendlc.twilio.plugins.module_utils._a2p_external_campaign import A2PExternalCampaign
from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._brand import brand_now
from ansible_collections.tendlc.twilio.plugins.module_utils._client import AUTH_ARGUMENT_SPEC
from ansible_collections.tendlc.twilio.plugins.module_utils._credentials import explain_refusal
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._flex_routing_info import FlexRoutingInfo
from ansible_collections.tendlc.twilio.plugins.module_utils._messaging_service import MessagingService
from ansible_collections.tendlc.twilio.plugins.module_utils._numbers import is_toll_free
from ansible_collections.tendlc.twilio.plugins.module_utils._phone_number_info import PhoneNumberInfo
from ansible_collections.tendlc.twilio.plugins.module_utils._sender_pool import SenderPool
from ansible_collections.tendlc.twilio.plugins.module_utils._steps import run_step, skipped
from ansible_collections.tendlc.twilio.plugins.module_utils._tollfree_verification import TollfreeVerification
from ansible_collections.tendlc.twilio.plugins.module_utils._tollfree_verification_info import TollfreeVerificationInfo

STEPS = ("numbers", "routing", "tollfree", "tollfree_verifications", "service", "pool", "brand", "brand_read", "campaign", "external_campaign",
         "account_numbers", "account_brands", "account_tollfree")
HEADERS = {"service": "messaging service", "pool": "sender pool", "brand": "A2P brand", "campaign": "A2P campaign",
           "external_campaign": "external A2P campaign link"}


class FlexA2PPlan(TwilioModule):
    argument_spec = {
        "phone_numbers": {"type": "list", "elements": "str", "default": []},
        "inbound_routing": {"type": "str", "choices": ["legacy", "conversations", "none"], "default": "none"},
        "messaging_service": {"type": "dict"},
        "sender_pool": {"type": "dict"},
        "a2p_brand": {"type": "dict"},
        "brand_sid": {"type": "str"},
        "a2p_campaign": {"type": "dict"},
        "a2p_external_campaign": {"type": "dict"},
        # its suboptions are the module's names (less the number, which the plan sets), unchecked here (the step checks them),
        # so that Ansible masks the personal data among them (no_log) from the start: in the module's invocation and in
        # the log of the host it runs on
        "tollfree_verification": {"type": "dict", "options": {
            name: {"type": "raw", "no_log": bool(option.get("no_log"))}
            for name, option in TollfreeVerification.argument_spec.items() if name != "phone_number"}},
        "audit": {"type": "bool", "default": False},
    }

    connect_error: ModuleError | None = None

    def connect(self) -> None:
        """A refusal of the credentials fails each step that runs, as it failed each step's own task (the plan goes on)."""
        try:
            super().connect()
        except ModuleError as exc:
            self.connect_error = explain_refusal(exc, self.params)
            return
        self.client.http_client.reads_cached = {}  # every step runs in check mode: nothing written, nothing read changes

    def execute(self) -> None:
        self._unmask_elsewhere()  # before any step: each step then masks its own no_log values in its own result
        self._raw = raw_module_args()  # the task's arguments as given (as _base.run reads them)
        self._auth = {name: self.params[name] for name in AUTH_ARGUMENT_SPEC if self.params.get(name) is not None}
        steps = {name: skipped("not asked for") for name in STEPS}
        numbers, routing = self.params["phone_numbers"], self.params["inbound_routing"]
        if numbers:
            steps["numbers"] = self._step(PhoneNumberInfo, {"phone_numbers": numbers})
            if routing != "none":
                steps["routing"] = self._step(FlexRoutingInfo, {"phone_numbers": numbers, "inbound_routing": routing})
            # toll-free numbers need a toll-free verification, not the campaign: their verification's state
            tollfree = [n["phone_number"] for n in steps["numbers"].get("phone_numbers") or [] if is_toll_free(n.get("phone_number"))]
            if tollfree:
                steps["tollfree"] = self._step(TollfreeVerificationInfo, {"phone_numbers": tollfree})
            if tollfree and self._tollfree_options():
                steps["tollfree_verifications"] = self._verifications(tollfree)
        service_sid = brand_sid = brand_status = ""
        if self.params["messaging_service"] is not None:
            service_sid, brand_sid, brand_status = self._service_steps(steps)
        if self.params["audit"]:
            steps["account_numbers"] = self._step(PhoneNumberInfo, {"include_account": True})
            steps["account_brands"] = self._step(A2PBrandInfo, {})
            steps["account_tollfree"] = self._step(TollfreeVerificationInfo, {})
        self.result.update(steps, service_sid=service_sid, brand_sid=brand_sid, brand_status=brand_status,
                           steps_changed=[name for name in STEPS if steps[name].get("changed")],
                           steps_failed=[name for name in STEPS if steps[name].get("failed")])
        self.result["changed"] = bool(self.result["steps_changed"])
        diffs = [{"before_header": HEADERS[name], "after_header": HEADERS[name], **steps[name]["diff"]}
                 for name in HEADERS if steps[name].get("changed") and isinstance(steps[name].get("diff"), dict)]
        for result in steps["tollfree_verifications"].get("results") or []:
            if result.get("changed") and isinstance(result.get("diff"), dict):
                header = "toll-free verification %s" % result["phone_number"]
                diffs.append({"before_header": header, "after_header": header, **result["diff"]})
        if diffs:
            self._diff = diffs  # type: ignore[assignment]  # Ansible shows a list of diffs one after the other

    def _service_steps(self, steps: dict[str, Any]) -> tuple[str, str, str]:
        """The service, pool, brand and campaign steps; the service's SID and the brand's SID and status."""
        service = steps["service"] = self._step(MessagingService, self.params["messaging_service"], "messaging_service")
        planned = "service" in service  # the service step has a result: the service as it is, or as it would be created
        service_sid = (service.get("service") or {}).get("sid") or ""
        target = {"service": service_sid or self.params["messaging_service"].get("friendly_name"), "plan_new_service": not service_sid}
        if planned and self.params["sender_pool"] is not None:
            steps["pool"] = self._step(SenderPool, {**self.params["sender_pool"], **target}, "sender_pool")
        registers = bool(self.params["a2p_brand"])
        if registers:
            steps["brand"] = self._step(A2PBrand, self.params["a2p_brand"], "a2p_brand")
        elif self.params["brand_sid"]:
            steps["brand_read"] = self._step(A2PBrandInfo, {"sid": self.params["brand_sid"]})
        brand = brand_now(steps["brand"], steps["brand_read"], registers, self.params["brand_sid"] or "")
        brand_sid, brand_status = brand["sid"], brand["status"]
        if planned and self.params["a2p_campaign"] and brand_sid:
            options = {**self.params["a2p_campaign"], **target, "brand_registration_sid": brand_sid, "wait": False}
            steps["campaign"] = self._step(A2PCampaign, options, "a2p_campaign")
        if planned and self.params["a2p_external_campaign"]:
            steps["external_campaign"] = self._step(A2PExternalCampaign, {**self.params["a2p_external_campaign"], **target}, "a2p_external_campaign")
        return service_sid, brand_sid, brand_status

    def _unmask_elsewhere(self) -> None:
        """The toll-free options' personal data (their no_log suboptions): Ansible masked it in what it logged at the
        module's start; in the result it is masked in the invocation and the toll-free steps only (_steps.run_step). A
        short value (a suite "5") masked in the whole result would garble every SID and number the role reads from it."""
        spec = TollfreeVerification.argument_spec
        personal = {str(value) for name, value in (self.params["tollfree_verification"] or {}).items()
                    if (spec.get(name) or {}).get("no_log") and isinstance(value, str) and value.strip()}
        personal -= {str(self.params.get(name)) for name in AUTH_ARGUMENT_SPEC if AUTH_ARGUMENT_SPEC[name].get("no_log")}
        if personal:
            self.result["invocation"] = {"module_args": remove_values(self.params, personal)}
            self.module.no_log_values.difference_update(personal)

    def _tollfree_options(self) -> dict[str, Any]:
        """The toll-free verification's options as given (Ansible sets the suboptions not given to None)."""
        return {name: value for name, value in (self.params["tollfree_verification"] or {}).items() if value is not None}

    def _verifications(self, numbers: list[str]) -> dict[str, Any]:
        """Step tollfree_verifications: each toll-free number's verification (tollfree_verification in check mode), with the
        number (E.164) in each result, failed or not."""
        given = self._tollfree_options()
        results = [{**self._step(TollfreeVerification, {**given, "phone_number": number}, "tollfree_verification"),
                    "phone_number": number} for number in numbers]
        return {"changed": any(r.get("changed") for r in results), "results": results}

    def _step(self, cls: Any, options: dict[str, Any], option: str | None = None) -> dict[str, Any]:
        """One step's result. C(option): this module's option that holds the step's own options, whose values as given
        are checked (a list or a mapping given for a text option is refused, as the step's own module does)."""
        if self.connect_error is not None:
            return {**self.connect_error.extra, "msg": self.connect_error.msg, "changed": False, "failed": True}
        given = self._raw.get(option) if option else None
        raw = {**options, **given} if isinstance(given, dict) else options
        return run_step(cls, options, self._auth, self.client, self.module, raw)
