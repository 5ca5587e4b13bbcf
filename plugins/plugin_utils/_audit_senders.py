# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Which owned numbers A2P 10DLC covers: US local numbers that can send SMS or MMS.

Private to the collection: the interface may change without notice.

- Not a sender: a number whose capabilities include neither SMS nor MMS (Twilio refuses it in a sender pool, 21715,
  "SMS or MMS").
- Toll-free: +1 and one of the toll-free codes (module_utils/_numbers.py, TOLL_FREE_CODES, one copy for the modules and
  the audit). Twilio verifies them with toll-free verification, not A2P 10DLC.
- Non-US: any number outside +1. A2P 10DLC is the US carriers' registration of 10-digit long codes.
- Non-US +1: a +1 number whose area code belongs to Canada or a Caribbean country of the North American Numbering Plan
  (NANP_NON_US_CODES below), out of scope of A2P 10DLC (Canada has its own rules). The table is the area codes that Google's
  libphonenumber metadata (PhoneNumberMetadata.xml, phonenumbers 9.0.43, which follows the NANPA's assignments) gives
  to CA, AG, AI, BB, BM, BS, DM, DO, GD, JM, KN, KY, LC, MS, SX, TC, TT, VC and VG; the US territories (AS, GU, MP, PR,
  VI) count as US. An area code assigned after that release counts as US local until it is added here.
- Every other +1 number counts as US local.
"""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._numbers import is_toll_free

US_LOCAL, TOLL_FREE, VOICE_ONLY, NON_US, NANP_NON_US = "us_local", "toll_free", "voice_only", "non_us", "nanp_non_us"
OUT_OF_SCOPE = (NON_US, NANP_NON_US)
CANADA = ("204 226 236 249 250 257 263 273 289 306 343 354 365 367 368 382 403 416 418 428 431 437 438 450 468 474 506 514 519 548 579 "
          "581 584 587 600 604 613 622 633 639 647 672 683 705 709 742 753 778 780 782 807 819 825 867 873 879 902 905 942")
# The Caribbean countries of the plan, and Bermuda (441).
CARIBBEAN = ("242 246 264 268 284 345 441 473 649 658 664 721 758 767 784 809 829 849 868 869 876")
NANP_NON_US_CODES = frozenset((CANADA + " " + CARIBBEAN).split())


def can_text(capabilities: Any) -> bool:
    """Whether Twilio's C(capabilities) object allows SMS or MMS (keys in any case; a missing object counts as yes)."""
    if not isinstance(capabilities, dict):
        return True
    flags = {str(key).lower(): value for key, value in capabilities.items()}
    return bool(flags.get("sms") or flags.get("mms"))


def sender_class(number: dict[str, Any]) -> str:
    """V(us_local), V(toll_free), V(voice_only), V(non_us) or V(nanp_non_us) for an owned number ({phone_number, capabilities})."""
    phone = str(number.get("phone_number") or "")
    if not (phone.startswith("+1") and len(phone) == 12):
        return NON_US
    if phone[2:5] in NANP_NON_US_CODES:
        return NANP_NON_US
    if not can_text(number.get("capabilities")):
        return VOICE_ONLY
    return TOLL_FREE if is_toll_free(phone) else US_LOCAL
