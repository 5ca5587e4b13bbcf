"""Credentials of one account cannot read or change another account's services, senders or campaigns.

Account B gets a service, a pool and a campaign; then every module, with account A's credentials, tries to read or
change them. Twilio (the emulator) answers 20404 for B's SIDs on the Messaging API and 20003 for B's 2010 paths;
each module says that the resource is not in A's account (the credentials' account). B's state does not change and
A's run writes nothing. Prints the attempts and the answers; docs/reliability.md quotes them.
"""

from __future__ import annotations

import collections
import json
from typing import Any

import yaml
from harness import account, auth_for

NUMBERS_A = [{"phone_number": "+1555000800%d" % i, "sid": "PN%032x" % (0x8A00 + i), "sms_url": ""} for i in (1, 2)]
NUMBERS_B = [{"phone_number": "+1555000900%d" % i, "sid": "PN%032x" % (0x9B00 + i), "sms_url": ""} for i in (1, 2)]
MG_A, MG_B = "MG" + "a" * 32, "MG" + "b" * 32
BN_A, BN_B = "BN" + "a" * 32, "BN" + "b" * 32


def member(char: str, numbers: list[dict[str, str]]) -> dict[str, Any]:
    return account(char, phone_numbers=numbers, services=[{"sid": "MG" + char * 32, "friendly_name": "Flex"}],
                   address_configurations=[{"type": "sms", "address": n["phone_number"], "sid": "IG" + n["sid"][2:]} for n in numbers],
                   brands=[{"sid": "BN" + char * 32, "customer_profile_bundle_sid": "BU" + char * 32, "a2p_profile_bundle_sid": "BU" + "9" * 32,
                            "status": "APPROVED"}])


A, B = member("a", NUMBERS_A), member("b", NUMBERS_B)
CAMPAIGN = {"usecase": "CUSTOMER_CARE", "description": "Customer care conversations between Example Co agents and customers who wrote first.",
            "message_flow": "Customers text our published support number, or opt in on https://example.com/sms.",
            "message_samples": ["Hi Dana, this is Sam from Example Co support. Your replacement ships today.",
                                "Example Co: your case 4411 is resolved. Reply HELP for help, STOP to opt out."],
            "has_embedded_links": False, "has_embedded_phone": False}
NOT_A_SERVICE = "service='%s': the account %s has no messaging service with that sid" % (MG_B, A["sid"])
# (name, module, args, expected: "failed" with these texts in msg, or "ok" with these texts in a warning or the result)
ATTEMPTS: list[tuple[str, str, dict[str, Any], str, list[str]]] = [
    ("rename B's service", "messaging_service", {"sid": MG_B, "friendly_name": "Taken"}, "failed",
     ["No messaging service has sid='%s' in account %s (the account of the task's credentials" % (MG_B, A["sid"])]),
    ("delete B's service", "messaging_service", {"sid": MG_B, "state": "absent"}, "ok",
     ["No messaging service has sid='%s' in account %s" % (MG_B, A["sid"]), "nothing to delete"]),
    ("read B's service", "messaging_service_info", {"sid": MG_B}, "ok", ["No messaging service has sid='%s' in account %s" % (MG_B, A["sid"])]),
    ("add to B's pool", "sender_pool", {"service": MG_B, "phone_numbers": [NUMBERS_A[0]["phone_number"]]}, "failed", [NOT_A_SERVICE]),
    ("remove B's sender", "sender_pool", {"service": MG_B, "phone_numbers": [NUMBERS_B[0]["phone_number"]], "state": "absent"}, "failed",
     [NOT_A_SERVICE]),
    ("take B's number", "sender_pool", {"service": MG_A, "phone_numbers": [NUMBERS_B[0]["phone_number"]]}, "failed",
     ["'%s' is not a phone number of account %s" % (NUMBERS_B[0]["phone_number"], A["sid"])]),
    ("take B's number by SID", "sender_pool", {"service": MG_A, "phone_numbers": [NUMBERS_B[1]["sid"]]}, "failed",
     ["'%s' is not a phone number of account %s" % (NUMBERS_B[1]["sid"], A["sid"])]),
    ("delete B's campaign", "a2p_campaign", {"service": MG_B, "state": "absent"}, "failed", [NOT_A_SERVICE]),
    ("replace B's campaign", "a2p_campaign", {"service": MG_B, "brand_registration_sid": BN_A, "replace": True, **CAMPAIGN}, "failed",
     [NOT_A_SERVICE]),
    ("use B's brand", "a2p_campaign", {"service": MG_A, "brand_registration_sid": BN_B, **CAMPAIGN}, "failed",
     ["brand_registration_sid='%s': the account has no such A2P brand (it is not a brand of account %s" % (BN_B, A["sid"])]),
    ("link B's service", "a2p_external_campaign", {"service": MG_B, "campaign_id": "CISO001"}, "failed", [NOT_A_SERVICE]),
    ("read B's brand", "a2p_brand_info", {"sid": BN_B}, "ok", ["No A2P brand has sid='%s' in account %s" % (BN_B, A["sid"])]),
    ("read B's numbers", "phone_number_info", {"phone_numbers": [n["phone_number"] for n in NUMBERS_B]}, "ok",
     ['"missing": ["%s", "%s"]' % tuple(n["phone_number"] for n in NUMBERS_B),
      "phone_numbers: account %s (the account of the task's credentials) does not own %s, %s" % (A["sid"], *(n["phone_number"] for n in NUMBERS_B))]),
    ("check B's routing", "flex_routing_info", {"phone_numbers": [NUMBERS_B[0]["phone_number"]], "inbound_routing": "conversations"}, "ok",
     ['"missing": ["%s"]' % NUMBERS_B[0]["phone_number"],
      "phone_numbers: account %s (the account of the task's credentials) does not own %s" % (A["sid"], NUMBERS_B[0]["phone_number"])]),
    ("A's API key as account B", "messaging_service_info", {"account_sid": B["sid"], "api_key_sid": A["api_keys"][0]["sid"],
                                                            "api_key_secret": "{{ creds.a_key_secret }}", "auth_token": "{{ omit }}"}, "failed",
     ["Twilio refused api_key_sid='%s' with its api_key_secret for account_sid='%s'" % (A["api_keys"][0]["sid"], B["sid"]),
      "the key belongs to another account"]),
    ("A's token as account B", "phone_number_info", {"account_sid": B["sid"]}, "failed",
     ["Twilio refused account_sid='%s' with its auth_token" % B["sid"], "auth token of another account"]),
]


