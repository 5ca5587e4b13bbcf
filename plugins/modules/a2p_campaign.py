#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: a2p_campaign
short_description: Manage the US A2P 10DLC campaign of a Twilio Messaging Service
version_added: 0.1.0
description:
  - Registers, updates, replaces or deletes the A2P 10DLC campaign (UsAppToPerson, C(QE...)) of a Messaging Service.
    The campaign links the service, and so every number in its sender pool, to an approved brand; without it US
    carriers filter the service's messages.
  - A service has at most one campaign. With none, the module creates it. When fields that Twilio lets you change
    differ (description, message flow, samples, embedded links and phone, age gated, direct lending, the two URLs), it
    updates the campaign in place.
  - Fields Twilio never changes (brand, use case, opt-in/out/help messages and keywords, subscriber opt-in) cannot be
    updated. When they differ the module fails, naming each field with its current and wanted value, unless
    O(replace=true), in which case it deletes the campaign and registers a new one. The service sends no A2P traffic until the
    new campaign is approved, which can take days.
  - Before any write, it checks the lengths Twilio requires, that the brand exists and is C(APPROVED), and that the use
    case is one the brand may register on the service.
  - A sole-proprietor brand must also have C(identity_status) C(VERIFIED) - its owner confirmed the one-time code (OTP)
    Twilio texts to the mobile number registered with the brand; Twilio refuses campaigns under an unverified brand
    (error 30991). Otherwise the module fails before any write, also in check mode, naming the identity status; and a
    sole-proprietor brand registers one campaign, so another campaign of that brand refuses the create. Its campaign may use
    one phone number, so a service whose pool holds more than one also refuses it, naming the service and the count.
extends_documentation_fragment:
  - tendlc.twilio.service_module
  - tendlc.twilio.a2p_wait
attributes:
  check_mode:
    support: full
    description: Reads and reports what a real run would do, without writing and without waiting.
  diff_mode:
    support: full
    description: Returns the managed fields of the campaign before and after.
options:
  state:
    description:
      - V(present) registers or updates the campaign; V(absent) deletes it.
      - Deleting a verified campaign stops the service's A2P traffic until a new campaign is approved.
    type: str
    choices: [present, absent]
    default: present
  brand_registration_sid:
    description:
      - The approved brand (C(BN...)) the campaign registers under. Required to create a campaign.
    type: str
  usecase:
    description:
      - The A2P use case, for example V(MIXED), V(CUSTOMER_CARE), V(ACCOUNT_NOTIFICATION) or V(LOW_VOLUME). Required to
        create a campaign. It must be one Twilio lists for the brand and service.
    type: str
  description:
    description:
      - What the campaign's messages are for, 40 to 4096 characters. Required to create a campaign.
    type: str
  message_flow:
    description:
      - How recipients opt in to the messages, 40 to 2048 characters. Required to create a campaign.
    type: str
  message_samples:
    description:
      - Two to five sample messages, each 20 to 1024 characters. Required to create a campaign.
    type: list
    elements: str
  has_embedded_links:
    description:
      - Whether the messages contain links. Required to create a campaign.
    type: bool
  has_embedded_phone:
    description:
      - Whether the messages contain phone numbers. Required to create a campaign.
    type: bool
  opt_in_message:
    description:
      - The reply to an opt-in keyword (20 to 320 characters). Cannot change after creation.
    type: str
  opt_out_message:
    description:
      - The reply to an opt-out keyword (20 to 320 characters). Cannot change after creation.
    type: str
  help_message:
    description:
      - The reply to a help keyword (20 to 320 characters). Cannot change after creation.
    type: str
  opt_in_keywords:
    description:
      - Keywords that opt a recipient in, letters and digits only, at most 255 characters together. Cannot change after creation.
    type: list
    elements: str
  opt_out_keywords:
    description:
      - Keywords that opt a recipient out, letters and digits only, at most 255 characters together. Cannot change after creation.
    type: list
    elements: str
  help_keywords:
    description:
      - Keywords that ask for help, letters and digits only, at most 255 characters together. Cannot change after creation.
    type: list
    elements: str
  subscriber_opt_in:
    description:
      - Whether recipients opted in to the messages. Cannot change after creation.
    type: bool
  age_gated:
    description:
      - Whether the content needs an age gate.
    type: bool
  direct_lending:
    description:
      - Whether the campaign offers direct lending.
    type: bool
  privacy_policy_url:
    description:
      - The URL of the privacy policy the campaign refers to.
    type: str
  terms_and_conditions_url:
    description:
      - The URL of the terms and conditions the campaign refers to.
    type: str
  replace:
    description:
      - When fields that cannot change differ, or the service is linked to an externally registered campaign, delete
        the campaign and register a new one instead of failing.
      - Every check the new registration needs (the field rules, the brand's status, the use case Twilio lists for the
        service and brand) runs before the delete, in check mode too. Should Twilio still refuse the new campaign after
        the delete, the task fails with C(changed=true) and returns RV(deleted_campaign) and RV(restore).
    type: bool
    default: false
  wait:
    description:
      - After a write (or when the campaign exists), poll until C(campaign_status) is one of O(wait_for). Fails at once
        when the campaign is C(FAILED), with Twilio's errors, and at O(wait_timeout) with the last status.
      - Never waits in check mode.
    type: bool
    default: false
  wait_for:
    description:
      - The statuses that end the wait.
    type: list
    elements: str
    choices: [PENDING, IN_PROGRESS, VERIFIED, FAILED]
    default: [VERIFIED]
