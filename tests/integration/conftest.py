"""Fixtures of the integration tests: an emulator per test and ansible-playbook runs against it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from contract.pytest_plugin import fixture_contract_validator
from harness import Emulator, account, run_playbook, start_emulator

__all__ = ["fixture_contract_validator"]  # registers the fixture contract_validator here


@pytest.fixture(name="emulator_factory")
def fixture_emulator_factory(tmp_path: Path, contract_validator: Any) -> Iterator[Any]:
    """Start emulators for the test; when it ends, stop them and check every request and response they logged against Twilio's spec."""
    started: list[Emulator] = []

    def start(seed: dict[str, Any], *extra: str) -> Emulator:
        workdir = tmp_path / ("emulator%d" % len(started))
        workdir.mkdir()
        emulator = start_emulator(seed, workdir, *extra)
        started.append(emulator)
        return emulator

    yield start
    for emulator in started:
        emulator.process.terminate()
        emulator.process.wait(timeout=10)
    for emulator in started:
        if emulator.log_path.exists():
            contract_validator(emulator.log_path)


@pytest.fixture(name="emulator")
def fixture_emulator(emulator_factory: Any) -> Emulator:
    return emulator_factory({"accounts": [account("a"), account("b")]})


@pytest.fixture(name="ansible_playbook")
def fixture_ansible_playbook(tmp_path: Path) -> Any:
    counter = {"runs": 0}

    def run(playbook: str | Path, emulator: Emulator | None, *args: str, env: dict[str, str] | None = None,
            extra_vars: dict[str, Any] | None = None) -> Any:
        counter["runs"] += 1
        return run_playbook(playbook, emulator, tmp_path / ("results%d.jsonl" % counter["runs"]), *args, env=env, extra_vars=extra_vars)

    return run


@pytest.fixture(name="make_playbook")
def fixture_make_playbook(tmp_path: Path) -> Any:
    """Write a one-play playbook: tasks are (name, module, args) or (name, module, args, task keywords), run with module_defaults
    auth for the collection; a module name without a dot is the collection's, one with dots is taken as it is."""
    counter = {"n": 0}

    def make(auth: dict[str, Any], *tasks: tuple[str, str, dict[str, Any]]) -> Path:
        counter["n"] += 1
        # Credentials live in a vars file, as users keep them (vaulted), so they never appear in the playbook's text,
        # which ansible-playbook quotes when a task fails.
        auth_file = tmp_path / ("auth%d.yml" % counter["n"])
        auth_file.write_text(yaml.safe_dump({"twilio_auth": auth}), encoding="utf-8")
        play = {
            "name": "tendlc.twilio integration",
            "hosts": "localhost",
            "connection": "local",
            "gather_facts": False,
            "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"},
            "vars_files": [str(auth_file)],
            "module_defaults": {"group/tendlc.twilio.twilio": "{{ twilio_auth }}"},
            "tasks": [{"name": task[0], ("" if "." in task[1] else "tendlc.twilio.") + task[1]: task[2], **(task[3] if len(task) > 3 else {})}
                      for task in tasks],
        }
        path = tmp_path / ("playbook%d.yml" % counter["n"])
        path.write_text(yaml.safe_dump([play], sort_keys=False), encoding="utf-8")
        return path

    return make
