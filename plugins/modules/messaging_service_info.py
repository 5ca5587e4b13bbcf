#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: messaging_service_info
short_description: List the Messaging Services of a Twilio account
version_added: 0.1.0
description:
  - Returns the Messaging Services (C(MG...)) of the account, all pages, optionally filtered by O(sid) or by an exact
    O(friendly_name).
extends_documentation_fragment:
  - tendlc.twilio.info_module
options:
  sid:
    description:
      - Return only the service with this SID (an empty list when the account has none).
    type: str
  friendly_name:
    description:
      - Return only the services whose name is exactly this. Twilio allows several services with the same name.
    type: str
seealso:
  - module: tendlc.twilio.messaging_service
"""

EXAMPLES = r"""
- name: Every messaging service of the account
  tendlc.twilio.messaging_service_info:
  register: all_services

- name: The services named "Flex contact center"
  tendlc.twilio.messaging_service_info:
    friendly_name: Flex contact center
  register: flex

- name: Fail when Flex's service does not defer to the numbers' webhooks
  ansible.builtin.assert:
    that: flex.services | map(attribute='use_inbound_webhook_on_number') | list is all
"""

RETURN = r"""
services:
  description: The matching services as Twilio returns them, oldest first.
  returned: always
  type: list
  elements: dict
  sample:
    - sid: MG0123456789abcdef0123456789abcdef
      account_sid: AC0123456789abcdef0123456789abcdef
      friendly_name: Flex contact center
      usecase: discussion
      use_inbound_webhook_on_number: true
      us_app_to_person_registered: false
      url: https://messaging.twilio.com/v1/Services/MG0123456789abcdef0123456789abcdef
"""

from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._client import resource_dict
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import fetch_service, list_services
from ansible_collections.tendlc.twilio.plugins.module_utils._service import URL_FIELDS
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import check_sid


class MessagingServiceInfo(TwilioModule):
    argument_spec = {
        "sid": {"type": "str"},
        "friendly_name": {"type": "str"},
    }

    def validate(self) -> None:
        check_sid("sid", self.params["sid"], "MG")

    def execute(self) -> None:
        sid, name = self.params["sid"], self.params["friendly_name"]
        if sid:
            service = fetch_service(self.client, sid)
            services = [service] if service is not None else []
            if service is None:
                self.module.warn("No messaging service has sid=%r in account %s (the account of the task's credentials)." % (sid, self.client.account_sid))
        else:
            services = list_services(self.client)
        if name is not None:
            services = [service for service in services if service.friendly_name == name]
        for service in services:  # webhook URLs may carry a password or a token: masked in the result
            self.hide_url_secrets(*(getattr(service, field) for field in URL_FIELDS))
        self.result["services"] = [resource_dict(service) for service in services]


def main() -> None:
    module = MessagingServiceInfo.define_module()
    MessagingServiceInfo(module).run()


if __name__ == "__main__":
    main()
