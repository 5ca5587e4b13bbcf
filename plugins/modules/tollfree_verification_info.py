#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: tollfree_verification_info
short_description: List a Twilio account's toll-free numbers and the status of their verification
version_added: 0.3.0
description:
  - Returns the account's toll-free numbers (IncomingPhoneNumbers, all pages, +1 800, 833, 844, 855, 866, 877 and 888),
    each with its toll-free verification's SID, status, rejection reasons, error code, C(edit_allowed) and
    C(edit_expiration), or null when it has none. No personal data of the verification is returned.
  - Two requests whatever the number of numbers - the numbers, and the account's verifications (all pages).
extends_documentation_fragment:
  - tendlc.twilio.info_module
options:
  phone_numbers:
    description:
      - Return only these numbers, each in E.164 or as its SID (C(PN...)). A listed number the account does not own as a
        toll-free number is returned in RV(missing), with a warning.
    type: list
    elements: str
seealso:
  - module: tendlc.twilio.tollfree_verification
"""

EXAMPLES = r"""
- name: The account's toll-free numbers and their verification
  tendlc.twilio.tollfree_verification_info:
  register: tollfree

- name: Every toll-free number has an approved verification
  ansible.builtin.assert:
    that: >-
      tollfree.phone_numbers | rejectattr('verification', 'none') | map(attribute='verification.status')
      | select('eq', 'TWILIO_APPROVED') | list | length == tollfree.phone_numbers | length
"""

RETURN = r"""
phone_numbers:
  description: The toll-free numbers, each with its verification (the newest when there are several) or null.
  returned: always
  type: list
  elements: dict
  sample:
    - sid: PN0123456789abcdef0123456789abcdef
      phone_number: "+18005550100"
      verifications: 1
      verification:
        sid: HH0123456789abcdef0123456789abcdef
        status: TWILIO_APPROVED
        rejection_reason: null
        rejection_reasons: null
        error_code: null
        edit_allowed: null
        edit_expiration: null
        date_created: "2026-11-20T10:00:00Z"
        date_updated: "2026-11-23T16:30:00Z"
missing:
  description: The O(phone_numbers) the account does not own as toll-free numbers.
  returned: always
  type: list
  elements: str
  sample: []
"""

from ansible_collections.tendlc.twilio.plugins.module_utils._tollfree_verification_info import TollfreeVerificationInfo


def main() -> None:
    module = TollfreeVerificationInfo.define_module()
    TollfreeVerificationInfo(module).run()


if __name__ == "__main__":
    main()
