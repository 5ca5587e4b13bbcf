"""The flex_a2p role plans every step in one module run (plan.yml, tendlc.twilio.flex_a2p_plan) and applies a step with
its own task (service.yml, pool.yml, brand.yml, campaign.yml): both must pass the step's module the same options, less
those the plan fills in from its earlier steps. Read from the task files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROLE = Path(__file__).resolve().parents[4] / "roles" / "flex_a2p"
# The step's module, its task file, the plan's variable with its options, and the options the plan fills in itself.
STEPS = [
    ("messaging_service", "service.yml", "flex_a2p__service_options", set()),
    ("sender_pool", "pool.yml", "flex_a2p__pool_options", {"service", "plan_new_service"}),
    ("a2p_brand", "brand.yml", "flex_a2p__brand_options", set()),
    ("a2p_campaign", "campaign.yml", "flex_a2p__campaign_options", {"service", "plan_new_service", "brand_registration_sid", "wait"}),
    ("a2p_external_campaign", "campaign.yml", "flex_a2p__external_options", {"service", "plan_new_service"}),
    ("tollfree_verification", "tollfree.yml", "flex_a2p__tollfree_options", {"phone_number"}),
]


def _task_options(task_file: str, module: str) -> dict[str, Any]:
    tasks = yaml.safe_load((ROLE / "tasks" / task_file).read_text(encoding="utf-8"))
    found = [task["tendlc.twilio." + module] for task in tasks if "tendlc.twilio." + module in task]
    assert len(found) == 1, "%s runs %s once" % (task_file, module)
    return found[0]


def _plan_task() -> dict[str, Any]:
    tasks = yaml.safe_load((ROLE / "tasks" / "plan.yml").read_text(encoding="utf-8"))
    return next(task for task in tasks if "tendlc.twilio.flex_a2p_plan" in task)


@pytest.mark.parametrize("module, task_file, variable, filled_in", STEPS, ids=[step[0] for step in STEPS])
def test_the_plan_passes_each_step_the_options_of_its_task(module: str, task_file: str, variable: str, filled_in: set[str]) -> None:
    step = {name: value for name, value in _task_options(task_file, module).items() if name not in filled_in}
    planned = _plan_task()["vars"][variable]
    assert planned == step


def test_the_plan_fills_in_only_what_its_earlier_steps_give() -> None:
    """The options the plan leaves out are those flex_a2p_plan sets from the service and brand steps (its documentation)."""
    for module, task_file, _variable, filled_in in STEPS:
        assert filled_in <= set(_task_options(task_file, module)), "%s: %s" % (module, filled_in)
