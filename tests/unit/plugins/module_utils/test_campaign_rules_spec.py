"""The A2P campaign's field rules, in the modules' table (_campaign.CAMPAIGN) and in the emulator (a2p_campaign_fields.py), read against
the text of Twilio's spec: the descriptions of the UsAppToPerson create's parameters in twilio_messaging_v1.json.

The two are separate code (the emulator models Twilio independently of the collection); both must say what the spec says.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from ansible_collections.tendlc.twilio.plugins.module_utils import _campaign
from ansible_collections.tendlc.twilio.plugins.module_utils._campaign import CAMPAIGN

TESTS = Path(__file__).resolve().parents[3]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

# pylint: disable=wrong-import-position
from contract.spec_fetch import fetch_spec  # noqa: E402
from emulator.messaging import a2p_campaign_fields as emulator_fields  # noqa: E402

CREATE = "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p"
# Spec parameter -> module option.
TEXTS = {"Description": "description", "MessageFlow": "message_flow", "OptInMessage": "opt_in_message", "OptOutMessage": "opt_out_message",
         "HelpMessage": "help_message"}
KEYWORDS = {"OptInKeywords": "opt_in_keywords", "OptOutKeywords": "opt_out_keywords", "HelpKeywords": "help_keywords"}
NUMBERS = {"two": 2, "five": 5}
FIELDS = CAMPAIGN.by_option()


@pytest.fixture(name="create", scope="module")
def fixture_create() -> dict[str, Any]:
    """The create's form parameters, by name."""
    spec = json.loads((fetch_spec() / "twilio_messaging_v1.json").read_text(encoding="utf-8"))
    return spec["paths"][CREATE]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]["properties"]


def limits(text: str) -> tuple[int, int]:
    """(minimum, maximum) characters from "Min length: 40 characters. Max length: 4096" or "20 character minimum. 320 character maximum"."""
    low = re.search(r"Min length(?: for each sample)?: (\d+)|(\d+) character minimum", text)
    high = re.search(r"Max length(?: for each sample)?: (\d+)|(\d+) character maximum", text)
    assert low and high, text
    return int(low.group(1) or low.group(2)), int(high.group(1) or high.group(2))


@pytest.mark.parametrize("param", sorted(TEXTS))
def test_text_lengths_are_the_specs(create: dict[str, Any], param: str) -> None:
    expected = limits(create[param]["description"])
    assert FIELDS[TEXTS[param]].length == expected and FIELDS[TEXTS[param]].param == param
    assert emulator_fields.TEXT_LIMITS[param] == expected


def test_samples_are_the_specs(create: dict[str, Any]) -> None:
    text = create["MessageSamples"]["description"]
    count = re.search(r"min (\w+) and max (\w+)", text)
    assert count, text
    expected_count = (NUMBERS[count.group(1)], NUMBERS[count.group(2)])
    assert (FIELDS["message_samples"].items, FIELDS["message_samples"].length) == (expected_count, limits(text))
    assert (emulator_fields.SAMPLE_COUNT, emulator_fields.SAMPLE_LENGTH) == (expected_count, limits(text))


@pytest.mark.parametrize("param", sorted(KEYWORDS))
def test_keywords_are_the_specs(create: dict[str, Any], param: str) -> None:
    text = create[param]["description"]
    assert "Values must be alphanumeric." in text
    maximum = int(re.search(r"(\d+) character maximum", text).group(1))
    assert _campaign.KEYWORDS_MAX == emulator_fields.KEYWORDS_MAX == maximum
    for pattern in (_campaign.KEYWORD, emulator_fields.KEYWORD):  # alphanumeric, whole values only
        assert pattern.fullmatch("STOP2") and not pattern.fullmatch("STOP-NOW") and not pattern.fullmatch("STOP\n")
    assert param in [spec.param for spec in emulator_fields.PARAMS]
    assert FIELDS[KEYWORDS[param]].param == param and FIELDS[KEYWORDS[param]].extra is _campaign.check_keywords
