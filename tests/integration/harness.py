"""Integration harness: a real emulator process, real ansible-playbook runs, and what they did."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
COLLECTIONS = REPO / ".build" / "collections"
WRITE_METHODS = ("POST", "DELETE")


@dataclass
class Emulator:
    url: str
    log_path: Path
    seed: dict[str, Any]
    process: subprocess.Popen

    def records(self) -> list[dict[str, Any]]:
        if not self.log_path.exists():
            return []
        return [json.loads(line) for line in self.log_path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def state(self) -> dict[str, Any]:
        return requests.get(self.url + "/_emulator/state", timeout=10).json()

    def reset(self) -> None:
        requests.post(self.url + "/_emulator/reset", timeout=10).raise_for_status()


@dataclass
class Run:
    rc: int
    stdout: str
    stderr: str
    results: list[dict[str, Any]]
    requests: list[dict[str, Any]] = field(default_factory=list)

    @property
    def writes(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["method"] in WRITE_METHODS]

    def entry(self, task: str, host: str | None = None) -> dict[str, Any]:
        found = [r for r in self.results if r["task"] == task and (host is None or r["host"] == host)]
        assert len(found) == 1, "expected one result of task %r, got %d: %s" % (task, len(found), self.stdout[-3000:])
        return found[0]

    def result(self, task: str, host: str | None = None) -> dict[str, Any]:
        """What the task returned."""
        return self.entry(task, host)["result"]

    def status(self, task: str, host: str | None = None) -> str:
        """ok, failed or skipped."""
        return self.entry(task, host)["status"]


def collection_path() -> str:
    link = COLLECTIONS / "ansible_collections" / "tendlc" / "twilio"
    if not link.exists():
        link.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.symlink(os.path.relpath(REPO, link.parent), link)
        except FileExistsError:  # another pytest-xdist worker made it first
            pass
    return str(COLLECTIONS)


def start_emulator(seed: dict[str, Any], workdir: Path, *extra: str) -> Emulator:
    seed_path = workdir / "seed.yml"
    seed_path.write_text(yaml.safe_dump(seed), encoding="utf-8")
    log_path = workdir / "emulator.jsonl"
    process = subprocess.Popen(  # pylint: disable=consider-using-with
        [sys.executable, str(REPO / "tests" / "emulator"), "--host", "127.0.0.1", "--port", "0",
         "--seed", str(seed_path), "--log", str(log_path), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    line = process.stdout.readline() if process.stdout else ""
    if "listening on" not in line:
        process.kill()
        raise RuntimeError("emulator did not start: %r %s" % (line, process.stderr.read() if process.stderr else ""))
    return Emulator(url=line.strip().rsplit(" ", 1)[-1], log_path=log_path, seed=seed, process=process)


def account(sid_char: str, **extra: Any) -> dict[str, Any]:
    """A seed account whose SIDs and secrets are built from one character."""
    acc = {
        "sid": "AC" + sid_char * 32,
        "auth_token": "token-%s-integration-secret" % sid_char,
        "friendly_name": "Account %s" % sid_char,
        "api_keys": [{"sid": "SK" + sid_char * 32, "secret": "key-secret-%s-integration" % sid_char}],
        "services": [],
    }
    acc.update(extra)
    return acc


def auth_for(acc: dict[str, Any], api_key: bool = False) -> dict[str, Any]:
    if api_key:
        key = acc["api_keys"][0]
        return {"account_sid": acc["sid"], "api_key_sid": key["sid"], "api_key_secret": key["secret"]}
    return {"account_sid": acc["sid"], "auth_token": acc["auth_token"]}


def playbook_invocation(playbook: str | Path, emulator: Emulator | None, results_file: Path, *args: str, env: dict[str, str] | None = None,
                        extra_vars: dict[str, Any] | None = None) -> tuple[list[str], dict[str, str]]:
    """The ansible-playbook command and environment: the collection on its path, every task result recorded to results_file."""
    run_env = {k: v for k, v in os.environ.items() if not k.startswith("TWILIO_")}
    run_env.update({
        "ANSIBLE_COLLECTIONS_PATH": collection_path(),
        "ANSIBLE_CALLBACK_PLUGINS": str(HERE / "callback_plugins"),
        "ANSIBLE_CALLBACKS_ENABLED": "record_results",
        "RECORD_RESULTS_FILE": str(results_file),
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_RETRY_FILES_ENABLED": "0",
        "ANSIBLE_LOCALHOST_WARNING": "0",
        "ANSIBLE_INVENTORY_UNPARSED_WARNING": "0",
    })
    if emulator:
        run_env["TWILIO_API_URL"] = emulator.url
    run_env.update(env or {})
    command = [str(Path(sys.executable).parent / "ansible-playbook"), str(playbook), *args]
    if extra_vars:
        command += ["--extra-vars", json.dumps(extra_vars)]
    return command, run_env


def run_playbook(playbook: str | Path, emulator: Emulator | None, results_file: Path, *args: str, env: dict[str, str] | None = None,
                 extra_vars: dict[str, Any] | None = None) -> Run:
    """Run ansible-playbook with the collection on its path, recording every task result and the emulator requests it made."""
    before = len(emulator.records()) if emulator else 0
    command, run_env = playbook_invocation(playbook, emulator, results_file, *args, env=env, extra_vars=extra_vars)
    proc = subprocess.run(command, env=run_env, capture_output=True, text=True, timeout=600, check=False)
    results = []
    if results_file.exists():
        results = [json.loads(line) for line in results_file.read_text(encoding="utf-8").splitlines()]
    requests_made = emulator.records()[before:] if emulator else []
    return Run(proc.returncode, proc.stdout, proc.stderr, results, requests_made)
