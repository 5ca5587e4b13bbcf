"""The real twilio SDK drives Trust Hub, 2010 Addresses and brand vettings through the emulator; the log conforms."""

from pathlib import Path
from typing import Callable, Iterator

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from emulator.server import Emulator
from emulator_testkit import ACCOUNT_A, TOKEN_A
from trusthub_testkit import A2P_POLICY, ADDRESS, BRAND, BUSINESS, PRIMARY_A, REPRESENTATIVE, SECONDARY_POLICY, trusthub_emulator


@pytest.fixture(name="emu")
def fixture_emu(tmp_path: Path) -> Iterator[Emulator]:
    """Primary profiles and brands seeded; the request log must conform to Twilio's specs."""
    yield from trusthub_emulator(tmp_path)


def test_sdk_onboarding_flow(sdk: Callable[..., Client]) -> None:
    client = sdk(ACCOUNT_A, TOKEN_A)
    trusthub = client.trusthub.v1
    profile = trusthub.customer_profiles.create(friendly_name="Example Widgets", email="ops@example.com", policy_sid=SECONDARY_POLICY)
    assert profile.sid.startswith("BU") and profile.status == "draft"
    assert [p.sid for p in trusthub.customer_profiles.list(policy_sid=SECONDARY_POLICY)] == [profile.sid]
    business = trusthub.end_users.create(friendly_name="biz", type="customer_profile_business_information", attributes=BUSINESS)
    representative = trusthub.end_users.create(friendly_name="rep", type="authorized_representative_1", attributes=REPRESENTATIVE)
    assert business.attributes == BUSINESS
    address = client.api.v2010.account.addresses.create(
        customer_name=ADDRESS["CustomerName"], street=ADDRESS["Street"], city=ADDRESS["City"], region=ADDRESS["Region"],
        postal_code=ADDRESS["PostalCode"], iso_country=ADDRESS["IsoCountry"])
    assert [a.sid for a in client.api.v2010.account.addresses.list()] == [address.sid]
    document = trusthub.supporting_documents.create(friendly_name="hq", type="customer_profile_address", attributes={"address_sids": address.sid})
    bundle = trusthub.customer_profiles(profile.sid)
    for sid in (business.sid, representative.sid, document.sid, PRIMARY_A):
        bundle.customer_profiles_entity_assignments.create(object_sid=sid)
    assert len(bundle.customer_profiles_entity_assignments.list()) == 4
    evaluation = bundle.customer_profiles_evaluations.create(policy_sid=SECONDARY_POLICY)
    assert evaluation.status == "compliant" and all(result["passed"] for result in evaluation.results)
    assert bundle.update(status="pending-review").status == "pending-review"
    with pytest.raises(TwilioRestException) as raised:
        bundle.update(friendly_name="Late")
    assert (raised.value.status, raised.value.code) == (400, 20001)

    product = trusthub.trust_products.create(friendly_name="Example Widgets A2P", email="ops@example.com", policy_sid=A2P_POLICY)
    info = trusthub.end_users.create(friendly_name="a2p", type="us_a2p_messaging_profile_information", attributes={"company_type": "private"})
    for sid in (info.sid, profile.sid):
        trusthub.trust_products(product.sid).trust_products_entity_assignments.create(object_sid=sid)
    assert trusthub.trust_products(product.sid).trust_products_evaluations.create(policy_sid=A2P_POLICY).status == "compliant"

    vetting = client.messaging.v1.brand_registrations(BRAND).brand_vettings.create(vetting_provider="aegis")
    assert vetting.vetting_status == "PENDING" and vetting.brand_vetting_sid.startswith("VT")
    assert [v.brand_vetting_sid for v in client.messaging.v1.brand_registrations(BRAND).brand_vettings.list(vetting_provider="aegis")] == [
        vetting.brand_vetting_sid]
