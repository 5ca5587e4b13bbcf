"""The A2P campaign's field table (_campaign.CAMPAIGN) against the emulator's own model of the campaign
(tests/emulator/messaging/a2p_campaign_fields.py): the same parameters and response fields, limits, required and fixed
fields, defaults and first values. The two are separate code (the emulator models Twilio, not the collection); where
they disagree one of them departs from Twilio's spec, which test_field_tables.py and test_campaign_rules_spec.py read."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

from ansible_collections.tendlc.twilio.plugins.module_utils import _campaign
from ansible_collections.tendlc.twilio.plugins.module_utils._campaign import CAMPAIGN
from ansible_collections.tendlc.twilio.plugins.module_utils._fields import ASSIGNED

TESTS = Path(__file__).resolve().parents[3]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

# pylint: disable=wrong-import-position
from emulator.messaging import a2p_campaign_fields as emulator  # noqa: E402

MG, QE = "MG" + "a" * 32, "QE" + "b" * 32


def params(rule) -> set[str]:
    return {field.param for field in CAMPAIGN.fields if rule(field)}


def test_the_same_parameters_and_response_fields():
    assert {field.param: field.response for field in CAMPAIGN.fields} == {spec.param: spec.name for spec in emulator.PARAMS}


def test_the_same_required_and_fixed_fields():
    assert params(lambda field: field.create_required) == set(emulator.CREATE_REQUIRED)
    assert params(lambda field: field.update_required) == set(emulator.UPDATE_REQUIRED)
    assert params(lambda field: not field.updatable) == set(emulator.FIXED)
    assert params(lambda field: field.updatable) == set(emulator.UPDATABLE)


def test_the_same_limits():
    assert {field.param: field.length for field in CAMPAIGN.fields if field.length and field.type == "str"} == emulator.TEXT_LIMITS
    samples = CAMPAIGN.by_option()["message_samples"]
    assert (samples.items, samples.length, _campaign.KEYWORDS_MAX) == (emulator.SAMPLE_COUNT, emulator.SAMPLE_LENGTH, emulator.KEYWORDS_MAX)


def test_a_new_campaign_holds_the_tables_defaults_and_first_values():
    """The emulator's record of a create that sent nothing optional: each field's default, each of C(initial) that Twilio
    gives at once; C(campaign_id) and C(rate_limits) are Twilio's to give (None in the table: unknown in check mode)."""
    record = emulator.build(SimpleNamespace(sid="AC" + "c" * 32), QE, {"messaging_service_sid": MG}, "2026-12-01T00:00:00Z")
    planned = CAMPAIGN.planned({})
    assert set(record) - set(ASSIGNED) == set(planned) | {"messaging_service_sid"}
    given = {name: value for name, value in planned.items() if value is not None}
    assert {name: record[name] for name in given} == given
    assert {name for name in planned if record[name] is None} == {name for name, value in planned.items() if value is None}
    assert {name for name, value in planned.items() if value is None} == {field.response for field in CAMPAIGN.fields if field.default is None} | {
        "campaign_id", "rate_limits"}
