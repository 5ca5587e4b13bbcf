"""a2p_brand against requests-mock: adopt or register, the checks before any request, and one result shape."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from twilio_payloads import AUTH, BRANDS_URL, brand, page

from ansible_collections.tendlc.twilio.plugins.module_utils._brand import BRAND
from ansible_collections.tendlc.twilio.plugins.module_utils._fields import ASSIGNED
from ansible_collections.tendlc.twilio.plugins.modules import a2p_brand

BN = "BN" + "e" * 32
CUSTOMER, A2P = "BU" + "c" * 32, "BU" + "d" * 32
ARGS = {**AUTH, "customer_profile_bundle_sid": CUSTOMER, "a2p_profile_bundle_sid": A2P}


@pytest.fixture(name="no_brand")
def fixture_no_brand(requests_mock):
    """The account has no brand yet; registering answers a new PENDING one (the spec's create: status PENDING, nothing from TCR yet)."""
    requests_mock.get(BRANDS_URL, json=page("data", [], url=BRANDS_URL))

    def registered(request, context):
        form = {k: v[0] for k, v in parse_qs(request.text).items()}
        return brand(BN, status="PENDING", tcr_id=None, brand_score=None, identity_status=None, russell_3000=None, government_entity=None,
                     customer_profile_bundle_sid=form["CustomerProfileBundleSid"], a2p_profile_bundle_sid=form["A2PProfileBundleSid"],
                     brand_type=form["BrandType"], mock=form["Mock"] == "true", skip_automatic_sec_vet=form.get("SkipAutomaticSecVet") == "true")

    requests_mock.post(BRANDS_URL, status_code=201, json=registered)
    return requests_mock


def posts(mock):
    return [{k: v[0] for k, v in parse_qs(r.text or "").items()} for r in mock.request_history if r.method == "POST"]


def test_check_mode_registration_returns_what_a_real_one_returns_less_what_twilio_assigns(no_brand, run_module):
    args = {**ARGS, "brand_type": "STANDARD", "skip_automatic_sec_vet": True}
    planned = run_module(a2p_brand, args, check_mode=True)
    assert posts(no_brand) == []
    real = run_module(a2p_brand, args)
    assert posts(no_brand) == [{"CustomerProfileBundleSid": CUSTOMER, "A2PProfileBundleSid": A2P, "BrandType": "STANDARD", "Mock": "false",
                                "SkipAutomaticSecVet": "true"}]
    assert (planned["changed"], planned["adopted"], real["changed"], real["adopted"]) == (True, False, True, False)
    assert set(planned["brand"]) == set(real["brand"]) - set(ASSIGNED)
    assert not set(ASSIGNED) & set(planned["brand"])
    sent = ("customer_profile_bundle_sid", "a2p_profile_bundle_sid", "brand_type", "mock", "skip_automatic_sec_vet")
    assert {key: planned["brand"][key] for key in sent} == {key: real["brand"][key] for key in sent} == {
        "customer_profile_bundle_sid": CUSTOMER, "a2p_profile_bundle_sid": A2P, "brand_type": "STANDARD", "mock": False,
        "skip_automatic_sec_vet": True}
    assert (planned["brand"]["status"], planned["brand"]["errors"], planned["brand"]["identity_status"]) == ("PENDING", [], None)


def test_check_mode_fills_what_is_not_sent_with_twilios_defaults(no_brand, run_module):
    planned = run_module(a2p_brand, {**ARGS, "brand_type": "SOLE_PROPRIETOR"}, check_mode=True, diff=True)
    assert planned["brand"]["skip_automatic_sec_vet"] is False  # not sent
    assert planned["brand"] == BRAND.planned({"customer_profile_bundle_sid": CUSTOMER, "a2p_profile_bundle_sid": A2P,
                                              "brand_type": "SOLE_PROPRIETOR", "mock": False})
    assert planned["diff"] == {"before": {}, "after": {"customer_profile_bundle_sid": CUSTOMER, "a2p_profile_bundle_sid": A2P,
                                                       "brand_type": "SOLE_PROPRIETOR", "mock": False}}


def test_a_brand_for_the_bundles_is_adopted_and_returned_as_twilio_holds_it(requests_mock, run_module):
    found = brand(BN, mock=None)
    requests_mock.get(BRANDS_URL, json=page("data", [brand("BN" + "f" * 32, customer_profile_bundle_sid="BU" + "0" * 32), found], url=BRANDS_URL))
    for check_mode in (True, False):
        result = run_module(a2p_brand, ARGS, check_mode=check_mode, diff=True)
        assert (result["changed"], result["adopted"]) == (False, True)
        assert result["brand"] == found
        identity = {"customer_profile_bundle_sid": CUSTOMER, "a2p_profile_bundle_sid": A2P, "brand_type": "STANDARD", "mock": False}
        assert result["diff"] == {"before": identity, "after": identity}  # a null mock flag is false
    assert posts(requests_mock) == []


def test_a_brand_of_another_type_is_not_adopted_and_names_the_brand(requests_mock, run_module):
    requests_mock.get(BRANDS_URL, json=page("data", [brand(BN, mock=True)], url=BRANDS_URL))
    result = run_module(a2p_brand, {**ARGS, "brand_type": "SOLE_PROPRIETOR"})
    assert result["failed"] is True and result["brand_sid"] == BN
    assert "brand_type='STANDARD', wanted 'SOLE_PROPRIETOR'; mock=True, wanted False" in result["msg"]
    assert posts(requests_mock) == []


@pytest.mark.parametrize("args, text", [
    ({"customer_profile_bundle_sid": "BN" + "c" * 32}, "customer_profile_bundle_sid"),
    ({"a2p_profile_bundle_sid": "BUshort"}, "a2p_profile_bundle_sid"),
    ({"brand_type": "SOLE_PROPRIETOR", "skip_automatic_sec_vet": True}, "skip_automatic_sec_vet applies to STANDARD brands only"),
    ({"wait_timeout": 0}, "wait_timeout must be at least 1 second"),
])
def test_bad_input_fails_before_any_request(requests_mock, run_module, args, text):
    result = run_module(a2p_brand, {**ARGS, **args})
    assert result["failed"] is True and text in result["msg"]
    assert requests_mock.request_history == []


def test_the_options_are_the_tables_with_the_same_rules_as_before():
    """The argument_spec derived from BRAND is the one the module wrote out before the table."""
    spec = a2p_brand.A2PBrand.argument_spec
    assert {option: spec[option] for option in BRAND.options()} == {
        "customer_profile_bundle_sid": {"type": "str", "required": True},
        "a2p_profile_bundle_sid": {"type": "str", "required": True},
        "brand_type": {"type": "str", "choices": ["STANDARD", "SOLE_PROPRIETOR"], "default": "STANDARD"},
        "skip_automatic_sec_vet": {"type": "bool"},
        "mock": {"type": "bool", "default": False},
    }
    assert set(spec) == set(BRAND.options()) | {"wait", "wait_timeout", "poll_interval", "resend_otp"}
