"""a2p_campaign, a2p_external_campaign, a2p_brand and a2p_brand_info: real ansible-playbook runs against the emulator."""

from __future__ import annotations

import threading
import time

import pytest
import requests
from harness import account, auth_for

APPROVED = "BN" + "a" * 32
PENDING = "BN" + "b" * 32
FAILED = "BN" + "c" * 32
BUNDLES = {"customer_profile_bundle_sid": "BU" + "1" * 32, "a2p_profile_bundle_sid": "BU" + "2" * 32}
CAMPAIGN = {
    "service": "Flex", "brand_registration_sid": APPROVED, "usecase": "CUSTOMER_CARE",
    "description": "Customer care conversations between Example Co agents and customers who wrote first.",
    "message_flow": "Customers text our published support number, or opt in on https://example.com/sms.",
    "message_samples": ["Hi Dana, this is Sam from Example Co support. Your replacement ships today.",
                        "Example Co: your case 4411 is resolved. Reply HELP for help, STOP to opt out."],
    "has_embedded_links": False, "has_embedded_phone": False,
}


@pytest.fixture(name="a2p")
def fixture_a2p(emulator_factory):
    brands = [
        {"sid": APPROVED, **BUNDLES},
        {"sid": PENDING, "customer_profile_bundle_sid": "BU" + "3" * 32, "a2p_profile_bundle_sid": "BU" + "4" * 32, "status": "PENDING"},
        {"sid": FAILED, "customer_profile_bundle_sid": "BU" + "5" * 32, "a2p_profile_bundle_sid": "BU" + "6" * 32, "status": "FAILED",
         "errors": [{"error_code": 30794, "description": "Tax ID does not match", "fields": ["ein"], "url": ""}]},
    ]
    acc = account("f", brands=brands, services=[{"friendly_name": "Flex", "usecase": "discussion"}, {"friendly_name": "Spare"}])
    return emulator_factory({"accounts": [acc]}, "--campaign-approval-seconds", "2")


def run(make_playbook, ansible_playbook, emulator, module, options, *args):
    acc = emulator.seed["accounts"][0]
    return ansible_playbook(make_playbook(auth_for(acc), ("Task", module, options)), emulator, *args)


def campaign_of(emulator):
    acc = next(iter(emulator.state()["accounts"].values()))
    return acc.get("campaigns") or acc.get("us_app_to_person") or []


def test_create_noop_update(a2p, make_playbook, ansible_playbook):
    created = run(make_playbook, ansible_playbook, a2p, "a2p_campaign", CAMPAIGN)
    assert created.rc == 0, created.stdout
    result = created.result("Task")
    assert result["changed"] is True and result["campaign"]["campaign_status"] == "PENDING"
    assert [(w["method"], w["path"].rsplit("/", 1)[-1]) for w in created.writes] == [("POST", "Usa2p")]
    assert created.writes[0]["form"]["MessageSamples"] == CAMPAIGN["message_samples"]

    again = run(make_playbook, ansible_playbook, a2p, "a2p_campaign", CAMPAIGN)
    assert again.result("Task")["changed"] is False and again.writes == []

    updated = run(make_playbook, ansible_playbook, a2p, "a2p_campaign", {**CAMPAIGN, "has_embedded_links": True, "age_gated": False}, "--diff")
    result = updated.result("Task")
    assert result["changed"] is True and result["campaign"]["has_embedded_links"] is True
    assert result["diff"]["before"]["has_embedded_links"] is False
    [write] = updated.writes
    assert write["path"].endswith(result["campaign"]["sid"])
    assert write["form"]["HasEmbeddedLinks"] == "true" and "UsAppToPersonUsecase" not in write["form"]


def test_fixed_field_change_is_refused_then_replaced(a2p, make_playbook, ansible_playbook):
    run(make_playbook, ansible_playbook, a2p, "a2p_campaign", CAMPAIGN)
    changed = {**CAMPAIGN, "usecase": "MIXED"}
    refused = run(make_playbook, ansible_playbook, a2p, "a2p_campaign", changed)
    assert refused.rc != 0
    assert "usecase is 'CUSTOMER_CARE', wanted 'MIXED'" in refused.result("Task")["msg"]
    assert refused.writes == []

    replaced = run(make_playbook, ansible_playbook, a2p, "a2p_campaign", {**changed, "replace": True})
    assert replaced.rc == 0, replaced.stdout
    result = replaced.result("Task")
    assert result["replaced"] is True and result["campaign"]["us_app_to_person_usecase"] == "MIXED"
    assert [w["method"] for w in replaced.writes] == ["DELETE", "POST"]
    assert "sends no A2P traffic until the new campaign is approved" in replaced.stdout + replaced.stderr


