"""Bad inputs across every module and the flex_a2p role (table: bad_input_cases.py).

Each fails with a message naming the field and the value, with no traceback, and the emulator logs no write request
(but the setup's: the campaign that the bad replaces must not delete). Secrets in a case's input (NOT_SHOWN) appear
neither in its result nor in the output. The role's input cases stop before the host's first request, at the role's
argument or input check. All module cases run as tasks of one playbook (ignore_errors); the role cases as hosts of one
inventory, one case each.
Prints the number of bad inputs tried; docs/reliability.md quotes it.
"""

from __future__ import annotations

import json
from typing import Any

import yaml
from bad_input_cases import (AUTH, CREDENTIALS, MODULE_CASES, NOT_SHOWN, ROLE_CASES, ROLE_INPUT_CASES, ROLE_VARS, SEED, SETUP_TASKS,
                             SETUP_WRITES)
from rollout_kit import ROLLOUT


def module_playbook(directory) -> Any:
    (directory / "creds.yml").write_text(yaml.safe_dump({"creds": CREDENTIALS}), encoding="utf-8")
    tasks = [{"name": name, "tendlc.twilio." + module: {**AUTH, **args}} for name, module, args in SETUP_TASKS]
    for name, module, args, _field, _value in MODULE_CASES:
        args = dict(args)
        auth = args.pop("auth", AUTH)
        check_mode = args.pop("_check_mode", False)
        tasks.append({"name": name, "tendlc.twilio." + module: {**auth, **args}, "ignore_errors": True, **({"check_mode": True} if check_mode else {})})
    play = {"name": "bad inputs", "hosts": "localhost", "connection": "local", "gather_facts": False,
            "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"}, "vars_files": [str(directory / "creds.yml")], "tasks": tasks}
    path = directory / "bad-input.yml"
    path.write_text(yaml.safe_dump([play], sort_keys=False), encoding="utf-8")
    return path


def role_inventory(directory) -> Any:
    """One host per role case: the good variables with the case's changes (None drops a variable)."""
    inventory = directory / "inventory"
    (inventory / "host_vars").mkdir(parents=True)
    (inventory / "group_vars").mkdir()
    hosts = {"case-%02d" % index: None for index in range(len(ROLE_CASES))}
    (inventory / "hosts.yml").write_text(yaml.safe_dump({"twilio_accounts": {"hosts": hosts}}), encoding="utf-8")
    (inventory / "group_vars" / "twilio_accounts.yml").write_text(
        yaml.safe_dump({"creds": CREDENTIALS, "ansible_python_interpreter": "{{ ansible_playbook_python }}"}), encoding="utf-8")
    for host, (_name, changes, _field, _value) in zip(hosts, ROLE_CASES):
        host_vars = {key: value for key, value in {**ROLE_VARS, **changes}.items() if value is not None}
        (inventory / "host_vars" / ("%s.yml" % host)).write_text(yaml.safe_dump(host_vars), encoding="utf-8")
    return inventory


def check(name: str, result: dict[str, Any] | None, field: str, value: str) -> list[str]:
    if result is None:
        return ["%s: did not fail" % name]
    msg = str(result.get("msg", ""))
    problems = []
    if field not in msg or value not in msg:
        problems.append("%s: the message does not name %s and %r: %s" % (name, field, value, msg))
    # ansible-core 2.19 sets exception to "(traceback unavailable)" on every failure; a real one holds "Traceback".
    shown = " ".join(str(result.get(key, "")) for key in ("msg", "exception", "module_stderr", "module_stdout"))
    if "Traceback" in shown or "MODULE FAILURE" in shown:
        problems.append("%s: failed with a traceback: %s" % (name, shown[-1500:]))
    return problems


# The tasks that run before the role's first request: Ansible's check of the role's argument spec, and validate.yml.
BEFORE_ANY_REQUEST = ("Validating arguments against arg spec", "Role inputs are consistent and well-formed")


def not_shown(name: str, result: dict[str, Any] | None, output: str) -> list[str]:
    shown = json.dumps(result) + output
    return ["%s: %r shows in its result or the output" % (name, secret) for secret in NOT_SHOWN.get(name, []) if secret in shown]


def stopped_before_any_request(name: str, run, host: str) -> list[str]:
    failed = [r["task"] for r in run.results if r["status"] == "failed" and r["host"] == host]
    if failed and not any(task in failed[0] for task in BEFORE_ANY_REQUEST):
        return ["role: %s: failed at %r, not at the input check before any request" % (name, failed[0])]
    return []


def failure(run, task: str | None = None, host: str | None = None) -> dict[str, Any] | None:
    failed = [r["result"] for r in run.results if r["status"] == "failed" and (task is None or r["task"] == task) and (host is None or r["host"] == host)]
    return failed[0] if failed else None


def test_bad_inputs_fail_naming_field_and_value_before_any_write(emulator_factory, ansible_playbook, tmp_path, capsys):
    emulator = emulator_factory(SEED)
    modules = ansible_playbook(module_playbook(tmp_path), emulator)
    role = ansible_playbook(ROLLOUT, emulator, "-i", str(role_inventory(tmp_path)))

    problems = []
    for name, _module, _args, field, value in MODULE_CASES:
        problems += check(name, failure(modules, task=name), field, value)
        problems += not_shown(name, failure(modules, task=name), modules.stdout + modules.stderr)
    input_cases = {name for name, _changes, _field, _value in ROLE_INPUT_CASES}
    for index, (name, _changes, field, value) in enumerate(ROLE_CASES):
        problems += check("role: " + name, failure(role, host="case-%02d" % index), field, value)
        problems += not_shown("role: " + name, failure(role, host="case-%02d" % index), role.stdout + role.stderr)
        if name in input_cases:
            problems += stopped_before_any_request(name, role, "case-%02d" % index)
    for run in (modules, role):
        if "Traceback" in run.stdout + run.stderr:
            problems.append("a traceback in the output: %s" % (run.stdout + run.stderr)[-2000:])
    writes = [(r["method"], r["path"]) for r in emulator.records() if r["method"] in ("POST", "DELETE")]
    tried = len(MODULE_CASES) + len(ROLE_CASES)
    with capsys.disabled():
        print("\n[bad-input] %d bad inputs tried (%d module tasks, %d role runs): %d failed as expected, naming field and value; "
              "%d requests, %d writes" % (tried, len(MODULE_CASES), len(ROLE_CASES), tried - len({p.split(":")[0] for p in problems}),
                                          len(emulator.records()), len(writes)))
    assert not problems, "\n".join(problems)
    assert writes == SETUP_WRITES
    assert tried >= 30
