#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: flex_routing_info
short_description: Check that Twilio Flex receives the inbound SMS of phone numbers
version_added: 0.1.0
description:
  - For each phone number, tells whether its inbound SMS reach Twilio Flex, and if not, why.
  - With O(inbound_routing=legacy) (Flex with Proxy and Flex Flows), a number needs an enabled SMS Flex Flow whose
    contact identity is the number, and its C(sms_url) must be Flex's Proxy webhook
    (C(https://webhooks.twilio.com/v1/Accounts/AC.../Proxy/KS.../Webhooks/Message)).
  - With O(inbound_routing=conversations) (Flex Conversations), a number needs a Conversations address configuration
    of type sms for the number, and an empty C(sms_url).
  - In both, a number with an C(sms_application_sid) does not route to Flex, because the TwiML application takes its
    inbound messages.
  - Never changes anything. The M(tendlc.twilio.sender_pool) requirement that the messaging service defers to the
    number's webhook (C(use_inbound_webhook_on_number)) is what keeps this routing working once the number is pooled.
author:
  - tendlc.twilio maintainers (@tendlc)
extends_documentation_fragment:
  - tendlc.twilio.auth
  - tendlc.twilio.info_module
options:
  phone_numbers:
    description:
      - The numbers to check, each an E.164 number or a phone number SID (C(PN...)) of the account.
    type: list
    elements: str
    required: true
  inbound_routing:
    description:
      - How Flex receives inbound SMS in this account.
    type: str
    choices: [legacy, conversations]
    required: true
seealso:
  - module: tendlc.twilio.phone_number_info
  - name: Send Application-to-Person SMS in the US (Flex Conversations)
    description: Twilio's guide to A2P 10DLC for a Flex Conversations contact center.
    link: https://www.twilio.com/docs/flex/admin-guide/setup/conversations/a2p-10dlc
  - name: Using Proxy with Flex A2P SMS (legacy Flex)
    description: Twilio's guide to A2P 10DLC for a Flex contact center on Programmable Chat and Proxy.
    link: https://www.twilio.com/docs/proxy/flex-a2p-10dlc
"""

EXAMPLES = r"""
- name: Every Flex number still routes to Flex
  tendlc.twilio.flex_routing_info:
    phone_numbers: ["+15551230001", "+15551230002"]
    inbound_routing: conversations
  register: routing

- name: Fail on numbers that do not reach Flex
  ansible.builtin.assert:
    that: routing.broken | length == 0
    fail_msg: "{{ routing.broken | map(attribute='phone_number') | join(', ') }} do not route to Flex"
"""

RETURN = r"""
phone_numbers:
  description: One entry per number checked, in the order given.
  returned: always
  type: list
  elements: dict
  contains:
    sid:
      description: The number's SID.
      type: str
      sample: PN0123456789abcdef0123456789abcdef
    phone_number:
      description: The number in E.164.
      type: str
      sample: "+15551230001"
    sms_url:
      description: The number's inbound SMS webhook.
      type: str
      sample: ""
    sms_method:
      description: The method of the webhook.
      type: str
      sample: POST
    sms_application_sid:
      description: The TwiML application that takes inbound SMS, if any.
      type: str
      sample: ""
    flex_flow_sid:
      description: The SMS Flex Flow of the number (legacy Flex), or null.
      type: str
      sample: null
    address_configuration_sid:
      description: The sms address configuration of the number (Flex Conversations), or null.
      type: str
      sample: IG0123456789abcdef0123456789abcdef
    routes_to_flex:
      description: Whether inbound SMS of the number reach Flex.
      type: bool
      sample: true
    problems:
      description: What is wrong, in words, when RV(phone_numbers[].routes_to_flex) is false.
      type: list
      elements: str
      sample: []
broken:
  description: The entries of RV(phone_numbers) that do not route to Flex.
  returned: always
  type: list
  elements: dict
  sample: []
missing:
  description: Entries of O(phone_numbers) that match no number of the account.
  returned: always
  type: list
  elements: str
  sample: []
"""

from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._flex import ROUTINGS, routing_problems, sms_addresses, sms_flex_flows
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import PHONE_NUMBER, list_owned_numbers, warn_missing


class FlexRoutingInfo(TwilioModule):
    argument_spec = {
        "phone_numbers": {"type": "list", "elements": "str", "required": True},
        "inbound_routing": {"type": "str", "choices": list(ROUTINGS), "required": True},
    }

    def validate(self) -> None:
        bad = [value for value in self.params["phone_numbers"] if not PHONE_NUMBER.accepts(value)]
        if bad:
            raise ModuleError("phone_numbers: %s is not %s." % (", ".join(repr(v) for v in bad), PHONE_NUMBER.expected), field="phone_numbers")

    def execute(self) -> None:
        owned = {key: n for n in list_owned_numbers(self.client) for key in (n.sid, n.phone_number)}
        wanted = list(dict.fromkeys(self.params["phone_numbers"]))
        numbers = [owned[value] for value in wanted if value in owned]
        self.result["missing"] = [value for value in wanted if value not in owned]
        warn_missing(self.module, self.client.account_sid, self.result["missing"])
        routing = self.params["inbound_routing"]
        flows = sms_flex_flows(self.client) if routing == "legacy" and numbers else {}
        addresses = sms_addresses(self.client) if routing == "conversations" and numbers else {}
        entries = []
        for number in numbers:
            problems = routing_problems(number, routing, flows, addresses)
            flow, address = flows.get(number.phone_number), addresses.get(number.phone_number)
            entries.append({
                "sid": number.sid, "phone_number": number.phone_number, "sms_url": number.sms_url, "sms_method": number.sms_method,
                "sms_application_sid": number.sms_application_sid, "flex_flow_sid": flow.sid if flow else None,
                "address_configuration_sid": address.sid if address else None, "routes_to_flex": not problems, "problems": problems,
            })
        self.result["phone_numbers"] = entries
        self.result["broken"] = [entry for entry in entries if not entry["routes_to_flex"]]


def main() -> None:
    module = FlexRoutingInfo.define_module()
    FlexRoutingInfo(module).run()


if __name__ == "__main__":
    main()
