"""``python tests/spec_fuzz [--max-examples N] [--seed N] [--only REGEX]``: Schemathesis against the emulator.

Starts the emulator (tests/emulator, a free port, tests/spec_fuzz/seed.yml), loads Twilio's messaging v1 and API 2010
specs with the contract checks' corrections, and sends generated cases to every operation of them that the emulator
serves, checking each answer with Schemathesis' not_a_server_error and response_schema_conformance. Prints the
figures (operations, cases, failures); exits 1 on any failure. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# pylint: disable=wrong-import-position
import requests  # noqa: E402
import schemathesis  # noqa: E402
import yaml  # noqa: E402
from schemathesis.config import SchemathesisConfig  # noqa: E402

from contract.spec_fetch import fetch_spec  # noqa: E402
from integration.harness import start_emulator  # noqa: E402
from spec_fuzz.fuzz import Tally, Target, check_answer, fuzz, reset  # noqa: E402
from spec_fuzz.operations import (PRODUCTS, add_created_sids, corrected_spec, fixed_paths, path_parameters, seed_sids,  # noqa: E402
                                   seeded_paths, served, setup_shape, shape, spec_shapes)

HERE = Path(__file__).resolve().parent
SEED = HERE / "seed.yml"
SETUP = HERE / "setup.yml"
# Explicit, so that no schemathesis.toml is looked for. Security parameters stay out of generation: the session sends
# the seed account's credentials, and cases without them would only ever meet the emulator's 401.
CONFIG = {"generation": {"with-security-parameters": False}}


def parse_args() -> argparse.Namespace:
    """The options."""
    parser = argparse.ArgumentParser(prog="python tests/spec_fuzz", description=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--max-examples", type=int, default=50, help="cases per operation (default 50)")
    parser.add_argument("--seed", type=int, default=11, help="Hypothesis seed (default 11)")
    parser.add_argument("--only", default="", help="fuzz only operations whose label ('GET /v1/Services') matches this regex")
    return parser.parse_args()


def run(args: argparse.Namespace, url: str, seed: dict, tally: Tally) -> list[str]:
    """Fuzz every served operation of PRODUCTS; returns the routes the emulator serves that the specs lack."""
    account = seed["accounts"][0]
    session = requests.Session()
    session.auth = (account["sid"], account["auth_token"])
    session.trust_env = False  # no proxy: only the local emulator
    setup = yaml.safe_load(SETUP.read_text(encoding="utf-8"))
    answers = reset(Target(url, "", session, setup))
    sids = add_created_sids(seed_sids(seed), [(path, response.json()["sid"]) for path, response in answers])
    unmatched = []
    for product in PRODUCTS:
        document = corrected_spec(fetch_spec(), product)
        routes = served(product)
        unmatched += [f"{product} {method} {path}" for method, path in sorted(routes - spec_shapes(document))]
        target = Target(url, product, session, setup)
        schema = schemathesis.openapi.from_dict(document, config=SchemathesisConfig.from_dict(CONFIG))
        for result in schema.get_all_operations():
            operation = result.ok()
            if shape(operation.method, operation.path) not in routes or not re.search(args.only, operation.label):
                continue
            started, before = time.monotonic(), dict(tally.statuses)
            for path, response in answers:  # the setup's creates, which generated cases seldom manage
                if setup_shape(path) == (product, shape("POST", operation.path)[1]) and operation.method.upper() == "POST":
                    check_answer(schema, operation, response, tally)
            parameters = path_parameters(operation)
            paths = list(seeded_paths(parameters, sids, account["sid"])), fixed_paths(parameters, account["sid"])
            fuzz(operation, paths, target, tally, max_examples=args.max_examples, seed=args.seed)
            statuses = " ".join(f"{status}:{count - before.get(status, 0)}" for status, count in sorted(tally.statuses.items())
                                if count > before.get(status, 0))
            print(f"  {product:9} {operation.label:70} {time.monotonic() - started:5.1f} s  {statuses}", flush=True)
    return unmatched


def main() -> int:
    """Run the stage; 0 when no case failed."""
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that the emulator is stopped too
    seed = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    tally = Tally()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tendlc-spec-fuzz-") as workdir:
        emulator = start_emulator(seed, Path(workdir))
        try:
            unmatched = run(args, emulator.url, seed, tally)
        except RuntimeError as error:  # a setup request refused (fuzz.reset)
            print(f"schemathesis: {error}; see tests/spec_fuzz/setup.yml", file=sys.stderr)
            return 1
        finally:
            emulator.process.terminate()
            emulator.process.wait(timeout=30)
    for line in unmatched:
        print(f"served by the emulator, not in the spec (not fuzzed): {line}")
    for line, count in sorted(tally.failures.items()):
        print(f"FAILED ({count} time(s)): {line}")
    statuses = ", ".join(f"{status}: {count}" for status, count in sorted(tally.statuses.items()))
    print(f"schemathesis: {tally.operations} operations, {tally.cases} cases, {tally.failures_found} failures"
          f" ({len(tally.failures)} distinct); statuses {statuses}; seed {args.seed}, {args.max_examples} cases per operation,"
          f" {time.monotonic() - started:.0f} s")
    return 1 if tally.failures or not tally.operations else 0


sys.exit(main())
