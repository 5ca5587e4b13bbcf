"""messaging_service and messaging_service_info: real ansible-playbook runs against the emulator, judged by its log."""

from __future__ import annotations

from harness import account, auth_for

FLEX = {"friendly_name": "Flex contact center", "use_inbound_webhook_on_number": True, "usecase": "discussion"}


def services_of(emulator, account_sid):
    """The services of one account as the emulator holds them."""
    state = emulator.state()
    return state["accounts"][account_sid]["services"]


def test_create_then_second_run_changes_nothing(emulator, make_playbook, ansible_playbook):
    acc = emulator.seed["accounts"][0]
    playbook = make_playbook(auth_for(acc), ("Flex service", "messaging_service", FLEX))

    first = ansible_playbook(playbook, emulator)
    assert first.rc == 0, first.stdout
    created = first.result("Flex service")
    assert created["changed"] is True
    assert created["service"]["sid"].startswith("MG")
    assert created["service"]["use_inbound_webhook_on_number"] is True
    assert [(w["method"], w["path"]) for w in first.writes] == [("POST", "/v1/Services")]
    assert first.writes[0]["form"] == {"FriendlyName": "Flex contact center", "UseInboundWebhookOnNumber": "true", "Usecase": "discussion"}

    second = ansible_playbook(playbook, emulator)
    assert second.rc == 0, second.stdout
    assert second.result("Flex service")["changed"] is False
    assert second.writes == []
    assert second.requests, "the second run must still read the service"
    assert len(services_of(emulator, acc["sid"])) == 1


def test_check_mode_reports_change_and_writes_nothing(emulator, make_playbook, ansible_playbook):
    acc = emulator.seed["accounts"][0]
    assert ansible_playbook(make_playbook(auth_for(acc), ("Flex service", "messaging_service", FLEX)), emulator).rc == 0

    changed = make_playbook(auth_for(acc), ("Flex service", "messaging_service", {**FLEX, "sticky_sender": False}))
    check = ansible_playbook(changed, emulator, "--check", "--diff")
    assert check.rc == 0, check.stdout
    result = check.result("Flex service")
    assert result["changed"] is True
    assert check.writes == []
    assert result["diff"]["before"]["sticky_sender"] is True
    assert result["diff"]["after"]["sticky_sender"] is False
    assert "-    \"sticky_sender\": true" in check.stdout and "+    \"sticky_sender\": false" in check.stdout
    assert [s["sticky_sender"] for s in services_of(emulator, acc["sid"])] == [True]

    real = ansible_playbook(changed, emulator)
    assert real.result("Flex service")["changed"] is True
    assert [w["form"] for w in real.writes] == [{"StickySender": "false"}]


def test_check_mode_create_writes_nothing(emulator, make_playbook, ansible_playbook):
    acc = emulator.seed["accounts"][0]
    run = ansible_playbook(make_playbook(auth_for(acc), ("Flex service", "messaging_service", FLEX)), emulator, "--check")
    assert run.rc == 0, run.stdout
    assert run.result("Flex service")["changed"] is True
    assert run.writes == []
    assert services_of(emulator, acc["sid"]) == []


def test_absent_deletes_and_again_is_a_noop(emulator, make_playbook, ansible_playbook):
    acc = emulator.seed["accounts"][0]
    assert ansible_playbook(make_playbook(auth_for(acc), ("Flex service", "messaging_service", FLEX)), emulator).rc == 0
    absent = make_playbook(auth_for(acc), ("Remove", "messaging_service", {"friendly_name": FLEX["friendly_name"], "state": "absent"}))

    first = ansible_playbook(absent, emulator)
    assert first.result("Remove")["changed"] is True
    assert [w["method"] for w in first.writes] == ["DELETE"]
    assert not services_of(emulator, acc["sid"])

    again = ansible_playbook(absent, emulator)
    assert again.result("Remove")["changed"] is False
    assert again.writes == []


