"""The HTTP service: render, validate, schema, formats, health (a Starlette app).

``create_app()`` builds it; run it with any ASGI server (``jsi-docs serve`` uses uvicorn) or
mount it in another ASGI app. Every render runs in the app's :class:`WorkerPool`; the app's
own process only reads bodies and hands bytes over.

The input's faults are 4xx answers with the problems as JSON, never 5xx: 400 a bad option,
404 an unknown format, 409 two parts of a multipart body whose outputs would have one name,
413 a body over the limit (refused before it is parsed) or with too many parts, 415 an input
type neither YAML nor JSON, 422 an invalid item. 503 means no worker came free in time,
504 that the render passed the time ceiling (the worker was replaced).

A ``multipart/form-data`` body to ``/render/{format}`` holds several items, one per file part;
they are all checked first (one invalid part: 422 naming it, and nothing is rendered), then
rendered, and the answer is one zip archive (see :mod:`jsi_docs.service.multipart`).
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import anyio.to_thread
import attrs
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from jsi_docs.diagnostics import Diagnostic
from jsi_docs.errors import Problem, UnknownFormatError
from jsi_docs.readers.limits import DEFAULT_LIMITS
from jsi_docs.service.jobs import (
    Failed,
    Invalid,
    Job,
    Refused,
    Rendered,
    Reply,
    Validated,
    input_format,
)

if TYPE_CHECKING:
    from jsi_docs.serialization import TextFormat
from jsi_docs.service.multipart import (
    DEFAULT_MAX_PARTS,
    FormError,
    Part,
    archive,
    output_names,
    read_parts,
)
from jsi_docs.service.pool import PoolBusyError, WorkerPool

__all__ = [
    "HTTP_OPTIONS_REFUSED",
    "ServiceConfig",
    "create_app",
    "diagnostic_record",
    "problem_record",
]

HTTP_OPTIONS_REFUSED = frozenset({"theme", "reference_docx", "allowed_urls"})
"""Options a request may not set: they name the server's files or make it fetch URLs."""

