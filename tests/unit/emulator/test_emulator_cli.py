"""``python tests/emulator``: ready line, health, request log, clean stop on SIGTERM/SIGINT, seed errors."""

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests
import yaml

from emulator_testkit import ACCOUNT_A, TOKEN_A, make_seed

EMULATOR_DIR = Path(__file__).resolve().parents[2] / "emulator"
READY = re.compile(r"^tendlc-twilio-emulator listening on (http://127\.0\.0\.1:(\d+))\n$")


def launch(tmp_path: Path, seed: object, *extra: str) -> subprocess.Popen[str]:
    seed_path = tmp_path / "seed.yml"
    seed_path.write_text(yaml.safe_dump(seed), encoding="utf-8")
    return subprocess.Popen(  # pylint: disable=consider-using-with
        [sys.executable, str(EMULATOR_DIR), "--host", "127.0.0.1", "--port", "0", "--seed", str(seed_path), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_cli_serves_logs_and_stops(tmp_path: Path, signum: int) -> None:
    log_path = tmp_path / "requests.jsonl"
    process = launch(tmp_path, make_seed(), "--log", str(log_path))
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        ready = READY.match(line)
        assert ready, line
        url = ready.group(1)
        assert int(ready.group(2)) > 0
        assert requests.get(url + "/_emulator/health", timeout=10).json() == {"status": "ok"}
        session = requests.Session()
        session.auth = (ACCOUNT_A, TOKEN_A)
        assert session.post(url + "/messaging/v1/Services", data={"FriendlyName": "CLI"}, timeout=10).status_code == 201
        process.send_signal(signum)
        assert process.wait(timeout=10) == 0
        assert process.stdout.read() == ""
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    records = [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()]
    assert [(r["method"], r["path"], r["status"]) for r in records] == [("POST", "/v1/Services", 201)]


def test_cli_rejects_a_bad_seed(tmp_path: Path) -> None:
    seed = make_seed()
    seed["accounts"][1]["sid"] = "AC-not-a-sid"
    process = launch(tmp_path, seed)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 2
    assert stdout == ""
    assert "accounts[1].sid: 'AC-not-a-sid' is not a SID" in stderr
