"""Shared fixtures: snapshots live in the top-level ``snapshots/`` folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.amber import AmberSnapshotExtension
from syrupy.location import PyTestLocation

pytest_plugins = [
    "tests.fakes.discord.fixtures",
    "tests.fakes.media_fixtures",
    "tests.fakes.guard",
    "tests.fakes.postgres_fixtures",
]

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"


class TopLevelSnapshots(AmberSnapshotExtension):
    """Store ``tests/a/test_b.py`` snapshots as ``snapshots/a/test_b.ambr``."""

    @classmethod
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        """Mirror the test's folder under ``snapshots/``."""
        relative = Path(test_location.filepath).parent.relative_to(TESTS)
        return str(ROOT / "snapshots" / relative)


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Syrupy's snapshot fixture, writing to the top-level ``snapshots/`` folder."""
    return snapshot.use_extension(TopLevelSnapshots)
