"""Refuse to connect to addresses a link in an untrusted pull request must not reach.

A lint run in CI executes with the CI machine's network position, so a link to
http://169.254.169.254/ or http://100.100.100.200/ would probe the CI's own
network.  Every host is resolved here before any request (within the request's
deadline: a lookup runs on a thread of its own, so a resolver that hangs costs the
waiting URL its deadline and no more), and again on every redirect hop; only globally reachable addresses pass (the IANA IPv4 and IPv6
special-purpose registries), and addresses that wrap an IPv4 address
(IPv4-mapped, 6to4, Teredo, NAT64) are judged by the address they wrap.

The connection then goes to the very address that was checked (see
transport.py): a name cannot resolve to a public address for the check and to
a private one for the connection (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterable

Resolver = Callable[[str, int], list[str]]

IPv4, IPv6 = ipaddress.IPv4Network, ipaddress.IPv6Network

# Not globally reachable, by the IANA special-purpose registries.  192.0.0.0/24
# is refused whole: one cloud's metadata service lives at 192.0.0.192.
SPECIAL: tuple[tuple[ipaddress._BaseNetwork, str], ...] = tuple(
    (ipaddress.ip_network(net), reason)
    for net, reason in (
        ("0.0.0.0/32", "unspecified"),
        ("0.0.0.0/8", "this-network"),
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "shared (carrier-grade NAT)"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"),
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "IETF protocol assignment"),
        ("192.0.2.0/24", "documentation"),
        ("192.88.99.0/24", "6to4 relay anycast"),
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "benchmarking"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("224.0.0.0/4", "multicast"),
        ("255.255.255.255/32", "broadcast"),
        ("240.0.0.0/4", "reserved"),
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("64:ff9b:1::/48", "local-use NAT64"),
        ("100::/64", "discard-only"),
        ("2001::/23", "IETF protocol assignment"),
        ("2001:db8::/32", "documentation"),
        ("3fff::/20", "documentation"),
        ("5f00::/16", "segment routing"),
        ("fc00::/7", "unique-local"),
        ("fe80::/10", "link-local"),
        ("fec0::/10", "site-local"),
        ("ff00::/8", "multicast"),
    )
)
GLOBAL_UNICAST_V6 = ipaddress.ip_network("2000::/3")
NAT64 = ipaddress.ip_network("64:ff9b::/96")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
TEREDO = ipaddress.ip_network("2001::/32")


class ResolveError(Exception):
    """A host name could not be resolved; `permanent` says whether retrying can help."""

    def __init__(self, message: str, permanent: bool, timed_out: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.timed_out = timed_out  # no answer within the request's deadline


class _Lookup:
    """One resolution of a host, run on a thread of its own so that waiting for it can end at a
    deadline (getaddrinfo cannot be interrupted); every request for the host waits on the same one."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.answer: list[str] | ResolveError = []


def system_resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        # EAI_AGAIN is a resolver hiccup; every other failure means the name does not exist.
        permanent = exc.errno != socket.EAI_AGAIN
        raise ResolveError("DNS lookup failed", permanent) from exc
    except (UnicodeError, ValueError) as exc:
        raise ResolveError("invalid host name", True) from exc
    return sorted({info[4][0] for info in infos})


def wrapped(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address stands for, when it is one of the wrapping forms."""
    if ip.ipv4_mapped:
        return [ip.ipv4_mapped]
    if ip.sixtofour:
        return [ip.sixtofour]
    if ip in TEREDO and ip.teredo:
        return list(ip.teredo)  # (server, client)
    packed = int(ip)
    if ip in NAT64 or (ip in IPV4_COMPATIBLE and packed > 1):
        return [ipaddress.IPv4Address(packed & 0xFFFFFFFF)]
    return []


def forbidden_reason(address: str) -> str | None:
    """Why `address` must not be contacted, or None when it is globally reachable."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "unparsable"
    if isinstance(ip, ipaddress.IPv6Address):
        inner = wrapped(ip)
        if inner:
            for v4 in inner:
                reason = _special(v4)
                if reason:
                    return reason
            return None
        if ip not in GLOBAL_UNICAST_V6 and not _special(ip):
            return "reserved"
    return _special(ip)


def _special(ip: ipaddress._BaseAddress) -> str | None:
    for network, reason in SPECIAL:
        if ip.version == network.version and ip in network:
            return reason
    return None


def preferred(addresses: Iterable[str]) -> str:
    """The address to connect to: IPv4 first, as CI runners often have no IPv6 route."""
    return sorted(addresses, key=lambda a: (":" in a, a))[0]


class AddressGuard:
    """Resolves each host once per run, says whether it may be contacted, and pins the address."""

    def __init__(self, allow_private: bool, resolve: Resolver | None = None,
                 allow_networks: Iterable[str] = ()) -> None:
        self.allow_private = allow_private
        self.allowed = tuple(ipaddress.ip_network(n, strict=False) for n in allow_networks)
        self._resolve = resolve or system_resolve
        self._lock = threading.Lock()
        self._lookups: dict[tuple[str, int], _Lookup] = {}  # under way
        self._answers: dict[tuple[str, int], list[str] | ResolveError] = {}
        self._pins: dict[tuple[str, int], str] = {}

    def check(self, host: str, port: int, timeout: float | None = None) -> str | None:
        """Return a refusal reason, or None when the host may be contacted (its address is then pinned).

        Raises ResolveError when the name does not resolve, or has not within `timeout` seconds.
        """
        addresses = self._lookup(host, port, timeout)
        if not addresses:
            raise ResolveError("DNS lookup failed", True)
        if not self.allow_private:
            for address in addresses:
                reason = self._refusal(address)
                if reason:
                    return f"refused to connect to {reason} address {address}"
        with self._lock:
            self._pins.setdefault((host, port), preferred(addresses))
        return None

    def _refusal(self, address: str) -> str | None:
        reason = forbidden_reason(address)
        if reason and self.allowed:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            if any(ip.version == n.version and ip in n for n in self.allowed):
                return None
        return reason

    def pinned(self, host: str, port: int) -> str | None:
        """The address checked for this host, which its connections must use."""
        with self._lock:
            return self._pins.get((host, port))

    def _lookup(self, host: str, port: int, timeout: float | None) -> list[str]:
        key = (host, port)
        with self._lock:
            answer = self._answers.get(key)
            lookup = self._lookups.get(key) if answer is None else None
            if answer is None and lookup is None:
                # One lookup per host even when many workers reach it at once.
                lookup = self._lookups[key] = _Lookup()
                threading.Thread(target=self._resolve_into, args=(key, lookup), daemon=True,
                                 name="linkcheck-resolve").start()
        if lookup is not None:
            if not lookup.done.wait(timeout):
                raise ResolveError("no DNS answer in time", permanent=False, timed_out=True)
            answer = lookup.answer
        if isinstance(answer, ResolveError):
            raise answer
        assert answer is not None
        return answer

    def _resolve_into(self, key: tuple[str, int], lookup: _Lookup) -> None:
        try:
            lookup.answer = self._resolve(*key)
        except ResolveError as exc:
            lookup.answer = exc
        except Exception as exc:  # an embedder's resolver failing is a lookup failing, never a hang
            lookup.answer = ResolveError(f"DNS lookup failed ({type(exc).__name__})", permanent=False)
        with self._lock:
            if not (isinstance(lookup.answer, ResolveError) and not lookup.answer.permanent):
                self._answers[key] = lookup.answer
            self._lookups.pop(key, None)
        lookup.done.set()
