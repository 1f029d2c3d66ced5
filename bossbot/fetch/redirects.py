"""Follow short links and redirects one hop at a time, to route by the final URL.

Runs in a worker, through the egress guard: the guard checks every address, this module
only keeps each hop an http(s) URL and the number of hops bounded.
"""

from __future__ import annotations

from urllib.parse import urljoin

import httpx

from bossbot.errors import NetworkError, Unsupported
from bossbot.fetch.tls import client_context
from bossbot.fetch.urls import check_url

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
HEAD_REFUSED = frozenset({403, 405, 501})
HEADERS = {"User-Agent": "Mozilla/5.0 (compatible; boss-bot)", "Accept": "*/*"}


def _next_hop(client: httpx.Client, url: str) -> str | None:
    """Return the redirect target of ``url``, or None when it does not redirect.

    HEAD first; when a server refuses HEAD (403, 405, 501), a GET whose body is never read.
    """
    response = client.head(url, headers=HEADERS, follow_redirects=False)
    if response.status_code in HEAD_REFUSED:
        with client.stream("GET", url, headers=HEADERS, follow_redirects=False) as got:
            response = got
    location = response.headers.get("location")
    if not response.is_redirect or not location:
        return None
    return urljoin(url, location)


def resolve(url: str, *, proxy: str | None, max_hops: int = 5) -> str:
    """Follow ``url``'s redirects; return the final URL.

    Raises:
        InvalidUrl: A redirect leads to something that is not an http(s) URL.
        NetworkError: A request failed (the guard's refusals included).
        Unsupported: More than ``max_hops`` redirects.
    """
    tls = client_context()
    with httpx.Client(proxy=proxy, timeout=TIMEOUT, follow_redirects=False, verify=tls) as client:
        for _ in range(max_hops + 1):
            url = check_url(url)
            try:
                target = _next_hop(client, url)
            except httpx.HTTPError as exc:
                raise NetworkError(f"resolving {url}: {exc!r}") from None
            if target is None:
                return url
            url = target
    raise Unsupported(f"more than {max_hops} redirects")
