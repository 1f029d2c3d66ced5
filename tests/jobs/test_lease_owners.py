"""Lease owners name their process, so a restart can take over a dead one's jobs at once."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

from bossbot.jobs.leases import new_owner, owner_is_dead


def test_owner_names_this_host_and_process() -> None:
    host, pid, _ = new_owner().split(":")
    assert (host, int(pid)) == (socket.gethostname(), os.getpid())


def test_a_finished_process_on_this_host_is_dead() -> None:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    assert owner_is_dead(f"{socket.gethostname()}:{child.stdout.strip()}:abcd1234")


def test_live_processes_other_hosts_and_junk_count_as_alive() -> None:
    host = socket.gethostname()
    assert not owner_is_dead(f"{host}:{os.getppid()}:x")
    assert not owner_is_dead(f"{host}:{os.getpid()}:x")
    assert not owner_is_dead("elsewhere:1:x")
    assert not owner_is_dead(None)
    assert not owner_is_dead("0123456789ab")
