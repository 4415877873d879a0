"""Connections that go to the checked address and end at a wall-clock deadline.

requests' timeouts are per socket read: a server that trickles one byte a
second never trips them.  Each request here runs under a Deadline; a single
watchdog thread shuts the request's sockets down when it passes, which makes
the blocked read return at once whatever phase it is in (TLS handshake,
headers or body).  The TLS handshake needs care: wrapping a socket for TLS
detaches the plain socket object, which can then no longer be shut down; so a
new connection is attached through a duplicate of its descriptor, which shuts
the same TCP connection down and is closed when the request ends.

Connections are made to the address the guard checked for the host (never a
fresh DNS answer), while the URL, the Host header, TLS SNI and certificate
checks keep the host name.  Through an HTTP(S) proxy from the environment the
proxy makes the connection, so it is told the checked address: an https URL's
CONNECT tunnel names that address (TLS inside it still checks the name), and a
plain http URL is forwarded as http://ADDRESS/... with the name in Host.  A
SOCKS proxy is refused (see client.py): it would resolve the name itself.
Proxied connections run under the same deadlines.
"""

from __future__ import annotations

import heapq
import itertools
import socket
import threading
import time
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util import connection as util_connection

from .guard import AddressGuard
from .limits import normal_host
from .model import CheckOptions

_current = threading.local()


class Deadline:
    """Context for one request: sockets opened or used inside it are cut off at `at`."""

    def __init__(self, watchdog: "Watchdog", at: float) -> None:
        self.watchdog = watchdog
        self.at = at
        self.expired = False
        self.sent = False  # the connection was open and the request went out on it
        self.sockets: list[socket.socket] = []
        self.owned: list[socket.socket] = []  # duplicates made for this request, closed with it
        self._lock = threading.Lock()

    def __enter__(self) -> "Deadline":
        _current.deadline = self
        self.watchdog.add(self)
        return self

    def __exit__(self, *exc) -> None:
        _current.deadline = None
        with self._lock:
            self.sockets.clear()
            for sock in self.owned:
                sock.close()
            self.owned.clear()

    def shorten(self, seconds: float) -> None:
        """End no later than `seconds` from now (the watchdog is told of the earlier time)."""
        at = time.monotonic() + seconds
        if at < self.at:
            self.at = at
            self.watchdog.add(self)

    def remaining(self) -> float:
        return max(0.001, self.at - time.monotonic())

    def attach(self, sock: socket.socket | None, owned: bool = False) -> None:
        if sock is None:
            return
        with self._lock:
            if owned:
                self.owned.append(sock)
            if self.expired:
                _shut(sock)
            else:
                self.sockets.append(sock)

    def expire(self) -> None:
        with self._lock:
            if self.expired:
                return
            self.expired = True
            for sock in self.sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed: nothing left to cut


def _sending() -> None:
    deadline = getattr(_current, "deadline", None)
    if deadline is not None:
        deadline.sent = True


def _attach(sock: socket.socket | None, duplicate: bool = False) -> None:
    deadline = getattr(_current, "deadline", None)
    if deadline is None or sock is None:
        return
    if duplicate:
        try:
            sock = sock.dup()
        except OSError:
            return  # out of descriptors: the socket timeouts still bound the request
    deadline.attach(sock, owned=duplicate)


