"""Flex v1 Flex Flows: seeds, create/fetch/update/delete, checks, filter, paging, isolation, the twilio SDK, the legacy Flex setup."""

import re
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import yaml
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from emulator.errors import SeedError
from emulator.seed import build_accounts, load_seed
from emulator.server import Emulator
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, TOKEN_A, TOKEN_B, Api
from routing_testkit import FLEX, FO_A, FO_B, FW_A, IS_A, KS_A, LEGACY_NUMBER, PN_LEGACY, PROXY_WEBHOOK, make_routing_seed, routing_emulator

ORDER = ["account_sid", "date_created", "date_updated", "sid", "friendly_name", "chat_service_sid", "channel_type", "contact_identity",
         "enabled", "integration_type", "integration", "long_lived", "janitor_enabled", "url"]
PATH = "/flex-api/v1/FlexFlows"
IS_NEW = "IS" + "c4" * 16
WS, WW = "WS" + "d1" * 16, "WW" + "d2" * 16
DOCS = Path(__file__).resolve().parents[3] / "docs" / "emulator.md"


@pytest.fixture(name="emu")
def fixture_emu(tmp_path: Path) -> Iterator[Emulator]:
    """The routing seed; the request log must conform to Twilio's flex spec."""
    yield from routing_emulator(tmp_path)


def create(api: Api, **form: str) -> Any:
    """POST a flow with the three required fields (overridable) and return the response."""
    return api.post(PATH, {"FriendlyName": "Web chat", "ChatServiceSid": IS_NEW, "ChannelType": "web", **form})


def error(response: Any) -> tuple[int, int, str]:
    body = response.json()
    return response.status_code, body["code"], body["message"]


def test_seeded_flow(api: Api) -> None:
    listing = api.get(PATH).json()
    [flow] = listing["flex_flows"]
    assert list(flow) == ORDER
    assert (flow["sid"], flow["account_sid"], flow["friendly_name"], flow["channel_type"]) == (FO_A, ACCOUNT_A, "SMS Flex Flow", "sms")
    assert (flow["contact_identity"], flow["chat_service_sid"], flow["enabled"]) == (LEGACY_NUMBER, IS_A, True)
    assert (flow["integration_type"], flow["integration"]) == ("studio", {"flow_sid": FW_A, "retry_count": 3})
    assert (flow["long_lived"], flow["janitor_enabled"], flow["url"]) == (False, True, f"{FLEX}/{FO_A}")
    assert flow["date_created"].endswith("Z") and flow["date_updated"] == flow["date_created"]
    assert listing["meta"] == {"page": 0, "page_size": 50, "first_page_url": f"{FLEX}?PageSize=50&Page=0", "previous_page_url": None,
                               "next_page_url": None, "url": f"{FLEX}?PageSize=50&Page=0", "key": "flex_flows"}
    assert api.get(f"{PATH}/{FO_A}").json() == flow


def test_legacy_flex_setup_is_visible_through_three_products(api: Api) -> None:
    number = api.get(f"/api/2010-04-01/Accounts/{ACCOUNT_A}/IncomingPhoneNumbers/{PN_LEGACY}.json").json()
    assert number["sms_url"] == PROXY_WEBHOOK and f"/Proxy/{KS_A}/" in number["sms_url"]
    [member] = api.get(f"/proxy/v1/Services/{KS_A}/PhoneNumbers").json()["phone_numbers"]
    assert (member["sid"], member["phone_number"]) == (PN_LEGACY, LEGACY_NUMBER)
    flows = [flow for flow in api.get(PATH).json()["flex_flows"] if flow["channel_type"] == "sms" and flow["contact_identity"] == LEGACY_NUMBER]
    assert [flow["sid"] for flow in flows] == [FO_A]


