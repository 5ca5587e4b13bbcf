# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Which fields of each resource's table the flex_a2p role takes from its dict variables, derived from the tables.

The role passes C(flex_a2p_service_settings), C(flex_a2p_brand), C(flex_a2p_campaign) and C(flex_a2p_tollfree_verification)
on to messaging_service, a2p_brand, a2p_campaign and tollfree_verification (tasks/service.yml, brand.yml, campaign.yml,
tollfree.yml, one option a line). The fields the role fills in
from its other variables are not taken from those dicts. tests/unit/plugins/plugin_utils/test_role_options.py holds
the task files against these lists and the modules' argument_specs.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from ansible_collections.tendlc.twilio.plugins.module_utils._brand import BRAND
from ansible_collections.tendlc.twilio.plugins.module_utils._campaign import CAMPAIGN
from ansible_collections.tendlc.twilio.plugins.module_utils._service import SERVICE
from ansible_collections.tendlc.twilio.plugins.module_utils._tollfree import TOLLFREE

# Fields the role fills in itself: the service's name and use case from flex_a2p_service_name and
# flex_a2p_service_usecase, use_inbound_webhook_on_number always true (Flex needs it); the campaign's brand from the
# brand step (flex_a2p_brand or flex_a2p_brand_sid).
SERVICE_FROM_ROLE = ("friendly_name", "usecase", "use_inbound_webhook_on_number")
CAMPAIGN_FROM_ROLE = ("brand_registration_sid",)
# The toll-free verification's number from each toll-free number of flex_a2p_phone_numbers (tasks/tollfree.yml); besides
# the table's fields, flex_a2p_tollfree_verification passes on these options of tollfree_verification (state and the
# waits are the role's: it never waits, a review takes days).
TOLLFREE_FROM_ROLE = ("phone_number",)
TOLLFREE_MODULE_OPTIONS = ("edit_reason", "replace", "force")

# Each dict variable and the table fields it passes on, in the table's order.
SETTINGS = {
    "flex_a2p_service_settings": tuple(option for option in SERVICE.options() if option not in SERVICE_FROM_ROLE),
    "flex_a2p_brand": BRAND.options(),
    "flex_a2p_campaign": tuple(option for option in CAMPAIGN.options() if option not in CAMPAIGN_FROM_ROLE),
    "flex_a2p_tollfree_verification": tuple(option for option in TOLLFREE.options() if option not in TOLLFREE_FROM_ROLE) + TOLLFREE_MODULE_OPTIONS,
}
