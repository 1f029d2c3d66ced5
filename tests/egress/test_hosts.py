"""Host names as every tool will send them: one ASCII form, checked label by label."""

from __future__ import annotations

import pytest

from bossbot.egress.hosts import display_host, ip_literal, normalize_host


@pytest.mark.parametrize(
    ("host", "normal"),
    [
        ("WWW.YouTube.COM", "www.youtube.com"),
        ("example.org.", "example.org"),
        ("straße.de", "xn--strae-oqa.de"),  # IDNA 2008: not "strasse.de" (IDNA 2003)
        ("Bücher.example", "xn--bcher-kva.example"),
        ("xn--strae-oqa.de", "xn--strae-oqa.de"),
        ("_dmarc.example.org", "_dmarc.example.org"),
        ("127.1", "127.0.0.1"),
        ("0x7f.0.0.1", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("[::1]", "::1"),
        ("[::FFFF:7F00:1]", "::ffff:7f00:1"),
    ],
)
def test_one_ascii_form_for_every_tool(host: str, normal: str) -> None:
    assert normalize_host(host) == normal


@pytest.mark.parametrize(
    "host",
    ["", ".", "a..b", "-a.com", "a-.com", "exa mple.com", "x" * 64 + ".com",
     "a." * 127 + "com", "ex\u200dample.com", "ä" * 70 + ".de", "a/b.com"],
)  # fmt: skip
def test_bad_labels_are_refused_with_a_reason(host: str) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        normalize_host(host)


def test_literals_and_names() -> None:
    assert str(ip_literal("2130706433")) == "127.0.0.1"
    assert ip_literal("example.org") is None
    assert ip_literal("1.2.3.4.5") is None
    assert ip_literal("999.1.1.1") is None


def test_names_shown_to_people_are_unicode() -> None:
    assert display_host("xn--strae-oqa.de") == "straße.de"
    assert display_host("xn--zz") == "xn--zz"
