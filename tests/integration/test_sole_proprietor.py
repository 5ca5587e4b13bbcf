"""Issue 11, sole proprietors: a sole-proprietor brand is APPROVED with identity_status UNVERIFIED until its owner confirms
the OTP; a2p_brand waits for it and says so, a2p_campaign (and the flex_a2p role's preflight) refuse a campaign before any
write until then, and one campaign per sole-proprietor brand, not per account. Real ansible-playbook runs against the emulator."""

from __future__ import annotations

import yaml
from harness import account, auth_for
from rollout_kit import CAMPAIGN, ROLLOUT, SERVICE

WAITING = "BN" + "e" * 32  # SOLE_PROPRIETOR, APPROVED, identity UNVERIFIED: its owner has not confirmed the OTP yet
OTHER = "BN" + "f" * 32  # another SOLE_PROPRIETOR brand of the account, VERIFIED
BUNDLES = {"customer_profile_bundle_sid": "BU" + "1" * 32, "a2p_profile_bundle_sid": "BU" + "2" * 32}
OTP_TEXT = ("waiting for the OTP: the brand's owner must confirm the one-time code sent by SMS to the mobile number registered with the "
            "brand")
SOLE = {**{key: value for key, value in CAMPAIGN.items() if key != "usecase"}, "usecase": "SOLE_PROPRIETOR"}
NUMBER = {"phone_number": "+15550008001", "sid": "PN%032x" % 0x8001, "sms_url": ""}


def seed():
    brands = [
        {"sid": WAITING, **BUNDLES, "brand_type": "SOLE_PROPRIETOR", "identity_status": "UNVERIFIED"},
        {"sid": OTHER, "customer_profile_bundle_sid": "BU" + "3" * 32, "a2p_profile_bundle_sid": "BU" + "4" * 32, "brand_type": "SOLE_PROPRIETOR"},
    ]
    services = [{"friendly_name": name} for name in ("One", "Two", "Three")]
    return {"accounts": [account("8", brands=brands, services=services, phone_numbers=[NUMBER])]}


def campaign(service, brand):
    return {"service": service, "brand_registration_sid": brand, **SOLE}


def playbook(make_playbook, acc, url):
    """The module tasks, and the admin route (the owner's reply to Twilio's text) while a2p_brand waits in the background."""
    keep_going = {"ignore_errors": True}
    brand = {**BUNDLES, "brand_type": "SOLE_PROPRIETOR", "wait": True, "poll_interval": 1}
    path = make_playbook(
        auth_for(acc),
        ("Brand waits for the OTP", "a2p_brand", {**brand, "wait_timeout": 2}, keep_going),
        ("Campaign planned", "a2p_campaign", campaign("One", WAITING), {**keep_going, "check_mode": True}),
        ("Campaign refused", "a2p_campaign", campaign("One", WAITING), keep_going),
        ("Brand waits in the background", "a2p_brand", {**brand, "wait_timeout": 60}, {"async": 90, "poll": 0, "register": "waiting"}),
        ("Campaign", "a2p_campaign", campaign("One", WAITING)),
        ("Second campaign of the brand", "a2p_campaign", campaign("Two", WAITING), keep_going),
        ("Campaign of the other brand", "a2p_campaign", campaign("Three", OTHER), keep_going),
    )
    play = yaml.safe_load(path.read_text(encoding="utf-8"))
    play[0]["tasks"][4:4] = [
        {"name": "The owner confirms the OTP", "ansible.builtin.uri": {"url": "%s/_emulator/brands/%s/otp" % (url, WAITING), "method": "POST",
                                                                       "body_format": "json", "body": {}}},
        {"name": "The wait ends", "ansible.builtin.async_status": {"jid": "{{ waiting.ansible_job_id }}"}, "register": "waited",
         "until": "waited.finished", "retries": 30, "delay": 1},
    ]
    path.write_text(yaml.safe_dump(play, sort_keys=False), encoding="utf-8")
    return path


