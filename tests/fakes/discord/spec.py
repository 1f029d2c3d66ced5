"""Discord's OpenAPI document: loading (once per process) and path-template matching."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Vendored with its license and upstream commit: see openapi/README.md.
SPEC_PATH = Path(__file__).resolve().parent / "openapi" / "openapi.json"
SPEC_URI = "urn:discord-openapi"
METHODS = ("get", "put", "post", "patch", "delete")


@functools.cache
def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    """Load and cache the OpenAPI document (1.2 MB: read it once per process)."""
    return json.loads(path.resolve().read_text(encoding="utf-8"))


@dataclass(frozen=True)
class PathTemplate:
    """One path of the spec, e.g. ``/channels/{channel_id}/messages``.

    Attributes:
        template: The templated path.
        pattern: Regex matching concrete paths, one group per parameter.
        literals: Count of literal segments (more literals = more specific).
    """

    template: str
    pattern: re.Pattern[str]
    literals: int

    def match(self, path: str) -> dict[str, str] | None:
        """Return the path parameters if ``path`` fits the template."""
        found = self.pattern.fullmatch(path)
        return found.groupdict() if found else None


def _compile(template: str) -> PathTemplate:
    parts, literals = [], 0
    for segment in template.strip("/").split("/"):
        if segment.startswith("{") and segment.endswith("}"):
            parts.append(f"(?P<{segment[1:-1]}>[^/]+)")
        else:
            parts.append(re.escape(segment))
            literals += 1
    return PathTemplate(template, re.compile("/" + "/".join(parts)), literals)


@functools.cache
def path_templates(path: Path = SPEC_PATH) -> tuple[PathTemplate, ...]:
    """Return every path template of the spec, most specific first."""
    compiled = [_compile(template) for template in load_spec(path)["paths"]]
    return tuple(sorted(compiled, key=lambda t: -t.literals))


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local ``$ref``s until a non-reference node is reached."""
    while isinstance(node, dict) and "$ref" in node:
        pointer = node["$ref"].removeprefix("#/").split("/")
        node = spec
        for key in pointer:
            node = node[key.replace("~1", "/").replace("~0", "~")]
    return node


def absolute_refs(node: Any) -> Any:
    """Copy a schema, turning ``#/...`` refs into refs into the registered spec resource."""
    if isinstance(node, dict):
        return {
            k: (SPEC_URI + v if k == "$ref" and v.startswith("#") else absolute_refs(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [absolute_refs(item) for item in node]
    return node
