"""The brand's table (_brand.BRAND) against the emulator's own brand model (tests/emulator/messaging/a2p_brands.py).

The two are separate code (the emulator models Twilio independently of the collection, and plugins never import it):
they must agree on the fields a brand has, the defaults of what a create does not send and what Twilio sets itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ansible_collections.tendlc.twilio.plugins.module_utils._brand import BRAND, BRAND_TYPES
from ansible_collections.tendlc.twilio.plugins.module_utils._fields import ASSIGNED

TESTS = Path(__file__).resolve().parents[3]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

# pylint: disable=wrong-import-position
from emulator.messaging import a2p_brands as emulator_brands  # noqa: E402


def test_a_brand_has_the_same_fields_in_both():
    """The emulator's record (in schema order) holds the table's fields, what Twilio sets on create, and what it assigns."""
    table = [field.response for field in BRAND.fields]
    assert set(emulator_brands.ORDER) == set(table) | set(BRAND.initial) | set(ASSIGNED)
    assert not set(table) & set(BRAND.initial), "a field is both sent and set by Twilio"


def test_the_defaults_of_what_a_create_does_not_send_agree():
    for field in BRAND.fields:
        if field.create_required:
            assert field.response not in emulator_brands.DEFAULTS, field.option
        else:
            assert emulator_brands.DEFAULTS[field.response] == field.default, field.option


def test_what_twilio_sets_on_create_agrees():
    for name, value in BRAND.initial.items():
        assert emulator_brands.DEFAULTS[name] == value, name


def test_the_brand_types_agree():
    assert BRAND.by_option()["brand_type"].choices == BRAND_TYPES == emulator_brands.BRAND_TYPES
