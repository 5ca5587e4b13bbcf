# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Toll-free verification (messaging v1 C(Tollfree/Verifications), C(HH...)): its field table, statuses, look-ups, the
rule of when Twilio allows an edit, and the one result builder.

Sources (the facts of issue 14, helper M):
- S: twilio_messaging_v1.json, C(POST /v1/Tollfree/Verifications) (create form, 201), C(POST /v1/Tollfree/Verifications/{Sid})
  (update form, 202, with C(EditReason)), the schema C(messaging.v1.tollfree_verification) and its enums;
- E: Twilio's error 30437 (and 30824): a rejected verification is edited and resubmitted within the seven-day edit window
  (C(edit_expiration)); after it, or when C(edit_allowed) is false, "create a new verification request".
The spec states no length limit for any text: the lengths below are sanity bounds (*unconfirmed*), generous so that
Twilio's own check decides; the shapes of C(use_case_categories) and C(message_volume) follow the spec's examples
(C(TWO_FACTOR_AUTHENTICATION), C("10"); the accepted values are *unconfirmed*).

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Mapping

from ansible_collections.tendlc.twilio.plugins.module_utils._client import call, fetch_or_none, resource_dict
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._fields import ASSIGNED, Field, Resource
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import PAGE_SIZE
from ansible_collections.tendlc.twilio.plugins.module_utils._numbers import TOLL_FREE_CODES, is_toll_free
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import E164
from ansible_collections.tendlc.twilio.plugins.module_utils._trusthub import check_email, check_phone, private_text
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import SID_PATTERN, check_text, check_url, shown

# S: tollfree_verification_enum_status, tollfree_verification_enum_opt_in_type.
PENDING_REVIEW, IN_REVIEW, APPROVED, REJECTED = "PENDING_REVIEW", "IN_REVIEW", "TWILIO_APPROVED", "TWILIO_REJECTED"
OPT_IN_TYPES = ("VERBAL", "WEB_FORM", "PAPER_FORM", "VIA_TEXT", "MOBILE_QR_CODE", "IMPORT", "IMPORT_PLEASE_REPLACE")

SET, CHANGED = "(set)", "(changed)"  # what results and diffs show of personal data (as _bundle.py's diffs)
TEXT = (1, 4096)  # sanity bound of a free text (*unconfirmed*: the spec states none)
SHORT = (1, 255)  # of a name, a city, a postal code, a reference (*unconfirmed*)
CATEGORY = re.compile(r"[A-Z0-9]+(?:_[A-Z0-9]+)*\Z")  # the spec's examples: TWO_FACTOR_AUTHENTICATION, MARKETING
VOLUME = re.compile(r"[0-9][0-9,]*\+?\Z")  # the spec's example "10"; "1,000", "10,000,000+" (*unconfirmed*)


def check_toll_free_number(name: str, value: Any) -> None:
    """A toll-free number in E.164 (+1 and a toll-free code) or a phone number SID (PN...), resolved by the module."""
    if not isinstance(value, str):
        raise ModuleError("%s=%s is not a text." % (name, shown(value)), field=name)
    if SID_PATTERN.match(value) and value.startswith("PN"):
        return
    if not E164.match(value):
        raise ModuleError("%s=%s is neither a phone number in E.164 form (+18005550100) nor a phone number SID (PN followed by 32 "
                          "lowercase hex digits)." % (name, shown(value)), field=name)
    if not is_toll_free(value):
        raise ModuleError("%s=%s is not a toll-free number: toll-free verification is for +1 numbers with the codes %s (other US "
                          "numbers register for A2P 10DLC instead)." % (name, shown(value), ", ".join(sorted(TOLL_FREE_CODES))), field=name)


def _nonempty_unique(name: str, value: list[Any], what: str) -> None:
    if not value:
        raise ModuleError("%s must hold at least one %s, got none." % (name, what), field=name)
    twice = sorted({item for item in value if isinstance(item, str) and value.count(item) > 1})
    if twice:
        raise ModuleError("%s lists %s twice." % (name, ", ".join(shown(item) for item in twice)), field=name)


