"""a2p_external_campaign against requests-mock: what it does with a link Twilio reports FAILED (error pages 30905, 30904)."""

from __future__ import annotations

from twilio_payloads import AUTH, SERVICES_URL, campaign, error, mock_carried, page, service

from ansible_collections.tendlc.twilio.plugins.modules import a2p_external_campaign

MG = "MG" + "a" * 32
QE = "QE" + "1" * 32
OPTIONS = {**AUTH, "service": "Flex", "campaign_id": "CABC123"}
EXTERNAL_URL = "https://messaging.twilio.com/v1/Services/PreregisteredUsa2p"


def failed_link(requests_mock, code):
    link = campaign(MG, QE, None, status="FAILED", is_externally_registered=True,
                    errors=[{"error_code": code, "description": "Twilio's words", "fields": [], "url": ""}])
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG, "Flex")]))
    mock_carried(requests_mock, MG, campaigns=[link])


def writes(requests_mock):
    return [r for r in requests_mock.request_history if r.method != "GET"]


def test_failed_link_waiting_for_the_dca_is_planned_as_a_reattach(requests_mock, run_module):
    failed_link(requests_mock, 30905)
    result = run_module(a2p_external_campaign, OPTIONS, check_mode=True, diff=True)
    assert result["changed"] is True and not writes(requests_mock)
    assert result["diff"]["before"] == {"campaign_sid": QE, "campaign_id": "CABC123", "is_externally_registered": True, "campaign_status": "FAILED"}
    assert result["diff"]["after"]["reattach"] == "delete the FAILED link %s (Twilio error 30905) and link the service again" % QE


def test_failed_link_for_another_reason_fails_before_writing(requests_mock, run_module):
    failed_link(requests_mock, 30902)
    result = run_module(a2p_external_campaign, OPTIONS)
    assert result["failed"] is True and result["changed"] is False and not writes(requests_mock)
    assert "is FAILED: 30902 Twilio's words. Re-attaching does not fix that" in result["msg"] and "CAMPAIGN_SHARE_ACCEPT" in result["msg"]


def test_a_reattach_whose_link_then_fails_offers_no_restore(requests_mock, run_module):
    """Issue 11 F4: linking the same campaign again would fail the same way; say the FAILED link was removed instead."""
    failed_link(requests_mock, 30905)
    requests_mock.delete("%s/%s/Compliance/Usa2p/%s" % (SERVICES_URL, MG, QE), status_code=204)
    requests_mock.post(EXTERNAL_URL, status_code=400, json=error(30904, 400, "Campaign not found"))
    result = run_module(a2p_external_campaign, OPTIONS)
    assert result["failed"] is True and result["changed"] is True and "restore" not in result
    assert result["deleted_campaign"]["sid"] == QE and result["campaign"] == {}
    assert ("The FAILED link %s was removed: messaging service %s now has no A2P campaign. Link campaign CABC123 again after TCR's "
            "CAMPAIGN_SHARE_ACCEPT event" % (QE, MG)) in result["msg"]
    assert "had already been deleted" not in result["msg"]
    assert ("Deleting the FAILED link %s of messaging service %s to re-attach campaign CABC123: Twilio keeps a link FAILED with error 30905 "
            "until the service is re-attached." % (QE, MG)) in [w["event"]["msg"] for w in result["warnings"]]
