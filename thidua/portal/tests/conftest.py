"""The awards tests' stand-in for the law engine, for the portal's tests too."""

from thidua.awards.tests.conftest import fake_engine

__all__ = ["fake_engine"]
