# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""A brand's third-party vetting (C(VT...)): its field table, the look-ups, the rules before buying one, and its result.

Source of every field: twilio_messaging_v1.json, C(POST /v1/a2p/BrandRegistrations/{BrandSid}/Vettings) (request) and
the schema C(messaging.v1.brand_registrations.brand_vetting) (response). A vetting cannot be changed or deleted (the
spec has no update or delete), so no field is updatable.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any, Mapping

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import SOLE_PROPRIETOR
from ansible_collections.tendlc.twilio.plugins.module_utils._client import call, resource_dict
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._fields import ASSIGNED, Field, Resource
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import is_blank

CAMPAIGN_VERIFY, AEGIS = "campaign-verify", "aegis"  # the spec's enum brand_vetting_enum_vetting_provider

# vetting_status: "One of PENDING, SUCCESS, or FAILED" (the schema's description); the spec's examples, and error 21723's
# page, also show IN_PROGRESS, so every status but the two final ones is read as "still in progress".
SUCCESS, FAILED = "SUCCESS", "FAILED"
FINAL = (SUCCESS, FAILED)

VETTING = Resource(
    name="A2P brand vetting",
    fields=(
        Field("brand_sid", "BrandSid", kind="sid", sid_prefix="BN", updatable=False,
              spec_note="the create's path parameter {BrandSid}, not a form field (spec: POST /v1/a2p/BrandRegistrations/{BrandSid}/Vettings)"),
        Field("vetting_provider", "VettingProvider", choices=(CAMPAIGN_VERIFY, AEGIS), updatable=False, create_required=True),
        # VettingId: "The unique ID of the vetting" (optional in the spec); a Campaign Verify token (the Vettings page), a secret.
        Field("vetting_id", "VettingId", updatable=False, no_log=True),
    ),
    # What Twilio sets itself on create: vetting_status PENDING is the first status the schema's description lists (the spec's
    # create examples show IN_PROGRESS: *unconfirmed* which one a new vetting has); vetting_class is STANDARD (Aegis) or
    # POLITICAL (Campaign Verify), per the schema's description, and filled in by planned() below.
    initial={"vetting_status": "PENDING", "vetting_class": None},
    spec_file="twilio_messaging_v1.json",
    create_path="/v1/a2p/BrandRegistrations/{BrandSid}/Vettings",
    schema="messaging.v1.brand_registrations.brand_vetting",
    modules=("brand_vetting",),
)

VETTING_CLASS = {AEGIS: "STANDARD", CAMPAIGN_VERIFY: "POLITICAL"}  # the schema's vetting_class description
SECRET_FIELDS = ("vetting_id",)  # never in a result: a Campaign Verify token is the political entity's credential
NOT_TWILIO = ("brand_vetting_sid",) + ASSIGNED  # what only Twilio assigns; the vetting's own SID is brand_vetting_sid, not sid

# What to do when a vetting FAILED: this module never buys a second one (a fee each, and Twilio allows one Campaign Verify
# import in progress at a time: error 21723). Campaign Verify: error 21722's page (the token must be valid, unexpired and not
# used by another brand, then import it again); Aegis: Twilio's brand troubleshooting guide (fix the brand's errors, resubmit).
AFTER_FAILURE = {
    CAMPAIGN_VERIFY: ("get a new, valid Campaign Verify token for the same political entity (Twilio's error 21722: the token must be "
                      "complete, unexpired and not used by another brand) and import it once in the Twilio Console or with the Vettings "
                      "API; this module never imports a second token for a provider"),
    AEGIS: ("review the brand's errors and feedback (Twilio's 'Troubleshooting A2P 10DLC Standard/LVS Brands' guide) and ask Twilio "
            "Support before buying another secondary vetting; this module never buys a second one"),
}


def argument_spec() -> dict[str, dict[str, Any]]:
    """brand_vetting's options of the table: the brand is required, the provider defaults to Aegis (the secondary vetting)."""
    spec = VETTING.argument_spec()
    spec["brand_sid"]["required"] = True
    spec["vetting_provider"]["default"] = AEGIS
    return spec


