"""Twilio-shaped errors: the exception handlers raise and the JSON body it becomes."""

from typing import Any, Optional, Sequence


def more_info(code: int) -> str:
    """Twilio's documentation link for an error code."""
    return f"https://www.twilio.com/docs/errors/{code}"


class TwilioError(Exception):
    """An API error, rendered as ``{"code", "message", "more_info", "status"}``."""

    def __init__(self, status: int, code: int, message: str, headers: Optional[dict[str, str]] = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        """The JSON error body, exactly the four keys Twilio sends."""
        return {"code": self.code, "message": self.message, "more_info": more_info(self.code), "status": self.status}


def authenticate(message: str = "Authenticate") -> TwilioError:
    """401 / 20003: missing or wrong credentials (or credentials the resource does not accept: ``message`` says so)."""
    return TwilioError(401, 20003, message, {"WWW-Authenticate": 'Basic realm="Twilio API"'})


def too_many_requests(retry_after: Optional[int] = None) -> TwilioError:
    """429 / 20429: the request was not processed (https://www.twilio.com/docs/errors/20429); ``Retry-After`` in whole
    seconds when given. The injected 429 faults and the A2P rate limit answer with it."""
    return TwilioError(429, 20429, "Too Many Requests", None if retry_after is None else {"Retry-After": str(retry_after)})


def not_found(path: str) -> TwilioError:
    """404 / 20404 for ``path`` (already stripped of the v1 version prefix where Twilio does so)."""
    return TwilioError(404, 20404, f"The requested resource {path} was not found")


def method_not_allowed(method: str, allowed: Sequence[str]) -> TwilioError:
    """405 / 20004 for a known path with an unsupported method (*unconfirmed* code and wording), with the ``Allow`` header
    HTTP requires on a 405 (RFC 9110 section 15.5.6) listing the methods the path serves."""
    return TwilioError(405, 20004, f"Method {method} not allowed", {"Allow": ", ".join(allowed)})


def missing_parameter(name: str) -> TwilioError:
    """400 / 20001 for a required form parameter that was not sent."""
    return TwilioError(400, 20001, f"Missing required parameter {name} in the post body")


def invalid_parameter(name: str, value: str, expected: str) -> TwilioError:
    """400 / 20001 for a value of the wrong type or outside its enum (*unconfirmed* code and wording)."""
    return TwilioError(400, 20001, f"Invalid value '{value}' for parameter {name}: expected {expected}")


class SeedError(ValueError):
    """The seed is malformed; the message names the offending entry (``accounts[0].services[2]: ...``)."""
