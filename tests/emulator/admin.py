"""Admin routes under ``/_emulator/`` (no auth, not logged, no faults).

Each route is one small function ``(app, call) -> Reply`` registered on :data:`ADMIN`; ``call.json``
holds a JSON body and ``call.form`` a form body, ``call.params`` the path parameters.
"""

from typing import TYPE_CHECKING

from emulator.routing import Call, Reply, Router

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
