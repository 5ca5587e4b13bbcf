"""Conversations Address Configuration (``IG...``) fields: parameters, the ``auto_creation`` object, the record.

Fields follow the ``conversations.v1.configuration_address`` schema of twilio_conversations_v1.json, in the
schema's order. ``auto_creation`` holds ``enabled`` (default false, *unconfirmed*) and the ``AutoCreation.*``
values sent, under their snake_case names, in the order of the spec's examples (``webhook_method`` upper case,
as there).
"""

from typing import Any

from emulator.conversations import BASE_URL
from emulator.forms import integer_between, one_of, parse_boolean, text_up_to
from emulator.params import Param, each, lower_or_upper, non_empty, sid_of, text_or_null
from emulator.state import Account, Record

KIND = "address_configurations"
PREFIX = "IG"
LIST_URL = f"{BASE_URL}/v1/Configuration/Addresses"
MAX_PAGE_SIZE = 50  # the spec: "The default is 50, and the maximum is 50."
TYPES = ("sms", "whatsapp", "messenger", "gbm", "email", "rcs", "apple", "chat")
AUTO_CREATION_TYPES = ("webhook", "studio", "default")
WEBHOOK_FILTERS = (
    "onMessageAdded", "onMessageUpdated", "onMessageRemoved", "onConversationUpdated", "onConversationStateUpdated",
    "onConversationRemoved", "onParticipantAdded", "onParticipantUpdated", "onParticipantRemoved", "onDeliveryUpdated",
)

CREATE_ONLY = (
    Param("Type", "type", one_of(TYPES)),
    Param("Address", "address", non_empty),
    Param("AddressCountry", "address_country", text_or_null),
)
PARAMS = (Param("FriendlyName", "friendly_name", text_up_to(256)),)
# An empty value removes the key from ``auto_creation`` (*unconfirmed*).
AUTO_CREATION = (
    Param("AutoCreation.Enabled", "enabled", parse_boolean),
    Param("AutoCreation.Type", "type", one_of(AUTO_CREATION_TYPES)),
    Param("AutoCreation.ConversationServiceSid", "conversation_service_sid", sid_of("IS", empty=True)),
    Param("AutoCreation.WebhookUrl", "webhook_url", text_or_null),
    Param("AutoCreation.WebhookMethod", "webhook_method", lower_or_upper(("get", "post"))),
    Param("AutoCreation.WebhookFilters", "webhook_filters", each(one_of(WEBHOOK_FILTERS)), repeated=True),
    Param("AutoCreation.StudioFlowSid", "studio_flow_sid", sid_of("FW", empty=True)),
    Param("AutoCreation.StudioRetryCount", "studio_retry_count", integer_between(0, 2**31 - 1)),
)
ORDER = ("sid", "account_sid", "type", "address", "friendly_name", "auto_creation", "date_created", "date_updated", "url", "address_country")


def address_url(sid: str) -> str:
    """Twilio's absolute URL of an address configuration."""
    return f"{LIST_URL}/{sid}"


def auto_creation_of(current: dict[str, Any], sent: dict[str, Any]) -> dict[str, Any]:
    """``current`` with the sent ``AutoCreation.*`` values (None removes a key), in order; ``enabled`` always present."""
    merged = {"enabled": False, **current, **sent}
    return {param.name: merged[param.name] for param in AUTO_CREATION if merged.get(param.name) is not None}


def build(account: Account, sid: str, values: dict[str, Any], created: str) -> Record:
    """A complete record in schema order from ``values`` (``type``, ``address`` and ``auto_creation`` at least)."""
    record: dict[str, Any] = {"friendly_name": None, "address_country": None}
    record.update(sid=sid, account_sid=account.sid, date_created=created, date_updated=created, url=address_url(sid))
    record.update(values)
    return {key: record[key] for key in ORDER}
