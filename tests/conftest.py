from __future__ import annotations

from pathlib import Path

import pytest
# declared test dependencies are imported plainly: a broken install fails, never skips
from hypothesis import HealthCheck, settings
from test_linkcheck_support import Site, status

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the checkout (seeds and corpus); absent for users who clone."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture
def site():
    """A real web server on the loopback (the link checker tests' ``Site``):
    /alive answers 200, /gone and /also-gone 404."""
    with Site({"/alive": status(200), "/gone": status(404), "/also-gone": status(404)}) as server:
        yield server


def shared_lists() -> list[Path]:
    """Every real list in ../shared, for parametrised tests (empty when absent)."""
    if not (SHARED / "seeds").is_dir():
        return []
    return sorted(SHARED.glob("seeds/*.txt")) + sorted(SHARED.glob("corpus/*.md"))


# CI keeps the example count modest; `pytest --hypothesis-profile=medium` (or `long`) digs deeper.
# (CI draws the same examples every run, so a red build is reproducible, not luck)
settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("medium", max_examples=400, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")
