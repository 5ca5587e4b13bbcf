"""Issue 10, "Routing": a number's inbound SMS reach Flex only if the Messaging Service whose pool holds it defers to the
number's webhook (Twilio's spec: with use_inbound_webhook_on_number false the service's inbound_request_url gets them,
and a null URL drops them). flex_routing_info judges that, with the why; the flex_a2p role's preflight judges it as it
will be after the run (the role's own service always defers), and its post-check judges it again after the writes.
Real ansible-playbook runs against the emulator; the pools are set up by direct API calls, as a Console user would."""

from __future__ import annotations

import json
import threading
import time

import requests
import yaml
from harness import account
from rollout_kit import CAMPAIGN, ROLLOUT, SERVICE

MARKETING_URL = "https://example.com/marketing"
SECRET_URL = "https://alice:hunter2@example.com/mkt?token=SECRET123"
OWN_SECRET_URL = "https://carol:s3cret-own@example.net/own?sig=OWNTOKEN"


def numbers(char, count, **fields):
    return [{"phone_number": "+1555%s00000%d" % (char, i), "sid": "PN%s%031x" % (char, i), "sms_url": "", **fields} for i in range(1, count + 1)]


def addresses(owned):
    return [{"type": "sms", "address": n["phone_number"], "sid": "IG" + n["sid"][2:]} for n in owned]


def service_sid(char, index):
    return "MG%s%031x" % (char, index)


def api(emulator, acc, method, path, **form):
    response = requests.request(method, emulator.url + path, data=form, auth=(acc["sid"], acc["auth_token"]), timeout=10)
    assert response.ok, response.text
    return response.json()


def pool(emulator, acc, service, *owned):
    for number in owned:
        api(emulator, acc, "POST", "/messaging/v1/Services/%s/PhoneNumbers" % service, PhoneNumberSid=number["sid"])


def results_of(run, host, task_suffix):
    return [r for r in run.results if r["host"] == host and r["task"].endswith(task_suffix)]


def only(run, host, task_suffix):
    found = [r for r in results_of(run, host, task_suffix) if r["status"] != "skipped"]
    assert len(found) == 1, (host, task_suffix, [(r["task"], r["status"]) for r in run.results if r["host"] == host], run.stdout[-4000:])
    return found[0]


def writes_of(run, acc):
    return [(w["method"], w["path"]) for w in run.writes if w.get("account_sid") == acc["sid"]]


