#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: customer_profile
short_description: Build, submit and follow a Twilio Trust Hub secondary customer profile
version_added: 0.2.0
description:
  - Makes sure the account has a secondary customer profile (a Trust Hub bundle, C(BU...), policy
    C(RNdfbf3fae0e1107f8aded0e7cead80bf5)) for a business, as Twilio's ISV onboarding guide builds it for A2P 10DLC
    brands - the business information, one or two authorized representatives, the business address with its supporting
    document, and the ISV's primary customer profile, all assigned to the profile; then evaluates it against its policy,
    submits it for Twilio's review and, with O(wait), waits for the result.
  - The profile is found by O(friendly_name) and O(email) among the account's secondary customer profiles (an exact
    match of both); several matches fail and list their SIDs. Its parts are named after the profile
    (C(<friendly_name> - business information), C(<friendly_name> - authorized representative 1), C(<friendly_name> - address),
    ...) and found through the profile's entity assignments first, then by that name, so a run interrupted halfway is
    resumed without creating any part twice.
  - Changes are written only while the profile is C(draft) or C(twilio-rejected), when Twilio accepts them. While it is
    C(pending-review), C(in-review) or C(twilio-approved), a difference fails, naming the fields (never their values), and
    nothing is written.
  - Nothing is submitted before the whole profile is evaluated C(compliant); a C(noncompliant) evaluation fails and lists
    each failing requirement and field with Twilio's reason. A C(twilio-rejected) profile with nothing changed fails with
    Twilio's errors; with changes it is updated, evaluated and submitted again.
  - Twilio's API can delete a profile, but this module has no C(state) option; delete profiles in the Twilio Console.
extends_documentation_fragment:
  - tendlc.twilio.auth
  - tendlc.twilio.trusthub_bundle
options:
  primary_profile_sid:
    description:
      - The SID (C(BU...)) of the ISV's C(twilio-approved) primary customer profile (made in the Twilio Console), assigned to
        this profile. It must be readable with these credentials, as Twilio's prerequisite is "a Primary Customer Profile in the
        twilio-approved state created in the same account" ("API - Create a Secondary Customer Profile"), so one these
        credentials cannot read (a typo, another account's) fails before anything is written.
    type: str
    required: true
  business:
    description:
      - The business information (end user C(customer_profile_business_information)). Accepted values from Twilio's
        "API - Create a Secondary Customer Profile" (Business registration data).
    type: dict
    required: true
    suboptions:
      business_name:
        description: The legal name of the business, as registered with its registration authority.
        type: str
        required: true
      business_type:
        description: The legal form of the business.
        type: str
        required: true
        choices: [Sole Proprietorship, Partnership, Limited Liability Corporation, Co-operative, Non-profit Corporation, Corporation]
      business_industry:
        description: The industry of the business.
        type: str
        required: true
        choices: [AGRICULTURE, AUTOMOTIVE, BANKING, CONSUMER, EDUCATION, ELECTRONICS, ENERGY, ENGINEERING, FAST_MOVING_CONSUMER_GOODS,
                  FINANCIAL, FINTECH, FOOD_AND_BEVERAGE, GOVERNMENT, HEALTHCARE, HOSPITALITY, INSURANCE, JEWELRY, LEGAL,
                  MANUFACTURING, MEDIA, NOT_FOR_PROFIT, OIL_AND_GAS, ONLINE, RAW_MATERIALS, REAL_ESTATE, RELIGION, RETAIL,
                  TECHNOLOGY, TELECOMMUNICATIONS, TRANSPORTATION, TRAVEL]
      business_registration_identifier:
        description: The kind of registration number (V(EIN) in the US, V(CBN) in Canada, ...).
        type: str
        required: true
        choices: [EIN, CBN, CN, ACN, CIN, VAT, VATRN, RN, Other]
      business_registration_number:
        description: The registration number (the EIN in the US). Never shown in results, diffs or messages.
        type: str
        required: true
      business_identity:
        description: V(direct_customer) for a business sending its own messages, V(isv_reseller_or_partner) for an ISV.
        type: str
        required: true
        choices: [direct_customer, isv_reseller_or_partner, unknown]
      business_regions_of_operation:
        description:
          - Where the business operates, one or more of C(AFRICA), C(ASIA), C(EUROPE), C(LATIN_AMERICA), C(USA_AND_CANADA),
            C(AUSTRALIA) (each once). Sent to Twilio as one text, joined with commas.
        type: list
        elements: str
        required: true
      website_url:
        description: The business's website, an absolute http(s) URL.
        type: str
        required: true
      social_media_profile_urls:
        description: The business's social media profiles (optional), as one text.
        type: str
  representatives:
    description:
      - One or two authorized representatives of the business (end users C(authorized_representative_1) and C(_2)), in that
        order. Twilio may contact them to confirm the business. Their names, emails and phone numbers are never shown.
      - A representative assigned to the profile but not listed is left as it is.
    type: list
    elements: dict
    required: true
    suboptions:
      first_name:
        description: First name.
        type: str
        required: true
      last_name:
        description: Last name.
        type: str
        required: true
      email:
        description: Email address.
        type: str
        required: true
      phone_number:
        description: Phone number in E.164 form (C(+) country code and number).
        type: str
        required: true
      business_title:
        description: Title in the business.
        type: str
        required: true
      job_position:
        description: Position.
        type: str
        required: true
        choices: [Director, GM, VP, CEO, CFO, General Counsel, Other]
  address:
    description:
      - The business's physical address (an account address, C(AD...), with a supporting document C(customer_profile_address)
        pointing at it). Twilio accepts no PO box. The street is never shown.
      - Kept as given (sent with C(AutoCorrectAddress=false)), so that the next run compares it with what was sent.
    type: dict
    required: true
    suboptions:
      customer_name:
        description: The name at the address (the business name).
        type: str
        required: true
      street:
        description: Number and street.
        type: str
        required: true
      street_secondary:
        description: Suite, floor, ...
        type: str
      city:
        description: City.
        type: str
        required: true
      region:
        description: State or region.
        type: str
        required: true
      postal_code:
        description: Postal code.
        type: str
        required: true
      iso_country:
        description: ISO 3166-1 alpha-2 country code. Cannot change once the address exists.
        type: str
        default: US
