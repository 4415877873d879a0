"""A one-line progress bar on stderr, only for a person watching a terminal."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

WIDTH = 30


def wanted(stream: TextIO) -> bool:
    # CI logs keep every carriage-return frame, which turns a bar into pages of noise.
    if os.environ.get("CI"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, force: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.dead = 0
        self.enabled = total > 0 and (force or wanted(self.stream))
        self._drawn = 0.0

    def advance(self, verdict: str) -> None:
        self.done += 1
        if verdict == "dead":
            self.dead += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._drawn >= 0.1 or self.done == self.total:
            self._drawn = now
            filled = WIDTH * self.done // self.total
            bar = "#" * filled + "-" * (WIDTH - filled)
            self.stream.write(f"\rlinks [{bar}] {self.done}/{self.total}  dead: {self.dead} ")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (WIDTH + 40) + "\r")
            self.stream.flush()
