"""Checks on fetched media: type by content, size, safe names, upload batches."""

from bossbot.media.batches import batches
from bossbot.media.magic import sniff, sniff_file
from bossbot.media.names import sanitize_filename, split_extension
from bossbot.media.validate import validate

__all__ = ["batches", "sanitize_filename", "sniff", "sniff_file", "split_extension", "validate"]
