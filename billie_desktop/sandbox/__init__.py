"""The sandbox: a ServiceStack-faithful Billiecart server on SQLite.

It never imports Qt. Start it in the foreground with ``billie-sandbox``, in the
background with ``sandbox.server.SandboxServer``, or from Python with ``with
SandboxServer(...)``; its options are ``sandbox.config.SandboxOptions``. This package
imports nothing itself, so that the console reads its command-line options
(``sandbox/arguments.py``) before its first window without uvicorn.
"""
