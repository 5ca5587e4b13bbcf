"""Trust Hub reference data: the policies (``RN...``) the emulator knows, the end-user and supporting-document types with
their fields, and the rules an evaluation applies to each field.

Sources (every other value is *unconfirmed*):

- the spec's ``GET /v1/Policies/{Sid}`` examples (twilio_trusthub_v1.json): the "Primary Customer Profile of type
  Business" requirements (``fetch``: business information, two authorized representatives, the HQ address document),
  the starter profile policy ``RN806dd6cd175f314e1f96a9727ee271f4`` and the sole-proprietor trust product policy
  ``RN670d5d2e282a6130ae063b234b6019c8``, verbatim;
- Twilio's ISV onboarding guide and "API: Create a Secondary Customer Profile"
  (https://www.twilio.com/docs/trust-hub/trusthub-rest-api/api-create-secondary-customer-profile): the secondary
  profile policy ``RNdfbf3fae0e1107f8aded0e7cead80bf5`` (a twilio-approved primary profile in the same account is a
  prerequisite), the A2P messaging profile policy ``RNb0d4771c2c98518d916a3d4cd70a8f8b`` and its end-user type
  ``us_a2p_messaging_profile_information``; the accepted values of the business and representative fields (the guide's
  tables, as helper M read them: ../shared/twilio-api-notes.md);
- the spec's ``GET /v1/EndUserTypes/{Sid}`` example: the authorized representative fields' friendly names;
- the spec's evaluation example: result shape, error codes 22214 (end user missing), 22215 (end-user field missing),
  22216 (document missing), 22217 (document field), the friendly names "Business Name", "Business Registration Number",
  "Address sid(s)".

The policy SID of a *primary* business profile is not in these sources: the emulator uses the spec example's
``RNaaaa...`` (*unconfirmed*). That authorized_representative_2 may be absent is *unconfirmed*, as are the field
friendly names other than those above.
"""

from dataclasses import dataclass
from typing import Any, Optional

from emulator.trusthub import CUSTOMER_PROFILES, TRUST_PRODUCTS

PRIMARY_PROFILE_POLICY = "RN" + "a" * 32  # the spec's "Primary Customer Profile of type Business" example (*unconfirmed* SID)
SECONDARY_PROFILE_POLICY = "RNdfbf3fae0e1107f8aded0e7cead80bf5"  # ISV guide: Secondary Customer Profile
A2P_PROFILE_POLICY = "RNb0d4771c2c98518d916a3d4cd70a8f8b"  # ISV guide: A2P Messaging Profile (TrustProduct)
STARTER_PROFILE_POLICY = "RN806dd6cd175f314e1f96a9727ee271f4"  # spec example fetchStarterCustomerProfilePolicy
SOLE_PROPRIETOR_POLICY = "RN670d5d2e282a6130ae063b234b6019c8"  # spec example fetchSoleProprietorTrustBundlePolicy


@dataclass(frozen=True)
class FieldRule:
    """An attribute of an end-user or document type: its friendly name, whether an evaluation requires it (``when``:
    only while another attribute has one of the values), and its accepted values (empty: any non-empty value)."""

    name: str
    friendly_name: str
    required: bool = True
    choices: tuple[str, ...] = ()
    when: Optional[tuple[str, tuple[str, ...]]] = None


@dataclass(frozen=True)
class EntityType:
    """An end-user or supporting-document type (``machine_name``) and its fields."""

    machine_name: str
    friendly_name: str
    fields: tuple[FieldRule, ...]
    optional: bool = False  # an evaluation passes without one (authorized_representative_2; *unconfirmed*)


# Accepted values: the secondary profile guide's tables "Business registration data" and "Representative data" (D); its
# code example sends DUNS, which the table does not list (left out). company_type: the ISV guide (public, private) and
# Twilio's "Registration for Government and Nonprofit Agencies" (government; non-profits send non_profit).
BUSINESS_IDENTITIES = ("direct_customer", "isv_reseller_or_partner", "unknown")
BUSINESS_TYPES = ("Sole Proprietorship", "Partnership", "Limited Liability Corporation", "Co-operative", "Non-profit Corporation",
                  "Corporation")
