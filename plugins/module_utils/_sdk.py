# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The third-party names the client layer uses (twilio, and the requests and urllib3 it comes with), imported once.

Without twilio, stand-ins keep C(_http.py), C(_client.py) and C(_retry.py) importable and C(TWILIO_IMPORT_ERROR) holds
the traceback, which C(_base.py) reports (missing_required_lib) before any request.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import traceback

__all__ = [
    "ChunkedEncodingError", "Client", "ConnectTimeout", "ConnectTimeoutError", "LocationParseError", "MaxRetryError", "NewConnectionError",
    "PreparedRequest", "RequestException", "RequestsConnectionError", "SSLError", "TWILIO_IMPORT_ERROR", "Timeout", "TwilioException",
    "TwilioHttpClient", "parse_url",
]

TWILIO_IMPORT_ERROR: str | None
try:
    from requests import RequestException
    from requests.exceptions import ChunkedEncodingError, ConnectTimeout, SSLError, Timeout
    from requests.exceptions import ConnectionError as RequestsConnectionError
    from requests.models import PreparedRequest
    from twilio.base.exceptions import TwilioException
    from twilio.http.http_client import TwilioHttpClient
    from twilio.rest import Client
    from urllib3.exceptions import ConnectTimeoutError, LocationParseError, MaxRetryError, NewConnectionError
    from urllib3.util import parse_url

    TWILIO_IMPORT_ERROR = None
except ImportError:
    class RequestException(Exception):  # type: ignore[no-redef]
        """Stands in for requests' base exception when twilio (and so requests) is missing."""

    class TwilioException(Exception):  # type: ignore[no-redef]
        """Stands in for the SDK's base exception when twilio is missing."""

    class LocationParseError(Exception):  # type: ignore[no-redef]
        """Stands in for urllib3's URL parse error when twilio (and so urllib3) is missing."""

    class _Unavailable(Exception):
        """Stands in for the other requests and urllib3 exceptions when they are missing: nothing raises it."""

    ChunkedEncodingError = ConnectTimeout = SSLError = Timeout = RequestsConnectionError = _Unavailable  # type: ignore[assignment,misc]
    ConnectTimeoutError = MaxRetryError = NewConnectionError = _Unavailable  # type: ignore[assignment,misc]
    TwilioHttpClient = PreparedRequest = parse_url = object  # type: ignore[assignment,misc]
    Client = None  # type: ignore[assignment,misc]
    TWILIO_IMPORT_ERROR = traceback.format_exc()
