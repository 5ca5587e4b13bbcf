# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The A2P campaign's field table (UsAppToPerson, C(QE...)) and the link to an externally registered campaign.

Source: Twilio's OpenAPI spec, twilio_messaging_v1.json: the form parameters of POST
/v1/Services/{MessagingServiceSid}/Compliance/Usa2p (create) and .../Usa2p/{Sid} (update, which requires all of
C(update_required)), the schema messaging.v1.service.us_app_to_person, and POST /v1/Services/PreregisteredUsa2p
(messaging.v1.external_campaign). The limits are the spec's parameter descriptions ("Min length: 40 characters. Max
length: 4096 characters.", "min two and max five. Min length for each sample: 20 chars...", "20 character minimum. 320
character maximum.", "Values must be alphanumeric. 255 character maximum."). C(PrivacyPolicyUrl) and
C(TermsAndConditionsUrl) are not in the spec: twilio 9.13 sends and reads them (/work/shared/twilio-api-notes.md).
Fields that cannot change in place (brand, use case, opt-in/out/help texts and keywords, subscriber opt-in): the update's
parameters in the spec. Defaults on create: the opt-out and help texts and keywords are the spec's C(createWithDefaults)
example; C(subscriber_opt_in), C(age_gated), C(direct_lending) false are its C(create) example (as defaults *unconfirmed*,
docs/emulator.md). C(initial): C(campaign_status) PENDING, C(is_externally_registered) false and C(errors) [] are the
spec's create examples; C(campaign_id) (The Campaign Registry's ID) and C(rate_limits) (set by the carriers) are Twilio's
to give and unknown before the create; C(mock) follows the brand (the schema: "Mock campaigns will be automatically
created if using a mock brand"), which the module reads.

The checks run in the table's order (the role's input filter reports the first problem of each resource).
tests/unit/plugins/module_utils/test_field_tables.py holds the tables against the spec and DOCUMENTATION,
test_campaign_table_emulator.py against the emulator's own model.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import re
from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._fields import Field, Resource
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import is_blank, shown

SPEC_FILE = "twilio_messaging_v1.json"
# "Values must be alphanumeric. 255 character maximum.": each keyword [A-Za-z0-9]+; 255 read as the whole list sent on to
# The Campaign Registry comma-separated (so also each keyword) - the reading is *unconfirmed*, docs/emulator.md.
KEYWORD, KEYWORDS_MAX = re.compile(r"[A-Za-z0-9]+"), 255
CAMPAIGN_ID = re.compile(r"C[A-Z0-9]{6}")
# What Twilio fills in when a create does not send them: the spec's createWithDefaults example.
DEFAULT_OPT_OUT_MESSAGE = "You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe."
DEFAULT_HELP_MESSAGE = "Reply STOP to unsubscribe. Msg&Data Rates May Apply."
DEFAULT_OPT_OUT_KEYWORDS = ("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT")
DEFAULT_HELP_KEYWORDS = ("HELP", "INFO")


def check_not_split(name: str, value: Any, field: str | None = None) -> None:
    """An item of a list that starts or ends with white space: most likely one comma-separated text that Ansible split into
    a list (message_samples: "Hi there, this is ..." gives 'Hi there' and ' this is ...'), which Twilio would take as is."""
    if isinstance(value, str) and value != value.strip() and not is_blank(value):
        raise ModuleError("%s=%s starts or ends with white space: it looks like a comma-separated text split into a list (Ansible splits "
                          "a text given for a list at its commas). Write the list in YAML, one item per line, or quote each item."
                          % (name, shown(value)), field=field or name)


def check_samples(name: str, samples: list[Any]) -> None:
    """No sample split at its commas: named before the pieces' lengths (the field's, checked after this), as its first piece
    is often too short."""
    for index, sample in enumerate(samples):
        check_not_split("%s[%d]" % (name, index), sample)


def check_keywords(name: str, values: list[Any]) -> None:
    """A list of alphanumeric keywords, at most 255 characters together (joined by commas)."""
    for index, value in enumerate(values):
        check_not_split("%s[%d]" % (name, index), value, name)
        if not isinstance(value, str) or not KEYWORD.fullmatch(value):
            raise ModuleError("%s[%d]=%s is not a keyword: Twilio takes letters and digits only (A-Z, a-z, 0-9), no spaces, hyphens or "
                              "other characters." % (name, index, shown(value)), field=name)
    if values and len(",".join(values)) > KEYWORDS_MAX:
        raise ModuleError("%s=%s: the keywords take %d characters together (joined by commas), Twilio allows %d."
                          % (name, shown(values), len(",".join(values)), KEYWORDS_MAX), field=name)


def check_usecase(name: str, value: Any) -> None:
    """Not blank; whether the brand may use it on the service is Twilio's list (_a2p.brand_usecases)."""
    if is_blank(str(value)):
        raise ModuleError("%s=%r: the use case must not be empty." % (name, value), field=name)


def check_campaign_id(name: str, value: Any) -> None:
    """A Campaign Registry campaign ID: C and 6 upper-case letters or digits."""
    if value is not None and not (isinstance(value, str) and CAMPAIGN_ID.fullmatch(value)):
        raise ModuleError("%s=%s is not a Campaign Registry campaign ID: C followed by 6 upper-case letters or digits (CABC123)."
                          % (name, shown(value)), field=name)