class Watchdog:
    """One thread that expires deadlines as they pass."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Deadline]] = []
        self._order = itertools.count()
        self._cond = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="linkcheck-watchdog", daemon=True)
        self._thread.start()

    def deadline(self, seconds: float) -> Deadline:
        return Deadline(self, time.monotonic() + seconds)

    def add(self, deadline: Deadline) -> None:
        with self._cond:
            heapq.heappush(self._heap, (deadline.at, next(self._order), deadline))
            self._cond.notify()

    def expire_all(self) -> None:
        """Cut every request in flight now (the run's own deadline has passed)."""
        with self._cond:
            waiting = [item[2] for item in self._heap]
            self._heap.clear()
        for deadline in waiting:
            deadline.expire()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        with self._cond:
            while not self._closed:
                now = time.monotonic()
                due = []
                while self._heap and self._heap[0][0] <= now:
                    due.append(heapq.heappop(self._heap)[2])
                if due:
                    self._cond.release()
                    try:
                        for deadline in due:
                            deadline.expire()
                    finally:
                        self._cond.acquire()
                    continue
                self._cond.wait(self._heap[0][0] - now if self._heap else None)


def _pinned_classes(guard: AddressGuard):
    def new_conn(self) -> socket.socket:
        address = guard.pinned(normal_host(self.host), self.port)
        if address is None:  # a proxy from the environment: not a link's own host
            sock = self._plain_new_conn()
        else:
            try:
                sock = util_connection.create_connection(
                    (address, self.port), self.timeout,
                    source_address=self.source_address, socket_options=self.socket_options,
                )
            except socket.timeout as exc:
                raise ConnectTimeoutError(self, f"Connection to {self.host} timed out") from exc
            except OSError as exc:
                raise NewConnectionError(self, f"Failed to establish a new connection: {exc}") from exc
        _attach(sock, duplicate=True)  # TLS will detach `sock` itself
        return sock

    def request(self, *args, **kwargs):
        if self.sock is not None:  # a kept-alive connection, already open
            _attach(self.sock)
            _sending()
        return self._plain_request(*args, **kwargs)

    def connect(self):
        self._plain_connect()
        _attach(self.sock)  # after TLS: the wrapped socket is the one reads block on
        _sending()

    def tunnel(self):
        # CONNECT to the checked address; TLS (after this returns) still uses the name for SNI
        name = self._tunnel_host
        address = guard.pinned(normal_host(name or ""), self._tunnel_port)
        if address is None:
            raise OSError(f"no checked address for {name}")
        self._tunnel_host = address
        try:
            self._plain_tunnel()
        finally:
            self._tunnel_host = name

    def pinned(base):
        return type(
            "Pinned" + base.__name__, (base,),
            {"_plain_new_conn": base._new_conn, "_new_conn": new_conn,
             "_plain_request": base.request, "request": request,
             "_plain_connect": base.connect, "connect": connect,
             "_plain_tunnel": base._tunnel, "_tunnel": tunnel},
        )

    http_pool = type("PinnedPool", (HTTPConnectionPool,), {"ConnectionCls": pinned(HTTPConnection)})
    https_pool = type("PinnedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": pinned(HTTPSConnection)})
    return http_pool, https_pool


class PinnedAdapter(HTTPAdapter):
    """Pinned pools for direct and proxied requests alike."""

    def __init__(self, guard: AddressGuard, **kwargs) -> None:
        self.guard = guard
        http_pool, https_pool = _pinned_classes(guard)
        self.pools = {"http": http_pool, "https": https_pool}
        super().__init__(**kwargs)
        self.poolmanager.pool_classes_by_scheme = self.pools

    def proxy_manager_for(self, proxy: str, **proxy_kwargs):
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = self.pools
        return manager

    def request_url(self, request, proxies) -> str:
        url = super().request_url(request, proxies)
        if not url.lower().startswith("http://"):
            return url  # a path: sent to the host itself, over a pinned connection or tunnel
        # the absolute form goes to a forwarding proxy, which connects where the URL says
        parts = urlsplit(url)
        address = self.guard.pinned(normal_host(parts.hostname or ""), parts.port or 80)
        if address is None:
            raise requests.exceptions.ConnectionError(f"no checked address for {parts.hostname}")
        request.headers["Host"] = parts.netloc
        host = f"[{address}]" if ":" in address else address
        return urlunsplit(parts._replace(netloc=f"{host}:{parts.port}" if parts.port else host))


def make_session(options: CheckOptions, guard: AddressGuard) -> requests.Session:
    session = requests.Session()
    # Retries are ours (with backoff and verdicts), so urllib3 must not retry on its own.
    adapter = PinnedAdapter(guard, pool_connections=64, pool_maxsize=max(1, options.concurrency), max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update(
        {
            "User-Agent": options.agent(),
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "en",
        }
    )
    return session
