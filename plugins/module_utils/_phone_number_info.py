# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The class of the module tendlc.twilio.phone_number_info: read, plan and apply (see the module's documentation).

It lives here, not in the module, so that tendlc.twilio.flex_a2p_plan can run it in its own process (module_utils/_steps.py).

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from ansible_collections.tendlc.twilio.plugins.module_utils._account import account_identity
from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import list_services
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import PHONE_NUMBER, list_owned_numbers, pool_holders, warn_missing
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import shown_url

FIELDS = ("sid", "phone_number", "friendly_name", "capabilities", "sms_url", "sms_method", "sms_application_sid", "status")


class PhoneNumberInfo(TwilioModule):
    argument_spec = {
        "phone_numbers": {"type": "list", "elements": "str"},
        "include_account": {"type": "bool", "default": False},
    }

    def validate(self) -> None:
        bad = [value for value in self.params["phone_numbers"] or [] if not PHONE_NUMBER.accepts(value)]
        if bad:
            raise ModuleError("phone_numbers: %s is not %s." % (", ".join(repr(v) for v in bad), PHONE_NUMBER.expected), field="phone_numbers")

    def execute(self) -> None:
        numbers = list_owned_numbers(self.client)
        wanted = self.params["phone_numbers"]
        if wanted is not None:
            keys = set(wanted)
            numbers = [n for n in numbers if n.sid in keys or n.phone_number in keys]
            found = {key for n in numbers for key in (n.sid, n.phone_number)}
            self.result["missing"] = [v for v in dict.fromkeys(wanted) if v not in found]
            warn_missing(self.module, self.client.account_sid, self.result["missing"])
        else:
            self.result["missing"] = []
        holders = pool_holders(self.client, list_services(self.client), (PHONE_NUMBER,)) if numbers else {}
        self.result["phone_numbers"] = [
            {**{field: getattr(n, field) for field in FIELDS}, "sms_url": shown_url(n.sms_url), "messaging_service_sid": holders.get(n.sid)}
            for n in numbers
        ]
        # after the numbers: a refusal of the credentials shows on the request every run makes; the account's name is
        # cosmetic, so a failure to read it is a note, not a failure
        by_api_key = bool(self.params["api_key_sid"])
        self.result["account"] = account_identity(self.client, by_api_key) if self.params["include_account"] else {"sid": self.client.account_sid}
