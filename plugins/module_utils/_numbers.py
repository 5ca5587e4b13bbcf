# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Which kind of number an owned phone number is, written once for the modules and the audit.

Toll-free: +1 and one of the FCC's toll-free codes 800, 833, 844, 855, 866, 877, 888 (FCC consumer guide "What is a
toll-free number and how does it work?"; Twilio's toll-free verification resource page lists the same codes). Twilio
verifies them with toll-free verification, not A2P 10DLC.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any

TOLL_FREE_CODES = frozenset(("800", "833", "844", "855", "866", "877", "888"))


def is_toll_free(phone_number: Any) -> bool:
    """Whether an E.164 number is a North American toll-free number (+1 and a toll-free code, 10 digits)."""
    phone = str(phone_number or "")
    return phone.startswith("+1") and len(phone) == 12 and phone[2:].isdigit() and phone[2:5] in TOLL_FREE_CODES
