# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The class of the module tendlc.twilio.flex_routing_info: read, plan and apply (see the module's documentation).

It lives here, not in the module, so that tendlc.twilio.flex_a2p_plan can run it in its own process (module_utils/_steps.py).

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._flex import (
    ROUTINGS, pooling_services, routing_problems, service_problem, sms_addresses, sms_flex_flows)
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import PHONE_NUMBER, list_owned_numbers, warn_missing
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import shown_url


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
        # one entry per number, in the order first given, though given both as E.164 and as its SID
        numbers = list({owned[value].sid: owned[value] for value in wanted if value in owned}.values())
        self.result["missing"] = [value for value in wanted if value not in owned]
        warn_missing(self.module, self.client.account_sid, self.result["missing"])
        routing = self.params["inbound_routing"]
        flows = sms_flex_flows(self.client) if routing == "legacy" and numbers else {}
        addresses = sms_addresses(self.client) if routing == "conversations" and numbers else {}
        services = pooling_services(self.client) if numbers else {}
        entries = [self._entry(number, routing, flows, addresses, services.get(number.sid)) for number in numbers]
        self.result["phone_numbers"] = entries
        self.result["broken"] = [entry for entry in entries if not entry["routes_to_flex"]]

    @staticmethod
    def _entry(number: Any, routing: str, flows: dict[str, Any], addresses: dict[str, Any], service: Any) -> dict[str, Any]:
        """One number's routing: its own settings, the service whose pool holds it, and why it does not reach Flex."""
        number_problems, latent = routing_problems(number, routing, flows, addresses, service)
        problem = service_problem(service, routing)
        problems = number_problems + ([problem] if problem else [])
        flow, address = flows.get(number.phone_number), addresses.get(number.phone_number)
        return {
            "sid": number.sid, "phone_number": number.phone_number, "sms_url": shown_url(number.sms_url), "sms_method": number.sms_method,
            "sms_application_sid": number.sms_application_sid, "flex_flow_sid": flow.sid if flow else None,
            "address_configuration_sid": address.sid if address else None,
            "messaging_service_sid": service.sid if service else None,
            "service_defers": bool(service.use_inbound_webhook_on_number) if service else None,
            "service_inbound_request_url": shown_url(service.inbound_request_url or None) if service else None,
            "number_problems": number_problems, "latent_problems": latent, "service_problem": problem, "routes_to_flex": not problems,
            "problems": problems,
        }
