"""A brand and a campaign registered and waited for against an emulator that holds A2P requests to Twilio's 1 per second
(--a2p-rate 1): the run passes, its 429s were retried, and the requests Twilio served stayed at or under the rate."""

from __future__ import annotations

from datetime import datetime

from harness import account, auth_for
from test_a2p_playbook import CAMPAIGN

RATE = 1.0
CLOCK_SLACK = 0.05  # seconds: a record's time is taken when its answer is ready, a few milliseconds after the rate check
BUNDLES = {"customer_profile_bundle_sid": "BU" + "7" * 32, "a2p_profile_bundle_sid": "BU" + "8" * 32}


def _is_a2p(record: dict) -> bool:
    """Brand and campaign API requests, as Twilio's guide names them (written apart from the emulator's own rule)."""
    path = record["path"]
    return record["product"] == "messaging" and (path.startswith("/v1/a2p/") or "/Compliance/Usa2p" in path or "/PreregisteredUsa2p" in path)


def _seconds(record: dict) -> float:
    return datetime.fromisoformat(record["time"].replace("Z", "+00:00")).timestamp()


def test_brand_and_campaign_with_wait_stay_under_the_a2p_rate(emulator_factory, make_playbook, ansible_playbook):
    acc = account("e", services=[{"friendly_name": "Flex", "usecase": "discussion"}])
    emulator = emulator_factory({"accounts": [acc]}, "--a2p-rate", "1", "--brand-approval-seconds", "2", "--campaign-approval-seconds", "2")
    playbook = make_playbook(
        auth_for(acc),
        ("Brand", "a2p_brand", {**BUNDLES, "wait": True, "wait_timeout": 60, "poll_interval": 1}, {"register": "brand"}),
        ("Campaign", "a2p_campaign", {**CAMPAIGN, "brand_registration_sid": "{{ brand.brand.sid }}", "wait": True, "wait_timeout": 60,
                                      "poll_interval": 1}),
        ("Brands", "a2p_brand_info", {}),
    )
    run = ansible_playbook(playbook, emulator)
    assert run.rc == 0, run.stdout
    assert [run.status(task) for task in ("Brand", "Campaign", "Brands")] == ["ok", "ok", "ok"]
    assert run.result("Brand")["brand"]["status"] == "APPROVED"
    assert run.result("Campaign")["campaign"]["campaign_status"] == "VERIFIED"
    assert [brand["sid"] for brand in run.result("Brands")["brands"]] == [run.result("Brand")["brand"]["sid"]]

    a2p = [r for r in emulator.records() if _is_a2p(r)]
    limited = [r for r in a2p if r["status"] == 429]
    served = [_seconds(r) for r in a2p if r["status"] != 429]
    assert limited, "the run never met the limit: the test proves nothing"
    assert all(r["fault"] == "a2p-rate" and r["response"]["code"] == 20429 for r in limited)
    # Each 429 was retried: the same request comes again, and the last of each burst was served.
    assert all(a2p[i + 1]["method"] == r["method"] and a2p[i + 1]["path"] == r["path"] for i, r in enumerate(a2p) if r["status"] == 429)
    gaps = [later - earlier for earlier, later in zip(served, served[1:])]
    assert min(gaps) >= 1 / RATE - CLOCK_SLACK, gaps
    assert [w["path"].rsplit("/", 1)[-1] for w in run.writes if w["status"] in (200, 201)] == ["BrandRegistrations", "Usa2p"]
