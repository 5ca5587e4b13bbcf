# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Twilio Trust Hub for A2P 10DLC: the policies, the end-user types, the accepted values and the field tables of the two
bundles (secondary customer profile, A2P trust product), their end users and the business address.

Sources (the facts file of issue 13 holds each one):
- S: twilio_trusthub_v1.json (paths, schemas, the example of GET /v1/Policies/{Sid} listing a business profile's
  requirements per end-user type);
- D: https://www.twilio.com/docs/trust-hub/trusthub-rest-api/api-create-secondary-customer-profile (the tables
  "Business registration data" and "Representative data": the accepted values);
- G: https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api (the policy SIDs, the order of steps,
  the A2P messaging profile's attributes);
- N: Twilio's "A2P 10DLC - Registration for Government and Nonprofit Agencies" (docs/messaging/compliance/a2p-10dlc), section
  ISV: company_type government, and non_profit for non-profits.
End-user attributes are not in the spec (it types Attributes as a free object): their tables carry a spec_note naming
their source, which the table test accepts in place of the spec.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import re
from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._fields import Field, Resource

SECONDARY_PROFILE_POLICY = "RNdfbf3fae0e1107f8aded0e7cead80bf5"  # Secondary Customer Profile (G, step 1.1)
A2P_PROFILE_POLICY = "RNb0d4771c2c98518d916a3d4cd70a8f8b"  # A2P Messaging Profile trust product (G, step 2.1)

BUSINESS_INFORMATION = "customer_profile_business_information"
REPRESENTATIVE_TYPES = ("authorized_representative_1", "authorized_representative_2")
MESSAGING_PROFILE_INFORMATION = "us_a2p_messaging_profile_information"
ADDRESS_DOCUMENT = "customer_profile_address"  # supporting document type, attribute address_sids (S, D)

# Bundle statuses (S: customer_profile_enum_status, trust_product_enum_status).
DRAFT, PENDING, IN_REVIEW, REJECTED, APPROVED = "draft", "pending-review", "in-review", "twilio-rejected", "twilio-approved"
EDITABLE = (DRAFT, REJECTED)  # Twilio accepts changes of a bundle and its entities only in these (contract; *unconfirmed* error code)

# Accepted values, D ("Business registration data").
BUSINESS_IDENTITIES = ("direct_customer", "isv_reseller_or_partner", "unknown")
BUSINESS_TYPES = ("Sole Proprietorship", "Partnership", "Limited Liability Corporation", "Co-operative", "Non-profit Corporation",
                  "Corporation")
BUSINESS_INDUSTRIES = (
    "AGRICULTURE", "AUTOMOTIVE", "BANKING", "CONSUMER", "EDUCATION", "ELECTRONICS", "ENERGY", "ENGINEERING",
    "FAST_MOVING_CONSUMER_GOODS", "FINANCIAL", "FINTECH", "FOOD_AND_BEVERAGE", "GOVERNMENT", "HEALTHCARE", "HOSPITALITY",
    "INSURANCE", "JEWELRY", "LEGAL", "MANUFACTURING", "MEDIA", "NOT_FOR_PROFIT", "OIL_AND_GAS", "ONLINE", "RAW_MATERIALS",
    "REAL_ESTATE", "RELIGION", "RETAIL", "TECHNOLOGY", "TELECOMMUNICATIONS", "TRANSPORTATION", "TRAVEL",
)
# D's table; its code example sends DUNS, which the table does not list (and A2P brands do not accept): left out.
REGISTRATION_IDENTIFIERS = ("EIN", "CBN", "CN", "ACN", "CIN", "VAT", "VATRN", "RN", "Other")
REGIONS = ("AFRICA", "ASIA", "EUROPE", "LATIN_AMERICA", "USA_AND_CANADA", "AUSTRALIA")
# D ("Representative data").
JOB_POSITIONS = ("Director", "GM", "VP", "CEO", "CFO", "General Counsel", "Other")
# G (step 2.2: public, private) and N (government; non-profits send non_profit).
COMPANY_TYPES = ("public", "private", "non_profit", "government")

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
E164 = re.compile(r"\+[1-9][0-9]{1,14}")


def check_email(name: str, value: Any) -> None:
    """An email address (personal data: the message names the field, never the value)."""
    if not isinstance(value, str) or not EMAIL.fullmatch(value):
        raise ModuleError("%s is not an email address (name@domain; the value is not shown)." % name, field=name)


def check_phone(name: str, value: Any) -> None:
    """A phone number in E.164 (personal data: the message names the field, never the value)."""
    if not isinstance(value, str) or not E164.fullmatch(value):
        raise ModuleError("%s is not a phone number in E.164 form (+ country code and number, such as +1 and 10 digits; the value is "
                          "not shown)." % name, field=name)


def private_text(low: int, high: int) -> Any:
    """The length rule of a personal-data text, whose message names the field and its length, never the value."""

    def check(name: str, value: Any) -> None:
        if not isinstance(value, str) or not low <= len(value) <= high or (low and not value.strip()):
            length = len(value) if isinstance(value, str) else 0
            raise ModuleError("%s must be %d to %d characters long and not blank, got %d characters (the value is not shown)."
                              % (name, low, high, length), field=name)

    return check


def check_regions(name: str, value: list[Any]) -> None:
    """Each region one of Twilio's accepted values (D), once."""
    for index, item in enumerate(value):
        if item not in REGIONS:
            raise ModuleError("%s[%d]=%r is not one of %s." % (name, index, item, ", ".join(REGIONS)), field=name)
    if len(set(value)) != len(value):
        raise ModuleError("%s lists a region twice: %s." % (name, ", ".join(value)), field=name)


def _bundle_fields() -> tuple[Field, ...]:
    # FriendlyName and Email are updatable in the spec, but they are what finds the bundle: a new pair is a new bundle.
    # 64 characters: the name rule's default (the spec states no limit; *unconfirmed*).
    return (
        Field("friendly_name", "FriendlyName", kind="name", create_required=True),
        Field("email", "Email", no_log=True, create_required=True, extra=check_email),
        Field("status_callback", "StatusCallback", kind="url"),
    )


def _bundle_table(name: str, path: str, schema: str, policy: str, module: str) -> Resource:
    """A bundle's table (the two bundles have the same fields); C(initial): the spec's create example (status draft)."""
    return Resource(name=name, fields=_bundle_fields(), initial={"status": DRAFT, "policy_sid": policy, "valid_until": None, "errors": None},
                    spec_file="twilio_trusthub_v1.json", create_path=path, update_path=path + "/{Sid}", schema=schema, modules=(module,))


CUSTOMER_PROFILE = _bundle_table("secondary customer profile", "/v1/CustomerProfiles", "trusthub.v1.customer_profile", SECONDARY_PROFILE_POLICY,
                                 "customer_profile")
TRUST_PRODUCT = _bundle_table("A2P trust product", "/v1/TrustProducts", "trusthub.v1.trust_product", A2P_PROFILE_POLICY, "trust_product")


def _attribute(option: str, source: str, **kwargs: Any) -> Field:
    """An EndUser attribute (an Attributes key, not in the spec's form): spec_note names its source."""
    return Field(option, option, spec_note="an Attributes key of the end user; " + source, **kwargs)


def _end_user_table(name: str, module: str, *fields: Field) -> Resource:
    """An end-user type's attributes, held against the spec's EndUsers paths (every field departs: its spec_note says why)."""
    return Resource(name=name, fields=fields, spec_file="twilio_trusthub_v1.json", create_path="/v1/EndUsers", update_path="/v1/EndUsers/{Sid}",
                    schema="trusthub.v1.end_user", modules=(module,))


_BUSINESS_NOTE = "S (Policies fetch example: customer_profile_business_information) and D (accepted values)"
BUSINESS = _end_user_table(
    "business information", "customer_profile:business",
    _attribute("business_name", _BUSINESS_NOTE, kind="name", length=(1, 255), create_required=True),
    _attribute("business_type", _BUSINESS_NOTE, choices=BUSINESS_TYPES, create_required=True),
    _attribute("business_industry", _BUSINESS_NOTE, choices=BUSINESS_INDUSTRIES, create_required=True),
    _attribute("business_registration_identifier", _BUSINESS_NOTE, choices=REGISTRATION_IDENTIFIERS, create_required=True),
    _attribute("business_registration_number", _BUSINESS_NOTE, no_log=True, create_required=True, extra=private_text(1, 64)),
    _attribute("business_identity", _BUSINESS_NOTE, choices=BUSINESS_IDENTITIES, create_required=True),
    # D's example sends one region as a text; several joined with "," is *unconfirmed*.
    # Accepted values REGIONS, checked per item by check_regions (Field.choices compares a whole value).
    _attribute("business_regions_of_operation", _BUSINESS_NOTE, type="list", elements="str", items=(1, len(REGIONS)),
               items_word="regions", extra=check_regions, create_required=True),
    _attribute("website_url", _BUSINESS_NOTE, kind="url", create_required=True),
    _attribute("social_media_profile_urls", _BUSINESS_NOTE + "; optional", length=(0, 1024)),
)

_REPRESENTATIVE_NOTE = "S (Policies fetch example: authorized_representative_1/_2) and D (Representative data)"
REPRESENTATIVE = _end_user_table(
    "authorized representative", "customer_profile:representatives",
    _attribute("first_name", _REPRESENTATIVE_NOTE, no_log=True, extra=private_text(1, 64), create_required=True),
    _attribute("last_name", _REPRESENTATIVE_NOTE, no_log=True, extra=private_text(1, 64), create_required=True),
    _attribute("email", _REPRESENTATIVE_NOTE, no_log=True, extra=check_email, create_required=True),
    _attribute("phone_number", _REPRESENTATIVE_NOTE, no_log=True, extra=check_phone, create_required=True),
    _attribute("business_title", _REPRESENTATIVE_NOTE, length=(1, 255), create_required=True),
    _attribute("job_position", _REPRESENTATIVE_NOTE, choices=JOB_POSITIONS, create_required=True),
)

_PROFILE_NOTE = "G (step 2.2, us_a2p_messaging_profile_information) and N (company_type of government and non-profits)"
MESSAGING_PROFILE = _end_user_table(
    "A2P messaging profile information", "trust_product",
    _attribute("company_type", _PROFILE_NOTE, choices=COMPANY_TYPES, create_required=True),
    _attribute("stock_exchange", _PROFILE_NOTE + "; required for public companies; the list of exchanges is *unconfirmed*",
               length=(1, 64)),
    _attribute("stock_ticker", _PROFILE_NOTE + "; required for public companies", length=(1, 32)),
    _attribute("brand_contact_email", _PROFILE_NOTE + "; whether Twilio requires it is *unconfirmed*", no_log=True, extra=check_email),
)

# The business address (2010 Addresses): street and street_secondary are personal data of a small business (no_log).
ADDRESS = Resource(
    name="business address",
    fields=(
        Field("customer_name", "CustomerName", kind="name", length=(1, 255), create_required=True),
        Field("street", "Street", no_log=True, extra=private_text(1, 255), create_required=True,
              spec_note="no_log: a street address is personal data (issue 13); the length rule hides the value"),
        Field("street_secondary", "StreetSecondary", no_log=True, extra=private_text(0, 255),
              spec_note="no_log: a street address is personal data (issue 13); the length rule hides the value"),
        Field("city", "City", length=(1, 255), create_required=True),
        Field("region", "Region", length=(1, 255), create_required=True),
        Field("postal_code", "PostalCode", length=(1, 32), create_required=True),
        # IsoCountry is not in the update's form (A): a new country needs a new address.
        Field("iso_country", "IsoCountry", length=(2, 2), updatable=False, create_required=True,
              spec_note="the spec's format iso-country-code (a 2-letter code, A)"),
    ),
    spec_file="twilio_api_v2010.json",
    create_path="/2010-04-01/Accounts/{AccountSid}/Addresses.json",
    update_path="/2010-04-01/Accounts/{AccountSid}/Addresses/{Sid}.json",
    schema="api.v2010.account.address",
    modules=("customer_profile:address",),
)


def sub_spec(resource: Resource, defaults: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """The options of a table as a module takes them: the fields a create requires are required, unless the module gives
    them a default of its own (C(defaults))."""
    spec = resource.argument_spec()
    for field in resource.fields:
        if defaults and field.option in defaults:
            spec[field.option]["default"] = defaults[field.option]
        elif field.create_required:
            spec[field.option]["required"] = True
    return spec


def pii_options(resource: Resource) -> tuple[str, ...]:
    """The options whose values are personal data (no_log): shown in diffs as markers only."""
    return tuple(field.option for field in resource.fields if field.no_log)


def to_attributes(resource: Resource, values: dict[str, Any]) -> dict[str, Any]:
    """Option values as an end user's Attributes (a list of regions as one text, joined with ",": *unconfirmed*)."""
    return {key: ",".join(value) if isinstance(value, list) else value for key, value in values.items()
            if key in resource.options() and value is not None}


def from_attributes(resource: Resource, attributes: dict[str, Any] | None) -> dict[str, Any]:
    """An end user's Attributes as option values (a list option's text split on ",")."""
    attributes = attributes or {}
    current: dict[str, Any] = {}
    for field in resource.fields:
        value = attributes.get(field.option)
        if field.type == "list" and isinstance(value, str):
            value = [item.strip() for item in value.split(",") if item.strip()]
        current[field.option] = value
    return current
