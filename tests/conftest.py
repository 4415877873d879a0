from __future__ import annotations

from pathlib import Path

import pytest
# declared test dependencies are imported plainly: a broken install fails, never skips
from hypothesis import HealthCheck, settings
from pytest_httpserver import HTTPServer

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
    """A real web server on the loopback: /alive answers 200, /gone and /also-gone 404."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.expect_request("/alive").respond_with_data("ok")
    server.expect_request("/gone").respond_with_data("gone", status=404)
    server.expect_request("/also-gone").respond_with_data("gone", status=404)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


def shared_lists() -> list[Path]:
    """Every real list in ../shared, for parametrised tests (empty when absent)."""
    if not (SHARED / "seeds").is_dir():
        return []
    return sorted(SHARED.glob("seeds/*.txt")) + sorted(SHARED.glob("corpus/*.md"))


# CI keeps the example count modest; `pytest --hypothesis-profile=long` digs deeper.
settings.register_profile("ci", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")
