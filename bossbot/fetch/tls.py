"""TLS contexts built once in the zygote, not once per request handler.

Loading the CA bundle costs about 45 ms of CPU; yt-dlp and httpx did it for every
download (three times for a direct link). Contexts made here before workers are forked
are shared by every worker (copy-on-write); an ``SSLContext`` may serve many connections.
"""

from __future__ import annotations

import functools
import ssl
from typing import Any

import httpx
from yt_dlp.networking import common


@functools.cache
def client_context() -> ssl.SSLContext:
    """The verifying context of our own HTTP requests (httpx: short links, redirects)."""
    return httpx.create_ssl_context()


def share_yt_dlp_contexts() -> None:
    """Make yt-dlp reuse one context per set of options (none with a client certificate)."""
    make = getattr(common.make_ssl_context, "__wrapped__", common.make_ssl_context)
    cached = functools.cache(make)

    @functools.wraps(make)
    def shared(**options: Any) -> ssl.SSLContext:
        if options.get("client_certificate"):
            return make(**options)
        return cached(**options)

    common.make_ssl_context = shared
    shared()  # the default (verifying, certifi) context: built now, before the forks
