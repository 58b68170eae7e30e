"""A small HTTP client for the deploy check, on the standard library: cookies kept by hand
(the session cookie is Secure, and the check talks plain http to the app as the proxy does,
saying ``X-Forwarded-Proto: https``), redirects not followed, multipart uploads."""

from __future__ import annotations

import http.client
import json
import re
import secrets
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.body)

    def csrf_token(self) -> str:
        found = CSRF_INPUT.search(self.text)
        if not found:
            raise AssertionError("the page has no CSRF token in its form")
        return found.group(1)

    def set_cookies(self) -> list[str]:
        return self.headers.get_all("Set-Cookie") or []


@dataclass
class Client:
    host: str
    port: int
    behind_proxy: bool = True  # as nginx sends them: the browser came over https
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        scheme = "https" if self.behind_proxy else "http"
        return f"{scheme}://{self.host}:{self.port}"

    def get(self, path: str, **kwargs: Any) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, fields: dict[str, str]) -> Response:
        body = urlencode(fields).encode()
        return self.request(
            "POST", path, body=body, content_type="application/x-www-form-urlencoded"
        )

    def upload(self, path: str, fields: dict[str, str], name: str, file: bytes) -> Response:
        boundary = secrets.token_hex(16)
        head = f"--{boundary}\r\nContent-Disposition: form-data; name="
        parts = [f'{head}"{key}"\r\n\r\n{value}\r\n'.encode() for key, value in fields.items()]
        parts.append(
            f'{head}"file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
            + file
            + b"\r\n"
        )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request(
            "POST", path, body=body, content_type=f"multipart/form-data; boundary={boundary}"
        )

    def request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        content_type: str | None = None,
        proxy: bool | None = None,
    ) -> Response:
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.behind_proxy if proxy is None else proxy:
            headers["X-Forwarded-Proto"] = "https"
            headers["X-Forwarded-For"] = "192.0.2.10"  # a documentation address (RFC 5737)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = content_type or "application/octet-stream"
            # Django's CSRF check of an https request compares the Origin with the host.
            headers["Origin"] = self.origin
            headers["Referer"] = f"{self.origin}{path}"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            response = Response(raw.status, raw.headers, raw.read())
        finally:
            connection.close()
        for header in response.set_cookies():
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response
