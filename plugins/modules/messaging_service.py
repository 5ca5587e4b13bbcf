#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: messaging_service
short_description: Manage a Twilio Messaging Service
version_added: 0.1.0
description:
  - Create, update or delete a Twilio Messaging Service (C(MG...)), the resource that holds a sender pool and the
    US A2P 10DLC campaign of an account.
  - The service is found by O(sid), or else by an exact match of O(friendly_name). Twilio does not keep friendly names
    unique; if several services of the account share the name, the module fails and lists their SIDs instead of guessing.
  - Only the options you set are compared and sent; an option left unset keeps whatever value the service has.
  - For Twilio Flex, set O(use_inbound_webhook_on_number=true) (Twilio Console's "Defer to sender's webhook") so that
    inbound messages keep following each number's own webhook into Flex.
extends_documentation_fragment:
  - tendlc.twilio.auth
attributes:
  check_mode:
    support: full
    description: Reads the service and reports what a real run would change, without writing.
  diff_mode:
    support: full
    description: Returns the writable fields of the service before and after.
options:
  state:
    description:
      - V(present) creates the service or updates the options you set.
      - V(absent) deletes the service. Deleting a service frees every sender in its pool and ends its A2P campaign.
        A service that holds senders or carries an A2P campaign (registered or externally registered, any status) is
        deleted only with O(force=true); without it the module fails, in check mode too, naming what would go.
    type: str
    choices: [present, absent]
    default: present
  force:
    description:
      - With O(state=absent), delete the service even when its pool holds senders or it carries an A2P campaign. Its
        senders are freed (they are in no pool afterwards) and its campaign ends; a verified campaign cannot be restored,
        only registered again (reviewed again, with its fee).
      - With C(--diff), the diff's C(before) lists the senders and the campaign that would go.
    type: bool
    default: false
  sid:
    description:
      - The SID (C(MG...)) of an existing service. With O(sid), O(friendly_name) renames the service; the module fails,
        changing nothing, when another service of the account already has that name.
      - With O(state=absent) and O(friendly_name), the service O(sid) names must have that name, else nothing is deleted
        and the module fails.
      - A service cannot be created with a chosen SID; to create one, give O(friendly_name) alone.
    type: str
  friendly_name:
    description:
      - The service's name, 1 to 64 characters on one line, not only spaces. Without O(sid) it identifies the service by exact match.
    type: str
  usecase:
    description:
      - What the service is used for.
      - When this changes the use case of a service that has an A2P campaign, the module reads the campaign first and
        fails, before any change and in check mode too, if the campaign's use case does not fit the new one (Twilio
        would refuse the change with error 21719). Which use cases fit is not published by Twilio; the module's table
        is in the collection's docs/emulator.md.
    type: str
    choices: [notifications, marketing, verification, discussion, poll, undeclared]
  use_inbound_webhook_on_number:
    description:
      - Whether an inbound message follows the webhook configured on the receiving number ("Defer to sender's webhook")
        instead of O(inbound_request_url) and O(fallback_url). Twilio Flex needs V(true).
    type: bool
  inbound_request_url:
    description:
      - The URL Twilio calls when a sender of the service receives a message. An empty string clears it.
    type: str
  inbound_method:
    description:
      - The HTTP method for O(inbound_request_url).
    type: str
    choices: [GET, POST]
  fallback_url:
    description:
      - The URL Twilio calls when O(inbound_request_url) fails. An empty string clears it.
    type: str
  fallback_method:
    description:
      - The HTTP method for O(fallback_url).
    type: str
    choices: [GET, POST]
  status_callback:
    description:
      - The URL Twilio calls with delivery status updates of messages sent through the service. An empty string clears it.
    type: str
  sticky_sender:
    description:
      - Whether a recipient keeps getting messages from the same sender of the pool.
    type: bool
  mms_converter:
    description:
      - Whether MMS sent to a recipient that cannot receive them are converted to SMS with a link.
    type: bool
  smart_encoding:
    description:
      - Whether Unicode look-alike characters are replaced with GSM-7 ones to keep messages short.
    type: bool
  scan_message_content:
    description:
      - Whether Twilio scans the content of messages sent through the service; V(inherit) follows the account's setting.
    type: str
    choices: [inherit, enable, disable]
  area_code_geomatch:
    description:
      - Whether the pool picks a sender with the recipient's area code when it has one.
    type: bool
  validity_period:
    description:
      - Seconds a message may wait in Twilio's queue before it is dropped, from 1 to 36000.
    type: int
  synchronous_validation:
    description:
      - Reserved by Twilio.
    type: bool
  fallback_to_long_code:
    description:
      - Obsolete Twilio setting for falling back to a long code after short code failures; kept for completeness.
    type: bool
seealso:
  - module: tendlc.twilio.messaging_service_info
  - name: Messaging Service resource
    description: Twilio's reference of the resource and its fields.
    link: https://www.twilio.com/docs/messaging/api/service-resource
"""

EXAMPLES = r"""
- name: A Flex-ready messaging service ("Defer to sender's webhook")
  tendlc.twilio.messaging_service:
    friendly_name: Flex contact center
    usecase: discussion
    use_inbound_webhook_on_number: true
    sticky_sender: true

- name: The same, with credentials set once for every module of the collection
  module_defaults:
    group/tendlc.twilio.twilio:
      account_sid: "{{ twilio_account_sid }}"
      api_key_sid: "{{ twilio_api_key_sid }}"
      api_key_secret: "{{ twilio_api_key_secret }}"
  block:
    - name: Rename a service found by SID
      tendlc.twilio.messaging_service:
        sid: MG0123456789abcdef0123456789abcdef
        friendly_name: Flex contact center (US)

- name: Delete a service (frees its senders)
  tendlc.twilio.messaging_service:
    friendly_name: Old notifications
    state: absent
"""

RETURN = r"""
service:
  description:
    - The service as Twilio returns it. Empty after O(state=absent).
    - In check mode, the service as it would be after the run. When it would be created, every field a real create
      returns (the options set, Twilio's defaults for the others, C(us_app_to_person_registered=false)) except those
      only Twilio assigns (C(sid), C(account_sid), C(date_created), C(date_updated), C(url), C(links)).
  returned: always
  type: dict
  sample:
    sid: MG0123456789abcdef0123456789abcdef
    account_sid: AC0123456789abcdef0123456789abcdef
    friendly_name: Flex contact center
    date_created: "2026-11-27T10:00:00Z"
    date_updated: "2026-11-27T10:00:00Z"
    inbound_request_url: null
    inbound_method: POST
    fallback_url: null
    fallback_method: POST
    status_callback: null
    sticky_sender: true
    mms_converter: true
    smart_encoding: true
    scan_message_content: inherit
    fallback_to_long_code: true
    area_code_geomatch: true
    synchronous_validation: true
    validity_period: 36000
    usecase: discussion
    us_app_to_person_registered: false
    use_inbound_webhook_on_number: true
    url: https://messaging.twilio.com/v1/Services/MG0123456789abcdef0123456789abcdef
    links:
      phone_numbers: https://messaging.twilio.com/v1/Services/MG0123456789abcdef0123456789abcdef/PhoneNumbers
"""

from ansible_collections.tendlc.twilio.plugins.module_utils._messaging_service import MessagingService


def main() -> None:
    module = MessagingService.define_module()
    MessagingService(module).run()


if __name__ == "__main__":
    main()