def check_categories(name: str, value: list[Any]) -> None:
    """At least one category, each once, each written as Twilio's examples write them (upper case words joined by _)."""
    _nonempty_unique(name, value, "use case category")
    for index, item in enumerate(value):
        if not isinstance(item, str) or not CATEGORY.match(item):
            raise ModuleError("%s[%d]=%s is not a use case category as Twilio writes them (upper case words joined by _, such as "
                              "TWO_FACTOR_AUTHENTICATION or ACCOUNT_NOTIFICATIONS)." % (name, index, shown(item)), field=name)


def check_image_urls(name: str, value: list[Any]) -> None:
    """At least one opt-in image URL, each once, each an absolute http(s) URL (S: "must be a publicly hosted URL")."""
    _nonempty_unique(name, value, "URL")
    for index, item in enumerate(value):
        check_url("%s[%d]" % (name, index), item)


def check_volume(name: str, value: Any) -> None:
    check_text(name, value, 1, 32)
    if not VOLUME.match(value):
        raise ModuleError("%s=%s is not a monthly message volume as Twilio writes it (digits with optional thousands commas and a "
                          "trailing +, such as 10, 1,000 or 10,000,000+)." % (name, shown(value)), field=name)


_PII = "no_log: personal data of the business contact (issue 14); the rule's message names the field, never the value"
_NUMBER_NOTE = ("the module takes the toll-free number in E.164 or its PN SID, resolves it through the account's IncomingPhoneNumbers and "
                "sends the PN SID the spec's pattern asks for")
_WEBSITE_NOTE = "the spec types the website as a plain string; it is checked as an absolute http(s) URL (*unconfirmed* that Twilio needs the scheme)"

TOLLFREE = Resource(
    name="toll-free verification",
    fields=(
        Field("phone_number", "TollfreePhoneNumberSid", attr="tollfree_phone_number_sid", updatable=False, create_required=True,
              extra=check_toll_free_number, spec_note=_NUMBER_NOTE),
        Field("business_name", "BusinessName", kind="name", length=SHORT, create_required=True),
        Field("business_website", "BusinessWebsite", kind="url", create_required=True, spec_note=_WEBSITE_NOTE),
        Field("notification_email", "NotificationEmail", no_log=True, create_required=True, extra=check_email, spec_note=_PII),
        Field("use_case_categories", "UseCaseCategories", type="list", elements="str", create_required=True, extra=check_categories),
        Field("use_case_summary", "UseCaseSummary", length=TEXT, create_required=True),
        Field("production_message_sample", "ProductionMessageSample", length=TEXT, create_required=True),
        Field("opt_in_image_urls", "OptInImageUrls", type="list", elements="str", create_required=True, extra=check_image_urls),
        Field("opt_in_type", "OptInType", choices=OPT_IN_TYPES, create_required=True),
        Field("message_volume", "MessageVolume", create_required=True, extra=check_volume),
        Field("customer_profile_sid", "CustomerProfileSid", kind="sid", sid_prefix="BU", updatable=False),
        Field("business_street_address", "BusinessStreetAddress", no_log=True, extra=private_text(1, 255), spec_note=_PII),
        Field("business_street_address2", "BusinessStreetAddress2", no_log=True, extra=private_text(1, 255), spec_note=_PII),
        Field("business_city", "BusinessCity", length=SHORT),
        Field("business_state_province_region", "BusinessStateProvinceRegion", length=SHORT),
        Field("business_postal_code", "BusinessPostalCode", length=(1, 32)),
        Field("business_country", "BusinessCountry", length=(1, 64)),
        Field("additional_information", "AdditionalInformation", length=TEXT),
        Field("business_contact_first_name", "BusinessContactFirstName", no_log=True, extra=private_text(1, 255), spec_note=_PII),
        Field("business_contact_last_name", "BusinessContactLastName", no_log=True, extra=private_text(1, 255), spec_note=_PII),
        Field("business_contact_email", "BusinessContactEmail", no_log=True, extra=check_email, spec_note=_PII),
        Field("business_contact_phone", "BusinessContactPhone", no_log=True, extra=check_phone, spec_note=_PII),
        Field("external_reference_id", "ExternalReferenceId", length=SHORT, updatable=False),
    ),
    # S: a create answers status PENDING_REVIEW with no rejection and edit_allowed, edit_expiration null (the create example).
    initial={"status": PENDING_REVIEW, "rejection_reason": None, "rejection_reasons": None, "error_code": None, "edit_allowed": None,
             "edit_expiration": None},
    spec_file="twilio_messaging_v1.json",
    create_path="/v1/Tollfree/Verifications",
    update_path="/v1/Tollfree/Verifications/{Sid}",
    schema="messaging.v1.tollfree_verification",
    modules=("tollfree_verification",),
)