seealso:
  - module: tendlc.twilio.trust_product
  - module: tendlc.twilio.a2p_brand
  - name: API - Create a Secondary Customer Profile
    description: Twilio's steps and accepted values.
    link: https://www.twilio.com/docs/trust-hub/trusthub-rest-api/api-create-secondary-customer-profile
  - name: A2P 10DLC onboarding guide for ISVs
    description: The whole flow, profile to campaign.
    link: https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api
"""

EXAMPLES = r"""
- name: The business's secondary customer profile, built and submitted
  tendlc.twilio.customer_profile:
    friendly_name: Acme Plumbing
    email: compliance@example.com
    primary_profile_sid: BU0123456789abcdef0123456789abcdef
    business:
      business_name: Acme Plumbing LLC
      business_type: Limited Liability Corporation
      business_industry: CONSUMER
      business_registration_identifier: EIN
      business_registration_number: "{{ vault_acme_ein }}"
      business_identity: direct_customer
      business_regions_of_operation: [USA_AND_CANADA]
      website_url: https://acme.example.com
    representatives:
      - first_name: "{{ vault_acme_rep.first_name }}"
        last_name: "{{ vault_acme_rep.last_name }}"
        email: "{{ vault_acme_rep.email }}"
        phone_number: "{{ vault_acme_rep.phone }}"
        business_title: Owner
        job_position: CEO
    address:
      customer_name: Acme Plumbing LLC
      street: "{{ vault_acme_street }}"
      city: Springfield
      region: IL
      postal_code: "62701"
  register: profile

- name: Its status
  ansible.builtin.debug:
    msg: "{{ profile.customer_profile.sid }} is {{ profile.customer_profile.status }}"
"""

RETURN = r"""
customer_profile:
  description:
    - The profile as Twilio returns it, without its email (and links). In check mode, a profile that would be created has
      status C(draft) and no C(sid).
  returned: always
  type: dict
  sample:
    sid: BU0123456789abcdef0123456789abcdef
    account_sid: AC0123456789abcdef0123456789abcdef
    policy_sid: RNdfbf3fae0e1107f8aded0e7cead80bf5
    friendly_name: Acme Plumbing
    status: pending-review
    valid_until: null
    status_callback: null
    errors: null
    date_created: "2026-12-01T10:00:00Z"
    date_updated: "2026-12-01T10:00:00Z"
    url: https://trusthub.twilio.com/v1/CustomerProfiles/BU0123456789abcdef0123456789abcdef