def attack_playbook(directory) -> Any:
    """Every attempt as a task with account A's credentials (module_defaults), ignore_errors so that all run."""
    (directory / "creds.yml").write_text(yaml.safe_dump({"twilio_auth": auth_for(A), "creds": {"a_key_secret": A["api_keys"][0]["secret"]}}),
                                         encoding="utf-8")
    tasks = [{"name": name, "tendlc.twilio." + module: args, "ignore_errors": True} for name, module, args, _status, _texts in ATTEMPTS]
    play = {"name": "account A reaches for account B", "hosts": "localhost", "connection": "local", "gather_facts": False,
            "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"}, "vars_files": [str(directory / "creds.yml")],
            "module_defaults": {"group/tendlc.twilio.twilio": "{{ twilio_auth }}"}, "tasks": tasks}
    path = directory / "attack.yml"
    path.write_text(yaml.safe_dump([play], sort_keys=False), encoding="utf-8")
    return path


def test_one_accounts_credentials_cannot_reach_another_account(emulator_factory, make_playbook, ansible_playbook, tmp_path, capsys):
    emulator = emulator_factory({"accounts": [A, B]})
    setup = ansible_playbook(make_playbook(auth_for(B), ("Pool", "sender_pool", {"service": MG_B, "phone_numbers": [n["sid"] for n in NUMBERS_B]}),
                                           ("Campaign", "a2p_campaign", {"service": MG_B, "brand_registration_sid": BN_B, **CAMPAIGN})), emulator)
    assert setup.rc == 0, setup.stdout[-3000:]
    before = emulator.state()["accounts"][B["sid"]]

    run = ansible_playbook(attack_playbook(tmp_path), emulator)
    problems = []
    for name, _module, _args, status, texts in ATTEMPTS:
        entry = run.entry(name)
        shown = str(entry["result"].get("msg", "")) + " ".join(entry["result"].get("warnings") or []) + run.stdout + json.dumps(entry["result"])
        if entry["status"] != status:
            problems.append("%s: %s, expected %s: %s" % (name, entry["status"], status, entry["result"].get("msg")))
        problems += ["%s: %r not said: %s" % (name, text, entry["result"].get("msg")) for text in texts if text not in shown]
        if status == "ok" and entry["result"].get("changed"):
            problems.append("%s: changed" % name)
    answers = collections.Counter((r["status"], (r["response"] or {}).get("code")) for r in run.requests if r["status"] in (401, 403, 404))
    touching_b = [r for r in run.requests if MG_B in r["path"] or BN_B in r["path"] or B["sid"] in r["path"]]
    with capsys.disabled():
        print("\n[isolation] %d attempts with account A's credentials on account B's services, senders, campaigns, brand and numbers: "
              "%d refused by the module, %d answered with nothing of B's; Twilio's answers %s; %d requests, %d writes; B's state unchanged: %s"
              % (len(ATTEMPTS), sum(1 for a in ATTEMPTS if a[3] == "failed"), sum(1 for a in ATTEMPTS if a[3] == "ok"),
                 {"%s/%s" % key: n for key, n in sorted(answers.items())}, len(run.requests), len(run.writes),
                 emulator.state()["accounts"][B["sid"]] == before))
    assert not problems, "\n".join(problems)
    assert run.writes == []
    assert emulator.state()["accounts"][B["sid"]] == before
    assert all((r["status"], (r["response"] or {}).get("code")) in ((404, 20404), (401, 20003)) for r in touching_b), touching_b
    assert answers[(404, 20404)] >= 6 and answers[(401, 20003)] >= 2, answers
