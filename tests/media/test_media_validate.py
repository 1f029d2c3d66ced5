"""Fetched files are checked by content, size and place before anything is posted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bossbot.errors import BadMedia, NoMedia, TooLarge
from bossbot.media import batches, sanitize_filename, sniff, validate
from bossbot.messages.errors import render_error
from tests.fakes.media_files import clip_mp4, gif, noise, png, still_jpeg

WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm" + b"\0" * 40
MKV = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x88matroska" + b"\0" * 40
WEBP = b"RIFF\x24\0\0\0WEBPVP8 " + b"\0" * 40
WAV = b"RIFF\x24\0\0\0WAVEfmt " + b"\0" * 40
M4A = b"\0\0\0\x20ftypM4A \0\0\0\0" + b"\0" * 40
MOV = b"\0\0\0\x14ftypqt  \0\0\0\0" + b"\0" * 40
HEIC = b"\0\0\0\x18ftypheic\0\0\0\0" + b"\0" * 40
MP3_FRAME = b"\xff\xfb\x90\x64" + b"\0" * 40
ADTS_AAC = b"\xff\xf1\x50\x80" + b"\0" * 40


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (clip_mp4(), "mp4"),
        (MOV, "mov"),
        (M4A, "m4a"),
        (WEBM, "webm"),
        (MKV, "mkv"),
        (gif(), "gif"),
        (png(), "png"),
        (still_jpeg(), "jpg"),
        (WEBP, "webp"),
        (WAV, "wav"),
        (b"ID3\x04\0\0" + b"\0" * 40, "mp3"),
        (MP3_FRAME, "mp3"),
        (b"OggS\0\x02" + b"\0" * 40, "ogg"),
        (b"fLaC\0\0\0\x22" + b"\0" * 40, "flac"),
        (HEIC, "heic"),  # shown after fitting converts it (Discord does not show HEIC)
        (b"\0\0\0\x1cftypavif\0\0\0\0" + b"\0" * 40, "avif"),
        (b"BM\x36\0\0\0" + b"\0" * 40, "bmp"),
        (b"II*\0\x08\0\0\0" + b"\0" * 40, "tiff"),
        (ADTS_AAC, None),
        (b"<!DOCTYPE html><html>", None),
        (b"MZ\x90\0\x03\0\0\0", None),
        (b"#!/bin/sh\nrm -rf /\n", None),
        (noise(64), None),
        (b"", None),
    ],
)
def test_sniff_judges_files_by_content(head: bytes, kind: str | None) -> None:
    assert sniff(head[:64]) == kind


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_good_files_pass_unchanged(tmp_path: Path) -> None:
    files = [write(tmp_path, "a.mp4", clip_mp4()), write(tmp_path, "b.jpeg", still_jpeg())]
    assert validate(files, cap=10_000, dest=tmp_path) == [p.resolve() for p in files]


def test_a_file_whose_name_lies_is_renamed_to_its_real_type(tmp_path: Path) -> None:
    lying = write(tmp_path, "holiday.exe", png())
    [checked] = validate([lying], cap=10_000, dest=tmp_path)
    assert checked.name == "holiday.png"
    assert checked.read_bytes() == png()
    assert not lying.exists()


def test_renaming_never_overwrites_another_file(tmp_path: Path) -> None:
    write(tmp_path, "x.png", gif())
    lying = write(tmp_path, "x.txt", png())
    [checked] = validate([lying], cap=10_000, dest=tmp_path)
    assert checked.name == "x-2.png"
    assert (tmp_path / "x.png").read_bytes() == gif()


def test_unsafe_names_are_neutralised(tmp_path: Path) -> None:
    path = write(tmp_path, "..évil name;rm -rf.mp4", clip_mp4())
    [checked] = validate([path], cap=10_000, dest=tmp_path)
    assert checked.parent == tmp_path.resolve()
    assert checked.name == "evil_name_rm_rf.mp4"


def test_an_empty_file_is_bad_media(tmp_path: Path, snapshot) -> None:
    with pytest.raises(BadMedia) as caught:
        validate([write(tmp_path, "clip.mp4", b"")], cap=10, dest=tmp_path)
    assert render_error(caught.value) == snapshot


def test_a_file_of_a_disallowed_type_is_bad_media(tmp_path: Path, snapshot) -> None:
    with pytest.raises(BadMedia) as caught:
        validate([write(tmp_path, "page.mp4", b"<html>hello</html>")], cap=100, dest=tmp_path)
    assert render_error(caught.value) == snapshot


def test_a_file_over_the_cap_is_too_large_with_its_numbers(tmp_path: Path, snapshot) -> None:
    with pytest.raises(TooLarge) as caught:
        validate([write(tmp_path, "clip.mp4", clip_mp4())], cap=4096, dest=tmp_path)
    assert caught.value.data == {"name": "clip.mp4", "size": len(clip_mp4()), "limit": 4096}
    assert render_error(caught.value) == snapshot


def test_a_missing_file_is_bad_media(tmp_path: Path) -> None:
    with pytest.raises(BadMedia):
        validate([tmp_path / "gone.mp4"], cap=100, dest=tmp_path)


def test_no_files_at_all_is_no_media(tmp_path: Path, snapshot) -> None:
    with pytest.raises(NoMedia) as caught:
        validate([], cap=100, dest=tmp_path)
    assert render_error(caught.value) == snapshot


@pytest.mark.parametrize("how", ["path outside", "symlink out", "symlink in"])
def test_nothing_outside_the_job_folder_is_accepted(tmp_path: Path, how: str) -> None:
    job, elsewhere = tmp_path / "job", tmp_path / "elsewhere"
    job.mkdir()
    elsewhere.mkdir()
    secret = write(elsewhere, "secret.png", png())
    inside = write(job, "ok.png", png())
    if how == "path outside":
        candidate = job / ".." / "elsewhere" / "secret.png"
    else:
        candidate = job / "link.png"
        os.symlink(secret if how == "symlink out" else inside, candidate)
    with pytest.raises(BadMedia):
        validate([candidate], cap=10_000, dest=job)
    assert secret.read_bytes() == png()


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("clip.mp4", "clip.mp4"),
        ("../../x", "x"),
        ("..\\..\\win.png", "win.png"),
        (".hidden.png", "hidden.png"),
        ("-rf.mp4", "rf.mp4"),
        ("a b/c d.JPG", "c_d.jpg"),
        ("日本語.gif", "file.gif"),
        ("", "file"),
        ("...", "file"),
        ("name.with.dots.webm", "name.with.dots.webm"),
        ("tricky.php%00.png", "tricky.php_00.png"),
        ("x" * 300 + ".mp4", "x" * 96 + ".mp4"),
    ],
)
def test_sanitize_filename_keeps_only_a_safe_last_segment(name: str, safe: str) -> None:
    assert sanitize_filename(name) == safe


def test_batches_hold_at_most_ten_files_in_order() -> None:
    files = [Path(f"{n}.png") for n in range(23)]
    groups = batches(files)
    assert [len(g) for g in groups] == [10, 10, 3]
    assert [f for g in groups for f in g] == files
    assert batches([]) == []
    with pytest.raises(ValueError, match="at least 1"):
        batches(files, size=0)


def test_batches_keep_each_message_under_the_byte_total(tmp_path: Path) -> None:
    sizes = [4, 4, 3, 9, 12, 1, 1, 1]
    files = []
    for number, size in enumerate(sizes):
        path = tmp_path / f"{number}.jpg"
        path.write_bytes(b"x" * size)
        files.append(path)
    groups = batches(files, size=2, total=10)
    assert [[int(p.stem) for p in g] for g in groups] == [[0, 1], [2], [3], [4], [5, 6], [7]]
    assert [f for g in groups for f in g] == files  # order kept, nothing lost
    assert [len(g) for g in batches(files, total=10)] == [2, 1, 1, 1, 3]
    with pytest.raises(ValueError, match="at least 1 byte"):
        batches(files, total=0)
