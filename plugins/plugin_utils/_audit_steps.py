# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The audit's next steps, in the words a Flex admin acts on, and what a campaign registration costs.

Private to the collection: the interface may change without notice.

Sources: the campaign's cost and review time, Twilio's "A2P 10DLC Campaign Vetting FAQ" (support.twilio.com, article
11587910480155: every new campaign is vetted by hand and charged a $15 verification fee per vetting, again when it is
resubmitted, on top of a monthly campaign fee; reviews take days, and Twilio warns of weeks). Toll-free numbers, Twilio's
"Toll-Free Verification API Onboarding Guide" (toll-free numbers must be verified before they send SMS in the US and
Canada). A suspended campaign refuses changes (error 21729); a sole-proprietor brand's identity is UNVERIFIED until
its owner confirms the one-time code Twilio texts (error 30752, valid 24 hours).
"""

from __future__ import annotations

import re
from typing import Any

ROLLOUT = "the rollout (playbooks/flex_a2p.yml)"
CAMPAIGN_COST = ("Twilio charges a vetting fee for every campaign it reviews ($15 in Twilio's A2P 10DLC Campaign Vetting FAQ, "
                 "again on resubmission) plus a monthly campaign fee, and the review takes days, sometimes weeks")
NOT_DEFERRING = " (false: inbound SMS of its numbers do not reach Flex)"
LEAVES_POOL = "(dropped from the exclusive pool, they leave the service's campaign)"
TOLL_FREE = "it needs toll-free verification, not an A2P campaign"
TOLL_FREE_APPROVED, TOLL_FREE_REJECTED = "TWILIO_APPROVED", "TWILIO_REJECTED"  # the spec's tollfree_verification status enum

ACCOUNT_NOT_ACTIVE = "contact Twilio support: a suspended account sends nothing (closing an account is permanent)"
CREATE_SERVICE = "run %s: it creates the service, then fills its pool and registers its campaign" % ROLLOUT
RUN_SETTINGS = "run %s, which sets these fields" % ROLLOUT
RUN_DEFER = "run %s, which makes the Flex service defer to its numbers' webhooks" % ROLLOUT
RUN_LINKS = "run %s, which links it (no new registration)" % ROLLOUT
REGISTER_WHEN_READY = ("run %s once the fee and the wait are agreed (see 'Before you run a rollout'); then audit again until the campaign "
                       "is VERIFIED" % ROLLOUT)
AVOID_REPLACE = ("unless the campaign must be re-registered, set flex_a2p_replace_campaign: false; the service sends no A2P traffic "
                 "until the new campaign is approved")
RUN_UPDATES = "run %s, which updates the campaign" % ROLLOUT
REGISTER = "register a campaign: set flex_a2p_campaign (or flex_a2p_external_campaign_id) and run %s" % ROLLOUT
WAIT_FOR_BRAND = ("the campaign waits for its brand: get the brand APPROVED, and a sole-proprietor brand's OTP confirmed (its status, "
                  "identity and errors are in the Brand row below), "
                  "then run %s" % ROLLOUT)
CONFIRM_OTP = "the brand's owner confirms the one-time code Twilio texted them (valid 24 hours; it can be sent again)"
CONFIRM_SOLE_PROPRIETOR_OTP = ("the brand's owner confirms the one-time code Twilio texted to the mobile number registered with the brand "
                               "(valid 24 hours); if it expired, send a new one from the Twilio Console or with the BrandRegistrations "
                               "SmsOtp API (POST /v1/a2p/BrandRegistrations/{BN}/SmsOtp), then audit again; a campaign is registered "
                               "once the identity is VERIFIED (error 30991)")
# The business's onboarding (flex_a2p_onboarding, playbooks/onboard.yml, docs/onboarding.md).
ONBOARD = "the onboarding (playbooks/onboard.yml)"
ONBOARDING_WAIT = "wait for Twilio's review, then run %s again: it continues where the review is" % ONBOARD
ONBOARDING_REJECTED = ("fix what Twilio's errors name in flex_a2p_onboarding and run %s: it updates the rejected bundle and submits it "
                       "again (docs/onboarding.md, 'Rejected')" % ONBOARD)
ONBOARDING_RUN = "run %s, which makes and submits what is missing" % ONBOARD
ONBOARDING_FAILED = "fix what the message names (flex_a2p_onboarding or the credentials), then audit again"
# The role's variable behind the module of a plan step, for a value the plan refused.
_VARIABLES = {"campaign": "flex_a2p_campaign", "external_campaign": "flex_a2p_external_campaign_id", "service": "flex_a2p_service_settings",
              "pool": "flex_a2p_phone_numbers (or flex_a2p_on_conflict)"}


def listed(numbers: list[str]) -> str:
    """The numbers, comma-separated."""
    return ", ".join(numbers)


def read_error(what: str) -> str:
    """The next step when reading C(what) failed."""
    return "fix what reading %s failed on (credentials, network, Twilio's answer), then audit again" % what


def invalid_input(step: str, field: str | None) -> str:
    """The next step for a value of the inventory that the plan of C(step) refused; C(field) is the module's option."""
    option = re.sub(r"\[\d+\]$", "", field or "")
    variable = _VARIABLES["external_campaign" if option == "campaign_id" else step]
    if option.startswith("flex_a2p_"):
        variable = option
    elif option == "brand_registration_sid":
        variable = "flex_a2p_brand_sid"
    elif step == "service" and option == "friendly_name":
        variable = "flex_a2p_service_name"
    elif step in ("campaign", "service") and option not in ("", "campaign_id"):
        variable = "%s.%s" % (variable, option)
    return "fix %s in the inventory as the refusal says, then audit again (a rollout would stop at this step)" % variable


