"""Test kit for the emulator's own tests: seed, credentials, an HTTP helper and an SDK HTTP client that targets the emulator."""

from typing import Any, Optional
from urllib.parse import urlsplit

import requests
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response

ACCOUNT_A = "AC" + "a1" * 16
TOKEN_A = "token-of-account-a-0123456789"
KEY_A = "SK" + "a2" * 16
KEY_SECRET_A = "secret-of-key-a-0123456789"
ACCOUNT_B = "AC" + "b1" * 16
TOKEN_B = "token-of-account-b-0123456789"
SEEDED_SERVICE = "MG" + "5e" * 16


def make_seed() -> dict[str, Any]:
    """Two accounts; A has an API key and one pre-existing service."""
    return {
        "accounts": [
            {
                "sid": ACCOUNT_A,
                "auth_token": TOKEN_A,
                "friendly_name": "Staging",
                "api_keys": [{"sid": KEY_A, "secret": KEY_SECRET_A}],
                "services": [{"sid": SEEDED_SERVICE, "friendly_name": "Seeded", "use_inbound_webhook_on_number": True}],
            },
            {"sid": ACCOUNT_B, "auth_token": TOKEN_B},
        ]
    }


class Api:
    """A keep-alive ``requests`` session bound to the emulator and one set of credentials."""

    def __init__(self, base: str, auth: Optional[tuple[str, str]]) -> None:
        self.base = base
        self.session = requests.Session()
        self.session.auth = auth

    def url(self, product_path: str) -> str:
        """``/messaging/v1/Services`` -> emulator URL; Twilio URLs (``https://messaging.twilio.com/...``) are rewritten."""
        if product_path.startswith("https://"):
            parts = urlsplit(product_path)
            product_path = f"/{(parts.hostname or '').split('.')[0]}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        return self.base + product_path

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        """GET."""
        return self.session.get(self.url(path), timeout=10, **kwargs)

    def post(self, path: str, data: Any = None, **kwargs: Any) -> requests.Response:
        """POST a form."""
        return self.session.post(self.url(path), data=data, timeout=10, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        """DELETE."""
        return self.session.delete(self.url(path), timeout=10, **kwargs)

    def create_service(self, name: str, **form: str) -> dict[str, Any]:
        """Create a messaging service and return its JSON."""
        response = self.post("/messaging/v1/Services", {"FriendlyName": name, **form})
        assert response.status_code == 201, response.text
        return dict(response.json())


class EmulatorHttpClient(TwilioHttpClient):
    """The SDK's HTTP client, sending ``https://<product>.twilio.com/<path>`` to ``<emulator>/<product>/<path>``."""

    def __init__(self, base: str) -> None:
        super().__init__(timeout=10)
        self.base = base
        self.urls: list[str] = []

    def request(self, method: str, url: str, params: Optional[dict[str, object]] = None, data: Optional[dict[str, object]] = None,
                headers: Optional[dict[str, str]] = None, auth: Optional[tuple[str, str]] = None, timeout: Optional[float] = None,
                allow_redirects: bool = False) -> Response:
        self.urls.append(url)
        parts = urlsplit(url)
        product = (parts.hostname or "").split(".")[0]
        local = f"{self.base}/{product}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        return super().request(method, local, params=params, data=data, headers=headers, auth=auth, timeout=timeout, allow_redirects=allow_redirects)
