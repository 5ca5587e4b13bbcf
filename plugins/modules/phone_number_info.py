#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: phone_number_info
short_description: List a Twilio account's phone numbers with their inbound settings and sender pool
version_added: 0.1.0
description:
  - Returns the account's own phone numbers (IncomingPhoneNumbers, all pages), optionally only those listed in
    O(phone_numbers), each with its SMS capabilities, its own inbound SMS settings (C(sms_url), C(sms_method),
    C(sms_application_sid)) and the Messaging Service whose sender pool holds it.
  - Never changes anything. The Flex A2P role and the audit use it to check that each number still routes inbound
    messages to Flex.
extends_documentation_fragment:
  - tendlc.twilio.info_module
options:
  phone_numbers:
    description:
      - Return only these numbers, each an E.164 number (C(+15551234567)) or a phone number SID (C(PN...)), matched exactly.
        A listed number the account does not own is reported in RV(missing).
    type: list
    elements: str
  include_account:
    description:
      - Also read the account itself (its 2010 Account resource, one more request) and return its friendly name, status
        and type in RV(account), so that a report can name the account as people know it.
      - The account's auth token, which Twilio returns with the resource, is never returned. A friendly name that is an
        email address (Twilio's default) is personal data and is not returned either.
      - A Standard API key may not read the Account resource; with one, RV(account.friendly_name) is null and
        RV(account.note) says why, and the task does not fail.
      - The same for any other failure to read the Account resource (a Restricted API key without the permission, a
        5xx after the retries, ...); the friendly name is cosmetic. Only a failure to list the numbers fails the task.
    type: bool
    default: false
seealso:
  - module: tendlc.twilio.sender_pool
"""

EXAMPLES = r"""
- name: Every number of the account and the service that holds it
  tendlc.twilio.phone_number_info:
  register: numbers

- name: Numbers that are in no sender pool
  ansible.builtin.debug:
    msg: "{{ numbers.phone_numbers | selectattr('messaging_service_sid', 'none') | map(attribute='phone_number') | list }}"

- name: Two numbers' inbound settings
  tendlc.twilio.phone_number_info:
    phone_numbers: ["+15551230001", "+15551230002"]

- name: The numbers, and the account's friendly name for a report
  tendlc.twilio.phone_number_info:
    include_account: true
  register: inventory_numbers
"""

RETURN = r"""
phone_numbers:
  description: The account's numbers (those listed in O(phone_numbers), when given), in Twilio's order.
  returned: always
  type: list
  elements: dict
  contains:
    sid:
      description: The phone number's SID.
      type: str
      sample: PN0123456789abcdef0123456789abcdef
    phone_number:
      description: The number in E.164.
      type: str
      sample: "+15551230001"
    friendly_name:
      description: The number's friendly name.
      type: str
      sample: (555) 123-0001
    capabilities:
      description: Whether the number can do voice, SMS, MMS and fax.
      type: dict
      sample: {voice: true, sms: true, mms: true, fax: false}
    sms_url:
      description:
        - The number's own inbound SMS webhook; Flex's Proxy webhook for legacy Flex, empty for Flex Conversations.
        - Its user info (a user name and password for HTTP authentication) is shown as C(***@) and its query and fragment
          (which may carry a token) as C(?...); C((unreadable URL, not shown)) when it is no URL with a host. So two
          values that differ only there compare equal.
      type: str
      sample: https://webhooks.twilio.com/v1/Accounts/AC0123456789abcdef0123456789abcdef/Proxy/KS0123456789abcdef0123456789abcdef/Webhooks/Message
    sms_method:
      description: The HTTP method of RV(phone_numbers[].sms_url).
      type: str
      sample: POST
    sms_application_sid:
      description: The TwiML application that handles inbound SMS instead of RV(phone_numbers[].sms_url), if any.
      type: str
      sample: null
    status:
      description: The number's status in the account.
      type: str
      sample: in-use
    messaging_service_sid:
      description: The Messaging Service whose sender pool holds the number, or null.
      type: str
      sample: MG0123456789abcdef0123456789abcdef
account:
  description: The account of the task's credentials. Only C(sid) unless O(include_account=true).
  returned: always
  type: dict
  contains:
    sid:
      description: The account SID.
      type: str
      sample: AC0123456789abcdef0123456789abcdef
    friendly_name:
      description: The account's friendly name; null when not read, not readable, or an email address (see RV(account.note)).
      type: str
      sample: Production (East)
    status:
      description: V(active), V(suspended) or V(closed); null when not read.
      type: str
      sample: active
    type:
      description: V(Trial) or V(Full); null when not read.
      type: str
      sample: Full
    note:
      description:
        - Why RV(account.friendly_name) is null although O(include_account=true), else null; C(friendly name not read)
          followed by a short reason when the Account resource could not be read.
      type: str
      sample: null
missing:
  description: Entries of O(phone_numbers) that match no number of the account.
  returned: always
  type: list
  elements: str
  sample: ["+15559990000"]
"""

from ansible_collections.tendlc.twilio.plugins.module_utils._phone_number_info import PhoneNumberInfo


def main() -> None:
    module = PhoneNumberInfo.define_module()
    PhoneNumberInfo(module).run()


if __name__ == "__main__":
    main()
