"""Fixtures shared with the case workflow tests."""

from tests.core.cases.test_workflow import world  # noqa: F401  (a fixture)
