"""Issue 12: a check-mode run of a2p_brand and sender_pool returns what the real run returns, less what only Twilio assigns.

One real ansible-playbook run against the emulator: two tasks set up the pools, then each module runs in check mode and
for real with the same options; the emulator's log shows that only the real runs wrote.
"""

from __future__ import annotations

from harness import account, auth_for

NUMBERS = [{"phone_number": "+1555020%04d" % i, "sid": "PN%032x" % (0x9000 + i)} for i in range(3)]
BUNDLES = {"customer_profile_bundle_sid": "BU" + "4" * 32, "a2p_profile_bundle_sid": "BU" + "5" * 32}
# What only Twilio assigns (_fields.ASSIGNED): the tests do not import the collection's code to say what it should do.
ASSIGNED = {"sid", "account_sid", "date_created", "date_updated", "url", "links"}
POOL = {"service": "Flex", "phone_numbers": [NUMBERS[1]["phone_number"], NUMBERS[2]["sid"]], "alpha_senders": ["ACME"], "exclusive": True,
        "on_conflict": "move"}
BRAND = {**BUNDLES, "skip_automatic_sec_vet": True}


def test_check_mode_results_have_the_real_runs_keys(emulator_factory, make_playbook, ansible_playbook):
    acc = account("c", phone_numbers=NUMBERS, services=[{"friendly_name": "Flex"}, {"friendly_name": "Other"}])
    emulator = emulator_factory({"accounts": [acc]})
    playbook = make_playbook(
        auth_for(acc),
        ("Other holds a number", "sender_pool", {"service": "Other", "phone_numbers": [NUMBERS[1]["phone_number"]]}),
        ("Flex holds a number", "sender_pool", {"service": "Flex", "phone_numbers": [NUMBERS[0]["phone_number"]]}),
        ("Pool planned", "sender_pool", POOL, {"check_mode": True}),
        ("Pool", "sender_pool", POOL),
        ("Brand planned", "a2p_brand", BRAND, {"check_mode": True}),
        ("Brand", "a2p_brand", BRAND),
    )
    run = ansible_playbook(playbook, emulator)
    assert run.rc == 0, run.stdout[-4000:]
    # Two set-up additions, the pool's move (out of Other, into Flex), two additions and one removal, one registration.
    assert sorted((w["method"], w["path"].rsplit("/", 1)[-1]) for w in run.writes) == sorted(
        [("POST", "PhoneNumbers")] * 4 + [("DELETE", NUMBERS[1]["sid"]), ("DELETE", NUMBERS[0]["sid"]), ("POST", "AlphaSenders"),
                                          ("POST", "BrandRegistrations")])

    planned, real = run.result("Brand planned"), run.result("Brand")
    assert (planned["changed"], planned["adopted"], real["changed"], real["adopted"]) == (True, False, True, False)
    assert set(planned["brand"]) == set(real["brand"]) - ASSIGNED
    assert planned["brand"] == {key: real["brand"][key] for key in planned["brand"]}  # the emulator's new brand, field by field
    assert (planned["brand"]["status"], planned["brand"]["skip_automatic_sec_vet"], planned["brand"]["brand_type"]) == ("PENDING", True, "STANDARD")

    planned, real = run.result("Pool planned"), run.result("Pool")
    assert planned["changed"] is real["changed"] is True
    for key in ("service_sid", "added", "removed", "moved", "senders"):
        assert key in planned and key in real, key
    for key in ("added", "removed", "moved", "senders"):
        assert [sorted(m) for m in planned[key]] == [sorted(m) for m in real[key]], key
        assert [(m["kind"], m["value"]) for m in planned[key]] == [(m["kind"], m["value"]) for m in real[key]], key
    assert [m["sid"] for m in planned["added"]] == [NUMBERS[2]["sid"], None]  # the alpha sender's SID comes from Twilio
    assert real["added"][1]["sid"].startswith("AI")
    other = run.result("Other holds a number")["service_sid"]
    assert planned["moved"] == real["moved"] == [{"sid": NUMBERS[1]["sid"], "kind": "phone_number", "value": NUMBERS[1]["phone_number"],
                                                  "from_service": other}]
    assert planned["removed"] == real["removed"] == [{"sid": NUMBERS[0]["sid"], "kind": "phone_number", "value": NUMBERS[0]["phone_number"]}]
