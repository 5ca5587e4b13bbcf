# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Personal data kept out of the audit's report: email addresses in friendly names and other free text.

Private to the collection: the interface may change without notice.

Friendly names of numbers, services and accounts are free text, and people put their email address there (Twilio's
default friendly name of an account is its owner's email address; module_utils/_account.py hides that name). A simple
pattern finds them (letters, digits and ._%+- before the @, a domain with a dot after it); each address is replaced by
EMAIL_HIDDEN, the rest of the text is kept.
"""

from __future__ import annotations

import re
from typing import Any

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
EMAIL_HIDDEN = "(email hidden)"


def without_emails(value: Any) -> Any:
    """C(value) with every email address in its texts replaced, through dictionaries and lists."""
    if isinstance(value, str):
        return EMAIL.sub(EMAIL_HIDDEN, value)
    if isinstance(value, dict):
        return {key: without_emails(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [without_emails(item) for item in value]
    return value
