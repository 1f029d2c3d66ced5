"""One real download in the zygote before any worker is forked, from a loopback server.

yt-dlp, gallery-dl and httpx import much of themselves on first use (the generic
extractor, request handlers, downloaders): about 0.4 s per download when every worker
pays it. Done once here, every forked worker starts with those modules loaded.
"""

from __future__ import annotations

import contextlib
import struct
import tempfile
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from loguru import logger

from bossbot.fetch.base import FetchRequest, Progress
from bossbot.fetch.gallery import download as gallery_dl
from bossbot.fetch.redirects import resolve
from bossbot.fetch.ytdlp import download as yt_dlp
from bossbot.media import validate


def tiny_png() -> bytes:
    """A valid 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = chunk(b"IDAT", zlib.compress(b"\0\0\0\0"))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + pixels + chunk(b"IEND", b"")


FILES = {"/warm-up.mp4": ("video/mp4", b"\0" * 2048), "/warm-up.png": ("image/png", tiny_png())}


class _Files(BaseHTTPRequestHandler):
    """Serves :data:`FILES` (HEAD and GET), silently."""

    def do_GET(self) -> None:
        kind, body = FILES.get(self.path, ("text/plain", b""))
        self.send_response(200 if self.path in FILES else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:
        """No access log."""


class _Nowhere:
    """A report nobody reads."""

    def progress(self, progress: Progress, *, force: bool = False) -> None:
        """Dropped."""

    def finished(self, path: Path) -> None:
        """Dropped."""

    def chose(self, tool: str) -> None:
        """Dropped."""

    def describe(self, info: dict[str, object]) -> None:
        """Dropped."""


def rehearse() -> None:
    """Fetch and check a tiny video (yt-dlp) and image (gallery-dl); a failure is logged."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Files)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with tempfile.TemporaryDirectory(prefix="bossbot-warm-up-") as folder:
            for run, path in ((yt_dlp, "/warm-up.mp4"), (gallery_dl, "/warm-up.png")):
                dest = Path(folder) / path.strip("/").replace(".", "-")
                url = resolve(base + path, proxy=None)
                files = run(FetchRequest(url, dest, 1 << 20), _Nowhere())
                with contextlib.suppress(Exception):  # the warm-up video is not media
                    validate(files, cap=1 << 20, dest=dest)
    except Exception:
        logger.opt(exception=True).warning("warming the downloaders up failed")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