_YAML_TYPES = frozenset(
    {"", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"}
)
_JSON_TYPES = frozenset({"application/json", "text/json"})
_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_DIAGNOSTICS = 20  # in a header: the first ones (the command line shows them all)


@attrs.frozen
class ServiceConfig:
    """The service's limits. ``workers`` defaults to the cores this process may use."""

    workers: int | None = None
    render_timeout: float = 30.0
    """Seconds one render may take before its worker is killed (the request gets 504)."""
    max_renders: int = 200
    """Jobs a worker does before it is replaced by a fresh one."""
    max_rss: int = 600_000_000
    """Resident bytes past which a worker is replaced after its job."""
    max_body: int = DEFAULT_LIMITS.max_bytes
    """Bytes of a request body; a larger one is refused (413) before it is parsed."""
    queue_timeout: float = 60.0
    """Seconds a request waits for a free worker before 503."""
    max_parts: int = DEFAULT_MAX_PARTS
    """Items (file parts) one multipart request may hold; more are refused (413)."""

    def make_pool(self) -> WorkerPool:
        return WorkerPool(
            self.workers,
            render_timeout=self.render_timeout,
            max_renders=self.max_renders,
            max_rss=self.max_rss,
        )


async def _http_error(_request: Request, exc: Exception) -> Response:
    """An unknown path (404) or method (405) answered as every other refusal: JSON."""
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        allowed = sorted(m.strip() for m in (exc.headers or {}).get("Allow", "").split(",") if m)
        message = "this path does not take this method" + (
            f" (allowed: {', '.join(allowed)})" if allowed else ""
        )
    elif exc.status_code == 404:
        message = "no such path (known: /render/{format}, /validate, /schema, /formats, /health)"
    else:
        message = str(exc.detail)
    return JSONResponse(
        {"error": message, "problems": []}, status_code=exc.status_code, headers=exc.headers
    )


class _Refusal(Exception):
    """An answer other than 2xx, decided before any worker is asked."""

    def __init__(self, status: int, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.problems = problems

    def response(self) -> JSONResponse:
        body = {"error": self.message, "problems": [problem_record(p) for p in self.problems]}
        return JSONResponse(body, status_code=self.status)


def problem_record(problem: Problem) -> dict[str, Any]:
    """A problem as JSON: ``path``, ``line``, ``column``, ``message``."""
    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "message": problem.message,
    }


def diagnostic_record(diagnostic: Diagnostic) -> dict[str, Any]:
    """A diagnostic as JSON: ``severity``, ``source``, ``path``, ``line``, ``column``,
    ``message`` (``path`` and the place null when it is about no place of the item)."""
    return {
        "severity": diagnostic.severity.value,
        "source": diagnostic.source,
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "message": diagnostic.message,
    }


def _diagnostics_header(records: list[dict[str, Any]]) -> str:
    """The first diagnostics as a JSON list (ASCII, as a header must be)."""
    return json.dumps(records[:_MAX_DIAGNOSTICS])


async def _body(request: Request, limit: int) -> bytes:
    """The request's body, refused (413) as soon as it is known to pass ``limit`` bytes."""
    too_large = _Refusal(413, f"the body is larger than {limit} bytes")
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise _Refusal(400, "Content-Length is not a number")
        if int(declared) > limit:
            raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").partition(";")[0].strip().lower()


def _input_format(request: Request) -> TextFormat:
    given = request.query_params.get("input")
    if given is not None:
        known = input_format(given)
        if known is None:
            raise _Refusal(400, f"input={given!r}: expected yaml or json")
        return known
    media = _media_type(request)
    if media in _JSON_TYPES or media.endswith("+json"):
        return "json"
    if media in _YAML_TYPES or media.endswith("+yaml"):
        return "yaml"
    raise _Refusal(
        415, f"cannot read {media!r}: send YAML (application/yaml) or JSON (application/json)"
    )


def _format(name: str) -> str:
    from jsi_docs.exporters import format_name

    try:
        return format_name(name)
    except UnknownFormatError as exc:
        raise _Refusal(404, str(exc)) from None


def _options(fmt: str, request: Request) -> dict[str, Any]:
    """The query's options for ``fmt`` (``?page_size=Letter&strict=true``), typed."""
    from jsi_docs.exporters import OptionError, get_exporter, option_from_text, option_types

    types = option_types(get_exporter(fmt).options_type, as_text=True)
    options: dict[str, Any] = {}
    for key, text in request.query_params.multi_items():
        if key == "input":
            continue
        if key in HTTP_OPTIONS_REFUSED:
            raise _Refusal(400, f"the option {key!r} cannot be set over HTTP")
        if key not in types:
            allowed = ", ".join(sorted(set(types) - HTTP_OPTIONS_REFUSED))
            raise _Refusal(400, f"{fmt} takes no option {key!r} (it takes: {allowed})")
        try:
            options[key] = option_from_text(key, text, types[key])
        except OptionError as exc:
            raise _Refusal(400, str(exc)) from None
    return options


def _answer(reply: Reply) -> Response:
    """The HTTP answer for a worker's reply to a render."""
    match reply:
        case Rendered():
            name = _UNSAFE_IN_NAME.sub("-", reply.item_id) + reply.suffix
            headers = {
                "Content-Disposition": f'inline; filename="{name}"',
                "X-Jsi-Docs-Diagnostics": _diagnostics_header(
                    [diagnostic_record(d) for d in reply.diagnostics]
                ),
            }
            return Response(reply.data, media_type=reply.media_type, headers=headers)
        case Invalid():
            status = 413 if reply.too_large else 422
            return _Refusal(status, "the item is not valid", reply.problems).response()
        case Refused():
            return _Refusal(400, reply.message).response()
        case Failed():
            return _Refusal(504 if reply.timed_out else 500, reply.message).response()
        case Validated():
            return JSONResponse({"valid": True, "problems": []})
        case _:
            typing.assert_never(reply)


def _part_problems(parts: list[Part], replies: list[Reply]) -> list[dict[str, Any]]:
    """Each invalid part with its problems, in the body's order."""
    return [
        {
            "part": index,
            "filename": part.filename,
            "problems": [problem_record(p) for p in reply.problems],
        }
        for index, (part, reply) in enumerate(zip(parts, replies, strict=True), start=1)
        if isinstance(reply, Invalid)
    ]


def create_app(config: ServiceConfig | None = None, *, pool: WorkerPool | None = None) -> Starlette:
    """The service as an ASGI app.

    Without ``pool`` the app makes its own from ``config``, starts it with the app's lifespan
    (or at the first request, when mounted in an app that does not run sub-apps' lifespans)
    and stops it at shutdown. A ``pool`` given is used as is and left running.
    """
    config = config or ServiceConfig()
    owned = pool is None
    workers = pool or config.make_pool()

    async def run(job: Job) -> Reply:
        try:
            return await anyio.to_thread.run_sync(
                lambda: workers.run(job, wait=config.queue_timeout)
            )
        except PoolBusyError as exc:
            raise _Refusal(503, f"the service is busy ({exc}); try again") from None

    async def run_all(jobs: list[Job]) -> list[Reply]:
        replies: list[Reply | None] = [None] * len(jobs)

        async def one(index: int) -> None:
            replies[index] = await run(jobs[index])

        async with anyio.create_task_group() as group:
            for index in range(len(jobs)):
                group.start_soon(one, index)
        return [r for r in replies if r is not None]

    async def render_parts(request: Request, fmt: str, options: dict[str, Any]) -> Response:
        """Several items from a multipart body, checked, rendered, answered as a zip."""
        from jsi_docs.exporters import get_exporter

        body = await _body(request, config.max_body)
        try:
            parts = read_parts(request.headers["content-type"], body, config.max_parts)
            names = output_names([p.filename for p in parts], get_exporter(fmt).suffix)
        except FormError as exc:
            raise _Refusal(exc.status, exc.message) from None
        fallback = request.query_params.get("input")
        inputs = []
        for index, part in enumerate(parts, start=1):
            found = part.input_format or input_format(fallback)
            if found is None:
                raise _Refusal(
                    415,
                    f"part {index} ({part.filename!r}): cannot tell YAML from JSON; name it "
                    "*.yaml or *.json or give it the media type application/yaml or "
                    "application/json",
                )
            inputs.append(found)
        checked = await run_all([Job(p.data, i) for p, i in zip(parts, inputs, strict=True)])
        invalid = _part_problems(parts, checked)
        if invalid:
            status = 413 if any(isinstance(r, Invalid) and r.too_large for r in checked) else 422
            count = f"{len(invalid)} of {len(parts)} parts are"
            body_out = {"error": f"{count} not valid items; nothing was rendered", "parts": invalid}
            return JSONResponse(body_out, status_code=status)
        for reply in checked:
            if not isinstance(reply, Validated):
                return _answer(reply)
        jobs = [Job(p.data, i, fmt, options) for p, i in zip(parts, inputs, strict=True)]
        done = await run_all(jobs)
        files: list[tuple[str, bytes]] = []
        diagnostics: list[dict[str, Any]] = []
        for name, reply in zip(names, done, strict=True):
            if not isinstance(reply, Rendered):
                return _answer(reply)  # nothing half-made is sent
            files.append((name, reply.data))
            diagnostics += [{"file": name, **diagnostic_record(d)} for d in reply.diagnostics]
        data = await anyio.to_thread.run_sync(lambda: archive(files))
        headers = {
            "Content-Disposition": f'attachment; filename="jsi-docs-{fmt}.zip"',
            "X-Jsi-Docs-Diagnostics": _diagnostics_header(diagnostics),
        }
        return Response(data, media_type="application/zip", headers=headers)

    async def render(request: Request) -> Response:
        try:
            fmt = _format(request.path_params["format"])
            options = _options(fmt, request)
            if _media_type(request) == "multipart/form-data":
                return await render_parts(request, fmt, options)
            reading = _input_format(request)
            text = await _body(request, config.max_body)
            return _answer(await run(Job(text, reading, fmt, options)))
        except _Refusal as refusal:
            return refusal.response()

    async def validate(request: Request) -> Response:
        try:
            reading = _input_format(request)
            text = await _body(request, config.max_body)
            reply = await run(Job(text, reading))
        except _Refusal as refusal:
            return refusal.response()
        if isinstance(reply, Validated):
            warnings = [problem_record(p) for p in reply.warnings]
            return JSONResponse({"valid": True, "problems": [], "warnings": warnings})
        if isinstance(reply, Invalid) and not reply.too_large:
            problems = [problem_record(p) for p in reply.problems]
            return JSONResponse({"valid": False, "problems": problems, "warnings": []})
        return _answer(reply)

    async def schema(_request: Request) -> Response:
        from jsi_docs.serialization.schema import json_schema

        return JSONResponse(json_schema(), media_type="application/schema+json")

    async def formats(_request: Request) -> Response:
        from jsi_docs.exporters import available_formats, get_exporter, option_names

        found = []
        for name in available_formats():
            exporter = get_exporter(name)
            options = [
                n
                for n in option_names(exporter.options_type, as_text=True)
                if n not in HTTP_OPTIONS_REFUSED
            ]
            found.append(
                {
                    "name": name,
                    "media_type": exporter.media_type,
                    "suffix": exporter.suffix,
                    "options": options,
                }
            )
        return JSONResponse({"formats": found})

    async def health(_request: Request) -> Response:
        stats = workers.stats()
        status = "ok" if stats.ready + stats.busy > 0 else "starting"
        return JSONResponse({"status": status, "workers": attrs.asdict(stats)})

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        workers.start()
        try:
            yield
        finally:
            if owned:
                await anyio.to_thread.run_sync(workers.close)

    app = Starlette(
        routes=[
            Route("/render/{format}", render, methods=["POST"]),
            Route("/validate", validate, methods=["POST"]),
            Route("/schema", schema, methods=["GET"]),
            Route("/formats", formats, methods=["GET"]),
            Route("/health", health, methods=["GET"]),
        ],
        lifespan=lifespan,
        exception_handlers={HTTPException: _http_error},
    )
    app.state.pool = workers
    return app
