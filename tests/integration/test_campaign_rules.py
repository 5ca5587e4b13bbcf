"""Campaign rules of issue 11 in one real ansible-playbook run: messaging_service refuses, before any write and in check mode
too, a use case its service's A2P campaign does not fit (Twilio's 21719); a2p_external_campaign reports Twilio's 30904 for a
campaign its DCA does not know, never reports a FAILED link (30905) as linked and unchanged, and re-attaches it (a delete
and a create, planned in check mode without a write) once the DCA has accepted the campaign."""

from __future__ import annotations

import pytest
import requests
from harness import account, auth_for
from test_a2p_playbook import APPROVED, BUNDLES, CAMPAIGN

UNKNOWN, WAITING = "CNOPE01", "CWAIT01"
ADMIN = "{{ lookup('env', 'TWILIO_API_URL') }}/_emulator/external-campaigns/"


def tasks():
    usecase = {"friendly_name": "Flex", "usecase": "verification"}
    link = {"service": "External", "campaign_id": WAITING}
    ignore = {"ignore_errors": True}
    return (
        ("Campaign", "a2p_campaign", CAMPAIGN),
        ("Use case, check mode", "messaging_service", usecase, {"check_mode": True, **ignore}),
        ("Use case", "messaging_service", usecase, ignore),
        ("Unknown campaign", "a2p_external_campaign", {"service": "External", "campaign_id": UNKNOWN}, ignore),
        ("Link before the DCA accepts", "a2p_external_campaign", link, ignore),
        ("The DCA accepts", "ansible.builtin.uri", {"url": ADMIN + WAITING, "method": "POST", "body_format": "json",
                                                    "body": {"dca_status": "accepted"}}),
        ("Re-attach, check mode", "a2p_external_campaign", link, {"check_mode": True, "diff": True}),
        ("Re-attach", "a2p_external_campaign", link),
        ("Linked", "a2p_external_campaign", link),
    )


@pytest.fixture(name="emulator")
def fixture_emulator(emulator_factory):
    acc = account("e", brands=[{"sid": APPROVED, **BUNDLES}],
                  services=[{"friendly_name": "Flex", "usecase": "discussion"}, {"friendly_name": "External"}])
    emulator = emulator_factory({"accounts": [acc]})
    for campaign_id, status in ((UNKNOWN, "unknown"), (WAITING, "pending")):
        requests.post(emulator.url + "/_emulator/external-campaigns/" + campaign_id, json={"dca_status": status}, timeout=10).raise_for_status()
    return emulator


def test_use_case_conflict_and_external_links(emulator, make_playbook, ansible_playbook):
    ran = ansible_playbook(make_playbook(auth_for(emulator.seed["accounts"][0]), *tasks()), emulator)
    assert ran.rc == 0, ran.stdout[-4000:]
    writes = [(w["method"], w["path"].split("/v1/")[-1].split("/")[-1], w.get("form", {}).get("CampaignId")) for w in ran.writes]
    # No service update was sent (21719 refused in the plan), and the writes are the campaign, the two links, the re-attach.
    assert [w[:2] for w in writes if w[0] == "POST" and "Usa2p" not in w[1] and w[1] != "PreregisteredUsa2p"] == []
    assert [(w[0], w[2]) for w in writes if w[1] == "PreregisteredUsa2p" or w[0] == "DELETE"] == [
        ("POST", UNKNOWN), ("POST", WAITING), ("DELETE", None), ("POST", WAITING)]

    for name in ("Use case, check mode", "Use case"):
        refused = ran.result(name)
        assert ran.status(name) == "failed" and refused["changed"] is False
        assert "usecase='verification' does not fit the A2P campaign QE" in refused["msg"]
        assert "whose use case is CUSTOMER_CARE" in refused["msg"] and "error 21719" in refused["msg"]

    unknown = ran.result("Unknown campaign")
    assert ran.status("Unknown campaign") == "failed" and "Twilio error 30904" in unknown["msg"]
    assert "not found in Twilio's DCA records" in unknown["msg"] and "CAMPAIGN_SHARE_ACCEPT" in unknown["msg"]

    early = ran.result("Link before the DCA accepts")
    assert ran.status("Link before the DCA accepts") == "failed" and early["changed"] is True
    assert "Twilio reports the link FAILED: 30905" in early["msg"] and "re-attaches" in early["msg"]

    plan = ran.result("Re-attach, check mode")
    assert plan["changed"] is True and plan["diff"]["before"]["campaign_status"] == "FAILED"
    assert plan["diff"]["after"]["reattach"].startswith("delete the FAILED link QE")

    reattached = ran.result("Re-attach")
    assert reattached["changed"] is True and reattached["campaign"]["campaign_status"] == "VERIFIED"
    assert reattached["deleted_campaign"]["campaign_status"] == "FAILED"
    assert ran.result("Linked")["changed"] is False
