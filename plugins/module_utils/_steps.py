# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Module classes run as the steps of one module run (tendlc.twilio.flex_a2p_plan), each in check mode.

A step is the class of another module (messaging_service, sender_pool, ...) given its own arguments, validated against
its own argument spec by ansible-core's ArgumentSpecValidator, as AnsibleModule validates a task's. It runs with the
client of the module that runs it (one set of credentials checked once, one read of each URL: _http's read cache) and
returns what the step's own task in check mode with --diff would have registered: its result and diff, or its failure
(C(msg) and the error's extras, with C(failed)). Its warnings are the running module's warnings; the values of its
no_log options are masked in its own result.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import traceback
from typing import Any

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values


def skipped(reason: str) -> dict[str, Any]:
    """The result of a step that did not run, as Ansible registers a skipped task."""
    return {"changed": False, "skipped": True, "skip_reason": reason}


class StepModule:
    """What a module class uses of AnsibleModule, for a step: its parameters, check mode, diff, warnings, masked values."""

    check_mode = True
    _diff = True

    def __init__(self, name: str, params: dict[str, Any], argument_spec: dict[str, Any], runner: Any) -> None:
        self.name = name
        self.params = params
        self.argument_spec = argument_spec
        self.no_log_values = runner.no_log_values  # the running module masks them in its whole result
        self._runner = runner

    def warn(self, warning: str) -> None:
        """The step's warning, as the running module's, named by the step's module (one task shows several steps')."""
        self._runner.warn("%s: %s" % (self.name, warning))


def run_step(cls: Any, options: dict[str, Any], auth: dict[str, Any], client: Any, runner: Any, raw: dict[str, Any]) -> dict[str, Any]:
    """The result of module class C(cls) run in check mode with C(options) and the running module's C(auth) and client;
    C(raw): the options as the task gave them, before Ansible's conversion of types."""
    spec = cls.module_spec()
    argument_spec = spec.pop("argument_spec")
    validation = ArgumentSpecValidator(argument_spec, **spec).validate({**options, **auth})
    # The step's own no_log values (a toll-free contact's name, say) are masked in the step's result only: in the running
    # module's whole result a short one would mask every occurrence in the other steps (a digit of every SID).
    hidden = set(validation._no_log_values) - set(runner.no_log_values)  # pylint: disable=protected-access
    if validation.error_messages:
        return {"changed": False, "failed": True, "msg": validation.errors.msg}
    name = cls.__module__.rsplit("._", 1)[-1]  # a module's class lives in module_utils/_<module>.py
    step = cls(StepModule(name, validation.validated_parameters, argument_spec, runner))
    try:
        result = step.plan_step(client, raw)
    except Exception as exc:  # pylint: disable=broad-exception-caught
        # a fault of the step's code fails the step, as it failed the step's own task, not the other steps
        result = {"changed": False, "failed": True, "msg": "%s failed: %s: %s" % (name, type(exc).__name__, exc),
                  "exception": traceback.format_exc()}
    return remove_values(result, hidden) if hidden else result