def run_adds(numbers: list[str]) -> str:
    return "run %s, which adds %s to the pool" % (ROLLOUT, listed(numbers))


def run_moves(numbers: list[str]) -> str:
    return "run %s, which moves %s into this service's pool" % (ROLLOUT, listed(numbers))


def run_moves_defer(phone: str) -> str:
    return "run %s, which moves %s into the Flex service, which defers to the number's webhook" % (ROLLOUT, phone)


def run_defer(phone: str) -> str:
    return "run %s, which makes the Flex service defer to the webhook of %s" % (ROLLOUT, phone)


def keep_in_pool(numbers: list[str]) -> str:
    them = "them" if len(numbers) > 1 else "it"
    return ("to keep %s registered, add %s to flex_a2p_phone_numbers before the rollout; else stop sending SMS from %s"
            % (listed(numbers), them, them))


def one_sole_proprietor_number(service: str) -> str:
    return ("keep one phone number in the pool of service %s: for the Flex service list one in flex_a2p_phone_numbers (with "
            "flex_a2p_exclusive: true) and run %s, else remove the others from that pool; or register a STANDARD brand and campaign"
            % (service, ROLLOUT))


def verify_toll_free(phone: str, status: str | None, edit_allowed: Any = None) -> str:
    """The next step for a toll-free number whose verification is not approved (C(status) None: not read)."""
    if status is None:
        return "check the Toll-Free Verification of %s (tendlc.twilio.tollfree_verification_info, or the Twilio Console)" % phone
    if status == "":
        return ("submit a Toll-Free Verification for %s (tendlc.twilio.tollfree_verification, or flex_a2p_tollfree_verification "
                "with %s); until Twilio approves it, carriers may block its messages" % (phone, ROLLOUT))
    if status == TOLL_FREE_REJECTED:
        return ("correct what Twilio gave as the reason and %s (tendlc.twilio.tollfree_verification)" %
                ("edit the verification of %s while Twilio allows it" % phone if edit_allowed else "submit the verification of %s again" % phone))
    return "wait for Twilio's review of the verification of %s (it can take days); the audit shows its status" % phone


def rejection(verification: dict[str, Any]) -> str:
    """', rejected: <reasons> (error N)' of a rejected verification, else ''."""
    if verification.get("status") != TOLL_FREE_REJECTED:
        return ""
    reasons = verification.get("rejection_reasons") or []
    texts = [str(r.get("reason") if isinstance(r, dict) else r) for r in reasons] if isinstance(reasons, list) else []
    text = "; ".join(t for t in texts if t and t != "None") or str(verification.get("rejection_reason") or "no reason given")
    code = verification.get("error_code")
    return ", rejected: %s%s" % (text, " (error %s)" % code if code else "")


def fix_webhook(phone: str, problems: list[str]) -> str:
    return ("in Flex, fix how %s receives SMS (%s); the rollout never changes a number's own settings" % (phone, "; ".join(problems)))


def not_owned(numbers: list[str]) -> str:
    return "remove %s from flex_a2p_phone_numbers, or move (port) them into this account" % listed(numbers)


_CAMPAIGN_STEPS = {
    None: REGISTER,
    "PENDING": "wait for Twilio's review (days); audit again",
    "IN_PROGRESS": "wait for Twilio's review (days); audit again",
    "FAILED": "fix what the errors name in flex_a2p_campaign, then run %s" % ROLLOUT,
    "SUSPENDED": "contact Twilio support: a suspended campaign refuses every change (error 21729)",
}
_BRAND_STEPS = {
    "PENDING": "wait for the brand's review; audit again",
    "IN_REVIEW": "wait for the brand's review; audit again",
    "FAILED": "fix what the errors name in the brand's Trust Hub profiles, then resubmit the brand",
}


def campaign_step(status: str | None) -> str:
    """The next step for a campaign that is not VERIFIED (None: there is none)."""
    return _CAMPAIGN_STEPS.get(status, "check the campaign in the Twilio Console and contact Twilio support")


def brand_step(status: str | None) -> str:
    """The next step for a brand that is not APPROVED."""
    return _BRAND_STEPS.get(status, "contact Twilio support about the brand")


def unregistered_step(joining: bool, service: str | None, own: dict[str, Any], numbers: list[str]) -> str:
    """The next step for US local numbers that no VERIFIED campaign covers.

    C(joining): a rollout would put them in the role's service. C(own) is that service's C(sid) and C(campaign_status).
    """
    pending = own.get("campaign_status") != "VERIFIED"
    if joining:
        return "run %s, which pools %s in the Flex service%s" % (ROLLOUT, listed(numbers), "; they are registered once its campaign is VERIFIED"
                                                                 if pending else "")
    if service and service == own.get("sid"):
        status = own.get("campaign_status")
        return "%s %s registered once the campaign of the Flex service %s is VERIFIED: %s" % (
            listed(numbers), "are" if len(numbers) > 1 else "is", service, campaign_step(status))
    if service:
        return "register a campaign for service %s, or list %s in flex_a2p_phone_numbers and run %s" % (service, listed(numbers), ROLLOUT)
    return "add %s to flex_a2p_phone_numbers and run %s, or stop sending SMS from %s" % (listed(numbers), ROLLOUT, "them" if len(numbers) > 1 else "it")


def other_service_step(service: str | None, phone: str) -> str:
    """The next step for a number held by a service the role does not manage, which keeps its inbound SMS."""
    return ("make service %s defer to the webhook of %s, or list %s here and run %s with flex_a2p_on_conflict: move"
            % (service, phone, phone, ROLLOUT))
