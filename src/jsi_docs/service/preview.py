"""``jsi-docs preview``: one item as HTML and PDF side by side, rendered again on every save.

The page listens to ``/events`` (server-sent events): after each save the item is rendered to
HTML and PDF by two warm workers at once, and the page swaps its frames to the new rendering
without reloading. While the file is invalid the page lists its problems with their lines and
keeps showing the last good rendering.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread
import attrs
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from jsi_docs.errors import Problem
from jsi_docs.service.app import problem_record
from jsi_docs.service.jobs import Failed, Invalid, Job, Refused, Rendered, Reply
from jsi_docs.service.pool import WorkerPool

if TYPE_CHECKING:
    from jsi_docs.serialization import TextFormat

__all__ = ["PreviewState", "create_preview_app"]

_KEEP_ALIVE = 15.0
_POLL = 0.25
_PAGE = (Path(__file__).parent / "preview.html").read_text(encoding="utf-8")


@attrs.define
class PreviewState:
    """What the page shows: ``version`` counts renderings tried, ``good`` is the last one that
    succeeded (0: none yet), whose ``html`` and ``pdf`` are kept while the file is invalid."""

    version: int = 0
    good: int = 0
    html: bytes = b""
    pdf: bytes = b""
    problems: tuple[Problem, ...] = ()
    error: str | None = None
    seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        if not self.version:
            status = "rendering…"
        elif self.error:
            status = f"could not render: {self.error}"
        elif self.problems:
            status = f"{len(self.problems)} problem(s); showing the last good rendering"
        else:
            status = f"rendered in {self.seconds * 1000:.0f} ms"
        return {
            "version": self.version,
            "good": self.good,
            "ok": not self.problems and not self.error,
            "status": status,
            "problems": [problem_record(p) for p in self.problems],
        }


def _outcome(html: Reply, pdf: Reply) -> tuple[tuple[Problem, ...], str | None]:
    """The problems of the input, or the error of a failed render, from the two replies."""
    for reply in (html, pdf):
        if isinstance(reply, Invalid):
            return reply.problems, None
    for reply in (html, pdf):
        if isinstance(reply, (Refused, Failed)):
            return (), reply.message
    return (), None


def create_preview_app(
    source: Path,
    *,
    pool: WorkerPool | None = None,
    format_options: Mapping[str, Mapping[str, Any]] | None = None,
) -> Starlette:
    """The preview of the item file ``source`` as an ASGI app.

    Without ``pool`` it makes one of two workers (HTML and PDF at once) and stops it at
    shutdown. Setting the :class:`threading.Event` ``app.state.closing`` ends the pages'
    event streams, so that a server can stop without waiting for the browsers. ``format_options`` go to each format's exporter (``{"pdf": {"page_size":
    "Letter"}}``).
    """
    from jsi_docs.exporters.html import page_assets
    from jsi_docs.themes import Theme

    source = source.resolve()
    reading: TextFormat = "json" if source.suffix.lower() == ".json" else "yaml"
    options = {fmt: dict((format_options or {}).get(fmt, {})) for fmt in ("html", "pdf")}
    owned = pool is None
    workers = pool or WorkerPool(2, warm_formats=("html", "pdf"), max_renders=500)
    theme = options["html"].get("theme")
    assets = page_assets(Theme.load(Path(theme) if theme else None))
    state = PreviewState()
    closing = threading.Event()
    changed = [anyio.Event()]

    def publish() -> None:
        event, changed[0] = changed[0], anyio.Event()
        event.set()

    async def rebuild() -> None:
        started = time.perf_counter()
        try:
            text = source.read_bytes()
        except OSError as exc:
            state.version += 1
            state.problems = (Problem("$", f"cannot read {source.name}: {exc.strerror}"),)
            publish()
            return
        replies: dict[str, Reply] = {}

        async def render(fmt: str) -> None:
            job = Job(text, reading, fmt, options[fmt])
            replies[fmt] = await anyio.to_thread.run_sync(workers.run, job)

        async with anyio.create_task_group() as group:
            for fmt in ("html", "pdf"):
                group.start_soon(render, fmt)
        html, pdf = replies["html"], replies["pdf"]
        state.version += 1
        state.problems, state.error = _outcome(html, pdf)
        if isinstance(html, Rendered) and isinstance(pdf, Rendered):
            state.html, state.pdf, state.good = html.data, pdf.data, state.version
            state.seconds = time.perf_counter() - started
        publish()

    async def watch(stop: anyio.Event) -> None:
        from watchfiles import awatch

        await rebuild()
        async for _changes in awatch(
            source.parent,
            watch_filter=lambda _change, path: Path(path).name == source.name,
            stop_event=stop,
            recursive=False,
            step=20,
        ):
            await rebuild()

    async def page(_request: Request) -> Response:
        return HTMLResponse(_PAGE.replace("{{ name }}", source.name.replace("<", "&lt;")))

    async def events(request: Request) -> Response:
        async def stream() -> AsyncIterator[str]:
            sent, quiet = -1, 0.0
            while not closing.is_set() and not await request.is_disconnected():
                if state.version != sent:
                    sent, quiet = state.version, 0.0
                    yield f"data: {json.dumps(state.summary())}\n\n"
                    continue
                with anyio.move_on_after(_POLL):
                    await changed[0].wait()
                quiet += _POLL
                if quiet >= _KEEP_ALIVE:
                    quiet = 0.0
                    yield ": still here\n\n"

        return StreamingResponse(
            stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"}
        )

    async def summary(_request: Request) -> Response:
        return JSONResponse(state.summary())

    async def html(request: Request) -> Response:
        name = request.path_params["name"]
        if name == "index.html":
            return Response(
                state.html, media_type="text/html", headers={"Cache-Control": "no-store"}
            )
        if name in assets:
            return Response(assets[name], media_type=_media_type(name))
        return Response(status_code=404)

    async def pdf(_request: Request) -> Response:
        return Response(
            state.pdf, media_type="application/pdf", headers={"Cache-Control": "no-store"}
        )

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        stop = anyio.Event()
        workers.start()
        try:
            async with anyio.create_task_group() as group:
                group.start_soon(watch, stop)
                yield
                stop.set()
                group.cancel_scope.cancel()
        finally:
            if owned:
                await anyio.to_thread.run_sync(workers.close)

    app = Starlette(
        routes=[
            Route("/", page),
            Route("/events", events),
            Route("/state", summary),
            Route("/page/{name:path}", html),
            Route("/item.pdf", pdf),
        ],
        lifespan=lifespan,
    )
    app.state.closing = closing
    return app


def _media_type(name: str) -> str:
    import mimetypes

    return mimetypes.guess_type(name)[0] or "application/octet-stream"
