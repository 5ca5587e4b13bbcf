#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: tollfree_verification
short_description: Submit, edit or delete the toll-free verification of a Twilio toll-free number
version_added: 0.3.0
description:
  - Makes sure a toll-free number of the account (+1 800, 833, 844, 855, 866, 877 or 888) has a toll-free verification
    (C(HH...), messaging v1 C(Tollfree/Verifications)) holding the options given. A toll-free number cannot send messages
    in the US and Canada until its verification is C(TWILIO_APPROVED); A2P 10DLC does not cover it.
  - The number is given in E.164 or as its C(PN...) SID; it must be a toll-free number the account owns. Its verification
    is found by the number (one per number; more than one fails, naming them).
  - None found - one is created (a review by Twilio and the carriers starts). Found and equal - nothing is sent. Found and
    different - it is edited only while Twilio allows it - a C(TWILIO_REJECTED) verification whose C(edit_allowed) is true
    and whose C(edit_expiration) has not passed (Twilio's error 30437 - seven days after the rejection) - with
    O(edit_reason). Otherwise the module fails naming each differing field with its current and wanted value (personal data
    not shown) and what can be done.
  - Twilio's documented way when a verification can no longer be edited is a new verification request (error 30437);
    this module deletes and creates anew only with O(replace=true), because a new verification starts a new review from
    the start. Replacing a C(TWILIO_APPROVED) verification also needs O(force=true).
  - Every option is checked before any request, and errors name the option and the value (personal data by name only).
    The accepted values of O(use_case_categories) and O(message_volume) are not stated in Twilio's API specification, so the
    module checks their shape (as in the specification's examples) and leaves the values to Twilio.
  - Personal data (the notification and contact email addresses, the contact's names and phone number, the street
    address) is never shown in the result, the diff or a message - as C((set)), or C((changed)) in the diff.
extends_documentation_fragment:
  - tendlc.twilio.auth
  - tendlc.twilio.a2p_wait
options:
  phone_number:
    description:
      - The toll-free number, in E.164 (V(+18005550100)) or as its SID (C(PN...)).
    type: str
    required: true
  state:
    description:
      - V(present) creates or edits the verification; V(absent) deletes it (a C(TWILIO_APPROVED) one only with O(force)).
    type: str
    choices: [present, absent]
    default: present
  business_name:
    description:
      - The name of the business or organization using the number (1 to 255 characters, one line). Required to create.
    type: str
  business_website:
    description:
      - The business's website, an absolute C(http://) or C(https://) URL. Required to create.
    type: str
  notification_email:
    description:
      - The email address that receives Twilio's notice of the verification's result. Personal data. Required to create.
    type: str
  use_case_categories:
    description:
      - The use case categories of the messages, as Twilio writes them (upper case words joined by C(_)), such as
        V(TWO_FACTOR_AUTHENTICATION), V(ACCOUNT_NOTIFICATIONS), V(MARKETING); at least one, each once. Compared without
        order. Required to create.
    type: list
    elements: str
  use_case_summary:
    description:
      - How the business uses messaging. Required to create.
    type: str
  production_message_sample:
    description:
      - A sample of the messages sent. Required to create.
    type: str
  opt_in_image_urls:
    description:
      - Publicly hosted URLs of images that show how recipients opt in; at least one, each once. Compared without order.
        Required to create.
    type: list
    elements: str
  opt_in_type:
    description:
      - How recipients opt in. Required to create.
    type: str
    choices: [VERBAL, WEB_FORM, PAPER_FORM, VIA_TEXT, MOBILE_QR_CODE, IMPORT, IMPORT_PLEASE_REPLACE]
  message_volume:
    description:
      - The estimated monthly message volume, as Twilio writes it (V(10), V(1,000), V(10,000,000+)). Required to create.
    type: str
  customer_profile_sid:
    description:
      - The SID (C(BU...)) of the business's Trust Hub customer profile. Cannot change in place.
    type: str
  business_street_address:
    description:
      - The business's street address. Personal data.
    type: str
  business_street_address2:
    description:
      - The second line of the street address. Personal data.
    type: str
  business_city:
    description:
      - The business's city.
    type: str
  business_state_province_region:
    description:
      - The business's state, province or region.
    type: str
  business_postal_code:
    description:
      - The business's postal code.
    type: str
  business_country:
    description:
      - The business's country.
    type: str
  additional_information:
    description:
      - Anything else the review should know.
    type: str
  business_contact_first_name:
    description:
      - The first name of the business's contact. Personal data.
    type: str
  business_contact_last_name:
    description:
      - The last name of the business's contact. Personal data.
    type: str
  business_contact_email:
    description:
      - The email address of the business's contact. Personal data.
    type: str
  business_contact_phone:
    description:
      - The phone number of the business's contact, in E.164. Personal data.
    type: str
  external_reference_id:
    description:
      - A reference of your own that Twilio echoes back. Cannot change in place.
    type: str
  edit_reason:
    description:
      - Why a rejected verification is edited (such as V(Website fixed)); sent with an edit, never compared.
    type: str
  replace:
    description:
      - When the verification differs and Twilio allows no edit (in review, approved, a rejection that cannot be edited or
        whose edit window passed, or a change of O(customer_profile_sid) or O(external_reference_id)), delete it and submit a
        new one with every option a create needs. A new verification starts a new review. Warns.
    type: bool
    default: false
  force:
    description:
      - Allow deleting a C(TWILIO_APPROVED) verification (O(state=absent), or O(replace=true)); the number cannot send until a
        new one is approved. Warns.
    type: bool
    default: false
  wait:
    description:
      - Poll until the verification is C(TWILIO_APPROVED); fail when it is C(TWILIO_REJECTED), with Twilio's rejection
        reasons and error code, and at O(wait_timeout). Never waits in check mode.
    type: bool
    default: false
attributes:
  check_mode:
    support: full
    description: Reads and reports what a real run would do and return, without writing or waiting.
  diff_mode:
    support: full
    description: Returns the verification's fields before and after; personal data as C((set)) or C((changed)).
notes:
  - Twilio's API specification states no length limit for the texts; the module holds them to generous bounds (names 255,
    texts 4096 characters) that are not confirmed by Twilio.
  - Whether Twilio accepts an edit while the verification is in review is not confirmed; the module does not try one.
seealso:
  - module: tendlc.twilio.tollfree_verification_info
  - name: Toll-free verification resource
    description: Twilio's reference of the resource.
    link: https://www.twilio.com/docs/messaging/api/tollfree-verification-resource
  - name: Toll-Free Verification API Onboarding Guide
    description: Twilio's guide to verifying toll-free numbers through the API.
    link: https://www.twilio.com/docs/messaging/compliance/toll-free/api-onboarding
"""

EXAMPLES = r"""
- name: The toll-free number's verification, submitted once
  tendlc.twilio.tollfree_verification:
    phone_number: "+18005550100"
    business_name: Owl, Inc.
    business_website: https://www.owl.example
    notification_email: "{{ vault_tfv_notification_email }}"
    use_case_categories: [ACCOUNT_NOTIFICATIONS]
    use_case_summary: Order and delivery notices to customers who opted in at checkout.
    production_message_sample: "Owl: your order 1234 ships today. Reply STOP to opt out."
    opt_in_image_urls: [https://www.owl.example/optin.png]
    opt_in_type: WEB_FORM
    message_volume: "1,000"
  register: tfv

- name: Correct a rejected verification while Twilio allows the edit, and wait for the result
  tendlc.twilio.tollfree_verification:
    phone_number: "+18005550100"
    business_website: https://www.owl.example/home
    edit_reason: Website fixed
    wait: true
    wait_timeout: 3600
    poll_interval: 60

- name: Delete the verification
  tendlc.twilio.tollfree_verification:
    phone_number: "+18005550100"
    state: absent
"""

RETURN = r"""
phone_number:
  description: The toll-free number, C(sid) and C(phone_number) (E.164).
  returned: always
  type: dict
  sample: {sid: PN0123456789abcdef0123456789abcdef, phone_number: "+18005550100"}
verification:
  description:
    - The verification as Twilio holds it (the fields of Twilio's specification), personal data as C((set)); null when
      there is none (or, with O(state=absent), none any more - the record before the delete otherwise).
    - In check mode, when one would be created, what Twilio would hold - the same keys less those only Twilio assigns
      (C(sid), C(account_sid), dates, C(url), C(trust_product_sid), C(regulated_item_sid), C(resource_links)) - with
      C(status) C(PENDING_REVIEW); when one would be edited, the record with the changes and C(status) C(PENDING_REVIEW).
  returned: always
  type: dict
  sample:
    sid: HH0123456789abcdef0123456789abcdef
    status: PENDING_REVIEW
    business_name: Owl, Inc.
    notification_email: (set)
    tollfree_phone_number_sid: PN0123456789abcdef0123456789abcdef
    rejection_reason: null
    error_code: null
    edit_allowed: null
    edit_expiration: null
action:
  description: What the run did (in check mode, would do) - V(none), V(create), V(update), V(replace) or V(delete).
  returned: always
  type: str
  sample: update
replaced:
  description: The SID of the verification deleted by O(replace).
  returned: when a verification is replaced
  type: str
  sample: HH0123456789abcdef0123456789abcdef
"""

from ansible_collections.tendlc.twilio.plugins.module_utils._tollfree_verification import TollfreeVerification


def main() -> None:
    module = TollfreeVerification.define_module()
    TollfreeVerification(module).run()


if __name__ == "__main__":
    main()
