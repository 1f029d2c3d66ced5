"""Domain errors: each carries data, a stable ``kind`` and whether a retry may help.

The text a user sees for each error lives in :mod:`bossbot.messages.errors`; this module
holds no wording so that every message stays in one snapshot-locked place.
"""

from __future__ import annotations

from typing import Any, ClassVar


class BossError(Exception):
    """Base of every error a user can cause or meet.

    Attributes:
        kind: Stable identifier, stored with failed jobs and used for metrics.
        transient: True when the same job may succeed if retried later.
        data: Facts the user message is built from (sizes, names, positions...).
    """

    kind: ClassVar[str] = "internal"
    transient: ClassVar[bool] = False

    def __init__(self, detail: str = "", **data: Any) -> None:
        """Create the error.

        Args:
            detail: Text for logs only; never shown to users.
            **data: Facts for the user message.
        """
        super().__init__(detail or self.kind)
        self.detail = detail
        self.data: dict[str, Any] = data


def _error(name: str, kind: str, transient: bool, doc: str) -> type[BossError]:
    """Build one error class of the taxonomy."""
    return type(name, (BossError,), {"kind": kind, "transient": transient, "__doc__": doc})


InvalidUrl = _error("InvalidUrl", "invalid_url", False, "Not an http(s) URL we accept.")
Unsupported = _error("Unsupported", "unsupported", False, "No downloader handles the URL.")
WrongCommand = _error("WrongCommand", "wrong_command", False, "URL belongs to another command.")
PrivateAddress = _error("PrivateAddress", "private_address", False, "Host is not public.")
TooLarge = _error("TooLarge", "too_large", False, "A file exceeds the size limit.")
CannotFit = _error("CannotFit", "cannot_fit", False, "Even the declared floor is over the cap.")
TooLongToFit = _error("TooLongToFit", "too_long_to_fit", False, "Longer than fitting tries.")
UploadRefused = _error("UploadRefused", "upload_refused", False, "Discord said 413 / 40005.")
NotFound = _error("NotFound", "not_found", False, "The media does not exist (404/410).")
LoginRequired = _error("LoginRequired", "login_required", False, "Site needs a login.")
NoMedia = _error("NoMedia", "no_media", False, "The page holds no downloadable media.")
BadMedia = _error("BadMedia", "bad_media", False, "A file is empty or not allowed media.")
TooManyUrls = _error("TooManyUrls", "too_many_urls", False, "More URLs than one message may hold.")
RateLimited = _error("RateLimited", "rate_limited", True, "The site rate-limited us (429).")
SiteDown = _error("SiteDown", "site_down", True, "The site answered with a server error.")
NetworkError = _error("NetworkError", "network", True, "Connection failed or dropped.")
Timeout = _error("Timeout", "timeout", True, "The job took longer than allowed.")
DiscordBusy = _error("DiscordBusy", "discord_busy", True, "Discord rate limit too long.")
UploadTimeout = _error("UploadTimeout", "upload_timeout", True, "Posting took longer than allowed.")
FilesLost = _error("FilesLost", "files_lost", True, "Fetched files vanished before the upload.")
QueueFull = _error("QueueFull", "queue_full", False, "The global queue is full.")
UserQueueFull = _error("UserQueueFull", "user_queue_full", False, "Per-user cap reached.")
NotAllowed = _error("NotAllowed", "not_allowed", False, "Member lacks a role.")
Cancelled = _error("Cancelled", "cancelled", False, "The job was cancelled.")
NoJob = _error("NoJob", "no_job", False, "No such job, or nothing to cancel.")
UnknownJob = _error("UnknownJob", "unknown_job", False, "No job in this server has that id.")
NotYours = _error("NotYours", "not_yours", False, "Job belongs to someone else.")
AlreadyFinished = _error("AlreadyFinished", "already_finished", False, "Job is final.")
MissingPermission = _error("MissingPermission", "missing_permission", False, "Bot lacks rights.")
Unavailable = _error("Unavailable", "unavailable", False, "Removed or made unavailable.")
GeoBlocked = _error("GeoBlocked", "geo_blocked", False, "Not available in the bot's country.")
AgeRestricted = _error("AgeRestricted", "age_restricted", False, "Needs a logged-in adult.")
SiteChanged = _error("SiteChanged", "site_changed", False, "The tool cannot read the site.")
DownloadFailed = _error("DownloadFailed", "download_failed", False, "Failed for no known reason.")
TooMuchData = _error("TooMuchData", "too_much_data", False, "Read over the job's byte budget.")
TooManyRequests = _error("TooManyRequests", "too_many_requests", False, "Over the request budget.")
TooSlow = _error("TooSlow", "too_slow", False, "The site sent less than the minimum rate.")
WorkerMemory = _error("WorkerMemory", "worker_memory", False, "Worker over its memory ceiling.")
WorkerCrashed = _error("WorkerCrashed", "worker_crashed", False, "Worker process died.")
Internal = _error("Internal", "internal", False, "An unexpected fault of ours.")

ALL_ERRORS: tuple[type[BossError], ...] = tuple(
    v for v in list(globals().values()) if isinstance(v, type) and issubclass(v, BossError)
)
