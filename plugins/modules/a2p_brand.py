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

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p_brand import A2PBrand


def main() -> None:
    module = A2PBrand.define_module()
    A2PBrand(module).run()


if __name__ == "__main__":
    main()
