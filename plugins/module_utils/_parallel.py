# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Bounded parallel execution of independent write requests.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError


def run_all(jobs: list[Callable[[], Any]], concurrency: int) -> list[tuple[Any, ModuleError | None]]:
    """Run every job with at most C(concurrency) at once; return, in the order of the jobs, C((result, None)) for each
    job that worked and C((None, error)) for each that failed.

    A failing job does not stop the others: the caller reports what was done and what failed.
    """
    if not jobs:
        return []
    outcomes: list[tuple[Any, ModuleError | None]] = []
    with ThreadPoolExecutor(max_workers=max(1, min(concurrency, len(jobs)))) as pool:
        futures = [pool.submit(job) for job in jobs]
        for future in futures:
            try:
                outcomes.append((future.result(), None))
            except ModuleError as exc:
                outcomes.append((None, exc))
    return outcomes
