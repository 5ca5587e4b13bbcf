"""Which numbers A2P 10DLC covers: the FCC's toll-free codes, SMS capability, +1 numbers in the US, not Canada or the Caribbean."""

from __future__ import annotations

import pytest

from ansible_collections.tendlc.twilio.plugins.plugin_utils._audit_senders import can_text, sender_class

SMS = {"voice": True, "sms": True, "mms": False, "fax": False}


@pytest.mark.parametrize("code", ["800", "833", "844", "855", "866", "877", "888"])
def test_the_fccs_toll_free_codes(code):
    assert sender_class({"phone_number": "+1%s5550100" % code, "capabilities": SMS}) == "toll_free"


@pytest.mark.parametrize("phone, capabilities, expected", [
    ("+18225550100", SMS, "us_local"),  # 822 is reserved for toll-free use, not in service (FCC lists seven codes)
    ("+14155550100", SMS, "us_local"),
    ("+14155550100", {"voice": True, "sms": False, "mms": True}, "us_local"),  # MMS alone makes a sender (21715: SMS or MMS)
    ("+14155550100", {"voice": True, "sms": False, "mms": False}, "voice_only"),
    ("+18005550100", {"Voice": True, "SMS": False, "MMS": False}, "voice_only"),
    ("+447700900123", SMS, "non_us"),
    ("+447700900123", {"voice": True, "sms": False}, "non_us"),
    ("+1415555010", SMS, "non_us"),  # not a North American number: 10 digits after +1 are needed
    ("+14155550100", None, "us_local"),
    ("+14165550123", SMS, "nanp_non_us"),  # Toronto, Canada
    ("+16045550100", {"voice": True, "sms": False}, "nanp_non_us"),  # Vancouver: out of scope, SMS or not
    ("+12425550123", SMS, "nanp_non_us"),  # Bahamas
    ("+18095550100", SMS, "nanp_non_us"),  # Dominican Republic
    ("+14415550100", SMS, "nanp_non_us"),  # Bermuda
    ("+17875550100", SMS, "us_local"),  # Puerto Rico, a US territory
    ("+16715550100", SMS, "us_local"),  # Guam, a US territory
])
def test_sender_classes(phone, capabilities, expected):
    assert sender_class({"phone_number": phone, "capabilities": capabilities}) == expected


def test_capabilities_in_any_case():
    assert can_text({"SMS": True}) and can_text({"mms": True}) and not can_text({"voice": True}) and can_text(None)
