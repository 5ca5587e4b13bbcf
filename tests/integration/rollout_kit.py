"""A fleet for rollout tests: Flex Conversations accounts with many numbers, their inventory, and the state the role must reach.

Used by the fault-injected and interrupted rollouts of playbooks/flex_a2p.yml (docs/reliability.md quotes their figures).
"""

from __future__ import annotations

import collections
from pathlib import Path
from typing import Any

import yaml
from harness import REPO, Emulator, account

ROLLOUT = REPO / "playbooks" / "flex_a2p.yml"
SERVICE = "Flex contact center"
ACCOUNT_CHARS = ("1", "2", "3")
CAMPAIGN = {
    "usecase": "CUSTOMER_CARE",
    "description": "Customer care conversations between Example Co agents and customers who contacted us first.",
    "message_flow": "Customers text our published support number, or opt in on the web form at https://example.com/sms.",
    "message_samples": ["Hi Dana, this is Sam from Example Co support. Your replacement ships today.",
                        "Example Co: your case 4411 is resolved. Reply HELP for help, STOP to opt out."],
    "has_embedded_links": False,
    "has_embedded_phone": False,
}
# The rates of issue 6: 20% 429 (half with Retry-After: 0, half without), 5% 503, 2% reset after the request was applied.
FAULTS = "429=0.1 429-no-retry-after=0.1 503=0.05 reset-after=0.02 retry-after=0"
# At 27% failed requests a request fails 11 times in a row about once in 2 million requests, yet one did in the first
# 5,300 requests of this suite (seed 4, max_retries 10). 15 retries make it about once in 1.3 billion; the deadline
# must not cut them short, and a small backoff keeps the runs fast.
RETRY_VARS = {"twilio_max_retries": 15, "twilio_retry_backoff": 0.02, "twilio_retry_deadline": 300}


def numbers(index: int, count: int) -> list[dict[str, str]]:
    """The owned numbers of account `index`: E.164 +1555<index><6 digits>, SIDs unique over the fleet."""
    return [{"phone_number": "+1555%d%06d" % (index + 1, i), "sid": "PN%032x" % ((index + 1) << 20 | i), "sms_url": ""}
            for i in range(count)]


def fleet_seed(count: int, accounts: int = 3) -> dict[str, Any]:
    """Flex Conversations accounts, each with `count` numbers, an sms address configuration per number and an approved brand."""
    seeded = []
    for index, char in enumerate(ACCOUNT_CHARS[:accounts]):
        owned = numbers(index, count)
        seeded.append(account(
            char,
            phone_numbers=owned,
            address_configurations=[{"type": "sms", "address": n["phone_number"], "sid": "IG" + n["sid"][2:]} for n in owned],
            brands=[{"sid": "BN" + char * 32, "customer_profile_bundle_sid": "BU" + char * 32, "a2p_profile_bundle_sid": "BU" + char * 31 + "0",
                     "status": "APPROVED"}],
        ))
    return {"accounts": seeded}


def write_inventory(directory: Path, seed: dict[str, Any], **group_vars: Any) -> Path:
    """An inventory of one host per seed account (account-1, ...); the second signs in with its API key, the others with the auth token."""
    hosts = {"account-%d" % (i + 1): None for i in range(len(seed["accounts"]))}
    (directory / "host_vars").mkdir(parents=True)
    (directory / "group_vars").mkdir()
    (directory / "hosts.yml").write_text(yaml.safe_dump({"twilio_accounts": {"hosts": hosts}}), encoding="utf-8")
    common = {
        "ansible_python_interpreter": "{{ ansible_playbook_python }}",
        "flex_a2p_service_name": SERVICE,
        "flex_a2p_service_usecase": "discussion",
        "flex_a2p_exclusive": True,
        "flex_a2p_inbound_routing": "conversations",
        "flex_a2p_campaign": CAMPAIGN,
        **group_vars,
    }
    (directory / "group_vars" / "twilio_accounts.yml").write_text(yaml.safe_dump(common), encoding="utf-8")
    for index, (host, acc) in enumerate(zip(hosts, seed["accounts"])):
        credentials = {"twilio_account_sid": acc["sid"]}
        if index == 1:
            credentials.update(twilio_api_key_sid=acc["api_keys"][0]["sid"], twilio_api_key_secret=acc["api_keys"][0]["secret"])
        else:
            credentials["twilio_auth_token"] = acc["auth_token"]
        host_vars = {**credentials, "flex_a2p_phone_numbers": [n["phone_number"] for n in acc["phone_numbers"]],
                     "flex_a2p_brand_sid": acc["brands"][0]["sid"]}
        (directory / "host_vars" / ("%s.yml" % host)).write_text(yaml.safe_dump(host_vars), encoding="utf-8")
    return directory


