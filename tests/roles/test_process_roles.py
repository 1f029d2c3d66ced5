"""Process roles: what ``--shards``/``--shard-count``/``--no-workers`` make of a process."""

from __future__ import annotations

from bossbot.roles import BOT, WORKER, gateway, parse_shards, spans


def test_shard_lists_and_ranges_read_and_write_back() -> None:
    assert parse_shards("0-3,6, 8") == (0, 1, 2, 3, 6, 8)
    assert spans((0, 1, 2, 3, 6, 8)) == "0-3,6,8"
    assert spans((5,)) == "5"


def test_roles_say_whether_they_claim_and_label_their_metrics() -> None:
    front = gateway("0-3", 8, workers=False)
    assert (front.claims, front.shard_ids, front.shard_count) == (False, (0, 1, 2, 3), 8)
    assert front.labels() == {"role": "gateway", "shards": "0-3"}
    assert gateway(None, 2, workers=True).labels() == {"role": "bot", "shards": "0-1"}
    assert gateway(None, None, workers=True) == BOT
    assert BOT.labels() == {"role": "bot"}
    assert (WORKER.claims, WORKER.labels()) == (True, {"role": "worker"})
