"""Links as members paste them: every shape the issue names, and Discord's own markdown."""

from __future__ import annotations

import pytest

from bossbot.links import Found, Link, find_links

HOSTS = ["twitter.com", "x.com", "reddit.com", "redd.it", "youtube.com", "youtu.be", "tiktok.com"]
X = "https://x.com/user/status/123"
YT = "https://youtu.be/dQw4w9WgXcQ"
WIKI = "https://en.wikipedia.org/wiki/Python_(programming_language)"
IMG = "https://i.redd.it/abc.jpg"

TAKEN: list[tuple[str, str, list[str]]] = [
    ("plain", X, [X]),
    ("angle brackets hide the embed", f"<{X}>", [X]),
    ("parentheses", f"({X})", [X]),
    ("markdown link", f"[my clip]({X})", [X]),
    ("markdown link without embed", f"[my clip](<{X}>)", [X]),
    ("markdown link with a title", f'[clip]({X} "the clip")', [X]),
    ("markdown link whose text is a URL", f"[{YT}]({X})", [X]),
    ("markdown link to a page with parentheses", f"[w]({WIKI})", [WIKI]),
    ("code span", f"`{X}`", [X]),
    ("code block", f"```\n{X}\n```", [X]),
    ("double quotes", f'"{X}"', [X]),
    ("single quotes", f"'{X}'", [X]),
    ("typographic quotes", f"“{X}”", [X]),
    ("bold", f"**{X}**", [X]),
    ("strike-through", f"~~{X}~~", [X]),
    ("trailing full stop", f"look: {X}.", [X]),
    ("trailing comma", f"{X}, nice", [X]),
    ("trailing exclamation marks", f"{X}!!", [X]),
    ("trailing question mark", f"is this {X}?", [X]),
    ("trailing parenthesis", f"(see {X})", [X]),
    ("trailing ellipsis", f"{X}…", [X]),
    ("balanced parentheses kept", WIKI, [WIKI]),
    ("balanced parentheses kept inside parentheses", f"({WIKI})", [WIKI]),
    ("image file name then a full stop", f"{IMG}.", [IMG]),
    ("two separated by a comma", f"{X},{YT}", [X, YT]),
    ("two separated by a comma and a space", f"{X}, {YT}", [X, YT]),
    ("two separated by a semicolon", f"{X};{YT}", [X, YT]),
    ("two separated by a space", f"{X} {YT}", [X, YT]),
    ("two on two lines", f"{X}\n{YT}", [X, YT]),
    ("two with no separator", f"{X}{YT}", [X, YT]),
    ("a bare link after a comma", f"{X},youtu.be/dQw4w9WgXcQ", [X, YT]),
    ("bare youtu.be", "youtu.be/dQw4w9WgXcQ", [YT]),
    ("bare x.com", "x.com/user/status/123", [X]),
    ("bare subdomain of a known host", "m.youtube.com/watch?v=abc", ["https://m.youtube.com/watch?v=abc"]),
    ("bare www link", "www.example.org/clip.mp4", ["https://www.example.org/clip.mp4"]),
    ("bare link in parentheses", "(youtu.be/dQw4w9WgXcQ)", [YT]),
    ("capitalised scheme", "Https://x.com/user/status/123", [X]),
    ("capitalised host", "https://X.com/user/status/123", [X]),
    ("all capitals", "HTTPS://WWW.YOUTUBE.COM/watch?v=Ab", ["https://www.youtube.com/watch?v=Ab"]),
    ("path case kept", "https://x.com/User/status/1", ["https://x.com/User/status/1"]),
    ("words around", f"check this out {X} lol", [X]),
    ("repeated link taken once", f"{X} {X}", [X]),
    ("a URL inside an archive URL stays one link", f"https://web.archive.org/web/2020/{X}",
     [f"https://web.archive.org/web/2020/{X}"]),
    ("a URL in a query stays one link", f"https://t.co/r?u={X}", [f"https://t.co/r?u={X}"]),
    ("commas inside a path kept", "https://a.example/p/1,2,3", ["https://a.example/p/1,2,3"]),
    ("plain http", "http://example.org/a.mp4", ["http://example.org/a.mp4"]),
    ("port kept", "https://example.org:8443/a.mp4", ["https://example.org:8443/a.mp4"]),
    ("query and fragment kept", "https://y.example/w?v=1&t=2#x", ["https://y.example/w?v=1&t=2#x"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "urls"), [(t, u) for _, t, u in TAKEN], ids=[n for n, *_ in TAKEN]
)
def test_links_are_taken_as_pasted(text: str, urls: list[str]) -> None:
    found = find_links(text, HOSTS)
    assert [link.url for link in found.links] == urls
    assert not any(link.spoiler for link in found.links)
    assert found.skipped == ()


SPOILERS: list[tuple[str, str, list[Link]]] = [
    ("spoiler", f"||{X}||", [Link(X, spoiler=True)]),
    ("spoiler with spaces", f"|| {X} ||", [Link(X, spoiler=True)]),
    ("spoiler around angle brackets", f"||<{X}>||", [Link(X, spoiler=True)]),
    ("spoiler around a markdown link", f"||[clip]({X})||", [Link(X, spoiler=True)]),
    ("two in one spoiler", f"||{X} {YT}||", [Link(X, True), Link(YT, True)]),
    ("one of two hidden", f"{X} ||{YT}||", [Link(X), Link(YT, spoiler=True)]),
    ("bare link in a spoiler", "||youtu.be/dQw4w9WgXcQ||", [Link(YT, spoiler=True)]),
    ("hidden once is hidden", f"{X} ||{X}||", [Link(X, spoiler=True)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "links"), [(t, k) for _, t, k in SPOILERS],
                         ids=[n for n, *_ in SPOILERS])  # fmt: skip
def test_spoilers_mark_their_links(text: str, links: list[Link]) -> None:
    assert find_links(text, HOSTS) == Found(tuple(links))


NOT_LINKS: list[tuple[str, str, tuple[str, ...]]] = [
    ("no link at all", "check this out", ()),
    ("a price and a ticker", "$TSLA is at $5.20 today", ()),
    ("a bare host without a path", "I saw it on x.com yesterday", ()),
    ("an e-mail address", "mail me at someone@example.org/", ()),
    ("a file name", "clip.mp4", ()),
    ("another scheme", "ftp://example.org/a.mp4", ("ftp://example.org/a.mp4",)),
    ("a bare unknown site", "example.org/clip.", ("example.org/clip",)),
    ("a host that only ends like a known one", "notyoutu.be/abc", ("notyoutu.be/abc",)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "skipped"), [(t, s) for _, t, s in NOT_LINKS],
                         ids=[n for n, *_ in NOT_LINKS])  # fmt: skip
def test_words_that_are_not_links(text: str, skipped: tuple[str, ...]) -> None:
    assert find_links(text, HOSTS) == Found((), skipped)


def test_links_and_skipped_words_together() -> None:
    found = find_links(f"{X} and ftp://a.example/b and example.org/c", HOSTS)
    assert found == Found((Link(X),), ("ftp://a.example/b", "example.org/c"))


def test_without_known_hosts_a_bare_link_is_only_skipped() -> None:
    assert find_links("youtu.be/dQw4w9WgXcQ") == Found((), ("youtu.be/dQw4w9WgXcQ",))


@pytest.mark.parametrize(
    ("text", "urls"),
    [(f"`{X}`", []), (f"```\n{X}\n```", []), (f"`code` {YT} ```{X}```", [YT])],
    ids=["code span", "code block", "outside code only"],
)
def test_code_can_be_skipped_for_auto_detection(text: str, urls: list[str]) -> None:
    assert [link.url for link in find_links(text, HOSTS, skip_code=True).links] == urls
