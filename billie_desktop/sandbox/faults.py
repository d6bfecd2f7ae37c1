"""Fault injection, only when the sandbox runs with ``--faults``.

A request asks for faults with a header, ``X-Sandbox-Fault: latency=0.2,503``; or a test
queues them for requests it does not build itself (the console's) with
``POST /sandbox/faults {"fault": "503", "path": "/customers", "times": 1}``.

Faults: ``latency=S`` (wait S seconds, then answer normally), ``slow=S`` (send the
headers, wait S seconds, then the body), ``429`` (a rate limit, ServiceStack's JSON),
``500``, ``502``, ``503``, ``504`` (the gateway ones with an HTML body),
``retry-after=N``, ``malformed-json``, ``truncated-json``, ``wrong-shape``, ``html`` (a
captive portal's 200), ``drop`` (close with no answer, before doing anything),
``lost-answer`` (carry the request out, then close with no answer: a write whose fate the
client cannot know). ``latency`` reads the whole request first, so a client that gives up
while it waits has sent everything: the write still happens, late.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KNOWN = {"latency", "slow", "429", "500", "502", "503", "504", "retry-after", "malformed-json",
         "truncated-json", "wrong-shape", "html", "drop", "lost-answer", "403"}


@dataclass
class FaultPlan:
    latency: float = 0.0
    slow: float = 0.0
    status: int | None = None
    retry_after: str | None = None
    body: str | None = None  # malformed-json, truncated-json, wrong-shape, html
    drop: bool = False
    lost_answer: bool = False


def parse(spec: str) -> FaultPlan:
    plan = FaultPlan()
    for part in (p.strip().lower() for p in spec.split(",")):
        if not part:
            continue
        name, _, value = part.partition("=")
        if name not in KNOWN:
            raise ValueError(f"unknown fault {name!r}; known: {', '.join(sorted(KNOWN))}")
        if name == "latency":
            plan.latency = float(value)
        elif name == "slow":
            plan.slow = float(value)
        elif name == "retry-after":
            plan.retry_after = value or "1"
        elif name == "drop":
            plan.drop = True
        elif name == "lost-answer":
            plan.lost_answer = True
        elif name.isdigit():
            plan.status = int(name)
        else:
            plan.body = name
    return plan


@dataclass
class QueuedFault:
    spec: str
    path: str = ""
    method: str = ""
    times: int = 1


@dataclass
class FaultQueue:
    queued: list[QueuedFault] = field(default_factory=list)

    def add(self, data: dict[str, Any]) -> QueuedFault:
        fault = QueuedFault(str(data.get("fault", "")), str(data.get("path", "")),
                            str(data.get("method", "")).upper(), int(data.get("times", 1)))
        parse(fault.spec)  # reject unknown faults now, not on the request they hit
        self.queued.append(fault)
        return fault

    def take(self, method: str, path: str) -> str | None:
        for fault in self.queued:
            if path.lower().startswith(fault.path.lower()) and fault.method in ("", method):
                fault.times -= 1
                if fault.times <= 0:
                    self.queued.remove(fault)
                return fault.spec
        return None


GATEWAY_HTML = (
    "<!DOCTYPE html>\n<html><head><title>{status} {reason}</title></head>\n"
    "<body><center><h1>{status} {reason}</h1></center><hr><center>nginx</center></body>"
    "</html>\n")
PORTAL_HTML = ("<!DOCTYPE html><html><head><title>Sign in to Wi-Fi</title></head>"
               "<body><h1>Welcome to Guest Wi-Fi</h1><form>Accept terms</form></body></html>")
MALFORMED_JSON = '{"offset":0,"total":3,"results":[{"id":"7f0c",}'
WRONG_SHAPE = '{"offset":"zero","total":{"n":1},"results":42,"customer":"none"}'
