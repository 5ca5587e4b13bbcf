"""The steady A2P rate limit: per account, A2P paths only, 429 / 20429 with Retry-After beyond it, logged and counted like an
injected 429, set by Settings, --a2p-rate and POST /_emulator/a2p-rate, and put back by reset."""

from typing import Iterator

import pytest
import requests

from emulator.cli import parse_args
from emulator.rate_limit import A2pRateLimit, is_a2p
from emulator.server import Emulator, start
from emulator.settings import Settings
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, KEY_A, KEY_SECRET_A, SEEDED_SERVICE, TOKEN_A, TOKEN_B, make_seed

BRANDS = "/messaging/v1/a2p/BrandRegistrations"
USA2P = f"/messaging/v1/Services/{SEEDED_SERVICE}/Compliance/Usa2p"


class Clock:
    """A hand-driven clock."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("product, path, counted", [
    ("messaging", "/v1/a2p/BrandRegistrations", True),
    ("messaging", "/v1/a2p/BrandRegistrations/BN1/Vettings", True),
    ("messaging", "/v1/a2p/BrandRegistrations/BN1/SmsOtp", True),
    ("messaging", "/v1/Services/MG1/Compliance/Usa2p", True),
    ("messaging", "/v1/Services/MG1/Compliance/Usa2p/QE1", True),
    ("messaging", "/v1/Services/MG1/Compliance/Usa2p/Usecases", True),
    ("messaging", "/v1/Services/PreregisteredUsa2p", True),
    ("messaging", "/v1/Services", False),
    ("messaging", "/v1/Services/MG1", False),
    ("messaging", "/v1/Services/MG1/PhoneNumbers", False),
    ("messaging", "/v1/Services/Usecases", False),
    ("conversations", "/v1/a2p/BrandRegistrations", False),
])
def test_which_requests_count(product: str, path: str, counted: bool) -> None:
    assert is_a2p(product, path) is counted


def test_steady_spacing_per_account_and_refusals_do_not_count() -> None:
    clock = Clock()
    limit = A2pRateLimit(2, clock)  # one every 0.5 s
    path = "/v1/a2p/BrandRegistrations"
    assert limit.check(ACCOUNT_A, "messaging", path) is None
    assert limit.check(ACCOUNT_B, "messaging", path) is None  # another account has its own allowance
    assert limit.check(ACCOUNT_A, "messaging", "/v1/Services") is None  # not an A2P request
    clock.now += 0.4
    refused = limit.check(ACCOUNT_A, "messaging", path)
    assert refused is not None and (refused.status, refused.code, refused.headers) == (429, 20429, {"Retry-After": "1"})
    clock.now += 0.1  # 0.5 s after the last accepted one: the refusal did not push it back
    assert limit.check(ACCOUNT_A, "messaging", path) is None
    clock.now += 10  # no burst: idle time earns no credit
    assert limit.check(ACCOUNT_A, "messaging", path) is None
    assert limit.check(ACCOUNT_A, "messaging", path) is not None


def test_retry_after_is_whole_seconds_rounded_up() -> None:
    clock = Clock()
    limit = A2pRateLimit(0.25, clock)  # one every 4 s
    assert limit.check(ACCOUNT_A, "messaging", "/v1/Services/PreregisteredUsa2p") is None
    clock.now += 0.5
    refused = limit.check(ACCOUNT_A, "messaging", "/v1/Services/PreregisteredUsa2p")
    assert refused is not None and refused.headers == {"Retry-After": "4"}


def test_zero_is_off_and_set_rate_and_reset() -> None:
    limit = A2pRateLimit(0, Clock())
    assert all(limit.check(ACCOUNT_A, "messaging", "/v1/a2p/BrandRegistrations") is None for _attempt in range(5))
    limit.set_rate(1)
    assert [limit.check(ACCOUNT_A, "messaging", "/v1/a2p/BrandRegistrations") is None for _attempt in range(2)] == [True, False]
    limit.reset()
    assert limit.rate == 0 and limit.check(ACCOUNT_A, "messaging", "/v1/a2p/BrandRegistrations") is None


@pytest.fixture(name="limited")
def fixture_limited() -> Iterator[Emulator]:
    with start(make_seed(), settings=Settings(a2p_rate=1)) as running:
        yield running


def test_http_429_logged_and_counted_per_account(limited: Emulator) -> None:
    url = limited.url
    first = requests.get(url + BRANDS, auth=(ACCOUNT_A, TOKEN_A), timeout=10)
    second = requests.get(url + USA2P, auth=(KEY_A, KEY_SECRET_A), timeout=10)  # an API key of the same account shares its limit
    other = requests.get(url + BRANDS, auth=(ACCOUNT_B, TOKEN_B), timeout=10)
    plain = requests.get(url + "/messaging/v1/Services", auth=(ACCOUNT_A, TOKEN_A), timeout=10)
    assert [first.status_code, second.status_code, other.status_code, plain.status_code] == [200, 429, 200, 200]
    assert second.headers["Retry-After"] == "1"
    assert second.json() == {"code": 20429, "message": "Too Many Requests", "more_info": "https://www.twilio.com/docs/errors/20429",
                             "status": 429}
    records = limited.requests
    assert [(r["status"], r.get("fault"), r["account_sid"]) for r in records] == [
        (200, None, ACCOUNT_A), (429, "a2p-rate", ACCOUNT_A), (200, None, ACCOUNT_B), (200, None, ACCOUNT_A)]
    assert requests.get(url + "/_emulator/faults", timeout=10).json()["injected"] == {"a2p-rate": 1}


def test_unauthenticated_requests_are_401_not_429(limited: Emulator) -> None:
    assert requests.get(limited.url + BRANDS, auth=(ACCOUNT_A, TOKEN_A), timeout=10).status_code == 200
    assert requests.get(limited.url + BRANDS, auth=(ACCOUNT_A, "wrong"), timeout=10).status_code == 401


def test_admin_route_sets_the_rate_and_reset_restores_it(limited: Emulator) -> None:
    admin = limited.url + "/_emulator/a2p-rate"
    for bad in ({"rate": -1}, {"rate": True}, {"rate": "fast"}, {"rate": None}, {}, {"rate": 1e-300}, {"rate": 0.0009}, {"rate": 1000.5}):
        response = requests.post(admin, json=bad, timeout=10)
        assert (response.status_code, response.json()["code"]) == (400, 20001), bad
    assert "from 0.001 to 1000" in requests.post(admin, json={"rate": 1e-300}, timeout=10).json()["message"]
    assert requests.post(admin, json={"rate": 0.001}, timeout=10).json() == {"a2p_rate": 0.001}
    assert requests.post(admin, json={"rate": 1000}, timeout=10).json() == {"a2p_rate": 1000}
    assert requests.post(admin, json={"rate": 0}, timeout=10).json() == {"a2p_rate": 0}
    statuses = [requests.get(limited.url + BRANDS, auth=(ACCOUNT_A, TOKEN_A), timeout=10).status_code for _attempt in range(3)]
    assert statuses == [200, 200, 200]
    requests.post(limited.url + "/_emulator/reset", timeout=10)
    statuses = [requests.get(limited.url + BRANDS, auth=(ACCOUNT_A, TOKEN_A), timeout=10).status_code for _attempt in range(2)]
    assert statuses == [200, 429]


def test_cli_option() -> None:
    base = ["--seed", "seed.yml"]
    assert parse_args(base).a2p_rate == 0
    assert parse_args([*base, "--a2p-rate", "1"]).a2p_rate == 1.0
    assert parse_args([*base, "--a2p-rate", "0.5"]).a2p_rate == 0.5
    assert parse_args([*base, "--a2p-rate", "0.001"]).a2p_rate == 0.001
    for bad in ("-1", "nan", "inf", "fast", "1e-300", "0.0009", "1001"):
        with pytest.raises(SystemExit) as exited:
            parse_args([*base, "--a2p-rate", bad])
        assert exited.value.code == 2


def test_cli_says_the_allowed_rates(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_args(["--seed", "seed.yml", "--a2p-rate", "1e-300"])
    assert "expected 0 (no limit) or a number of requests per second from 0.001 to 1000, got '1e-300'" in capsys.readouterr().err


def test_unrouted_requests_do_not_count(limited: Emulator) -> None:
    """A 405 (a method the path does not serve) and a 404 (an unknown path) are no A2P operation: the next brand request is served."""
    auth = (ACCOUNT_A, TOKEN_A)
    assert requests.delete(limited.url + BRANDS, auth=auth, timeout=10).status_code == 405
    assert requests.get(limited.url + "/messaging/v1/a2p/Nothing", auth=auth, timeout=10).status_code == 404
    assert requests.get(limited.url + BRANDS, auth=auth, timeout=10).status_code == 200
    assert requests.get(limited.url + BRANDS + "/BN" + "0" * 32, auth=auth, timeout=10).status_code == 429  # a served path counts
