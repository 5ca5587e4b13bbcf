#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: a2p_external_campaign
short_description: Link a Twilio Messaging Service to an A2P 10DLC campaign registered outside Twilio
version_added: 0.1.0
description:
  - Links a campaign that was registered with The Campaign Registry outside Twilio (its campaign ID, for example
    C(CABC123)) to a Messaging Service, through Twilio's PreregisteredUsa2p API, or removes that link.
  - A service linked to that campaign already is left alone, unless Twilio reports the link C(FAILED). A link that
    failed with error 30905 (the campaign was linked before Twilio's DCA accepted it; Twilio keeps it C(FAILED) until
    the service is re-attached) is re-attached, that is deleted and created again, and reported as a change (also in
    check mode and the diff, where nothing is written). A link that failed for another reason fails with Twilio's
    errors and what to do.
  - An unknown campaign ID (Twilio error 30904, the campaign was not shared with Twilio as its DCA) fails with
    Twilio's words and the next step; so does a link that is still C(FAILED) after it was made or re-attached.
  - A service with another campaign (external or registered through Twilio) fails clearly unless O(replace=true),
    which deletes that campaign first.
extends_documentation_fragment:
  - tendlc.twilio.service_module
attributes:
  check_mode:
    support: full
    description: Reports what a real run would do, without writing.
  diff_mode:
    support: full
    description: Returns the service's campaign link before and after.
options:
  campaign_id:
    description:
      - The campaign ID The Campaign Registry gave the campaign. Required with O(state=present).
      - With O(state=absent), only a link to this campaign is removed; without it, any external link of the service is.
    type: str
  cnp_migration:
    description:
      - Tell Twilio the campaign is being migrated to Twilio as its connectivity partner (CNP migration). Sent only
        when the link is created.
    type: bool
  state:
    description:
      - V(present) links the campaign; V(absent) removes the link. A campaign registered through Twilio is never
        removed by V(absent); use M(tendlc.twilio.a2p_campaign) for it.
    type: str
    choices: [present, absent]
    default: present
  replace:
    description:
      - When the service has another campaign, delete it and link this one. The service sends no A2P traffic in between.
    type: bool
    default: false
seealso:
  - module: tendlc.twilio.a2p_campaign
"""

EXAMPLES = r"""
- name: The Flex service sends under our externally registered campaign
  tendlc.twilio.a2p_external_campaign:
    service: Flex contact center
    campaign_id: CABC123

- name: Remove the link
  tendlc.twilio.a2p_external_campaign:
    service: Flex contact center
    campaign_id: CABC123
    state: absent
"""

RETURN = r"""
campaign:
  description:
    - The service's campaign (the UsAppToPerson record of the link) as Twilio returns it; empty when there is none.
    - In check mode, when the link would be made, the fields a real link returns, less the SID, account, dates and URL
      that Twilio assigns - C(campaign_id), C(messaging_service_sid) and C(is_externally_registered); the others, which
      The Campaign Registry and Twilio fill in, are null.
  returned: always
  type: dict
  sample:
    sid: QE2c6890da8086d771620e9b13fadeba0b
    campaign_id: CABC123
    is_externally_registered: true
    messaging_service_sid: MG0123456789abcdef0123456789abcdef
    campaign_status: VERIFIED
deleted_campaign:
  description:
    - With O(replace=true), the campaign the module deleted to make room for the link, as Twilio returned it. Returned
      also when the link then fails (the service then has no campaign).
  returned: when a campaign was deleted
  type: dict
  sample: {sid: QE2c6890da8086d771620e9b13fadeba0b, campaign_status: VERIFIED, is_externally_registered: false}
restore:
  description:
    - When the link failed after the service's previous externally registered campaign was deleted, the options of this
      module that link that campaign again.
  returned: when a replace of an externally registered campaign failed after its delete (not after a re-attach, whose
    link would fail the same way)
  type: dict
  sample: {service: MG0123456789abcdef0123456789abcdef, campaign_id: CABC123}
"""

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p_external_campaign import A2PExternalCampaign


def main() -> None:
    module = A2PExternalCampaign.define_module()
    A2PExternalCampaign(module).run()


if __name__ == "__main__":
    main()
