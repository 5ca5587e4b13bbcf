"""Test kit for owned numbers, short codes and sender pools: a seed with both, and an emulator running it."""

from pathlib import Path
from typing import Any, Iterator

from emulator.server import Emulator, start
from emulator.settings import Settings
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, make_seed

PN_1 = "PN" + "01" * 16
PN_2 = "PN" + "02" * 16
PN_3 = "PN" + "03" * 16
PN_4 = "PN" + "04" * 16
PN_VOICE = "PN" + "05" * 16
PN_B = "PN" + "0b" * 16
SC_1 = "SC" + "01" * 16
SC_B = "SC" + "0b" * 16
AP_1 = "AP" + "0a" * 16
SECOND_SERVICE = "MG" + "6e" * 16
SERVICE_B = "MG" + "7e" * 16
FLEX_WEBHOOK = f"https://webhooks.twilio.com/v1/Accounts/{ACCOUNT_A}/Proxy/KS{'ab' * 16}/Webhooks/Message"

NUMBERS_A: list[dict[str, Any]] = [
    {"sid": PN_1, "phone_number": "+15551230001", "sms_url": FLEX_WEBHOOK, "sms_method": "post"},
    {"sid": PN_2, "phone_number": "+15551230002", "friendly_name": "Support line"},
    {"sid": PN_3, "phone_number": "+15559870003", "sms_application_sid": AP_1},
    {"sid": PN_4, "phone_number": "+14155550100", "capabilities": {"mms": False}},
    {"sid": PN_VOICE, "phone_number": "+15551230005", "capabilities": {"sms": False, "mms": False}, "status": "in-use"},
    {"phone_number": "+447700900123"},  # SID generated
]


def make_numbers_seed() -> dict[str, Any]:
    """:func:`make_seed` plus two services, six numbers and two short codes for A, and a service, a number and a short code for B."""
    seed = make_seed()
    account_a, account_b = seed["accounts"]
    assert (account_a["sid"], account_b["sid"]) == (ACCOUNT_A, ACCOUNT_B)
    account_a["services"].append({"sid": SECOND_SERVICE, "friendly_name": "Second"})
    account_a["phone_numbers"] = [dict(number) for number in NUMBERS_A]
    account_a["short_codes"] = [{"sid": SC_1, "short_code": "12345", "friendly_name": "Alerts"}, {"short_code": 67890}]
    account_b["services"] = [{"sid": SERVICE_B, "friendly_name": "B's"}]
    account_b["phone_numbers"] = [{"sid": PN_B, "phone_number": "+15550001111"}]
    account_b["short_codes"] = [{"sid": SC_B, "short_code": "55555"}]
    return seed


def numbers_emulator(tmp_path: Path, settings: Settings = Settings()) -> Iterator[Emulator]:
    """Body of an ``emu`` fixture: the numbers seed, logging to ``tmp_path/requests.jsonl``."""
    with start(make_numbers_seed(), log_path=str(tmp_path / "requests.jsonl"), settings=settings) as running:
        yield running


def numbers_uri(account_sid: str = ACCOUNT_A, suffix: str = ".json") -> str:
    """The emulator path of an account's IncomingPhoneNumbers list (``suffix`` ``/PN....json`` for one number)."""
    return f"/api/2010-04-01/Accounts/{account_sid}/IncomingPhoneNumbers{suffix}"


def pool_path(service_sid: str, segment: str, sid: str = "") -> str:
    """``/messaging/v1/Services/MG.../PhoneNumbers[/PN...]``."""
    return f"/messaging/v1/Services/{service_sid}/{segment}" + (f"/{sid}" if sid else "")
