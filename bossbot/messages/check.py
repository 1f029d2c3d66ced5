"""What ``bossbot check`` prints: the compiled command table, or the errors."""

from __future__ import annotations

from pathlib import Path

from bossbot.messages.progress import duration
from bossbot.spec import Fit, Spec, format_size


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """Left-aligned text columns."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]


def command_table(spec: Spec, path: Path) -> str:
    """The spec as the bot will run it."""
    lines = [f"{path.name}: ok — {len(spec.commands)} commands, prefix `{spec.prefix}`", ""]
    lines += _table(
        ["command", "aliases", "action", "roles", "options", "sites"],
        [
            [
                name,
                ", ".join(cmd.aliases) or "-",
                cmd.action,
                ", ".join(cmd.roles) or "everyone",
                " ".join(o.name if o.required else f"[{o.name}]" for o in cmd.options) or "-",
                ", ".join(cmd.sites) or "-",
            ]
            for name, cmd in spec.commands.items()
        ],
    )
    lines.append("")
    lines += _table(
        ["role", "discord roles", "max file", "priority", "max queued", "cancels others"],
        [
            [
                name + (" (default)" if role.default else ""),
                ", ".join(role.discord_roles) or "everyone",
                format_size(role.max_file_size),
                str(role.priority),
                str(role.max_queued),
                "yes" if role.cancel_others else "no",
            ]
            for name, role in spec.roles.items()
        ],
    )
    lim = spec.limits
    tiers = " · ".join(f"tier {k}: {format_size(v)}" for k, v in spec.upload.tier_limits.items())
    lines += [
        "",
        f"limits: queue {lim.max_queue} · concurrent {lim.max_concurrent} · progress every "
        f"{lim.progress_interval:g} s · timeout {lim.job_timeout:g} s · attempts {lim.attempts}",
        f"upload: {tiers} · {spec.upload.max_attachments} files per message · "
        f"{format_size(spec.upload.message_total)} per message",
        _fit_line(spec.fit),
        _presentation_line(spec),
        f"cache: repeat links answered for {duration(spec.cache.window)} in their server · "
        f"{format_size(spec.cache.max_bytes)} of files kept"
        if spec.cache.enabled
        else "cache: off (every link is downloaded)",
        *_server_lines(spec),
    ]
    return "\n".join(lines)


def _server_lines(spec: Spec) -> list[str]:
    """``[auto]`` and ``[server_settings]``: the defaults, and what servers may change."""
    auto, servers = spec.auto, spec.server_settings
    status = (f"⏳ then ✅ on the message, a short status after {duration(auto.slow_after)}"
              if auto.status == "reaction" else "a status message")  # fmt: skip
    turn = "servers may turn it on per channel" if auto.servers_may_enable else "servers may not"
    changes = ", ".join(servers.may_change) or "nothing"
    bounds = f"{duration(servers.buttons_min)} to {duration(servers.buttons_max)}"
    return [
        f"auto-detection: off by default, {turn} · covers {', '.join(auto.sites)} (may choose "
        f"{', '.join(auto.choosable)}) · {auto.max_links} links per message · {status}",
        f"server settings (/settings, Manage Server): may change {changes} (buttons {bounds}) "
        "· defaults from this file; what each server changed lives in the job database",
    ]


def _presentation_line(spec: Spec) -> str:
    """The ``[results]`` and ``[hints]`` tables on one line."""
    results, hints = spec.results, spec.hints
    embeds = "hidden after the post" if results.suppress_embeds else "left alone"
    hint = (
        f"a hint when close to a command (similarity {hints.similarity:g}), at most one per "
        f"member and channel every {duration(hints.cooldown)}"
        if hints.unknown_commands
        else "never answered"
    )
    return (
        f"results: Delete and Retry buttons for {duration(results.buttons_for)} · previews "
        f"of requests {embeds} · unknown commands: {hint}"
    )


def _fit_line(fit: Fit) -> str:
    """The ``[fit]`` table on one line: the floor, the CPU bounds and the image bound."""
    if not fit.enabled:
        return "fit: off (files over the limit fail as too large)"
    return (
        f"fit: videos up to {duration(fit.max_duration)} · floor {fit.min_height}p at "
        f"{fit.min_video_kbps} kb/s ({fit.min_bits_per_pixel:g} bits/pixel) · at most "
        f"{fit.max_fps} fps when tight · x264 {fit.preset}, {fit.threads} threads, nice "
        f"{fit.niceness} · audio {fit.audio_min_kbps}-{fit.audio_max_kbps} kb/s · "
        f"{fit.passes} passes · images up to {fit.max_image_pixels / 1e6:g} MP"
    )


def spec_errors(problems: list[str]) -> str:
    """Every problem, one per line, with a count."""
    noun = "error" if len(problems) == 1 else "errors"
    return "\n".join([*problems, f"{len(problems)} {noun}; the bot will not start with this file."])
