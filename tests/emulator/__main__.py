"""``python tests/emulator ...``: put ``tests/`` on sys.path so ``import emulator`` works, then run the CLI."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from emulator.cli import main  # noqa: E402  pylint: disable=wrong-import-position

sys.exit(main())
