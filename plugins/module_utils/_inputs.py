# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Input checks of a messaging service and an A2P campaign, shared by their modules and the flex_a2p role's input filter.

Each check raises ModuleError naming the field (with a prefix, the role's variable) and the value; none sends a request.
The campaign's rules are its field table's (_campaign.CAMPAIGN, from Twilio's spec); tests/unit/plugins/module_utils/
test_campaign_rules_spec.py compares them with the spec's text.
Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._campaign import CAMPAIGN, check_campaign_id
from ansible_collections.tendlc.twilio.plugins.module_utils._service import SERVICE
from ansible_collections.tendlc.twilio.plugins.module_utils._service import URL_FIELDS as SERVICE_URL_FIELDS
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import check_sid

__all__ = ("SERVICE_URL_FIELDS", "check_campaign_id", "check_campaign_options", "check_service_options")


def check_service_options(params: dict[str, Any], prefix: str = "") -> None:
    """The options of a messaging service (absent keys and None are not checked): its SID, then the table's rules (_service.SERVICE)."""
    check_sid(prefix + "sid", params.get("sid"), "MG")
    SERVICE.check(params, prefix)


def check_campaign_options(params: dict[str, Any], prefix: str = "") -> None:
    """Every rule of an A2P campaign's fields that needs no request (the table's, _campaign.CAMPAIGN): brand SID, use
    case, texts, samples, keywords, URLs.

    Absent keys and None are not checked; an empty opt-in/out/help message or keyword list means none.
    """
    CAMPAIGN.check(params, prefix)
