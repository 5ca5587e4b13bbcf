# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The class of the module tendlc.twilio.a2p_external_campaign: read, plan and apply (see the module's documentation).

It lives here, not in the module, so that tendlc.twilio.flex_a2p_plan can run it in its own process (module_utils/_steps.py).

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

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
