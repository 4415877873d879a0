"""Option helpers shared by the network rules: durations and the verdict cache's path."""
from __future__ import annotations

import os
import re

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
NO_CACHE = ("", "none", "off", "false")


def seconds(value: str, key: str, rule: str = "dead-link") -> float:
    match = _DURATION.match(str(value))
    if not match:
        raise ValueError(f"{rule}: {key} must be a duration such as 45s, 30m, 12h or 3d, not {value!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def duration(value) -> str | None:
    return None if _DURATION.match(str(value)) else "must be a duration such as 45s, 30m, 12h or 3d"


def cache_option(value) -> str | None:
    if value is None or value.strip().lower() in NO_CACHE:
        return None
    if os.path.isdir(os.path.expanduser(value)):
        return f"{value!r} is a directory; give the path of a cache file"
    return None


def cache_file(value: str | None, rule: str) -> str | None:
    """The cache file to use (None: none), refusing before any request one that no run could keep."""
    from awesome_lint.linkcheck import default_cache_path
    from awesome_lint.linkcheck.cache import problem

    if value is not None and value.strip().lower() in NO_CACHE:
        return None
    path = str(default_cache_path()) if value is None else value
    trouble = problem(path)
    if trouble:
        raise ValueError(f"{rule}: the link cache {path} {trouble}; set `cache:` to another file, or to none")
    return path
