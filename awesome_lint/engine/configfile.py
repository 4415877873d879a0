"""Finding the configuration file.  Kept apart from ``config`` (which needs
dataclasses, the rule registry and a YAML parser) so that the result cache
can find it on the way to a cached answer."""
from __future__ import annotations

import re
from pathlib import Path

CONFIG_NAMES = (".awesome-lint.yaml", ".awesome-lint.yml")
_TABLE = re.compile(r"^\[tool\.awesome-lint[.\]]", re.M)


class ConfigError(Exception):
    pass


MAX_CONFIG_BYTES = 64 * 1024  # a config is a few lines; a huge one is a mistake or an attack (and slow to scan)


def read(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror})") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: config file is larger than {MAX_CONFIG_BYTES // 1024} KB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigError(f"{path}:{line}:{col}: config is not valid UTF-8") from None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a folder above that this user may not search holds no config for them
        return False


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a folder)."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if _is_file(candidate):
                return candidate
        pyproject = folder / "pyproject.toml"
        if _is_file(pyproject) and _TABLE.search(read(pyproject)):
            return pyproject
    return None
