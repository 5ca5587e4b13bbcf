"""Benchmark: a fleet of Flex accounts, rolled out and audited by the collection's playbooks against the local emulator.

Prints the figures of issue 14 ("Fleet performance") and a markdown table for docs/performance.md; asserts nothing
about speed, and is not run by tests/run.

    .venv/bin/python tests/benchmarks/fleet.py [--accounts 20] [--numbers 20] [--legacy-every 4] [--json FILE]

It builds an emulator seed and an inventory of --accounts accounts with --numbers numbers each, and runs three
scenarios with real `ansible-playbook` (the repository's ansible.cfg, its default forks), each once:

  first    playbooks/flex_a2p.yml on the fresh fleet: creates each account's messaging service, fills its pool with
           the numbers and registers its campaign (checked in the emulator's state afterwards)
  no-op    playbooks/flex_a2p.yml again, once the emulator approved the campaigns: must write nothing
  audit    playbooks/audit.yml with audit_fail_on_drift=true: must find no drift and write nothing

then the same three with one account, on an emulator and inventory of its own, for the ratio "fleet time / one
account's time". Any failed run, a write in the no-op run or the audit, or a first rollout that did not reach the
wanted state stops the benchmark with the reason (exit code 1).

The fleet looks like a real Flex fleet, so that the role does its whole work: every account has an APPROVED brand
that the role finds from its two Trust Hub bundles (flex_a2p_brand), the campaign, service name and settings of the
example inventory (playbooks/inventory/group_vars/twilio_accounts.yml), and numbers that reach Flex: by an sms
address configuration each (Flex Conversations, as production-east in playbooks/emulator/seed.yml), or, for every
--legacy-every-th account, by a Flex Flow each and Flex's Proxy webhook (legacy Flex, as staging-us); every third
account signs in with an API key (each module run then first checks the key's account: one more read). The single
account is a Flex Conversations one, signing in with its auth token. The emulator approves a campaign 1 s after its
registration (--campaign-approval-seconds); requests per account are also printed by kind of account.

Figures per scenario: wall seconds of the ansible-playbook run (start-up included), and its CPU seconds (user and
system, of ansible-playbook with its workers and module processes, not the emulator's: less sensitive than the wall
seconds to the machine's other work, printed with the load average before and after); requests from the emulator's
request log (total, by method, writes = POST and DELETE) and per account; module runs and controller tasks per
account, counted by a small callback of this benchmark (fleet_tasks, written to the run's directory and enabled
instead of the harness's record_results, whose full results would slow the runs down) from every task result:
  module run        a task whose action is a tendlc.twilio module and that was not skipped (a loop counts its
                    items that were not skipped)
  controller task   any other task that ran (set_fact, assert, debug, include_role, the audit's report files ...)
  skipped task      a task result with status skipped (printed, and in --json, not in the table): these cost
                    Ansible's per-task overhead too
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))

# pylint: disable=wrong-import-position
from harness import HERE, REPO, Emulator, account, run_playbook, start_emulator  # noqa: E402

import yaml  # noqa: E402

ROLLOUT = REPO / "playbooks" / "flex_a2p.yml"
AUDIT = REPO / "playbooks" / "audit.yml"
EXAMPLE_VARS = REPO / "playbooks" / "inventory" / "group_vars" / "twilio_accounts.yml"
APPROVAL_SECONDS = 1
PROXY_WEBHOOK = "https://webhooks.twilio.com/v1/Accounts/%s/Proxy/%s/Webhooks/Message"
SCENARIOS = ("first", "no-op", "audit")
SCENARIO_TITLES = {"first": "first rollout", "no-op": "no-op rollout", "audit": "audit"}

# The harness's record_results callback, recording each result's action and module runs instead of the whole result.
CALLBACK = '''\
# Written by tests/benchmarks/fleet.py: one JSON line per task result (host, task, action, status, module runs).
from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, %r)
from record_results import CallbackModule as RecordResults  # noqa: E402  pylint: disable=wrong-import-position

DOCUMENTATION = """
name: fleet_tasks
type: aggregate
short_description: Record each task result's action and status (benchmark only)
description: Appends one JSON object per task result to the file named by RECORD_RESULTS_FILE.
options: {}
"""


class CallbackModule(RecordResults):
    CALLBACK_NAME = "fleet_tasks"

    def _record(self, result, status):
        task = result._task
        items = result._result.get("results")
        if task.loop is not None and isinstance(items, list):
            runs = sum(1 for item in items if isinstance(item, dict) and not item.get("skipped"))
        else:
            runs = 0 if status == "skipped" else 1
        entry = {"host": result._host.get_name(), "task": task.get_name(), "action": task.resolved_action or task.action,
                 "status": status, "runs": runs}
        with open(os.environ["RECORD_RESULTS_FILE"], "a", encoding="utf-8") as stream:
            stream.write(json.dumps(entry) + "\\n")
''' % str(HERE / "callback_plugins")


@dataclass
class Fleet:
    """One emulator with its seed, and the inventory of its accounts."""

    emulator: Emulator
    inventory: Path
    workdir: Path
    hosts: dict[str, dict[str, Any]]  # inventory host -> seed account
    numbers: int
    kinds: dict[str, str]  # account SID -> how Flex receives its SMS, and "API key" when it signs in with one


def sid(prefix: str, account_index: int, item: int = 0) -> str:
    """A SID unique in the seed: the account's index and an item number in its 32 hex digits."""
    return "%s%032x" % (prefix, (account_index + 1) << 20 | item)


