#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: trust_product
short_description: Build, submit and follow a Twilio Trust Hub A2P messaging profile (trust product)
version_added: 0.2.0
description:
  - Makes sure the account has an A2P messaging profile (a Trust Hub trust product, C(BU...), policy
    C(RNb0d4771c2c98518d916a3d4cd70a8f8b)) for a business, as Twilio's ISV onboarding guide builds it for A2P 10DLC
    brands - the end user C(us_a2p_messaging_profile_information) and the business's secondary customer profile, both
    assigned to it; then evaluates it against its policy, submits it for Twilio's review and, with O(wait), waits for the result.
  - The secondary customer profile (O(customer_profile_sid)) is read before any write; it must be a secondary profile
    of this account that has been submitted (not C(draft)), as Twilio's evaluation of the trust product needs it.
  - The trust product is found by O(friendly_name) and O(email) among the account's A2P trust products (an exact match of
    both); several matches fail and list their SIDs. Its end user is named C(<friendly_name> - messaging profile information)
    and found through the trust product's entity assignments first, then by that name, so an interrupted run is resumed
    without creating it twice.
  - Changes are written only while the trust product is C(draft) or C(twilio-rejected). While it is C(pending-review),
    C(in-review) or C(twilio-approved), a difference fails, naming the fields (never their values), and nothing is written.
  - Nothing is submitted before the trust product is evaluated C(compliant); a C(noncompliant) evaluation fails and lists
    each failing requirement and field. A C(twilio-rejected) trust product with nothing changed fails with Twilio's errors.
extends_documentation_fragment:
  - tendlc.twilio.auth
  - tendlc.twilio.trusthub_bundle
options:
  customer_profile_sid:
    description:
      - The SID (C(BU...)) of the business's secondary customer profile (M(tendlc.twilio.customer_profile)), assigned to
        the trust product.
    type: str
    required: true
  company_type:
    description:
      - The kind of company. V(non_profit) for non-profits and V(government) for government organizations, as Twilio's
        A2P 10DLC page on those registrations says.
    type: str
    required: true
    choices: [public, private, non_profit, government]
  stock_exchange:
    description:
      - The stock exchange of a public company (such as C(NASDAQ) or C(NYSE)). Required when O(company_type=public).
    type: str
  stock_ticker:
    description:
      - The stock ticker of a public company. Required when O(company_type=public).
    type: str
  brand_contact_email:
    description:
      - An email address for the brand's contact (Twilio's guide lists it; whether Twilio requires it is not confirmed). Never shown.
    type: str
seealso:
  - module: tendlc.twilio.customer_profile
  - module: tendlc.twilio.a2p_brand
  - name: A2P 10DLC onboarding guide for ISVs
    description: The whole flow, profile to campaign.
    link: https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api
"""

EXAMPLES = r"""
- name: The business's A2P messaging profile, once its customer profile is submitted
  tendlc.twilio.trust_product:
    friendly_name: Acme Plumbing A2P
    email: compliance@example.com
    customer_profile_sid: "{{ profile.customer_profile.sid }}"
    company_type: private
  register: a2p

- name: A public company
  tendlc.twilio.trust_product:
    friendly_name: Example Corp A2P
    email: compliance@example.com
    customer_profile_sid: BU0123456789abcdef0123456789abcdef
    company_type: public
    stock_exchange: NASDAQ
    stock_ticker: EXMP
    wait: true
"""

RETURN = r"""
trust_product:
  description:
    - The trust product as Twilio returns it, without its email (and links). In check mode, one that would be created has
      status C(draft) and no C(sid).
  returned: always
  type: dict
  sample:
    # A rejected one: errors holds Twilio's codes (see https://www.twilio.com/docs/errors/<code>).
    {sid: BU2123456789abcdef0123456789abcdef, account_sid: AC0123456789abcdef0123456789abcdef,
     policy_sid: RNb0d4771c2c98518d916a3d4cd70a8f8b, friendly_name: Acme Plumbing A2P, status: twilio-rejected,
     errors: [{code: 18601}], valid_until: null, status_callback: "https://hooks.example.com/trusthub",
     date_created: "2026-12-01T10:00:00Z", date_updated: "2026-12-03T16:20:00Z",
     url: "https://trusthub.twilio.com/v1/TrustProducts/BU2123456789abcdef0123456789abcdef"}
