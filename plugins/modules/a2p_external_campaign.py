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

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import describe_errors, list_campaigns, service_campaign
from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._campaign import EXTERNAL_CAMPAIGN, planned_link
from ansible_collections.tendlc.twilio.plugins.module_utils._client import call_delete, create_once, resource_dict
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import PLAN_NEW_SERVICE, service_to_plan


NOT_SHARED = 30904  # https://www.twilio.com/docs/errors/30904
REVIEW_PENDING = 30905  # https://www.twilio.com/docs/errors/30905
SHARE_FIRST = ("Share the campaign with Twilio as its DCA in The Campaign Registry and wait for TCR's CAMPAIGN_SHARE_ACCEPT event, then run "
               "this task again")


def link_view(campaign: Any) -> dict[str, Any]:
    if campaign is None:
        return {}
    view = {"campaign_sid": campaign.sid, "campaign_id": campaign.campaign_id, "is_externally_registered": bool(campaign.is_externally_registered)}
    if campaign.campaign_status == "FAILED":
        view["campaign_status"] = "FAILED"
    return view


def error_codes(campaign: Any) -> set[Any]:
    return {error.get("error_code") for error in campaign.errors or []}


class A2PExternalCampaign(TwilioModule):
    argument_spec = {
        "service": {"type": "str", "required": True},
        **EXTERNAL_CAMPAIGN.argument_spec(),
        "state": {"type": "str", "choices": ["present", "absent"], "default": "present"},
        "replace": {"type": "bool", "default": False},
        **PLAN_NEW_SERVICE,
    }
    required_if = [("state", "present", ("campaign_id",))]

    service: Any = None
    campaign: Any = None

    def validate(self) -> None:
        EXTERNAL_CAMPAIGN.check(self.params)

    def execute(self) -> None:
        self.service = service_to_plan(self, self.params["service"])
        self.campaign = service_campaign(self.client, self.service.sid) if self.service else None
        if self.params["state"] == "present":
            self.present()
        else:
            self.absent()

    def _linked(self) -> bool:
        return self.campaign is not None and bool(self.campaign.is_externally_registered) and self.campaign.campaign_id == self.params["campaign_id"]

    def present(self) -> None:
        reattach = self._linked() and self.campaign.campaign_status == "FAILED"
        if self._linked() and not reattach:
            self.set_diff(before=link_view(self.campaign), after=link_view(self.campaign))
            self.result["campaign"] = resource_dict(self.campaign)
            return
        self._refuse(reattach)
        self.mark_changed()
        wanted = {"campaign_id": self.params["campaign_id"], "is_externally_registered": True}
        if reattach:
            wanted["reattach"] = ("delete the FAILED link %s (Twilio error %d) and link the service again" % (self.campaign.sid, REVIEW_PENDING))
        self.set_diff(before=link_view(self.campaign), after=wanted)
        self.result["campaign"] = planned_link(self.params["campaign_id"], self.service.sid if self.service else None)
        if not self.check_mode:
            self._apply(reattach)

    def _refuse(self, reattach: bool) -> None:
        """A FAILED link that re-attaching does not fix, or another campaign without replace=true: fail before writing."""
        if reattach and REVIEW_PENDING not in error_codes(self.campaign):
            raise ModuleError("The link of messaging service %s to externally registered campaign %s (%s) is FAILED: %s. Re-attaching does not "
                              "fix that: correct the campaign in The Campaign Registry, remove this link (state=absent), share the campaign "
                              "with Twilio again and link it once TCR sends CAMPAIGN_SHARE_ACCEPT."
                              % (self.service.sid, self.params["campaign_id"], self.campaign.sid, describe_errors(self.campaign.errors)),
                              campaign_sid=self.campaign.sid, errors=self.campaign.errors)
        if self.campaign is not None and not self.params["replace"] and not reattach:
            kind = "externally registered campaign %s" % self.campaign.campaign_id if self.campaign.is_externally_registered else "A2P campaign"
            raise ModuleError("Messaging service %s already has the %s (%s); pass replace=true to delete it and link %s."
                              % (self.service.sid, kind, self.campaign.sid, self.params["campaign_id"]), campaign_sid=self.campaign.sid)

    def _apply(self, reattach: bool) -> None:
        """Delete the service's campaign (to replace or re-attach it), link the campaign, and fail if Twilio reports the link FAILED."""
        if self.campaign is not None:
            if reattach:
                self.module.warn("Deleting the FAILED link %s of messaging service %s to re-attach campaign %s: Twilio keeps a link FAILED with "
                                 "error %d until the service is re-attached."
                                 % (self.campaign.sid, self.service.sid, self.params["campaign_id"], REVIEW_PENDING))
            else:
                self.module.warn("Deleting campaign %s of messaging service %s to link %s."
                                 % (self.campaign.sid, self.service.sid, self.params["campaign_id"]))
            self._delete()
            self.result["campaign"] = {}
            self.result["deleted_campaign"] = resource_dict(self.campaign)
        args = {**EXTERNAL_CAMPAIGN.as_request(EXTERNAL_CAMPAIGN.wanted(self.params)), "messaging_service_sid": self.service.sid}
        try:
            # If Twilio may have linked it already (a reset or 5xx after sending), the service's campaign is looked up first.
            create_once(self.client, "link campaign %s to messaging service %s" % (self.params["campaign_id"], self.service.sid), self._find_link,
                        self.client.messaging.v1.external_campaign.create, **args)
        except ModuleError as exc:
            if exc.extra.get("error", {}).get("code") == NOT_SHARED:
                exc.msg += " Twilio's DCA has no campaign %s: check campaign_id. %s." % (self.params["campaign_id"], SHARE_FIRST)
            if self.campaign is not None:
                exc.msg += self._after_delete(reattach)
            raise
        linked = service_campaign(self.client, self.service.sid)
        self.result["campaign"] = resource_dict(linked) if linked is not None else {}
        if linked is not None and linked.campaign_status == "FAILED":
            raise ModuleError("Linked messaging service %s to externally registered campaign %s (%s), but Twilio reports the link FAILED: %s. %s: "
                              "it then re-attaches the service (deletes this link and links again)."
                              % (self.service.sid, self.params["campaign_id"], linked.sid, describe_errors(linked.errors), SHARE_FIRST),
                              campaign_sid=linked.sid, errors=linked.errors)

    def _after_delete(self, reattach: bool) -> str:
        """What to say, and return, when the link failed after the service's previous campaign was deleted. A re-attach
        offers no C(restore): linking the same campaign again fails the same way until TCR's CAMPAIGN_SHARE_ACCEPT."""
        if reattach:
            return (" The FAILED link %s was removed: messaging service %s now has no A2P campaign. Link campaign %s again after TCR's "
                    "CAMPAIGN_SHARE_ACCEPT event (run this task again then)." % (self.campaign.sid, self.service.sid, self.params["campaign_id"]))
        gone = "The service's previous campaign %s had already been deleted: messaging service %s now has no A2P campaign. " % (
            self.campaign.sid, self.service.sid)
        if self.campaign.is_externally_registered:
            self.result["restore"] = {"service": self.service.sid, "campaign_id": self.campaign.campaign_id}
            return " " + gone + "To link it again, run this module with the result's 'restore'."
        return (" " + gone + "It was registered through Twilio; its fields are in the result's 'deleted_campaign' (Twilio's field names): "
                "register it again with tendlc.twilio.a2p_campaign (reviewed again, with its fee).")

    def absent(self) -> None:
        wanted_id = self.params["campaign_id"]
        linked = self.campaign is not None and bool(self.campaign.is_externally_registered) and wanted_id in (None, self.campaign.campaign_id)
        self.result["campaign"] = {} if linked or self.campaign is None else resource_dict(self.campaign)
        if not linked:
            self.set_diff(before=link_view(self.campaign), after=link_view(self.campaign))
            return
        self.mark_changed()
        self.set_diff(before=link_view(self.campaign), after={})
        if not self.check_mode:
            self._delete()

    def _find_link(self) -> Any | None:
        """The service's link to the wanted external campaign, or None."""
        return next((c for c in list_campaigns(self.client, self.service.sid)
                     if c.is_externally_registered and c.campaign_id == self.params["campaign_id"]), None)

    def _delete(self) -> None:
        call_delete("delete campaign %s of messaging service %s" % (self.campaign.sid, self.service.sid),
                    self.client.messaging.v1.services(self.service.sid).us_app_to_person(self.campaign.sid).delete)


def main() -> None:
    module = A2PExternalCampaign.define_module()
    A2PExternalCampaign(module).run()


if __name__ == "__main__":
    main()
