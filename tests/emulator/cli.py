"""Command line: ``python tests/emulator --host 127.0.0.1 --port 0 --seed SEED.yml [--log LOG.jsonl] [--latency-ms N] [--pool-limit N]
[--brand-approval-seconds N] [--campaign-approval-seconds N] [--trusthub-review-seconds N] [--tollfree-review-seconds N]
[--fault RULE ...] [--fault-seed N] [--a2p-rate N]``."""

import argparse
import signal
import sys
import threading
from typing import Any, Callable, Optional, Sequence, TypeVar

from emulator import BANNER
from emulator.errors import SeedError
from emulator.fault_rules import FaultRule, RuleError, rule_from_text
from emulator.faults import latency_value
from emulator.messaging.a2p_lifecycle import configure as configure_a2p
from emulator.messaging.tollfree_lifecycle import configure as configure_tollfree
from emulator.rate_limit import rate_value
from emulator.server import Emulator
from emulator.trusthub.lifecycle import configure as configure_trusthub
from emulator.settings import DEFAULT_POOL_LIMIT, Settings

T = TypeVar("T")


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    """The CLI options."""
    parser = argparse.ArgumentParser(prog="python tests/emulator", description="Local Twilio API emulator for tendlc.twilio tests.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to bind; 0 picks a free one (default 0)")
    parser.add_argument("--seed", required=True, help="seed YAML file (accounts, credentials, pre-existing resources)")
    parser.add_argument("--log", default=None, help="append one JSON line per API request to this file")
    parser.add_argument("--latency-ms", type=_latency, default=0.0, help="add this many milliseconds (0 to 60000) to every API request (default 0)")
    parser.add_argument("--pool-limit", type=_pool_limit, default=DEFAULT_POOL_LIMIT,
                        help=f"senders one Messaging Service may hold (default {DEFAULT_POOL_LIMIT}, as Twilio)")
    parser.add_argument("--brand-approval-seconds", type=_seconds, default=None,
                        help="approve new A2P brands this many seconds after creation (default: never; admin routes drive them)")
    parser.add_argument("--campaign-approval-seconds", type=_seconds, default=None,
                        help="verify new A2P campaigns this many seconds after creation, IN_PROGRESS from half-way (default: never)")
    parser.add_argument("--trusthub-review-seconds", type=_seconds, default=None,
                        help="approve submitted Trust Hub bundles this many seconds after submission, in-review from half-way "
                             "(default: never; admin routes drive them)")
    parser.add_argument("--tollfree-review-seconds", type=_seconds, default=None,
                        help="approve new or edited toll-free verifications this many seconds after submission, IN_REVIEW from "
                             "half-way (default: never; admin routes drive them)")
    parser.add_argument("--fault", type=_fault_rule, action="append", default=[], metavar="RULE",
                        help='a fault rule, "key=value" words, e.g. "product=messaging 429=0.2 503=0.05 reset-after=0.02"; repeatable')
    parser.add_argument("--fault-seed", type=int, default=None, help="seed of the fault RNG, for reproducible faults (default: unpredictable)")
    parser.add_argument("--a2p-rate", type=_rate, default=0.0, metavar="N",
                        help="A2P brand and campaign requests per second per account; beyond it 429 / 20429 with Retry-After "
                             "(Twilio asks for 1; default 0: no limit)")
    return parser.parse_args(argv)


def _argument_type(convert: Callable[[str], T], errors: type[Exception]) -> Callable[[str], T]:
    """An argparse ``type`` that reports ``convert``'s ``errors`` as the option's usage error."""

    def parse(text: str) -> T:
        try:
            return convert(text)
        except errors as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return parse


_fault_rule: Callable[[str], FaultRule] = _argument_type(rule_from_text, RuleError)
_latency: Callable[[str], float] = _argument_type(latency_value, ValueError)
_rate: Callable[[str], float] = _argument_type(rate_value, ValueError)


def _pool_limit(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds >= 0, got {text!r}")
    return value


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run until SIGTERM or SIGINT; print the ready line once listening."""
    args = parse_args(argv)
    try:
        settings = Settings(args.latency_ms, args.pool_limit, tuple(args.fault), args.fault_seed, args.a2p_rate)
        emulator = Emulator(args.seed, args.host, args.port, args.log, settings)
    except SeedError as error:
        print(f"{BANNER}: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"{BANNER}: cannot listen on {args.host}:{args.port}: {error.strerror}", file=sys.stderr)
        return 1
    configure_a2p(emulator.state, args.brand_approval_seconds, args.campaign_approval_seconds)
    configure_trusthub(emulator.state, args.trusthub_review_seconds)
    configure_tollfree(emulator.state, args.tollfree_review_seconds)
    stopping = threading.Event()

    def request_stop(_signum: int, _frame: Any) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    emulator.start()
    print(f"{BANNER} listening on {emulator.url}", flush=True)
    while not stopping.wait(0.5):
        pass
    emulator.stop()
    return 0
