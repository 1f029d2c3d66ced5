"""The cache of repeat links in the job store (both backends) and its files on disk."""

from __future__ import annotations

from pathlib import Path

from bossbot.jobs import Job, JobStore, SqliteStore
from bossbot.jobs.repeats import CacheEntry, RepeatCache
from bossbot.spec import Cache
from tests.fakes.jobs import FakeClock

GUILD, CHANNEL = 81, 82
TWEET = "https://x.com/someone/status/123"
VIDEO = "video"


def delivered(tmp: Path, job_id: str, url: str, *sizes: int, **asked: object) -> Job:
    """A delivered job whose files (of ``sizes`` bytes) are in its temp dir."""
    folder = tmp / "tmp" / job_id
    folder.mkdir(parents=True)
    files = []
    for index, size in enumerate(sizes):
        (path := folder / f"{index}.mp4").write_bytes(bytes([index % 256]) * size)
        files.append(str(path))
    return Job(id=job_id, url=url, guild_id=GUILD, channel_id=CHANNEL, files=files,
               info={"tool": "yt-dlp", "extractor": "Twitter", "id": "123"}, **asked)  # fmt: skip


def cache_on(store: JobStore, data_dir: Path, clock: FakeClock, **declared: object) -> RepeatCache:
    return RepeatCache(store, data_dir / "cache", Cache(**declared), clock)  # type: ignore[arg-type]


def on_disk(data_dir: Path) -> int:
    return sum(p.stat().st_size for p in (data_dir / "cache").rglob("*") if p.is_file())


async def test_every_form_of_a_tweet_finds_its_post_in_that_server_within_the_window(
    store: JobStore, data_dir: Path, clock: FakeClock
) -> None:
    cache = cache_on(store, data_dir, clock)
    kept = await cache.keep(delivered(data_dir, "job001", TWEET, 100), CHANNEL, 9001)
    assert kept is not None
    assert kept.size == 100
    for form in (
        "https://twitter.com/other_name/status/123?s=20",
        "https://fxtwitter.com/someone/status/123",
        "https://x.com/i/status/123?t=x",
    ):
        found = await cache.find(GUILD, form, VIDEO)
        assert found is not None
        assert (found.id, found.message_id) == ("job001", 9001)
        assert [p.read_bytes() for p in cache.files_of(found) or []] == [b"\0" * 100]
    assert await cache.find(GUILD + 1, TWEET, VIDEO) is None  # another server
    assert await cache.find(GUILD, TWEET, "audio") is None  # asked differently
    assert await cache.find(GUILD, "https://x.com/someone/status/124", VIDEO) is None
    await clock.advance(86_401)
    assert await cache.find(GUILD, TWEET, VIDEO) is None  # outside the window


async def test_the_byte_bound_holds_and_the_least_recently_used_goes_first(
    store: JobStore, data_dir: Path, clock: FakeClock
) -> None:
    cache = cache_on(store, data_dir, clock, max_bytes=1000)
    urls = [f"https://example.org/{n}.mp4" for n in range(4)]
    for n, url in enumerate(urls[:3]):
        await cache.keep(delivered(data_dir, f"job00{n}", url, 300), CHANNEL, 100 + n)
        await clock.advance(1)
    assert await cache.find(GUILD, urls[0], VIDEO) is not None  # job000 used: now the newest
    await clock.advance(1)
    await cache.keep(delivered(data_dir, "job003", urls[3], 300), CHANNEL, 103)
    assert [e.id for e in await store.cache_entries()] == ["job002", "job000", "job003"]
    assert on_disk(data_dir) <= 1000
    assert await cache.find(GUILD, urls[1], VIDEO) is None  # the least recently used went
    big = await cache.keep(delivered(data_dir, "job004", urls[1], 1001), CHANNEL, 104)
    assert big is not None
    assert big.files == []
    assert on_disk(data_dir) <= 1000
    found = await cache.find(GUILD, urls[1], VIDEO)  # pointed at, never posted again
    assert found is not None
    assert found.message_id == 104
    assert cache.files_of(found) is None


async def test_an_entry_is_recorded_once_and_a_newer_post_replaces_the_older(
    store: JobStore, data_dir: Path, clock: FakeClock
) -> None:
    cache = cache_on(store, data_dir, clock)
    job = delivered(data_dir, "job001", TWEET, 10)
    await cache.keep(job, CHANNEL, 1)
    await cache.keep(job, CHANNEL, 2)  # told twice: nothing twice
    assert [(e.id, e.message_id) for e in await store.cache_entries()] == [("job001", 1)]
    await cache.keep(delivered(data_dir, "job002", TWEET + "?s=20", 10), CHANNEL, 3)  # --fresh
    assert [e.id for e in await store.cache_entries()] == ["job002"]
    assert not (data_dir / "cache" / "job001").exists()
    found = await cache.find(GUILD, TWEET, VIDEO)
    assert found is not None
    await cache.moved(found, CHANNEL + 1, 4)
    again = await cache.find(GUILD, TWEET, VIDEO)
    assert again is not None
    assert (again.channel_id, again.message_id) == (CHANNEL + 1, 4)
    await cache.forget(again)
    assert await store.cache_entries() == []
    assert not (data_dir / "cache" / "job002").exists()


async def test_the_cache_survives_a_restart_and_a_crash_leaves_no_stray_files(
    data_dir: Path, clock: FakeClock
) -> None:
    store = SqliteStore.in_dir(data_dir, clock)
    await cache_on(store, data_dir, clock).keep(delivered(data_dir, "job001", TWEET, 10), 5, 6)
    await store.close()
    (data_dir / "cache" / ".job002.part").mkdir()  # a crash while keeping another
    reopened = SqliteStore.in_dir(data_dir, clock)
    cache = cache_on(reopened, data_dir, clock)
    found = await cache.find(GUILD, "https://twitter.com/someone/status/123", VIDEO)
    assert isinstance(found, CacheEntry)
    assert (found.channel_id, found.message_id) == (5, 6)
    await cache.sweep()
    assert sorted(p.name for p in (data_dir / "cache").iterdir()) == ["job001"]
    await reopened.close()


async def test_a_disabled_cache_keeps_and_finds_nothing(
    store: JobStore, data_dir: Path, clock: FakeClock
) -> None:
    cache = cache_on(store, data_dir, clock, enabled=False)
    assert await cache.keep(delivered(data_dir, "job001", TWEET, 10), CHANNEL, 1) is None
    assert await cache.find(GUILD, TWEET, VIDEO) is None
