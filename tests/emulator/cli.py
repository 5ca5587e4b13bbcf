"""Command line: ``python tests/emulator --host 127.0.0.1 --port 0 --seed SEED.yml [--log LOG.jsonl]``."""

import argparse
import signal
import sys
import threading
from typing import Any, Optional, Sequence

from emulator import BANNER
from emulator.errors import SeedError
from emulator.server import Emulator


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    """The CLI options."""
    parser = argparse.ArgumentParser(prog="python tests/emulator", description="Local Twilio API emulator for tendlc.twilio tests.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to bind; 0 picks a free one (default 0)")
    parser.add_argument("--seed", required=True, help="seed YAML file (accounts, credentials, pre-existing resources)")
    parser.add_argument("--log", default=None, help="append one JSON line per API request to this file")
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run until SIGTERM or SIGINT; print the ready line once listening."""
    args = parse_args(argv)
    try:
        emulator = Emulator(args.seed, args.host, args.port, args.log)
    except SeedError as error:
        print(f"{BANNER}: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"{BANNER}: cannot listen on {args.host}:{args.port}: {error.strerror}", file=sys.stderr)
        return 1
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
