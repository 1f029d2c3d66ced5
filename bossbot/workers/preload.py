"""Imported once by the warmed parent that every worker process is forked from.

Importing yt-dlp and gallery-dl, compiling yt-dlp's 1,750 URL patterns and loading the CA
bundle cost about a second of CPU; done here, once, every worker starts with it done
(copy-on-write).
"""

from __future__ import annotations

from gallery_dl import extractor as gallery_extractors

from bossbot.fetch.tls import client_context, share_yt_dlp_contexts
from bossbot.fetch.ytdlp.extractors import default_extractors
from bossbot.workers import child, tasks
from bossbot.workers.rehearsal import rehearse

PROBE = "https://warm-up.invalid/"

for _extractor in default_extractors():
    _extractor.suitable(PROBE)
gallery_extractors.find(PROBE)  # imports every gallery-dl extractor module
client_context()
share_yt_dlp_contexts()
rehearse()

__all__ = ["child", "tasks"]
