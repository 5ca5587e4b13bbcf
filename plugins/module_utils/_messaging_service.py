# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The class of the module tendlc.twilio.messaging_service: read, plan and apply (see the module's documentation).

It lives here, not in the module, so that tendlc.twilio.flex_a2p_plan can run it in its own process (module_utils/_steps.py).

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import service_campaign
from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule, wanted_changes
from ansible_collections.tendlc.twilio.plugins.module_utils._client import call, call_delete, create_once, resource_dict
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._inputs import check_service_options
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import find_service, list_services
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import KINDS, list_pool
from ansible_collections.tendlc.twilio.plugins.module_utils._service import SERVICE, URL_FIELDS
from ansible_collections.tendlc.twilio.plugins.module_utils._usecases import service_accepts


class MessagingService(TwilioModule):
    argument_spec = {
        "state": {"type": "str", "choices": ["present", "absent"], "default": "present"},
        "sid": {"type": "str"},
        **SERVICE.argument_spec(),
        "force": {"type": "bool", "default": False},
    }
    required_one_of = [("sid", "friendly_name")]

    service: Any = None

    def validate(self) -> None:
        # Webhook URLs may carry a password or a token: masked in the result, its diff and its invocation.
        self.hide_url_secrets(*(self.params[field] for field in URL_FIELDS))
        if not self.params["sid"] and self.params["friendly_name"] is None:  # required_one_of takes a key given as null
            raise ModuleError("friendly_name is null and sid is %r: give one of them to name the messaging service. Nothing was sent."
                              % (self.params["sid"],), field="friendly_name")
        check_service_options(self.params)

    def execute(self) -> None:
        self._get()
        if self.params["state"] == "present":
            self.present()
        else:
            self.absent()

    def _get(self) -> None:
        self.service = find_service(self.client, sid=self.params["sid"], friendly_name=self.params["friendly_name"])
        if self.service is not None:  # its webhook URLs, as Twilio has them, masked like the options' (validate())
            self.hide_url_secrets(*(getattr(self.service, field) for field in URL_FIELDS))

    def _managed(self) -> dict[str, Any]:
        """The writable fields of the current service, cleared URLs as ''."""
        return SERVICE.current(self.service)

    def _wanted(self) -> dict[str, Any]:
        return SERVICE.wanted(self.params)

    @staticmethod
    def _result(record: Any = None, created: dict[str, Any] | None = None, changes: dict[str, Any] | None = None) -> dict[str, Any]:
        """The one result builder: the record Twilio returned, with the changes a check-mode update would make; for a
        check-mode create, what Twilio would hold (SERVICE.planned: the same keys as a real create, less what it assigns)."""
        if record is None:
            return SERVICE.planned(created or {})
        return {**resource_dict(record), **SERVICE.as_response(changes or {})}

    def present(self) -> None:
        if self.service is None:
            if self.params["sid"]:
                raise ModuleError(
                    "No messaging service has sid=%r in account %s (the account of the task's credentials, which cannot manage another "
                    "account's services). A service cannot be created with a chosen SID: give friendly_name without sid to create one."
                    % (self.params["sid"], self.params["account_sid"]), field="sid"
                )
            self._create()
        else:
            self._check_rename()
            self._update()

    def _check_rename(self) -> None:
        """Renaming the service found by sid must not give it the name of another service: look-ups by name would fail."""
        name = self.params["friendly_name"]
        if not self.params["sid"] or name is None or name == self.service.friendly_name:
            return
        others = sorted(s.sid for s in list_services(self.client) if s.friendly_name == name and s.sid != self.service.sid)
        if others:
            raise ModuleError("friendly_name=%r is already the name of messaging service %s; renaming sid=%r (%r) to it would make two "
                              "services share a name, and looking them up by name would fail. Nothing was changed."
                              % (name, ", ".join(others), self.service.sid, self.service.friendly_name), field="friendly_name", sids=others)

    def _create(self) -> None:
        wanted = self._wanted()
        missing = SERVICE.missing_on_create(wanted)
        if missing:
            raise ModuleError("To create a messaging service, give %s (null or unset here); nothing was created." % ", ".join(missing),
                              field=missing[0])
        self.mark_changed()
        self.set_diff(before={}, after=wanted)
        self.result["service"] = self._result(created=wanted)
        if not self.check_mode:
            name = wanted["friendly_name"]
            # If Twilio may have created it already (a reset or 5xx after sending), look it up by its exact name first.
            service = create_once(self.client, "create messaging service %r" % name, lambda: find_service(self.client, friendly_name=name),
                                  self.client.messaging.v1.services.create, **wanted)
            self.result["service"] = self._result(service)

    def _update(self) -> None:
        current = self._managed()
        changes = wanted_changes(current, self._wanted())
        if "usecase" in changes:
            self._check_campaign_fits(changes["usecase"])
        self.set_diff(before=current, after={**current, **changes})
        service = self.service
        if changes:
            self.mark_changed()
            if not self.check_mode:
                service = call("update messaging service %s" % self.service.sid, self.client.messaging.v1.services(self.service.sid).update, **changes)
        self.result["service"] = self._result(service, changes=changes if self.check_mode else None)

    def _check_campaign_fits(self, usecase: str) -> None:
        """Twilio refuses (21719) a service use case that its A2P campaign's use case does not fit: read the campaign, fail first."""
        campaign = service_campaign(self.client, self.service.sid)
        if campaign is None or service_accepts(usecase, campaign.us_app_to_person_usecase):
            return
        raise ModuleError("usecase=%r does not fit the A2P campaign %s of messaging service %s, whose use case is %s: Twilio refuses that "
                          "change (error 21719, incompatible Messaging Service/A2P use cases). Nothing was changed. Keep usecase=%r, choose a "
                          "service use case that fits %s, or register a campaign of the new use case on another service."
                          % (usecase, campaign.sid, self.service.sid, campaign.us_app_to_person_usecase, self.service.usecase,
                             campaign.us_app_to_person_usecase),
                          field="usecase", campaign_sid=campaign.sid, campaign_usecase=campaign.us_app_to_person_usecase)

    def absent(self) -> None:
        self.result["service"] = {}
        if self.service is None:
            self.set_diff(before={}, after={})
            if self.params["sid"]:
                self.module.warn("No messaging service has sid=%r in account %s (the account of the task's credentials): nothing to delete."
                                 % (self.params["sid"], self.params["account_sid"]))
            return
        name = self.params["friendly_name"]
        if self.params["sid"] and name is not None and name != self.service.friendly_name:
            raise ModuleError("sid=%r is messaging service %r, not friendly_name=%r; nothing was deleted. Give the sid alone, or the name "
                              "of the service to delete." % (self.service.sid, self.service.friendly_name, name), field="friendly_name")
        carried = self._carried()
        self.set_diff(before={**self._managed(), **carried}, after={})
        if (carried["senders"] or carried["campaign"]) and not self.params["force"]:
            raise ModuleError(self._refusal(carried), field="force", **carried)
        self.mark_changed()
        if carried["campaign"].get("campaign_status") == "VERIFIED":
            self.module.warn("Deleting messaging service %s ends its verified A2P campaign %s: its senders send no registered A2P traffic "
                             "until a new campaign is approved." % (self.service.sid, carried["campaign"]["sid"]))
        if not self.check_mode:
            call_delete("delete messaging service %s" % self.service.sid, self.client.messaging.v1.services(self.service.sid).delete)

    def _carried(self) -> dict[str, Any]:
        """What goes with the service: the senders of its pool (values per kind) and its A2P campaign (SID, status, use case)."""
        senders = {kind.option: sorted(m["value"] for m in list_pool(self.client, self.service.sid, kind)) for kind in KINDS}
        found = service_campaign(self.client, self.service.sid)
        campaign = {}
        if found is not None:
            campaign = {"sid": found.sid, "campaign_status": found.campaign_status, "usecase": found.us_app_to_person_usecase,
                        "campaign_id": found.campaign_id, "is_externally_registered": bool(found.is_externally_registered)}
        return {"senders": {option: values for option, values in senders.items() if values}, "campaign": campaign}

    def _refusal(self, carried: dict[str, Any]) -> str:
        parts = ["%d %s (%s)" % (len(values), option.replace("_", " "), ", ".join(values[:5]) + (", ..." if len(values) > 5 else ""))
                 for option, values in carried["senders"].items()]
        campaign = carried["campaign"]
        if campaign:
            kind = "externally registered " if campaign["is_externally_registered"] else ""
            usecase = ", " + campaign["usecase"] if campaign["usecase"] else ""
            parts.append("the %sA2P campaign %s (%s%s)" % (kind, campaign["sid"], campaign["campaign_status"], usecase))
        consequences = " and ".join(text for text, present in (("free those senders", carried["senders"]), ("end that campaign", campaign)) if present)
        return ("Messaging service %s (%r) holds %s. Deleting it would %s, so nothing was deleted; pass force=true to delete it anyway."
                % (self.service.sid, self.service.friendly_name, " and ".join(parts), consequences))
