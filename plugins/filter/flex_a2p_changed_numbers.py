# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The flex_a2p_changed_numbers filter: the numbers whose own inbound settings differ after the flex_a2p role's run."""

from __future__ import annotations

from typing import Any

DOCUMENTATION = r"""
name: flex_a2p_changed_numbers
short_description: List the numbers whose own inbound SMS settings changed during the flex_a2p role's run
version_added: 0.1.0
author:
  - tendlc.twilio maintainers (@tendlc)
description:
  - The C(tendlc.twilio.flex_a2p) role reads its numbers (M(tendlc.twilio.phone_number_info)) before and after its
    writes. Its writes must leave each number's own inbound settings as they were, so that Flex keeps receiving its
    messages; this filter lists the numbers whose settings differ.
  - A number's inbound settings are its C(sid), C(phone_number), C(sms_url), C(sms_method) and C(sms_application_sid).
    A number read before but no longer read after counts as changed.
options:
  _input:
    description: The result of M(tendlc.twilio.phone_number_info) before the writes (its C(phone_numbers)).
    type: dict
    required: true
  after:
    description: The result of M(tendlc.twilio.phone_number_info) after the writes.
    type: dict
    required: true
"""

EXAMPLES = r"""
- name: Each number's inbound settings are unchanged
  ansible.builtin.assert:
    that: changed | length == 0
  vars:
    changed: "{{ numbers_before | tendlc.twilio.flex_a2p_changed_numbers(numbers_after) }}"
"""

RETURN = r"""
_value:
  description: The phone number of each number whose inbound settings changed, in the order read before.
  type: list
  elements: str
"""

INBOUND_FIELDS = ("sid", "phone_number", "sms_url", "sms_method", "sms_application_sid")


def _inbound(result: Any) -> list[dict[str, Any]]:
    numbers = result.get("phone_numbers") if isinstance(result, dict) else None
    return [{key: value for key, value in number.items() if key in INBOUND_FIELDS} for number in numbers or []]


def flex_a2p_changed_numbers(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The phone numbers whose inbound settings before the run are not among those after it."""
    now = _inbound(after)
    changed: list[dict[str, Any]] = []
    for number in _inbound(before):
        if number not in now and number not in changed:
            changed.append(number)
    return [number.get("phone_number") for number in changed]


class FilterModule:
    """The flex_a2p role's check after its writes."""

    def filters(self) -> dict[str, Any]:
        return {"flex_a2p_changed_numbers": flex_a2p_changed_numbers}