@pytest.mark.parametrize("options, text", [
    ({"brand_registration_sid": PENDING}, "the brand is PENDING, not APPROVED"),
    ({"brand_registration_sid": FAILED}, "the brand is FAILED, not APPROVED (30794 Tax ID does not match (fields: ein))"),
    ({"brand_registration_sid": "BN" + "d" * 32}, "the account has no such A2P brand"),
    ({"usecase": "SOLE_PROPRIETOR"}, "usecase='SOLE_PROPRIETOR' is not an A2P use case brand"),
    ({"description": "Too short to describe a campaign."}, "description must be 40 to 4096 characters long"),
    ({"message_samples": ["Only one sample, long enough though."]}, "message_samples must hold 2 to 5 samples"),
])
def test_refusals_before_any_write(a2p, make_playbook, ansible_playbook, options, text):
    refused = run(make_playbook, ansible_playbook, a2p, "a2p_campaign", {**CAMPAIGN, **options})
    assert refused.rc != 0
    assert text in refused.result("Task")["msg"]
    assert refused.writes == []


def test_service_usecase_mismatch_is_refused_before_any_write(a2p, make_playbook, ansible_playbook):
    """Twilio lists the use cases a brand may register on a service (the emulator narrows the list by the service's own use
    case, which Twilio would refuse with 21719): a use case off that list is refused before the create is sent."""
    refused = run(make_playbook, ansible_playbook, a2p, "a2p_campaign", {**CAMPAIGN, "usecase": "MARKETING"})
    assert refused.rc != 0
    result = refused.result("Task")
    assert result["msg"].startswith("usecase='MARKETING' is not an A2P use case brand %s may register on this service" % APPROVED)
    assert "CUSTOMER_CARE" in result["allowed"] and "MARKETING" not in result["allowed"]
    assert refused.writes == []


def test_check_mode_writes_nothing_and_does_not_wait(a2p, make_playbook, ansible_playbook):
    check = run(make_playbook, ansible_playbook, a2p, "a2p_campaign", {**CAMPAIGN, "wait": True, "poll_interval": 1}, "--check")
    assert check.rc == 0, check.stdout
    assert check.result("Task")["changed"] is True
    assert check.writes == []
    assert not [r for r in check.requests if "/Usa2p/QE" in r["path"]]


def test_wait_until_verified(a2p, make_playbook, ansible_playbook):
    waited = run(make_playbook, ansible_playbook, a2p, "a2p_campaign", {**CAMPAIGN, "wait": True, "poll_interval": 1, "wait_timeout": 30})
    assert waited.rc == 0, waited.stdout
    assert waited.result("Task")["campaign"]["campaign_status"] == "VERIFIED"
    polls = [r for r in waited.requests if r["method"] == "GET" and "/Usa2p/QE" in r["path"]]
    assert len(polls) >= 2
    gaps = [b - a for a, b in zip(*(iter(_times(polls)),) * 1, _times(polls)[1:])]
    assert all(gap >= 0.9 for gap in gaps), gaps


def _times(records):
    from datetime import datetime  # pylint: disable=import-outside-toplevel
    return [datetime.fromisoformat(r["time"].replace("Z", "+00:00")).timestamp() for r in records]


def test_wait_ends_on_failed_with_errors(a2p, make_playbook, ansible_playbook):
    def fail_campaign():
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            campaigns = [r["response"] for r in a2p.records() if r["method"] == "POST" and r["path"].endswith("/Usa2p") and r["status"] == 201]
            if campaigns:
                requests.post("%s/_emulator/campaigns/%s" % (a2p.url, campaigns[0]["sid"]), timeout=5, json={
                    "campaign_status": "FAILED", "errors": [{"error_code": 30896, "description": "Opt-in information missing", "fields": ["message_flow"],
                                                             "url": ""}]}).raise_for_status()
                return
            time.sleep(0.1)

    worker = threading.Thread(target=fail_campaign)
    worker.start()
    failed = run(make_playbook, ansible_playbook, a2p, "a2p_campaign", {**CAMPAIGN, "wait": True, "poll_interval": 1, "wait_timeout": 30})
    worker.join()
    assert failed.rc != 0
    result = failed.result("Task")
    assert "is FAILED: 30896 Opt-in information missing (fields: message_flow)" in result["msg"]
    assert result["errors"][0]["error_code"] == 30896


def test_wait_timeout_reports_last_status(emulator_factory, make_playbook, ansible_playbook):
    acc = account("9", brands=[{"sid": APPROVED, **BUNDLES}], services=[{"friendly_name": "Flex"}])
    emulator = emulator_factory({"accounts": [acc]})
    timed_out = ansible_playbook(make_playbook(auth_for(acc), ("Task", "a2p_campaign", {**CAMPAIGN, "wait": True, "poll_interval": 1, "wait_timeout": 2})),
                                 emulator)
    assert timed_out.rc != 0
    assert "Timed out after 2s" in timed_out.result("Task")["msg"] and "still PENDING" in timed_out.result("Task")["msg"]


