# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The flex_a2p_written filter: what the flex_a2p role's apply steps wrote, in words, for a failure after writes."""

from __future__ import annotations

from typing import Any

DOCUMENTATION = r"""
name: flex_a2p_written
short_description: Say what the flex_a2p role's run wrote
version_added: 0.1.0
author:
  - tendlc.twilio maintainers (@tendlc)
description:
  - The checks of the C(tendlc.twilio.flex_a2p) role after its writes fail with a message that says what the run
    already wrote. This filter words it from the results the apply steps registered, in the order the role writes.
  - A step wrote when its result is changed; the sender pool's words count the senders added, moved and removed, and
    the toll-free verifications' (a loop's result) name the numbers whose verification was submitted or edited.
options:
  _input:
    description:
      - The results of the apply steps, by step; C(service), C(pool), C(tollfree_verifications) (a loop's result, each
        item's with C(item.phone_number)), C(brand), C(campaign) and C(external_campaign), each a task result. A missing
        or skipped one wrote nothing.
    type: dict
    required: true
"""

EXAMPLES = r"""
- name: Say what the run wrote
  ansible.builtin.debug:
    msg: "{{ {'service': flex_a2p__service, 'pool': flex_a2p__pool} | tendlc.twilio.flex_a2p_written or 'nothing' }}"
"""

RETURN = r"""
_value:
  description:
    - What was written, joined by commas (C(the messaging service, the sender pool (2 added, 0 moved, 0 removed))); empty
      when the run wrote nothing.
  type: str
"""

# Each apply step, in the order the role writes, and its words.
STEPS = (("service", "the messaging service"), ("pool", "the sender pool"), ("tollfree_verifications", "the toll-free verification"),
         ("brand", "the brand"), ("campaign", "the campaign"), ("external_campaign", "the link to the external campaign"))


def _words(step: str, label: str, result: dict[str, Any]) -> str:
    if step == "tollfree_verifications":  # a loop: the numbers whose item wrote
        numbers = [str((item.get("item") or {}).get("phone_number")) for item in result.get("results") or [] if item.get("changed")]
        return "%s%s of %s" % (label, "s" if len(numbers) != 1 else "", ", ".join(numbers))
    if step != "pool":
        return label
    return "%s (%d added, %d moved, %d removed)" % (label, len(result.get("added") or []), len(result.get("moved") or []),
                                                    len(result.get("removed") or []))


def flex_a2p_written(applied: dict[str, Any]) -> str:
    """The steps whose result is changed, in words."""
    if not isinstance(applied, dict):
        raise TypeError("flex_a2p_written expects the apply steps' results as a dictionary, got %s" % type(applied).__name__)
    written = []
    for step, label in STEPS:
        result = applied.get(step)
        if isinstance(result, dict) and result.get("changed"):
            written.append(_words(step, label, result))
    return ", ".join(written)


class FilterModule:
    """What the flex_a2p role wrote."""

    def filters(self) -> dict[str, Any]:
        return {"flex_a2p_written": flex_a2p_written}