def seed_account(index: int, count: int, legacy: bool) -> dict[str, Any]:
    """Account `index` with `count` numbers that reach Flex (legacy Flex or Flex Conversations) and an approved brand."""
    account_sid = sid("AC", index)
    numbers = [{"phone_number": "+1555%02d%05d" % (index, i), "sid": sid("PN", index, i), "friendly_name": "Flex line %d" % (i + 1)}
               for i in range(count)]
    routing: dict[str, Any]
    if legacy:
        proxy_sid = sid("KS", index)
        for number in numbers:
            number.update(sms_url=PROXY_WEBHOOK % (account_sid, proxy_sid), sms_method="POST")
        routing = {
            "proxy_services": [{"unique_name": "Flex Proxy Service", "sid": proxy_sid, "phone_numbers": [n["phone_number"] for n in numbers]}],
            "flex_flows": [{"friendly_name": "Flex SMS Channel Flow %d" % (i + 1), "channel_type": "sms", "contact_identity": n["phone_number"],
                            "chat_service_sid": sid("IS", index), "integration_type": "studio", "integration": {"flow_sid": sid("FW", index)},
                            "enabled": True, "sid": sid("FO", index, i)} for i, n in enumerate(numbers)],
        }
    else:
        for number in numbers:
            number["sms_url"] = ""
        routing = {"address_configurations": [{"type": "sms", "address": n["phone_number"], "friendly_name": "Flex SMS %d" % (i + 1),
                                               "sid": sid("IG", index, i)} for i, n in enumerate(numbers)]}
    return account(
        str(index), sid=account_sid, friendly_name="Fleet account %d" % (index + 1),
        api_keys=[{"sid": sid("SK", index), "secret": "key-secret-%d-benchmark" % index}],
        phone_numbers=numbers,
        brands=[{"sid": sid("BN", index), "customer_profile_bundle_sid": sid("BU", index, 1), "a2p_profile_bundle_sid": sid("BU", index, 2),
                 "status": "APPROVED"}],
        **routing,
    )


def api_key(index: int) -> bool:
    """Every third account signs in with an API key (one more read per module run: the key's account check)."""
    return index % 3 == 2


