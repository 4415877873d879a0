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

    def __init__(self, routes=None, delay: float = 0.0) -> None:
        self.routes = dict(routes or {})
        self.delay = delay
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
        try:
            if self.delay:
                time.sleep(self.delay)
            route = self.routes.get(path.split("?")[0])
            answer = route(handler.command, tries) if route else (404, {})
            if answer == "hang":
                time.sleep(3)
                handler.close_connection = True
                return
            status, headers, *rest = answer
            body = rest[0] if rest else b"<p>hello</p>"
            handler.send_response(status)
            for key, value in headers.items():
                handler.send_header(key, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            if handler.command != "HEAD":
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with self.lock:
                self.active -= 1


def status(code: int, **headers):
    return lambda method, tries: (code, {k.replace("_", "-"): v for k, v in headers.items()})
