"""Billie Desktop: the back-office manager console for the Billiecart API.

``__version__`` is read from the package metadata on first use: importing
``importlib.metadata`` costs more than building the first window, so nothing on the way
to it asks for the version."""

from functools import cache


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("billie-desktop")
    except PackageNotFoundError:  # a frozen build without metadata
        return "0.0.0"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'billie_desktop' has no attribute {name!r}")
