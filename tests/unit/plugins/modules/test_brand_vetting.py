"""brand_vetting against requests-mock: the brand read first, an existing vetting reported (never bought again), a new one
ordered once, the wait, check mode, and the checks before any request. The Campaign Verify token never shows."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest
from ansible.module_utils.common import warnings
from twilio_payloads import ACCOUNT_SID, AUTH, BRANDS_URL, brand, error, page

from ansible_collections.tendlc.twilio.plugins.module_utils._vetting import VETTING
from ansible_collections.tendlc.twilio.plugins.modules import brand_vetting

BN = "BN" + "e" * 32
VT = "VT" + "7" * 32
BRAND_URL = "%s/%s" % (BRANDS_URL, BN)
VETTINGS_URL = BRAND_URL + "/Vettings"
TOKEN = "cv|1.0|tcr|10dlc|9975c339-d46f-49b7-a399-UNITTESTTOKEN|GQ3UNITTESTSIGNATURE"
ARGS = {**AUTH, "brand_sid": BN}
CV = {**ARGS, "vetting_provider": "campaign-verify", "vetting_id": TOKEN}


def vetting(sid=VT, provider="aegis", status="PENDING", **fields):
    """A vetting as the spec's examples hold it (schema messaging.v1.brand_registrations.brand_vetting)."""
    body = {"account_sid": ACCOUNT_SID, "brand_sid": BN, "brand_vetting_sid": sid, "vetting_provider": provider,
            "vetting_id": TOKEN if provider == "campaign-verify" else "aegis-vetting-0001",
            "vetting_class": "POLITICAL" if provider == "campaign-verify" else "STANDARD", "vetting_status": status,
            "date_created": "2026-11-27T10:00:00Z", "date_updated": "2026-11-27T10:00:00Z", "url": "%s/%s" % (VETTINGS_URL, sid)}
    body.update(fields)
    return body


@pytest.fixture(name="run")
def fixture_run(run_module):
    """run_module, each run with only its own warnings (ansible keeps them in one process-wide store)."""
    def run(*args, **kwargs):
        warnings._global_warnings.clear()  # pylint: disable=protected-access
        return run_module(*args, **kwargs)
    return run


def warned(result):
    """The texts of the result's warnings (ansible-core 2.19 returns each as an event)."""
    return [w["event"]["msg"] if isinstance(w, dict) else w for w in result.get("warnings", [])]


def writes(mock):
    return [r for r in mock.request_history if r.method != "GET"]


def sent(mock):
    return [{k: v[0] for k, v in parse_qs(r.text or "").items()} for r in writes(mock)]


@pytest.fixture(name="twilio")
def fixture_twilio(requests_mock):
    """An APPROVED standard brand (low-volume: skip_automatic_sec_vet) without a vetting; ordering one answers it PENDING."""
    requests_mock.get(BRAND_URL, json=brand(BN, skip_automatic_sec_vet=True))
    requests_mock.get(VETTINGS_URL, json=page("data", [], url=VETTINGS_URL))

    def ordered(request, context):
        form = {k: v[0] for k, v in parse_qs(request.text).items()}
        context.status_code = 201
        return vetting(provider=form["VettingProvider"])

    requests_mock.post(VETTINGS_URL, json=ordered)
    return requests_mock


def test_no_vetting_yet_orders_one_after_reading_the_brand(twilio, run):
    result = run(brand_vetting, ARGS, diff=True)
    assert (result["changed"], result["created"]) == (True, True)
    assert sent(twilio) == [{"VettingProvider": "aegis"}]
    assert [(r.method, r.path, r.qs) for r in twilio.request_history][:2] == [
        ("GET", "/v1/a2p/brandregistrations/%s" % BN.lower(), {}),
        # Only the parameters the spec's list of Vettings has (BrandSid, VettingProvider): no PageSize.
        ("GET", "/v1/a2p/brandregistrations/%s/vettings" % BN.lower(), {"vettingprovider": ["aegis"]})]
    assert result["vetting"]["brand_vetting_sid"] == VT and result["vetting"]["vetting_status"] == "PENDING"
    assert "vetting_id" not in result["vetting"]
    assert result["diff"] == {"before": {}, "after": {"brand_sid": BN, "vetting_provider": "aegis"}}


def test_an_existing_vetting_is_reported_and_never_bought_again(twilio, run):
    twilio.get(VETTINGS_URL, json=page("data", [vetting(status="SUCCESS")], url=VETTINGS_URL))
    for check_mode in (True, False):
        result = run(brand_vetting, ARGS, check_mode=check_mode, diff=True)
        assert (result["changed"], result["created"]) == (False, False)
        assert result["vetting"]["vetting_status"] == "SUCCESS" and "vetting_id" not in result["vetting"]
        assert result["diff"]["before"] == result["diff"]["after"]
        assert not warned(result)
    assert writes(twilio) == []


