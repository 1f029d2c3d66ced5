"""The job folder: finished files only, safe names, and nothing left after a failure."""

from __future__ import annotations

from pathlib import Path

from bossbot.fetch.files import clear, display_name, finished_files, tidy_names


def test_unfinished_downloads_are_not_results(job_dir: Path) -> None:
    for name in ["a.mp4", "b.mp4.part", "c.mp4.ytdl", "d.f137.mp4.part-Frag3", "e.png.tmp"]:
        (job_dir / name).write_bytes(b"x")
    (job_dir / "sub").mkdir()
    assert [p.name for p in finished_files(job_dir)] == ["a.mp4"]


def test_tidy_names_renames_without_clobbering(job_dir: Path) -> None:
    (job_dir / "my_clip.mp4").write_bytes(b"first")
    odd = job_dir / "my clip.mp4"
    odd.write_bytes(b"second")
    [renamed] = tidy_names([odd])
    assert renamed.name == "my_clip-2.mp4"
    assert renamed.read_bytes() == b"second"
    assert (job_dir / "my_clip.mp4").read_bytes() == b"first"


def test_clear_empties_the_job_folder_but_keeps_it(job_dir: Path, tmp_path: Path) -> None:
    keep = tmp_path / "keep.txt"
    keep.write_text("mine")
    (job_dir / "a.part").write_bytes(b"x")
    (job_dir / "frags").mkdir()
    (job_dir / "frags" / "1").write_bytes(b"x")
    (job_dir / "link").symlink_to(keep)
    clear(job_dir)
    assert job_dir.is_dir()
    assert list(job_dir.iterdir()) == []
    assert keep.read_text() == "mine"
    clear(tmp_path / "never-made")


def test_display_name_is_short_and_safe() -> None:
    assert display_name("https://x.org/media/My%20Clip.mp4?x=1") == "My_Clip.mp4"
    assert display_name("https://x.org/") == "x.org"
    assert len(display_name("https://x.org/" + "a" * 200)) == 60