def test_absent_deletes_then_noop(a2p, make_playbook, ansible_playbook):
    run(make_playbook, ansible_playbook, a2p, "a2p_campaign", CAMPAIGN)
    gone = run(make_playbook, ansible_playbook, a2p, "a2p_campaign", {"service": "Flex", "state": "absent"})
    assert gone.result("Task")["changed"] is True and [w["method"] for w in gone.writes] == ["DELETE"]
    again = run(make_playbook, ansible_playbook, a2p, "a2p_campaign", {"service": "Flex", "state": "absent"})
    assert again.result("Task")["changed"] is False and again.writes == []


def test_external_campaign_link_noop_replace_absent(a2p, make_playbook, ansible_playbook):
    linked = run(make_playbook, ansible_playbook, a2p, "a2p_external_campaign", {"service": "Spare", "campaign_id": "CEXT001"})
    assert linked.rc == 0, linked.stdout
    result = linked.result("Task")
    assert result["changed"] is True and result["campaign"]["is_externally_registered"] is True and result["campaign"]["campaign_id"] == "CEXT001"
    assert [w["path"] for w in linked.writes] == ["/v1/Services/PreregisteredUsa2p"]

    again = run(make_playbook, ansible_playbook, a2p, "a2p_external_campaign", {"service": "Spare", "campaign_id": "CEXT001"})
    assert again.result("Task")["changed"] is False and again.writes == []

    other = run(make_playbook, ansible_playbook, a2p, "a2p_external_campaign", {"service": "Spare", "campaign_id": "CEXT002"})
    assert other.rc != 0 and "already has the externally registered campaign CEXT001" in other.result("Task")["msg"]
    assert other.writes == []

    replaced = run(make_playbook, ansible_playbook, a2p, "a2p_external_campaign", {"service": "Spare", "campaign_id": "CEXT002", "replace": True})
    assert replaced.result("Task")["campaign"]["campaign_id"] == "CEXT002"
    assert [w["method"] for w in replaced.writes] == ["DELETE", "POST"]

    removed = run(make_playbook, ansible_playbook, a2p, "a2p_external_campaign", {"service": "Spare", "campaign_id": "CEXT002", "state": "absent"})
    assert removed.result("Task")["changed"] is True and [w["method"] for w in removed.writes] == ["DELETE"]
    gone = run(make_playbook, ansible_playbook, a2p, "a2p_external_campaign", {"service": "Spare", "state": "absent"})
    assert gone.result("Task")["changed"] is False and gone.writes == []


def test_brand_adopted_not_duplicated_and_created(a2p, make_playbook, ansible_playbook):
    adopted = run(make_playbook, ansible_playbook, a2p, "a2p_brand", BUNDLES)
    assert adopted.rc == 0, adopted.stdout
    assert adopted.result("Task")["adopted"] is True and adopted.result("Task")["brand"]["sid"] == APPROVED
    assert adopted.writes == []

    new_bundles = {"customer_profile_bundle_sid": "BU" + "7" * 32, "a2p_profile_bundle_sid": "BU" + "8" * 32}
    created = run(make_playbook, ansible_playbook, a2p, "a2p_brand", {**new_bundles, "skip_automatic_sec_vet": True})
    result = created.result("Task")
    assert result["changed"] is True and result["adopted"] is False and result["brand"]["status"] == "PENDING"
    assert created.writes[0]["form"]["SkipAutomaticSecVet"] == "true"

    twice = run(make_playbook, ansible_playbook, a2p, "a2p_brand", new_bundles)
    assert twice.result("Task")["adopted"] is True and twice.writes == []
    assert twice.result("Task")["brand"]["sid"] == result["brand"]["sid"]

    wrong_type = run(make_playbook, ansible_playbook, a2p, "a2p_brand", {**BUNDLES, "brand_type": "SOLE_PROPRIETOR"})
    assert wrong_type.rc != 0 and "brand_type='STANDARD', wanted 'SOLE_PROPRIETOR'" in wrong_type.result("Task")["msg"]


def test_brand_info_lists_campaigns_per_brand(a2p, make_playbook, ansible_playbook):
    run(make_playbook, ansible_playbook, a2p, "a2p_campaign", CAMPAIGN)
    info = run(make_playbook, ansible_playbook, a2p, "a2p_brand_info", {})
    brands = {b["sid"]: b for b in info.result("Task")["brands"]}
    assert set(brands) == {APPROVED, PENDING, FAILED}
    assert [c["us_app_to_person_usecase"] for c in brands[APPROVED]["campaigns"]] == ["CUSTOMER_CARE"]
    assert brands[FAILED]["errors"][0]["error_code"] == 30794 and brands[PENDING]["campaigns"] == []
    assert info.writes == []
    one = run(make_playbook, ansible_playbook, a2p, "a2p_brand_info", {"sid": FAILED})
    assert [b["status"] for b in one.result("Task")["brands"]] == ["FAILED"]
