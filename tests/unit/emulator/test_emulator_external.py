"""Externally registered campaigns (``POST /v1/Services/PreregisteredUsa2p``) and how they show in Compliance/Usa2p."""

from typing import Callable

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from a2p_testkit import CAMPAIGN_KEYS, assert_error, campaign_form, create_campaign, usa2p
from a2p_testkit import fixture_a2p_emu  # noqa: F401  pylint: disable=unused-import
from emulator.server import Emulator
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, SEEDED_SERVICE, TOKEN_A, TOKEN_B, Api

EXTERNAL = "/messaging/v1/Services/PreregisteredUsa2p"


def test_external_campaign_is_created_and_listed(api: Api) -> None:
    response = api.post(EXTERNAL, {"CampaignId": "CABC123", "MessagingServiceSid": SEEDED_SERVICE, "CnpMigration": "false"})
    assert response.status_code == 201, response.text
    created = response.json()
    assert list(created) == ["sid", "account_sid", "campaign_id", "messaging_service_sid", "date_created"]
    assert created["sid"].startswith("QE") and created["account_sid"] == ACCOUNT_A
    assert (created["campaign_id"], created["messaging_service_sid"]) == ("CABC123", SEEDED_SERVICE)
    listed = api.get(usa2p(SEEDED_SERVICE)).json()["compliance"]
    assert len(listed) == 1 and list(listed[0]) == CAMPAIGN_KEYS
    campaign = listed[0]
    assert campaign["sid"] == created["sid"] and campaign["date_created"] == created["date_created"]
    assert (campaign["is_externally_registered"], campaign["campaign_id"], campaign["campaign_status"]) == (True, "CABC123", "VERIFIED")
    assert campaign["brand_registration_sid"] is None and campaign["description"] is None and campaign["errors"] == []
    assert api.get(f"{usa2p(SEEDED_SERVICE)}/{created['sid']}").json() == campaign
    assert api.get(f"/messaging/v1/Services/{SEEDED_SERVICE}").json()["us_app_to_person_registered"] is True


@pytest.mark.parametrize("form, status, code, text", [
    ({"MessagingServiceSid": SEEDED_SERVICE}, 400, 20001, "Missing required parameter CampaignId"),
    ({"CampaignId": "CABC123"}, 400, 20001, "Missing required parameter MessagingServiceSid"),
    ({"CampaignId": "CABC123", "MessagingServiceSid": f"MG{'0' * 32}"}, 400, 21701, "does not exist"),
    ({"CampaignId": "CABC123", "MessagingServiceSid": SEEDED_SERVICE, "CnpMigration": "maybe"}, 400, 20001, "CnpMigration"),
])
def test_external_validation(api: Api, form: dict[str, str], status: int, code: int, text: str) -> None:
    assert_error(api.post(EXTERNAL, form), status, code, text)


def test_one_campaign_per_service_both_ways(api: Api) -> None:
    create_campaign(api, SEEDED_SERVICE)
    assert_error(api.post(EXTERNAL, {"CampaignId": "CABC123", "MessagingServiceSid": SEEDED_SERVICE}), 400, 21710, "already has")
    other = api.create_service("External")["sid"]
    assert api.post(EXTERNAL, {"CampaignId": "CDEF456", "MessagingServiceSid": other}).status_code == 201
    assert_error(api.post(usa2p(other), campaign_form()), 400, 21710)


def test_accounts_are_isolated(api: Api, api_as: Callable[..., Api]) -> None:
    other = api_as(ACCOUNT_B, TOKEN_B)
    assert_error(other.post(EXTERNAL, {"CampaignId": "CABC123", "MessagingServiceSid": SEEDED_SERVICE}), 400, 21701)
    assert api.get(usa2p(SEEDED_SERVICE)).json()["compliance"] == []


def test_external_campaign_can_be_deleted(api: Api) -> None:
    sid = api.post(EXTERNAL, {"CampaignId": "CABC123", "MessagingServiceSid": SEEDED_SERVICE}).json()["sid"]
    assert api.delete(f"{usa2p(SEEDED_SERVICE)}/{sid}").status_code == 204
    assert api.get(f"/messaging/v1/Services/{SEEDED_SERVICE}").json()["us_app_to_person_registered"] is False


def test_sdk_external_campaign(sdk: Callable[..., Client], emu: Emulator) -> None:
    client = sdk(ACCOUNT_A, TOKEN_A)
    created = client.messaging.v1.external_campaign.create(campaign_id="CXYZ789", messaging_service_sid=SEEDED_SERVICE, cnp_migration=True)
    assert created.sid.startswith("QE") and created.campaign_id == "CXYZ789" and created.messaging_service_sid == SEEDED_SERVICE
    campaign = client.messaging.v1.services(SEEDED_SERVICE).us_app_to_person(created.sid).fetch()
    assert campaign.is_externally_registered is True and campaign.campaign_status == "VERIFIED"
    with pytest.raises(TwilioRestException) as raised:
        client.messaging.v1.external_campaign.create(campaign_id="CXYZ790", messaging_service_sid=SEEDED_SERVICE)
    assert (raised.value.status, raised.value.code) == (400, 21710)
    record = emu.requests[0]
    assert (record["method"], record["path"], record["status"]) == ("POST", "/v1/Services/PreregisteredUsa2p", 201)
    assert record["form"] == {"CampaignId": "CXYZ789", "MessagingServiceSid": SEEDED_SERVICE, "CnpMigration": "true"}