entities:
  description:
    - C(messaging_profile_information), the SID (C(IT...)) of the end user C(us_a2p_messaging_profile_information) (null when
      check mode would create it), and C(customer_profile), the secondary customer profile assigned.
  returned: always
  type: dict
  sample: {messaging_profile_information: IT2123456789abcdef0123456789abcdef, customer_profile: BU0123456789abcdef0123456789abcdef}
evaluation:
  description:
    - The evaluation (C(EL...)) against the A2P policy that the submission rests on; in check mode the latest one; null when
      none was needed. C(failures) has one entry per failing requirement and field (C(requirement), C(field), C(reason),
      C(error_code)); a failing evaluation fails the task, with this in its result.
  returned: always
  type: dict
  sample:
    sid: EL1123456789abcdef0123456789abcdef
    status: noncompliant
    failures:
      - {requirement: Customer Profile, field: null, reason: A Customer Profile is missing., error_code: 22214}
submitted:
  description: Whether this run submitted the trust product for review (in check mode, whether it would).
  returned: always
  type: bool
  sample: true
"""

from ansible_collections.tendlc.twilio.plugins.module_utils._bundle import PRODUCT, BundleModule, Part, bundle_spec, fetch_bundle, part_name
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._trusthub import (
    DRAFT, MESSAGING_PROFILE, MESSAGING_PROFILE_INFORMATION, SECONDARY_PROFILE_POLICY, sub_spec,
)
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import check_sid


class TrustProduct(BundleModule):
    kind = PRODUCT
    argument_spec = bundle_spec(PRODUCT, "customer_profile_sid", **sub_spec(MESSAGING_PROFILE))
    required_if = [("company_type", "public", ("stock_exchange", "stock_ticker"))]

    def validate(self) -> None:
        super().validate()
        check_sid("customer_profile_sid", self.params["customer_profile_sid"], "BU")
        MESSAGING_PROFILE.check(self.params)

    def prerequisites(self) -> None:
        sid = self.params["customer_profile_sid"]
        profile = fetch_bundle(self.client, "customer_profiles", sid, "customer profile")
        if profile is None:
            raise ModuleError("customer_profile_sid %s: this account has no such customer profile." % sid, field="customer_profile_sid")
        if profile.policy_sid != SECONDARY_PROFILE_POLICY or profile.account_sid != self.params["account_sid"]:
            raise ModuleError("customer_profile_sid %s is not a secondary customer profile of account %s (policy %s, account %s)."
                              % (sid, self.params["account_sid"], profile.policy_sid, profile.account_sid), field="customer_profile_sid")
        if profile.status == DRAFT:
            raise ModuleError("Customer profile %s is draft: submit it first (tendlc.twilio.customer_profile with submit: true); the trust "
                              "product's evaluation needs it submitted." % sid, field="customer_profile_sid", status=profile.status)

    def parts(self) -> list[Part]:
        wanted = {option: self.params[option] for option in MESSAGING_PROFILE.options()}
        return [
            Part("messaging_profile_information", "end_user", "", MESSAGING_PROFILE_INFORMATION,
                 part_name(self.params["friendly_name"], " - messaging profile information"), MESSAGING_PROFILE, wanted),
            Part("customer_profile", "bundle", "customer_profile_sid", sid=self.params["customer_profile_sid"]),
        ]


def main() -> None:
    module = TrustProduct.define_module()
    TrustProduct(module).run()


if __name__ == "__main__":
    main()
