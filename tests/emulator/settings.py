"""Start-up settings: the knobs the command line (``--latency-ms``, ``--pool-limit``, ``--fault``, ``--fault-seed``,
``--a2p-rate``) and :func:`emulator.server.start` set.

``POST /_emulator/latency``, ``POST /_emulator/pool-limit``, ``POST /_emulator/faults`` and ``POST /_emulator/a2p-rate``
change them while running;
``POST /_emulator/reset`` puts them back to these start-up values.
"""

from dataclasses import dataclass
from typing import Optional

from emulator.fault_rules import FaultRule

DEFAULT_POOL_LIMIT = 400  # Twilio's limit of senders (all kinds) in one Messaging Service
POOL_LIMIT = "pool_limit"  # key of State.settings


@dataclass(frozen=True)
class Settings:
    """``latency_ms``: milliseconds added to every API request; ``pool_limit``: senders one Messaging Service may hold;
    ``faults``: fault rules (:mod:`emulator.fault_rules`); ``fault_seed``: the seed of the faults' RNG (None: unpredictable);
    ``a2p_rate``: A2P brand and campaign requests per second per account (:mod:`emulator.rate_limit`; 0: no limit)."""

    latency_ms: float = 0.0
    pool_limit: int = DEFAULT_POOL_LIMIT
    faults: tuple[FaultRule, ...] = ()
    fault_seed: Optional[int] = None
    a2p_rate: float = 0.0
