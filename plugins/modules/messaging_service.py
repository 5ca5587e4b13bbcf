#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: messaging_service
short_description: Manage a Twilio Messaging Service
version_added: 0.1.0
description:
  - Create, update or delete a Twilio Messaging Service (C(MG...)), the resource that holds a sender pool and the
    US A2P 10DLC campaign of an account.
  - The service is found by O(sid), or else by an exact match of O(friendly_name). Twilio does not keep friendly names
    unique; if several services of the account share the name, the module fails and lists their SIDs instead of guessing.
  - Only the options you set are compared and sent; an option left unset keeps whatever value the service has.
  - For Twilio Flex, set O(use_inbound_webhook_on_number=true) (Twilio Console's "Defer to sender's webhook") so that
    inbound messages keep following each number's own webhook into Flex.
extends_documentation_fragment:
  - tendlc.twilio.auth
attributes:
  check_mode:
    support: full
    description: Reads the service and reports what a real run would change, without writing.
  diff_mode:
    support: full
    description: Returns the writable fields of the service before and after.
options:
  state:
    description:
      - V(present) creates the service or updates the options you set.
      - V(absent) deletes the service. Deleting a service frees every sender in its pool and ends its A2P campaign.
        A service that holds senders or carries an A2P campaign (registered or externally registered, any status) is
        deleted only with O(force=true); without it the module fails, in check mode too, naming what would go.
    type: str
    choices: [present, absent]
    default: present
  force:
    description:
      - With O(state=absent), delete the service even when its pool holds senders or it carries an A2P campaign. Its
        senders are freed (they are in no pool afterwards) and its campaign ends; a verified campaign cannot be restored,
        only registered again (reviewed again, with its fee).
      - With C(--diff), the diff's C(before) lists the senders and the campaign that would go.
    type: bool
    default: false
  sid:
    description:
      - The SID (C(MG...)) of an existing service. With O(sid), O(friendly_name) renames the service; the module fails,
        changing nothing, when another service of the account already has that name.
      - With O(state=absent) and O(friendly_name), the service O(sid) names must have that name, else nothing is deleted
        and the module fails.
      - A service cannot be created with a chosen SID; to create one, give O(friendly_name) alone.
    type: str
  friendly_name:
    description:
      - The service's name, 1 to 64 characters on one line, not only spaces. Without O(sid) it identifies the service by exact match.
    type: str
  usecase:
    description:
      - What the service is used for.
      - When this changes the use case of a service that has an A2P campaign, the module reads the campaign first and
        fails, before any change and in check mode too, if the campaign's use case does not fit the new one (Twilio
        would refuse the change with error 21719). Which use cases fit is not published by Twilio; the module's table
        is in the collection's docs/emulator.md.
    type: str
    choices: [notifications, marketing, verification, discussion, poll, undeclared]
  use_inbound_webhook_on_number:
    description:
      - Whether an inbound message follows the webhook configured on the receiving number ("Defer to sender's webhook")
        instead of O(inbound_request_url) and O(fallback_url). Twilio Flex needs V(true).
    type: bool
  inbound_request_url:
    description:
      - The URL Twilio calls when a sender of the service receives a message. An empty string clears it.
    type: str
  inbound_method:
    description:
      - The HTTP method for O(inbound_request_url).
    type: str
    choices: [GET, POST]
  fallback_url:
    description:
      - The URL Twilio calls when O(inbound_request_url) fails. An empty string clears it.
    type: str
  fallback_method:
    description:
      - The HTTP method for O(fallback_url).
    type: str
    choices: [GET, POST]
  status_callback:
    description:
      - The URL Twilio calls with delivery status updates of messages sent through the service. An empty string clears it.
    type: str
  sticky_sender:
    description:
      - Whether a recipient keeps getting messages from the same sender of the pool.
    type: bool
  mms_converter:
    description:
      - Whether MMS sent to a recipient that cannot receive them are converted to SMS with a link.
    type: bool
  smart_encoding:
    description:
      - Whether Unicode look-alike characters are replaced with GSM-7 ones to keep messages short.
    type: bool
  scan_message_content:
    description:
      - Whether Twilio scans the content of messages sent through the service; V(inherit) follows the account's setting.
    type: str
    choices: [inherit, enable, disable]
  area_code_geomatch:
    description:
      - Whether the pool picks a sender with the recipient's area code when it has one.
    type: bool
  validity_period:
    description:
      - Seconds a message may wait in Twilio's queue before it is dropped, from 1 to 36000.
    type: int
  synchronous_validation:
    description:
      - Reserved by Twilio.
    type: bool
  fallback_to_long_code:
    description:
      - Obsolete Twilio setting for falling back to a long code after short code failures; kept for completeness.
    type: bool
seealso:
  - module: tendlc.twilio.messaging_service_info
  - name: Messaging Service resource
    description: Twilio's reference of the resource and its fields.
    link: https://www.twilio.com/docs/messaging/api/service-resource
"""

EXAMPLES = r"""
- name: A Flex-ready messaging service ("Defer to sender's webhook")
  tendlc.twilio.messaging_service:
    friendly_name: Flex contact center
    usecase: discussion
    use_inbound_webhook_on_number: true
    sticky_sender: true

- name: The same, with credentials set once for every module of the collection
  module_defaults:
    group/tendlc.twilio.twilio:
      account_sid: "{{ twilio_account_sid }}"
      api_key_sid: "{{ twilio_api_key_sid }}"
      api_key_secret: "{{ twilio_api_key_secret }}"
  block:
    - name: Rename a service found by SID
      tendlc.twilio.messaging_service:
        sid: MG0123456789abcdef0123456789abcdef
        friendly_name: Flex contact center (US)

- name: Delete a service (frees its senders)
  tendlc.twilio.messaging_service:
    friendly_name: Old notifications
    state: absent
"""

RETURN = r"""
service:
  description:
    - The service as Twilio returns it. Empty after O(state=absent).
    - In check mode, the service as it would be after the run. When it would be created, every field a real create
      returns (the options set, Twilio's defaults for the others, C(us_app_to_person_registered=false)) except those
      only Twilio assigns (C(sid), C(account_sid), C(date_created), C(date_updated), C(url), C(links)).
  returned: always
  type: dict
  sample:
    sid: MG0123456789abcdef0123456789abcdef
    account_sid: AC0123456789abcdef0123456789abcdef
    friendly_name: Flex contact center
    date_created: "2026-11-27T10:00:00Z"
    date_updated: "2026-11-27T10:00:00Z"
    inbound_request_url: null
    inbound_method: POST
    fallback_url: null
    fallback_method: POST
    status_callback: null
    sticky_sender: true
    mms_converter: true
    smart_encoding: true
    scan_message_content: inherit
    fallback_to_long_code: true
    area_code_geomatch: true
    synchronous_validation: true
    validity_period: 36000
    usecase: discussion
    us_app_to_person_registered: false
    use_inbound_webhook_on_number: true
    url: https://messaging.twilio.com/v1/Services/MG0123456789abcdef0123456789abcdef
    links:
      phone_numbers: https://messaging.twilio.com/v1/Services/MG0123456789abcdef0123456789abcdef/PhoneNumbers
"""

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


def main() -> None:
    module = MessagingService.define_module()
    MessagingService(module).run()


if __name__ == "__main__":
    main()