def host_vars(index: int, acc: dict[str, Any], legacy: bool) -> dict[str, Any]:
    """The inventory's variables of one account: credentials, its numbers, how Flex receives them, the brand's bundles."""
    if api_key(index):
        credentials = {"twilio_api_key_sid": acc["api_keys"][0]["sid"], "twilio_api_key_secret": acc["api_keys"][0]["secret"]}
    else:
        credentials = {"twilio_auth_token": acc["auth_token"]}
    brand = acc["brands"][0]
    return {
        "twilio_account_sid": acc["sid"], **credentials,
        "flex_a2p_inbound_routing": "legacy" if legacy else "conversations",
        "flex_a2p_phone_numbers": [n["phone_number"] for n in acc["phone_numbers"]],
        "flex_a2p_brand": {"customer_profile_bundle_sid": brand["customer_profile_bundle_sid"],
                           "a2p_profile_bundle_sid": brand["a2p_profile_bundle_sid"]},
    }


def build_fleet(workdir: Path, accounts: int, numbers: int, legacy_every: int) -> Fleet:
    """Start an emulator seeded with the fleet and write its inventory (hosts fleet-01 ... in group twilio_accounts)."""
    workdir.mkdir(parents=True)
    legacy = [legacy_every > 0 and (i + 1) % legacy_every == 0 for i in range(accounts)]
    seeded = [seed_account(i, numbers, legacy[i]) for i in range(accounts)]
    hosts = {"fleet-%02d" % (i + 1): acc for i, acc in enumerate(seeded)}
    inventory = workdir / "inventory"
    (inventory / "group_vars").mkdir(parents=True)
    (inventory / "host_vars").mkdir()
    (inventory / "hosts.yml").write_text(yaml.safe_dump({"twilio_accounts": {"hosts": dict.fromkeys(hosts)}}), encoding="utf-8")
    example = yaml.safe_load(EXAMPLE_VARS.read_text(encoding="utf-8"))
    group_vars = {key: value for key, value in example.items() if key.startswith("flex_a2p_")}
    group_vars["ansible_python_interpreter"] = example["ansible_python_interpreter"]
    (inventory / "group_vars" / "twilio_accounts.yml").write_text(yaml.safe_dump(group_vars, sort_keys=False), encoding="utf-8")
    for index, (host, acc) in enumerate(hosts.items()):
        (inventory / "host_vars" / ("%s.yml" % host)).write_text(yaml.safe_dump(host_vars(index, acc, legacy[index])), encoding="utf-8")
    plugins = workdir / "callback_plugins"
    plugins.mkdir()
    (plugins / "fleet_tasks.py").write_text(CALLBACK, encoding="utf-8")
    emulator = start_emulator({"accounts": seeded}, workdir, "--campaign-approval-seconds", str(APPROVAL_SECONDS))
    kinds = {acc["sid"]: ("legacy" if legacy[i] else "conversations") + (" + API key" if api_key(i) else "") for i, acc in enumerate(seeded)}
    return Fleet(emulator, inventory, workdir, hosts, numbers, kinds)