entities:
  description:
    - The SID of each part, by role (null for a part check mode would create).
  returned: always
  type: dict
  sample:
    business_information: IT0123456789abcdef0123456789abcdef
    authorized_representative_1: IT1123456789abcdef0123456789abcdef
    address: AD0123456789abcdef0123456789abcdef
    supporting_document: RD0123456789abcdef0123456789abcdef
    primary_profile: BU1123456789abcdef0123456789abcdef
evaluation:
  description:
    - The evaluation the submission rests on (or, in check mode, the latest one), null when none was needed or made.
    - C(failures) lists each failing requirement and field with Twilio's reason and error code.
  returned: always
  type: dict
  sample:
    sid: EL0123456789abcdef0123456789abcdef
    status: compliant
    failures: []
submitted:
  description: Whether this run submitted the profile for review (in check mode, whether it would).
  returned: always
  type: bool
  sample: true
"""

from ansible_collections.tendlc.twilio.plugins.module_utils._bundle import PROFILE, BundleModule, Part, bundle_spec, fetch_bundle, part_name
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._trusthub import (
    ADDRESS, ADDRESS_DOCUMENT, APPROVED, BUSINESS, BUSINESS_INFORMATION, REPRESENTATIVE, REPRESENTATIVE_TYPES, SECONDARY_PROFILE_POLICY,
    sub_spec,
)
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import check_sid


class CustomerProfile(BundleModule):
    kind = PROFILE
    argument_spec = bundle_spec(PROFILE, "primary_profile_sid", business={"type": "dict", "required": True, "options": sub_spec(BUSINESS)},
                                representatives={"type": "list", "elements": "dict", "required": True, "options": sub_spec(REPRESENTATIVE)},
                                address={"type": "dict", "required": True, "options": sub_spec(ADDRESS, {"iso_country": "US"})})

    def validate(self) -> None:
        super().validate()
        check_sid("primary_profile_sid", self.params["primary_profile_sid"], "BU")
        BUSINESS.check(self.params["business"], "business.")
        representatives = self.params["representatives"]
        if not 1 <= len(representatives) <= len(REPRESENTATIVE_TYPES):
            raise ModuleError("representatives must hold 1 or 2 authorized representatives, got %d." % len(representatives), field="representatives")
        for index, representative in enumerate(representatives):
            REPRESENTATIVE.check(representative, "representatives[%d]." % index)
        ADDRESS.check(self.params["address"], "address.")

    def prerequisites(self) -> None:
        sid = self.params["primary_profile_sid"]
        primary = fetch_bundle(self.client, "customer_profiles", sid, "primary customer profile")
        if primary is None:
            # Twilio's prerequisite: the primary profile is in the same account (a parent account's one is *unconfirmed*).
            raise ModuleError("primary_profile_sid %s: this account has no such customer profile (Twilio needs a twilio-approved primary "
                              "profile in the same account); nothing was written." % sid, field="primary_profile_sid")
        if primary.policy_sid == SECONDARY_PROFILE_POLICY:
            raise ModuleError("primary_profile_sid %s is a secondary customer profile, not a primary one." % sid, field="primary_profile_sid")
        if primary.status != APPROVED:
            raise ModuleError("Primary customer profile %s is %s; a secondary profile needs a twilio-approved one." % (sid, primary.status),
                              field="primary_profile_sid", status=primary.status)

    def parts(self) -> list[Part]:
        name = self.params["friendly_name"]
        found = [Part("business_information", "end_user", "business", BUSINESS_INFORMATION, part_name(name, " - business information"), BUSINESS,
                      self.params["business"])]
        pairs = enumerate(zip(REPRESENTATIVE_TYPES, self.params["representatives"]))
        found += [Part(kind, "end_user", "representatives[%d]" % index, kind, part_name(name, " - authorized representative %d" % (index + 1)),
                       REPRESENTATIVE, representative) for index, (kind, representative) in pairs]
        found.append(Part("address", "address", "address", name=part_name(name, " - address"), table=ADDRESS, wanted=self.params["address"]))
        found.append(Part("supporting_document", "document", "address document", ADDRESS_DOCUMENT, part_name(name, " - address document")))
        found.append(Part("primary_profile", "bundle", "primary_profile_sid", sid=self.params["primary_profile_sid"]))
        return found


def main() -> None:
    module = CustomerProfile.define_module()
    CustomerProfile(module).run()


if __name__ == "__main__":
    main()
