# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    """Planning, in check mode, for a messaging service that an earlier task of the same run creates."""

    DOCUMENTATION = r"""
options:
  plan_new_service:
    description:
      - In check mode only, when O(service) names no messaging service, plan as if it existed with nothing in it (an
        empty pool, no campaign) instead of failing, and warn. The C(tendlc.twilio.flex_a2p) role uses it to plan the
        whole run for a service that its messaging service step would create.
      - Ignored outside check mode, where a missing service always fails.
    type: bool
    default: false
"""