def test_create_fetch_update_delete(api: Api, emu: Emulator) -> None:
    response = create(api, ContactIdentity="webchat", IntegrationType="task", **{
        "Integration.WorkspaceSid": WS, "Integration.WorkflowSid": WW, "Integration.Channel": "chat", "Integration.Timeout": "600",
        "Integration.Priority": "5", "Integration.CreationOnMessage": "true"})
    assert response.status_code == 201, response.text
    flow = response.json()
    assert list(flow) == ORDER and flow["sid"].startswith("FO") and flow["url"] == f"{FLEX}/{flow['sid']}"
    assert (flow["friendly_name"], flow["chat_service_sid"], flow["channel_type"], flow["contact_identity"]) == ("Web chat", IS_NEW, "web", "webchat")
    assert (flow["enabled"], flow["long_lived"], flow["janitor_enabled"], flow["integration_type"]) == (False, False, False, "task")
    assert flow["integration"] == {"workspace_sid": WS, "workflow_sid": WW, "channel": "chat", "timeout": 600, "priority": 5,
                                   "creation_on_message": True}
    assert api.get(f"{PATH}/{flow['sid']}").json() == flow

    updated = api.post(f"{PATH}/{flow['sid']}", {"Enabled": "true", "FriendlyName": "Renamed", "Integration.Priority": "1"})
    assert updated.status_code == 200, updated.text
    assert (updated.json()["enabled"], updated.json()["friendly_name"], updated.json()["integration"]["priority"]) == (True, "Renamed", 1)
    assert updated.json()["integration"]["workspace_sid"] == WS and updated.json()["channel_type"] == "web"

    deleted = api.delete(f"{PATH}/{flow['sid']}")
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert error(api.get(f"{PATH}/{flow['sid']}")) == (404, 20404, f"The requested resource /FlexFlows/{flow['sid']} was not found")
    assert error(api.delete(f"{PATH}/{flow['sid']}"))[:2] == (404, 20404)
    records = [(r["method"], r["product"], r["path"], r["status"], r["account_sid"]) for r in emu.requests]
    assert records[0] == ("POST", "flex-api", "/v1/FlexFlows", 201, ACCOUNT_A)
    assert records[-1] == ("DELETE", "flex-api", f"/v1/FlexFlows/{flow['sid']}", 404, ACCOUNT_A)
    assert emu.requests[0]["form"]["Integration.Timeout"] == "600" and emu.requests[0]["response"] == flow


def test_integration_rules(api: Api) -> None:
    assert error(create(api, IntegrationType="studio")) == (400, 20001, "Missing required parameter Integration.FlowSid in the post body")
    assert error(create(api, IntegrationType="external"))[2] == "Missing required parameter Integration.Url in the post body"
    assert error(create(api, IntegrationType="task", **{"Integration.WorkspaceSid": WS}))[2] == (
        "Missing required parameter Integration.WorkflowSid in the post body")
    external = create(api, IntegrationType="external", **{"Integration.Url": "https://example.com/flex", "Integration.RetryCount": "0"}).json()
    assert external["integration"] == {"url": "https://example.com/flex", "retry_count": 0}
    assert create(api, **{"Integration.FlowSid": FW_A}).json()["integration"] == {"flow_sid": FW_A}  # no type: kept, no retry default

    sid = external["sid"]
    switched = api.post(f"{PATH}/{sid}", {"IntegrationType": "studio", "Integration.FlowSid": FW_A}).json()
    assert switched["integration"] == {"flow_sid": FW_A, "retry_count": 3}  # a new type starts the object afresh
    assert error(api.post(f"{PATH}/{sid}", {"IntegrationType": "external"}))[:2] == (400, 20001)
    assert error(api.post(f"{PATH}/{sid}", {"Integration.FlowSid": ""}))[2] == "Missing required parameter Integration.FlowSid in the post body"
    assert api.get(f"{PATH}/{sid}").json() == switched  # refused updates change nothing


