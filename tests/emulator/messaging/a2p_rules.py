"""A2P 10DLC rules shared by brands, campaigns, external campaigns and (for later use) sender pools.

Error codes (HTTP 400, *unconfirmed* status and wording for all of them):

- 21717 the brand is unknown in the account or not ``APPROVED``;
- 21720 the campaign use case is unknown or not available to the brand (see :func:`allowed_usecases`);
- 21719 the Messaging Service's ``usecase`` is incompatible with the campaign use case (:data:`SERVICE_COMPATIBLE`);
- 21710 the service already has a campaign, or a sole-proprietor brand already has one (*unconfirmed code*);
- 30991 the brand is a sole-proprietor brand whose ``identity_status`` is not VERIFIED (error page 30991);
- 21725 a brand is resubmitted that is not FAILED (error page 21725);
- 20001 an OTP resend for a brand that is not a sole-proprietor brand awaiting its OTP (*unconfirmed code*);
- 21729 the campaign is suspended;
- 20001 a campaign field that cannot change was sent with another value (*unconfirmed code*).
"""

from typing import Any, Optional

from emulator.errors import TwilioError
from emulator.messaging.a2p_catalog import ALL_CODES, SOLE_PROPRIETOR_USECASE, STANDARD_USECASES
from emulator.messaging.a2p_lifecycle import BRANDS, CAMPAIGNS
from emulator.state import Account, Record

BRAND_NOT_APPROVED = 21717
SERVICE_USECASE_CONFLICT = 21719
INVALID_USECASE = 21720
ONE_CAMPAIGN = 21710  # *unconfirmed*: Twilio's code for a second campaign on one service is not documented
SUSPENDED = 21729
FIXED_FIELD = 20001  # *unconfirmed*
UNVERIFIED_BRAND = 30991  # error page 30991: "Campaign registrations under unverified brands is not allowed"
BRAND_NOT_FAILED = 21725  # error page 21725: "Brand can only be updated when in FAILED state"
OTP_REFUSED = 20001  # *unconfirmed*: no source gives Twilio's answer to an OTP resend it refuses

SOLE_PROPRIETOR = "SOLE_PROPRIETOR"
LOW_VOLUME = "LOW_VOLUME"

# Campaign use cases each Messaging Service usecase accepts (*unconfirmed* mapping); `undeclared` accepts every one,
# and the catch-all use cases in UNIVERSAL fit every service usecase.
UNIVERSAL = frozenset({"MIXED", LOW_VOLUME, SOLE_PROPRIETOR})
SERVICE_COMPATIBLE: dict[str, frozenset[str]] = {
    "notifications": frozenset({"ACCOUNT_NOTIFICATION", "DELIVERY_NOTIFICATION", "FRAUD_ALERT", "SECURITY_ALERT", "PUBLIC_SERVICE_ANNOUNCEMENT",
                                "EMERGENCY", "HIGHER_EDUCATION", "K12_EDUCATION", "CHARITY", "AGENTS_FRANCHISES"}),
    "marketing": frozenset({"MARKETING", "SWEEPSTAKE", "CHARITY", "POLITICAL", "SOCIAL", "AGENTS_FRANCHISES"}),
    "verification": frozenset({"2FA"}),
    "discussion": frozenset({"CUSTOMER_CARE", "PROXY", "SOCIAL", "AGENTS_FRANCHISES"}),
    "poll": frozenset({"POLLING_VOTING", "POLITICAL"}),
}


def error(code: int, message: str) -> TwilioError:
    """A 400 A2P error."""
    return TwilioError(400, code, message)


def approved_brand(account: Account, sid: str) -> Record:
    """The account's brand ``sid`` if it is ``APPROVED``, else 400 / 21717."""
    brand = account.get(BRANDS, sid)
    if brand is None:
        raise error(BRAND_NOT_APPROVED, f"Brand Registration {sid} was not found in this account")
    if brand["status"] != "APPROVED":
        raise error(BRAND_NOT_APPROVED, f"Brand Registration {sid} is not approved (status {brand['status']})")
    return brand


def allowed_usecases(brand: Optional[Record]) -> list[dict[str, Any]]:
    """Campaign use cases open to ``brand``: none unless it is APPROVED; only SOLE_PROPRIETOR for sole-proprietor brands;
    the whole standard list, LOW_VOLUME included, for every standard brand (low-volume or not: the spec's
    ``fetchWithBrandRegistrationSid`` example lists LOW_VOLUME). Without a brand, the same list (``fetchWithoutBrandRegistrationSid``)."""
    if brand is not None and brand["status"] != "APPROVED":
        return []
    if brand is not None and brand["brand_type"] == SOLE_PROPRIETOR:
        return [dict(SOLE_PROPRIETOR_USECASE)]
    return [dict(entry) for entry in STANDARD_USECASES]


