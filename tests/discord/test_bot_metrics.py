"""The running bot's liveness and Prometheus metrics, after a real download."""

from __future__ import annotations

import socket

import httpx

from tests.discord.conftest import StartBot, final_status, request_status
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_healthz_and_metrics_count_a_delivered_job(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    addr = f"127.0.0.1:{free_port()}"
    await start_bot(allow_private_urls=True, metrics_addr=addr)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    status = await request_status(fake_discord, f"$dl {url}")
    await final_status(fake_discord, int(status["id"]), "✅")
    async with httpx.AsyncClient(base_url=f"http://{addr}") as client:
        health = await client.get("/healthz")
        metrics = (await client.get("/metrics")).text
    assert health.status_code == 200
    assert 'bossbot_jobs{role="bot",state="done"} 1' in metrics  # role: the whole bot
    assert f'bossbot_uploaded_bytes_total{{role="bot"}} {len(clip_mp4())}' in metrics
    assert 'bossbot_gateway_latency_seconds{role="bot",shard="0"}' in metrics