def run(fleet: Fleet, scenario: str) -> dict[str, Any]:
    """One ansible-playbook run of the scenario and its figures; stops the benchmark when the run failed."""
    book = AUDIT if scenario == "audit" else ROLLOUT
    extra = ["-e", json.dumps({"audit_report_dir": str(fleet.workdir / "a2p-audit"), "audit_fail_on_drift": True})] if scenario == "audit" else []
    env = {"ANSIBLE_CONFIG": str(REPO / "ansible.cfg"), "ANSIBLE_CALLBACK_PLUGINS": str(fleet.workdir / "callback_plugins"),
           "ANSIBLE_CALLBACKS_ENABLED": "fleet_tasks"}
    cpu_before, started = cpu_seconds(), time.perf_counter()
    done = run_playbook(book, fleet.emulator, fleet.workdir / ("%s.jsonl" % scenario), "-i", str(fleet.inventory), *extra, env=env)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_before
    accounts = len(fleet.hosts)
    if done.rc != 0:
        fail("%s (%d account(s)) failed with rc %d:\n%s\n%s" % (scenario, accounts, done.rc, done.stdout[-4000:], done.stderr[-2000:]))
    ran = [r for r in done.results if r["status"] != "skipped"]
    module_runs = sum(r["runs"] for r in ran if r["action"].startswith("tendlc.twilio."))
    controller = sum(1 for r in ran if not r["action"].startswith("tendlc.twilio."))
    skipped = len(done.results) - len(ran)
    methods = Counter(r["method"] for r in done.requests)
    kinds, by_kind = Counter(fleet.kinds.values()), Counter(fleet.kinds.get(r.get("account_sid"), "other") for r in done.requests)
    return {
        "scenario": scenario, "accounts": accounts, "numbers": fleet.numbers, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
        "requests": len(done.requests), "by_method": dict(sorted(methods.items())), "writes": len(done.writes),
        "writes_by_path": dict(sorted(Counter("%s %s" % (r["method"], generic(r["path"])) for r in done.writes).items())),
        "module_runs": module_runs, "controller_tasks": controller, "skipped_tasks": skipped,
        "tasks_by_action": dict(sorted(Counter(r["action"] for r in ran).items())),
        "per_account": {"requests": len(done.requests) / accounts, "writes": len(done.writes) / accounts,
                        "module_runs": module_runs / accounts, "controller_tasks": controller / accounts,
                        "skipped_tasks": skipped / accounts},
        "requests_per_account_by_kind": {kind: by_kind[kind] / count for kind, count in sorted(kinds.items())},
    }


def cpu_seconds() -> float:
    """User and system CPU seconds of the finished child processes: an ansible-playbook run with its workers and modules."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def generic(path: str) -> str:
    """A request path with its SIDs as {Sid}, so that the writes of all accounts group by endpoint."""
    return "/".join("{Sid}" if len(part.split(".")[0]) == 34 and part[:2].isalpha() and part[:2].isupper() else part
                    for part in path.split("/"))


def check_first(fleet: Fleet, service_name: str) -> None:
    """Each account has one service of the name, its pool holds exactly the account's numbers, one campaign on that service."""
    state = fleet.emulator.state()["accounts"]
    problems = []
    for host, acc in fleet.hosts.items():
        live = state[acc["sid"]]
        services = [s for s in live.get("services", []) if s["friendly_name"] == service_name]
        if len(services) != 1:
            problems.append("%s: %d services named %r" % (host, len(services), service_name))
            continue
        pool = sorted(m["sid"] for m in live.get("service_phone_numbers", []) if m["service_sid"] == services[0]["sid"])
        if pool != sorted(n["sid"] for n in acc["phone_numbers"]):
            problems.append("%s: the pool holds %d of the %d numbers" % (host, len(pool), len(acc["phone_numbers"])))
        campaigns = [c for c in live.get("campaigns", []) if c["messaging_service_sid"] == services[0]["sid"]]
        if len(campaigns) != 1:
            problems.append("%s: %d campaigns on the service" % (host, len(campaigns)))
    if problems:
        fail("the first rollout did not reach the wanted state:\n  " + "\n  ".join(problems))


def fail(message: str) -> None:
    print("fleet benchmark FAILED: " + message, file=sys.stderr)
    raise SystemExit(1)


def measure(workdir: Path, accounts: int, numbers: int, legacy_every: int) -> list[dict[str, Any]]:
    """The three scenarios on a fleet of its own."""
    fleet = build_fleet(workdir, accounts, numbers, legacy_every)
    service_name = yaml.safe_load(EXAMPLE_VARS.read_text(encoding="utf-8"))["flex_a2p_service_name"]
    rows = []
    try:
        for scenario in SCENARIOS:
            row = run(fleet, scenario)
            if scenario == "first":
                check_first(fleet, service_name)
                time.sleep(APPROVAL_SECONDS + 0.5)  # the last campaign approved before the no-op run
            elif row["writes"]:
                fail("the %s run (%d account(s)) wrote %d time(s): %s" % (scenario, accounts, row["writes"], row["writes_by_path"]))
            print_row(row)
            rows.append(row)
    finally:
        fleet.emulator.process.terminate()
        fleet.emulator.process.wait(timeout=10)
    return rows


