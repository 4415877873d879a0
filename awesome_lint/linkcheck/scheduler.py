"""Run jobs on a thread pool under a global limit and per-host limits.

Jobs wait in one heap ordered by the time they may next run.  A job whose host
is full is parked on that host and released when one of the host's requests
ends, so a list with 500 links to one site never ties up the workers that
other sites could use.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from .client import Job, Outcome
from .limits import HostLimit, HostState, match_limit
from .model import CheckOptions, LinkResult


class Scheduler:
    def __init__(
        self,
        options: CheckOptions,
        step: Callable[[Job], Outcome],
        on_result: Callable[[LinkResult], None],
    ) -> None:
        self.options = options
        self.step = step
        self.on_result = on_result
        self.default_limit = HostLimit(options.per_host_concurrency, options.per_host_interval)
        self.hosts: dict[str, HostState] = {}
        self.heap: list[tuple[float, int, Job]] = []
        self.order = itertools.count()
        self.cond = threading.Condition()
        self.in_flight = 0
        self.unfinished = 0

    def run(self, jobs: Iterable[Job]) -> None:
        with self.cond:
            for job in jobs:
                self._push(job, 0.0)
                self.unfinished += 1
        workers = max(1, self.options.concurrency)
        with ThreadPoolExecutor(workers, thread_name_prefix="linkcheck") as pool:
            with self.cond:
                while self.unfinished:
                    now = time.monotonic()
                    self._dispatch(now, pool, workers)
                    if self.unfinished:
                        self.cond.wait(self._sleep(now, workers))

    def _host(self, key: str) -> HostState:
        state = self.hosts.get(key)
        if state is None:
            bucket, limit = match_limit(key, self.options.per_host, self.default_limit)
            state = self.hosts.get(bucket)
            if state is None:
                state = HostState(limit=limit, concurrency=max(1, limit.concurrency))
                self.hosts[bucket] = state
            self.hosts[key] = state
        return state

    def _push(self, job: Job, when: float) -> None:
        heapq.heappush(self.heap, (max(when, job.not_before), next(self.order), job))

    def _dispatch(self, now: float, pool: ThreadPoolExecutor, workers: int) -> None:
        while self.in_flight < workers and self.heap and self.heap[0][0] <= now:
            _, _, job = heapq.heappop(self.heap)
            host = self._host(job.key)
            if host.down:
                verdict, reason = host.down
                for waiting in [job, *host.parked]:
                    self._finish(LinkResult(waiting.url, verdict, None, reason))
                host.parked.clear()
                continue
            if host.active >= host.concurrency:
                host.parked.append(job)
                continue
            if host.next_start > now:
                self._push(job, host.next_start)
                continue
            host.active += 1
            host.next_start = max(host.next_start, now + host.limit.interval)
            self.in_flight += 1
            pool.submit(self._work, job, host)

    def _sleep(self, now: float, workers: int) -> float | None:
        if self.in_flight >= workers or not self.heap:
            return None  # a finishing request will notify
        return max(0.0, self.heap[0][0] - now)

    def _work(self, job: Job, host: HostState) -> None:
        try:
            outcome = self.step(job)
        except Exception as exc:  # a bug in one check must not hang the run
            outcome = Outcome(LinkResult(job.url, "unverified", None, f"check failed: {exc!r}"))
        with self.cond:
            host.active -= 1
            self.in_flight -= 1
            self._account(host, outcome)
            if host.parked:
                self._push(host.parked.popleft(), time.monotonic())
            if outcome.result is not None:
                self._finish(outcome.result)
            else:
                self._push(job, 0.0)
            self.cond.notify()

    def _account(self, host: HostState, outcome: Outcome) -> None:
        if outcome.responded:
            host.answered(time.monotonic(), outcome.limited, outcome.pause)
            host.refusals = 0
        if outcome.failure == "refused":
            # A closed port is a property of the host: once one URL's worth of
            # tries has been refused, the host's other URLs need not wait through theirs.
            host.refusals += 1
            if host.refusals > self.options.retries:
                host.down = ("dead", "connection refused")
        if outcome.result is not None and outcome.failure == "timeout":
            host.timeouts += 1
            if not host.answers and host.timeouts >= self.options.give_up_after_timeouts:
                host.down = ("unverified", "host did not answer")

    def _finish(self, result: LinkResult) -> None:
        self.unfinished -= 1
        self.on_result(result)
