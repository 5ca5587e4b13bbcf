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
    and, for each, the Messaging Services whose A2P campaign uses it; and every campaign of the account's services.
extends_documentation_fragment:
  - tendlc.twilio.info_module
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

- name: Every brand is approved
  ansible.builtin.assert:
    that: brands.brands | rejectattr('status', 'eq', 'APPROVED') | list | length == 0
    fail_msg: "Not approved: {{ brands.brands | rejectattr('status', 'eq', 'APPROVED') | map(attribute='sid') | join(', ') }}"
"""

RETURN = r"""
campaigns:
  description:
    - Every A2P campaign of the account's messaging services (one per service at most), externally registered ones
      included; with O(sid), those of that brand.
  returned: always
  type: list
  elements: dict
  sample:
    - sid: QE2c6890da8086d771620e9b13fadeba0b
      messaging_service_sid: MG0123456789abcdef0123456789abcdef
      brand_registration_sid: BN0123456789abcdef0123456789abcdef
      campaign_status: VERIFIED
      us_app_to_person_usecase: CUSTOMER_CARE
      campaign_id: CABC123
      is_externally_registered: false
      mock: false
      errors: []
      date_created: "2026-11-20T10:00:00Z"
      date_updated: "2026-11-23T16:30:00Z"
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

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p_brand_info import A2PBrandInfo


def main() -> None:
    module = A2PBrandInfo.define_module()
    A2PBrandInfo(module).run()


if __name__ == "__main__":
    main()
