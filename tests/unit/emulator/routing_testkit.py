"""Test kit for Flex inbound routing (Flex v1 FlexFlows, Conversations address configurations, Proxy services).

Account A is seeded with both Flex setups: a legacy Flex number (``sms_url`` on A's Proxy webhook, in A's Proxy
service, with an ``sms`` Flex Flow) and a Flex Conversations number (empty ``sms_url``, an ``sms`` address
configuration), plus two free numbers. Account B has one of each, for isolation. The emulator's JSONL log is
checked against Twilio's specs when the fixture ends.
"""

from pathlib import Path
from typing import Any, Iterator

from contract.log_records import read_log
from contract.spec_fetch import fetch_spec
from contract.validator import format_problems, validate_records
from emulator.server import Emulator, start
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, make_seed

PN_LEGACY, LEGACY_NUMBER = "PN" + "1f" * 16, "+15552220001"
PN_CONV, CONV_NUMBER = "PN" + "2c" * 16, "+15552220002"
PN_FREE, FREE_NUMBER = "PN" + "3e" * 16, "+15552220003"
PN_UK, UK_NUMBER = "PN" + "4b" * 16, "+447700900555"
PN_B, NUMBER_B = "PN" + "5b" * 16, "+15553330001"
KS_A, KS_B = "KS" + "a5" * 16, "KS" + "b5" * 16
FO_A, FO_B = "FO" + "a0" * 16, "FO" + "b0" * 16
IG_A, IG_B = "IG" + "a9" * 16, "IG" + "b9" * 16
FW_A = "FW" + "a7" * 16
IS_A = "IS" + "a3" * 16
PROXY_WEBHOOK = f"https://webhooks.twilio.com/v1/Accounts/{ACCOUNT_A}/Proxy/{KS_A}/Webhooks/Message"

FLEX = "https://flex-api.twilio.com/v1/FlexFlows"
ADDRESSES = "https://conversations.twilio.com/v1/Configuration/Addresses"
PROXY = "https://proxy.twilio.com/v1/Services"


def make_routing_seed() -> dict[str, Any]:
    """:func:`make_seed` plus both Flex routing setups for A and one of each resource for B."""
    seed = make_seed()
    account_a, account_b = seed["accounts"]
    account_a["phone_numbers"] = [
        {"sid": PN_LEGACY, "phone_number": LEGACY_NUMBER, "sms_url": PROXY_WEBHOOK},
        {"sid": PN_CONV, "phone_number": CONV_NUMBER, "friendly_name": "Conversations line"},
        {"sid": PN_FREE, "phone_number": FREE_NUMBER},
        {"sid": PN_UK, "phone_number": UK_NUMBER, "capabilities": {"voice": False}},
    ]
    account_a["proxy_services"] = [{"sid": KS_A, "unique_name": "Flex Proxy Service", "phone_numbers": [LEGACY_NUMBER]}]
    account_a["flex_flows"] = [{
        "sid": FO_A, "friendly_name": "SMS Flex Flow", "channel_type": "sms", "contact_identity": LEGACY_NUMBER,
        "chat_service_sid": IS_A, "integration_type": "studio", "integration": {"flow_sid": FW_A}, "janitor_enabled": True,
    }]
    account_a["address_configurations"] = [{
        "sid": IG_A, "type": "sms", "address": CONV_NUMBER, "friendly_name": "Flex Conversations",
        "auto_creation": {"enabled": True, "type": "studio", "conversation_service_sid": IS_A, "studio_flow_sid": FW_A, "studio_retry_count": 3},
    }]
    assert account_b["sid"] == ACCOUNT_B
    account_b["phone_numbers"] = [{"sid": PN_B, "phone_number": NUMBER_B}]
    account_b["proxy_services"] = [{"sid": KS_B, "unique_name": "B's Proxy", "phone_numbers": [PN_B]}]
    account_b["flex_flows"] = [{"sid": FO_B, "friendly_name": "B's flow", "channel_type": "web"}]
    account_b["address_configurations"] = [{"sid": IG_B, "type": "whatsapp", "address": "whatsapp:" + NUMBER_B}]
    return seed


def contract_problems(log_path: Path) -> list[str]:
    """Every contract problem of the JSONL log, as text."""
    return [str(problem) for problem in validate_records(read_log(log_path), fetch_spec())]


def routing_emulator(tmp_path: Path) -> Iterator[Emulator]:
    """Body of an ``emu`` fixture: the routing seed, logging to ``tmp_path/requests.jsonl``; at the end the log must conform."""
    log = tmp_path / "requests.jsonl"
    with start(make_routing_seed(), log_path=str(log)) as running:
        yield running
    problems = validate_records(read_log(log), fetch_spec())
    assert not problems, format_problems(problems, str(log))
