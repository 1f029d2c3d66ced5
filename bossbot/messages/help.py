"""Help pages and command hints, generated from the spec."""

from __future__ import annotations

import difflib

from bossbot.messages.people import discord_roles, role_phrase
from bossbot.spec import Command, Option, Spec


def _names(prefix: str, name: str, command: Command) -> str:
    """``$name`` followed by its aliases."""
    aliases = ", ".join(f"`{prefix}{alias}`" for alias in command.aliases)
    return f"`{prefix}{name}`" + (f" (also {aliases})" if aliases else "")


def help_index(spec: Spec, usable: list[str]) -> str:
    """The list of commands the member may use, with their summaries."""
    lines = [f"📖 **Commands you can use** (type `{spec.prefix}` or `/` before the name)"]
    for name in usable:
        command = spec.commands[name]
        lines.append(f"• {_names(spec.prefix, name, command)} — {command.summary}")
    if not usable:
        lines.append("You can't use any command here yet; ask a moderator for a role.")
    lines.append(f"Type `{spec.prefix}help <command>` for details and examples.")
    return "\n".join(lines)


def slash_usage(name: str, command: Command) -> str:
    """How the slash form is typed: ``/dl url:`` with optional options in brackets."""
    parts = [f"{o.name}:" if o.required else f"[{o.name}:]" for o in command.options]
    return " ".join([f"/{name}", *parts])


def flag_only(command: Command) -> list[Option]:
    """The options typed only as ``--flags`` on the prefix form: those after a rest option."""
    rest = next((i for i, option in enumerate(command.options) if option.rest), None)
    return [] if rest is None else command.options[rest + 1 :]


def help_command(spec: Spec, name: str) -> str:
    """One command's page: help text, usage, examples, aliases and required roles."""
    command = spec.commands[name]
    prefix = spec.prefix
    examples = ", ".join(f"`{prefix}{example}`" for example in command.examples)
    lines = [
        f"📖 **{prefix}{name}** — {command.summary}",
        command.help.strip(),
        f"**Usage:** `{prefix}{command.usage}` or `{slash_usage(name, command)}`",
        f"**Examples:** {examples}",
    ]
    if flags := flag_only(command):
        lines.append("**Options** (after the links, or as slash options):")
        lines += [f"• `{option.flag}` — {option.description}" for option in flags]
    if command.aliases:
        lines.append("**Aliases:** " + ", ".join(f"`{prefix}{a}`" for a in command.aliases))
    roles = discord_roles(spec, command.roles)
    who = f"members with {role_phrase(roles)}" if roles else "nobody yet"
    if not command.roles or spec.default_role in command.roles:
        who = "everyone"
    if command.action == "settings":  # the action itself asks for the permission
        who = f"{who}, with the **Manage Server** permission"
    lines.append(f"**Who can use it:** {who}")
    return "\n".join(lines)


def _closest(spec: Spec, word: str, cutoff: float) -> str | None:
    """The command name or alias closest to ``word``, if at least ``cutoff`` alike."""
    words = [w for name, cmd in spec.commands.items() for w in (name, *cmd.aliases)]
    close = difflib.get_close_matches(word, words, n=1, cutoff=cutoff)
    return close[0] if close else None


def _suggest(spec: Spec, word: str) -> str:
    """`` Did you mean `$x`?`` for a close command name, else nothing."""
    close = _closest(spec, word, 0.6)
    return f" Did you mean `{spec.prefix}{close}`?" if close else ""


def unknown_command(spec: Spec, word: str) -> str | None:
    """The hint for a prefix word close to a command (``[hints] similarity``); else None."""
    close = _closest(spec, word, spec.hints.similarity)
    if close is None:
        return None
    return (
        f"❓ `{spec.prefix}{word}` is not one of my commands. Did you mean "
        f"`{spec.prefix}{close}`? `{spec.prefix}help` lists them all."
    )


def unknown_topic(spec: Spec, word: str) -> str:
    """Answer to ``help <word>`` when no command is called that."""
    return (
        f"❓ There is no command called `{word}`.{_suggest(spec, word)} "
        f"Type `{spec.prefix}help` for the list."
    )


def usage_error(spec: Spec, name: str, problem: str) -> str:
    """Answer to a prefix command with missing or malformed arguments."""
    command = spec.commands[name]
    example = f"`{spec.prefix}{command.examples[0]}`"
    return f"✋ {problem}. Usage: `{spec.prefix}{command.usage}` — for example {example}."
