"""Discord-shaped HTTP responses.

discord.py parses a body as JSON only when Content-Type is exactly `application/json`
(no charset), so every JSON response is built here.
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

UNKNOWN_CHANNEL = 10003
UNKNOWN_MESSAGE = 10008
UNKNOWN_WEBHOOK = 10015
UNKNOWN_INTERACTION = 10062
MISSING_ACCESS = 50001
CANNOT_MESSAGE_USER = 50007
INVALID_FORM_BODY = 50035
ALREADY_ACKNOWLEDGED = 40060


def json_response(data: Any, status: int = 200) -> web.Response:
    return web.Response(
        status=status, body=json.dumps(data).encode(), content_type="application/json"
    )


def no_content() -> web.Response:
    return web.Response(status=204)


def error(status: int, code: int, message: str) -> web.Response:
    return json_response({"code": code, "message": message}, status=status)


def invalid_form_body(problems: list[str]) -> web.Response:
    return json_response(
        {"code": INVALID_FORM_BODY, "message": "Invalid Form Body: " + "; ".join(problems)},
        status=400,
    )


def unauthorized() -> web.Response:
    return json_response({"code": 0, "message": "401: Unauthorized"}, status=401)


async def read_json(request: web.Request) -> Any:
    if not request.can_read_body:
        return {}
    return await request.json()
