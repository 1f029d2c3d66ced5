"""The REST entry point: parse, record, validate against the spec, inject faults, dispatch."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from aiohttp import web

from . import routes_core, routes_interactions  # noqa: F401  (they fill ROUTES)
from .context import ROUTES, Ctx, Reply, State
from .errors import ApiError
from .faults import Faults, bucket_headers
from .messages import FakeFile
from .payloads import error
from .recorder import FakeRequest, RequestLog
from .validator import Validator, Verdict

API_PREFIX = "/api/v10"
Answer = tuple[int, Any, dict[str, str]]
_STATUS_BODIES = {
    401: error(0, "401: Unauthorized"),
    404: error(0, "404: Not Found"),
    405: error(0, "405: Method Not Allowed"),
}


async def _parse(request: web.Request) -> tuple[Any, list[FakeFile], list[str], bool, str | None]:
    """Return body, files, multipart field names, whether a body was sent, and a parse error."""
    if request.content_type == "multipart/form-data":
        body, files, fields = None, [], []
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            name = part.name or ""
            fields.append(name)
            data = await part.read()  # type: ignore[union-attr]
            if part.filename is not None:
                content_type = part.headers.get("Content-Type", "application/octet-stream")
                files.append(FakeFile(name, part.filename, content_type, bytes(data)))
            elif name == "payload_json":
                try:
                    body = json.loads(data)
                except ValueError:
                    return None, files, fields, True, "payload_json is not valid JSON"
        return body, files, fields, True, None
    raw = await request.read()
    if not raw:
        return None, [], [], False, None
    if request.content_type != "application/json":
        return None, [], [], True, None
    try:
        return json.loads(raw), [], [], True, None
    except ValueError:
        return None, [], [], True, "body is not valid JSON"


class RestApi:
    """Serves ``/api/v10/...`` for the fake."""

    def __init__(
        self,
        state: State,
        validator: Validator,
        faults: Faults,
        log: RequestLog,
        *,
        check_responses: bool = False,
    ) -> None:
        """Wire the REST side.

        Args:
            state: The fake's state.
            validator: The OpenAPI validator.
            faults: Injected failures.
            log: Where requests are recorded.
            check_responses: Also check the fake's own answers against the spec.
        """
        self._state = state
        self._validator = validator
        self._faults = faults
        self._log = log
        self.violations: list[str] = []
        self.response_problems: list[str] = []
        self.check_responses = check_responses
        self.bucket_limit = 50

    def _violate(self, record: FakeRequest, problems: list[str]) -> None:
        record.problems.extend(problems)
        self.violations.extend(problems)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Answer one REST request."""
        received = time.monotonic()
        path = request.path[len(API_PREFIX) :] or "/"
        body, files, fields, has_body, parse_error = await _parse(request)
        record = FakeRequest(
            request.method, path, dict(request.query), body, files, dict(request.headers), received
        )
        verdict = self._validator.check(
            request.method,
            path,
            query=request.query.keys(),
            authorization=request.headers.get("Authorization"),
            content_type=request.headers.get("Content-Type"),
            body=body,
            has_body=has_body,
            form_fields=fields,
        )
        record.route = verdict.template
        if parse_error:
            verdict.fail(400, f"{request.method} {path}: {parse_error}")
        try:
            status, answer, headers = await self._answer(request.method, path, record, verdict)
        except Exception:
            record.status = 500
            self._log.record(record)
            raise
        if self.check_responses and verdict.template and not verdict.problems:
            found = self._validator.check_response(request.method, verdict.template, status, answer)
            self.response_problems.extend(found)
        record.status = status
        self._log.record(record)
        if answer is None:
            return web.Response(status=status, headers=headers)
        return web.json_response(answer, status=status, headers=headers)

    async def _answer(
        self, method: str, path: str, record: FakeRequest, verdict: Verdict
    ) -> Answer:
        if verdict.problems:
            self._violate(record, verdict.problems)
            if verdict.status == 400:
                errors = {
                    "_errors": [{"code": "SPEC_VIOLATION", "message": p} for p in verdict.problems]
                }
                return 400, error(50035, "Invalid Form Body", errors), {}
            return verdict.status, _STATUS_BODIES[verdict.status], {}
        fault = self._faults.take(method, path)
        if fault is not None and fault.status != 200:
            if fault.delay:
                await asyncio.sleep(fault.delay)
            return fault.answer(path)
        handler = ROUTES.get((method, verdict.template or ""))
        if handler is None:
            problem = f"{method} {verdict.template}: in Discord's API, not implemented by the fake"
            self._violate(record, [problem])
            return 501, error(0, problem), {}
        ctx = Ctx(self._state, verdict.params, record.query, record.json, record.files)
        try:
            reply: Reply = await handler(ctx)
        except ApiError as exc:
            return (
                exc.status,
                error(exc.code, exc.message, exc.errors),
                bucket_headers(path, limit=self.bucket_limit),
            )
        if fault is not None:  # a "slow" rule (status 200): done at once, answered late
            await asyncio.sleep(fault.delay)
        return reply.status, reply.json, bucket_headers(path, limit=self.bucket_limit)
