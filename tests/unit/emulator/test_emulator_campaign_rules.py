"""A2P campaign rules of issue 11 (round 2): the service use case a campaign holds (21719 on a service update), the codes of
a campaign's missing and too long fields on an update (21728), and what Twilio's DCA knows of an externally registered
campaign ID (30904 unknown, 30905 not accepted yet: the link stays FAILED until it is re-attached)."""

from typing import Any

import pytest

from a2p_testkit import admin, assert_error, create_campaign, update_form, usa2p
from a2p_testkit import fixture_a2p_emu  # noqa: F401  pylint: disable=unused-import
from emulator.server import Emulator
from emulator_testkit import SEEDED_SERVICE, Api

SERVICE = f"/messaging/v1/Services/{SEEDED_SERVICE}"
EXTERNAL = "/messaging/v1/Services/PreregisteredUsa2p"


def set_usecase(api: Api, usecase: str) -> Any:
    return api.post(SERVICE, {"Usecase": usecase})


@pytest.mark.parametrize("usecase, allowed", [("marketing", False), ("verification", False), ("discussion", True), ("undeclared", True)])
def test_service_usecase_must_fit_its_campaign(api: Api, usecase: str, allowed: bool) -> None:
    create_campaign(api, SEEDED_SERVICE, usecase="CUSTOMER_CARE")
    before = api.get(SERVICE).json()
    response = set_usecase(api, usecase)
    if allowed:
        assert response.status_code == 200 and response.json()["usecase"] == usecase
        return
    assert_error(response, 400, 21719, f"Messaging Service use case '{usecase}' is incompatible with A2P campaign use case 'CUSTOMER_CARE'")
    assert api.get(SERVICE).json() == before  # nothing of the update was applied


def test_service_usecase_is_free_without_a_campaign_or_with_an_external_one(api: Api) -> None:
    assert set_usecase(api, "verification").status_code == 200
    assert set_usecase(api, "undeclared").status_code == 200
    assert api.post(EXTERNAL, {"CampaignId": "CABC123", "MessagingServiceSid": SEEDED_SERVICE}).status_code == 201
    assert set_usecase(api, "marketing").status_code == 200  # an external campaign has no use case at Twilio to conflict with


def test_update_length_failures_answer_21728_and_resubmission_clears_errors(api: Api, emu: Emulator) -> None:
    sid = create_campaign(api, SEEDED_SERVICE)["sid"]
    one = f"{usa2p(SEEDED_SERVICE)}/{sid}"
    assert_error(api.post(one, update_form(Description="too short")), 400, 21728, "Description must be between 40 and 4096")
    admin(emu, f"/campaigns/{sid}", {"campaign_status": "FAILED", "errors": [{"error_code": 30897}]})
    resubmitted = api.post(one, update_form()).json()
    assert (resubmitted["campaign_status"], resubmitted["errors"]) == ("PENDING", [])  # the spec's update example: PENDING


def link(api: Api, campaign_id: str) -> Any:
    return api.post(EXTERNAL, {"CampaignId": campaign_id, "MessagingServiceSid": SEEDED_SERVICE})


def test_unknown_external_campaign_answers_30904(api: Api, emu: Emulator) -> None:
    assert admin(emu, "/external-campaigns/CNOPE01", {"dca_status": "unknown"}).json() == {"campaign_id": "CNOPE01", "dca_status": "unknown"}
    assert_error(link(api, "CNOPE01"), 400, 30904, "not found in Twilio's DCA records")
    assert api.get(usa2p(SEEDED_SERVICE)).json()["compliance"] == []
    assert api.get(SERVICE).json()["us_app_to_person_registered"] is False


def test_link_before_the_dca_accepts_is_failed_until_reattached(api: Api, emu: Emulator) -> None:
    admin(emu, "/external-campaigns/CWAIT01", {"dca_status": "pending"})
    first = link(api, "CWAIT01")
    assert first.status_code == 201, first.text
    [campaign] = api.get(usa2p(SEEDED_SERVICE)).json()["compliance"]
    assert campaign["campaign_status"] == "FAILED" and [e["error_code"] for e in campaign["errors"]] == [30905]
    assert campaign["errors"][0]["url"] == "https://www.twilio.com/docs/api/errors/30905"
    admin(emu, "/external-campaigns/CWAIT01", {"dca_status": "accepted"})
    assert api.get(usa2p(SEEDED_SERVICE)).json()["compliance"][0]["campaign_status"] == "FAILED"  # until re-attached
    assert api.delete(f"{usa2p(SEEDED_SERVICE)}/{campaign['sid']}").status_code == 204
    assert link(api, "CWAIT01").status_code == 201
    [again] = api.get(usa2p(SEEDED_SERVICE)).json()["compliance"]
    assert (again["campaign_status"], again["errors"]) == ("VERIFIED", [])


@pytest.mark.parametrize("body", [{"dca_status": "rejected"}, {}, {"dca_status": "unknown", "extra": 1}, ["unknown"]])
def test_dca_admin_route_refuses_bad_bodies(emu: Emulator, body: Any) -> None:
    assert admin(emu, "/external-campaigns/CABC123", body).status_code == 400
