"""Billie Desktop: the back-office manager console for the Billiecart API.

``__version__`` is the one place the version is written: the build reads it from here
(pyproject.toml, ``[tool.hatch.version]``), and the console never asks the package
metadata for it (``importlib.metadata`` and its search of every installed package cost
~11 ms of a remembered start)."""

__version__ = "0.1.0"
