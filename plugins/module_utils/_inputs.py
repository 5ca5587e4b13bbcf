# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Input checks of a messaging service and an A2P campaign, shared by their modules and the flex_a2p role's input filter.

Each check raises ModuleError naming the field (with a prefix, the role's variable) and the value; none sends a request.
Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import re
from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import check_length, check_range, check_sid, check_url

SERVICE_URL_FIELDS = ("inbound_request_url", "fallback_url", "status_callback")
CAMPAIGN_MESSAGES = ("opt_in_message", "opt_out_message", "help_message")
CAMPAIGN_URL_FIELDS = ("privacy_policy_url", "terms_and_conditions_url")
CAMPAIGN_ID = re.compile(r"^C[A-Z0-9]{6}$")


def check_service_options(params: dict[str, Any], prefix: str = "") -> None:
    """The options of a messaging service (absent keys and None are not checked)."""
    check_sid(prefix + "sid", params.get("sid"), "MG")
    check_length(prefix + "friendly_name", params.get("friendly_name"), 1, 64)
    check_range(prefix + "validity_period", params.get("validity_period"), 1, 36000)
    for field in SERVICE_URL_FIELDS:
        check_url(prefix + field, params.get(field), allow_empty=True)


def check_campaign_options(params: dict[str, Any], prefix: str = "") -> None:
    """The texts, samples, URLs and brand of an A2P campaign (absent keys and None are not checked)."""
    check_sid(prefix + "brand_registration_sid", params.get("brand_registration_sid"), "BN")
    check_length(prefix + "description", params.get("description"), 40, 4096)
    check_length(prefix + "message_flow", params.get("message_flow"), 40, 2048)
    samples = params.get("message_samples")
    if samples is not None:
        if not 2 <= len(samples) <= 5:
            raise ModuleError("%smessage_samples must hold 2 to 5 samples, got %d: %r." % (prefix, len(samples), samples), field=prefix + "message_samples")
        for index, sample in enumerate(samples):
            check_length("%smessage_samples[%d]" % (prefix, index), sample, 20, 1024)
    for field in CAMPAIGN_MESSAGES:
        check_length(prefix + field, params.get(field), 0, 320)
    for field in CAMPAIGN_URL_FIELDS:
        check_url(prefix + field, params.get(field))
    usecase = params.get("usecase")
    if usecase is not None and not str(usecase).strip():
        raise ModuleError("%susecase=%r: the use case must not be empty." % (prefix, usecase), field=prefix + "usecase")


def check_campaign_id(field: str, value: str | None) -> None:
    """A Campaign Registry campaign ID: C and 6 upper-case letters or digits."""
    if value is not None and not CAMPAIGN_ID.match(value):
        raise ModuleError("%s=%r is not a Campaign Registry campaign ID: C followed by 6 upper-case letters or digits (CABC123)."
                          % (field, value), field=field)
