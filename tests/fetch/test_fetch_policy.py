"""The URL policy: what may be fetched at all, and the instant refusal of private literals."""

from __future__ import annotations

import asyncio

import pytest

from bossbot.egress.addresses import AddressPolicy
from bossbot.errors import InvalidUrl, PrivateAddress, Unsupported
from bossbot.fetch import check_url
from bossbot.fetch.redirects import resolve
from bossbot.fetch.urls import refuse_private_literal
from tests.fakes.guard import InProcessGuard
from tests.fakes.media_server import MediaServer

NOTHING = AddressPolicy()


@pytest.mark.parametrize(
    ("url", "checked"),
    [
        ("https://x.com/user/status/1", "https://x.com/user/status/1"),
        ("http://example.org:8080/a/b.mp4?x=1#frag", "http://example.org:8080/a/b.mp4?x=1#frag"),
        ("  https://youtu.be/abc  ", "https://youtu.be/abc"),
        ("HTTPS://EXAMPLE.ORG/", "https://example.org/"),  # phones capitalise the first letter
        ("Https://X.com/User/status/1", "https://x.com/User/status/1"),  # the path keeps its case
        ("http://[2001:db8::1]/v.mp4", "http://[2001:db8::1]/v.mp4"),
        ("http://straße.de/v.mp4", "http://xn--strae-oqa.de/v.mp4"),  # IDNA 2008, as httpx sends
        ("http://bücher.example/", "http://xn--bcher-kva.example/"),
        ("http://0x7f.1:99/x", "http://127.0.0.1:99/x"),
    ],
)
def test_check_url_accepts_http_urls_normalising_scheme_and_host(url: str, checked: str) -> None:
    assert check_url(url) == checked


@pytest.mark.parametrize(
    "text",
    [
        "",
        "--exec=touch /tmp/x",
        "-o exec=x https://x.com",
        "file:///etc/passwd",
        "ftp://x",
        "javascript:alert(1)",
        "x.com/user/status/1",
        "http://",
        "http:///path",
        "http://user:secret@example.org/",
        "http://@example.org/",
        "http://example.org:99999/",
        "http://example.org:0/",
        "https://exa mple.org/",
        "https://example.org/\x00",
        "https://example.org\\@evil/",
        "https://example.org/" + "a" * 3000,
        "http://a..b/",  # an empty label
        "http://" + "x" * 64 + ".com/",  # a label over 63 characters
        "http://" + "ä" * 70 + ".de/",  # the same, as an international name
        "http://exa_mple-.com/",
    ],
)
def test_check_url_refuses_anything_else(text: str) -> None:
    with pytest.raises(InvalidUrl):
        check_url(text)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8080/clip.mp4",
        "http://cam.localhost/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::7f00:1]/",
        "http://[::127.0.0.1]/",
        "http://[::ffff:0:127.0.0.1]/",
        "http://[64:ff9b:1::7f00:1]/",
        "http://[64:ff9b::7f00:1]/",
        "http://[2002:7f00:1::]/",
        "http://[2001::1]/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://0177.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/",
        "http://100.100.100.200/",
        "http://192.0.0.1/",
        "http://10.1.2.3/",
        "http://0.0.0.0/",
        "http://[fe80::1]/",
    ],
)
def test_private_literals_are_refused_at_once(url: str) -> None:
    with pytest.raises(PrivateAddress):
        refuse_private_literal(check_url(url), NOTHING)


def test_names_and_public_literals_wait_for_the_guard() -> None:
    for url in ("https://example.org/", "http://93.184.215.14/", "http://[2606:4700::1111]/"):
        refuse_private_literal(check_url(url), NOTHING)  # no exception: the guard decides


def test_an_allowed_network_passes_and_true_passes_loopback() -> None:
    refuse_private_literal("http://127.0.0.1/x", AddressPolicy.parse("127.0.0.1/32"))
    refuse_private_literal("http://localhost/x", AddressPolicy(everything=True))
    with pytest.raises(PrivateAddress):
        refuse_private_literal("http://127.0.0.2/x", AddressPolicy.parse("127.0.0.1/32"))


async def test_short_links_resolve_hop_by_hop_through_the_guard(
    guard: InProcessGuard, media_server: MediaServer
) -> None:
    media_server.add("/a/status/1", b"post", content_type="text/html")
    media_server.add("/i/1", mode="redirect", location="/a/status/1")
    short = media_server.add("/s/abc", mode="redirect", location=media_server.url("/i/1"))
    final = await asyncio.to_thread(resolve, short, proxy=guard.proxy())
    assert final == media_server.url("/a/status/1")
    assert guard.ledger.tokens["job"].requests == 3


async def test_a_redirect_to_another_scheme_is_refused(
    guard: InProcessGuard, media_server: MediaServer
) -> None:
    url = media_server.add("/s/x", mode="redirect", location="file:///etc/passwd")
    with pytest.raises(InvalidUrl):
        await asyncio.to_thread(resolve, url, proxy=guard.proxy())


async def test_endless_redirects_stop_after_max_hops(
    guard: InProcessGuard, media_server: MediaServer
) -> None:
    url = media_server.add("/loop", mode="redirect", location="/loop")
    with pytest.raises(Unsupported):
        await asyncio.to_thread(resolve, url, proxy=guard.proxy())
    assert media_server.hits("/loop") == 6