@pytest.mark.parametrize(("form", "message"), [
    ({"FriendlyName": ""}, "Missing required parameter FriendlyName in the post body"),
    ({"ChatServiceSid": ""}, "Missing required parameter ChatServiceSid in the post body"),
    ({"ChannelType": ""}, "Missing required parameter ChannelType in the post body"),
    ({"ChannelType": "sms2"}, "Invalid value 'sms2' for parameter ChannelType: expected one of web, sms, facebook, whatsapp, line, custom"),
    ({"ChatServiceSid": "MG" + "c4" * 16}, f"Invalid value 'MG{'c4' * 16}' for parameter ChatServiceSid: expected IS + 32 lowercase hex digits"),
    ({"Enabled": "yes"}, "Invalid value 'yes' for parameter Enabled: expected true or false"),
    ({"IntegrationType": "flow"}, "Invalid value 'flow' for parameter IntegrationType: expected one of studio, external, task"),
    ({"IntegrationType": "studio", "Integration.FlowSid": FW_A, "Integration.RetryCount": "4"},
     "Invalid value '4' for parameter Integration.RetryCount: expected an integer from 0 to 3"),
    ({"Integration.Timeout": "soon"}, "Invalid value 'soon' for parameter Integration.Timeout: expected an integer from 0 to 2147483647"),
])
def test_create_refuses(api: Api, form: dict[str, str], message: str) -> None:
    assert error(create(api, **form)) == (400, 20001, message)
    assert len(api.get(PATH).json()["flex_flows"]) == 1


def test_friendly_name_filter_and_paging(api: Api) -> None:
    sids = [create(api, FriendlyName=name).json()["sid"] for name in ("A", "B", "A", "C", "A")]
    first = api.get(PATH, params={"FriendlyName": "A", "PageSize": "2"}).json()
    assert [flow["sid"] for flow in first["flex_flows"]] == [sids[0], sids[2]]
    assert first["meta"]["url"] == f"{FLEX}?FriendlyName=A&PageSize=2&Page=0"
    second = api.get(first["meta"]["next_page_url"]).json()
    assert [flow["sid"] for flow in second["flex_flows"]] == [sids[4]]
    assert second["meta"]["next_page_url"] is None and second["meta"]["previous_page_url"].startswith(f"{FLEX}?FriendlyName=A&PageSize=2&Page=0")
    everything = api.get(PATH, params={"PageSize": "4"}).json()
    assert [flow["sid"] for flow in everything["flex_flows"]] == [FO_A] + sids[:3]
    assert api.get(PATH, params={"FriendlyName": "nobody"}).json()["flex_flows"] == []


def test_accounts_are_isolated(api: Api, api_as: Callable[..., Api]) -> None:
    other = api_as(ACCOUNT_B, TOKEN_B)
    assert [flow["sid"] for flow in other.get(PATH).json()["flex_flows"]] == [FO_B]
    for response in (other.get(f"{PATH}/{FO_A}"), other.post(f"{PATH}/{FO_A}", {"Enabled": "false"}), other.delete(f"{PATH}/{FO_A}"),
                     api.get(f"{PATH}/{FO_B}")):
        assert error(response)[:2] == (404, 20404)
    assert api.get(f"{PATH}/{FO_A}").json()["enabled"] is True
    nobody = api_as(None).get(PATH)
    assert error(nobody) == (401, 20003, "Authenticate")
    assert api_as(ACCOUNT_A, "wrong").post(PATH, {"FriendlyName": "x"}).status_code == 401


def test_twilio_sdk(sdk: Callable[..., Client]) -> None:
    client = sdk(ACCOUNT_A, TOKEN_A)
    [seeded] = client.flex_api.v1.flex_flow.list()
    assert (seeded.sid, seeded.contact_identity, seeded.channel_type, seeded.integration) == (FO_A, LEGACY_NUMBER, "sms", {"flow_sid": FW_A, "retry_count": 3})
    created = client.flex_api.v1.flex_flow.create(friendly_name="SDK flow", chat_service_sid=IS_NEW, channel_type="sms", contact_identity="+15550001234",
                                                  enabled=True, integration_type="studio", integration_flow_sid=FW_A, integration_retry_count=2)
    assert (created.enabled, created.integration, created.long_lived) == (True, {"flow_sid": FW_A, "retry_count": 2}, False)
    assert created.date_created is not None and created.date_created.tzinfo is not None
    updated = client.flex_api.v1.flex_flow(created.sid).update(janitor_enabled=True, long_lived=True)
    assert (updated.janitor_enabled, updated.long_lived) == (True, True)
    assert [flow.sid for flow in client.flex_api.v1.flex_flow.list(friendly_name="SDK flow")] == [created.sid]
    assert [flow.sid for flow in client.flex_api.v1.flex_flow.list(page_size=1)] == [FO_A, created.sid]
    assert client.flex_api.v1.flex_flow(created.sid).delete() is True
    with pytest.raises(TwilioRestException) as failure:
        client.flex_api.v1.flex_flow(created.sid).fetch()
    assert (failure.value.status, failure.value.code) == (404, 20404)


