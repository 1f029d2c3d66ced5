"""The warmed parent every worker is forked from (``python -m bossbot.workers.zygote FD``).

It imports the downloaders once (:mod:`bossbot.workers.preload`), then serves fork
requests from the bot over a Unix socket: each request carries the task, its payload, the
worker's set-up, and the write end of the pipe the worker reports on. It answers with the
worker's pid, and reports each worker's exit status once it has reaped it. When the bot's
end of the socket closes, the zygote kills every worker it started and exits.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import signal
import socket
import sys

MAX_REQUEST = 1 << 20
workers: set[int] = set()


def _send(sock: socket.socket, message: dict[str, int | bool]) -> None:
    """One message to the bot (a SOCK_SEQPACKET message is never split or merged)."""
    sock.send(json.dumps(message).encode())


def _reap(sock: socket.socket) -> None:
    """Reap every worker that ended, and tell the bot its exit status."""
    while workers:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        workers.discard(pid)
        with contextlib.suppress(OSError):
            _send(sock, {"exit": pid, "code": os.waitstatus_to_exitcode(status)})


def _fork(sock: socket.socket, request: bytes, fds: list[int]) -> None:
    """Fork one worker; the child runs its task and never returns here."""
    task, payload, setup = pickle.loads(request)  # noqa: S301 - from the bot that started us
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        sock.close()
        from bossbot.workers.child import main

        try:
            main(task, payload, fds[0], setup)
        finally:
            os._exit(0)
    workers.add(pid)
    os.close(fds[0])
    _send(sock, {"pid": pid})


def serve(sock: socket.socket) -> None:
    """Answer fork requests until the bot's end closes; then kill every worker."""
    signal.signal(signal.SIGCHLD, lambda *_: _reap(sock))
    _send(sock, {"ready": True})
    try:
        while True:
            request, fds, _, _ = socket.recv_fds(sock, MAX_REQUEST, 1)
            if not request:
                return
            _fork(sock, request, fds)
    finally:
        for pid in list(workers):
            with contextlib.suppress(OSError):
                os.killpg(pid, signal.SIGKILL)


def main() -> None:
    """Warm up, then serve the socket whose descriptor is the first argument."""
    import bossbot.workers.preload  # noqa: F401 - the point of the zygote

    serve(socket.socket(fileno=int(sys.argv[1])))


if __name__ == "__main__":
    main()