def test_a_failed_vetting_is_reported_with_what_to_do_and_never_bought_again(twilio, run):
    twilio.get(VETTINGS_URL, json=page("data", [vetting(VT, "campaign-verify", "FAILED")], url=VETTINGS_URL))
    result = run(brand_vetting, CV)
    assert (result["changed"], result["created"], result["vetting"]["vetting_status"]) == (False, False, "FAILED")
    assert writes(twilio) == []
    [warning] = warned(result)
    assert "A2P brand vetting %s of brand %s by campaign-verify (class POLITICAL) is FAILED" % (VT, BN) in warning
    assert "get a new, valid Campaign Verify token" in warning and "never imports a second token" in warning
    waited = run(brand_vetting, {**CV, "wait": True})
    assert waited["failed"] is True and "is FAILED" in waited["msg"] and writes(twilio) == []


def test_the_newest_of_several_vettings_is_reported(twilio, run):
    older = vetting("VT" + "1" * 32, status="FAILED", date_created="2026-01-01T00:00:00Z")
    twilio.get(VETTINGS_URL, json=page("data", [vetting(status="SUCCESS"), older], url=VETTINGS_URL))
    result = run(brand_vetting, ARGS)
    assert (result["changed"], result["vetting"]["brand_vetting_sid"]) == (False, VT)
    assert writes(twilio) == []


def test_an_order_whose_answer_is_lost_is_looked_up_and_never_sent_twice(twilio, run):
    """A 5xx to the create: Twilio may have applied it, so the vettings are listed before any second order."""
    twilio.post(VETTINGS_URL, status_code=502, json=error(20500, 502, "Bad Gateway"))
    twilio.get(VETTINGS_URL, [{"json": page("data", items, url=VETTINGS_URL)} for items in ([], [vetting()])])
    result = run(brand_vetting, ARGS)
    assert len(writes(twilio)) == 1
    assert (result["changed"], result["created"], result["vetting"]["brand_vetting_sid"]) == (True, True, VT)


def test_a_vetting_of_another_provider_does_not_count(twilio, run):
    twilio.get(VETTINGS_URL, json=page("data", [vetting(provider="campaign-verify", status="SUCCESS")], url=VETTINGS_URL))
    result = run(brand_vetting, ARGS)
    assert result["created"] is True and sent(twilio) == [{"VettingProvider": "aegis"}]


def test_check_mode_writes_nothing_warns_of_the_fee_and_plans_the_same_shape(twilio, run):
    planned = run(brand_vetting, CV, check_mode=True, diff=True)
    assert writes(twilio) == []
    assert (planned["changed"], planned["created"]) == (True, True)
    assert any("costs a fee" in warning for warning in warned(planned))
    real = run(brand_vetting, CV)
    assert set(planned["vetting"]) == set(real["vetting"]) - {"brand_vetting_sid", "account_sid", "date_created", "date_updated", "url"}
    assert planned["vetting"] == {"brand_sid": BN, "vetting_provider": "campaign-verify", "vetting_status": "PENDING", "vetting_class": "POLITICAL"}
    assert sent(twilio) == [{"VettingProvider": "campaign-verify", "VettingId": TOKEN}]
    assert TOKEN not in json.dumps(planned) and TOKEN not in json.dumps(real)


def test_the_campaign_verify_token_never_shows_in_output(twilio, run):
    """The record Twilio returns holds the token; the result drops it, and the option's no_log masks it anywhere else."""
    twilio.get(VETTINGS_URL, json=page("data", [vetting(provider="campaign-verify", status="SUCCESS")], url=VETTINGS_URL))
    result = run(brand_vetting, CV, diff=True)
    assert TOKEN not in json.dumps(result)
    assert "vetting_id" not in result["vetting"]


@pytest.mark.parametrize("status", ["PENDING", "IN_REVIEW", "FAILED", "SUSPENDED"])
def test_a_brand_that_is_not_approved_is_refused_with_zero_writes(twilio, run, status):
    twilio.get(BRAND_URL, json=brand(BN, status=status))
    result = run(brand_vetting, ARGS)
    assert result["failed"] is True and result["changed"] is False
    assert result["msg"] == "A2P brand %s cannot be vetted: its status is %s, not APPROVED: a brand is vetted once Twilio approved it." % (BN, status)
    assert writes(twilio) == []


