# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The A2P brand registration (C(BN...)): its field table, written once, and its one result builder.

Source of every field: twilio_messaging_v1.json, C(POST /v1/a2p/BrandRegistrations) (request) and the schema
C(messaging.v1.brand_registrations) (response). A brand cannot change after registration (the update path resubmits a
FAILED brand and takes no fields; error 21725), so no field is updatable.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any, Mapping

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import SOLE_PROPRIETOR
from ansible_collections.tendlc.twilio.plugins.module_utils._client import resource_dict
from ansible_collections.tendlc.twilio.plugins.module_utils._fields import Field, Resource

# The spec's BrandType description: 'One of: "STANDARD", "SOLE_PROPRIETOR"' (a plain string there, no enum).
BRAND_TYPES = ("STANDARD", SOLE_PROPRIETOR)

BRAND = Resource(
    name="A2P brand registration",
    fields=(
        Field("customer_profile_bundle_sid", "CustomerProfileBundleSid", kind="sid", sid_prefix="BU", updatable=False, create_required=True),
        Field("a2p_profile_bundle_sid", "A2PProfileBundleSid", kind="sid", sid_prefix="BU", updatable=False, create_required=True),
        # Twilio's default when BrandType is not sent: STANDARD is *unconfirmed* (the spec states none); a2p_brand always sends it.
        Field("brand_type", "BrandType", choices=BRAND_TYPES, updatable=False, default="STANDARD"),
        # Mock: "Defaults to false if no value is provided" (the spec's description); a null mock flag reads as false.
        Field("mock", "Mock", type="bool", updatable=False, default=False, null=False),
        # SkipAutomaticSecVet: false when not sent is *unconfirmed* (the spec's examples show false, its description no default).
        Field("skip_automatic_sec_vet", "SkipAutomaticSecVet", type="bool", updatable=False, default=False),
    ),
    # What Twilio sets itself on create. status PENDING: the spec's create examples (201, `create` and
    # `createSoleProprietorBrand`). tcr_id null: "Assigned only after successful brand registration"; failure_reason null:
    # "Only applicable when status is FAILED" (the spec's descriptions). errors []: the create examples. identity_status,
    # brand_score, brand_feedback, russell_3000, government_entity, tax_exempt_status null: the spec's example of a PENDING
    # brand (`fetchSoleProprietorPending` of GET /v1/a2p/BrandRegistrations/{Sid}); for a standard brand *unconfirmed* (the
    # standard create example shows TCR's values, which come from its checks, not from the create).
    initial={
        "status": "PENDING", "tcr_id": None, "failure_reason": None, "errors": [], "brand_score": None, "brand_feedback": None,
        "identity_status": None, "russell_3000": None, "government_entity": None, "tax_exempt_status": None,
    },
    spec_file="twilio_messaging_v1.json",
    create_path="/v1/a2p/BrandRegistrations",
    schema="messaging.v1.brand_registrations",
    modules=("a2p_brand",),
)

# What identifies a registered brand and must match to adopt it: every field but skip_automatic_sec_vet, which is only
# sent at registration (a2p_brand's DOCUMENTATION) and never compared.
IDENTITY = tuple(option for option in BRAND.options() if option != "skip_automatic_sec_vet")


def argument_spec() -> dict[str, dict[str, Any]]:
    """a2p_brand's options of the table: the two bundles are required (a brand is adopted or registered for both), and
    C(brand_type) and C(mock) default to Twilio's defaults, so the module always sends them."""
    spec = BRAND.argument_spec()
    for field in BRAND.fields:
        if field.create_required:
            spec[field.option]["required"] = True
        elif field.option in IDENTITY:
            spec[field.option]["default"] = field.default
    return spec


def current(brand: Any) -> dict[str, Any]:
    """A registered brand's identifying fields, by option (a mock flag Twilio leaves null reads as false)."""
    return {option: value for option, value in BRAND.current(brand).items() if option in IDENTITY}


def brand_result(brand: Any | None, sent: Mapping[str, Any]) -> dict[str, Any]:
    """The one result builder: a registered brand as Twilio returns it; with no brand yet (check mode), what Twilio would
    hold after registering C(sent): the same keys, less what only Twilio assigns (_fields.ASSIGNED)."""
    return resource_dict(brand) if brand is not None else BRAND.planned(sent)


def brand_now(brand_result: dict[str, Any], read_result: dict[str, Any], registers: bool, brand_sid: str) -> dict[str, str]:
    """The brand's C({sid, status}) from a step's result: a2p_brand's (C(registers): the brand of two bundles) or, for a
    brand given by SID, a2p_brand_info's. A brand still to be registered has no SID, and its planned status (a check-mode
    registration's PENDING) is not yet one: both empty. Used by flex_a2p_plan and the role's filter flex_a2p_brand_now."""
    if registers:
        brand = brand_result.get("brand") or {}
        return {"sid": brand.get("sid") or "", "status": (brand.get("status") or "") if brand.get("sid") else ""}
    brands = read_result.get("brands") or [{}]
    return {"sid": brand_sid or "", "status": (brands[0] or {}).get("status") or ""}
