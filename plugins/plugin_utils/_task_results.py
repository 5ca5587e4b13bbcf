# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Reading the task results the flex_a2p role registers, for its filters.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any


def ran(result: Any, key: str | None = None) -> bool:
    """Whether a registered task result is one of a task that ran (a non-empty dict, not skipped), and, with C(key), holds
    that key (which the role's modules return only when they did not fail)."""
    return isinstance(result, dict) and bool(result) and not result.get("skipped") and (key is None or key in result)


def applied_or_planned(applied: Any, planned: Any) -> dict[str, Any]:
    """A step's applied result when that task ran, else its planned result when that ran, else {}."""
    if ran(applied):
        return applied
    return planned if ran(planned) else {}
