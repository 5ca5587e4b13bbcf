"""Flex v1 Flex Flows (``/v1/FlexFlows``, ``FO...``): list (``FriendlyName`` filter), create, fetch, update, delete.

Fields and parameters are in :mod:`emulator.flex.flex_flow_fields`. A legacy Flex number is routed by an
``sms`` flow whose ``contact_identity`` is the number (see docs/emulator.md, "Flex inbound routing").
"""

from typing import Any

from emulator.crud import create_record, deleting, fetching, page_reply, record_or_404, updated
from emulator.errors import SeedError, TwilioError
from emulator.flex.flex_flow_fields import INTEGRATION, KIND, LIST_URL, PARAMS, PREFIX, REQUIRED, build, check_integration, integration_of
from emulator.forms import require
from emulator.params import exact_filter, read, seed_mapping, seed_values
from emulator.routing import Call, Reply, resource_path, rest_routes
from emulator.state import Account, Record
from emulator.timefmt import iso8601


def _find(call: Call) -> Record:
    """The addressed flow of the caller's account, else 404 / 20404."""
    return record_or_404(call.owner(), KIND, call.params["Sid"], resource_path(call.path))


def list_flows(call: Call) -> Reply:
    """The account's flows in creation order, paged (key ``flex_flows``); ``FriendlyName`` is an exact match (*unconfirmed*)."""
    records, filters = exact_filter(call.owner().records(KIND), call.query, "FriendlyName", "friendly_name")
    return page_reply(call, records, url=LIST_URL, key="flex_flows", filters=filters)


def create_flow(call: Call) -> Reply:
    """Create (201): ``FriendlyName``, ``ChatServiceSid`` and ``ChannelType`` are required."""
    for name in REQUIRED:
        require(call.form, name)
    values = read(call.form, PARAMS)
    values["integration"] = integration_of({}, read(call.form, INTEGRATION), values.get("integration_type"))
    check_integration(values.get("integration_type"), values["integration"])
    return create_record(call, KIND, PREFIX, build, values)


def update_flow(call: Call) -> Reply:
    """Change the sent fields (200). ``Integration.*`` values merge into ``integration``; a new ``IntegrationType``
    starts it afresh from the values sent (*unconfirmed*). Nothing changes when a value is refused."""
    record = _find(call)
    values = read(call.form, PARAMS)
    integration_type = values.get("integration_type", record["integration_type"])
    current = {} if integration_type != record["integration_type"] else record["integration"]
    integration = integration_of(current, read(call.form, INTEGRATION), integration_type)
    check_integration(integration_type, integration)
    return updated(record, dict(values, integration=integration), iso8601())


ROUTES = rest_routes("/v1/FlexFlows", list_=list_flows, create=create_flow, fetch=fetching(_find), update=update_flow, delete=deleting(_find, KIND))


SEED_FIELDS = ("sid", "contact_identity", "chat_service_sid", "enabled", "integration_type", "integration", "long_lived", "janitor_enabled")


def from_seed(account: Account, entry: Any, where: str) -> Record:
    """A seeded flow: ``friendly_name`` and ``channel_type``, plus any other field; ``chat_service_sid`` defaults to a
    generated ``IS`` SID and ``enabled`` to true (a seed describes a working Flex setup)."""
    entry = seed_mapping(entry, where, SEED_FIELDS, ("friendly_name", "channel_type"))
    if not isinstance(entry.get("contact_identity", ""), (str, type(None))):
        raise SeedError(f"{where}.contact_identity: expected a string (quote phone numbers: \"+15005550006\")")
    values = seed_values(entry, PARAMS, where)
    values.setdefault("chat_service_sid", account.new_sid("IS"))
    values.setdefault("enabled", True)
    integration = entry.get("integration") or {}
    if not isinstance(integration, dict):
        raise SeedError(f"{where}.integration: expected a mapping of {', '.join(param.name for param in INTEGRATION)}")
    seed_mapping(integration, f"{where}.integration", [param.name for param in INTEGRATION], ())
    values["integration"] = integration_of({}, seed_values(integration, INTEGRATION, f"{where}.integration"), values.get("integration_type"))
    try:
        check_integration(values.get("integration_type"), values["integration"])
    except TwilioError as error:
        raise SeedError(f"{where}.integration: {error.message} (integration_type {values['integration_type']})") from None
    return build(account, entry.get("sid") or account.new_sid(PREFIX), values, iso8601())
