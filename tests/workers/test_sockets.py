"""Inside a worker, Python code can reach the egress guard and nothing else."""

from __future__ import annotations

import errno
import os
import socket
import subprocess
from collections.abc import Iterator

import pytest

from bossbot.workers import sockets
from bossbot.workers.memory import tree, tree_pss

GUARD = ("127.0.0.1", 9)


@pytest.fixture
def hooked() -> Iterator[None]:
    sockets.install(GUARD)
    try:
        yield
    finally:
        sockets.uninstall()


def test_a_direct_connection_is_refused(hooked: None) -> None:
    with socket.socket() as sock, pytest.raises(PermissionError, match="egress guard"):
        sock.connect(("127.0.0.2", 80))
    with socket.socket() as sock:
        assert sock.connect_ex(("93.184.215.14", 443)) != 0


def test_only_the_guard_s_own_name_is_looked_up(hooked: None) -> None:
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("example.org", 443)
    with pytest.raises(OSError, match="egress guard"):
        socket.create_connection(("example.org", 80), timeout=1)
    assert socket.getaddrinfo("127.0.0.1", 9)


def test_the_guard_and_unix_sockets_stay_reachable(hooked: None) -> None:
    with socket.socket() as sock:
        assert sock.connect_ex(GUARD) == errno.ECONNREFUSED  # nobody listens: not refused by us
    with socket.socket(socket.AF_UNIX) as sock, pytest.raises(FileNotFoundError):
        sock.connect("/nonexistent/socket")


def test_a_worker_without_network_cannot_even_reach_loopback() -> None:
    sockets.install(None)
    try:
        with socket.socket() as sock, pytest.raises(PermissionError):
            sock.connect(GUARD)
        with pytest.raises(socket.gaierror):
            socket.getaddrinfo("127.0.0.1", 9)
    finally:
        sockets.uninstall()
    with socket.socket() as sock:
        assert sock.connect_ex(GUARD) == errno.ECONNREFUSED  # put back as it was


def test_a_process_tree_and_its_memory_are_measured() -> None:
    child = subprocess.Popen(["sleep", "5"])
    try:
        assert child.pid in tree(os.getpid())
        assert tree_pss(os.getpid()) > 0
        assert tree_pss(2**22 + 1) == 0  # a process that does not exist uses nothing
    finally:
        child.kill()
        child.wait()
