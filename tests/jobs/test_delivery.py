"""The command line's delivery: files copied into a folder, idempotently."""

from __future__ import annotations

from pathlib import Path

from bossbot.jobs import FolderDelivery, Job


def files(tmp_path: Path, **contents: bytes) -> list[Path]:
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    for name, data in contents.items():
        (src / name.replace("_", ".")).write_bytes(data)
    return [src / name.replace("_", ".") for name in contents]


async def test_files_are_copied_into_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    delivery = FolderDelivery(out)
    await delivery.post(Job(id="a", url="u"), 0, 1, files(tmp_path, a_mp4=b"1", b_jpg=b"2"))
    assert sorted(p.name for p in out.iterdir()) == ["a.mp4", "b.jpg"]
    assert (out / "a.mp4").read_bytes() == b"1"
    assert delivery.delivered == [out / "a.mp4", out / "b.jpg"]


async def test_delivering_the_same_job_again_copies_nothing_twice(tmp_path: Path) -> None:
    out, job = tmp_path / "out", Job(id="a", url="u")
    batch = files(tmp_path, a_mp4=b"1")
    await FolderDelivery(out).post(job, 0, 1, batch)
    again = FolderDelivery(out)
    assert await again.find(job, 1) == set()  # posting again is safe: nothing to skip
    await again.post(job, 0, 1, batch)
    assert [p.name for p in out.iterdir()] == ["a.mp4"]
    assert again.delivered == [out / "a.mp4"]


async def test_an_existing_different_file_is_kept_and_the_new_one_renamed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.mp4").write_bytes(b"mine")
    (out / "a (1).mp4").write_bytes(b"also mine")
    delivery = FolderDelivery(out)
    await delivery.post(Job(id="a", url="u"), 0, 1, files(tmp_path, a_mp4=b"new"))
    assert (out / "a.mp4").read_bytes() == b"mine"
    assert (out / "a (2).mp4").read_bytes() == b"new"
    assert delivery.delivered == [out / "a (2).mp4"]
