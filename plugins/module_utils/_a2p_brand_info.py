# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The class of the module tendlc.twilio.a2p_brand_info: read, plan and apply (see the module's documentation).

It lives here, not in the module, so that tendlc.twilio.flex_a2p_plan can run it in its own process (module_utils/_steps.py).

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import account_campaigns, fetch_brand, list_brands
from ansible_collections.tendlc.twilio.plugins.module_utils._base import TwilioModule
from ansible_collections.tendlc.twilio.plugins.module_utils._client import resource_dict
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import check_sid

CAMPAIGN_FIELDS = ("sid", "messaging_service_sid", "brand_registration_sid", "campaign_status", "us_app_to_person_usecase", "campaign_id",
                   "is_externally_registered", "mock", "errors", "date_created", "date_updated")


class A2PBrandInfo(TwilioModule):
    argument_spec = {"sid": {"type": "str"}}

    def validate(self) -> None:
        check_sid("sid", self.params["sid"], "BN")

    def execute(self) -> None:
        if self.params["sid"]:
            brand = fetch_brand(self.client, self.params["sid"])
            brands = [brand] if brand is not None else []
            if brand is None:
                self.module.warn("No A2P brand has sid=%r in account %s (the account of the task's credentials)."
                                 % (self.params["sid"], self.client.account_sid))
        else:
            brands = list_brands(self.client)
        every = [{f: c.get(f) for f in CAMPAIGN_FIELDS} for c in map(resource_dict, account_campaigns(self.client))]
        self.result["brands"] = [{**resource_dict(brand), "campaigns": [c for c in every if c["brand_registration_sid"] == brand.sid]} for brand in brands]
        self.result["campaigns"] = every if not self.params["sid"] else [c for c in every if c["brand_registration_sid"] == self.params["sid"]]
