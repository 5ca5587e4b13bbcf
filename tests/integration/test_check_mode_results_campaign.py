"""Issue 12: a check-mode create of a2p_campaign and a2p_external_campaign returns the fields of the real create's result,
less what only Twilio assigns (sid, account, dates, url, links), with the values the real create then shows. One real
ansible-playbook run against the emulator: each module planned in check mode, then run for real."""

from __future__ import annotations

from harness import account, auth_for
from rollout_kit import CAMPAIGN

ASSIGNED = {"sid", "account_sid", "date_created", "date_updated", "url", "links"}  # _fields.ASSIGNED, written out: what is compared
BRAND = "BN" + "7" * 32
EXTRA = {"opt_in_keywords": ["START"], "privacy_policy_url": "https://example.com/privacy"}
# What the check-mode result cannot know: The Campaign Registry's ID and the carriers' limits (campaign), the linked
# campaign's content and status (link).
UNKNOWN = {"campaign_id", "rate_limits"}


def seed():
    brand = {"sid": BRAND, "customer_profile_bundle_sid": "BU" + "7" * 32, "a2p_profile_bundle_sid": "BU" + "8" * 32}
    return {"accounts": [account("7", brands=[brand], services=[{"friendly_name": "Registered"}, {"friendly_name": "Linked"}])]}


def test_check_mode_creates_return_the_real_creates_fields(emulator_factory, make_playbook, ansible_playbook):
    emulator = emulator_factory(seed())
    campaign = {"service": "Registered", "brand_registration_sid": BRAND, **CAMPAIGN, **EXTRA}
    link = {"service": "Linked", "campaign_id": "CEXT123"}
    path = make_playbook(
        auth_for(emulator.seed["accounts"][0]),
        ("Campaign planned", "a2p_campaign", campaign, {"check_mode": True}),
        ("Link planned", "a2p_external_campaign", link, {"check_mode": True}),
        ("Campaign", "a2p_campaign", campaign),
        ("Link", "a2p_external_campaign", link),
    )
    run = ansible_playbook(path, emulator)
    assert run.rc == 0, run.stdout[-4000:]

    planned, real = run.result("Campaign planned")["campaign"], run.result("Campaign")["campaign"]
    assert set(planned) == set(real) - ASSIGNED, (set(planned) ^ (set(real) - ASSIGNED))
    assert {key: planned[key] for key in set(planned) - UNKNOWN} == {key: real[key] for key in set(planned) - UNKNOWN}
    assert planned["opt_in_keywords"] == ["START"] and planned["campaign_status"] == "PENDING" and planned["opt_out_keywords"]

    planned, real = run.result("Link planned")["campaign"], run.result("Link")["campaign"]
    assert set(planned) == set(real) - ASSIGNED, (set(planned) ^ (set(real) - ASSIGNED))
    known = {key for key, value in planned.items() if value is not None}
    assert known == {"campaign_id", "is_externally_registered", "messaging_service_sid"}
    assert {key: planned[key] for key in known} == {key: real[key] for key in known}
    assert [write["method"] for write in run.writes] == ["POST", "POST"]  # the real runs only
