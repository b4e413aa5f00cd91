"""Fixtures for the host tests."""

import pytest


@pytest.fixture(scope="session")
def pybv11(targets):
    """The PYBV11 build folder, built by make test-targets."""
    return targets["PYBV11"]