def test_reset_restores_the_seeded_flows(api: Api, emu: Emulator) -> None:
    create(api)
    api.delete(f"{PATH}/{FO_A}")
    emu.reset()
    assert [flow["sid"] for flow in api.get(PATH).json()["flex_flows"]] == [FO_A]
    assert emu.state.snapshot()["accounts"][ACCOUNT_A]["flex_flows"][0]["sid"] == FO_A


@pytest.mark.parametrize(("flow", "message"), [
    ({"channel_type": "sms"}, "accounts[0].flex_flows[1]: friendly_name is required"),
    ({"friendly_name": "x", "channel_type": "fax"}, "accounts[0].flex_flows[1].channel_type: Invalid value 'fax' for parameter ChannelType"),
    ({"friendly_name": "x", "channel_type": "sms", "colour": "red"}, "accounts[0].flex_flows[1]: unknown field(s) colour"),
    ({"friendly_name": "x", "channel_type": "sms", "contact_identity": 15550001234}, "accounts[0].flex_flows[1].contact_identity: expected a string"),
    ({"friendly_name": "x", "channel_type": "sms", "integration_type": "studio"},
     "accounts[0].flex_flows[1].integration: Missing required parameter Integration.FlowSid in the post body (integration_type studio)"),
    ({"friendly_name": "x", "channel_type": "sms", "integration": {"flowsid": FW_A}}, "accounts[0].flex_flows[1].integration: unknown field(s) flowsid"),
    ({"friendly_name": "x", "channel_type": "sms", "integration": {"retry_count": 9}},
     "accounts[0].flex_flows[1].integration.retry_count: Invalid value '9'"),
    ({"friendly_name": "x", "channel_type": "sms", "sid": "FO12"}, "accounts[0].flex_flows[1].sid: 'FO12' is not a SID (FO + 32 lowercase hex)"),
    ({"friendly_name": "x", "channel_type": "sms", "sid": FO_A}, f"accounts[0].flex_flows[1].sid: duplicate SID {FO_A}"),
])
def test_seed_errors(flow: dict[str, Any], message: str) -> None:
    seed = make_routing_seed()
    seed["accounts"][0]["flex_flows"].append(flow)
    with pytest.raises(SeedError) as failure:
        load_seed(seed)
    assert message in str(failure.value)


def test_seed_defaults() -> None:
    seed = make_routing_seed()
    seed["accounts"][0]["flex_flows"] = [{"friendly_name": "Minimal", "channel_type": "sms", "contact_identity": "+15550001234", "enabled": False}]
    load_seed(seed)
    [flow] = build_accounts(seed)[0].records("flex_flows")
    assert (flow["enabled"], flow["integration_type"], flow["integration"], flow["chat_service_sid"][:2]) == (False, None, {}, "IS")


def test_documented_seeds_load() -> None:
    """The seed examples of docs/emulator.md (the reference one and both Flex routing setups) are valid seeds."""
    blocks = re.findall(r"```yaml\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 3
    for block in blocks:
        accounts = build_accounts(load_seed(yaml.safe_load(block)))
        assert accounts and accounts[0].sid.startswith("AC")
    legacy, conversations = (build_accounts(load_seed(yaml.safe_load(block)))[0] for block in blocks[-2:])
    [flow] = legacy.records("flex_flows")
    [number] = legacy.records("phone_numbers")
    [member] = legacy.records("proxy_phone_numbers")
    assert flow["contact_identity"] == number["phone_number"] == member["phone_number"] and "/Proxy/KS" in number["sms_url"]
    [config] = conversations.records("address_configurations")
    assert config["address"] == conversations.records("phone_numbers")[0]["phone_number"] and config["type"] == "sms"
