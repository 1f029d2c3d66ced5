"""What a media file holds, read from ffmpeg's own report (the wheel ships no ffprobe)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

_DURATION = re.compile(r"Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)")
_TOTAL_RATE = re.compile(r"Duration: .*?bitrate: (\d+) kb/s")
_INPUT = re.compile(r"^Input #0, (.+?), from ", re.M)
_STREAM = re.compile(r"^\s*Stream #0:\d+\S*: (Video|Audio): (\w+)(.*)$")
_SIZE = re.compile(r", (\d{1,5})x(\d{1,5})(?=[ ,]|$)")
_FPS = re.compile(r", ([\d.]+)(k?) (?:fps|tbr)")
_RATE = re.compile(r", (\d+) kb/s")
_PIXELS = re.compile(r"^[^,]*, ([a-z0-9_]+)")
_AUDIO = re.compile(r", (\d+) Hz, ([^,]+)")
_ROTATION = re.compile(r"display ?matrix: rotation of (-?[\d.]+) degrees", re.I)


@dataclass(frozen=True, slots=True)
class Stream:
    """One video or audio stream.

    Attributes:
        kind: ``video`` or ``audio``.
        codec: ffmpeg's codec name: ``h264``, ``aac``, ``vp9``, ``opus``, ``gif``...
        width: Displayed width (rotation applied), 0 for audio.
        height: Displayed height (rotation applied), 0 for audio.
        fps: Frames per second, 0 when unknown.
        kbps: The stream's bitrate when ffmpeg reports it, else 0.
        pixels: Pixel format of video (``yuv420p``...), channel layout of audio.
        still: True for cover art (an attached picture), which is not a video.
    """

    kind: str
    codec: str
    width: int = 0
    height: int = 0
    fps: float = 0.0
    kbps: int = 0
    pixels: str = ""
    still: bool = False


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """The container: its demuxer names, duration, overall bitrate and streams."""

    container: str = ""
    duration: float | None = None
    kbps: int = 0
    streams: tuple[Stream, ...] = field(default_factory=tuple)

    @property
    def video(self) -> Stream | None:
        """The first moving-picture stream (cover art does not count)."""
        return next((s for s in self.streams if s.kind == "video" and not s.still), None)

    @property
    def audio(self) -> Stream | None:
        """The first audio stream."""
        return next((s for s in self.streams if s.kind == "audio"), None)


def _number(pattern: re.Pattern[str], text: str) -> float:
    match = pattern.search(text)
    return float(match.group(1)) if match else 0.0


def _stream(kind: str, codec: str, rest: str) -> Stream:
    """Parse the rest of one ``Stream #0:n: Kind: codec ...`` line."""
    kbps = int(_number(_RATE, rest))
    if kind == "Audio":
        audio = _AUDIO.search(rest)
        return Stream("audio", codec, kbps=kbps, pixels=audio.group(2) if audio else "")
    size = _SIZE.search(rest)
    fps = _FPS.search(rest)
    pixels = _PIXELS.search(rest)
    return Stream(
        "video",
        codec,
        width=int(size.group(1)) if size else 0,
        height=int(size.group(2)) if size else 0,
        fps=float(fps.group(1)) * (1000 if fps.group(2) else 1) if fps else 0.0,
        kbps=kbps,
        pixels=pixels.group(1) if pixels else "",
        still="(attached pic)" in rest,
    )


def _rotated(stream: Stream, degrees: float) -> Stream:
    """Swap width and height when the display matrix turns the picture a quarter."""
    if round(abs(degrees)) % 180 != 90:
        return stream
    return replace(stream, width=stream.height, height=stream.width)


def parse_report(text: str) -> MediaInfo:
    """Read ``ffmpeg -hide_banner -i FILE``'s stderr (only the first input counts)."""
    streams: list[Stream] = []
    for line in text.splitlines():
        match = _STREAM.match(line)
        if match:
            streams.append(_stream(match.group(1), match.group(2), match.group(3)))
        elif (turn := _ROTATION.search(line)) and streams and streams[-1].kind == "video":
            streams[-1] = _rotated(streams[-1], float(turn.group(1)))
    duration = _DURATION.search(text)
    container = _INPUT.search(text)
    return MediaInfo(
        container=container.group(1) if container else "",
        duration=(
            int(duration.group(1)) * 3600 + int(duration.group(2)) * 60 + float(duration.group(3))
            if duration
            else None
        ),
        kbps=int(_number(_TOTAL_RATE, text)),
        streams=tuple(streams),
    )
