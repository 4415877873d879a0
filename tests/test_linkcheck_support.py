"""A scriptable HTTP server on 127.0.0.1 for the link checker tests (no tests here)."""
from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from awesome_lint.linkcheck import CheckOptions


def fast(**changes) -> CheckOptions:
    """Options that keep each test to a fraction of a second."""
    base = dict(
        allow_private=True, timeout=0.5, connect_timeout=0.5, retries=2,
        backoff=0.01, max_backoff=0.05, max_retry_after=2.0, cache=None, content_checks=False,
    )
    base.update(changes)
    return CheckOptions(**base)


class Site:
    """Routes map a path to a function (method, tries) -> (status, headers[, body]) or "hang"."""

    def __init__(self, routes=None, delay: float = 0.0, per_second: int | None = None, headers=None) -> None:
        self.routes = dict(routes or {})
        self.delay = delay
        # more than per_second requests within any one second are answered 429, as a rate limiter would
        self.per_second = per_second
        self.extra_headers = dict(headers or {})
        self.accepted: list[float] = []
        self.current = threading.local()  # .path (and .body) of the request a route is answering
        self.bodies: list[bytes] = []
        self.limited: list[float] = []
        self.requests: list[tuple[str, str, dict]] = []
        self.starts: list[float] = []
        self.tries: Counter = Counter()
        self.active = 0
        self.peak = 0
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_HEAD(self):
                site._handle(self)

            def do_GET(self):
                site._handle(self)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                site.current.body = self.rfile.read(length)
                site.bodies.append(site.current.body)
                site._handle(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_port
        self.base = f"http://127.0.0.1:{self.port}"
        self.host = f"127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> "Site":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        with self.lock:
            self.requests.append((handler.command, path, dict(handler.headers)))
            self.starts.append(time.monotonic())
            self.tries[path] += 1
            tries = self.tries[path]
            self.active += 1
            self.peak = max(self.peak, self.active)
        busy = True
        try:
            if self.delay:
                time.sleep(self.delay)
            self.current.path = path
            route = self.routes.get(path.split("?")[0]) or self.routes.get("*")
            answer = route(handler.command, tries) if route else (404, {})
            if self.per_second is not None and not self._admit():
                answer = (429, {"Retry-After": "1"})
            if answer == "hang":
                time.sleep(3)
                handler.close_connection = True
                return
            # A request stops counting as active before its answer leaves: once the client
            # has read it, the client may start the next one on another connection before
            # this thread gets to run again, and the peak would count one the client never
            # had in flight.
            with self.lock:
                self.active -= 1
            busy = False
            status, headers, *rest = answer
            body = rest[0] if rest else b"<p>hello</p>"
            handler.send_response(status)
            for key, value in {**self.extra_headers, **headers}.items():
                handler.send_header(key, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            if handler.command != "HEAD":
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            if busy:
                with self.lock:
                    self.active -= 1


    def _admit(self) -> bool:
        now = time.monotonic()
        with self.lock:
            recent = [t for t in self.accepted if t > now - 1.0]
            if len(recent) >= self.per_second:
                self.limited.append(now)
                return False
            self.accepted.append(now)
            return True


def status(code: int, **headers):
    return lambda method, tries: (code, {k.replace("_", "-"): v for k, v in headers.items()})


def page(title: str, code: int = 200):
    body = f"<html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>".encode()
    return lambda method, tries: (code, {"Content-Type": "text/html"}, body)


class Trickle:
    """A raw TCP server on 127.0.0.1 whose handler(sock, request, stop) may send as slowly as it likes.

    With `raw`, the handler gets the connection at once (request b""): for servers that never speak HTTP.
    """

    def __init__(self, handler, raw: bool = False, scheme: str = "http") -> None:
        import socket

        self.handler = handler
        self.raw = raw
        self.scheme = scheme
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.host = f"127.0.0.1:{self.port}"
        self.connections = 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def url(self, path: str) -> str:
        return f"{self.scheme}://{self.host}{path}"

    def __enter__(self) -> "Trickle":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self.thread.join(timeout=5)
        self.sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn) -> None:
        try:
            conn.settimeout(5)
            data = b""
            while not self.raw and b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            self.handler(conn, data, self._stop)
        except OSError:
            pass
        finally:
            conn.close()


def drip(conn, data: bytes, stop, every: float = 0.2, limit: float = 8.0) -> None:
    """Send `data` one byte per `every` seconds until done, stopped or `limit` seconds have passed."""
    ends = time.monotonic() + limit
    for byte in data:
        if stop.is_set() or time.monotonic() > ends:
            return
        conn.sendall(bytes([byte]))
        time.sleep(every)
