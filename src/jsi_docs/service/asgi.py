"""A ready app with the default limits, for ASGI servers: ``uvicorn jsi_docs.service.asgi:app``.

Importing this module starts nothing: the worker pool starts with the app's lifespan, or at
the first request.
"""

from __future__ import annotations

from jsi_docs.service.app import create_app

__all__ = ["app"]

app = create_app()
