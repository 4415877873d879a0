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


def read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from None


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a folder)."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _TABLE.search(read(pyproject)):
            return pyproject
    return None