def departures(emulator: Emulator) -> dict[str, list[str]]:
    """How each account's state differs from what the role wants; empty lists when it matches exactly.

    Wanted: one service named SERVICE deferring to the numbers' webhooks, its pool exactly the account's numbers (each
    once), one campaign in the account (on that service, with the inventory's use case and description), and the
    numbers' own inbound settings untouched.
    """
    state = emulator.state()["accounts"]
    found = {}
    for acc in emulator.seed["accounts"]:
        live, problems = state[acc["sid"]], []
        flex = [s for s in live.get("services", []) if s["friendly_name"] == SERVICE]
        if len(flex) != 1 or len(live.get("services", [])) != 1:
            problems.append("services: %s" % [(s["sid"], s["friendly_name"]) for s in live.get("services", [])])
        if not flex:
            found[acc["sid"]] = problems
            continue
        service = flex[0]
        if service["use_inbound_webhook_on_number"] is not True:
            problems.append("use_inbound_webhook_on_number is %r" % service["use_inbound_webhook_on_number"])
        pool = collections.Counter(m["sid"] for m in live.get("service_phone_numbers", []))
        repeated = sorted(sid for sid, n in pool.items() if n > 1)
        if repeated:
            problems.append("senders in the pool more than once: %s" % repeated)
        members = {m["sid"] for m in live.get("service_phone_numbers", []) if m["service_sid"] == service["sid"]}
        wanted = {n["sid"] for n in acc["phone_numbers"]}
        if members != wanted or len(pool) != len(wanted):
            problems.append("pool: %d missing, %d extra" % (len(wanted - members), len(set(pool) - wanted)))
        campaigns = live.get("campaigns", [])
        if [(c["messaging_service_sid"], c["us_app_to_person_usecase"], c["description"]) for c in campaigns] != [
                (service["sid"], CAMPAIGN["usecase"], CAMPAIGN["description"])]:
            problems.append("campaigns: %s" % [(c["sid"], c["messaging_service_sid"]) for c in campaigns])
        seeded = {n["sid"]: n["sms_url"] for n in acc["phone_numbers"]}
        if {n["sid"]: n.get("sms_url") or "" for n in live["phone_numbers"]} != seeded:
            problems.append("a number's own sms_url changed")
        found[acc["sid"]] = problems
    return found


def duplicates(emulator: Emulator) -> dict[str, int]:
    """Extra services, pool entries and campaigns over the fleet (0 each when the rollout made nothing twice)."""
    state = emulator.state()["accounts"]
    counts = {"services": 0, "senders": 0, "campaigns": 0}
    for acc in emulator.seed["accounts"]:
        live = state[acc["sid"]]
        names = collections.Counter(s["friendly_name"] for s in live.get("services", []))
        counts["services"] += sum(n - 1 for n in names.values())
        pool = collections.Counter(m["sid"] for m in live.get("service_phone_numbers", []))
        counts["senders"] += sum(n - 1 for n in pool.values())
        per_service = collections.Counter(c["messaging_service_sid"] for c in live.get("campaigns", []))
        counts["campaigns"] += max(0, sum(per_service.values()) - 1)
    return counts


def faults_of(records: list[dict[str, Any]]) -> dict[str, int]:
    """Injected faults by kind."""
    return dict(sorted(collections.Counter(r["fault"] for r in records if r.get("fault")).items()))
