"""Bad inputs across every module and the flex_a2p role (table: bad_input_cases.py).

Each fails with a message naming the field and the value, with no traceback, and the emulator logs no write request.
All module cases run as tasks of one playbook (ignore_errors); the role cases as hosts of one inventory, one case each.
Prints the number of bad inputs tried; docs/reliability.md quotes it.
"""

from __future__ import annotations

from typing import Any

import yaml
from bad_input_cases import AUTH, CREDENTIALS, MODULE_CASES, ROLE_CASES, ROLE_VARS, SEED
from rollout_kit import ROLLOUT


def module_playbook(directory) -> Any:
    (directory / "creds.yml").write_text(yaml.safe_dump({"creds": CREDENTIALS}), encoding="utf-8")
    tasks = []
    for name, module, args, _field, _value in MODULE_CASES:
        args = dict(args)
        auth = args.pop("auth", AUTH)
        tasks.append({"name": name, "tendlc.twilio." + module: {**auth, **args}, "ignore_errors": True})
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
    for index, (name, _changes, field, value) in enumerate(ROLE_CASES):
        problems += check("role: " + name, failure(role, host="case-%02d" % index), field, value)
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
    assert writes == []
    assert tried >= 30
