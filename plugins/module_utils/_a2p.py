# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""A2P 10DLC reads shared by the campaign and brand modules, and the one wait loop for approval.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import time
from typing import Any, Callable

from ansible_collections.tendlc.twilio.plugins.module_utils._client import call, fetch_or_none
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import PAGE_SIZE, list_services

# Twilio asks for at most one request per second to its A2P brand and campaign APIs.
MIN_POLL_SECONDS = 1.0
MIN_WAIT_SECONDS = 1  # the shortest wait_timeout (the flex_a2p role's input filter checks its variables with both)

WAIT_OPTIONS: dict[str, dict[str, Any]] = {
    "wait": {"type": "bool", "default": False},
    "wait_timeout": {"type": "int", "default": 600},
    "poll_interval": {"type": "float", "default": 10},
}


SOLE_PROPRIETOR = "SOLE_PROPRIETOR"  # the brand type of individuals: one campaign, one phone number, an OTP to confirm


def list_campaigns(client: Any, service_sid: str) -> list[Any]:
    """The A2P campaigns (UsAppToPerson) of a service: Twilio allows at most one."""
    usa2p = client.messaging.v1.services(service_sid).us_app_to_person
    return call("list the A2P campaign of messaging service %s" % service_sid, usa2p.list, page_size=PAGE_SIZE)


def service_campaign(client: Any, service_sid: str) -> Any | None:
    """The service's A2P campaign (Twilio allows one), or None."""
    campaigns = list_campaigns(client, service_sid)
    return campaigns[0] if campaigns else None


def account_campaigns(client: Any) -> list[Any]:
    """Every A2P campaign of the account: the campaign of each of its services."""
    return [campaign for service in list_services(client) for campaign in list_campaigns(client, service.sid)]


def fetch_brand(client: Any, sid: str) -> Any | None:
    """The brand registration with this SID, or None."""
    return fetch_or_none("fetch A2P brand %s" % sid, client.messaging.v1.brand_registrations(sid).fetch)


def list_brands(client: Any) -> list[Any]:
    return call("list A2P brands", client.messaging.v1.brand_registrations.list, page_size=PAGE_SIZE)


def brand_usecases(client: Any, service_sid: str, brand_sid: str) -> list[str]:
    """The A2P use case codes the brand may register on the service (empty when the brand has a problem)."""
    found = call("list the A2P use cases of brand %s" % brand_sid, client.messaging.v1.services(service_sid).us_app_to_person_usecases.fetch,
                 brand_registration_sid=brand_sid)
    return [usecase["code"] for usecase in found.us_app_to_person_usecases or []]


def describe_errors(errors: list[dict[str, Any]] | None) -> str:
    """Twilio's A2P errors ({error_code, description, fields}) as one readable line."""
    if not errors:
        return "no errors given"
    return "; ".join("%s %s%s" % (e.get("error_code"), e.get("description"), " (fields: %s)" % ", ".join(e["fields"]) if e.get("fields") else "")
                     for e in errors)


def check_wait_options(params: dict[str, Any]) -> None:
    if params["wait_timeout"] < MIN_WAIT_SECONDS:
        raise ModuleError("wait_timeout must be at least %d second, got %r." % (MIN_WAIT_SECONDS, params["wait_timeout"]), field="wait_timeout")
    if params["poll_interval"] < MIN_POLL_SECONDS:
        raise ModuleError("poll_interval must be at least %s second: Twilio allows one A2P request per second, got %r."
                          % (MIN_POLL_SECONDS, params["poll_interval"]), field="poll_interval")


def goal(wanted: list[str], resource: Any, held: Callable[[Any], str | None] | None) -> str:
    """What a wait is for, in words: C(APPROVED), or C(APPROVED and VERIFIED) for a sole-proprietor brand whose OTP
    C(held) checks (C(awaiting_otp()))."""
    text = " or ".join(wanted)
    return text + " and VERIFIED" if held is not None and getattr(resource, "brand_type", None) == SOLE_PROPRIETOR else text


def wait_for(what: str, fetch: Callable[[], Any], status_of: Callable[[Any], str], wanted: list[str], failed: str,
             timeout: float, interval: float, held: Callable[[Any], str | None] | None = None) -> Any:
    """Poll until the status is one of C(wanted) and C(held) (if given) names nothing that still holds the resource back;
    fail on C(failed) (unless wanted) and at the timeout, saying what it still waits for.

    Returns the last fetched resource.
    """
    deadline = time.monotonic() + timeout
    while True:
        resource = fetch()
        status = status_of(resource)
        holding = held(resource) if held is not None and status in wanted else None
        if status in wanted and holding is None:
            return resource
        if status == failed:
            raise ModuleError("%s is %s: %s." % (what, failed, describe_errors(getattr(resource, "errors", None))),
                              status=status, errors=getattr(resource, "errors", None))
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            still = "it is %s but %s" % (status, holding) if holding else "its status is still %s" % status
            raise ModuleError("Timed out after %ss waiting for %s to be %s; %s." % (timeout, what, goal(wanted, resource, held), still), status=status)
        time.sleep(min(max(interval, MIN_POLL_SECONDS), remaining))


# Error 30752's page: Twilio texts the verification request to the mobile number registered with the brand once the brand is
# APPROVED; the owner replies YES; the OTP is valid 24 hours; a fresh one comes from the Console or a Brand Registration OTP
# (POST /v1/a2p/BrandRegistrations/{BrandRegistrationSid}/SmsOtp, twilio_messaging_v1.json: "retry OTP verification").
OTP_WAIT = ("waiting for the OTP: the brand's owner must confirm the one-time code sent by SMS to the mobile number registered with "
            "the brand, by replying YES to that text within 24 hours; when the code expired or never arrived, send a new one with "
            "a2p_brand's resend_otp option, from the Twilio Console or with the BrandRegistrations SmsOtp API")


def awaiting_otp(brand: Any) -> str | None:
    """What a campaign still waits for on an APPROVED brand: for a sole-proprietor brand whose C(identity_status) is not
    VERIFIED, its owner's confirmation of the one-time code (error 30752's page: the brand stays UNVERIFIED until then;
    error 30991: no campaign under an unverified brand); else None. Names no phone number or other personal data."""
    if brand.brand_type != SOLE_PROPRIETOR or brand.identity_status == "VERIFIED":
        return None
    return "its identity_status is %s, and Twilio refuses campaigns under it (error 30991): %s" % (brand.identity_status, OTP_WAIT)


def otp_resendable(brand: Any) -> bool:
    """Whether a new one-time code can help: an APPROVED sole-proprietor brand whose identity_status is UNVERIFIED (error 30752)."""
    return brand.status == "APPROVED" and brand.brand_type == SOLE_PROPRIETOR and brand.identity_status == "UNVERIFIED"


def send_otp(client: Any, brand_sid: str) -> None:
    """Have Twilio text the brand's owner a new one-time code (a Brand Registration OTP); no personal data in or out."""
    call("send a new OTP for A2P brand %s" % brand_sid, client.messaging.v1.brand_registrations(brand_sid).brand_registration_otps.create)
