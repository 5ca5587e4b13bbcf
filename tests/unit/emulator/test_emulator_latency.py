"""Added latency (``--latency-ms``, ``POST /_emulator/latency``): every API request waits, in parallel, outside the state lock."""

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests

from emulator.cli import parse_args
from emulator.server import Emulator, start
from emulator.settings import Settings
from emulator_testkit import ACCOUNT_A, TOKEN_A, make_seed
from numbers_testkit import PN_1, PN_2, make_numbers_seed, pool_path
from test_emulator_cli import READY, launch

SERVICES = "/messaging/v1/Services"


@pytest.fixture(name="slow")
def fixture_slow() -> Iterator[Emulator]:
    """An emulator started with 200 ms of latency."""
    with start(make_seed(), settings=Settings(latency_ms=200)) as running:
        yield running


def _session() -> requests.Session:
    session = requests.Session()
    session.auth = (ACCOUNT_A, TOKEN_A)
    return session


def _timed(call: Any) -> float:
    began = time.monotonic()
    call()
    return time.monotonic() - began


def test_every_api_request_waits(slow: Emulator) -> None:
    session = _session()
    assert _timed(lambda: session.get(slow.url + SERVICES, timeout=10)) >= 0.2
    assert _timed(lambda: requests.get(slow.url + SERVICES, timeout=10)) >= 0.2  # before authentication: a 401 waits too
    assert _timed(lambda: requests.get(slow.url + "/_emulator/health", timeout=10)) < 0.2  # admin routes never wait


def test_ten_parallel_requests_wait_together(slow: Emulator) -> None:
    def fetch(_index: int) -> float:
        session = _session()
        began = time.monotonic()
        assert session.get(slow.url + SERVICES, timeout=10).status_code == 200
        return time.monotonic() - began

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=10) as pool:
        each = list(pool.map(fetch, range(10)))
    total = time.monotonic() - began
    assert min(each) >= 0.2
    assert total < 1.0, f"10 requests at 200 ms took {total:.2f} s: they did not wait in parallel"


def test_parallel_writes_beat_serial_writes() -> None:
    with start(make_seed(), settings=Settings(latency_ms=50)) as emu:
        session = _session()
        serial = _timed(lambda: [session.post(emu.url + SERVICES, data={"FriendlyName": f"Serial {i}"}, timeout=10) for i in range(8)])

        def create(index: int) -> int:
            return _session().post(emu.url + SERVICES, data={"FriendlyName": f"Parallel {index}"}, timeout=10).status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            parallel = _timed(lambda: assert_all_created(list(pool.map(create, range(8)))))
        assert serial >= 0.4
        assert parallel < serial / 2, f"serial {serial:.2f} s, parallel {parallel:.2f} s"
        assert len(emu.state.snapshot()["accounts"][ACCOUNT_A]["services"]) == 17


def assert_all_created(statuses: list[int]) -> None:
    assert statuses == [201] * len(statuses)


def test_admin_route_sets_latency_and_reset_restores_it(emu: Emulator, api: Any) -> None:
    route = emu.url + "/_emulator/latency"
    assert requests.post(route, json={"ms": 300}, timeout=10).json() == {"latency_ms": 300.0}
    assert _timed(lambda: api.get(SERVICES)) >= 0.3
    assert requests.post(route, json={"ms": 0}, timeout=10).json() == {"latency_ms": 0.0}
    assert emu.app.faults.latency_ms == 0
    for bad in ({"ms": -1}, {"ms": "slow"}, {"ms": True}, {"ms": 60001}, {"ms": None}, {}, [50]):
        response = requests.post(route, json=bad, timeout=10)
        assert (response.status_code, response.json()["code"]) == (400, 20001), bad
    assert (requests.post(route, data="ms=5", timeout=10).status_code, emu.app.faults.latency_ms) == (400, 0)
    requests.post(route, json={"ms": 12.5}, timeout=10)
    assert emu.app.faults.latency_ms == 12.5
    requests.post(emu.url + "/_emulator/reset", timeout=10)
    assert emu.app.faults.latency_ms == 0


def test_reset_restores_the_start_up_latency(slow: Emulator) -> None:
    requests.post(slow.url + "/_emulator/latency", json={"ms": 0}, timeout=10)
    requests.post(slow.url + "/_emulator/reset", timeout=10)
    assert slow.app.faults.latency_ms == 200


def test_latency_is_not_logged_as_a_request(slow: Emulator) -> None:
    _session().get(slow.url + SERVICES, timeout=10)
    requests.post(slow.url + "/_emulator/latency", json={"ms": 0}, timeout=10)
    assert [(r["method"], r["path"], r["status"]) for r in slow.requests] == [("GET", "/v1/Services", 200)]


def test_cli_options_parse() -> None:
    args = parse_args(["--seed", "seed.yml", "--latency-ms", "25", "--pool-limit", "7"])
    assert (args.latency_ms, args.pool_limit) == (25.0, 7)
    defaults = parse_args(["--seed", "seed.yml"])
    assert (defaults.latency_ms, defaults.pool_limit) == (0.0, 400)
    for bad in (["--latency-ms", "-5"], ["--latency-ms", "nan"], ["--latency-ms", "fast"], ["--pool-limit", "-1"], ["--pool-limit", "2.5"]):
        with pytest.raises(SystemExit):
            parse_args(["--seed", "seed.yml", *bad])


def test_cli_latency_and_pool_limit_reach_the_server(tmp_path: Path) -> None:
    process = launch(tmp_path, make_numbers_seed(), "--latency-ms", "300", "--pool-limit", "1")
    try:
        assert process.stdout is not None
        ready = READY.match(process.stdout.readline())
        assert ready
        url = ready.group(1)
        session = _session()
        assert _timed(lambda: session.get(url + SERVICES, timeout=10)) >= 0.3
        service = session.get(url + SERVICES, timeout=10).json()["services"][0]["sid"]
        assert session.post(url + pool_path(service, "PhoneNumbers"), data={"PhoneNumberSid": PN_1}, timeout=10).status_code == 201
        assert session.post(url + pool_path(service, "PhoneNumbers"), data={"PhoneNumberSid": PN_2}, timeout=10).json()["code"] == 21714
    finally:
        process.terminate()
        process.wait(timeout=10)
