# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The class of the module tendlc.twilio.tollfree_verification_info: the account's toll-free numbers and their verification.

It lives here, not in the module, so that another module can run it in its own process.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._numbers import is_toll_free
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import PHONE_NUMBER, list_owned_numbers, warn_missing
from ansible_collections.tendlc.twilio.plugins.module_utils._tollfree import list_verifications, status_of


class TollfreeVerificationInfo(TwilioModule):
    argument_spec = {"phone_numbers": {"type": "list", "elements": "str"}}

    def validate(self) -> None:
        bad = [value for value in self.params["phone_numbers"] or [] if not PHONE_NUMBER.accepts(value)]
        if bad:
            raise ModuleError("phone_numbers: %s is not %s." % (", ".join(repr(v) for v in bad), PHONE_NUMBER.expected), field="phone_numbers")

    def execute(self) -> None:
        numbers = [n for n in list_owned_numbers(self.client) if is_toll_free(n.phone_number)]
        wanted = self.params["phone_numbers"]
        self.result["missing"] = []
        if wanted is not None:
            keys = set(wanted)
            numbers = [n for n in numbers if n.sid in keys or n.phone_number in keys]
            found = {key for n in numbers for key in (n.sid, n.phone_number)}
            self.result["missing"] = [v for v in dict.fromkeys(wanted) if v not in found]
            if self.result["missing"]:
                warn_missing(self.module, self.client.account_sid, self.result["missing"])
                self.module.warn("phone_numbers: an owned number that is not toll-free is listed as missing too.")
        by_number: dict[str, list[Any]] = {}
        for record in list_verifications(self.client) if numbers else []:  # one list for every number
            by_number.setdefault(record.tollfree_phone_number_sid, []).append(record)
        self.result["phone_numbers"] = [self._entry(n, by_number.get(n.sid, [])) for n in numbers]

    @staticmethod
    def _entry(number: Any, records: list[Any]) -> dict[str, Any]:
        records = sorted(records, key=lambda r: str(r.date_created or ""))
        return {"sid": number.sid, "phone_number": number.phone_number, "verification": status_of(records[-1]) if records else None,
                "verifications": len(records)}