def test_sole_proprietor_brand_waits_for_its_otp_and_gets_one_campaign(emulator_factory, make_playbook, ansible_playbook):
    emulator = emulator_factory(seed())
    acc = emulator.seed["accounts"][0]
    run = ansible_playbook(playbook(make_playbook, acc, emulator.url), emulator)
    assert run.rc == 0, run.stdout[-4000:]

    timed_out = run.result("Brand waits for the OTP")
    assert run.status("Brand waits for the OTP") == "failed"
    assert timed_out["msg"].startswith("Timed out after 2s waiting for A2P brand %s to be APPROVED and VERIFIED; it is APPROVED but its identity_status is "
                                       "UNVERIFIED" % WAITING), timed_out["msg"]
    assert OTP_TEXT in timed_out["msg"] and "+1" not in timed_out["msg"]
    for name in ("Campaign planned", "Campaign refused"):
        refused = run.result(name)
        assert run.status(name) == "failed" and refused["changed"] is False, (name, refused)
        assert refused["msg"].startswith("brand_registration_sid=%r: the sole-proprietor brand is APPROVED but its identity_status is UNVERIFIED"
                                         % WAITING), refused["msg"]
        assert OTP_TEXT in refused["msg"] and refused["identity_status"] == "UNVERIFIED"

    waited = run.result("The wait ends")
    assert (waited["brand"]["sid"], waited["brand"]["status"], waited["brand"]["identity_status"]) == (WAITING, "APPROVED", "VERIFIED")
    assert run.result("Campaign")["changed"] is True
    second = run.result("Second campaign of the brand")
    assert run.status("Second campaign of the brand") == "failed" and "is a sole-proprietor brand, which registers one campaign" in second["msg"]
    other = run.result("Campaign of the other brand")
    assert run.status("Campaign of the other brand") == "ok" and other["campaign"]["brand_registration_sid"] == OTHER, other.get("msg")
    services = {s["friendly_name"]: s["sid"] for s in emulator.state()["accounts"][acc["sid"]]["services"]}
    assert [(w["method"], w["path"]) for w in run.writes] == [
        ("POST", "/v1/Services/%s/Compliance/Usa2p" % services[name]) for name in ("One", "Three")]


def test_role_preflight_stops_on_a_brand_waiting_for_its_otp(emulator_factory, ansible_playbook, tmp_path):
    emulator = emulator_factory(seed())
    acc = emulator.seed["accounts"][0]
    (tmp_path / "inventory" / "host_vars").mkdir(parents=True)
    (tmp_path / "inventory" / "hosts.yml").write_text(yaml.safe_dump({"twilio_accounts": {"hosts": {"sole": None}}}), encoding="utf-8")
    host_vars = {
        "ansible_python_interpreter": "{{ ansible_playbook_python }}", "twilio_account_sid": acc["sid"], "twilio_auth_token": acc["auth_token"],
        "flex_a2p_service_name": SERVICE, "flex_a2p_service_usecase": "discussion", "flex_a2p_phone_numbers": [NUMBER["phone_number"]],
        "flex_a2p_brand": {**BUNDLES, "brand_type": "SOLE_PROPRIETOR"}, "flex_a2p_campaign": SOLE,
    }
    (tmp_path / "inventory" / "host_vars" / "sole.yml").write_text(yaml.safe_dump(host_vars), encoding="utf-8")
    run = ansible_playbook(ROLLOUT, emulator, "-i", str(tmp_path / "inventory"))
    failures = [r["result"]["msg"] for r in run.results if r["status"] == "failed"]
    assert len(failures) == 1 and failures[0].startswith("flex_a2p: nothing was changed; the preflight found 1 problem(s): campaign: "), failures
    assert "identity_status is UNVERIFIED" in failures[0] and OTP_TEXT in failures[0]
    assert run.writes == []
