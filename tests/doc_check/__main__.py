# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""``python tests/doc_check [ROOT]``: print every problem of the guides' commands and file names; exit 1 if any."""

import os
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from doc_check.commands import check  # noqa: E402  pylint: disable=wrong-import-position

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
PROBLEMS = check(ROOT)
for problem in PROBLEMS:
    print(problem)
print("guides' commands and file names: %d problem(s)" % len(PROBLEMS))
sys.exit(1 if PROBLEMS else 0)
