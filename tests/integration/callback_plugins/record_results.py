# Test-only callback: appends every task result as one JSON line to $RECORD_RESULTS_FILE.
# The integration tests read it to assert on what each module returned.

from __future__ import annotations

import json
import os

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = """
name: record_results
type: aggregate
short_description: Write every task result to a JSON lines file (tests only)
description: Appends one JSON object per task result (host, task, status, result) to the file named by RECORD_RESULTS_FILE.
options: {}
"""


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "record_results"
    CALLBACK_NEEDS_ENABLED = True

    def _record(self, result, status: str) -> None:
        path = os.environ.get("RECORD_RESULTS_FILE")
        if not path:
            return
        entry = {"host": result._host.get_name(), "task": result._task.get_name(), "status": status, "result": result._result}
        with open(path, "a", encoding="utf-8") as stream:
            stream.write(json.dumps(entry, default=str) + "\n")

    def v2_runner_on_ok(self, result):
        self._record(result, "ok")

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result, "failed")

    def v2_runner_on_skipped(self, result):
        self._record(result, "skipped")
