"""Fixtures of the awards tests."""

from __future__ import annotations

import pytest

from thidua.awards.tests.commendation import FakeEngine


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    """The law engine's answer, decided by the test (the engine has tests of its own)."""
    return FakeEngine().install(monkeypatch)
