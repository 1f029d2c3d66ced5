"""The URL policy: what may be fetched at all, and where redirects may lead."""

from __future__ import annotations

import ipaddress
import socket

import httpx
import pytest
import respx

from bossbot.errors import InvalidUrl, NetworkError, PrivateAddress, Unsupported
from bossbot.fetch import addresses, check_url, resolve

PUBLIC = "93.184.215.14"


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Names the tests invent resolve to what this dict says; literals resolve for real."""
    names: dict[str, str] = {}
    real = addresses.lookup

    async def lookup(host: str, port: int) -> list[addresses.IPAddress]:
        if host in names:
            return [ipaddress.ip_address(names[host])]
        return await real(host, port)

    monkeypatch.setattr(addresses, "lookup", lookup)
    return names


@pytest.mark.parametrize(
    "url",
    [
        "https://x.com/user/status/1",
        "http://example.org:8080/a/b.mp4?x=1#frag",
        "  https://youtu.be/abc  ",
        "HTTPS://EXAMPLE.ORG/",
        "http://[2001:db8::1]/v.mp4",
    ],
)
def test_check_url_accepts_plain_http_urls(url: str) -> None:
    assert check_url(url) == url.strip()


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
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://0177.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/",
        "http://100.100.100.200/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://172.16.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://[fe80::1]/",
        "http://[64:ff9b::7f00:1]/",
        "http://[2002:7f00:1::]/",
    ],
)
async def test_non_public_hosts_are_refused_before_any_request(
    url: str, respx_mock: respx.MockRouter
) -> None:
    with pytest.raises(PrivateAddress):
        await resolve(url, allow_private=False)
    assert not respx_mock.calls


async def test_private_hosts_pass_when_allowed(respx_mock: respx.MockRouter) -> None:
    respx_mock.head("http://127.0.0.1:8080/clip.mp4").respond(200)
    assert await resolve("http://127.0.0.1:8080/clip.mp4", allow_private=True) == (
        "http://127.0.0.1:8080/clip.mp4"
    )


async def test_short_links_resolve_hop_by_hop(
    fake_dns: dict[str, str], respx_mock: respx.MockRouter
) -> None:
    fake_dns.update({"t.co": PUBLIC, "x.com": PUBLIC})
    respx_mock.head("https://t.co/abc").respond(301, headers={"Location": "https://x.com/i/1"})
    respx_mock.head("https://x.com/i/1").respond(302, headers={"Location": "/a/status/1"})
    respx_mock.head("https://x.com/a/status/1").respond(200)
    assert await resolve("https://t.co/abc", allow_private=False) == "https://x.com/a/status/1"


async def test_a_redirect_to_loopback_is_refused(
    fake_dns: dict[str, str], respx_mock: respx.MockRouter
) -> None:
    fake_dns["redd.it"] = PUBLIC
    respx_mock.head("https://redd.it/x").respond(
        302, headers={"Location": "http://127.0.0.1:9/admin"}
    )
    secret = respx_mock.route(host="127.0.0.1")
    with pytest.raises(PrivateAddress):
        await resolve("https://redd.it/x", allow_private=False)
    assert not secret.called


async def test_a_redirect_to_another_scheme_is_refused(
    fake_dns: dict[str, str], respx_mock: respx.MockRouter
) -> None:
    fake_dns["redd.it"] = PUBLIC
    respx_mock.head("https://redd.it/x").respond(302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(InvalidUrl):
        await resolve("https://redd.it/x", allow_private=False)


async def test_when_head_is_refused_a_get_finds_the_redirect(
    fake_dns: dict[str, str], respx_mock: respx.MockRouter
) -> None:
    fake_dns.update({"vm.tiktok.com": PUBLIC, "www.tiktok.com": PUBLIC})
    respx_mock.head("https://vm.tiktok.com/Z/").respond(405)
    respx_mock.get("https://vm.tiktok.com/Z/").respond(
        301, headers={"Location": "https://www.tiktok.com/@a/video/1"}
    )
    respx_mock.head("https://www.tiktok.com/@a/video/1").respond(200)
    final = await resolve("https://vm.tiktok.com/Z/", allow_private=False)
    assert final == "https://www.tiktok.com/@a/video/1"


async def test_endless_redirects_stop_after_max_hops(
    fake_dns: dict[str, str], respx_mock: respx.MockRouter
) -> None:
    fake_dns["loop.example"] = PUBLIC
    route = respx_mock.head(url__regex=r"https://loop\.example/\d+")
    route.side_effect = lambda request: httpx.Response(
        302, headers={"Location": f"/{int(request.url.path[1:]) + 1}"}
    )
    with pytest.raises(Unsupported):
        await resolve("https://loop.example/0", allow_private=False, max_hops=3)
    assert route.call_count == 4


async def test_a_failing_connection_is_a_network_error(
    fake_dns: dict[str, str], respx_mock: respx.MockRouter
) -> None:
    fake_dns["down.example"] = PUBLIC
    respx_mock.head("https://down.example/").mock(side_effect=httpx.ConnectTimeout("slow"))
    with pytest.raises(NetworkError) as caught:
        await resolve("https://down.example/", allow_private=False)
    assert caught.value.transient


async def test_a_name_that_does_not_resolve_is_a_network_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(NetworkError):
        await resolve("https://no-such-host.invalid/", allow_private=False)


async def test_a_given_client_is_used_and_left_open(
    fake_dns: dict[str, str], respx_mock: respx.MockRouter
) -> None:
    fake_dns["example.org"] = PUBLIC
    respx_mock.head("https://example.org/a").respond(200)
    async with httpx.AsyncClient() as client:
        assert await resolve("https://example.org/a", allow_private=False, client=client)
        assert not client.is_closed


async def test_a_head_error_other_than_refusal_costs_no_extra_get(
    fake_dns: dict[str, str], respx_mock: respx.MockRouter
) -> None:
    fake_dns["example.org"] = PUBLIC
    respx_mock.head("https://example.org/busy").respond(503)
    get = respx_mock.get("https://example.org/busy")
    assert await resolve("https://example.org/busy", allow_private=False) == (
        "https://example.org/busy"
    )
    assert not get.called
