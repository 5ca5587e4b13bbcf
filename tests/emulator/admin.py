"""Admin routes under ``/_emulator/`` (no auth, not logged, no faults).

Each route is one small function ``(app, call) -> Reply`` registered on :data:`ADMIN`; ``call.json``
holds a JSON body and ``call.form`` a form body, ``call.params`` the path parameters.
"""

from typing import TYPE_CHECKING, Any

from emulator.errors import TwilioError
from emulator.fault_rules import RuleError, rules_from_json
from emulator.faults import latency_value
from emulator.rate_limit import rate_value
from emulator.routing import Call, Reply, Router
from emulator.settings import POOL_LIMIT

if TYPE_CHECKING:
    from emulator.app import App

PRODUCT = "_emulator"
ADMIN = Router()


@ADMIN.route(PRODUCT, "GET", "/health")
def health(_app: "App", _call: Call) -> Reply:
    """Liveness probe."""
    return Reply(200, {"status": "ok"})


@ADMIN.route(PRODUCT, "POST", "/reset")
def reset(app: "App", _call: Call) -> Reply:
    """State back to the seed; the in-memory request list is cleared (the log file is not)."""
    app.reset()
    return Reply(200, {"status": "reset"})


@ADMIN.route(PRODUCT, "GET", "/state")
def state(app: "App", _call: Call) -> Reply:
    """Every account's resources by kind, without secrets."""
    return Reply(200, app.state.snapshot())


@ADMIN.route(PRODUCT, "GET", "/requests")
def requests(app: "App", _call: Call) -> Reply:
    """The in-memory request records, oldest first."""
    return Reply(200, {"requests": app.log.records()})


@ADMIN.route(PRODUCT, "POST", "/latency")
def latency(app: "App", call: Call) -> Reply:
    """``{"ms": N}``: add N milliseconds (0 to 60000) to every API request from now on; 0 turns it off."""
    try:
        app.faults.latency_ms = latency_value(_json_field(call, "ms"))
    except ValueError as error:
        raise TwilioError(400, 20001, f"ms: {error}") from None
    return Reply(200, {"latency_ms": app.faults.latency_ms})


@ADMIN.route(PRODUCT, "POST", "/pool-limit")
def pool_limit(app: "App", call: Call) -> Reply:
    """``{"limit": N}``: the number of senders one Messaging Service may hold from now on (Twilio's is 400)."""
    limit = _json_field(call, "limit")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise TwilioError(400, 20001, f"limit: expected a whole number >= 0, got {limit!r}")
    with app.state.lock:
        app.state.settings[POOL_LIMIT] = limit
    return Reply(200, {"pool_limit": limit})


@ADMIN.route(PRODUCT, "POST", "/a2p-rate")
def a2p_rate(app: "App", call: Call) -> Reply:
    """``{"rate": N}``: A2P brand and campaign requests per second per account from now on (Twilio asks for 1); 0 turns it off."""
    try:
        app.a2p_rate.set_rate(rate_value(_json_field(call, "rate")))
    except ValueError as error:
        raise TwilioError(400, 20001, f"rate: {error}") from None
    return Reply(200, {"a2p_rate": app.a2p_rate.rate})


@ADMIN.route(PRODUCT, "GET", "/faults")
def faults(app: "App", _call: Call) -> Reply:
    """The fault seed, rules and the faults injected so far: ``{"seed", "rules", "injected": {kind: count}}``."""
    return Reply(200, app.faults.describe())


@ADMIN.route(PRODUCT, "POST", "/faults")
def set_faults(app: "App", call: Call) -> Reply:
    """``{"rules": [rule, ...], "seed"?: N}``: replace the fault rules; a ``seed`` (integer or null) restarts the RNG."""
    try:
        rules = rules_from_json(_json_field(call, "rules"))
    except RuleError as error:
        raise TwilioError(400, 20001, str(error)) from None
    reseed = isinstance(call.json, dict) and "seed" in call.json
    seed = call.json.get("seed") if reseed else None
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise TwilioError(400, 20001, f"seed: expected a whole number or null, got {seed!r}")
    app.faults.configure(rules, seed, reseed)
    return Reply(200, app.faults.describe())


def _json_field(call: Call, name: str) -> Any:
    """A field of the JSON object body, else 400 / 20001."""
    if not isinstance(call.json, dict) or name not in call.json:
        raise TwilioError(400, 20001, f'expected a JSON object body with "{name}"')
    return call.json[name]
