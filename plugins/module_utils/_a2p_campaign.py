# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The class of the module tendlc.twilio.a2p_campaign: read, plan and apply (see the module's documentation).

It lives here, not in the module, so that tendlc.twilio.flex_a2p_plan can run it in its own process (module_utils/_steps.py).

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import (
    SOLE_PROPRIETOR, WAIT_OPTIONS, account_campaigns, awaiting_otp, brand_usecases, check_wait_options, describe_errors, fetch_brand, service_campaign,
    wait_for,
)
from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule, wanted_changes
from ansible_collections.tendlc.twilio.plugins.module_utils._campaign import CAMPAIGN, CREATE_REQUIRED, FIXED, UPDATE_REQUIRED, URL_OPTIONS, planned_campaign
from ansible_collections.tendlc.twilio.plugins.module_utils._client import call, call_delete, create_once, resource_dict
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import AmbiguousWriteError, ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._inputs import check_campaign_options
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import PLAN_NEW_SERVICE, service_to_plan
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import PHONE_NUMBER, list_pool


class A2PCampaign(TwilioModule):
    argument_spec = {
        "service": {"type": "str", "required": True},
        "state": {"type": "str", "choices": ["present", "absent"], "default": "present"},
        **CAMPAIGN.argument_spec(),
        "replace": {"type": "bool", "default": False},
        **PLAN_NEW_SERVICE,
        "wait_for": {"type": "list", "elements": "str", "choices": ["PENDING", "IN_PROGRESS", "VERIFIED", "FAILED"], "default": ["VERIFIED"]},
        **WAIT_OPTIONS,
    }

    service: Any = None
    campaign: Any = None
    brand: Any = None

    def validate(self) -> None:
        # The privacy policy and terms URLs may carry a password or a token: masked in the result, its diff and its invocation.
        self.hide_url_secrets(*(self.params[option] for option in URL_OPTIONS))
        check_campaign_options(self.params)
        check_wait_options(self.params)

    def execute(self) -> None:
        self.service = service_to_plan(self, self.params["service"])
        self.campaign = service_campaign(self.client, self.service.sid) if self.service else None
        if self.campaign is not None:  # its URLs as Twilio holds them, masked like the options'
            held = CAMPAIGN.current(self.campaign)
            self.hide_url_secrets(*(held[option] for option in URL_OPTIONS))
        self.result["replaced"] = False
        if self.params["state"] == "absent":
            self.absent()
        else:
            self.present()

    def _wanted(self) -> dict[str, Any]:
        return CAMPAIGN.wanted(self.params)

    def _current(self) -> dict[str, Any]:
        """The managed fields of the existing campaign, under the module's option names, empty texts and lists for null."""
        return CAMPAIGN.current(self.campaign)

    def present(self) -> None:
        if self.campaign is None:
            self._create(self._check_create())
            return
        current = self._current()
        fixed = {option: value for option, value in wanted_changes(current, self._wanted()).items() if option in FIXED}
        external = bool(self.campaign.is_externally_registered)
        if (fixed or external) and not self.params["replace"]:
            raise ModuleError(self._refusal(current, fixed, external), fields=sorted(fixed), campaign_sid=self.campaign.sid)
        if fixed or external:
            self._replace()
        else:
            self._update(current)

    def _refusal(self, current: dict[str, Any], fixed: dict[str, Any], external: bool) -> str:
        if external:
            return ("Messaging service %s is linked to the externally registered campaign %s (%s); pass replace=true to delete that link "
                    "and register a Twilio campaign." % (self.service.sid, self.campaign.campaign_id, self.campaign.sid))
        fields = "; ".join("%s is %r, wanted %r" % (option, current[option], value) for option, value in sorted(fixed.items()))
        return ("The A2P campaign %s of messaging service %s cannot change these fields: %s. Pass replace=true to delete it and register a new "
                "campaign; the service then sends no A2P traffic until the new one is approved." % (self.campaign.sid, self.service.sid, fields))

    def _check_create(self) -> dict[str, Any]:
        """Everything a create needs: the required fields, an approved brand, a use case the brand may use."""
        wanted = self._wanted()
        missing = CAMPAIGN.missing_on_create(wanted)
        if missing:
            raise ModuleError("To register an A2P campaign, also give: %s." % ", ".join(missing), field=missing[0])
        brand_sid = wanted["brand_registration_sid"]
        self.brand = brand = fetch_brand(self.client, brand_sid)
        if brand is None:
            raise ModuleError("brand_registration_sid=%r: the account has no such A2P brand (it is not a brand of account %s, whose credentials "
                              "the task uses)." % (brand_sid, self.client.account_sid), field="brand_registration_sid")
        if brand.status != "APPROVED":
            raise ModuleError("brand_registration_sid=%r: the brand is %s, not APPROVED (%s); Twilio would refuse the campaign (21717)."
                              % (brand_sid, brand.status, describe_errors(brand.errors)), field="brand_registration_sid", brand_status=brand.status)
        holding = awaiting_otp(brand)
        if holding:
            raise ModuleError("brand_registration_sid=%r: the sole-proprietor brand is APPROVED but %s." % (brand_sid, holding),
                              field="brand_registration_sid", brand_status=brand.status, identity_status=brand.identity_status)
        self._check_sole_proprietor(brand)
        if self.service is None:  # planned for a service still to be created: Twilio lists use cases per service
            self.module.warn("usecase=%r is checked against the use cases Twilio lists for the service and brand once the service exists."
                             % wanted["usecase"])
            return wanted
        allowed = brand_usecases(self.client, self.service.sid, brand_sid)
        if wanted["usecase"] not in allowed:
            raise ModuleError("usecase=%r is not an A2P use case brand %s may register on this service; it may use: %s."
                              % (wanted["usecase"], brand_sid, ", ".join(allowed) or "none"), field="usecase", allowed=allowed)
        return wanted

    def _check_sole_proprietor(self, brand: Any) -> None:
        """A sole-proprietor brand registers one campaign (Twilio's spec of the Usa2p create): another of its campaigns refuses the create.
        Its campaign uses one phone number (Twilio's "Troubleshooting A2P Phone Number registration issues"): a pool with more refuses it too."""
        if brand.brand_type != SOLE_PROPRIETOR:
            return
        numbers = len(list_pool(self.client, self.service.sid, PHONE_NUMBER)) if self.service is not None else 0
        if numbers > 1:
            raise ModuleError("brand_registration_sid=%r is a sole-proprietor brand, whose campaign may use one phone number, and messaging "
                              "service %s holds %d; remove all but one from its pool (tendlc.twilio.sender_pool) first."
                              % (brand.sid, self.service.sid, numbers), field="service", phone_numbers=numbers)
        for campaign in account_campaigns(self.client):
            if campaign.brand_registration_sid == brand.sid and (self.campaign is None or campaign.sid != self.campaign.sid):
                raise ModuleError("brand_registration_sid=%r is a sole-proprietor brand, which registers one campaign, and it already has "
                                  "campaign %s on messaging service %s; Twilio would refuse a second one."
                                  % (brand.sid, campaign.sid, campaign.messaging_service_sid), field="brand_registration_sid",
                                  campaign_sid=campaign.sid)

    def _create(self, wanted: dict[str, Any], before: dict[str, Any] | None = None) -> None:
        self.mark_changed()
        self.set_diff(before=before or {}, after=wanted)
        self.result["campaign"] = planned_campaign(wanted, self.service.sid if self.service else None, self.brand)
        if self.check_mode:
            return
        self.result["campaign"] = {}
        # If Twilio may have registered it already (a reset or 5xx after sending), the service's campaign is looked up first.
        campaign = create_once(self.client, "register the A2P campaign of messaging service %s" % self.service.sid, self._find,
                               self.client.messaging.v1.services(self.service.sid).us_app_to_person.create, **CAMPAIGN.as_request(wanted))
        self.result["campaign"] = resource_dict(campaign)
        self.result["campaign"] = resource_dict(self._wait(campaign))

    def _replace(self) -> None:
        """Delete, then register anew; only after every check a create needs passed (_check_create), in check mode too."""
        before = self._current()
        wanted = self._check_create()
        self.result["replaced"] = True
        self.module.warn("Replacing A2P campaign %s of messaging service %s: the service sends no A2P traffic until the new campaign is approved."
                         % (self.campaign.sid, self.service.sid))
        if self.check_mode:
            self._create(wanted, before)
            return
        self._delete()
        self.result["deleted_campaign"] = {"sid": self.campaign.sid, "campaign_status": self.campaign.campaign_status, **before}
        try:
            self._create(wanted, before)
        except ModuleError as exc:
            if self.result["campaign"]:
                raise  # registered: only the wait failed
            self.result["replaced"] = False
            self.result["restore"] = {"service": self.service.sid, **self._restore_options(before)}
            if isinstance(exc, AmbiguousWriteError):
                exc.msg += (" The previous campaign %s had been deleted before; whether the new one was registered is unknown. Run this task "
                            "again first (it reads first, and keeps a new campaign it finds); only if the service then still has no campaign "
                            "and you want the old one back, run tendlc.twilio.a2p_campaign with the result's 'restore'." % self.campaign.sid)
                raise
            raise ModuleError(
                "%s The service's previous A2P campaign %s (%s) had already been deleted: messaging service %s now has no A2P campaign and "
                "sends no A2P traffic. To register the previous campaign again, run tendlc.twilio.a2p_campaign with the options in the "
                "result's 'restore' (a new registration, reviewed again: it costs the campaign fee and takes days); its fields are in "
                "'deleted_campaign'." % (exc.msg.rstrip(".") + ".", self.campaign.sid, self.campaign.campaign_status, self.service.sid),
                **exc.extra) from exc

    def _restore_options(self, before: dict[str, Any]) -> dict[str, Any]:
        """The module options that register the deleted campaign again (empty texts and lists were never sent)."""
        options = {option: value for option, value in before.items() if value not in ("", [], None)}
        options.update({option: before[option] for option in CREATE_REQUIRED if option in before})
        return options

    def _update(self, current: dict[str, Any]) -> None:
        changes = wanted_changes(current, {option: value for option, value in self._wanted().items() if option not in FIXED})
        after = {**current, **changes}
        self.set_diff(before=current, after=after)
        campaign = self.campaign
        if changes:
            self.mark_changed()
            if not self.check_mode:
                args = CAMPAIGN.as_request({**{option: after[option] for option in UPDATE_REQUIRED}, **changes})  # Twilio requires UPDATE_REQUIRED
                campaign = call("update A2P campaign %s of messaging service %s" % (self.campaign.sid, self.service.sid),
                                self.client.messaging.v1.services(self.service.sid).us_app_to_person(self.campaign.sid).update, **args)
        self.result["campaign"] = resource_dict(campaign)  # what was written, should the wait below fail
        if self.check_mode:
            self.result["campaign"].update(CAMPAIGN.as_response(changes))
        else:
            self.result["campaign"] = resource_dict(self._wait(campaign))

    def absent(self) -> None:
        self.result["campaign"] = {}
        if self.campaign is None:
            self.set_diff(before={}, after={})
            return
        self.mark_changed()
        self.set_diff(before=self._current(), after={})
        if self.campaign.campaign_status == "VERIFIED":
            self.module.warn("Deleting the verified A2P campaign %s: messaging service %s sends no A2P traffic until a new campaign is approved."
                             % (self.campaign.sid, self.service.sid))
        if not self.check_mode:
            self._delete()

    def _find(self) -> Any | None:
        """The service's campaign (Twilio allows one), or None."""
        return service_campaign(self.client, self.service.sid)

    def _delete(self) -> None:
        call_delete("delete A2P campaign %s of messaging service %s" % (self.campaign.sid, self.service.sid),
                    self.client.messaging.v1.services(self.service.sid).us_app_to_person(self.campaign.sid).delete)

    def _wait(self, campaign: Any) -> Any:
        if not self.params["wait"]:
            return campaign
        context = self.client.messaging.v1.services(self.service.sid).us_app_to_person(campaign.sid)
        return wait_for("A2P campaign %s of messaging service %s" % (campaign.sid, self.service.sid),
                        lambda: call("fetch A2P campaign %s" % campaign.sid, context.fetch), lambda c: c.campaign_status,
                        self.params["wait_for"], "FAILED", self.params["wait_timeout"], self.params["poll_interval"])