def test_rename_by_sid_with_api_key(emulator, make_playbook, ansible_playbook):
    acc = emulator.seed["accounts"][0]
    created = ansible_playbook(make_playbook(auth_for(acc), ("Flex service", "messaging_service", FLEX)), emulator)
    sid = created.result("Flex service")["service"]["sid"]
    run = ansible_playbook(make_playbook(auth_for(acc, api_key=True),
                                         ("Rename", "messaging_service", {"sid": sid, "friendly_name": "Flex (US)"})), emulator)
    assert run.rc == 0, run.stdout
    assert run.result("Rename")["service"]["friendly_name"] == "Flex (US)"
    assert [(w["path"], w["form"]) for w in run.writes] == [("/v1/Services/" + sid, {"FriendlyName": "Flex (US)"})]
    assert all(r["account_sid"] == acc["sid"] for r in run.requests)


def test_duplicate_names_fail_listing_the_sids(emulator_factory, make_playbook, ansible_playbook):
    acc = account("c", services=[{"friendly_name": "Flex"}, {"friendly_name": "Flex"}])
    emulator = emulator_factory({"accounts": [acc]})
    run = ansible_playbook(make_playbook(auth_for(acc), ("Flex service", "messaging_service", {"friendly_name": "Flex", "sticky_sender": False})), emulator)
    assert run.rc != 0
    result = run.result("Flex service")
    assert run.status("Flex service") == "failed"
    sids = [s["sid"] for s in services_of(emulator, acc["sid"])]
    assert sorted(result["sids"]) == sorted(sids) and len(sids) == 2
    assert all(sid in result["msg"] for sid in sids)
    assert run.writes == []


def test_bad_credentials_fail_clearly(emulator, make_playbook, ansible_playbook):
    acc = emulator.seed["accounts"][0]
    run = ansible_playbook(make_playbook({"account_sid": acc["sid"], "auth_token": "wrong-token-value"},
                                         ("Flex service", "messaging_service", FLEX)), emulator)
    assert run.rc != 0 and run.status("Flex service") == "failed"
    result = run.result("Flex service")
    assert "Twilio error 20003 (HTTP 401)" in result["msg"]
    assert result["error"]["code"] == 20003
    assert "Traceback" not in run.stdout + run.stderr
    assert "wrong-token-value" not in run.stdout + run.stderr
    assert run.writes == []


def test_accounts_are_isolated(emulator, make_playbook, ansible_playbook):
    acc_a, acc_b = emulator.seed["accounts"]
    created = ansible_playbook(make_playbook(auth_for(acc_a), ("Flex service", "messaging_service", FLEX)), emulator)
    sid = created.result("Flex service")["service"]["sid"]
    run = ansible_playbook(make_playbook(auth_for(acc_b), ("Foreign", "messaging_service", {"sid": sid, "friendly_name": "Taken"}),), emulator)
    assert run.rc != 0 and run.status("Foreign") == "failed"
    assert "No messaging service has sid='%s' in account %s" % (sid, acc_b["sid"]) in run.result("Foreign")["msg"]
    assert run.writes == []


def test_info_pages_through_more_than_one_page(emulator_factory, make_playbook, ansible_playbook):
    acc = account("d", services=[{"friendly_name": "svc-%04d" % i} for i in range(1203)] + [{"friendly_name": "Flex"}])
    emulator = emulator_factory({"accounts": [acc]})
    run = ansible_playbook(make_playbook(auth_for(acc), ("All", "messaging_service_info", {}),
                                         ("Flex only", "messaging_service_info", {"friendly_name": "Flex"})), emulator)
    assert run.rc == 0, run.stdout
    assert len(run.result("All")["services"]) == 1204
    assert [s["friendly_name"] for s in run.result("Flex only")["services"]] == ["Flex"]
    pages = [r for r in run.requests if r["path"] == "/v1/Services"]
    assert len(pages) == 4
    assert all(r["query"].get("PageSize") == "1000" for r in pages)
    assert run.writes == []