def test_a_number_in_a_service_that_does_not_defer_is_broken_in_flex_routing_info_with_the_why(emulator_factory, make_playbook, ansible_playbook):
    conversations, legacy = numbers("1", 4), numbers("2", 3)
    proxy_webhook = "https://webhooks.twilio.com/v1/Accounts/AC%s/Proxy/KS%s/Webhooks/Message" % ("1" * 32, "1" * 32)
    legacy[0]["sms_url"] = proxy_webhook
    legacy[1]["sms_url"] = OWN_SECRET_URL  # unused while its service does not defer; legacy[2] keeps an empty sms_url
    acc = account("1", phone_numbers=conversations + legacy, address_configurations=addresses(conversations),
                  flex_flows=[{"friendly_name": "SMS %d" % i, "channel_type": "sms", "contact_identity": n["phone_number"], "enabled": True}
                              for i, n in enumerate(legacy)],
                  services=[{"sid": service_sid("1", 1), "friendly_name": "Marketing", "inbound_request_url": MARKETING_URL},
                            {"sid": service_sid("1", 2), "friendly_name": "Old"},
                            {"sid": service_sid("1", 3), "friendly_name": "Flex", "use_inbound_webhook_on_number": True},
                            {"sid": service_sid("1", 4), "friendly_name": "Legacy via Proxy", "inbound_request_url": proxy_webhook},
                            {"sid": service_sid("1", 5), "friendly_name": "Legacy elsewhere", "inbound_request_url": MARKETING_URL}])
    emulator = emulator_factory({"accounts": [acc]})
    for index, number in ((1, conversations[0]), (2, conversations[1]), (3, conversations[2]), (4, legacy[0]), (5, legacy[1]), (4, legacy[2])):
        pool(emulator, acc, service_sid("1", index), number)
    # Twilio accepts user:password@ in webhook URLs (HTTP authentication); set as a Console user would
    api(emulator, acc, "POST", "/messaging/v1/Services/%s" % service_sid("1", 5), InboundRequestUrl=SECRET_URL)
    # the Account resource answers 503 to every attempt: its friendly name is cosmetic
    refuse = {"product": "api", "path": "/2010-04-01/Accounts/%s.json" % acc["sid"], "503": 1}
    requests.post(emulator.url + "/_emulator/faults", json={"rules": [refuse]}, timeout=10).raise_for_status()

    run = ansible_playbook(make_playbook(
        {"account_sid": acc["sid"], "auth_token": acc["auth_token"], "max_retries": 1, "retry_backoff": 0},
        ("Conversations numbers", "flex_routing_info", {"phone_numbers": [n["phone_number"] for n in conversations], "inbound_routing": "conversations"}),
        ("Legacy numbers", "flex_routing_info", {"phone_numbers": [n["phone_number"] for n in legacy] + [legacy[0]["sid"]], "inbound_routing": "legacy"}),
        ("Numbers and account", "phone_number_info", {"phone_numbers": [n["phone_number"] for n in legacy], "include_account": True})), emulator)
    assert run.rc == 0, run.stdout[-4000:]
    assert run.writes == []
    entries = {e["phone_number"]: e for task in ("Conversations numbers", "Legacy numbers") for e in run.result(task)["phone_numbers"]}
    marketing, old, deferring, unpooled = (entries[n["phone_number"]] for n in conversations)
    assert (marketing["routes_to_flex"], marketing["messaging_service_sid"], marketing["service_defers"]) == (False, service_sid("1", 1), False)
    assert marketing["service_inbound_request_url"] == MARKETING_URL and marketing["number_problems"] == []
    assert marketing["problems"] == [marketing["service_problem"]] == [
        "its messaging service %s does not defer to the number's webhook (use_inbound_webhook_on_number false): inbound SMS go to the "
        "service's inbound_request_url %s, not to Flex" % (service_sid("1", 1), MARKETING_URL)]
    assert old["routes_to_flex"] is False and old["service_inbound_request_url"] is None
    assert "inbound SMS are dropped (no inbound_request_url)" in old["service_problem"]
    assert (deferring["routes_to_flex"], deferring["service_defers"], deferring["service_problem"]) == (True, True, None)
    assert (unpooled["routes_to_flex"], unpooled["messaging_service_sid"], unpooled["service_defers"]) == (True, None, None)
    assert [e["phone_number"] for e in run.result("Conversations numbers")["broken"]] == [conversations[0]["phone_number"], conversations[1]["phone_number"]]
    via_proxy, elsewhere, via_proxy_without_own_webhook = (entries[n["phone_number"]] for n in legacy)
    assert via_proxy["routes_to_flex"] is True and via_proxy["service_defers"] is False  # the service's URL is Flex's Proxy webhook
    assert [e["sid"] for e in run.result("Legacy numbers")["phone_numbers"]] == [n["sid"] for n in legacy]  # given twice, one entry
    # Legacy Flex through the service's Proxy webhook reaches Flex now; the number's empty sms_url matters once the service defers.
    assert via_proxy_without_own_webhook["routes_to_flex"] is True and via_proxy_without_own_webhook["problems"] == []
    assert via_proxy_without_own_webhook["latent_problems"] == [
        "sms_url is '', not Flex's Proxy webhook (https://webhooks.twilio.com/v1/Accounts/AC.../Proxy/KS.../Webhooks/Message); "
        "this matters once the service defers to the number's webhook"]
    # No password or token of a webhook URL in any result.
    assert elsewhere["routes_to_flex"] is False and "inbound_request_url https://***@example.com/mkt?..., not to Flex" in elsewhere["service_problem"]
    assert elsewhere["service_inbound_request_url"] == "https://***@example.com/mkt?..." and elsewhere["sms_url"] == "https://***@example.net/own?..."
    assert elsewhere["latent_problems"][0].startswith("sms_url is 'https://***@example.net/own?...', not Flex's Proxy webhook")
    listed = run.result("Numbers and account")
    assert [n["sms_url"] for n in listed["phone_numbers"]] == [proxy_webhook, "https://***@example.net/own?...", ""]
    shown = json.dumps([r["result"] for r in run.results]) + run.stdout
    assert not [secret for secret in ("hunter2", "SECRET123", "s3cret-own", "OWNTOKEN", "alice", "carol") if secret in shown]
    # The Account resource failed after the retry: a note, not a failure.
    assert listed["account"]["friendly_name"] is None
    assert listed["account"]["note"] == "friendly name not read: HTTP 503, Twilio error 20503 (Service Unavailable) after 1 retries"


