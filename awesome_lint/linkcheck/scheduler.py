"""Run jobs on a thread pool, each host paced by its own rate.

Every host keeps its own queue: jobs not started yet in list order, and a heap
of started ones (retries, next redirect hops) by the time they are due, which
go first once due so a retry runs when its Retry-After ends, not after the rest
of the list.  A host starts a request when its pace allows and it has fewer
than its cap in flight; hosts take turns so that one busy site never ties up
the workers other sites could use.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from .client import Job, Outcome
from .limits import HostLimit, HostState, Pace, match_limit
from .model import CheckOptions, LinkResult

IDLE = 0.5  # longest sleep without an event, so the run deadline is noticed


class Scheduler:
    def __init__(
        self,
        options: CheckOptions,
        step: Callable[[Job, HostState], Outcome],
        on_result: Callable[[LinkResult], None],
        expire_all: Callable[[], None] = lambda: None,
    ) -> None:
        self.options = options
        self.step = step
        self.on_result = on_result
        self.expire_all = expire_all
        self.default_limit = HostLimit(options.per_host_rate, max(1, options.per_host_concurrency))
        self.hosts: dict[str, HostState] = {}
        self.order = itertools.count()
        self.cond = threading.Condition()
        self.in_flight = 0
        self.unfinished = 0
        self.over = False  # the run's max-duration has passed
        self.holds = 0  # look-ups running beside the scheduler that may still add jobs
        self._turn = 0

    # -- for look-ups running beside the scheduler (any thread) ----------------

    def hold(self) -> None:
        with self.cond:
            self.holds += 1

    def release(self) -> None:
        with self.cond:
            self.holds -= 1
            self.cond.notify()

    def add(self, job: Job) -> None:
        with self.cond:
            if self.over:
                self.on_result(self._late(job))
                return
            self._host(job.key).fresh.append(job)
            self.unfinished += 1
            self.cond.notify()

    def run(self, jobs: Iterable[Job]) -> None:
        with self.cond:
            for job in jobs:
                self._host(job.key).fresh.append(job)
                self.unfinished += 1
        workers = max(1, self.options.concurrency)
        limit = self.options.max_duration
        end = time.monotonic() + limit if limit else None
        with ThreadPoolExecutor(workers, thread_name_prefix="linkcheck") as pool:
            with self.cond:
                while self.unfinished or self.holds:
                    now = time.monotonic()
                    if end is not None and now >= end and not self.over:
                        self._stop()
                    wake = self._dispatch(now, pool, workers) if not self.over else None
                    if self.unfinished or self.holds:
                        timeout = IDLE if wake is None else min(IDLE, max(0.0, wake - now))
                        self.cond.wait(timeout)

    def _host(self, key: str) -> HostState:
        state = self.hosts.get(key)
        if state is None:
            bucket, limit = match_limit(key, self.options.per_host, self.default_limit)
            state = self.hosts.get(bucket)
            if state is None:
                state = HostState(limit=limit, pace=Pace(fixed=limit.rate))
                self.hosts[bucket] = state
            self.hosts[key] = state
        return state

    def _dispatch(self, now: float, pool: ThreadPoolExecutor, workers: int) -> float | None:
        """Start what may start now; return when something next could."""
        hosts = list({id(h): h for h in self.hosts.values()}.values())
        if not hosts:
            return None
        self._turn = (self._turn + 1) % len(hosts)
        hosts = hosts[self._turn:] + hosts[: self._turn]
        started = True
        while started and self.in_flight < workers:
            started = False
            for host in hosts:
                if self.in_flight >= workers:
                    break
                if host.down and host.pending():
                    self._settle(host)
                    continue
                wake = host.wake_at(now)
                if wake is None or wake > now:
                    continue
                job = host.next_job(now)
                if job is None:
                    continue
                host.active += 1
                host.pace.take(now)
                job.started = now
                self.in_flight += 1
                pool.submit(self._work, job, host)
                started = True
        wakes = [w for h in hosts if (w := h.wake_at(now)) is not None]
        return min(wakes) if wakes and self.in_flight < workers else None

    def _work(self, job: Job, host: HostState) -> None:
        try:
            outcome = self.step(job, host)
        except Exception as exc:  # a bug in one check must not hang the run
            outcome = Outcome(LinkResult(job.url, "unverified", None, f"check failed: {exc!r}"))
        with self.cond:
            host.active -= 1
            self.in_flight -= 1
            self._account(host, job, outcome)
            if outcome.result is not None:
                self._finish(outcome.result)
            elif self.over:
                self._finish(self._late(job))
            elif outcome.needs_probe:
                self._await_probe(job, host)
            else:
                self._push(job)
            self.cond.notify()

    def _push(self, job: Job) -> None:
        host = self._host(job.key)
        heapq.heappush(host.later, (job.not_before, next(self.order), job))

    def _await_probe(self, job: Job, host: HostState) -> None:
        if host.soft404 is not None:  # the probe ended while this job was in flight
            self._push(job)
        elif host.probing:
            host.waiting.append(job)
        else:
            host.probing = True
            job.probing = True
            self._push(job)

    def _account(self, host: HostState, job: Job, outcome: Outcome) -> None:
        now = time.monotonic()
        if outcome.responded:
            host.answers += 1
            host.refusals = 0
            if outcome.busy:
                host.pace.pushed_back(now, outcome.wait, self.options.max_retry_after, outcome.limited,
                                      job.started, job.url)
            else:
                host.pace.clean(now, job.started)
            rate, wait = outcome.stated
            if rate is not None or wait is not None:
                if wait is not None and wait > self.options.max_retry_after:
                    outcome.give_up = f"rate limit spent (resets in {wait:.0f} s)"
                else:
                    host.pace.told(now, rate, wait)
        elif outcome.reached:
            host.pace.reached(now, job.started)
        if outcome.head_useless:
            host.method = "GET"
        if outcome.head_agreed:
            host.head_trusted += 1
        if outcome.soft404 is not None:
            host.soft404 = outcome.soft404
            host.probing = False
            if outcome.soft404:
                host.method = "GET"  # its pages must be read to be believed
            for waiting in host.waiting:
                self._push(waiting)
            host.waiting.clear()
        if outcome.give_up:
            host.down = ("unverified", outcome.give_up)
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
        if host.down:
            self._settle(host)

    def _settle(self, host: HostState) -> None:
        verdict, reason = host.down or ("unverified", "")
        for job in host.drain():
            self._finish(LinkResult(job.url, verdict, None, reason))

    def _late(self, job: Job) -> LinkResult:
        return LinkResult(job.url, "unverified", None, f"not checked within max-duration ({self.options.max_duration:g} s)")

    def _stop(self) -> None:
        """The run's deadline: what has not been answered is "could not verify"."""
        self.over = True
        for host in {id(h): h for h in self.hosts.values()}.values():
            for job in host.drain():
                self._finish(self._late(job))
        self.expire_all()

    def _finish(self, result: LinkResult) -> None:
        self.unfinished -= 1
        self.on_result(result)
