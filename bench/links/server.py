"""A loopback HTTP server that plays many hosts with scripted misbehaviour.

Each simulated host has a loopback address of its own (127.0.0.2, 127.0.0.3,
...) and a port: no DNS (no query ever leaves the machine), and a checker sees
distinct hosts whether it keys its per-host limits on the address alone (lychee
does) or on host:port.  A "refused" host is a port that nothing listens on.

The path says what a URL does: /<behaviour>/<n>.  Tries are counted per path,
so "503 twice, then 200" holds however the checker spreads its requests.  A
path the list never had is a 404, except on a host that plays soft 404s,
which answers 200 with a "Page not found" page for anything.  A host with
`per_second` answers 429 + Retry-After to requests past that many in any one
second, as a rate limiter does; each such 429 is timed.
"""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from http import HTTPStatus

HANG_CAP = 60.0  # a hung request is released after this, even if the client never gives up


@dataclass
class SimHost:
    name: str
    latency: float = 0.0
    max_concurrent: int | None = None  # more requests at once than this get 429
    per_second: int | None = None  # more requests than this within any second get 429
    soft404: bool = False  # unknown paths answer 200 "Page not found"
    refused: bool = False
    port: int = 0
    address: str = "127.0.0.1"
    active: int = 0
    peak: int = 0
    requests: int = 0
    rate_limited: int = 0
    limited_at: list = field(default_factory=list)  # time.monotonic() of each rate-limit 429
    starts: list = field(default_factory=list)  # time.monotonic() of each request
    accepted: deque = field(default_factory=deque)
    known: set = field(default_factory=set)  # "/<behaviour>/<n>" paths of the list

    def admit(self, now: float) -> bool:
        if self.per_second is None:
            return True
        while self.accepted and self.accepted[0] <= now - 1.0:
            self.accepted.popleft()
        if len(self.accepted) >= self.per_second:
            return False
        self.accepted.append(now)
        return True


@dataclass
class Recorder:
    first: float | None = None  # when the first request of the run came in
    requests: int = 0
    tries: Counter = field(default_factory=Counter)
    methods: Counter = field(default_factory=Counter)


# behaviour -> the verdict a careful checker should reach
TRUTH = {
    "ok": "ok",
    "notfound": "dead",
    "gone": "dead",
    "error": "unverified",  # 500 every time
    "flaky": "ok",  # 503 twice, then 200
    "limited": "ok",  # 429 with Retry-After twice, then 200
    "hang": "unverified",
    "reset": "ok",  # connection reset once, then 200
    "chain": "ok",  # 302 -> 307 -> 200
    "chain_dead": "dead",  # 302 -> 301 -> 404
    "moved": "redirect",  # 301 -> 200
    "moved308": "redirect",  # 308 -> 302 -> 200
    "head405": "ok",  # HEAD 405, GET 200
    "head405_dead": "dead",  # HEAD 405, GET 404
    "forbidden": "unverified",  # 403 for scripts
    "blocked999": "unverified",
    "refused": "dead",
    "slow": "ok",  # answers after 2.5 s
    "trickle": "unverified",  # the headers come one byte a second
    "trickle_body": "ok",  # the status comes at once, the body one byte a second
    "soft404": "soft404",  # 200 "Page not found", on a soft-404 host
    "walled": "login",  # 302 to /accounts/login/?next=..., which answers 200
    "unauthorized": "login",  # 401
}


# behaviour -> the fewest requests that reach its verdict: retries for what mends, every
# redirect hop, one request for the rest (GET first, no retry of what stays broken)
FEWEST = {behaviour: 1 for behaviour in TRUTH}
FEWEST.update(flaky=3, limited=3, reset=2, chain=3, chain_dead=3, moved=2, moved308=3)


