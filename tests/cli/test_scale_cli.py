"""The verbs of a multi-process deployment, as an operator runs them.

``migrate``, ``worker``, ``run --no-workers --shards``, and ``doctor`` on PostgreSQL; a bad
database URL is one line and exit code 2.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from bossbot.cli import main
from bossbot.jobs.postgres import MIGRATIONS
from bossbot.jobs.sqlite import MIGRATIONS as SQLITE_MIGRATIONS

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.not-a-real-secret"


def test_migrate_brings_sqlite_up_to_date_once(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate"]) == 0
    assert main(["migrate"]) == 0
    first, second = capsys.readouterr().out.splitlines()
    path = env.parent / "data" / "jobs.sqlite3"
    assert (
        first == f"SQLite {path}: schema version {len(SQLITE_MIGRATIONS)} (migrated from version 0)"
    )
    assert second == f"SQLite {path}: schema version {len(SQLITE_MIGRATIONS)} (already current)"


def test_migrate_and_doctor_on_postgresql(
    env: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOSSBOT_DATABASE_URL", pg_url)
    where = pg_url.split("@", 1)[1]
    main(["doctor"])
    assert f"ok   database   PostgreSQL {where} is empty" in capsys.readouterr().out
    assert main(["migrate"]) == 0
    assert capsys.readouterr().out == (
        f"PostgreSQL {where}: schema version {len(MIGRATIONS)} (migrated from version 0)\n"
    )
    main(["doctor"])
    assert f"PostgreSQL {where}: schema version {len(MIGRATIONS)} (current)" in (
        capsys.readouterr().out
    )
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    assert main(["doctor"]) == 1
    assert f"fail database   PostgreSQL {where}: schema version 99 is newer" in (
        capsys.readouterr().out
    )
    assert main(["migrate"]) == 2
    assert capsys.readouterr().err == (
        f"bossbot: jobs database is at schema version 99, this boss-bot knows {len(MIGRATIONS)}:"
        " upgrade boss-bot\n"
    )


@pytest.mark.parametrize(
    ("url", "start"),
    [
        (
            "mysql://bot:pw@db/jobs",
            "bossbot: BOSSBOT_DATABASE_URL is invalid: expected postgresql://",
        ),
        ("postgresql://bot:pw@db:port/jobs", "bossbot: BOSSBOT_DATABASE_URL is invalid:"),
        (
            "postgresql://bot:pw@127.0.0.1:1/jobs",
            "bossbot: BOSSBOT_DATABASE_URL (127.0.0.1:1/jobs) is unusable:",
        ),
    ],
    ids=["not postgresql", "malformed", "unreachable"],
)
@pytest.mark.parametrize("verb", ["migrate", "worker", "run", "jobs"])
def test_a_bad_database_url_is_one_line_and_exit_2(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    verb: str, url: str, start: str,
) -> None:  # fmt: skip
    monkeypatch.setenv("BOSSBOT_DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("BOSSBOT_DISCORD_API_URL", "http://127.0.0.1:1/api/v10")
    monkeypatch.setenv("BOSSBOT_DATABASE_URL", url)
    assert main([verb]) == 2
    err = capsys.readouterr().err
    assert err.startswith(start)
    assert err.count("\n") == 1
    assert "pw" not in err.replace("postgresql://", "")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--shards", "0-3"], "--shards needs --shard-count"),
        (["--shards", "2-9", "--shard-count", "8"], "--shards 2-9: each shard must be from 0 to 7"),
        (["--shards", "a", "--shard-count", "8"], "expected numbers and ranges such as 0-3,6"),
        (["--shards", "3-1", "--shard-count", "8"], "expected numbers and ranges such as 0-3,6"),
    ],
)
def test_run_refuses_shards_it_cannot_run(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    args: list[str], says: str,
) -> None:  # fmt: skip
    monkeypatch.setenv("BOSSBOT_DISCORD_TOKEN", TOKEN)
    assert main(["run", "--no-workers", *args]) == 2
    assert says in capsys.readouterr().err
