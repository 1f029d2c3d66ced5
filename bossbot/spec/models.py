"""The tables of ``commands.toml`` as pydantic models (one model per table kind)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from bossbot.spec.option import Option
from bossbot.spec.strict import NAME, Strict
from bossbot.spec.units import ByteSize, parse_size

__all__ = [
    "NAME", "Budgets", "Command", "Limits", "Option", "Role", "SiteGroup", "Strict", "Upload",
]  # fmt: skip


class Limits(Strict):
    """Global limits of the job executor."""

    max_queue: int = Field(50, ge=1, le=10_000)
    max_concurrent: int = Field(5, ge=1, le=64)
    progress_interval: float = Field(5.0, ge=1.0, le=300.0)
    job_timeout: float = Field(900.0, ge=10.0)
    upload_timeout: float = Field(900.0, ge=10.0)
    attempts: int = Field(3, ge=1, le=10)
    backoff_base: float = Field(2.0, gt=0)
    backoff_max: float = Field(300.0, gt=0)
    max_urls_per_message: int = Field(5, ge=1, le=20)
    bandwidth_limit: ByteSize = 0
    keep_finished_days: int = Field(30, ge=1, le=3650)
    lease_seconds: float = Field(60.0, ge=5.0, le=3600.0)


class Budgets(Strict):
    """What one job may use: bytes, requests and transfer rate; worker memory and priority."""

    overhead: ByteSize = Field(parse_size("16MiB"), ge=parse_size("1MiB"))
    requests: int = Field(1000, ge=10, le=100_000)
    min_rate: ByteSize = Field(parse_size("4KiB"), ge=1)
    slow_window: int = Field(30, ge=2, le=600)
    memory: ByteSize = Field(parse_size("512MiB"), ge=parse_size("128MiB"))
    nice: int = Field(10, ge=0, le=19)


class Upload(Strict):
    """Discord's per-file upload limit by server boost tier, and what one message may carry.

    ``message_total`` bounds all files of one message together; a message may always carry
    one file up to the per-file limit.
    """

    tier_limits: dict[Literal["0", "1", "2", "3"], ByteSize]
    max_attachments: int = Field(10, ge=1, le=10)
    message_total: ByteSize = 25 * 1024 * 1024


class Role(Strict):
    """A bot role: who holds it and what it may do."""

    default: bool = False
    discord_roles: list[str] = []
    max_file_size: ByteSize
    priority: int = 0
    max_queued: int = Field(3, ge=1)
    cancel_others: bool = False


Tool = Literal["yt-dlp", "gallery-dl"]


class SiteGroup(Strict):
    """Sites matched by host suffix or by file extension, and the downloader they prefer.

    ``description`` names the sites for members and completes "links to …" ("Reddit",
    "video files", "other sites"). ``downloader`` is one tool or an ordered list: the
    preference among the tools that have a real extractor for a link (see routing).
    """

    description: str = Field(min_length=1)
    hosts: list[str] = []
    extensions: list[str] = []
    downloader: Tool | list[Tool]

    @property
    def downloaders(self) -> list[str]:
        """The preferred order of tools (one named tool first)."""
        chosen = [self.downloader] if isinstance(self.downloader, str) else self.downloader
        return list(dict.fromkeys(chosen))


class Command(Strict):
    """One command: what it does, who may use it and how it is explained."""

    action: str = Field(min_length=1)
    summary: str = Field(min_length=1, max_length=100)
    help: str = Field(min_length=1)
    usage: str = Field(min_length=1)
    examples: list[str] = Field(min_length=1)
    aliases: list[str] = []
    options: list[Option] = []
    roles: list[str] = []
    sites: list[str] = []
