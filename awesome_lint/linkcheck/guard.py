"""Refuse to connect to addresses a link in an untrusted pull request must not reach.

A lint run in CI executes with the CI machine's network position, so a link to
http://169.254.169.254/ or http://10.0.0.5:8080/admin would probe the CI's own
network.  Every host is resolved here before any request, and again on every
redirect hop.  DNS rebinding (a name that resolves to a public address for this
check and a private one for the connection a moment later) is out of scope: it
would need the connection pinned to the checked address.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable

Resolver = Callable[[str, int], list[str]]


class ResolveError(Exception):
    """A host name could not be resolved; `permanent` says whether retrying can help."""

    def __init__(self, message: str, permanent: bool) -> None:
        super().__init__(message)
        self.permanent = permanent


def system_resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        # EAI_AGAIN is a resolver hiccup; every other failure means the name does not exist.
        permanent = exc.errno != socket.EAI_AGAIN
        raise ResolveError("DNS lookup failed", permanent) from exc
    except UnicodeError as exc:
        raise ResolveError("invalid host name", True) from exc
    return sorted({info[4][0] for info in infos})


def forbidden_reason(address: str) -> str | None:
    """Why `address` must not be contacted, or None when it is a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_reserved:
        return "reserved"
    if ip.is_private:
        return "private"
    return None


class AddressGuard:
    """Resolves each host once per run and says whether it may be contacted."""

    def __init__(self, allow_private: bool, resolve: Resolver | None = None) -> None:
        self.allow_private = allow_private
        self._resolve = resolve or system_resolve
        self._lock = threading.Lock()
        self._host_locks: dict[tuple[str, int], threading.Lock] = {}
        self._answers: dict[tuple[str, int], list[str] | ResolveError] = {}

    def check(self, host: str, port: int) -> str | None:
        """Return a refusal reason, or None when the host may be contacted.

        Raises ResolveError when the name does not resolve.
        """
        addresses = self._lookup(host, port)
        if self.allow_private:
            return None
        for address in addresses:
            reason = forbidden_reason(address)
            if reason:
                return f"refused to connect to {reason} address {address}"
        return None

    def _lookup(self, host: str, port: int) -> list[str]:
        key = (host, port)
        with self._lock:
            host_lock = self._host_locks.setdefault(key, threading.Lock())
        # One lookup per host even when many workers reach it at once.
        with host_lock:
            answer = self._answers.get(key)
            if answer is None:
                try:
                    answer = self._resolve(host, port)
                except ResolveError as exc:
                    answer = exc
                if not (isinstance(answer, ResolveError) and not answer.permanent):
                    self._answers[key] = answer
        if isinstance(answer, ResolveError):
            raise answer
        return answer