def check_options(params: Mapping[str, Any]) -> None:
    """The module's options, before any request: the table's rules, and the vetting_id the provider needs. The token is a
    secret: a message names the field and the problem, never the value."""
    VETTING.check(params)  # vetting_id has no rule there, so its value is never shown
    token = params.get("vetting_id")
    if params["vetting_provider"] == CAMPAIGN_VERIFY and token is None:
        raise ModuleError("vetting_id is required with vetting_provider=campaign-verify: the Campaign Verify token to import.", field="vetting_id")
    if token is None:
        return
    if is_blank(token):
        raise ModuleError("vetting_id is blank (value not shown: it is a secret).", field="vetting_id")
    if token != token.strip() or any(char.isspace() for char in token):
        raise ModuleError("vetting_id contains white space (value not shown: it is a secret); give the token exactly as issued.", field="vetting_id")
    # Error 30826's page: "Use the full Campaign Verify token exactly as issued, including all pipe-delimited fields".
    if params["vetting_provider"] == CAMPAIGN_VERIFY and "|" not in token:
        raise ModuleError("vetting_id is not a whole Campaign Verify token (value not shown: it is a secret): a token holds several "
                          "pipe-delimited fields (cv|1.0|...); give it exactly as Campaign Verify issued it.", field="vetting_id")


def refusal(brand: Any) -> str | None:
    """Why this brand cannot be vetted now (None: it can). A vetting needs an APPROVED brand (the Vettings page supplements the
    government and nonprofit onboarding guide, whose brands are APPROVED first); sole-proprietor brands get no secondary
    vetting (Twilio's 'Secondary Vetting for A2P 10DLC': Starter brands are not affected; its fee table has none for them)."""
    if brand.status != "APPROVED":
        return "its status is %s, not APPROVED: a brand is vetted once Twilio approved it" % brand.status
    if brand.brand_type == SOLE_PROPRIETOR:
        return "it is a SOLE_PROPRIETOR brand: Twilio's secondary and political vettings are for STANDARD brands"
    return None


def cautions(brand: Any, provider: str) -> list[str]:
    """What a user should know before a vetting is bought for this brand (warnings, not refusals)."""
    found = []
    if provider == AEGIS and brand.skip_automatic_sec_vet is False:
        found.append("A2P brand %s was registered without skip_automatic_sec_vet, so Twilio vetted it automatically at registration "
                     "(Twilio's 'Secondary Vetting for A2P 10DLC'); whether that vetting is listed under the brand's Vettings is "
                     "*unconfirmed*: if it is not, this buys a second one." % brand.sid)
    if brand.mock:
        found.append("A2P brand %s is a mock brand: whether Twilio vets (and bills) a mock brand is *unconfirmed*." % brand.sid)
    return found


def list_vettings(client: Any, brand_sid: str, provider: str) -> list[Any]:
    """The brand's vettings by this provider (the list's VettingProvider filter; each is compared again)."""
    vettings = client.messaging.v1.brand_registrations(brand_sid).brand_vettings
    # No page_size: the spec's list of Vettings takes only VettingProvider (PageSize is not one of its parameters).
    found = call("list the %s vettings of A2P brand %s" % (provider, brand_sid), vettings.list, vetting_provider=provider)
    return [vetting for vetting in found if vetting.vetting_provider == provider]


def newest_vetting(client: Any, brand_sid: str, provider: str) -> Any | None:
    """The brand's newest vetting by this provider (by date_created), or None."""
    found = sorted(list_vettings(client, brand_sid, provider), key=lambda vetting: str(vetting.date_created or ""))
    return found[-1] if found else None


def vetting_result(vetting: Any | None, sent: Mapping[str, Any]) -> dict[str, Any]:
    """The one result builder: a vetting as Twilio returns it, or (check mode) what Twilio would hold after creating C(sent),
    less what only Twilio assigns; never the vetting_id."""
    if vetting is not None:
        record = resource_dict(vetting)
    else:
        record = {key: value for key, value in VETTING.planned(sent).items() if key not in NOT_TWILIO}
        record["vetting_class"] = VETTING_CLASS[sent["vetting_provider"]]
    return {key: value for key, value in record.items() if key not in SECRET_FIELDS}
