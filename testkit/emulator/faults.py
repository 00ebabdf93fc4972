"""REST fault injection: make the next N calls to a named route fail like Discord can, or
answer slowly (`delay`, then served normally).

A 429 carries what discord.py needs to retry it: a JSON body with `retry_after`, the
X-RateLimit-* headers, and a `Via` header (without it discord.py takes the 429 for a
Cloudflare ban and gives up).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from aiohttp import web


@dataclass
class Fault:
    route: str
    status: int
    times: int
    retry_after: float
    delay: float = 0.0  # with status 0: served normally, this many seconds late


@dataclass
class FaultPlan:
    pending: list[Fault] = field(default_factory=list)
    served: list[tuple[str, int]] = field(default_factory=list)

    def add(
        self, route: str, status: int, times: int, retry_after: float, delay: float = 0.0
    ) -> None:
        self.pending.append(Fault(route, status, times, retry_after, delay))

    def take(self, route: str) -> Fault | None:
        for fault in self.pending:
            if fault.route == route:
                fault.times -= 1
                if fault.times <= 0:
                    self.pending.remove(fault)
                self.served.append((route, fault.status))
                return fault
        return None


def fault_response(fault: Fault) -> web.Response:
    if fault.status == 429:
        body = {
            "message": "You are being rate limited.",
            "retry_after": fault.retry_after,
            "global": False,
        }
        headers = {
            "Via": "1.1 google",
            "Retry-After": str(max(1, round(fault.retry_after))),
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset-After": str(fault.retry_after),
            "X-RateLimit-Bucket": f"emulated-{fault.route}",
            "X-RateLimit-Scope": "user",
        }
        return web.Response(
            status=429,
            body=json.dumps(body).encode(),
            headers=headers,
            content_type="application/json",
        )
    body = {"message": f"{fault.status}: emulated server error", "code": 0}
    return web.Response(
        status=fault.status, body=json.dumps(body).encode(), content_type="application/json"
    )
