"""Flex Flow (``FO...``) fields: parameters, defaults, the ``integration`` object and its rules.

Fields follow the ``flex.v1.flex_flow`` schema of twilio_flex_v1.json, in the schema's order.
``integration`` holds the ``Integration.*`` parameters sent, under their snake_case names (``flow_sid``,
``retry_count``...), in the spec's parameter order, as the spec's examples show it.
"""

from typing import Any, Optional

from emulator.errors import missing_parameter
from emulator.flex import BASE_URL
from emulator.forms import integer_between, one_of, parse_boolean
from emulator.params import Param, non_empty, sid_of, text_or_null
from emulator.state import Account, Record

KIND = "flex_flows"
PREFIX = "FO"
LIST_URL = f"{BASE_URL}/v1/FlexFlows"
CHANNEL_TYPES = ("web", "sms", "facebook", "whatsapp", "line", "custom")
INTEGRATION_TYPES = ("studio", "external", "task")
MAX_INT = 2**31 - 1

PARAMS = (
    Param("FriendlyName", "friendly_name", non_empty),
    Param("ChatServiceSid", "chat_service_sid", sid_of("IS")),
    Param("ChannelType", "channel_type", one_of(CHANNEL_TYPES)),
    Param("ContactIdentity", "contact_identity", text_or_null),
    Param("Enabled", "enabled", parse_boolean),
    Param("IntegrationType", "integration_type", one_of(INTEGRATION_TYPES)),
    Param("LongLived", "long_lived", parse_boolean),
    Param("JanitorEnabled", "janitor_enabled", parse_boolean),
)
REQUIRED = ("FriendlyName", "ChatServiceSid", "ChannelType")

# An empty value removes the key from ``integration`` (*unconfirmed*).
INTEGRATION = (
    Param("Integration.FlowSid", "flow_sid", sid_of("FW", empty=True)),
    Param("Integration.Url", "url", text_or_null),
    Param("Integration.WorkspaceSid", "workspace_sid", sid_of("WS", empty=True)),
    Param("Integration.WorkflowSid", "workflow_sid", sid_of("WW", empty=True)),
    Param("Integration.Channel", "channel", text_or_null),
    Param("Integration.Timeout", "timeout", integer_between(0, MAX_INT)),
    Param("Integration.Priority", "priority", integer_between(0, MAX_INT)),
    Param("Integration.CreationOnMessage", "creation_on_message", parse_boolean),
    Param("Integration.RetryCount", "retry_count", integer_between(0, 3)),
)
# The spec: FlowSid "required when integrationType is studio", Url for external, WorkspaceSid and WorkflowSid for task.
REQUIRED_INTEGRATION = {"studio": ("flow_sid",), "external": ("url",), "task": ("workspace_sid", "workflow_sid")}
RETRY_DEFAULT = 3  # "integer values from 0 to 3 with the default being 3", for studio and external

# New-flow defaults (*unconfirmed*: the spec states false only for long_lived and janitor_enabled).
DEFAULTS: dict[str, Any] = {
    "contact_identity": None, "enabled": False, "integration_type": None, "long_lived": False, "janitor_enabled": False,
}
ORDER = (
    "account_sid", "date_created", "date_updated", "sid", "friendly_name", "chat_service_sid", "channel_type",
    "contact_identity", "enabled", "integration_type", "integration", "long_lived", "janitor_enabled", "url",
)


def flow_url(sid: str) -> str:
    """Twilio's absolute URL of a Flex Flow."""
    return f"{LIST_URL}/{sid}"


def integration_of(current: dict[str, Any], sent: dict[str, Any], integration_type: Optional[str]) -> dict[str, Any]:
    """``current`` with the sent ``Integration.*`` values (None removes a key), in parameter order, with the retry default."""
    merged = {**current, **sent}
    if integration_type in ("studio", "external"):
        merged.setdefault("retry_count", RETRY_DEFAULT)
    return {param.name: merged[param.name] for param in INTEGRATION if merged.get(param.name) is not None}


def check_integration(integration_type: Optional[str], integration: dict[str, Any]) -> None:
    """400 / 20001 ``Missing required parameter Integration.FlowSid`` (etc.) when the type's values are missing."""
    by_name = {param.name: param.param for param in INTEGRATION}
    for name in REQUIRED_INTEGRATION.get(integration_type or "", ()):
        if name not in integration:
            raise missing_parameter(by_name[name])


def build(account: Account, sid: str, values: dict[str, Any], created: str) -> Record:
    """A complete flow in schema order: defaults, then ``values`` (which hold ``integration``)."""
    record: dict[str, Any] = dict(DEFAULTS)
    record.update(account_sid=account.sid, date_created=created, date_updated=created, sid=sid, integration={}, url=flow_url(sid))
    record.update(values)
    return {key: record[key] for key in ORDER}
