# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""How Twilio Flex receives a number's inbound SMS, and the check that it still does.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import re
from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._client import call

# Flex's own page size limit for address configurations is 50; flex flows take the usual 1000.
ADDRESS_PAGE_SIZE = 50
FLOW_PAGE_SIZE = 1000
# Legacy Flex: inbound SMS of a number goes to the Proxy webhook of the Flex Proxy service.
PROXY_WEBHOOK = re.compile(r"^https://webhooks\.twilio\.com/v1/Accounts/AC[0-9a-f]{32}/Proxy/KS[0-9a-f]{32}/Webhooks/Message$")
ROUTINGS = ("legacy", "conversations")


def sms_flex_flows(client: Any) -> dict[str, Any]:
    """The account's SMS Flex Flows, by the number they serve (contact identity)."""
    flows = call("list Flex Flows", client.flex_api.v1.flex_flow.list, page_size=FLOW_PAGE_SIZE)
    return {flow.contact_identity: flow for flow in flows if flow.channel_type == "sms" and flow.contact_identity}


def sms_addresses(client: Any) -> dict[str, Any]:
    """The account's Conversations address configurations of type sms, by address."""
    found = call("list Conversations address configurations", client.conversations.v1.address_configurations.list, type="sms",
                 page_size=ADDRESS_PAGE_SIZE)
    return {item.address: item for item in found if item.type == "sms"}


def routing_problems(number: Any, routing: str, flows: dict[str, Any], addresses: dict[str, Any]) -> list[str]:
    """Why an owned number (IncomingPhoneNumber) does not route inbound SMS to Flex; empty when it does."""
    problems = []
    if number.sms_application_sid:
        problems.append("sms_application_sid is %s, which takes inbound SMS away from Flex" % number.sms_application_sid)
    if routing == "legacy":
        flow = flows.get(number.phone_number)
        if flow is None:
            problems.append("no SMS Flex Flow has contact identity %s" % number.phone_number)
        elif flow.enabled is False:
            problems.append("its SMS Flex Flow %s is disabled" % flow.sid)
        if not PROXY_WEBHOOK.match(number.sms_url or ""):
            problems.append("sms_url is %r, not Flex's Proxy webhook (https://webhooks.twilio.com/v1/Accounts/AC.../Proxy/KS.../Webhooks/Message)"
                            % (number.sms_url or ""))
    else:
        if number.phone_number not in addresses:
            problems.append("no Conversations address configuration of type sms has address %s" % number.phone_number)
        if number.sms_url:
            problems.append("sms_url is %r; with Flex Conversations it must be empty so the address configuration receives inbound SMS"
                            % number.sms_url)
    return problems
