"""Billie Desktop: the back-office manager console for the Billiecart API."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("billie-desktop")
except PackageNotFoundError:  # a frozen build without metadata
    __version__ = "0.0.0"
