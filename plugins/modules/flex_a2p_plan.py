#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: flex_a2p_plan
short_description: Plan the Flex A2P setup of one Twilio account in one run, every step in check mode
version_added: 0.2.0
description:
  - Runs, in one module run and in check mode, the modules of every step of the C(tendlc.twilio.flex_a2p) role's plan
    and returns each step's result as that module's own task in check mode with C(--diff) would. The steps are the numbers
    (M(tendlc.twilio.phone_number_info)), their Flex routing (M(tendlc.twilio.flex_routing_info)), the toll-free
    verifications of the toll-free ones (M(tendlc.twilio.tollfree_verification_info)), the messaging service
    (M(tendlc.twilio.messaging_service)), its sender pool (M(tendlc.twilio.sender_pool)), the brand
    (M(tendlc.twilio.a2p_brand), or M(tendlc.twilio.a2p_brand_info) for a brand given by SID) and the campaign
    (M(tendlc.twilio.a2p_campaign) or M(tendlc.twilio.a2p_external_campaign)).
  - It is the same code as those modules, not a second copy of their rules, so the plan is exactly what their tasks
    would do and meet. Each step's options are that module's options, validated by its argument spec; a step that
    fails (its inputs refused, a read refused) does not stop the others, its result carries C(failed) and C(msg).
  - One set of credentials, checked once, serves every step, and a URL read by one step is not read again by the next
    (nothing is written during the run, so nothing read can change under it). The role's rollout and audit plan with it, one module run per
    account instead of one per step.
  - The module itself never writes; C(changed) says whether any step would change something.
extends_documentation_fragment:
  - tendlc.twilio.auth
attributes:
  check_mode:
    support: full
    description: The module never writes, in check mode or not.
  diff_mode:
    support: full
    description: With --diff, each changing step's before and after, headed by the step.