def test_a_sole_proprietor_brand_is_refused_with_zero_writes(twilio, run):
    twilio.get(BRAND_URL, json=brand(BN, brand_type="SOLE_PROPRIETOR"))
    result = run(brand_vetting, ARGS)
    assert result["failed"] is True and "SOLE_PROPRIETOR brand" in result["msg"]
    assert writes(twilio) == []


def test_an_unknown_brand_is_refused(twilio, run):
    twilio.get(BRAND_URL, status_code=404, json=error(20404, 404, "The requested resource was not found"))
    result = run(brand_vetting, ARGS)
    assert result["failed"] is True and "A2P brand %s does not exist in this account" % BN in result["msg"]
    assert writes(twilio) == []


def test_an_aegis_vetting_of_a_brand_vetted_at_registration_warns_before_buying(twilio, run):
    twilio.get(BRAND_URL, json=brand(BN, skip_automatic_sec_vet=False))
    result = run(brand_vetting, ARGS, check_mode=True)
    assert any("registered without skip_automatic_sec_vet" in warning for warning in warned(result))


def test_wait_polls_until_success(twilio, run, slept):
    twilio.get(VETTINGS_URL + "/" + VT, [{"json": vetting(status=status)} for status in ("IN_PROGRESS", "PENDING", "SUCCESS")])
    result = run(brand_vetting, {**ARGS, "wait": True, "poll_interval": 2})
    assert (result["changed"], result["vetting"]["vetting_status"]) == (True, "SUCCESS")
    assert slept == [2, 2]
    assert len(writes(twilio)) == 1


def test_wait_fails_on_failed_saying_what_to_do_and_what_was_ordered(twilio, run, slept):
    twilio.get(VETTINGS_URL + "/" + VT, json=vetting(status="FAILED"))
    result = run(brand_vetting, {**ARGS, "wait": True})
    assert result["failed"] is True and result["changed"] is True and result["created"] is True
    assert "A2P brand vetting %s of brand %s by aegis (class STANDARD) is FAILED" % (VT, BN) in result["msg"]
    assert "never buys a second one" in result["msg"]
    assert result["vetting"]["vetting_status"] == "FAILED" and result["writes"]["applied"] == 1


def test_wait_times_out_with_the_last_status(twilio, run, slept):
    twilio.get(VETTINGS_URL + "/" + VT, json=vetting(status="IN_PROGRESS"))
    result = run(brand_vetting, {**ARGS, "wait": True, "wait_timeout": 30, "poll_interval": 10})
    assert result["failed"] is True
    assert "Timed out after 30s waiting for A2P brand vetting %s to be SUCCESS or FAILED; its status is still IN_PROGRESS" % VT in result["msg"]
    assert sum(slept) == 30 and result["vetting"]["brand_vetting_sid"] == VT


def test_check_mode_never_waits(twilio, run, slept):
    result = run(brand_vetting, {**ARGS, "wait": True}, check_mode=True)
    assert result["changed"] is True and slept == [] and writes(twilio) == []


@pytest.mark.parametrize("args, text", [
    ({"vetting_provider": "campaign-verify"}, "vetting_id is required with vetting_provider=campaign-verify"),
    ({"vetting_provider": "campaign-verify", "vetting_id": "   "}, "vetting_id is blank"),
    ({"vetting_provider": "campaign-verify", "vetting_id": "cv|1.0 |tcr"}, "vetting_id contains white space"),
    ({"vetting_provider": "campaign-verify", "vetting_id": "notatokenatall"}, "vetting_id is not a whole Campaign Verify token"),
    ({"brand_sid": "BU" + "e" * 32}, "brand_sid"),
    ({"brand_sid": "BNshort"}, "brand_sid"),
    ({"vetting_provider": "tcr"}, "vetting_provider"),
    ({"wait_timeout": 0}, "wait_timeout must be at least 1 second"),
    ({"poll_interval": 0.5}, "poll_interval must be at least 1"),
])
def test_bad_input_fails_before_any_request(requests_mock, run, args, text):
    result = run(brand_vetting, {**ARGS, **args})
    assert result["failed"] is True and text in result["msg"]
    assert requests_mock.request_history == []
    secret = args.get("vetting_id")
    if secret and secret.strip():
        assert secret not in result["msg"]


def test_the_options_are_the_tables():
    spec = brand_vetting.BrandVetting.argument_spec
    assert {option: spec[option] for option in VETTING.options()} == {
        "brand_sid": {"type": "str", "required": True},
        "vetting_provider": {"type": "str", "choices": ["campaign-verify", "aegis"], "default": "aegis"},
        "vetting_id": {"type": "str", "no_log": True},
    }
    assert set(spec) == set(VETTING.options()) | {"wait", "wait_timeout", "poll_interval"}
