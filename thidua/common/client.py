"""The address a request came from, as the rate limits count it."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

IPV6_PREFIX = 64


def client_ip(request: HttpRequest) -> str | None:
    """The connection's address, or behind the reverse proxy (``THIDUA_CLIENT_ADDRESS_HEADER``
    set) the one the proxy saw. The proxy appends that address to whatever ``X-Forwarded-For``
    the browser sent, so only the last entry is trusted; the earlier ones are the sender's to
    invent. Also what django-axes counts sign-ins by (``AXES_CLIENT_IP_CALLABLE``)."""
    header = getattr(settings, "THIDUA_CLIENT_ADDRESS_HEADER", None)
    candidates = [request.META.get("REMOTE_ADDR", "")]
    if header:
        candidates.insert(0, request.META.get(header, "").rsplit(",", 1)[-1].strip())
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


def client_address(request: HttpRequest) -> str:
    """``client_ip`` as the rate limits count it: an IPv6 address stands for its /64 (one
    household or office gets a whole /64 and could otherwise take a fresh address for every
    request)."""
    found = client_ip(request)
    if found is None:
        return "unknown"
    address = ipaddress.ip_address(found)
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False))
    return str(address)
