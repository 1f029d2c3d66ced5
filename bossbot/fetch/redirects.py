"""Follow short links and redirects one hop at a time, each hop under the URL policy."""

from __future__ import annotations

import ssl
from functools import cache
from urllib.parse import urljoin

import httpx

from bossbot.errors import NetworkError, Unsupported
from bossbot.fetch.addresses import check_host
from bossbot.fetch.urls import check_url, host_and_port

TIMEOUT = httpx.Timeout(5.0, connect=3.0)
HEAD_REFUSED = frozenset({403, 405, 501})
HEADERS = {"User-Agent": "Mozilla/5.0 (compatible; boss-bot)", "Accept": "*/*"}


@cache
def tls_context() -> ssl.SSLContext:
    """One verifying TLS context for every short-lived client.

    Loading the CA bundle takes tens of milliseconds of CPU in the event loop: once per
    process, not once per job.
    """
    return httpx.create_ssl_context()


async def _next_hop(client: httpx.AsyncClient, url: str) -> str | None:
    """Return the redirect target of ``url``, or None when it does not redirect.

    HEAD first; when a server refuses HEAD (403, 405, 501), a GET whose body is never read.
    """
    response = await client.head(url, headers=HEADERS, follow_redirects=False)
    if response.status_code in HEAD_REFUSED:
        async with client.stream("GET", url, headers=HEADERS, follow_redirects=False) as got:
            response = got
    location = response.headers.get("location")
    if not response.is_redirect or not location:
        return None
    return urljoin(url, location)


async def resolve(
    url: str,
    *,
    allow_private: bool,
    client: httpx.AsyncClient | None = None,
    max_hops: int = 5,
) -> str:
    """Check ``url`` and every redirect it leads to; return the final URL.

    Args:
        url: A URL that passed :func:`check_url`.
        allow_private: Let loopback and private addresses through (LAN use, tests).
        client: The httpx client to use; a short-lived one with short timeouts if None.
        max_hops: Most redirects followed.

    Raises:
        InvalidUrl: A redirect leads to something that is not an http(s) URL.
        PrivateAddress: The URL or a redirect target resolves to a non-public address.
        NetworkError: A request or name lookup failed.
        Unsupported: More than ``max_hops`` redirects.
    """
    own = client is None
    tls = tls_context()
    http = client or httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False, verify=tls)
    try:
        for _ in range(max_hops + 1):
            url = check_url(url)
            host, port = host_and_port(url)
            await check_host(host, port, allow_private=allow_private)
            try:
                target = await _next_hop(http, url)
            except httpx.HTTPError as exc:
                raise NetworkError(f"resolving {url}: {exc!r}") from None
            if target is None:
                return url
            url = target
        raise Unsupported(f"more than {max_hops} redirects")
    finally:
        if own:
            await http.aclose()
