# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The class of the module tendlc.twilio.a2p_brand: read, plan and apply (see the module's documentation).

It lives here, not in the module, so that tendlc.twilio.flex_a2p_plan can run it in its own process (module_utils/_steps.py).

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import (
    SOLE_PROPRIETOR, WAIT_OPTIONS, awaiting_otp, check_wait_options, list_brands, otp_resendable, send_otp, wait_for,
)
from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._brand import BRAND, IDENTITY, argument_spec, brand_result, current
from ansible_collections.tendlc.twilio.plugins.module_utils._client import call, create_once
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError


class A2PBrand(TwilioModule):
    argument_spec = {**argument_spec(), **WAIT_OPTIONS, "resend_otp": {"type": "bool", "default": False}}

    def validate(self) -> None:
        BRAND.check(self.params)
        if self.params["brand_type"] == "SOLE_PROPRIETOR" and self.params["skip_automatic_sec_vet"]:
            raise ModuleError("skip_automatic_sec_vet applies to STANDARD brands only, not brand_type=SOLE_PROPRIETOR.", field="skip_automatic_sec_vet")
        if self.params["brand_type"] != SOLE_PROPRIETOR and self.params["resend_otp"]:
            raise ModuleError("resend_otp applies to SOLE_PROPRIETOR brands only (their owner confirms a one-time code), not brand_type=%s."
                              % self.params["brand_type"], field="resend_otp")
        check_wait_options(self.params)

    def execute(self) -> None:
        matches = self._matching()
        if len(matches) > 1:
            sids = sorted(b.sid for b in matches)
            raise ModuleError("%d brands are registered for these two bundles (%s); this module cannot choose one." % (len(sids), ", ".join(sids)), sids=sids)
        self.result["adopted"] = bool(matches)
        self.result["otp_sent"] = False
        if matches:
            self._adopt(matches[0])
        else:
            self._create()

    def _matching(self) -> list[Any]:
        """The account's brands registered for the two bundles."""
        bundles = (self.params["customer_profile_bundle_sid"], self.params["a2p_profile_bundle_sid"])
        return [b for b in list_brands(self.client) if (b.customer_profile_bundle_sid, b.a2p_profile_bundle_sid) == bundles]

    def _adopt(self, brand: Any) -> None:
        now = current(brand)
        differ = {field: self.params[field] for field in IDENTITY if now[field] != self.params[field]}
        if differ:
            raise ModuleError("Brand %s for these bundles has %s; a brand's type and mock flag cannot change, and the API cannot delete brands."
                              % (brand.sid, "; ".join("%s=%r, wanted %r" % (f, now[f], v) for f, v in sorted(differ.items()))),
                              brand_sid=brand.sid)
        self.set_diff(before=now, after=now)
        self._resend_otp(brand)
        self.result["brand"] = brand_result(brand, {})
        self.result["brand"] = brand_result(self._wait(brand), {})

    def _create(self) -> None:
        sent = BRAND.wanted(self.params)  # the bundles, brand_type and mock (module defaults), skip_automatic_sec_vet if set
        self.mark_changed()
        self.set_diff(before={}, after={field: sent[field] for field in IDENTITY})
        self.result["brand"] = brand_result(None, sent)
        if self.check_mode:
            self.module.warn("An A2P brand would be registered for these bundles: registering a brand costs a fee (Twilio bills a one-time "
                             "registration fee, and a secondary vetting fee for a STANDARD brand without skip_automatic_sec_vet).")
            return
        # If Twilio may have registered it already (a reset or 5xx after sending), the brands are looked up by bundles first.
        brand = create_once(self.client, "register an A2P brand", lambda: next(iter(self._matching()), None),
                            self.client.messaging.v1.brand_registrations.create, **sent)
        self.result["brand"] = brand_result(brand, sent)  # registered, should the wait below fail
        self.result["brand"] = brand_result(self._wait(brand), sent)

    def _resend_otp(self, brand: Any) -> None:
        """With O(resend_otp), have Twilio text a new one-time code, once, to an APPROVED sole-proprietor brand still UNVERIFIED."""
        if not self.params["resend_otp"] or not otp_resendable(brand):
            return
        self.mark_changed()
        self.result["otp_sent"] = True
        if not self.check_mode:
            send_otp(self.client, brand.sid)

    def _wait(self, brand: Any) -> Any:
        """The brand once a campaign may use it (with O(wait)), else as it is: with a warning while it waits for its OTP."""
        if not self.params["wait"] or self.check_mode:
            holding = awaiting_otp(brand) if brand.status == "APPROVED" else None
            if holding:
                self.module.warn("A2P brand %s is APPROVED but %s." % (brand.sid, holding))
            return brand
        context = self.client.messaging.v1.brand_registrations(brand.sid)
        return wait_for("A2P brand %s" % brand.sid, lambda: call("fetch A2P brand %s" % brand.sid, context.fetch), lambda b: b.status,
                        ["APPROVED"], "FAILED", self.params["wait_timeout"], self.params["poll_interval"], held=awaiting_otp)
