# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The flex_a2p_routing_text filter: numbers and their Flex routing problems, or the problem the run fixes, as one text."""

from __future__ import annotations

from typing import Any

DOCUMENTATION = r"""
name: flex_a2p_routing_text
short_description: Word the numbers that do not route to Flex, or whose routing the flex_a2p role's run fixes
version_added: 0.1.0
author:
  - tendlc.twilio maintainers (@tendlc)
description:
  - The messages of the C(tendlc.twilio.flex_a2p) role about Flex routing name each number with its problems; this
    filter writes that part, one number after the other, separated by C( | ).
  - With O(what=problems), each number's C(problems), joined by C(; ).
  - With O(what=fixed), the service problem the run fixes (C(fixed)), and what still keeps the number from Flex after
    the run when it does not route to Flex (C(routes_to_flex) false).
options:
  _input:
    description:
      - The numbers, each a dict with C(phone_number) and C(problems) (the C(broken) entries of
        M(tendlc.twilio.flex_routing_info), or entries of the filter C(tendlc.twilio.flex_a2p_routing_plan)), and for
        O(what=fixed) C(fixed) and C(routes_to_flex).
    type: list
    elements: dict
    required: true
  what:
    description: What to say of each number.
    type: str
    choices: [problems, fixed]
    default: problems
"""

EXAMPLES = r"""
- name: Warn about the numbers that do not route to Flex
  ansible.builtin.debug:
    msg: "WARNING: {{ routing.broken | tendlc.twilio.flex_a2p_routing_text }}"
"""

RETURN = r"""
_value:
  description: One text, each number with what is said of it, separated by C( | ); empty for no numbers.
  type: str
"""

STILL_BROKEN = " (it still does not reach Flex after the run: %s)"


def _problems(number: dict[str, Any]) -> str:
    return "; ".join(str(problem) for problem in number.get("problems") or [])


def _said(number: dict[str, Any], what: str) -> str:
    if what == "problems":
        return _problems(number)
    return "%s%s" % (number.get("fixed"), "" if number.get("routes_to_flex") else STILL_BROKEN % _problems(number))


def flex_a2p_routing_text(numbers: list[dict[str, Any]], what: str = "problems") -> str:
    """Each number's phone number and what is said of it."""
    if what not in ("problems", "fixed"):
        raise ValueError("flex_a2p_routing_text: what must be problems or fixed, got %r" % (what,))
    if not isinstance(numbers, list):
        raise TypeError("flex_a2p_routing_text expects a list of numbers, got %s" % type(numbers).__name__)
    return " | ".join("%s: %s" % (number.get("phone_number"), _said(number, what)) for number in numbers)


class FilterModule:
    """The flex_a2p role's routing messages."""

    def filters(self) -> dict[str, Any]:
        return {"flex_a2p_routing_text": flex_a2p_routing_text}