def print_row(row: dict[str, Any]) -> None:
    each = row["per_account"]
    print("%-6s %2d accounts x %3d numbers  %7.2f s (CPU %7.2f s)  requests %5d (%s) writes %4d  per account: requests %.1f, writes %.1f, "
          "module runs %.1f, controller tasks %.1f, skipped tasks %.1f; requests per account: %s"
          % (row["scenario"], row["accounts"], row["numbers"], row["seconds"], row["cpu_seconds"], row["requests"],
             " ".join("%s %d" % kv for kv in row["by_method"].items()), row["writes"], each["requests"], each["writes"],
             each["module_runs"], each["controller_tasks"], each["skipped_tasks"],
             ", ".join("%s %.1f" % kv for kv in row["requests_per_account_by_kind"].items())), flush=True)


def number(value: float) -> str:
    return ("%.1f" % value).removesuffix(".0")


def table(rows: list[dict[str, Any]]) -> str:
    """The markdown table of docs/performance.md: each scenario for one account and for the fleet, the ratio of their times."""
    one = {row["scenario"]: row for row in rows if row["accounts"] == 1}
    lines = ["| scenario | accounts | wall seconds | x one account | CPU seconds | requests per account (by method, total) | writes per account "
             "| module runs per account | controller tasks per account |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for scenario in SCENARIOS:
        for row in sorted((r for r in rows if r["scenario"] == scenario), key=lambda r: r["accounts"]):
            each, count = row["per_account"], row["accounts"]
            methods = ", ".join("%s %s" % (m, number(n / count)) for m, n in row["by_method"].items())
            lines.append("| %s | %d x %d numbers | %.2f | %.2f | %.2f | %s (%s; %d in all) | %s | %s | %s |" % (
                SCENARIO_TITLES[scenario], count, row["numbers"], row["seconds"], row["seconds"] / one[scenario]["seconds"], row["cpu_seconds"],
                number(each["requests"]), methods, row["requests"], number(each["writes"]), number(each["module_runs"]),
                number(each["controller_tasks"])))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--accounts", type=int, default=20, help="accounts in the fleet, 2 to 99 (default 20)")
    parser.add_argument("--numbers", type=int, default=20, help="numbers per account, 1 to 400 (default 20)")
    parser.add_argument("--legacy-every", type=int, default=4, metavar="K",
                        help="every K-th account of the fleet is on legacy Flex, the others on Flex Conversations; 0: none (default 4)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if not 2 <= args.accounts <= 99:
        parser.error("--accounts must be 2 to 99, not %d" % args.accounts)
    if not 1 <= args.numbers <= 400:
        parser.error("--numbers must be 1 to 400 (a messaging service's pool limit), not %d" % args.numbers)
    if args.legacy_every < 0:
        parser.error("--legacy-every must be 0 or more, not %d" % args.legacy_every)
    print("load average before: %.2f %.2f %.2f (the machine's other work lengthens the wall seconds; the CPU seconds less)" % os.getloadavg(),
          flush=True)
    with tempfile.TemporaryDirectory(prefix="fleet-benchmark-") as tmp:
        rows = measure(Path(tmp) / "one", 1, args.numbers, 0)
        rows += measure(Path(tmp) / "fleet", args.accounts, args.numbers, args.legacy_every)
    print("load average after: %.2f %.2f %.2f\n" % os.getloadavg())
    print(table(rows) + "\n")
    for row in rows:
        if row["scenario"] == "first":
            print("first rollout, %d account(s), writes per account: %s" % (row["accounts"], ", ".join(
                "%s %s" % (path, number(n / row["accounts"])) for path, n in row["writes_by_path"].items())))
    if args.json:
        args.json.write_text(json.dumps({"accounts": args.accounts, "numbers": args.numbers, "legacy_every": args.legacy_every, "rows": rows},
                                        indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
