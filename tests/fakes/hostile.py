"""Pages an attacker serves: each names a private address in one of the ways tools follow."""

from __future__ import annotations

from tests.fakes.media_files import clip_mp4, png
from tests.fakes.media_server import MediaServer

HTML = "text/html"


def pages(secret: str, public: MediaServer) -> dict[str, tuple[str, bytes, str]]:
    """Path -> (content type, body, mode) of each way a page can name ``secret``."""
    segment = public.url("/seg0.ts")
    return {
        "/video-tag": (HTML, f'<html><video src="{secret}"></video></html>'.encode(), "normal"),
        "/og-video": (HTML, f'<meta property="og:video" content="{secret}">'.encode(), "normal"),
        "/refresh": (
            HTML,
            f'<meta http-equiv="refresh" content="0; url={secret}">'.encode(),
            "normal",
        ),
        "/json-ld": (
            HTML,
            b'<script type="application/ld+json">{"@context": "https://schema.org", '
            b'"@type": "VideoObject", "name": "x", "contentUrl": "' + secret.encode() + b'"}'
            b"</script>",
            "normal",
        ),
        "/segments.m3u8": (
            "application/vnd.apple.mpegurl",
            f"#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n{secret}\n#EXT-X-ENDLIST\n".encode(),
            "normal",
        ),
        "/key.m3u8": (
            "application/vnd.apple.mpegurl",
            f'#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-KEY:METHOD=AES-128,URI="{secret}"\n'
            f"#EXTINF:2,\n{segment}\n#EXT-X-ENDLIST\n".encode(),
            "normal",
        ),
        "/dash.mpd": (
            "application/dash+xml",
            (
                '<?xml version="1.0"?><MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" '
                'mediaPresentationDuration="PT2S" minBufferTime="PT1S" profiles="urn:mpeg:dash:'
                f'profile:isoff-on-demand:2011"><BaseURL>{secret.rsplit("/", 1)[0]}/</BaseURL>'
                '<Period><AdaptationSet mimeType="video/mp4"><Representation id="v" '
                'bandwidth="1000" codecs="avc1.42c00d" width="64" height="48">'
                "<BaseURL>v.mp4</BaseURL></Representation></AdaptationSet></Period></MPD>"
            ).encode(),
            "normal",
        ),
        "/head-ok.mp4": ("video/mp4", clip_mp4(), "get-redirect"),
        "/pic.jpg": ("image/jpeg", png(), "get-redirect"),  # routed to gallery-dl
    }


def serve(public: MediaServer, private: MediaServer, path: str) -> str:
    """Serve the hostile page ``path`` on ``public``, aimed at ``private``; returns its URL."""
    secret = private.add("/v.mp4", clip_mp4(), content_type="video/mp4")
    private.add("/latest/meta-data/", b"credentials")
    public.add("/seg0.ts", clip_mp4(), content_type="video/mp2t")
    kind, body, mode = pages(secret, public)[path]
    return public.add(path, body, content_type=kind, mode=mode, location=secret)