PERSONAL = tuple(field.option for field in TOLLFREE.fields if field.no_log)
# What only Twilio assigns (not in a check-mode result): ASSIGNED (less links: the schema has resource_links instead), and the
# bundles Twilio attaches itself.
TWILIO_ASSIGNED = tuple(key for key in ASSIGNED if key != "links") + ("trust_product_sid", "regulated_item_sid", "resource_links")
# A result holds the spec schema's fields only (the SDK reads more, some personal or secret: vetting_id, registration numbers).
RECORD_FIELDS = tuple(field.response for field in TOLLFREE.fields) + tuple(TOLLFREE.initial) + TWILIO_ASSIGNED
EDIT_REASON = (1, 1024)  # sanity bound (*unconfirmed*)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def resolve_number(client: Any, value: str) -> Any:
    """The account's owned number given as E.164 or PN SID; fails unless the account owns it and it is toll-free."""
    account = client.api.v2010.accounts(client.account_sid)
    if value.startswith("PN"):
        number = fetch_or_none("fetch phone number %s" % value, account.incoming_phone_numbers(value).fetch)
    else:
        # The filter also matches partial numbers: compare exactly.
        found = call("look up phone number %s" % value, account.incoming_phone_numbers.list, phone_number=value, page_size=PAGE_SIZE)
        number = next((n for n in found if n.phone_number == value), None)
    if number is None:
        raise ModuleError("phone_number=%r: account %s (the account of the task's credentials) does not own this number." % (value, client.account_sid),
                          field="phone_number")
    if not is_toll_free(number.phone_number):
        raise ModuleError("phone_number=%r is %s, not a toll-free number (codes %s): toll-free verification is only for those."
                          % (value, number.phone_number, ", ".join(sorted(TOLL_FREE_CODES))), field="phone_number")
    return number


def verifications(client: Any) -> Any:
    return client.messaging.v1.tollfree_verifications


def list_verifications(client: Any, number_sid: str | None = None) -> list[Any]:
    """The account's verifications (all pages), of one number when C(number_sid) is given (compared again)."""
    if number_sid is None:
        return call("list the toll-free verifications", verifications(client).list, page_size=PAGE_SIZE)
    found = call("list the toll-free verifications of %s" % number_sid, verifications(client).list, tollfree_phone_number_sid=number_sid,
                 page_size=PAGE_SIZE)
    return [item for item in found if item.tollfree_phone_number_sid == number_sid]


def number_verification(client: Any, number_sid: str) -> Any | None:
    """The number's verification, or None; more than one fails, naming them (never guess)."""
    found = list_verifications(client, number_sid)
    if len(found) > 1:
        raise ModuleError("Phone number %s has %d toll-free verifications (%s); this module manages one per number: delete the ones "
                          "not wanted in the Twilio Console or with the API." % (number_sid, len(found), ", ".join(v.sid for v in found)),
                          sids=[v.sid for v in found])
    return found[0] if found else None


def current(record: Any) -> dict[str, Any]:
    """The record's values by option (lists compared without order: C(comparable))."""
    return TOLLFREE.current(record)


