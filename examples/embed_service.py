"""An existing web app that serves jsi-docs renders under /documents.

    python examples/embed_service.py [PORT]      # then: POST http://127.0.0.1:PORT/documents/render/pdf
    python examples/embed_service.py --self-test # serve on a free port, render once, stop

The app has a page of its own at /; the jsi-docs service (its worker pool included) is mounted
at /documents, and the host's lifespan runs the service's, which starts the workers before the
first request and stops them at shutdown. Needs the serve extra: pip install 'jsi-docs[serve]'.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route

from jsi_docs.service.app import ServiceConfig, create_app

documents = create_app(ServiceConfig(workers=1, render_timeout=20.0))


async def home(_request: Request) -> PlainTextResponse:
    return PlainTextResponse("The host app. Documents are rendered under /documents/.")


@asynccontextmanager
async def lifespan(_app: Starlette) -> AsyncIterator[None]:
    async with documents.router.lifespan_context(documents):
        yield


app = Starlette(
    routes=[Route("/", home), Mount("/documents", app=documents)],
    lifespan=lifespan,
)


def self_test() -> None:
    """Serve on a free port of 127.0.0.1 in a thread, render the French example once, stop."""
    import threading
    import time
    import urllib.request
    from pathlib import Path

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        example = Path(__file__).parent / "jsi-ecommerce-2023-05-25.fr.yaml"
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/documents/render/pdf",
            data=example.read_bytes(),
            headers={"Content-Type": "application/yaml"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            pdf = response.read()
        assert pdf.startswith(b"%PDF-"), pdf[:100]
        print(f"rendered {example.name}: {len(pdf):,} bytes of PDF")
    finally:
        server.should_exit = True
        thread.join()


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        self_test()
    else:
        port = int(sys.argv[1]) if len(sys.argv) > 1 else 8002
        uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