options:
  phone_numbers:
    description:
      - The numbers to read (step RV(numbers)) and whose Flex routing to check (step RV(routing)), E.164 numbers or C(PN...)
        SIDs. Empty, neither step runs.
    type: list
    elements: str
    default: []
  inbound_routing:
    description:
      - How Flex receives the numbers' inbound SMS (M(tendlc.twilio.flex_routing_info)'s O(tendlc.twilio.flex_routing_info#module:inbound_routing)); V(none)
        skips the routing step.
    type: str
    choices: [legacy, conversations, none]
    default: none
  messaging_service:
    description:
      - The options of M(tendlc.twilio.messaging_service) for step RV(service). Without it, no service, pool, brand or
        campaign step runs.
    type: dict
  sender_pool:
    description:
      - The options of M(tendlc.twilio.sender_pool) for step RV(pool), less O(tendlc.twilio.sender_pool#module:service) and
        O(tendlc.twilio.sender_pool#module:plan_new_service), which come from the service step (its SID, or its name
        while it is still to be created). Runs once the service step has a result.
    type: dict
  a2p_brand:
    description:
      - The options of M(tendlc.twilio.a2p_brand) for step RV(brand) (adopt or register the brand of two bundles).
        Empty or absent, no brand step.
    type: dict
  brand_sid:
    description:
      - Without O(a2p_brand), the brand's SID, read by step RV(brand_read) (M(tendlc.twilio.a2p_brand_info)).
    type: str
  a2p_campaign:
    description:
      - The options of M(tendlc.twilio.a2p_campaign) for step RV(campaign), less O(tendlc.twilio.a2p_campaign#module:service),
        O(tendlc.twilio.a2p_campaign#module:plan_new_service) and O(tendlc.twilio.a2p_campaign#module:brand_registration_sid),
        which come from the service and brand steps; the step never waits. It runs once the service step has a result
        and the brand has a SID.
    type: dict
  a2p_external_campaign:
    description:
      - The options of M(tendlc.twilio.a2p_external_campaign) for step RV(external_campaign), less its O(tendlc.twilio.a2p_external_campaign#module:service)
        and O(tendlc.twilio.a2p_external_campaign#module:plan_new_service). Empty or absent, no such step.
    type: dict
  tollfree_verification:
    description:
      - The options of M(tendlc.twilio.tollfree_verification), less its O(tendlc.twilio.tollfree_verification#module:phone_number),
        for step RV(tollfree_verifications). The step runs that module once for each toll-free number among the numbers
        step's numbers, with that number. Empty or absent, no such step.
      - Each suboption is passed on as given and checked by that module (this module does not check them). Those that
        hold personal data are masked in the module's invocation and the step's results only, so that a short value
        never masks a number or SID of another step.
    type: dict
    suboptions:
      business_name:
        description: O(tendlc.twilio.tollfree_verification#module:business_name) of the module.
        type: raw
      business_website:
        description: O(tendlc.twilio.tollfree_verification#module:business_website) of the module.
        type: raw
      notification_email:
        description: O(tendlc.twilio.tollfree_verification#module:notification_email) of the module (personal data, masked).
        type: raw
      use_case_categories:
        description: O(tendlc.twilio.tollfree_verification#module:use_case_categories) of the module.
        type: raw
      use_case_summary:
        description: O(tendlc.twilio.tollfree_verification#module:use_case_summary) of the module.
        type: raw
      production_message_sample:
        description: O(tendlc.twilio.tollfree_verification#module:production_message_sample) of the module.
        type: raw
      opt_in_image_urls:
        description: O(tendlc.twilio.tollfree_verification#module:opt_in_image_urls) of the module.
        type: raw
      opt_in_type:
        description: O(tendlc.twilio.tollfree_verification#module:opt_in_type) of the module.
        type: raw
      message_volume:
        description: O(tendlc.twilio.tollfree_verification#module:message_volume) of the module.
        type: raw
      customer_profile_sid:
        description: O(tendlc.twilio.tollfree_verification#module:customer_profile_sid) of the module.
        type: raw
      business_street_address:
        description: O(tendlc.twilio.tollfree_verification#module:business_street_address) of the module (personal data, masked).
        type: raw
      business_street_address2:
        description: O(tendlc.twilio.tollfree_verification#module:business_street_address2) of the module (personal data, masked).
        type: raw
      business_city:
        description: O(tendlc.twilio.tollfree_verification#module:business_city) of the module.
        type: raw
      business_state_province_region:
        description: O(tendlc.twilio.tollfree_verification#module:business_state_province_region) of the module.
        type: raw
      business_postal_code:
        description: O(tendlc.twilio.tollfree_verification#module:business_postal_code) of the module.
        type: raw
      business_country:
        description: O(tendlc.twilio.tollfree_verification#module:business_country) of the module.
        type: raw
      additional_information:
        description: O(tendlc.twilio.tollfree_verification#module:additional_information) of the module.
        type: raw
      business_contact_first_name:
        description: O(tendlc.twilio.tollfree_verification#module:business_contact_first_name) of the module (personal data, masked).
        type: raw
      business_contact_last_name:
        description: O(tendlc.twilio.tollfree_verification#module:business_contact_last_name) of the module (personal data, masked).
        type: raw
      business_contact_email:
        description: O(tendlc.twilio.tollfree_verification#module:business_contact_email) of the module (personal data, masked).
        type: raw
      business_contact_phone:
        description: O(tendlc.twilio.tollfree_verification#module:business_contact_phone) of the module (personal data, masked).
        type: raw
      external_reference_id:
        description: O(tendlc.twilio.tollfree_verification#module:external_reference_id) of the module.
        type: raw
      state:
        description: O(tendlc.twilio.tollfree_verification#module:state) of the module.
        type: raw
      edit_reason:
        description: O(tendlc.twilio.tollfree_verification#module:edit_reason) of the module.
        type: raw
      replace:
        description: O(tendlc.twilio.tollfree_verification#module:replace) of the module.
        type: raw
      force:
        description: O(tendlc.twilio.tollfree_verification#module:force) of the module.
        type: raw
      wait:
        description: O(tendlc.twilio.tollfree_verification#module:wait) of the module.
        type: raw
      wait_timeout:
        description: O(tendlc.twilio.tollfree_verification#module:wait_timeout) of the module.
        type: raw
      poll_interval:
        description: O(tendlc.twilio.tollfree_verification#module:poll_interval) of the module.
        type: raw
  audit:
    description:
      - Also read all of the account's numbers with the account itself (step RV(account_numbers),
        M(tendlc.twilio.phone_number_info) with O(tendlc.twilio.phone_number_info#module:include_account)) and its brands
        and campaigns (step RV(account_brands), M(tendlc.twilio.a2p_brand_info)) and its toll-free numbers' verifications
        (step RV(account_tollfree), M(tendlc.twilio.tollfree_verification_info)), as the role's audit reports them.
    type: bool
    default: false
notes:
  - A step that did not run is returned as Ansible registers a skipped task (C(skipped), C(skip_reason)).
seealso:
  - module: tendlc.twilio.messaging_service
  - module: tendlc.twilio.sender_pool
  - module: tendlc.twilio.a2p_campaign
author:
  - tendlc.twilio maintainers (@tendlc)
"""

EXAMPLES = r"""
- name: Plan one account's Flex A2P setup (read-only)
  tendlc.twilio.flex_a2p_plan:
    phone_numbers: ["+15550100001", "+15550100002"]
    inbound_routing: conversations
    messaging_service:
      friendly_name: Flex contact center
      use_inbound_webhook_on_number: true
    sender_pool:
      phone_numbers: ["+15550100001", "+15550100002"]
      exclusive: true
    brand_sid: BN0123456789abcdef0123456789abcdef
  register: plan

- name: Show what a rollout would change
  ansible.builtin.debug:
    msg: "{{ plan.steps_changed }}"
"""

RETURN = r"""
numbers:
  description: Step C(numbers), the result of M(tendlc.twilio.phone_number_info) for O(phone_numbers).
  returned: always
  type: dict
routing:
  description: Step C(routing), the result of M(tendlc.twilio.flex_routing_info).
  returned: always
  type: dict
tollfree:
  description:
    - Step C(tollfree), the result of M(tendlc.twilio.tollfree_verification_info) for the toll-free numbers among
      O(phone_numbers) (skipped when there is none). Toll-free numbers need a toll-free verification, not an A2P campaign.
  returned: always
  type: dict
tollfree_verifications:
  description:
    - Step C(tollfree_verifications), with O(tollfree_verification), the check-mode results of
      M(tendlc.twilio.tollfree_verification), one per toll-free number among O(phone_numbers).
  returned: always
  type: dict
  contains:
    changed:
      description: Whether any number's verification would change.
      type: bool
      returned: when the step ran
    results:
      description:
        - Each toll-free number's result (a failed one carries C(failed) and C(msg)), in the order of the numbers step;
          its C(phone_number) is the number in E.164 (the module's C(phone_number) dict is replaced by it).
      type: list
      elements: dict
      returned: when the step ran
      sample: [{"phone_number": "+18005550100", "changed": true, "action": "create", "verification": {"status": "PENDING_REVIEW"}}]
service:
  description: Step C(service), the check-mode result of M(tendlc.twilio.messaging_service).
  returned: always
  type: dict
pool:
  description: Step C(pool), the check-mode result of M(tendlc.twilio.sender_pool).
  returned: always
  type: dict
brand:
  description: Step C(brand), the check-mode result of M(tendlc.twilio.a2p_brand).
  returned: always
  type: dict
brand_read:
  description: Step C(brand_read), the result of M(tendlc.twilio.a2p_brand_info) for O(brand_sid).
  returned: always
  type: dict
campaign:
  description: Step C(campaign), the check-mode result of M(tendlc.twilio.a2p_campaign).
  returned: always
  type: dict
external_campaign:
  description: Step C(external_campaign), the check-mode result of M(tendlc.twilio.a2p_external_campaign).
  returned: always
  type: dict
account_numbers:
  description: With O(audit), all of the account's numbers and the account (M(tendlc.twilio.phone_number_info)).
  returned: always
  type: dict
account_brands:
  description: With O(audit), the account's brands and campaigns (M(tendlc.twilio.a2p_brand_info)).
  returned: always
  type: dict
account_tollfree:
  description: With O(audit), all of the account's toll-free numbers and their verifications (M(tendlc.twilio.tollfree_verification_info)).
  returned: always
  type: dict
service_sid:
  description: The service's SID; empty while it is still to be created (or when the service step failed).
  returned: always
  type: str
  sample: MG0123456789abcdef0123456789abcdef
brand_sid:
  description: The brand's SID; empty while the brand is still to be registered.
  returned: always
  type: str
  sample: BN0123456789abcdef0123456789abcdef
brand_status:
  description: The brand's status (empty while it is still to be registered).
  returned: always
  type: str
  sample: APPROVED
steps_changed:
  description: The steps that would change something, in the order they ran.
  returned: always
  type: list
  elements: str
  sample: [pool]
steps_failed:
  description: The steps that failed (their results carry C(msg)).
  returned: always
  type: list
  elements: str
  sample: []
"""

from ansible_collections.tendlc.twilio.plugins.module_utils._flex_a2p_plan import FlexA2PPlan


def main() -> None:
    module = FlexA2PPlan.define_module()
    FlexA2PPlan(module).run()


if __name__ == "__main__":
    main()