seealso:
  - module: tendlc.twilio.a2p_brand
  - module: tendlc.twilio.a2p_external_campaign
  - name: A2P 10DLC campaign resource
    description: Twilio's reference of the UsAppToPerson resource.
    link: https://www.twilio.com/docs/messaging/api/usapptoperson-resource
"""

EXAMPLES = r"""
- name: The Flex service's campaign, registered and verified
  tendlc.twilio.a2p_campaign:
    service: Flex contact center
    brand_registration_sid: BN0123456789abcdef0123456789abcdef
    usecase: CUSTOMER_CARE
    description: Customer care conversations between Example Co agents and customers who contacted us first.
    message_flow: Customers text our published support number or opt in on the web form at https://example.com/sms.
    message_samples:
      - "Hi Dana, this is Sam from Example Co support. Your replacement ships today."
      - "Example Co: your case 4411 is resolved. Reply HELP for help, STOP to opt out."
    has_embedded_links: false
    has_embedded_phone: false
    wait: true
    wait_timeout: 3600
  register: campaign

- name: Register the same campaign again under a new brand (the service sends no A2P traffic until approval)
  tendlc.twilio.a2p_campaign:
    service: "{{ campaign.campaign.messaging_service_sid }}"
    brand_registration_sid: BNfedcba9876543210fedcba9876543210
    usecase: "{{ campaign.campaign.us_app_to_person_usecase }}"
    description: "{{ campaign.campaign.description }}"
    message_flow: "{{ campaign.campaign.message_flow }}"
    message_samples: "{{ campaign.campaign.message_samples }}"
    has_embedded_links: "{{ campaign.campaign.has_embedded_links }}"
    has_embedded_phone: "{{ campaign.campaign.has_embedded_phone }}"
    replace: true
"""

RETURN = r"""
campaign:
  description:
    - The campaign as Twilio returns it, including C(campaign_status) and C(errors). Empty after O(state=absent).
    - In check mode, the campaign as it would be. When it would be created, the fields a real create returns, less the
      SID, account, dates and URL that Twilio assigns - the values sent, else Twilio's defaults, C(campaign_status)
      C(PENDING), C(mock) as the brand's; C(campaign_id) and C(rate_limits) are null, as Twilio gives them only on create.
  returned: always
  type: dict
  sample:
    sid: QE2c6890da8086d771620e9b13fadeba0b
    brand_registration_sid: BN0123456789abcdef0123456789abcdef
    messaging_service_sid: MG0123456789abcdef0123456789abcdef
    us_app_to_person_usecase: CUSTOMER_CARE
    campaign_status: VERIFIED
    campaign_id: CFOOBAR
    is_externally_registered: false
    errors: []
    mock: false
replaced:
  description: Whether the campaign was (or in check mode would be) deleted and registered anew.
  returned: always
  type: bool
  sample: false
deleted_campaign:
  description:
    - With O(replace=true), the campaign that was deleted (its SID, status and managed fields, under the module's option
      names). Returned also when the task fails after the delete.
  returned: when a campaign was deleted to be replaced
  type: dict
  sample: {sid: QE2c6890da8086d771620e9b13fadeba0b, campaign_status: VERIFIED, usecase: CUSTOMER_CARE}
restore:
  description:
    - When the new campaign could not be registered after the old one was deleted, the options of this module that
      register the deleted campaign again (a new registration, reviewed again and charged again).
  returned: when a replace failed after its delete
  type: dict
  sample: {service: MG0123456789abcdef0123456789abcdef, brand_registration_sid: BN0123456789abcdef0123456789abcdef, usecase: CUSTOMER_CARE}
"""

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p_campaign import A2PCampaign


def main() -> None:
    module = A2PCampaign.define_module()
    A2PCampaign(module).run()


if __name__ == "__main__":
    main()