BUSINESS_INDUSTRIES = (
    "AGRICULTURE", "AUTOMOTIVE", "BANKING", "CONSUMER", "EDUCATION", "ELECTRONICS", "ENERGY", "ENGINEERING",
    "FAST_MOVING_CONSUMER_GOODS", "FINANCIAL", "FINTECH", "FOOD_AND_BEVERAGE", "GOVERNMENT", "HEALTHCARE", "HOSPITALITY",
    "INSURANCE", "JEWELRY", "LEGAL", "MANUFACTURING", "MEDIA", "NOT_FOR_PROFIT", "OIL_AND_GAS", "ONLINE", "RAW_MATERIALS",
    "REAL_ESTATE", "RELIGION", "RETAIL", "TECHNOLOGY", "TELECOMMUNICATIONS", "TRANSPORTATION", "TRAVEL",
)
REGISTRATION_IDENTIFIERS = ("EIN", "CBN", "CN", "ACN", "CIN", "VAT", "VATRN", "RN", "Other")
REGIONS = ("AFRICA", "ASIA", "EUROPE", "LATIN_AMERICA", "USA_AND_CANADA", "AUSTRALIA")
JOB_POSITIONS = ("Director", "GM", "VP", "CEO", "CFO", "General Counsel", "Other")
COMPANY_TYPES = ("public", "private", "non_profit", "government")

_REPRESENTATIVE = (  # friendly names: the spec's EndUserTypes fetch example
    FieldRule("first_name", "First Name"), FieldRule("last_name", "Last Name"), FieldRule("email", "Email"),
    FieldRule("phone_number", "Phone Number"), FieldRule("business_title", "Business Title"),
    FieldRule("job_position", "Job Position", choices=JOB_POSITIONS),
)
_PUBLIC = ("company_type", ("public",))

END_USER_TYPES: dict[str, EntityType] = {entity.machine_name: entity for entity in (
    EntityType("customer_profile_business_information", "Business Information", (
        FieldRule("business_name", "Business Name"),
        FieldRule("business_type", "Business Type", choices=BUSINESS_TYPES),
        FieldRule("business_registration_identifier", "Business Registration ID Type", choices=REGISTRATION_IDENTIFIERS),
        FieldRule("business_registration_number", "Business Registration Number"),
        FieldRule("business_identity", "Business Identity", choices=BUSINESS_IDENTITIES),
        FieldRule("business_industry", "Business Industry", choices=BUSINESS_INDUSTRIES),
        FieldRule("website_url", "Website URL"),
        FieldRule("business_regions_of_operation", "Business Regions of Operation", choices=REGIONS),
        FieldRule("social_media_profile_urls", "Social Media Profile URLs", required=False),
    )),
    EntityType("authorized_representative_1", "Authorized Representative 1", _REPRESENTATIVE),
    EntityType("authorized_representative_2", "Authorized Representative 2", _REPRESENTATIVE, optional=True),
    EntityType("us_a2p_messaging_profile_information", "US A2P Messaging Profile Information", (
        FieldRule("company_type", "Company Type", choices=COMPANY_TYPES),
        FieldRule("stock_exchange", "Stock Exchange", when=_PUBLIC),
        FieldRule("stock_ticker", "Stock Ticker", when=_PUBLIC),
        FieldRule("brand_contact_email", "Brand Contact Email", required=False),
    )),
    EntityType("starter_customer_profile_information", "Information", (
        FieldRule("first_name", "First Name"), FieldRule("last_name", "Last Name"), FieldRule("email", "Email"),
        FieldRule("phone_number", "Phone Number"),
    )),
    EntityType("sole_proprietor_information", "Sole Proprietor Information", (
        FieldRule("brand_name", "Brand Name"), FieldRule("mobile_phone_number", "Mobile Phone Number"), FieldRule("vertical", "Vertical"),
    )),
)}

SUPPORTING_DOCUMENT_TYPES: dict[str, EntityType] = {entity.machine_name: entity for entity in (
    EntityType("customer_profile_address", "Physical Business Address", (FieldRule("address_sids", "Address sid(s)"),)),
    EntityType("starter_customer_profile_address", "Legal Company Address", (FieldRule("address_sids", "Address sid(s)"),)),
)}


