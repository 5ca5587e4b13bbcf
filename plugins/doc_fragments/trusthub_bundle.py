# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    """The options and notes the two Trust Hub bundle modules (customer_profile, trust_product) share."""

    DOCUMENTATION = r"""
attributes:
  check_mode:
    support: full
    description: Reads everything and reports each planned step without writing, evaluating, submitting or waiting.
  diff_mode:
    support: full
    description:
      - Returns the fields of the bundle and of each of its parts before and after.
      - Personal data (the options marked as never shown) only as C((set)) or C((changed)), never the value.
options:
  friendly_name:
    description:
      - The bundle's name; with O(email), what finds it (an exact match of both). Its parts are named after it.
      - At most 64 characters, one line.
    type: str
    required: true
  email:
    description:
      - The email address that receives Twilio's updates on the bundle's status; with O(friendly_name), what finds it.
        Never shown.
    type: str
    required: true
  status_callback:
    description:
      - A URL Twilio calls when the bundle's status changes. The only field of the bundle itself that is updated in place.
    type: str
  submit:
    description:
      - Submit the bundle for Twilio's review (C(Status=pending-review)) once it is C(draft) (or C(twilio-rejected) and
        changed) and evaluated C(compliant). V(false) builds and evaluates it only.
    type: bool
    default: true
  wait:
    description:
      - Poll until the bundle is C(twilio-approved); fail at once when it is C(twilio-rejected), with Twilio's errors, and
        at O(wait_timeout) with the last status. Twilio's reviews can take days; never waits in check mode.
    type: bool
    default: false
  wait_timeout:
    description:
      - Seconds to wait at most.
    type: int
    default: 3600
  poll_interval:
    description:
      - Seconds between two polls, at least 1.
    type: float
    default: 10
notes:
  - Every write is counted; a failure after writes returns C(changed=true) with what was written (the result's SIDs).
  - An evaluation is a record Twilio creates (C(POST .../Evaluations)); it is made only when something was written or the
    latest evaluation is not compliant, and alone it does not make the task changed (a failure after it still says it
    was written).
  - Trust Hub bundles cost nothing; the A2P brand registered with them does (M(tendlc.twilio.a2p_brand)).
"""