def _message(option: str, param: str, default: str | None = None) -> Field:
    """An opt-in/out/help reply: 20 to 320 characters, '' for none; fixed once created."""
    return Field(option, param, length=(20, 320), empty=True, updatable=False, default=default, null="")


def _keywords(option: str, param: str, default: tuple[str, ...] | None = None) -> Field:
    """Opt-in/out/help keywords; fixed once created. no_log=False: the name holds "key", the values are no secret."""
    return Field(option, param, type="list", elements="str", updatable=False, default=default, null=[], no_log=False, extra=check_keywords,
                 spec_note="the spec's 255 character maximum is read as the keywords joined by commas (*unconfirmed*, docs/emulator.md)")


def _flag(option: str, param: str, **rules: Any) -> Field:
    return Field(option, param, type="bool", **rules)


CAMPAIGN = Resource(
    name="A2P campaign",
    fields=(
        Field("brand_registration_sid", "BrandRegistrationSid", kind="sid", sid_prefix="BN", updatable=False, create_required=True),
        Field("usecase", "UsAppToPersonUsecase", attr="us_app_to_person_usecase", updatable=False, create_required=True, extra=check_usecase),
        Field("description", "Description", length=(40, 4096), create_required=True, update_required=True),
        Field("message_flow", "MessageFlow", length=(40, 2048), create_required=True, update_required=True),
        _message("opt_in_message", "OptInMessage"),
        _message("opt_out_message", "OptOutMessage", DEFAULT_OPT_OUT_MESSAGE),
        _message("help_message", "HelpMessage", DEFAULT_HELP_MESSAGE),
        Field("message_samples", "MessageSamples", type="list", elements="str", items=(2, 5), items_word="samples", length=(20, 1024),
              create_required=True, update_required=True, extra=check_samples),
        _keywords("opt_in_keywords", "OptInKeywords"),
        _keywords("opt_out_keywords", "OptOutKeywords", DEFAULT_OPT_OUT_KEYWORDS),
        _keywords("help_keywords", "HelpKeywords", DEFAULT_HELP_KEYWORDS),
        Field("privacy_policy_url", "PrivacyPolicyUrl", kind="url", null="", spec_note="not in the spec; twilio 9.13 sends it"),
        Field("terms_and_conditions_url", "TermsAndConditionsUrl", kind="url", null="", spec_note="not in the spec; twilio 9.13 sends it"),
        _flag("has_embedded_links", "HasEmbeddedLinks", create_required=True, update_required=True),
        _flag("has_embedded_phone", "HasEmbeddedPhone", create_required=True, update_required=True),
        _flag("subscriber_opt_in", "SubscriberOptIn", updatable=False, default=False),
        _flag("age_gated", "AgeGated", update_required=True, default=False),
        _flag("direct_lending", "DirectLending", update_required=True, default=False),
    ),
    initial={"campaign_status": "PENDING", "campaign_id": None, "is_externally_registered": False, "rate_limits": None, "mock": False,
             "errors": []},
    spec_file=SPEC_FILE,
    create_path="/v1/Services/{MessagingServiceSid}/Compliance/Usa2p",
    update_path="/v1/Services/{MessagingServiceSid}/Compliance/Usa2p/{Sid}",
    schema="messaging.v1.service.us_app_to_person",
    modules=("a2p_campaign",),
)

# The link of a service to a campaign registered outside Twilio (PreregisteredUsa2p); MessagingServiceSid is the module's
# service. It cannot change: a link is deleted and made again. Its record is then the service's UsAppToPerson record.
EXTERNAL_CAMPAIGN = Resource(
    name="external A2P campaign link",
    fields=(
        Field("campaign_id", "CampaignId", updatable=False, create_required=True, extra=check_campaign_id),
        _flag("cnp_migration", "CnpMigration", updatable=False,
              spec_note="sent with the create only: messaging.v1.external_campaign has no such field (the spec)"),
    ),
    spec_file=SPEC_FILE,
    create_path="/v1/Services/PreregisteredUsa2p",
    schema="messaging.v1.external_campaign",
    modules=("a2p_external_campaign",),
)


# Derived from the table, in its order.
FIXED = tuple(field.option for field in CAMPAIGN.fields if not field.updatable)
UPDATABLE = tuple(field.option for field in CAMPAIGN.fields if field.updatable)
CREATE_REQUIRED = tuple(field.option for field in CAMPAIGN.fields if field.create_required)
UPDATE_REQUIRED = tuple(field.option for field in CAMPAIGN.fields if field.update_required)
URL_OPTIONS = CAMPAIGN.url_options()  # may carry a password: masked in all output


def planned_campaign(sent: dict[str, Any], service_sid: str | None, brand: Any) -> dict[str, Any]:
    """A create's result in check mode: the service's campaign as Twilio would hold it, less what only Twilio assigns."""
    return {"messaging_service_sid": service_sid, **CAMPAIGN.planned(sent), "mock": bool(getattr(brand, "mock", False))}


def planned_link(campaign_id: str, service_sid: str | None) -> dict[str, Any]:
    """A link's result in check mode: the service's UsAppToPerson record, whose content and status only The Campaign Registry
    and Twilio know (None), less what only Twilio assigns."""
    record: dict[str, Any] = dict.fromkeys(planned_campaign({}, service_sid, None))
    record.update(messaging_service_sid=service_sid, campaign_id=campaign_id, is_externally_registered=True)
    return record
