"""Schemathesis cases for one operation against the running emulator, with the checks and figures of the stage."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hypothesis
import requests
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.core.transport import Response
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

# Left out (docs/emulator.md, "Schemathesis", says why): status_code_conformance (Twilio's specs document only each
# operation's success status, never its 400/401/404 answers), response_headers_conformance (the contract corrections
# drop the specs' optional CORS headers) and the checks that need a stateful run or a fault-free "valid" verdict
# (positive_data_acceptance, negative_data_rejection, use_after_free, ensure_resource_availability, ignored_auth).
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
# Hypothesis' caches (no example database is used), under .build/ rather than a .hypothesis/ in the working directory,
# which the collection tarball would ship.
HYPOTHESIS_HOME = Path(__file__).resolve().parents[2] / ".build" / "hypothesis"


@dataclass
class Tally:
    """The stage's figures; ``failures`` counts failed checks by one-line description (operation, status, check, message)."""

    operations: int = 0
    cases: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)

    def fail(self, line: str) -> None:
        """Count one failed check under its one-line description."""
        self.failures[line] = self.failures.get(line, 0) + 1

    @property
    def failures_found(self) -> int:
        """Failed checks, all cases together."""
        return sum(self.failures.values())


@dataclass(frozen=True)
class Target:
    """Where and how cases are sent: the emulator's URL, the product, the session that carries the seed account's
    credentials, and the setup requests (tests/spec_fuzz/setup.yml) to send after each reset."""

    url: str
    product: str
    session: requests.Session
    setup: list[dict[str, Any]] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        """The product's base URL (``https://<product>.twilio.com`` in the spec)."""
        return f"{self.url}/{self.product}"


def reset(target: Target) -> list[tuple[str, requests.Response]]:
    """Reset the emulator to its seed and send the setup requests; their paths and answers.
    RuntimeError if one is refused."""
    target.session.post(f"{target.url}/_emulator/reset", timeout=10).raise_for_status()
    answers = []
    for request in target.setup:
        response = target.session.post(target.url + request["path"], data=request["form"], timeout=10)
        if response.status_code not in (200, 201):
            raise RuntimeError(f"setup request POST {request['path']} answered {response.status_code}: {response.text[:300]}")
        answers.append((request["path"], response))
    return answers


def check_answer(schema: Any, operation: Any, response: requests.Response, tally: Tally) -> None:
    """Check one answer that no generated case produced (a setup request's) against ``operation``'s documented schema."""
    tally.cases += 1
    tally.statuses[response.status_code] = tally.statuses.get(response.status_code, 0) + 1
    try:
        schema.validate_response(operation, Response.from_any(response))
    except FailureGroup as group:
        _count(group.exceptions, operation, response, tally)
    except Failure as failure:  # validate_response raises a lone failure as it is
        _count([failure], operation, response, tally)


def strategies(operation: Any, seeded: list[dict[str, str]], fixed: dict[str, str]) -> Any:
    """Positive cases with seeded path SIDs (resources that exist) and with generated ones, and negative cases;
    ``fixed`` path parameters (the seed's ``AccountSid``) in all of them."""
    options = [operation.as_strategy(path_parameters=values) for values in seeded]
    options.append(operation.as_strategy(path_parameters=fixed))
    options.append(operation.as_strategy(generation_mode=GenerationMode.NEGATIVE, path_parameters=fixed))
    return st.one_of(options)


def _send(case: Any, target: Target, tally: Tally) -> None:
    tally.cases += 1
    try:
        response = case.call(base_url=target.base_url, session=target.session, timeout=30)
    except requests.RequestException as error:
        tally.fail(f"{case.operation.label}: request failed: {type(error).__name__}")
        return
    tally.statuses[response.status_code] = tally.statuses.get(response.status_code, 0) + 1
    try:
        case.validate_response(response, checks=CHECKS)
    except FailureGroup as group:
        _count(group.exceptions, case.operation, response, tally)


def _count(failures: Sequence[Failure], operation: Any, response: Any, tally: Tally) -> None:
    for failure in failures:
        detail = (failure.message or "").strip().splitlines()[:1]
        tally.fail(": ".join([operation.label, str(response.status_code), failure.title, *(line[:200] for line in detail)]))


def fuzz(operation: Any, paths: tuple[list[dict[str, str]], dict[str, str]], target: Target, tally: Tally, *, max_examples: int,
         seed: int) -> None:
    """Reset the emulator, then send ``max_examples`` cases of ``operation`` (fixed Hypothesis seed)."""
    reset(target)
    set_hypothesis_home_dir(HYPOTHESIS_HOME)
    tally.operations += 1
    test: Callable[..., None] = hypothesis.given(case=strategies(operation, *paths))(lambda case: _send(case, target, tally))
    test = hypothesis.seed(seed)(hypothesis.settings(
        max_examples=max_examples,
        database=None,
        deadline=None,
        phases=[hypothesis.Phase.generate],  # failures are counted, not raised: nothing to shrink
        suppress_health_check=list(hypothesis.HealthCheck),
        derandomize=False,
    )(test))
    test()