def check_usecase(brand: Record, code: str) -> None:
    """400 / 21720 unless ``code`` is a known campaign use case open to ``brand``."""
    if code not in ALL_CODES:
        raise error(INVALID_USECASE, f"Invalid UsAppToPersonUsecase '{code}'")
    if code not in {entry["code"] for entry in allowed_usecases(brand)}:
        raise error(INVALID_USECASE, f"UsAppToPersonUsecase '{code}' is not available for {brand['brand_type']} Brand Registration {brand['sid']}")


def service_accepts(service: Record, code: str) -> bool:
    """Whether the service's ``usecase`` accepts the campaign use case ``code`` (:data:`SERVICE_COMPATIBLE`)."""
    usecase = service.get("usecase") or "undeclared"
    return usecase == "undeclared" or code in UNIVERSAL or code in SERVICE_COMPATIBLE.get(usecase, frozenset())


def check_service_usecase(service: Record, code: str) -> None:
    """400 / 21719 when the service's ``usecase`` does not accept the campaign use case ``code``."""
    if service_accepts(service, code):
        return
    usecase = service.get("usecase") or "undeclared"
    raise error(SERVICE_USECASE_CONFLICT, f"Messaging Service use case '{usecase}' is incompatible with A2P campaign use case '{code}'")


def campaign_of_service(account: Account, service_sid: str) -> Optional[Record]:
    """The service's campaign (there is at most one), or None."""
    for campaign in account.records(CAMPAIGNS):
        if campaign["messaging_service_sid"] == service_sid:
            return campaign
    return None


def check_one_per_service(account: Account, service_sid: str) -> None:
    """400 / 21710 when the service already has a campaign."""
    existing = campaign_of_service(account, service_sid)
    if existing is not None:
        raise error(ONE_CAMPAIGN, f"Messaging Service {service_sid} already has an A2P campaign ({existing['sid']})")


def check_sole_proprietor_limit(account: Account, brand: Record) -> None:
    """400 / 21710 when a sole-proprietor brand already has a campaign (the spec's ``brand_type``: "only one SOLE_PROPRIETOR
    campaign created per SOLE_PROPRIETOR brand"); another sole-proprietor brand of the account may have its own."""
    if brand["brand_type"] != SOLE_PROPRIETOR:
        return
    for campaign in account.records(CAMPAIGNS):
        if campaign["brand_registration_sid"] == brand["sid"]:
            raise error(ONE_CAMPAIGN, f"Sole proprietor Brand Registration {brand['sid']} already has its one campaign ({campaign['sid']})")


def check_identity(brand: Record) -> None:
    """400 / 30991 for a sole-proprietor brand whose identity is not VERIFIED (its owner has not confirmed the OTP)."""
    if brand["brand_type"] == SOLE_PROPRIETOR and brand["identity_status"] != "VERIFIED":
        raise error(UNVERIFIED_BRAND, f"Campaign registrations under unverified brands is not allowed: Brand Registration {brand['sid']} has "
                                      f"identity_status {brand['identity_status']}")


def check_resubmittable(brand: Record) -> None:
    """400 / 21725 unless the brand is FAILED."""
    if brand["status"] != "FAILED":
        raise error(BRAND_NOT_FAILED, f"Brand can only be updated when in FAILED state; Brand Registration {brand['sid']} is {brand['status']}")


def check_otp_pending(brand: Record) -> None:
    """400 / 20001 (*unconfirmed*) unless the brand is a sole-proprietor brand whose identity is not VERIFIED yet."""
    if brand["brand_type"] != SOLE_PROPRIETOR:
        raise error(OTP_REFUSED, f"Brand Registration {brand['sid']} is a {brand['brand_type']} brand: OTP verification is for sole proprietor brands")
    if brand["identity_status"] == "VERIFIED":
        raise error(OTP_REFUSED, f"Brand Registration {brand['sid']} is already VERIFIED")


def check_not_suspended(campaign: Record) -> None:
    """400 / 21729 for a suspended campaign."""
    if campaign["campaign_status"] == "SUSPENDED":
        raise error(SUSPENDED, f"A2P campaign {campaign['sid']} is suspended and cannot be changed")


def sender_limit(account: Account, service_sid: str) -> Optional[int]:
    """How many phone numbers the service's A2P registration allows: 1 when its campaign belongs to a sole-proprietor
    brand, else None (no A2P limit). For sender pools: a second number in such a service is refused by Twilio."""
    campaign = campaign_of_service(account, service_sid)
    if campaign is None:
        return None
    brand = account.get(BRANDS, campaign["brand_registration_sid"] or "")
    return 1 if brand is not None and brand["brand_type"] == SOLE_PROPRIETOR else None
