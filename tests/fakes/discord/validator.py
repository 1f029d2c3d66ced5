"""Checks one REST request against Discord's OpenAPI document.

Route and method must exist; path parameters, query parameter names, the
Authorization header, the content type, the JSON body (or the ``payload_json``
part of a multipart body) and the multipart field names must fit the operation.

Two relaxations, where Discord's docs and the spec disagree: a string of digits
is accepted where the schema says integer (the spec README: "some int-parseable
strings are typed as ints"), and a non-negative integer where it says snowflake
string (the docs' attachment ``"id": 0`` in message requests).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .spec import METHODS, SPEC_PATH, SPEC_URI, absolute_refs, load_spec, path_templates, resolve

FILE_FIELDS = frozenset(f"files[{index}]" for index in range(10))
_DIGITS = re.compile(r"-?\d+")


@dataclass
class Verdict:
    """The outcome of checking one request.

    Attributes:
        template: The matched path template (None for an unknown route).
        params: Path parameters by name.
        problems: What is wrong; empty when the request fits the spec.
        status: HTTP status to answer a request with problems.
    """

    template: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    status: int = 400

    def fail(self, status: int, problem: str) -> Verdict:
        """Record a problem; the first problem's status is the answer's."""
        if not self.problems:
            self.status = status
        self.problems.append(problem)
        return self


@functools.cache
def _registry(path: Path) -> Registry:
    resource = Resource.from_contents(load_spec(path), default_specification=DRAFT202012)
    return Registry().with_resource(SPEC_URI, resource)


_VALIDATORS: dict[int, Draft202012Validator] = {}


def _validator(path: Path, schema: dict[str, Any]) -> Draft202012Validator:
    """Return a (cached) validator of a schema node of the loaded spec."""
    found = _VALIDATORS.get(id(schema))
    if found is None:
        found = Draft202012Validator(absolute_refs(schema), registry=_registry(path))
        _VALIDATORS[id(schema)] = found
    return found


def _branches(error: ValidationError) -> list[list[ValidationError]]:
    grouped: dict[Any, list[ValidationError]] = {}
    for sub in error.context or []:
        grouped.setdefault(sub.schema_path[0], []).append(sub)
    return list(grouped.values())


def _relaxable(error: ValidationError) -> bool:
    """Whether an error is only one of the two documented spec/docs disagreements."""
    if error.validator == "type":
        expected = error.validator_value
        expected = [expected] if isinstance(expected, str) else expected
        value = error.instance
        if "integer" in expected and isinstance(value, str) and _DIGITS.fullmatch(value):
            return True
        snowflake = isinstance(error.schema, dict) and error.schema.get("format") == "snowflake"
        return snowflake and isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if error.validator == "pattern" and isinstance(error.instance, int):
        return True  # the snowflake pattern applies to strings only; the type check decides
    if error.validator in ("anyOf", "oneOf") and error.context:
        return any(all(_relaxable(sub) for sub in subs) for subs in _branches(error))
    return False


def _where(error: ValidationError) -> str:
    return "/".join(str(part) for part in error.absolute_path) or "<root>"


def _describe(error: ValidationError) -> str:
    text = f"{_where(error)}: {error.message[:200]}"
    branches = _branches(error)
    if branches:
        # Prefer the branch whose discriminating "type" matched, then the one nearest to valid.
        def rank(subs: list[ValidationError]) -> tuple[bool, int]:
            on_type = any(list(s.relative_path)[-1:] == ["type"] for s in subs)
            return on_type, len(subs)

        best = best_match(min(branches, key=rank))
        text += f" (closest: {_where(best)}: {best.message[:200]})"
    return text


def schema_errors(validator: Draft202012Validator, instance: Any) -> list[str]:
    """Return readable errors of ``instance``, minus the relaxed integer ones."""
    errors = [e for e in validator.iter_errors(instance) if not _relaxable(e)]
    return [_describe(error) for error in errors[:5]]


class Validator:
    """Validates requests against the spec at ``spec_path`` for a bot ``token``."""

    def __init__(self, token: str, spec_path: Path = SPEC_PATH) -> None:
        """Load (or reuse) the spec.

        Args:
            token: The bot token; ``Authorization: Bot <token>`` is expected.
            spec_path: Path of ``openapi.json``.
        """
        self._path = spec_path.resolve()
        self._spec = load_spec(self._path)
        self._token = token

    def check(
        self,
        method: str,
        path: str,
        *,
        query: Iterable[str] = (),
        authorization: str | None = None,
        content_type: str | None = None,
        body: Any = None,
        has_body: bool = False,
        form_fields: Iterable[str] = (),
    ) -> Verdict:
        """Check one request.

        Args:
            method: HTTP method.
            path: Path below the API root, e.g. ``/channels/1/messages``.
            query: Names of the query parameters sent.
            authorization: The Authorization header, if any.
            content_type: The media type of the body, if any.
            body: Parsed JSON body, or the parsed ``payload_json`` of a multipart body.
            has_body: Whether a body was sent at all.
            form_fields: Names of the multipart parts.

        Returns:
            The verdict (problems empty when the request is valid).
        """
        verdict = Verdict()
        matches = [(t, p) for t in path_templates(self._path) if (p := t.match(path)) is not None]
        if not matches:
            return verdict.fail(404, f"{method} {path}: no such route in Discord's API")
        lowered = method.lower()
        for template, params in matches:  # noqa: B007  (the loop picks them)
            if lowered in self._spec["paths"][template.template]:
                break
        else:
            allowed = sorted(
                {m for t, _ in matches for m in self._spec["paths"][t.template]} & set(METHODS)
            )
            return verdict.fail(405, f"{method} {path}: method not allowed (route has {allowed})")
        verdict.template, verdict.params = template.template, params
        item = self._spec["paths"][template.template]
        operation = item[lowered]
        where = f"{method} {template.template}"
        self._check_parameters(where, item, operation, params, set(query), verdict)
        self._check_auth(where, operation, authorization, verdict)
        request_body = operation.get("requestBody")
        self._check_body(
            where, request_body, content_type, body, has_body, list(form_fields), verdict
        )
        return verdict

    def check_response(self, method: str, template: str, status: int, body: Any) -> list[str]:
        """Check an answer of the fake itself against the operation's documented responses.

        Args:
            method: HTTP method of the request.
            template: The matched path template.
            status: Status answered.
            body: JSON body answered (None for none).

        Returns:
            Problems (empty when the answer fits the spec).
        """
        where = f"{method} {template} -> {status}"
        responses = self._spec["paths"][template][method.lower()].get("responses", {})
        key = str(status) if str(status) in responses else f"{str(status)[0]}XX"
        if key not in responses:
            return [f"{where}: status not documented ({sorted(responses)})"]
        content = resolve(self._spec, responses[key]).get("content", {})
        if body is None or "application/json" not in content:
            return [] if body is None else [f"{where}: JSON body where the spec documents none"]
        validator = _validator(self._path, content["application/json"]["schema"])
        return [f"{where}: answer {problem}" for problem in schema_errors(validator, body)]

    def _check_parameters(
        self,
        where: str,
        item: dict[str, Any],
        operation: dict[str, Any],
        params: dict[str, str],
        query: set[str],
        verdict: Verdict,
    ) -> None:
        declared = [resolve(self._spec, p) for p in item.get("parameters", [])]
        declared += [resolve(self._spec, p) for p in operation.get("parameters", [])]
        for parameter in declared:
            name = parameter["name"]
            if parameter["in"] == "path" and name in params:
                schema = _validator(self._path, parameter.get("schema", {}))
                for problem in schema_errors(schema, params[name]):
                    verdict.fail(400, f"{where}: path parameter {name}={params[name]!r}: {problem}")
            elif parameter["in"] == "query" and parameter.get("required") and name not in query:
                verdict.fail(400, f"{where}: missing required query parameter {name!r}")
        known = {p["name"] for p in declared if p["in"] == "query"}
        for name in sorted(query - known):
            verdict.fail(400, f"{where}: unknown query parameter {name!r} (known: {sorted(known)})")

    def _check_auth(
        self, where: str, operation: dict[str, Any], header: str | None, verdict: Verdict
    ) -> None:
        security = operation.get("security", self._spec.get("security")) or []
        needs_bot = any("BotToken" in option for option in security)
        optional = any(not option for option in security)
        if header is not None and header != f"Bot {self._token}":
            verdict.fail(401, f"{where}: Authorization header is not 'Bot <the fake's token>'")
        elif header is None and needs_bot and not optional:
            verdict.fail(401, f"{where}: missing Authorization: Bot <token>")

    def _check_body(
        self,
        where: str,
        request_body: dict[str, Any] | None,
        content_type: str | None,
        body: Any,
        has_body: bool,
        form_fields: list[str],
        verdict: Verdict,
    ) -> None:
        if request_body is None:
            if has_body:
                verdict.fail(400, f"{where}: sends a body but the operation takes none")
            return
        if not has_body:
            if request_body.get("required"):
                verdict.fail(400, f"{where}: request body is required")
            return
        media = (content_type or "").split(";")[0].strip()
        content = request_body["content"]
        if media not in content:
            verdict.fail(400, f"{where}: content type {media!r} not accepted ({sorted(content)})")
            return
        if media == "multipart/form-data":
            allowed = {"payload_json"} | FILE_FIELDS | self._properties(content[media]["schema"])
            for name in form_fields:
                if name not in allowed:
                    verdict.fail(400, f"{where}: multipart part {name!r} is not allowed")
            if "payload_json" not in form_fields:
                return
        json_media = "application/json" if "application/json" in content else media
        validator = _validator(self._path, content[json_media]["schema"])
        for problem in schema_errors(validator, body):
            verdict.fail(400, f"{where}: body {problem}")

    def _properties(self, schema: Any) -> set[str]:
        schema = resolve(self._spec, schema)
        names = set(schema.get("properties", {}))
        for key in ("allOf", "anyOf", "oneOf"):
            for sub in schema.get(key, []):
                names |= self._properties(sub)
        return names
