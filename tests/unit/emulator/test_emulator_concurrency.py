"""Concurrent writers: the state lock keeps creates and deletes consistent."""

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests

from emulator_testkit import ACCOUNT_A, TOKEN_A

THREADS = 50


def _session() -> requests.Session:
    session = requests.Session()
    session.auth = (ACCOUNT_A, TOKEN_A)
    return session


def test_concurrent_creates_make_distinct_services(api: Any) -> None:
    def create(index: int) -> dict[str, Any]:
        response = _session().post(api.url("/messaging/v1/Services"), data={"FriendlyName": f"Parallel {index % 5}"}, timeout=30)
        assert response.status_code == 201, response.text
        return dict(response.json())

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        created = list(pool.map(create, range(THREADS)))
    sids = {service["sid"] for service in created}
    assert len(sids) == THREADS
    listed = api.get("/messaging/v1/Services?PageSize=1000").json()["services"]
    assert sids <= {service["sid"] for service in listed}
    assert len(listed) == THREADS + 1


def test_concurrent_deletes_delete_each_service_once(api: Any) -> None:
    sids = [api.create_service(f"Doomed {index}")["sid"] for index in range(THREADS)]

    def delete(sid: str) -> int:
        return _session().delete(api.url(f"/messaging/v1/Services/{sid}"), timeout=30).status_code

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = list(pool.map(delete, sids + sids))
    assert statuses.count(204) == THREADS
    assert statuses.count(404) == THREADS
    remaining = {service["sid"] for service in api.get("/messaging/v1/Services?PageSize=1000").json()["services"]}
    assert not remaining & set(sids)


def test_concurrent_mixed_reads_and_writes_keep_logging_consistent(emu: Any, api: Any) -> None:
    def work(index: int) -> int:
        session = _session()
        sid = session.post(api.url("/messaging/v1/Services"), data={"FriendlyName": f"Mixed {index}"}, timeout=30).json()["sid"]
        session.get(api.url("/messaging/v1/Services?PageSize=3"), timeout=30)
        session.post(api.url(f"/messaging/v1/Services/{sid}"), data={"StickySender": "false"}, timeout=30)
        return session.delete(api.url(f"/messaging/v1/Services/{sid}"), timeout=30).status_code

    with ThreadPoolExecutor(max_workers=20) as pool:
        assert set(pool.map(work, range(40))) == {204}
    assert len(emu.requests) == 160
    assert all(record["status"] in (200, 201, 204) for record in emu.requests)