# The role's accounts: each a Flex Conversations account whose numbers have sms address configurations.
STAY, WARN, DRIFT, LATE = "3", "4", "5", "6"
OWN_URL = "https://example.com/own"


def role_seed():
    owned = {char: numbers(char, 2) for char in (STAY, WARN, DRIFT, LATE)}
    owned[WARN][1]["sms_url"] = OWN_URL  # its own webhook runs beside the address configuration: not what Flex needs
    accounts = {char: account(char, phone_numbers=owned[char], address_configurations=addresses(owned[char])) for char in owned}
    # A listed number sits in a Marketing service that keeps inbound SMS for its own URL; the role may not move it.
    accounts[STAY]["services"] = [{"sid": service_sid(STAY, 1), "friendly_name": "Marketing", "inbound_request_url": MARKETING_URL}]
    # A listed number sits in an old service without inbound URL (drops inbound SMS); the role moves it.
    accounts[WARN]["services"] = [{"sid": service_sid(WARN, 1), "friendly_name": "Old"}]
    # The role's own service drifted: it holds the numbers but no longer defers to their webhooks.
    accounts[DRIFT]["services"] = [{"sid": service_sid(DRIFT, 1), "friendly_name": SERVICE, "usecase": "discussion"}]
    accounts[LATE]["brands"] = [{"sid": "BN" + LATE * 32, "customer_profile_bundle_sid": "BU" + LATE * 32,
                                 "a2p_profile_bundle_sid": "BU" + LATE * 31 + "0", "status": "APPROVED"}]
    return accounts, owned


def role_inventory(directory, accounts, owned):
    hosts = {"stay": STAY, "warn": WARN, "drift": DRIFT, "late": LATE}
    (directory / "host_vars").mkdir(parents=True)
    (directory / "hosts.yml").write_text(yaml.safe_dump({"twilio_accounts": {"hosts": {host: None for host in hosts}}}), encoding="utf-8")
    for host, char in hosts.items():
        host_vars = {"ansible_python_interpreter": "{{ ansible_playbook_python }}",
                     "twilio_account_sid": accounts[char]["sid"], "twilio_auth_token": accounts[char]["auth_token"],
                     "flex_a2p_service_name": SERVICE, "flex_a2p_service_usecase": "discussion", "flex_a2p_inbound_routing": "conversations",
                     "flex_a2p_phone_numbers": [n["phone_number"] for n in owned[char]]}
        if char == WARN:
            host_vars.update(flex_a2p_routing_check="warn", flex_a2p_on_conflict="move")
        if char == LATE:
            host_vars.update(flex_a2p_brand_sid="BN" + LATE * 32, flex_a2p_campaign=CAMPAIGN, flex_a2p_wait_for_campaign=True,
                             flex_a2p_campaign_poll_interval=1, flex_a2p_campaign_wait_timeout=120)
        (directory / "host_vars" / ("%s.yml" % host)).write_text(yaml.safe_dump(host_vars), encoding="utf-8")
    return directory


