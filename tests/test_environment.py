"""The test environment itself: every declared test dependency is installed.

A missing one must fail the suite (with this clear message), never turn into
skipped tests that hide a broken install."""
from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def declared(extra: str) -> list[str]:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(rf"^{extra} = \[(.*?)^\]", text, re.M | re.S)
    assert block, f"no '{extra}' extra in pyproject.toml"
    return [re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0] for spec in re.findall(r'"([^"]+)"', block[1])]


def test_every_declared_test_dependency_is_installed():
    names = declared("test")
    assert {"pytest", "hypothesis", "pre-commit"} <= set(names)
    missing = []
    for name in names:
        try:
            metadata.version(name)
        except metadata.PackageNotFoundError:
            missing.append(name)
    assert missing == [], f"declared test dependencies not installed: {missing} (pip install -e '.[test]')"
