# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The base every tendlc.twilio module stands on: arguments and auth, client, check mode, diff, result, errors.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import copy
from typing import Any

from ansible.module_utils.basic import AnsibleModule, missing_required_lib
from ansible.module_utils.basic import _load_params as raw_module_args
from ansible_collections.tendlc.twilio.plugins.module_utils._client import AUTH_ARGUMENT_SPEC, TWILIO_IMPORT_ERROR, build_client
from ansible_collections.tendlc.twilio.plugins.module_utils._credentials import check_api_key, explain_refusal
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils import _subaccount as subaccount
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import api_url_warning, check_auth, check_text_types, hidden_values, url_secrets


class TwilioModule:
    """One instance per module run.

    Subclasses set C(argument_spec) (their own options), implement C(run()), and
    record what they manage with C(set_diff()). A C(ModuleError) raised anywhere
    in C(run()) becomes C(fail_json) with the message and its structured extras.
    """

    argument_spec: dict[str, dict[str, Any]] = {}
    mutually_exclusive: list[tuple[str, ...]] = []
    required_one_of: list[tuple[str, ...]] = []
    required_if: list[tuple[Any, ...]] = []

    def __init__(self, module: AnsibleModule) -> None:
        self.module = module
        self.params: dict[str, Any] = module.params
        self.check_mode: bool = module.check_mode
        self.result: dict[str, Any] = {"changed": False}
        self._diff: dict[str, Any] | None = None
        self.client: Any = None

    @classmethod
    def module_spec(cls) -> dict[str, Any]:
        """The auth options and the subclass's own, with their constraints: what AnsibleModule (or, for a step of
        flex_a2p_plan, ArgumentSpecValidator) validates the task's arguments against."""
        return {
            "argument_spec": {**copy.deepcopy(AUTH_ARGUMENT_SPEC), **cls.argument_spec},
            "mutually_exclusive": [("auth_token", "api_key_sid")] + subaccount.MUTUALLY_EXCLUSIVE + cls.mutually_exclusive,
            "required_one_of": [("auth_token", "api_key_sid", "parent_auth_token")] + cls.required_one_of,
            "required_together": [("api_key_sid", "api_key_secret")] + subaccount.REQUIRED_TOGETHER,
            "required_if": cls.required_if,
        }

    @classmethod
    def define_module(cls) -> AnsibleModule:
        """Build the AnsibleModule from the auth options and the subclass's own."""
        return AnsibleModule(supports_check_mode=True, **cls.module_spec())

    def run(self) -> None:
        """Validate, connect, run the subclass's work, and exit with the result."""
        if TWILIO_IMPORT_ERROR:
            self.module.fail_json(msg=missing_required_lib("twilio"), exception=TWILIO_IMPORT_ERROR)
        # api_url's user info, or a secret given as a SID, must not show in the result (its invocation included).
        self.module.no_log_values.update(hidden_values(self.params))
        # A blank no_log value (a representative's last name given as " ") would mask every space of every message, so
        # messages became unreadable; it holds nothing to hide, and the check below refuses it by its field's name.
        self.module.no_log_values.difference_update({value for value in self.module.no_log_values if not value.strip()})
        try:
            # ansible-core's _load_params() is the documented way to read the task's arguments as given (its docstring).
            check_text_types(self.module.argument_spec, raw_module_args())
            check_auth(self.params)
            warning = api_url_warning(self.params)
            if warning:
                self.module.warn(warning)
            self.validate()
            self.connect()
            self.execute()
        except ModuleError as exc:
            self.fail(explain_refusal(exc, self.params))
        self.module.exit_json(**self.get_result())

    def connect(self) -> None:
        """Build the client and check the credentials: an API key's account (check_api_key); for a subaccount, its own
        token read through the parent (_subaccount.py)."""
        self.client = build_client(self.params, subaccount.subaccount_token(self.params, self.module.no_log_values))
        check_api_key(self.client, self.params)

    def plan_step(self, client: Any, raw: dict[str, Any]) -> dict[str, Any]:
        """Run as a step of another module's run (flex_a2p_plan, module_utils/_steps.py): in check mode, with that module's
        client (its credentials already checked), C(raw) the step's arguments as given. Returns the result, or the
        failure as a result (C(msg) and its extras), which the step's own task would have registered."""
        try:
            check_text_types(self.module.argument_spec, raw)
            check_auth(self.params)  # also the options several modules share (the service's name, the poll interval)
            self.validate()
            self.client = client
            self.execute()
        except ModuleError as exc:
            exc = explain_refusal(exc, self.params)
            return {**exc.extra, "msg": exc.msg, "changed": False, "failed": True}
        return self.get_result()

    def writes(self) -> tuple[int, int]:
        """Write requests of this run: (applied, outcome unknown), as the HTTP client counted them."""
        http = getattr(self.client, "http_client", None)
        return getattr(http, "writes", 0), getattr(http, "unknown_writes", 0)

    def fail(self, exc: ModuleError) -> None:
        """Fail with the error; after a write, with C(changed=true), the result so far and the count of writes.

        Before its first write a module's result is only its plan, so it is left out. After one, the module has set
        C(self.result) to what was done (see each module's C(_apply)), which the failure returns.
        """
        applied, unknown = self.writes()
        if not applied and not unknown:
            self.module.fail_json(msg=exc.msg, changed=False, **exc.extra)
        result = {**self.get_result(), **exc.extra, "changed": True, "writes": {"applied": applied, "unknown": unknown}}
        msg = "%s [%d write request(s) had been applied before this failure%s; the result says what was done.]" % (
            exc.msg, applied, ", %d more may have been" % unknown if unknown else "")
        self.module.fail_json(msg=msg, **result)

    def validate(self) -> None:
        """Check the module's own options; raise ModuleError before anything is sent."""

    def execute(self) -> None:
        """Read, plan and apply. Subclasses implement it."""
        raise NotImplementedError

    def hide_url_secrets(self, *urls: Any) -> None:
        """Mask the user info, query and fragment of these URLs (webhooks read from Twilio or given) in all output."""
        for url in urls:
            self.module.no_log_values.update(url_secrets(url))

    def mark_changed(self) -> None:
        self.result["changed"] = True

    def set_diff(self, before: dict[str, Any], after: dict[str, Any]) -> None:
        """Record before/after of the managed fields; returned only with --diff."""
        self._diff = {"before": before, "after": after}

    def get_result(self) -> dict[str, Any]:
        result = dict(self.result)
        if self.module._diff and self._diff is not None:
            result["diff"] = self._diff
        return result


def wanted_changes(current: dict[str, Any], wanted: dict[str, Any]) -> dict[str, Any]:
    """The options the user set (not None) whose value differs from the current one."""
    return {key: value for key, value in wanted.items() if value is not None and current.get(key) != value}
