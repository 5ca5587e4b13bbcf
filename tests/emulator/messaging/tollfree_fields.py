"""Toll-free verification (``HH...``) fields: the form parameters of create and update with their checks, and the record.

The record follows ``messaging.v1.tollfree_verification`` (twilio_messaging_v1.json) in its order. The parameters are the
spec's ``CreateTollfreeVerification`` / ``UpdateTollfreeVerification`` bodies: :data:`CREATE_REQUIRED` are the create's
``required`` list; an update takes the same fields except ``TollfreePhoneNumberSid``, ``CustomerProfileSid`` and
``ExternalReferenceId`` (not in its body: sent anyway, they are ignored like unknown fields) plus ``EditReason``.

Checks (the spec gives types only; every code here is *unconfirmed* unless named): a required parameter missing or empty
is 400 / 20001 "Missing required parameter"; ``OptInType`` outside the spec's enum, an e-mail address without ``@`` and
a domain, a ``BusinessContactPhone`` that is not E.164 (the spec's ``format: phone-number``) and a SID of the wrong kind
are 400 / 20001; ``OptInImageUrls`` ("must be a publicly hosted URL", the spec) and ``BusinessWebsite`` must be absolute
http(s) URLs (400 / 21502 as the emulator's other URL fields, :func:`emulator.forms.url_or`). ``UseCaseCategories`` and
``MessageVolume`` are free strings in the spec and are not checked against a list. An optional text sent empty clears
the field to null.
"""

import re
from typing import Any

from emulator.errors import invalid_parameter, missing_parameter
from emulator.forms import one_of, parse_url
from emulator.messaging import BASE_URL
from emulator.params import Param, each, non_empty, sid_of, text_or_null
from emulator.state import Record

PREFIX = "HH"
LIST_URL = f"{BASE_URL}/v1/Tollfree/Verifications"
OPT_IN_TYPES = ("VERBAL", "WEB_FORM", "PAPER_FORM", "VIA_TEXT", "MOBILE_QR_CODE", "IMPORT", "IMPORT_PLEASE_REPLACE")
STATUSES = ("PENDING_REVIEW", "IN_REVIEW", "TWILIO_APPROVED", "TWILIO_REJECTED")  # tollfree_verification_enum_status
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
E164 = re.compile(r"\+[1-9][0-9]{1,14}")


def url(name: str, raw: str) -> str:
    """A required absolute http(s) URL."""
    if raw == "":
        raise missing_parameter(name)
    return str(parse_url(name, raw))


def email(name: str, raw: str) -> str:
    """An e-mail address (something@domain.tld)."""
    if raw == "":
        raise missing_parameter(name)
    if not EMAIL.fullmatch(raw):
        raise invalid_parameter(name, raw, "an e-mail address")
    return raw


def email_or_null(name: str, raw: str) -> Any:
    """An optional e-mail address; empty clears it."""
    return email(name, raw) if raw else None


def phone_or_null(name: str, raw: str) -> Any:
    """An optional E.164 phone number; empty clears it."""
    if raw and not E164.fullmatch(raw):
        raise invalid_parameter(name, raw, "an E.164 phone number (+ and up to 15 digits)")
    return raw or None


def texts(name: str, values: list[str]) -> list[str]:
    """A repeated parameter: at least one value, none empty."""
    if not values or any(value == "" for value in values):
        raise missing_parameter(name)
    return values


def urls(name: str, values: list[str]) -> list[str]:
    """A repeated URL parameter: at least one value, each an absolute http(s) URL."""
    return each(url)(name, texts(name, values))


REQUIRED_TEXT = (
    Param("BusinessName", "business_name", non_empty),
    Param("BusinessWebsite", "business_website", url),
    Param("NotificationEmail", "notification_email", email),
    Param("UseCaseCategories", "use_case_categories", texts, repeated=True),
    Param("UseCaseSummary", "use_case_summary", non_empty),
    Param("ProductionMessageSample", "production_message_sample", non_empty),
    Param("OptInImageUrls", "opt_in_image_urls", urls, repeated=True),
    Param("OptInType", "opt_in_type", one_of(OPT_IN_TYPES)),
    Param("MessageVolume", "message_volume", non_empty),
)
OPTIONAL_TEXT = tuple(Param(param, name, text_or_null) for param, name in (
    ("BusinessStreetAddress", "business_street_address"), ("BusinessStreetAddress2", "business_street_address2"),
    ("BusinessCity", "business_city"), ("BusinessStateProvinceRegion", "business_state_province_region"),
    ("BusinessPostalCode", "business_postal_code"), ("BusinessCountry", "business_country"),
    ("AdditionalInformation", "additional_information"), ("BusinessContactFirstName", "business_contact_first_name"),
    ("BusinessContactLastName", "business_contact_last_name"),
)) + (Param("BusinessContactEmail", "business_contact_email", email_or_null),
      Param("BusinessContactPhone", "business_contact_phone", phone_or_null))
NUMBER = Param("TollfreePhoneNumberSid", "tollfree_phone_number_sid", sid_of("PN"))
CREATE_ONLY = (NUMBER, Param("CustomerProfileSid", "customer_profile_sid", sid_of("BU", empty=True)),
               Param("ExternalReferenceId", "external_reference_id", text_or_null))
EDIT_REASON = Param("EditReason", "edit_reason", text_or_null)
CREATE_PARAMS = REQUIRED_TEXT + OPTIONAL_TEXT + CREATE_ONLY
UPDATE_PARAMS = REQUIRED_TEXT + OPTIONAL_TEXT + (EDIT_REASON,)
CREATE_REQUIRED = tuple(param.param for param in REQUIRED_TEXT) + (NUMBER.param,)

FIELDS = ("sid", "account_sid", "customer_profile_sid", "trust_product_sid", "date_created", "date_updated", "regulated_item_sid",
          "business_name", "business_street_address", "business_street_address2", "business_city", "business_state_province_region",
          "business_postal_code", "business_country", "business_website", "business_contact_first_name", "business_contact_last_name",
          "business_contact_email", "business_contact_phone", "notification_email", "use_case_categories", "use_case_summary",
          "production_message_sample", "opt_in_image_urls", "opt_in_type", "message_volume", "additional_information",
          "tollfree_phone_number_sid", "status", "url", "rejection_reason", "error_code", "edit_expiration", "edit_allowed",
          "rejection_reasons", "resource_links", "external_reference_id")
"""The schema's properties, in its order."""


def verification_url(sid: str) -> str:
    """Twilio's absolute URL of a verification."""
    return f"{LIST_URL}/{sid}"


def resource_links(record: Record) -> dict[str, str]:
    """The links of the spec's fetch example that the record has a SID for (``{}`` as in its create example)."""
    profile = record.get("customer_profile_sid")
    return {"customer_profile": f"https://trusthub.twilio.com/v1/CustomerProfiles/{profile}"} if profile else {}


def build(account_sid: str, sid: str, values: dict[str, Any], date_created: str) -> Record:
    """A new verification, PENDING_REVIEW (the spec's create example), in the schema's order."""
    record: Record = dict.fromkeys(FIELDS)
    record.update(values)
    record.update(sid=sid, account_sid=account_sid, date_created=date_created, date_updated=date_created, url=verification_url(sid))
    record["status"] = values.get("status") or "PENDING_REVIEW"
    record["resource_links"] = resource_links(record)
    return record
