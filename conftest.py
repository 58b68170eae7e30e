"""Settings shared by every test run."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "thidua", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile("thidua")