def comparable(value: Any) -> Any:
    return sorted(value) if isinstance(value, list) else value


def differences(now: Mapping[str, Any], wanted: Mapping[str, Any]) -> dict[str, Any]:
    """The options set (but the number, which finds the verification) whose value differs from the record's."""
    return {option: value for option, value in wanted.items()
            if option != "phone_number" and comparable(now.get(option)) != comparable(value)}


def edit_refusal(record: Any, changes: Mapping[str, Any], now: datetime) -> str | None:
    """Why Twilio would not take these changes as an edit (None: it would). S: edit_allowed says whether a rejected
    verification may be edited, edit_expiration until when (E: seven days after the rejection)."""
    fixed = [option for option in changes if not TOLLFREE.by_option()[option].updatable]
    if fixed:
        return "%s cannot change in place (Twilio's update form lacks %s)" % (", ".join(fixed), "it" if len(fixed) == 1 else "them")
    if record.status != REJECTED:
        return ("its status is %s: Twilio edits only a rejected verification (edit_allowed; editing one in review is *unconfirmed*)"
                % record.status)
    if not record.edit_allowed:
        return "Twilio does not allow editing this rejection (edit_allowed is %s: some rejection reasons allow no edit)" % record.edit_allowed
    expiration = record.edit_expiration
    if expiration is not None and now >= expiration:
        return ("its edit window ended at %s (Twilio's error 30437: a rejection is corrected within seven days; after that a new "
                "verification is needed)" % expiration.isoformat().replace("+00:00", "Z"))
    return None


def describe_rejection(record: Any) -> str:
    """Twilio's reasons for a rejection, in one line (the reasons' objects as Twilio gives them: their shape is *unconfirmed*)."""
    parts = []
    for reason in record.rejection_reasons or []:
        parts.append(", ".join("%s=%s" % (key, value) for key, value in sorted(reason.items())) if isinstance(reason, dict) else str(reason))
    if not parts and record.rejection_reason:
        parts.append(str(record.rejection_reason))
    text = "; ".join(parts) or "no reason given"
    return "%s (error code %s)" % (text, record.error_code) if record.error_code is not None else text


def shown_values(values: Mapping[str, Any], before: Mapping[str, Any] | None) -> dict[str, Any]:
    """Values as results and diffs show them: personal data as C((set)), or C((changed)) against C(before), else as is."""
    shown_ = {}
    for option, value in values.items():
        if option not in PERSONAL or value in (None, ""):
            shown_[option] = value
        else:
            shown_[option] = CHANGED if before is not None and before.get(option) != value else SET
    return shown_


def result(record: Any | None, sent: Mapping[str, Any], changes: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The one result builder: the verification as Twilio holds it (the spec's fields); in check mode what a create of
    C(sent) would hold, less what only Twilio assigns, or what an edit (C(changes)) would leave: the record with the
    changes, back in review (S: the update's example answers PENDING_REVIEW with the rejection fields null). Personal data
    as C((set))."""
    if record is None:
        values = {key: value for key, value in TOLLFREE.planned(sent).items() if key not in TWILIO_ASSIGNED}
    else:
        raw = resource_dict(record)
        values = {key: raw.get(key) for key in RECORD_FIELDS}
    if changes:
        values.update(TOLLFREE.initial)
        values.update(TOLLFREE.as_response(changes))
    fields = TOLLFREE.by_option()
    personal = {fields[option].response for option in PERSONAL}
    return {key: (SET if key in personal and value not in (None, "") else value) for key, value in values.items()}


def status_of(record: Any | None) -> dict[str, Any] | None:
    """What the info module shows of a verification (no personal data)."""
    if record is None:
        return None
    raw = resource_dict(record)
    return {key: raw.get(key) for key in ("sid", "status", "rejection_reason", "rejection_reasons", "error_code", "edit_allowed",
                                          "edit_expiration", "date_created", "date_updated")}
