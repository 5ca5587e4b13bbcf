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
  - In both, the Messaging Service whose sender pool holds the number decides too, as Twilio routes a pooled number's
    inbound SMS. With the service's C(use_inbound_webhook_on_number) true ("Defer to sender's webhook") the number's own
    settings above receive them. With it false, the service's C(inbound_request_url) receives them instead, and when
    that URL is null Twilio drops them (Twilio's spec of the Messaging Service resource); so the number does not route
    to Flex, unless (legacy Flex only) the service's URL is itself Flex's Proxy webhook. Whether any service URL reaches
    a Flex Conversations address configuration is not documented, so with O(inbound_routing=conversations) a service
    that does not defer is always a problem.
  - Each entry says why, split into the number's own configuration (RV(phone_numbers[].number_problems)) and its
    service's (RV(phone_numbers[].service_problem)). While its service does not defer, Twilio does not use the number's
    own C(sms_url) or C(sms_application_sid) for inbound SMS, so their problems are not current problems but
    RV(phone_numbers[].latent_problems), which matter once the service defers to the number's webhook; a problem of
    the Flex Flow or the address configuration stays current.
  - A number given twice (as E.164 and as its SID) is checked once.
  - URLs in the result (RV(phone_numbers[].sms_url), RV(phone_numbers[].service_inbound_request_url) and those quoted
    in problems) are shown without their user info (C(***@)) and without their query and fragment (C(?...)), since Twilio
    accepts a user name and password in a webhook URL for HTTP authentication, and a query often carries a token.
  - The services and their pools are read once per run (one list of services, one list of phone numbers per service),
    only when a listed number is found.
  - Never changes anything. M(tendlc.twilio.messaging_service) with C(use_inbound_webhook_on_number=true)
    fixes a service problem; the C(tendlc.twilio.flex_a2p) role always does so for its own service.
extends_documentation_fragment:
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

- name: The messaging services that keep numbers' inbound SMS from Flex
  ansible.builtin.debug:
    msg: "{{ routing.phone_numbers | selectattr('service_problem') | map(attribute='messaging_service_sid') | unique | list }}"
"""

RETURN = r"""
phone_numbers:
  description: One entry per number checked, in the order given (a number given twice, once).
  returned: always
  type: list
  elements: dict
  contains:
    sid:
      description: The number's SID.
      type: str
      sample: PN0123456789abcdef0123456789abcdef
    phone_number:
      description: The number in E.164, whether O(phone_numbers) gave it so or by its SID.
      type: str
      sample: "+15551230001"
    sms_url:
      description:
        - The number's inbound SMS webhook, its user info shown as C(***@) and its query and fragment as C(?...);
          C((unreadable URL, not shown)) when it is no URL with a host.
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
    messaging_service_sid:
      description: The Messaging Service whose sender pool holds the number, or null when it is in no pool.
      type: str
      sample: MG0123456789abcdef0123456789abcdef
    service_defers:
      description:
        - The service's C(use_inbound_webhook_on_number) ("Defer to sender's webhook"); null when the number is in no pool.
      type: bool
      sample: false
    service_inbound_request_url:
      description:
        - The service's C(inbound_request_url), which receives the number's inbound SMS when RV(phone_numbers[].service_defers)
          is false; null when the service has none (inbound SMS are then dropped) or the number is in no pool.
        - Its user info is shown as C(***@) and its query and fragment as C(?...), as in RV(phone_numbers[].sms_url).
      type: str
      sample: https://example.com/marketing/inbound
    number_problems:
      description:
        - What is wrong now with the number's own configuration (webhook, TwiML application, Flex Flow, address
          configuration). While its service does not defer, only the Flex Flow and the address configuration.
      type: list
      elements: str
      sample: []
    latent_problems:
      description:
        - What is wrong with the number's own webhook or TwiML application while its service does not defer to the
          number's webhook (RV(phone_numbers[].service_defers) false), so that Twilio does not use them now; each
          matters once the service defers. Not in RV(phone_numbers[].problems). Empty otherwise.
      type: list
      elements: str
      sample:
        - >-
          sms_url is '', not Flex's Proxy webhook (https://webhooks.twilio.com/v1/Accounts/AC.../Proxy/KS.../Webhooks/Message);
          this matters once the service defers to the number's webhook
    service_problem:
      description: What is wrong with the routing of the service whose pool holds the number, or null.
      type: str
      sample: >-
        its messaging service MG0123456789abcdef0123456789abcdef does not defer to the number's webhook
        (use_inbound_webhook_on_number false): inbound SMS go to the service's inbound_request_url
        https://example.com/marketing/inbound, not to Flex
    routes_to_flex:
      description: Whether inbound SMS of the number reach Flex now (RV(phone_numbers[].problems) is empty).
      type: bool
      sample: false
    problems:
      description:
        - Every reason the number does not route to Flex, in words; RV(phone_numbers[].number_problems) followed by
          RV(phone_numbers[].service_problem) when there is one. Empty when RV(phone_numbers[].routes_to_flex) is true.
      type: list
      elements: str
      sample:
        - >-
          its messaging service MG0123456789abcdef0123456789abcdef does not defer to the number's webhook
          (use_inbound_webhook_on_number false): inbound SMS go to the service's inbound_request_url
          https://example.com/marketing/inbound, not to Flex
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

from ansible_collections.tendlc.twilio.plugins.module_utils._flex_routing_info import FlexRoutingInfo


def main() -> None:
    module = FlexRoutingInfo.define_module()
    FlexRoutingInfo(module).run()


if __name__ == "__main__":
    main()
