#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: a2p_brand_info
short_description: List a Twilio account's A2P 10DLC brands and the campaigns using them
version_added: 0.1.0
description:
  - Returns the account's A2P brand registrations with their status, identity status, type, mock flag and errors,
    and, for each, the Messaging Services whose A2P campaign uses it.
  - Never changes anything.
author:
  - tendlc.twilio maintainers (@tendlc)
extends_documentation_fragment:
  - tendlc.twilio.auth
attributes:
  check_mode:
    support: full
    description: The module only reads, so it runs the same in check mode.
  diff_mode:
    support: none
    description: The module changes nothing, so it has no diff.
options:
  sid:
    description:
      - Return only the brand with this SID (C(BN...)).
    type: str
seealso:
  - module: tendlc.twilio.a2p_brand
"""

EXAMPLES = r"""
- name: Brands and their campaigns
  tendlc.twilio.a2p_brand_info:
  register: brands

- name: Brands that are not approved
  ansible.builtin.debug:
    msg: "{{ brands.brands | rejectattr('status', 'eq', 'APPROVED') | map(attribute='sid') | list }}"
"""

RETURN = r"""
brands:
  description: The brands as Twilio returns them, each with the campaigns that use it under C(campaigns).
  returned: always
  type: list
  elements: dict
  sample:
    - sid: BN0123456789abcdef0123456789abcdef
      status: APPROVED
      identity_status: VERIFIED
      brand_type: STANDARD
      mock: false
      errors: []
      failure_reason: null
      campaigns:
        - sid: QE2c6890da8086d771620e9b13fadeba0b
          messaging_service_sid: MG0123456789abcdef0123456789abcdef
          campaign_status: VERIFIED
          us_app_to_person_usecase: CUSTOMER_CARE
"""

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import fetch_brand, list_brands, list_campaigns
from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._client import resource_dict
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import list_services
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import check_sid

CAMPAIGN_FIELDS = ("sid", "messaging_service_sid", "campaign_status", "us_app_to_person_usecase", "campaign_id", "is_externally_registered", "mock")


class A2PBrandInfo(TwilioModule):
    argument_spec = {"sid": {"type": "str"}}

    def validate(self) -> None:
        check_sid("sid", self.params["sid"], "BN")

    def execute(self) -> None:
        if self.params["sid"]:
            brand = fetch_brand(self.client, self.params["sid"])
            brands = [brand] if brand is not None else []
        else:
            brands = list_brands(self.client)
        campaigns: dict[str, list[dict[str, object]]] = {}
        if brands:
            for service in list_services(self.client):
                for campaign in list_campaigns(self.client, service.sid):
                    campaigns.setdefault(campaign.brand_registration_sid, []).append({f: getattr(campaign, f) for f in CAMPAIGN_FIELDS})
        self.result["brands"] = [{**resource_dict(brand), "campaigns": campaigns.get(brand.sid, [])} for brand in brands]


def main() -> None:
    module = A2PBrandInfo.define_module()
    A2PBrandInfo(module).run()


if __name__ == "__main__":
    main()
