"""The sandbox's --latency and --jitter (issue #24): every answer comes a round trip late,
as over an office link or a VPN, so that anyone can see the console over a slow link."""

from __future__ import annotations

import argparse
import time

import httpx
import pytest

from billie_desktop.sandbox.arguments import add_sandbox_arguments
from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.server import SandboxServer


def test_every_answer_comes_at_least_a_round_trip_late():
    with SandboxServer(SandboxOptions(customers=5, latency=0.25, jitter=0.05)) as slow, \
            httpx.Client(base_url=slow.url) as http:
        for path in ("/types/metadata", "/organisations", "/nowhere"):
            started = time.perf_counter()
            response = http.get(path)
            took = time.perf_counter() - started
            assert response.status_code in (200, 401, 404)
            assert took >= 0.25, (path, took)  # a floor: never sooner than the round trip


def test_the_command_line_takes_milliseconds():
    parser = argparse.ArgumentParser()
    add_sandbox_arguments(parser)
    args = parser.parse_args(["--latency", "100", "--jitter", "20"])
    assert (args.latency, args.jitter) == (0.1, 0.02)
    assert parser.parse_args([]).latency == 0.0
    with pytest.raises(SystemExit):
        parser.parse_args(["--latency", "-5"])
    with pytest.raises(ValueError, match="must not be negative"):
        SandboxOptions(latency=-0.1)
