"""Steps the end-to-end tests share: what a member or moderator does (ask, /kb, the edit form,
an uploaded knowledge file) and what they read back, and a service call made to fail."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import tomli_w

from testkit.emulator import DiscordEmulator
from testkit.emulator.state import User

from .knowledge import CBP

ANSWER = "Answer (neutral, attributed)"
REASON = "Reason for the change"
ENROLLED = "How many migrants were enrolled?"
NEW_ANSWER = (
    "The New York Post reported, citing unnamed sources, that only 45 migrants could be "
    "enrolled in the check-in app."
)
REFUSED = "Only moderators of this community's home server can change the knowledge base"
# An entry the test knowledge does not have, as a knowledge file holds it.
NEW_ENTRY = {
    "id": "spanish-app",
    "question": "Is the check-in app available in Spanish?",
    "paraphrases": ["does the app speak spanish"],
    "answer": "U.S. Customs and Border Protection lists the app in English and Spanish.",
    "sources": [CBP],
    "status": "public_record",
    "as_of": "2024-07-12",
}


async def kb(emu: DiscordEmulator, sub: str, user: User, **options: Any) -> dict:
    """Run `/kb <sub>` and return its (ephemeral) reply."""
    handle = await emu.slash(f"kb {sub}", options, user=user)
    reply = await handle.answer()
    assert handle.ephemeral, f"/kb {sub} answered in public"
    return reply


async def ask(emu: DiscordEmulator, question: str) -> dict:
    handle = await emu.slash("ask", {"question": question}, user=emu.member("asker"))
    return await handle.answer()


async def asked_answer(emu: DiscordEmulator, question: str) -> str:
    return (await ask(emu, question))["embeds"][0]["description"]


async def edit(
    emu: DiscordEmulator, user: User, entry: str, typed: dict[str, str]
) -> tuple[dict, dict]:
    """Open the edit form, submit it with `typed` (label → text); (modal, reply)."""
    opened = await emu.slash("kb edit", {"entry": entry}, user=user)
    modal = (await opened.callback_body())["data"]
    submitted = await emu.fill_modal(opened, typed, user=user)
    return modal, await submitted.answer()


def text_inputs(modal: dict) -> dict[str, str]:
    """label → prefilled value of every text input of a modal."""
    return {
        c["label"]: c.get("value", "") for row in modal["components"] for c in row["components"]
    }


def toml_file(topic: str, entries: list[dict[str, Any]]) -> bytes:
    """A knowledge file, as a moderator uploads it to /kb import."""
    return tomli_w.dumps({"topic": topic, "entry": entries}).encode()


def failing(error: Exception) -> Callable[..., Awaitable[None]]:
    """A stand-in for a service method that raises `error` (monkeypatch it in)."""

    async def broken(*args: object, **kwargs: object) -> None:
        raise error

    return broken
