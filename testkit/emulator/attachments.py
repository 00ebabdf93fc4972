"""Files both ways: what members upload (an ATTACHMENT option, fetched by the bot from a
CDN-like URL on the emulator itself) and what the bot uploads with a message
(multipart/form-data: `payload_json` plus `files[n]`, each named in the payload's
`attachments` by its index).
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from aiohttp import BodyPartReader, web

from . import responses as r
from .state import World

Json = dict[str, Any]

FILES_MAX = 10
FILE_FIELD = re.compile(r"^files\[(\d+)\]$")


@dataclass(frozen=True)
class Upload:
    """One `files[n]` part of a multipart request."""

    index: int
    filename: str
    data: bytes
    content_type: str


@dataclass(frozen=True)
class Stored:
    filename: str
    data: bytes
    content_type: str
    signature: str


class Cdn:
    """Attachment bytes behind signed URLs, like cdn.discordapp.com/attachments/…?ex=&is=&hm=."""

    def __init__(self, world: World, origin: Callable[[], str]) -> None:
        self.world = world
        self.origin = origin
        self.files: dict[int, Stored] = {}

    def register(self, app: web.Application) -> None:
        app.router.add_get(
            "/attachments/{channel_id}/{attachment_id}/{filename}", self.serve, name="cdn"
        )

    def add(
        self,
        channel_id: int,
        filename: str,
        data: bytes,
        content_type: str = "application/octet-stream",
        description: str | None = None,
    ) -> Json:
        """Store a file and return its attachment object as Discord sends it."""
        attachment_id = self.world.ids.next()
        signature = secrets.token_hex(16)
        self.files[attachment_id] = Stored(filename, data, content_type, signature)
        url = (
            f"{self.origin()}/attachments/{channel_id}/{attachment_id}/{quote(filename)}"
            f"?ex=7fffffff&is=00000000&hm={signature}&"
        )
        payload: Json = {
            "id": str(attachment_id),
            "filename": filename,
            "size": len(data),
            "url": url,
            "proxy_url": url,
            "content_type": content_type,
        }
        if description is not None:
            payload["description"] = description
        return payload

    def read(self, attachment: Json) -> bytes:
        return self.files[int(attachment["id"])].data

    async def serve(self, request: web.Request) -> web.Response:
        stored = self.files.get(int(request.match_info["attachment_id"]))
        if (
            stored is None
            or request.match_info["filename"] != stored.filename
            or request.query.get("hm") != stored.signature
        ):
            return web.Response(status=404, text="This content is no longer available.")
        return web.Response(body=stored.data, content_type=stored.content_type)


async def read_body(request: web.Request) -> tuple[Any, list[Upload]]:
    """The JSON body of a request, and its files when it is multipart/form-data."""
    if request.content_type != "multipart/form-data":
        return await r.read_json(request), []
    body: Any = {}
    uploads: list[Upload] = []
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        assert isinstance(part, BodyPartReader), "nested multipart is not something Discord takes"
        name = part.name or ""
        field = FILE_FIELD.match(name)
        if name == "payload_json":
            body = json.loads(await part.text())
        elif field is not None:
            content_type = part.headers.get("Content-Type", "application/octet-stream")
            data = bytes(await part.read())
            uploads.append(Upload(int(field[1]), part.filename or "", data, content_type))
        else:
            body = {"__unexpected_part__": name}
    return body, uploads


def upload_problems(message: Json, uploads: list[Upload], size_limit: int) -> list[str]:
    """What Discord would refuse about the files of one message."""
    problems: list[str] = []
    if "__unexpected_part__" in message:
        problems.append(f"multipart: unexpected part {message['__unexpected_part__']!r}")
    if len(uploads) > FILES_MAX:
        problems.append(f"files: at most {FILES_MAX} per message, got {len(uploads)}")
    total = 0
    for upload in uploads:
        total += len(upload.data)
        if not upload.filename:
            problems.append(f"files[{upload.index}]: a file needs a filename")
        if len(upload.data) > size_limit:
            problems.append(f"files[{upload.index}]: {len(upload.data)} bytes > {size_limit}")
    if total > size_limit:
        problems.append(f"files: {total} bytes in total, limit {size_limit} (40005)")
    indexes = {upload.index for upload in uploads}
    for number, item in enumerate(message.get("attachments") or []):
        ref = item.get("id") if isinstance(item, dict) else None
        if isinstance(ref, int) and ref not in indexes and not _is_snowflake(ref):
            problems.append(f"attachments[{number}].id: no files[{ref}] in the request")
    return problems


def _is_snowflake(value: int) -> bool:
    return value > 1 << 22


def attach(cdn: Cdn, channel_id: int, message: Json, uploads: list[Upload]) -> list[Json]:
    """Attachment objects for the uploaded files, named as the payload's `attachments` say."""
    named = {
        item["id"]: item
        for item in message.get("attachments") or []
        if isinstance(item, dict) and isinstance(item.get("id"), int)
    }
    stored = []
    for upload in sorted(uploads, key=lambda u: u.index):
        meta = named.get(upload.index, {})
        stored.append(
            cdn.add(
                channel_id,
                meta.get("filename") or upload.filename,
                upload.data,
                upload.content_type,
                meta.get("description"),
            )
        )
    return stored


def kept_attachments(current: list[Json], message: Json) -> list[Json]:
    """On an edit, `attachments` lists the existing attachments to keep (by snowflake id)."""
    if "attachments" not in message:
        return current
    keep = {str(item.get("id")) for item in message["attachments"] or []}
    return [attachment for attachment in current if attachment["id"] in keep]
