#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: brand_vetting
short_description: Order or adopt the third-party vetting of a Twilio A2P 10DLC brand
version_added: 0.2.0
description:
  - Makes sure an A2P 10DLC brand (C(BN...)) has a vetting (C(VT...)) by a third-party provider - an Aegis secondary
    vetting, or the import of a Campaign Verify token for a 527 political organization. A vetting the brand already has
    for the provider is reported, whatever its status, and never ordered again; otherwise one is created. B(Twilio charges
    a fee for each vetting); in check mode the module warns that it would cost one and writes nothing.
  - The brand is read first; it must exist in the account, be C(APPROVED), and be a C(STANDARD) brand (Twilio's secondary
    and political vettings are not for V(SOLE_PROPRIETOR) brands). Every refusal comes before any write.
  - A vetting cannot be changed or deleted through the API. When the brand's vetting C(FAILED), the module warns (and with
    O(wait) fails) and says what to do; it never buys a second one. For Campaign Verify, get a new valid token for the same
    political entity (Twilio's error 21722) and import it once in the Twilio Console or with the Vettings API (Twilio allows
    one import in progress at a time, error 21723); for Aegis, review the brand's errors and ask Twilio Support.
  - A STANDARD brand registered without O(tendlc.twilio.a2p_brand#module:skip_automatic_sec_vet) was vetted by Twilio
    automatically at registration; whether that vetting shows in the brand's Vettings is not confirmed, so the module warns
    before ordering an Aegis vetting for such a brand.
extends_documentation_fragment:
  - tendlc.twilio.auth
  - tendlc.twilio.a2p_wait
options:
  brand_sid:
    description:
      - The SID (C(BN...)) of the A2P brand registration to vet. Use the credentials of the account that owns the brand.
    type: str
    required: true
  vetting_provider:
    description:
      - V(aegis) orders Twilio's secondary vetting by Aegis Mobile (vetting class C(STANDARD)).
      - V(campaign-verify) imports a Campaign Verify token (vetting class C(POLITICAL)); it needs O(vetting_id).
    type: str
    choices: [campaign-verify, aegis]
    default: aegis
  vetting_id:
    description:
      - The provider's vetting ID; for V(campaign-verify) the whole Campaign Verify token exactly as issued, with all its
        pipe-delimited fields (C(cv|1.0|...)). Required with V(campaign-verify), optional with V(aegis).
      - A secret - it is never shown in the result, the diff or a message, and never compared with the vetting that exists.
    type: str
  wait:
    description:
      - Poll until the vetting's C(vetting_status) is final. Succeeds on C(SUCCESS); fails on C(FAILED) - also when the
        brand's existing vetting has failed - saying what to do, and at O(wait_timeout) with the last status.
        Never waits in check mode.
    type: bool
    default: false
attributes:
  check_mode:
    support: full
    description: Reports whether a vetting would be ordered (and warns that it costs a fee), without writing or waiting.
  diff_mode:
    support: full
    description: Returns the brand and provider of the vetting before and after; never the vetting ID.
seealso:
  - module: tendlc.twilio.a2p_brand
  - name: Vettings subresource
    description: Twilio's reference of A2P 10DLC brand vettings.
    link: https://www.twilio.com/docs/messaging/api/brand-vetting-resource
  - name: Secondary Vetting for A2P 10DLC
    description: Twilio's article on the automatic secondary vetting of standard brands and its fee.
    link: https://support.twilio.com/hc/en-us/articles/4403988619163-Secondary-Vetting-for-A2P-10DLC
"""

EXAMPLES = r"""
- name: What a secondary vetting of the brand would do, without ordering it (no fee)
  tendlc.twilio.brand_vetting:
    brand_sid: BN0123456789abcdef0123456789abcdef
  check_mode: true
  register: planned_vetting  # warns that a vetting costs a fee when one would be ordered

- name: The secondary vetting of a low-volume standard brand, ordered once, waited for
  tendlc.twilio.brand_vetting:
    brand_sid: BN0123456789abcdef0123456789abcdef
    vetting_provider: aegis
    wait: true
    wait_timeout: 1800
  register: vetting

- name: Import the Campaign Verify token of a 527 political organization
  tendlc.twilio.brand_vetting:
    brand_sid: BN0123456789abcdef0123456789abcdef
    vetting_provider: campaign-verify
    vetting_id: "{{ vault_campaign_verify_token }}"
"""

RETURN = r"""
vetting:
  description:
    - The brand's vetting by the provider as Twilio returns it (the newest, when there are several), without C(vetting_id).
    - In check mode, when a vetting would be ordered, what Twilio would hold once it creates it - the same keys less those
      only Twilio assigns (C(brand_vetting_sid), C(account_sid), C(date_created), C(date_updated), C(url)) - with
      C(vetting_status) C(PENDING) and the provider's C(vetting_class).
  returned: always
  type: dict
  sample:
    brand_vetting_sid: VT0123456789abcdef0123456789abcdef
    brand_sid: BN0123456789abcdef0123456789abcdef
    vetting_provider: aegis
    vetting_class: STANDARD
    vetting_status: SUCCESS
created:
  description: Whether a vetting was ordered by this run (in check mode, would be).
  returned: always
  type: bool
  sample: false
"""

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import WAIT_OPTIONS, check_wait_options, fetch_brand, wait_for
from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._client import call, create_once
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._vetting import (
    AFTER_FAILURE, FAILED, FINAL, VETTING, argument_spec, cautions, check_options, newest_vetting, refusal, vetting_result,
)


class BrandVetting(TwilioModule):
    argument_spec = {**argument_spec(), **WAIT_OPTIONS}

    def validate(self) -> None:
        check_options(self.params)
        check_wait_options(self.params)

    def execute(self) -> None:
        sid, provider = self.params["brand_sid"], self.params["vetting_provider"]
        brand = fetch_brand(self.client, sid)
        if brand is None:
            raise ModuleError("A2P brand %s does not exist in this account (use the credentials of the account that owns it)." % sid, brand_sid=sid)
        why = refusal(brand)
        if why:
            raise ModuleError("A2P brand %s cannot be vetted: %s." % (sid, why), brand_sid=sid, status=brand.status)
        identity = {"brand_sid": sid, "vetting_provider": provider}
        existing = newest_vetting(self.client, sid, provider)
        self.result["created"] = existing is None
        if existing is not None:
            self.set_diff(before=identity, after=identity)
            self._report(existing)
        else:
            self.set_diff(before={}, after=identity)
            self._create(brand)

    def _report(self, vetting: Any) -> None:
        self.result["vetting"] = vetting_result(vetting, {})
        if vetting.vetting_status == FAILED and not self.params["wait"]:
            self.module.warn("%s: %s." % (self._failed(vetting), AFTER_FAILURE[vetting.vetting_provider]))
        self._wait(vetting)

    def _create(self, brand: Any) -> None:
        sent = VETTING.wanted(self.params)
        provider = sent["vetting_provider"]
        for caution in cautions(brand, provider):
            self.module.warn(caution)
        self.mark_changed()
        self.result["vetting"] = vetting_result(None, sent)
        if self.check_mode:
            self.module.warn("A vetting of A2P brand %s by %s would be ordered: a vetting costs a fee (Twilio bills each one)." % (brand.sid, provider))
            return
        vettings = self.client.messaging.v1.brand_registrations(brand.sid).brand_vettings
        # If Twilio may have created it already (a reset or 5xx after sending), the brand's vettings are looked up first.
        vetting = create_once(self.client, "order a %s vetting of A2P brand %s" % (provider, brand.sid),
                              lambda: newest_vetting(self.client, brand.sid, provider),
                              vettings.create, **{key: value for key, value in sent.items() if key != "brand_sid"})
        self.result["vetting"] = vetting_result(vetting, sent)  # ordered, should the wait below fail
        self._wait(vetting)

    def _wait(self, vetting: Any) -> Any:
        """The vetting once its status is final (with O(wait)), else as it is; FAILED fails the wait, saying what to do."""
        if not self.params["wait"] or self.check_mode:
            return vetting
        if vetting.vetting_status not in FINAL:
            context = self.client.messaging.v1.brand_registrations(self.params["brand_sid"]).brand_vettings(vetting.brand_vetting_sid)
            what = "A2P brand vetting %s" % vetting.brand_vetting_sid
            vetting = wait_for(what, lambda: call("fetch %s" % what, context.fetch), lambda v: v.vetting_status, list(FINAL), FAILED,
                               self.params["wait_timeout"], self.params["poll_interval"])
            self.result["vetting"] = vetting_result(vetting, {})
        if vetting.vetting_status == FAILED:
            raise ModuleError("%s: %s." % (self._failed(vetting), AFTER_FAILURE[vetting.vetting_provider]), status=FAILED)
        return vetting

    @staticmethod
    def _failed(vetting: Any) -> str:
        """What Twilio says of a failed vetting: its record holds only the status and the class, no reason."""
        return ("A2P brand vetting %s of brand %s by %s (class %s) is FAILED; the vetting record gives no reason"
                % (vetting.brand_vetting_sid, vetting.brand_sid, vetting.vetting_provider, vetting.vetting_class))


def main() -> None:
    module = BrandVetting.define_module()
    BrandVetting(module).run()


if __name__ == "__main__":
    main()
