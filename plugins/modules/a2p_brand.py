#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: a2p_brand
short_description: Register or adopt a Twilio A2P 10DLC brand
version_added: 0.1.0
description:
  - Makes sure the account has an A2P 10DLC brand registration (C(BN...)) for a customer profile bundle and an A2P
    profile bundle (both C(BU...), from Twilio's Trust Hub). A brand the account already has for the same two bundles
    is adopted, never registered twice; otherwise a new brand is registered (Twilio charges a fee for each). In check mode,
    when a brand would be registered, the module warns that registering a brand costs a fee.
  - Twilio's API cannot delete a brand, so this module has no C(state) option; delete brands in the Twilio Console.
  - A brand's type and mock flag cannot change after registration; asking for others fails and names the brand.
extends_documentation_fragment:
  - tendlc.twilio.auth
  - tendlc.twilio.a2p_wait
attributes:
  check_mode:
    support: full
    description: Reports whether a brand would be registered, without writing or waiting.
  diff_mode:
    support: full
    description: Returns the brand's managed fields before and after.
options:
  customer_profile_bundle_sid:
    description:
      - The SID (C(BU...)) of the approved Secondary Customer Profile bundle of the business.
    type: str
    required: true
  a2p_profile_bundle_sid:
    description:
      - The SID (C(BU...)) of the A2P Messaging Profile (TrustProduct) bundle.
    type: str
    required: true
  brand_type:
    description:
      - V(STANDARD) for businesses (a low-volume standard brand is V(STANDARD) with O(skip_automatic_sec_vet=true));
        V(SOLE_PROPRIETOR) for individuals without a tax ID (one campaign, one number).
    type: str
    choices: [STANDARD, SOLE_PROPRIETOR]
    default: STANDARD
  skip_automatic_sec_vet:
    description:
      - Skip the automatic secondary vetting of a standard brand (low-volume standard brands). Sent only at registration.
    type: bool
  mock:
    description:
      - Register a mock brand for testing; its campaigns cannot send messages.
    type: bool
    default: false
  wait:
    description:
      - Poll until the brand is what a campaign needs, C(APPROVED) and, for a V(SOLE_PROPRIETOR) brand, C(identity_status)
        C(VERIFIED). Fails at once when it is C(FAILED), with Twilio's errors, and at O(wait_timeout) with the last status.
        Never waits in check mode.
      - A sole-proprietor brand is C(APPROVED) with C(identity_status) C(UNVERIFIED) until its owner confirms the one-time
        code (OTP) Twilio texts to the mobile number registered with the brand, by replying C(YES) to that text within 24
        hours (Twilio's error 30752); Twilio refuses campaigns under it until then (error 30991). While the brand is in that
        state, the wait, and its timeout message, say "waiting for the OTP" and what the owner must do; a new code can be
        sent with O(resend_otp), from the Twilio Console or with the BrandRegistrations SmsOtp API. Without O(wait), the
        module warns about it.
    type: bool
    default: false
  resend_otp:
    description:
      - For a V(SOLE_PROPRIETOR) brand that is C(APPROVED) with C(identity_status) C(UNVERIFIED), ask Twilio to text a new
        one-time code to the mobile number registered with the brand (C(POST .../BrandRegistrations/{BN}/SmsOtp)), once per
        run, reported as a change; then, with O(wait), wait for C(VERIFIED). Use it when the code expired (after 24 hours)
        or never arrived. Each run with it set sends a new code while the brand is unverified, so set it only when one is
        needed.
      - Sends nothing for a brand that is not C(APPROVED) yet (Twilio texts the first code when it approves the brand) or
        already C(VERIFIED), and nothing in check mode (it reports the change it would make). Only for
        O(brand_type=SOLE_PROPRIETOR).
    type: bool
    default: false
    version_added: 0.2.0
seealso:
  - module: tendlc.twilio.a2p_brand_info
  - module: tendlc.twilio.a2p_campaign
  - name: BrandRegistration resource
    description: Twilio's reference of A2P brand registrations.
    link: https://www.twilio.com/docs/messaging/api/brand-registration-resource
"""

EXAMPLES = r"""
- name: The contact center's brand, registered once and approved
  tendlc.twilio.a2p_brand:
    customer_profile_bundle_sid: BU0123456789abcdef0123456789abcdef
    a2p_profile_bundle_sid: BUfedcba9876543210fedcba9876543210
    wait: true
    wait_timeout: 1800
  register: brand

- name: Use it for the campaign
  ansible.builtin.debug:
    msg: "{{ brand.brand.sid }} is {{ brand.brand.status }}"

- name: What registering a sole-proprietor brand would give, without registering it (no fee)
  tendlc.twilio.a2p_brand:
    customer_profile_bundle_sid: BU0123456789abcdef0123456789abcdef
    a2p_profile_bundle_sid: BUfedcba9876543210fedcba9876543210
    brand_type: SOLE_PROPRIETOR
  check_mode: true
  register: planned_brand  # planned_brand.brand.status is PENDING; it has no sid until Twilio registers it

- name: The code expired - text the sole proprietor a new one and wait until they reply YES
  tendlc.twilio.a2p_brand:
    customer_profile_bundle_sid: BU0123456789abcdef0123456789abcdef
    a2p_profile_bundle_sid: BUfedcba9876543210fedcba9876543210
    brand_type: SOLE_PROPRIETOR
    resend_otp: true
    wait: true
    wait_timeout: 3600
"""

RETURN = r"""
brand:
  description:
    - The brand registration as Twilio returns it, with C(status), C(identity_status), C(errors) and C(failure_reason).
    - In check mode, when a brand would be registered, what Twilio would hold once it registers it - the same keys as a
      registered brand but those only Twilio assigns (C(sid), C(account_sid), C(date_created), C(date_updated), C(url),
      C(links)) - with the options sent (or Twilio's defaults), C(status) C(PENDING), C(errors) empty and the fields Twilio
      fills in later null.
  returned: always
  type: dict
  sample:
    sid: BN0123456789abcdef0123456789abcdef
    customer_profile_bundle_sid: BU0123456789abcdef0123456789abcdef
    a2p_profile_bundle_sid: BUfedcba9876543210fedcba9876543210
    brand_type: STANDARD
    status: APPROVED
    identity_status: VERIFIED
    mock: false
    errors: []
adopted:
  description: Whether an existing brand with the same bundles was found and used.
  returned: always
  type: bool
  sample: true
otp_sent:
  description: Whether O(resend_otp) had Twilio text a new one-time code to the brand's owner in this run (in check mode, would have).
  returned: always
  type: bool
  sample: false
  version_added: 0.2.0
"""

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


def main() -> None:
    module = A2PBrand.define_module()
    A2PBrand(module).run()


if __name__ == "__main__":
    main()
