"""The ASGI service behind ``jsi-docs serve`` and ``jsi-docs preview`` (the ``serve`` extra).

``create_app()`` returns a Starlette app to run with any ASGI server or to mount in another
app; renders run in a :class:`~jsi_docs.service.pool.WorkerPool` of warm processes.
"""
