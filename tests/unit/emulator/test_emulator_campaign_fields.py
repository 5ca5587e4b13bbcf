"""The campaign create's field rules as Twilio's spec states them (a2p_campaign_fields.py): whole values, keywords
alphanumeric and at most 255 characters together, opt-in/out/help messages of 20 to 320 characters."""

from typing import Any

import pytest

from a2p_testkit import assert_error, campaign_form, create_campaign, usa2p
from a2p_testkit import fixture_a2p_emu  # noqa: F401  pylint: disable=unused-import
from emulator_testkit import SEEDED_SERVICE, Api


@pytest.mark.parametrize("extra, code, text", [
    ({"OptOutKeywords": ["STOP", "STOP-NOW"]}, 20001, "OptOutKeywords values must be alphanumeric, got 'STOP-NOW'"),
    ({"HelpKeywords": ["HELP\n"]}, 20001, "HelpKeywords values must be alphanumeric"),
    ({"OptInKeywords": ["START%03d" % i for i in range(30)]}, 21728, "OptInKeywords must be at most 255 characters long, got 269"),
    ({"HelpMessage": "Reply HELP"}, 21728, "HelpMessage must be between 20 and 320"),
    ({"OptOutMessage": "x" * 321}, 21728, "OptOutMessage must be between 20 and 320"),
])
def test_create_refuses_what_the_spec_refuses(api: Api, extra: dict[str, Any], code: int, text: str) -> None:
    """Length failures answer 21728, "Campaign registration failed due to length validation failures" (error page 21728)."""
    assert_error(api.post(usa2p(SEEDED_SERVICE), campaign_form(**extra)), 400, code, text)
    assert api.get(usa2p(SEEDED_SERVICE)).json()["compliance"] == []


def test_create_takes_keywords_and_messages_within_the_spec(api: Api) -> None:
    campaign = create_campaign(api, SEEDED_SERVICE, OptOutKeywords=["STOP", "Quit2", "A" * 240], HelpMessage="h" * 20, OptInMessage="o" * 320)
    assert campaign["opt_out_keywords"] == ["STOP", "Quit2", "A" * 240] and campaign["help_message"] == "h" * 20