def _end_user(machine_name: str) -> dict[str, Any]:
    entity = END_USER_TYPES[machine_name]
    return {"url": f"/EndUserTypes/{machine_name}", "fields": [rule.name for rule in entity.fields], "type": machine_name,
            "name": entity.friendly_name, "requirement_name": machine_name}


def _address(description: str, name: str, *types: str) -> list[list[dict[str, Any]]]:
    accepted = [{"url": f"/SupportingDocumentTypes/{kind}", "fields": ["address_sids"], "type": kind,
                 "name": SUPPORTING_DOCUMENT_TYPES[kind].friendly_name} for kind in types]
    return [[{"description": description, "type": "document", "name": name, "accepted_documents": accepted,
              "requirement_name": "customer_profile_address"}]]


def _requirements(end_users: list[dict[str, Any]], documents: list[list[dict[str, Any]]], profiles: list[dict[str, str]]) -> dict[str, Any]:
    return {"end_user": end_users, "supporting_trust_products": [], "supporting_document": documents, "supporting_customer_profiles": profiles}


_BUSINESS = [_end_user(name) for name in ("customer_profile_business_information", "authorized_representative_1", "authorized_representative_2")]
_HQ = _address("Customer Profile HQ Physical Address", "Physical Business Address", "customer_profile_address")
_PRIMARY_REQUIREMENT = {"type": "primary_customer_profile_type_business", "name": "Primary Customer Profile Bundle",
                        "requirement_name": "primary_customer_profile"}  # the starter policy example's entry


@dataclass(frozen=True)
class Policy:
    """A policy: its SID, friendly name, which bundles use it (store kind), its requirements (the spec's shape) and, for
    ``supporting_customer_profiles``, the policy and statuses an assigned profile must have."""

    sid: str
    friendly_name: str
    bundle_kind: str
    requirements: dict[str, Any]
    profile_policies: tuple[str, ...] = ()
    profile_statuses: tuple[str, ...] = ()


POLICIES: dict[str, Policy] = {policy.sid: policy for policy in (
    Policy(PRIMARY_PROFILE_POLICY, "Primary Customer Profile of type Business", CUSTOMER_PROFILES, _requirements(_BUSINESS, _HQ, [])),
    Policy(SECONDARY_PROFILE_POLICY, "Secondary Customer Profile of type Business", CUSTOMER_PROFILES,  # name *unconfirmed*
           _requirements(_BUSINESS, _HQ, [_PRIMARY_REQUIREMENT]), (PRIMARY_PROFILE_POLICY,), ("twilio-approved",)),
    Policy(A2P_PROFILE_POLICY, "A2P Messaging Profile", TRUST_PRODUCTS,  # name and profile requirement entry *unconfirmed*
           _requirements([_end_user("us_a2p_messaging_profile_information")], [[]],
                         [{"type": "secondary_customer_profile_type_business", "name": "Secondary Customer Profile Bundle",
                           "requirement_name": "customer_profile"}]),
           (SECONDARY_PROFILE_POLICY,), ("pending-review", "in-review", "twilio-approved")),
    Policy(STARTER_PROFILE_POLICY, "Starter Customer Profile of type Business", CUSTOMER_PROFILES, _requirements(
        [_end_user("starter_customer_profile_information")],
        _address("Customer Profile Address", "Customer Profile Address", "customer_profile_address", "starter_customer_profile_address"),
        [_PRIMARY_REQUIREMENT]), (PRIMARY_PROFILE_POLICY,), ("twilio-approved",)),
    Policy(SOLE_PROPRIETOR_POLICY, "Sole Proprietor TrustProduct", TRUST_PRODUCTS, _requirements(
        [_end_user("sole_proprietor_information")], [[]],
        [{"type": "starter_customer_profile_type_business", "name": "Starter Customer Profile(isv customers) Proof",
          "requirement_name": "customer_profile"},
         {"type": "starter_customer_profile_type_direct_long_tail", "name": "Starter Customer Profile(direct customers) Proof",
          "requirement_name": "customer_profile"}]),
        (STARTER_PROFILE_POLICY,), ("pending-review", "in-review", "twilio-approved")),
)}
