# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    """How long, and how often, the A2P modules poll while they wait for approval."""

    DOCUMENTATION = r"""
options:
  wait_timeout:
    description:
      - Seconds to wait at most.
    type: int
    default: 600
  poll_interval:
    description:
      - Seconds between two polls, at least 1 (Twilio allows one A2P request per second).
    type: float
    default: 10
"""
