"""The in-process metrics registry: counters kept by a job listener, gauges read on scrape."""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Mapping

from bossbot.jobs.machine import JobMachine
from bossbot.ops.exposition import Family, render

STATES: tuple[str, ...] = tuple(state.value for state in JobMachine.states)


class Metrics:
    """Counters fed by :class:`~bossbot.ops.MetricsListener`; gauges read at scrape time.

    Args:
        counts: Jobs per state, e.g. ``store.counts`` (a coroutine; states without jobs
            may be left out).
        latency: Gateway heartbeat latency in seconds per shard id (empty while unknown,
            and for a worker).
        labels: Put on every sample: the process ``role`` and its ``shards``.
    """

    def __init__(
        self,
        counts: Callable[[], Awaitable[Mapping[str, int]]] = lambda: _no_jobs(),
        latency: Callable[[], Mapping[int, float]] = dict,
        labels: Mapping[str, str] | None = None,
    ) -> None:
        self.counts = counts
        self.latency = latency
        self.labels = dict(labels or {})
        self.downloaded = 0
        self.uploaded = 0
        self.failures: Counter[str] = Counter()
        self.retries: Counter[str] = Counter()
        self.cache_hits: Counter[str] = Counter()

    async def families(self) -> list[Family]:
        """Every metric with its current samples, labelled with the process's labels."""
        return [
            Family(f.name, f.kind, f.help, [({**self.labels, **k}, v) for k, v in f.samples])
            for f in await self._families()
        ]

    async def _families(self) -> list[Family]:
        counts = await self.counts()
        latency = self.latency()
        return [
            Family(
                "bossbot_jobs",
                "gauge",
                "Jobs in the database by state.",
                [({"state": state}, counts.get(state, 0)) for state in STATES],
            ),
            Family(
                "bossbot_queue_depth",
                "gauge",
                "Jobs waiting to run.",
                [({}, counts.get("queued", 0))],
            ),
            Family(
                "bossbot_downloaded_bytes_total",
                "counter",
                "Bytes of files fetched by downloads.",
                [({}, self.downloaded)],
            ),
            Family(
                "bossbot_uploaded_bytes_total",
                "counter",
                "Bytes of files delivered to Discord.",
                [({}, self.uploaded)],
            ),
            _by_kind("bossbot_job_failures_total", "Jobs failed, by error kind.", self.failures),
            _by_kind(
                "bossbot_job_retries_total", "Job attempts retried, by error kind.", self.retries
            ),
            Family(
                "bossbot_cache_hits_total",
                "counter",
                "Repeat links answered from the cache, by how (pointed, reposted).",
                [({"how": how}, n) for how, n in sorted(self.cache_hits.items())],
            ),
            Family(
                "bossbot_gateway_latency_seconds",
                "gauge",
                "Discord gateway heartbeat latency per shard (absent while unknown).",
                [({"shard": str(shard)}, seconds) for shard, seconds in sorted(latency.items())],
            ),
        ]

    async def render(self) -> str:
        """The text a Prometheus scrape of ``/metrics`` receives."""
        return render(await self.families())


async def _no_jobs() -> Mapping[str, int]:
    """No job store: no jobs."""
    return {}


def _by_kind(name: str, text: str, counter: Counter[str]) -> Family:
    """A counter family with one sample per error kind, sorted by kind."""
    return Family(
        name, "counter", text, [({"kind": kind}, counter[kind]) for kind in sorted(counter)]
    )