class SimServer:
    def __init__(self, hosts: list[SimHost]) -> None:
        self.hosts = hosts
        self.record = Recorder()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._servers: list[asyncio.base_events.Server] = []
        self._closed_ports: list[socket.socket] = []

    def start(self) -> None:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._open(), self._loop).result(timeout=30)

    def stop(self) -> None:
        async def close() -> None:
            for server in self._servers:
                server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)
        for sock in self._closed_ports:
            sock.close()

    def reset_counts(self) -> None:
        self.record = Recorder()
        for host in self.hosts:
            host.peak = host.requests = host.rate_limited = 0
            host.limited_at = []
            host.starts = []
            host.accepted.clear()

    async def _open(self) -> None:
        for n, host in enumerate(self.hosts):
            host.address = f"127.0.{(n + 2) // 256}.{(n + 2) % 256}"
            if host.refused:
                # Bound but never listening: the port stays ours, and connecting to it is refused.
                sock = socket.socket()
                sock.bind((host.address, 0))
                host.port = sock.getsockname()[1]
                self._closed_ports.append(sock)
                continue
            server = await asyncio.start_server(
                lambda r, w, h=host: self._serve(r, w, h), host.address, 0, backlog=512
            )
            host.port = server.sockets[0].getsockname()[1]
            self._servers.append(server)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: SimHost) -> None:
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                method, path = line.decode("latin-1").split(" ")[:2]
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass
                host.active += 1
                host.peak = max(host.peak, host.active)
                host.requests += 1
                host.starts.append(time.monotonic())
                self.record.requests += 1
                if self.record.first is None:
                    self.record.first = time.monotonic()
                try:
                    keep = await self._answer(reader, writer, host, method, path)
                finally:
                    host.active -= 1
                if not keep:
                    break
        except (ConnectionError, asyncio.IncompleteReadError, ValueError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _answer(self, reader, writer, host: SimHost, method: str, path: str) -> bool:
        self.record.methods[method] += 1
        if host.latency:
            await asyncio.sleep(host.latency)
        if host.max_concurrent and host.active > host.max_concurrent:
            host.rate_limited += 1
            host.limited_at.append(time.monotonic())
            return await self._send(writer, method, 429, {"Retry-After": "1"})
        if not host.admit(time.monotonic()):
            host.rate_limited += 1
            host.limited_at.append(time.monotonic())
            return await self._send(writer, method, 429, {"Retry-After": "1"})
        parts = path.split("?")[0].split("/")
        behaviour = parts[1] if len(parts) > 2 else ""
        base = f"/{behaviour}/{parts[2]}" if len(parts) > 2 else path
        if path.startswith("/accounts/login"):
            return await self._send(writer, method, 200, title="Sign in")
        if base not in host.known:
            if host.soft404:
                return await self._send(writer, method, 200, title="Page not found")
            return await self._send(writer, method, 404)
        self.record.tries[path] += 1
        tries = self.record.tries[path]
        if behaviour == "ok":
            return await self._send(writer, method, 200, title=f"Page {parts[2]}")
        if behaviour == "slow":
            await asyncio.sleep(2.5)
            return await self._send(writer, method, 200, title="Slow page")
        if behaviour == "trickle":
            return await self._trickle(writer, b"HTTP/1.1 200 OK\r\n", b"X-Pad: " + b"a" * 200 + b"\r\n\r\n")
        if behaviour == "trickle_body":
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 300\r\n\r\n"
            if method == "HEAD":
                writer.write(head)
                await writer.drain()
                return True
            return await self._trickle(writer, head + b"<html>", b"x" * 294)
        if behaviour == "soft404":
            return await self._send(writer, method, 200, title="Page not found")
        if behaviour == "walled":
            return await self._send(writer, method, 302, {"Location": f"/accounts/login/?next={base}"})
        if behaviour == "unauthorized":
            return await self._send(writer, method, 401)
        if behaviour == "notfound":
            return await self._send(writer, method, 404)
        if behaviour == "gone":
            return await self._send(writer, method, 410)
        if behaviour == "error":
            return await self._send(writer, method, 500)
        if behaviour == "flaky":
            return await self._send(writer, method, 503 if tries <= 2 else 200)
        if behaviour == "limited":
            if tries <= 2:
                return await self._send(writer, method, 429, {"Retry-After": "1"})
            return await self._send(writer, method, 200)
        if behaviour == "hang":
            try:
                await asyncio.wait_for(reader.read(), HANG_CAP)
            except asyncio.TimeoutError:
                pass
            return False
        if behaviour == "reset":
            if tries <= 1:
                sock = writer.get_extra_info("socket")
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                writer.transport.abort()
                return False
            return await self._send(writer, method, 200)
        if behaviour in ("chain", "chain_dead", "moved", "moved308"):
            return await self._redirect(writer, method, behaviour, base, parts)
        if behaviour == "head405":
            return await self._send(writer, method, 405 if method == "HEAD" else 200)
        if behaviour == "head405_dead":
            return await self._send(writer, method, 405 if method == "HEAD" else 404)
        if behaviour == "forbidden":
            return await self._send(writer, method, 403)
        if behaviour == "blocked999":
            return await self._send(writer, method, 999)
        return await self._send(writer, method, 404)

    async def _redirect(self, writer, method: str, behaviour: str, base: str, parts: list[str]) -> bool:
        step = parts[3] if len(parts) > 3 else ""
        plans = {
            "chain": [302, 307, 200],
            "chain_dead": [302, 301, 404],
            "moved": [301, 200],
            "moved308": [308, 302, 200],
        }
        plan = plans[behaviour]
        index = int(step) if step.isdigit() else 0
        status = plan[min(index, len(plan) - 1)]
        if 300 <= status < 400:
            return await self._send(writer, method, status, {"Location": f"{base}/{index + 1}"})
        return await self._send(writer, method, status)

    async def _trickle(self, writer, first: bytes, rest: bytes) -> bool:
        writer.write(first)
        await writer.drain()
        ends = time.monotonic() + HANG_CAP
        for byte in rest:
            if time.monotonic() > ends:
                break
            await asyncio.sleep(1.0)
            writer.write(bytes([byte]))
            await writer.drain()
        return False

    async def _send(self, writer, method: str, status: int, headers: dict | None = None, title: str = "") -> bool:
        try:
            reason = HTTPStatus(status).phrase
        except ValueError:
            reason = "Request Denied"
        title = title or str(status)
        page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>"
        body = b"" if status in (301, 302, 307, 308) else page.encode()
        lines = [f"HTTP/1.1 {status} {reason}", f"Content-Length: {len(body)}", "Content-Type: text/html"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        if method != "HEAD":
            writer.write(body)
        await writer.drain()
        return True
