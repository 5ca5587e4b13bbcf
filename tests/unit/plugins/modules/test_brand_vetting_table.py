"""The vetting's table (_vetting.VETTING) against the emulator's own vetting model (tests/emulator/messaging/a2p_vettings.py).

Separate code (the emulator never imports plugins/): they must agree on the fields a vetting has, its providers, the class
each provider gives and the status a new vetting starts in.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ansible_collections.tendlc.twilio.plugins.module_utils._vetting import FINAL, NOT_TWILIO, VETTING, VETTING_CLASS

TESTS = Path(__file__).resolve().parents[3]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

# pylint: disable=wrong-import-position
from emulator.messaging import a2p_vettings as emulator_vettings  # noqa: E402


def test_a_vetting_has_the_same_fields_in_both():
    """The emulator's record holds the table's fields, what Twilio sets on create, and what only Twilio assigns."""
    table = {field.response for field in VETTING.fields} | set(VETTING.initial)
    assert table <= set(emulator_vettings.ORDER)
    assert set(emulator_vettings.ORDER) - table <= set(NOT_TWILIO)


def test_the_providers_classes_and_statuses_agree():
    assert VETTING.by_option()["vetting_provider"].choices == emulator_vettings.PROVIDERS
    assert VETTING_CLASS == emulator_vettings.CLASSES
    assert VETTING.initial["vetting_status"] in emulator_vettings.STATUSES and set(FINAL) <= set(emulator_vettings.STATUSES)
