# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Whole logs: the contract_validator fixture, the report it fails with, and a 1,000-record mixed log."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from contract.log_records import read_log
from contract.spec_examples import example_record, mixed_records
from contract.spec_store import ProductSpec
from contract.validator import MAX_LISTED, assert_log_conforms, validate_records


def write_log(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records) + "\n", encoding="utf-8")
    return path


def test_fixture_passes_a_conforming_log(messaging: ProductSpec, tmp_path: Path, contract_validator: Callable[[Path], None]) -> None:
    log = write_log(tmp_path / "requests.jsonl", [
        example_record(messaging, "POST", "/v1/Services", 201, form={"FriendlyName": "My Service!"}),
        example_record(messaging, "DELETE", "/v1/Services/{Sid}", 204),
    ])
    contract_validator(log)


def test_fixture_fails_with_a_readable_list(messaging: ProductSpec, tmp_path: Path, contract_validator: Callable[[Path], None]) -> None:
    bad = example_record(messaging, "POST", "/v1/Services", 201, form={"FriendlyName": "x", "Colour": "red"})
    bad["response"]["sticky_sender"] = "yes"
    log = write_log(tmp_path / "requests.jsonl", [example_record(messaging, "GET", "/v1/Services", 200), bad])
    with pytest.raises(AssertionError) as failure:
        contract_validator(log)
    assert str(failure.value).splitlines() == [
        f"2 contract problem(s) in {log}:",
        "  #1 POST messaging /v1/Services -> 201: request: unknown form field 'Colour'",
        "  #1 POST messaging /v1/Services -> 201: response: body.sticky_sender: 'yes' is not of type 'boolean'",
    ]


def test_long_reports_are_cut(messaging: ProductSpec, tmp_path: Path, spec_dir: Path) -> None:
    bad = example_record(messaging, "GET", "/v1/Services", 200)
    bad["query"] = {"Colour": "red"}
    log = write_log(tmp_path / "requests.jsonl", [bad] * (MAX_LISTED + 5))
    with pytest.raises(AssertionError) as failure:
        assert_log_conforms(log, spec_dir)
    lines = str(failure.value).splitlines()
    assert lines[0].startswith(f"{MAX_LISTED + 5} contract problem(s)") and lines[-1] == "  ... and 5 more"
    assert len(lines) == MAX_LISTED + 2


def test_a_log_line_that_is_not_json_is_reported(tmp_path: Path) -> None:
    log = tmp_path / "requests.jsonl"
    log.write_text('{"method": "GET"}\n{not json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"requests.jsonl:2: not JSON"):
        read_log(log)


def test_thousand_mixed_records_conform(spec_dir: Path) -> None:
    """1,000 records over every operation the collection uses; the speed is measured by tests/benchmarks/contract_check.py."""
    records = mixed_records(spec_dir, 1000)
    assert len(records) == 1000
    assert validate_records(records, spec_dir) == []
