"""The transport-free core: one request in, one :class:`~emulator.routing.Reply` out.

Order for API requests: fault ``before`` hook, product check, authentication (an account that is not active is refused),
routing (a main account addressing a subaccount's 2010 path acts on the subaccount, :mod:`emulator.api.scope`), the A2P rate limit
(:mod:`emulator.rate_limit`), handler (under the state lock), fault ``after`` hook, log record. Admin requests only route and run.
A request whose connection a fault drops is logged too, with its ``fault``: ``reset-before`` with
``status`` and ``response`` null (nothing was applied), ``reset-after`` with the reply that was never sent.
"""

import base64
import binascii
import copy
import json
import sys
import traceback
from typing import Any, Mapping, Optional
from urllib.parse import unquote, urlsplit

from emulator import admin, products, rate_limit
from emulator.api import PRODUCT as API_2010
from emulator.api.scope import acting_account, check_active
from emulator.errors import TwilioError, authenticate, not_found
from emulator.faults import Faults, RequestInfo
from emulator.forms import MultiDict, decode, flatten
from emulator.reqlog import RequestLog
from emulator.routing import Call, Reply
from emulator.seed import build_accounts
from emulator.settings import POOL_LIMIT, Settings
from emulator.state import Account, State
from emulator.timefmt import log_timestamp


class App:
    """State, request log and fault plan, plus the dispatch that ties them together.

    ``settings`` are the start-up values (latency, pool limit, faults, A2P rate) that ``reset`` returns to.
    """

    def __init__(self, seed: dict[str, Any], log_path: Optional[str] = None, settings: Settings = Settings()) -> None:
        self.state = State(seed, build_accounts, {POOL_LIMIT: settings.pool_limit})
        self.log = RequestLog(log_path)
        self.faults = Faults(settings.latency_ms, settings.faults, settings.fault_seed)
        self.a2p_rate = rate_limit.A2pRateLimit(settings.a2p_rate)

    def reset(self) -> None:
        """Back to the seed; forget in-memory request records and fault rules."""
        self.state.reset()
        self.log.clear()
        self.faults.reset()
        self.a2p_rate.reset()

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Reply:
        """Serve one HTTP request (``target`` is the request line's path and query; header names are case-insensitive)."""
        headers = {name.lower(): value for name, value in headers.items()}
        split = urlsplit(target)
        product, path = _split_product(unquote(split.path))
        query = decode(split.query)
        content_type = (headers.get("content-type") or "").split(";")[0].strip().lower()
        form = decode(body.decode("utf-8", "replace")) if body and content_type in ("", "application/x-www-form-urlencoded") else {}
        if product == admin.PRODUCT:
            return self._admin(method, path, query, form, content_type, body)
        info = RequestInfo(method, product, path)
        account: Optional[Account] = None
        reply: Optional[Reply] = None
        try:  # a ConnectionDrop from a fault hook passes through, logged by the finally clause
            reply = self.faults.before(info)
            if reply is None:
                try:
                    if product not in products.PRODUCTS:
                        raise not_found(f"/{product}{path}" if product else path)
                    with self.state.lock:  # one lock: auth, routing and the handler see one consistent state
                        account, by_api_key = self._authenticate(headers.get("authorization"))
                        route, params = products.API.match(product, method, path)
                        if product == API_2010:  # a main account's credentials act on its subaccounts' 2010 paths
                            account = acting_account(self.state, account, by_api_key, params.get("AccountSid"))
                        self._check_a2p_rate(info, account)  # after routing: a 404 or 405 is no A2P operation and does not count
                        reply = route.handler(Call(method, product, path, query, form, params, self.state, account, by_api_key=by_api_key))
                        reply.body = copy.deepcopy(reply.body)
                except TwilioError as error:
                    reply = Reply(error.status, error.body(), dict(error.headers))
                except Exception:  # pylint: disable=broad-exception-caught
                    traceback.print_exc(file=sys.stderr)
                    reply = Reply(500, TwilioError(500, 20500, "Internal Server Error").body())
                reply = self.faults.after(info, reply)
            return reply
        finally:
            record: dict[str, Any] = {
                "time": log_timestamp(),
                "method": method,
                "product": product,
                "path": path,
                "query": flatten(query),
                "form": flatten(form),
                "status": reply.status if reply is not None else None,
                "account_sid": account.sid if account is not None else None,
                "response": reply.body if reply is not None else None,
            }
            if info.fault is not None:
                record["fault"] = info.fault
            self.log.record(record)

    def _check_a2p_rate(self, info: RequestInfo, account: Account) -> None:
        """Raise the A2P rate limit's 429, logged and counted like an injected 429 (``fault: a2p-rate``)."""
        limited = self.a2p_rate.check(account.sid, info.product, info.path)
        if limited is not None:
            self.faults.count(info, rate_limit.KIND)
            raise limited

    def _authenticate(self, header: Optional[str]) -> tuple[Account, bool]:
        """The caller's account, and whether an API key (not the account SID and auth token) signed the request."""
        scheme, _space, encoded = (header or "").partition(" ")
        if scheme.lower() != "basic":
            raise authenticate()
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise authenticate() from None
        username, _colon, password = decoded.partition(":")
        account = self.state.authenticate(username, password)
        if account is None:
            raise authenticate()
        check_active(self.state, account)  # a suspended or closed account's own credentials: 401 / 20005
        return account, username != account.sid

    def _admin(self, method: str, path: str, query: MultiDict, form: MultiDict, content_type: str, body: bytes) -> Reply:
        try:
            payload = json.loads(body) if body and content_type == "application/json" else None
        except ValueError:
            return Reply(400, TwilioError(400, 20001, "Invalid JSON body").body())
        try:
            route, params = products.ADMIN.match(admin.PRODUCT, method, path)
            return route.handler(self, Call(method, admin.PRODUCT, path, query, form, params, self.state, json=payload))
        except TwilioError as error:
            return Reply(error.status, error.body(), dict(error.headers))


def _split_product(path: str) -> tuple[str, str]:
    """``/messaging/v1/Services`` -> ``("messaging", "/v1/Services")``."""
    product, _slash, rest = path.lstrip("/").partition("/")
    return product, "/" + rest
