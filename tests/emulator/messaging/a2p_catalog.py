"""A2P 10DLC reference data: the use case catalogues, campaign defaults and carrier rate limits.

Texts come from the examples of Twilio's OpenAPI spec (twilio_messaging_v1.json): ``GET /v1/Services/Usecases``
(the spec shows two entries; the other four are written in the same style, *unconfirmed*),
``GET /v1/Services/{MG}/Compliance/Usa2p/Usecases`` (twenty entries) and the ``createWithDefaults``
campaign example (default opt-out and help texts and keywords). The ``SOLE_PROPRIETOR`` entry and the
low-volume rate limits are *unconfirmed*.
"""

from typing import Any

SERVICE_USECASES: tuple[dict[str, str], ...] = (
    {"usecase": "notifications",
     "description": "Transactional notifications and Alerts for any Delivery, Account, Reminder, Order, Fraud, Security, Public Service, "
                    "or Emergency announcements.",
     "purpose": "Notify my users."},
    {"usecase": "marketing",
     "description": "Marketing messages may contain product information, offers, and calls to action to engage with your organization.",
     "purpose": "Market my services."},
    {"usecase": "verification",
     "description": "One-time passcodes and two-factor authentication codes to verify your users' identity.",
     "purpose": "Verify my users."},
    {"usecase": "discussion",
     "description": "Two-way conversations with your users, such as customer care and support.",
     "purpose": "Converse with my users."},
    {"usecase": "poll",
     "description": "Surveys, polls and votes to collect feedback from your users.",
     "purpose": "Poll my users."},
    {"usecase": "undeclared",
     "description": "A use case that is not yet declared.",
     "purpose": "Undeclared."},
)


def _usecase(code: str, name: str, description: str, post_approval_required: bool = False) -> dict[str, Any]:
    return {"code": code, "name": name, "description": description, "post_approval_required": post_approval_required}


STANDARD_USECASES: tuple[dict[str, Any], ...] = (
    _usecase("2FA", "Two-Factor authentication (2FA)", "Two-Factor authentication, one-time use password, password reset"),
    _usecase("ACCOUNT_NOTIFICATION", "Account Notification",
             "All reminders, alerts, and notifications. (Examples include: flight delayed, hotel booked, appointment reminders.)"),
    _usecase("AGENTS_FRANCHISES", "Agents and Franchises",
             "For brands that have multiple agents, franchises or offices in the same brand vertical, but require individual localised "
             "numbers per agent/location/office.", True),
    _usecase("CHARITY", "Charity", "Includes:  5013C Charity\nDoes not include: Religious organizations"),
    _usecase("PROXY", "Proxy",
             "Peer-to-peer app-based group messaging with proxy/pooled numbers (For example: GroupMe)\nSupporting personalized services and "
             "non-exposure of personal numbers for enterprise or A2P communications. (Examples include: Uber and AirBnb.)", True),
    _usecase("CUSTOMER_CARE", "Customer Care", "All customer care messaging, including account management and support"),
    _usecase("DELIVERY_NOTIFICATION", "Delivery Notification", "Information about the status of the delivery of a product or service"),
    _usecase("EMERGENCY", "Emergency",
             "Notification services designed to support public safety / health during natural disasters, armed conflicts, pandemics and "
             "other national or regional emergencies", True),
    _usecase("FRAUD_ALERT", "Fraud Alert Messaging", "Fraud alert notification"),
    _usecase("HIGHER_EDUCATION", "Higher Education",
             "For campaigns created on behalf of Colleges or Universities and will also include School Districts etc that fall outside of "
             "any \"free to the consumer\" messaging model"),
    _usecase("K12_EDUCATION", "K-12 Education",
             "Campaigns created for messaging platforms that support schools from grades K-12 and distance learning centers. This is not "
             "for Post-Secondary schools.", True),
    _usecase("LOW_VOLUME", "Low Volume Mixed", "Low throughput, any combination of use-cases. Examples include:  test, demo accounts"),
    _usecase("MARKETING", "Marketing", "Any communication with marketing and/or promotional content"),
    _usecase("MIXED", "Mixed", "Mixed messaging reserved for specific consumer service industry"),
    _usecase("POLITICAL", "Political", "Part of organized effort to influence decision making of specific group. All campaigns to be verified"),
    _usecase("POLLING_VOTING", "Polling and voting", "Polling and voting"),
    _usecase("PUBLIC_SERVICE_ANNOUNCEMENT", "Public Service Announcement",
             "An informational message that is meant to raise the audience awareness about an important issue"),
    _usecase("SECURITY_ALERT", "Security Alert",
             "A notification that the security of a system, either software or hardware, has been compromised in some way and there is an "
             "action you need to take"),
    _usecase("SOCIAL", "Social", "Communication within or between closed communities (For example: influencers alerts)", True),
    _usecase("SWEEPSTAKE", "Sweepstake", "Sweepstake", True),
)

SOLE_PROPRIETOR_USECASE = _usecase(
    "SOLE_PROPRIETOR", "Sole Proprietor",
    "Limited to individuals or small businesses without a tax ID: any combination of use cases, one campaign and one phone number.",
)

ALL_CODES = frozenset(entry["code"] for entry in STANDARD_USECASES) | {SOLE_PROPRIETOR_USECASE["code"]}

# Defaults Twilio fills in when a campaign is created without opt-out/help texts (the spec's createWithDefaults example).
DEFAULT_OPT_OUT_MESSAGE = "You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe."
DEFAULT_HELP_MESSAGE = "Reply STOP to unsubscribe. Msg&Data Rates May Apply."
DEFAULT_OPT_OUT_KEYWORDS = ("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT")
DEFAULT_HELP_KEYWORDS = ("HELP", "INFO")

# Carrier rate limits by brand tier: "TOP" from the spec's standard examples, "LOW" from its sole-proprietor example.
RATE_LIMITS: dict[str, dict[str, Any]] = {
    "TOP": {"att": {"mps": 600, "msg_class": "A"}, "tmobile": {"brand_tier": "TOP"}},
    "LOW": {"att": {"mps": 0.25, "msg_class": "A"}, "tmobile": {"brand_tier": "LOW"}},
}