def switch_defer_off_while_the_campaign_is_in_review(emulator, acc, done):
    """A Flex admin turns "Defer to sender's webhook" off in the Console while the role waits for the campaign's review;
    then Twilio verifies the campaign and the role's wait ends."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not done.is_set():
        created = [r for r in emulator.records() if r.get("account_sid") == acc["sid"] and r["method"] == "POST"
                   and r["path"].endswith("/Compliance/Usa2p") and r["status"] == 201]
        if created:
            service = created[0]["path"].split("/")[3]
            api(emulator, acc, "POST", "/messaging/v1/Services/%s" % service, UseInboundWebhookOnNumber="false")
            campaign = created[0]["response"]["sid"]
            requests.post(emulator.url + "/_emulator/campaigns/" + campaign, json={"campaign_status": "VERIFIED"}, timeout=10).raise_for_status()
            return
        time.sleep(0.05)


def test_the_role_judges_routing_as_it_will_be_after_the_run_and_checks_it_again_after_the_writes(emulator_factory, ansible_playbook, tmp_path):
    accounts, owned = role_seed()
    emulator = emulator_factory({"accounts": list(accounts.values())})
    pool(emulator, accounts[STAY], service_sid(STAY, 1), owned[STAY][0])
    pool(emulator, accounts[WARN], service_sid(WARN, 1), owned[WARN][0])
    pool(emulator, accounts[DRIFT], service_sid(DRIFT, 1), *owned[DRIFT])
    done = threading.Event()
    watcher = threading.Thread(target=switch_defer_off_while_the_campaign_is_in_review, args=(emulator, accounts[LATE], done), daemon=True)
    watcher.start()
    try:
        run = ansible_playbook(ROLLOUT, emulator, "-i", str(role_inventory(tmp_path / "inventory", accounts, owned)))
    finally:
        done.set()
        watcher.join(timeout=10)
    assert run.rc != 0  # stay and late fail

    # A listed number would stay in a service that keeps its inbound SMS: the role stops before any write, saying why.
    stay = only(run, "stay", "Stop before any change when the plan found problems")
    assert stay["status"] == "failed"
    assert "sender pool: " in stay["result"]["msg"] and "is in the pool of messaging service %s" % service_sid(STAY, 1) in stay["result"]["msg"]
    assert ("Flex routing: %s does not route inbound SMS to Flex: its messaging service %s does not defer to the number's webhook "
            "(use_inbound_webhook_on_number false): inbound SMS go to the service's inbound_request_url %s, not to Flex (this run leaves the "
            "number in that service)" % (owned[STAY][0]["phone_number"], service_sid(STAY, 1), MARKETING_URL)) in stay["result"]["msg"]
    assert writes_of(run, accounts[STAY]) == []

    # Warn mode goes on: the number moved into the role's service is fixed by the run, the one with its own webhook is warned about.
    fixes = only(run, "warn", "Say which numbers' Flex routing this run fixes")["result"]["msg"]
    assert fixes.startswith("This run fixes the messaging-service problem of 1 number(s)") and owned[WARN][0]["phone_number"] in fixes
    assert "%s does not defer to the number's webhook" % service_sid(WARN, 1) in fixes and "are dropped (no inbound_request_url)" in fixes
    warning = only(run, "warn", "Warn about numbers that do not route to Flex")["result"]["msg"]
    assert warning.startswith("WARNING: these numbers do not route inbound SMS to Flex (conversations), and this run does not change that: ")
    assert "%s: sms_url is '%s'" % (owned[WARN][1]["phone_number"], OWN_URL) in warning and owned[WARN][0]["phone_number"] not in warning
    after = only(run, "warn", "Warn about numbers that do not route to Flex after the changes")["result"]["msg"]
    assert owned[WARN][1]["phone_number"] in after and owned[WARN][0]["phone_number"] not in after
    assert ("DELETE", "/v1/Services/%s/PhoneNumbers/%s" % (service_sid(WARN, 1), owned[WARN][0]["sid"])) in writes_of(run, accounts[WARN])
    assert not [r for r in run.results if r["host"] == "warn" and r["status"] == "failed"]

    # The drifted service: the rollout fixes it; the preflight does not stop, the post-check passes.
    fixes = only(run, "drift", "Say which numbers' Flex routing this run fixes")["result"]["msg"]
    assert "This run fixes the messaging-service problem of 2 number(s)" in fixes
    assert [w for w in run.writes if w.get("account_sid") == accounts[DRIFT]["sid"]][0]["form"]["UseInboundWebhookOnNumber"] == "true"
    checked = only(run, "drift", "Read the numbers' own inbound settings and their Flex routing after the changes")["result"]["routing"]
    assert checked["broken"] == [] and all(e["service_defers"] for e in checked["phone_numbers"])
    assert not [r for r in run.results if r["host"] == "drift" and r["status"] == "failed"]
    assert emulator.state()["accounts"][accounts[DRIFT]["sid"]]["services"][0]["use_inbound_webhook_on_number"] is True

    # The service stopped deferring during the run: the post-check fails, saying what the run wrote.
    late = only(run, "late", "Stop when a number does not route to Flex after the changes")
    assert late["status"] == "failed"
    assert late["result"]["changed"] is True  # a failure after writes says it changed something
    assert late["result"]["msg"].startswith("flex_a2p: the run already wrote: the messaging service, the sender pool (2 added, 0 moved, 0 removed), "
                                            "the campaign; after the changes, 2 number(s) do not route inbound SMS to Flex (conversations): ")
    assert "are dropped (no inbound_request_url)" in late["result"]["msg"]
