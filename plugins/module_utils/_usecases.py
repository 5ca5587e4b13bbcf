# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Which A2P campaign use cases each Messaging Service use case accepts: the one table the modules read.

Twilio refuses a service use case its campaign's use case does not fit with error 21719 ("Incompatible Messaging
Service/A2P Use Cases", https://www.twilio.com/docs/errors/21719), on a service update as on a campaign create. Twilio
publishes no table of which pairs fit: this one is *unconfirmed* (docs/emulator.md), and
tests/unit/plugins/module_utils/test_usecases.py holds it equal to the emulator's (a2p_rules.SERVICE_COMPATIBLE).
Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

UNDECLARED = "undeclared"
# Campaign use cases that fit every service use case.
UNIVERSAL = frozenset({"MIXED", "LOW_VOLUME", "SOLE_PROPRIETOR"})
SERVICE_COMPATIBLE: dict[str, frozenset[str]] = {
    "notifications": frozenset({"ACCOUNT_NOTIFICATION", "DELIVERY_NOTIFICATION", "FRAUD_ALERT", "SECURITY_ALERT", "PUBLIC_SERVICE_ANNOUNCEMENT",
                                "EMERGENCY", "HIGHER_EDUCATION", "K12_EDUCATION", "CHARITY", "AGENTS_FRANCHISES"}),
    "marketing": frozenset({"MARKETING", "SWEEPSTAKE", "CHARITY", "POLITICAL", "SOCIAL", "AGENTS_FRANCHISES"}),
    "verification": frozenset({"2FA"}),
    "discussion": frozenset({"CUSTOMER_CARE", "PROXY", "SOCIAL", "AGENTS_FRANCHISES"}),
    "poll": frozenset({"POLLING_VOTING", "POLITICAL"}),
}


def service_accepts(service_usecase: str | None, campaign_usecase: str | None) -> bool:
    """Whether a service of this use case may carry a campaign of that one (no campaign use case, as for an externally
    registered campaign, always fits; so does an undeclared service)."""
    usecase = service_usecase or UNDECLARED
    if campaign_usecase is None or usecase == UNDECLARED or campaign_usecase in UNIVERSAL:
        return True
    return campaign_usecase in SERVICE_COMPATIBLE.get(usecase, frozenset())
