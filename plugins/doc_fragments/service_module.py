# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

from ansible_collections.tendlc.twilio.plugins.doc_fragments.auth import ModuleDocFragment as AuthDocFragment


class ModuleDocFragment:
    """What every module that acts on one messaging service (named by O(service)) documents alike: the authors and
    options of the auth fragment, and O(service) and O(plan_new_service) (C(SERVICE)), the latter for a service that an
    earlier task of the same run creates.

    A fragment cannot extend another, so C(DOCUMENTATION), set below the class, joins the two (the auth fragment's
    C(options) come last, so C(SERVICE)'s add to them); each part is a plain string where it is written, which is
    what ansible-test's yamllint reads.
    """

    DOCUMENTATION: str
    SERVICE = r"""
options:
  service:
    description:
      - The Messaging Service, by SID (C(MG...)) or exact friendly name. Several services with the name fail, listing
        their SIDs. The service must exist; create it with M(tendlc.twilio.messaging_service).
    type: str
    required: true
  plan_new_service:
    description:
      - In check mode only, when O(service) names no messaging service, plan as if it existed with nothing in it (an
        empty pool, no campaign) instead of failing, and warn. The C(tendlc.twilio.flex_a2p) role uses it to plan the
        whole run for a service that its messaging service step would create.
      - Ignored outside check mode, where a missing service always fails.
    type: bool
    default: false
"""


ModuleDocFragment.DOCUMENTATION = AuthDocFragment.DOCUMENTATION + ModuleDocFragment.SERVICE.replace("\noptions:\n", "\n", 1)
