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
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import list_services
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import PHONE_NUMBER, pool_holders
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import shown_url

# Flex's own page size limit for address configurations is 50; flex flows take the usual 1000.
ADDRESS_PAGE_SIZE = 50
FLOW_PAGE_SIZE = 1000
# Legacy Flex: inbound SMS of a number goes to the Proxy webhook of the Flex Proxy service.
PROXY_WEBHOOK = re.compile(r"^https://webhooks\.twilio\.com/v1/Accounts/AC[0-9a-f]{32}/Proxy/KS[0-9a-f]{32}/Webhooks/Message$")
ROUTINGS = ("legacy", "conversations")
# A problem of the number's own webhook while its messaging service does not defer to it: not what Twilio does now.
LATENT = "; this matters once the service defers to the number's webhook"


def sms_flex_flows(client: Any) -> dict[str, Any]:
    """The account's SMS Flex Flows, by the number they serve (contact identity)."""
    flows = call("list Flex Flows", client.flex_api.v1.flex_flow.list, page_size=FLOW_PAGE_SIZE)
    return {flow.contact_identity: flow for flow in flows if flow.channel_type == "sms" and flow.contact_identity}


def sms_addresses(client: Any) -> dict[str, Any]:
    """The account's Conversations address configurations of type sms, by address."""
    found = call("list Conversations address configurations", client.conversations.v1.address_configurations.list, type="sms",
                 page_size=ADDRESS_PAGE_SIZE)
    return {item.address: item for item in found if item.type == "sms"}


def routing_problems(number: Any, routing: str, flows: dict[str, Any], addresses: dict[str, Any], service: Any = None) -> tuple[list[str], list[str]]:
    """Why an owned number (IncomingPhoneNumber) does not route inbound SMS to Flex, as (current, latent) problems; both
    empty when it does.

    Its own webhook (sms_url) and TwiML application receive its inbound SMS only when no messaging service holds it or
    the service defers to the number's webhook (Twilio's spec of use_inbound_webhook_on_number); while its service
    does not, their problems are latent (they matter once the service defers), and only the Flex Flow or address
    configuration problems are current. URLs are shown without user info, query or fragment (shown_url)."""
    problems = []  # (problem, whether it is about the number's own webhook or TwiML application)
    if number.sms_application_sid:
        problems.append(("sms_application_sid is %s, which takes inbound SMS away from Flex" % number.sms_application_sid, True))
    if routing == "legacy":
        flow = flows.get(number.phone_number)
        if flow is None:
            problems.append(("no SMS Flex Flow has contact identity %s" % number.phone_number, False))
        elif flow.enabled is False:
            problems.append(("its SMS Flex Flow %s is disabled" % flow.sid, False))
        if not PROXY_WEBHOOK.match(number.sms_url or ""):
            problems.append(("sms_url is %r, not Flex's Proxy webhook (https://webhooks.twilio.com/v1/Accounts/AC.../Proxy/KS.../Webhooks/Message)"
                             % shown_url(number.sms_url or ""), True))
    else:
        if number.phone_number not in addresses:
            problems.append(("no Conversations address configuration of type sms has address %s" % number.phone_number, False))
        if number.sms_url:
            problems.append(("sms_url is %r; with Flex Conversations it must be empty so the address configuration receives inbound SMS"
                             % shown_url(number.sms_url), True))
    webhook_unused = service is not None and not service.use_inbound_webhook_on_number
    return ([text for text, own_webhook in problems if not (own_webhook and webhook_unused)],
            [text + LATENT for text, own_webhook in problems if own_webhook and webhook_unused])


def pooling_services(client: Any) -> dict[str, Any]:
    """The messaging service whose sender pool holds each phone number, by the number's SID: one list of the account's
    services, then one list of each service's phone numbers (the look-up phone_number_info uses)."""
    services = list_services(client)
    by_sid = {service.sid: service for service in services}
    return {number_sid: by_sid[service_sid] for number_sid, service_sid in pool_holders(client, services, (PHONE_NUMBER,)).items()}


def service_problem(service: Any, routing: str) -> str | None:
    """Why the messaging service whose pool holds a number keeps its inbound SMS from Flex; None when it does not.

    Twilio's spec (messaging v1, use_inbound_webhook_on_number and inbound_request_url): with the flag on, the number's own
    webhook receives its inbound messages; with it off, the service's inbound_request_url does, and a null URL means
    inbound messages are dropped. Only legacy Flex has a service URL that is Flex's own (the Proxy webhook); whether any
    service URL reaches a Flex Conversations address configuration is unconfirmed, so with Conversations it is a problem.
    """
    if service is None or service.use_inbound_webhook_on_number:
        return None
    url = service.inbound_request_url
    if routing == "legacy" and PROXY_WEBHOOK.match(url or ""):
        return None
    where = "go to the service's inbound_request_url %s, not to Flex" % shown_url(url) if url else "are dropped (no inbound_request_url)"
    return "its messaging service %s does not defer to the number's webhook (use_inbound_webhook_on_number false): inbound SMS %s" % (service.sid, where)
