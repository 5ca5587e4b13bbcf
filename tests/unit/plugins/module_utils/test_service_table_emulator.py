"""The messaging service's table (_service.SERVICE) against the emulator's own model of a service, through its HTTP API.

The emulator models Twilio independently of the collection (tests/emulator/messaging/services.py; plugins never import it),
so the two are compared where they must agree: the parameters a create takes and the fields it returns, the defaults of
a new service, the choices and the limits each refuses beyond (the emulator's 400s).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests

from ansible_collections.tendlc.twilio.plugins.module_utils._fields import ASSIGNED
from ansible_collections.tendlc.twilio.plugins.module_utils._service import SERVICE

TESTS = Path(__file__).resolve().parents[3]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

# pylint: disable=wrong-import-position
from emulator.server import start  # noqa: E402

ACCOUNT, TOKEN = "AC" + "5e" * 16, "t" * 32
# A valid value of each kind of field, as the form sends it and as the record holds it.
SAMPLES = {"bool": ("false", False), "int": ("600", 600), "str": ("Flex", "Flex")}
URL = "https://flex.example.com/sms"


@pytest.fixture(name="create", scope="module")
def fixture_create(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """POST /v1/Services on a running emulator: form -> the response (status, JSON)."""
    log = tmp_path_factory.mktemp("emulator") / "requests.jsonl"
    with start({"accounts": [{"sid": ACCOUNT, "auth_token": TOKEN}]}, log_path=str(log)) as emu, requests.Session() as session:
        session.auth = (ACCOUNT, TOKEN)

        def create(form: dict[str, str]) -> tuple[int, dict[str, Any]]:
            reply = session.post(emu.url + "/messaging/v1/Services", data={"FriendlyName": "Flex", **form}, timeout=10)
            return reply.status_code, reply.json()

        yield create


def test_a_new_service_holds_the_tables_defaults_and_initial_values(create):
    status, record = create({})
    assert status == 201
    assert {key: value for key, value in record.items() if key not in ASSIGNED} == SERVICE.planned({"friendly_name": "Flex"})


@pytest.mark.parametrize("field", SERVICE.fields, ids=SERVICE.options())
def test_each_parameter_is_taken_and_returned_under_the_tables_names(create, field):
    raw, value = (URL, URL) if field.kind == "url" else SAMPLES[field.type]
    if field.choices:
        raw = value = field.choices[0] if field.default != field.choices[0] else field.choices[-1]
    status, record = create({field.param: raw})
    assert status == 201, record
    assert record[field.response] == value


@pytest.mark.parametrize("field", [field for field in SERVICE.fields if field.choices], ids=lambda field: field.option)
def test_the_emulator_takes_every_choice_and_refuses_others(create, field):
    for choice in field.choices:
        assert create({field.param: choice})[0] == 201, choice
    assert create({field.param: "not-a-choice"})[0] == 400


@pytest.mark.parametrize("field", [field for field in SERVICE.fields if field.value_range or field.length], ids=lambda field: field.option)
def test_the_emulator_refuses_beyond_the_tables_limits(create, field):
    if field.value_range:
        low, high = field.value_range
        accepted, refused = (low, high), (low - 1, high + 1)
    else:
        low, high = field.length
        accepted, refused = ("x" * max(low, 1), "x" * high), ("x" * (high + 1),) + (("",) if low > 1 else ())
    for value in accepted:
        assert create({field.param: str(value)})[0] == 201, value
    for value in refused:
        assert create({field.param: str(value)})[0] == 400, value
