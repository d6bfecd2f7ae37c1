"""``make bench``'s network figures (issue #24): what a manager waits for, measured through
a slow link on 127.0.0.1 (devtools/slow_link.py) at a 0 and a 100 ms round trip, beside the
goals. Each figure comes from the bench that measures it on its own (session, export, Link
by email), pointed at the link instead of the server."""

from __future__ import annotations

from typing import Any

from billie_desktop.devtools.bench_process import parent
from billie_desktop.devtools.slow_link import SlowLink

RTTS = (0.0, 0.1)


def _measured(url: str, rtt: float) -> dict[str, Any]:
    with SlowLink(url, rtt) as link:
        found: dict[str, Any] = {
            name: parent(f"billie_desktop.devtools.{name}", link.url)
            for name in ("session_bench", "export_bench", "bulk_bench")}
        found["connections"] = link.connections
    return found


def network_figures(url: str) -> list[tuple[str, str]]:
    """One row a figure: its value at each round trip, then its goal at 100 ms."""
    runs = {rtt: _measured(url, rtt) for rtt in RTTS}
    rows: list[tuple[str, str]] = []

    def row(name: str, goal: str, show: Any) -> None:
        cells = []
        for rtt, found in runs.items():
            try:
                cells.append(f"{rtt * 1000:3.0f} ms: {show(found)}")
            except (KeyError, TypeError, ValueError) as exc:
                cells.append(f"{rtt * 1000:3.0f} ms: failed ({exc})")
        rows.append((f"network: {name}", "   ".join(cells) + f"   (goal at 100 ms: {goal})"))

    row("Sign in pressed -> first page painted", "<= 450 ms",
        lambda f: f"{f['session_bench']['first_page']:6.0f} ms")
    row("search -> painted, worst of 5", "<= 160 ms",
        lambda f: f"{max(f['session_bench']['searches'].values()):6.0f} ms")
    row("jump anywhere -> real rows, worst of 4", "<= 160 ms",
        lambda f: f"{max(f['session_bench']['jumps']):6.0f} ms")
    row("Link by email: load and match", "<= 5 s",
        lambda f: f"{f['bulk_bench']['load']:6.2f} s")
    row("Link by email: links applied a second", ">= 150 /s",
        lambda f: f"{f['bulk_bench']['rate']:6.0f} /s")
    row("export every customer", "<= 6 s",
        lambda f: f"{f['export_bench']['seconds']:6.2f} s")
    row("connections opened over the link (whole run)", "a pool: few",
        lambda f: f"{f['connections']:6d}")
    rows.append(_remembered(url))
    return rows


def _remembered(url: str) -> tuple[str, str]:
    """A remembered start over each link, taking turns (under Xvfb)."""
    from billie_desktop.devtools.startup import remembered_over

    try:
        with SlowLink(url, RTTS[0]) as near, SlowLink(url, RTTS[-1]) as far:
            found = remembered_over({"near": near.url, "far": far.url})
    except (OSError, RuntimeError, TimeoutError) as exc:
        return ("network: remembered session, spawn -> customers painted", f"failed ({exc})")
    if not found:
        return ("network: remembered session, spawn -> customers painted",
                "skipped: needs the source checkout's tests/file_keyring.py")
    extra = (found["far"] - found["near"]) / (RTTS[-1] * 1000)
    return ("network: remembered session, spawn -> customers painted",
            f"{RTTS[0] * 1000:3.0f} ms: {found['near']:6.0f} ms   {RTTS[-1] * 1000:3.0f} ms: "
            f"{found['far']:6.0f} ms   ({extra:.1f} round trips more; goal at 100 ms: <= 3 "
            "round trips more than on loopback)")
