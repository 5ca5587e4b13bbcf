"""Test kit for subaccounts and toll-free verifications: a main account with three subaccounts (one suspended), an
unrelated account, toll-free and local numbers, and a complete toll-free verification form."""

from pathlib import Path
from typing import Any, Iterator

import pytest

from emulator.server import Emulator, start

PARENT, PARENT_TOKEN = "AC" + "0a" * 16, "token-of-the-parent-0123456789"
PARENT_KEY, PARENT_KEY_SECRET = "SK" + "0a" * 16, "secret-of-the-parents-key-0123"
SUB_1, SUB_1_TOKEN = "AC" + "1b" * 16, "token-of-subaccount-1-012345678"
SUB_2, SUB_2_TOKEN = "AC" + "2b" * 16, "token-of-subaccount-2-012345678"
SUSPENDED, SUSPENDED_TOKEN = "AC" + "3b" * 16, "token-of-suspended-sub-0123456"
OTHER, OTHER_TOKEN = "AC" + "0c" * 16, "token-of-an-unrelated-account-0"
TOKENS = (PARENT_TOKEN, SUB_1_TOKEN, SUB_2_TOKEN, SUSPENDED_TOKEN, OTHER_TOKEN, PARENT_KEY_SECRET)

PARENT_TOLL_FREE, PARENT_LOCAL = "PN" + "0a" * 15 + "01", "PN" + "0a" * 15 + "02"
SUB_1_TOLL_FREE, SUB_1_SECOND_TOLL_FREE = "PN" + "1b" * 15 + "01", "PN" + "1b" * 15 + "02"


def number(sid: str, phone: str) -> dict[str, Any]:
    """A seeded phone number."""
    return {"sid": sid, "phone_number": phone, "friendly_name": phone}


def fleet_seed() -> dict[str, Any]:
    """The parent (with an API key), three subaccounts (the third suspended) and an unrelated account."""
    return {"accounts": [
        {"sid": PARENT, "auth_token": PARENT_TOKEN, "friendly_name": "Fleet parent",
         "api_keys": [{"sid": PARENT_KEY, "secret": PARENT_KEY_SECRET}],
         "phone_numbers": [number(PARENT_TOLL_FREE, "+18885550100"), number(PARENT_LOCAL, "+15550100100")]},
        {"sid": SUB_1, "auth_token": SUB_1_TOKEN, "friendly_name": "Fleet 01", "parent": PARENT,
         "phone_numbers": [number(SUB_1_TOLL_FREE, "+18335550101"), number(SUB_1_SECOND_TOLL_FREE, "+18445550102")]},
        {"sid": SUB_2, "auth_token": SUB_2_TOKEN, "friendly_name": "Fleet 02", "parent": PARENT},
        {"sid": SUSPENDED, "auth_token": SUSPENDED_TOKEN, "friendly_name": "Fleet 03", "parent": PARENT, "status": "suspended"},
        {"sid": OTHER, "auth_token": OTHER_TOKEN, "friendly_name": "Unrelated"},
    ]}


@pytest.fixture(name="fleet")
def fixture_fleet(tmp_path: Path) -> Iterator[Emulator]:
    """A running emulator seeded with :func:`fleet_seed`, logging to ``tmp_path/requests.jsonl``."""
    with start(fleet_seed(), log_path=str(tmp_path / "requests.jsonl")) as running:
        yield running


def verification_form(number_sid: str, **extra: Any) -> dict[str, Any]:
    """Every required field of CreateTollfreeVerification (lists as lists: requests repeats the key)."""
    form: dict[str, Any] = {
        "TollfreePhoneNumberSid": number_sid,
        "BusinessName": "Owl, Inc.",
        "BusinessWebsite": "https://www.example.com",
        "NotificationEmail": "support@example.com",
        "UseCaseCategories": ["TWO_FACTOR_AUTHENTICATION", "ACCOUNT_NOTIFICATIONS"],
        "UseCaseSummary": "One-time passcodes and account alerts for Owl customers.",
        "ProductionMessageSample": "Owl: your code is 123456.",
        "OptInImageUrls": ["https://www.example.com/opt-in.png"],
        "OptInType": "WEB_FORM",
        "MessageVolume": "1,000",
    }
    form.update(extra)
    return form


def seed_verification(number_sid: str, **extra: Any) -> dict[str, Any]:
    """The seed entry of a verification with every required field (snake_case keys)."""
    entry: dict[str, Any] = {
        "tollfree_phone_number_sid": number_sid, "business_name": "Owl, Inc.", "business_website": "https://www.example.com",
        "notification_email": "support@example.com", "use_case_categories": ["ACCOUNT_NOTIFICATIONS"],
        "use_case_summary": "Account alerts.", "production_message_sample": "Owl: your order shipped.",
        "opt_in_image_urls": ["https://www.example.com/opt-in.png"], "opt_in_type": "VERBAL", "message_volume": "10",
    }
    entry.update(extra)
    return entry
