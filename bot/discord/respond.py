"""Answering an interaction in time: Discord allows 3 seconds for the first response."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.discord.errors import failure_text
from bot.discord.reply import Reply

# Past this, defer ("thinking…") and edit the answer in when it is ready.
DEFER_AFTER_SECONDS = 1.5


async def respond(
    interaction: discord.Interaction[Any],
    make_reply: Callable[[], Awaitable[Reply]],
    *,
    ephemeral: bool,
) -> None:
    """Send the reply; a private one (a cooldown notice) is ephemeral whatever was asked.

    The reply is made in this task with a timer beside it, not in a task of its own awaited
    with a timeout: most replies are ready at once (a remembered answer), and a task and a
    wait per reply cost more than the rest of sending one of them."""
    loop = asyncio.get_running_loop()
    deferring: asyncio.Task[Any] | None = None

    def defer() -> None:
        nonlocal deferring
        deferring = loop.create_task(interaction.response.defer(ephemeral=ephemeral, thinking=True))

    timer = loop.call_later(DEFER_AFTER_SECONDS, defer)
    try:
        reply = await make_reply()
    finally:
        timer.cancel()
        if deferring is not None:  # errors are reported after "thinking…" is shown
            await deferring
    if deferring is None:
        await interaction.response.send_message(
            ephemeral=ephemeral or reply.private, **reply.kwargs()
        )
        return
    await interaction.edit_original_response(**_edit_kwargs(reply))


async def acknowledge_then_write(
    interaction: discord.Interaction[Any],
    make_reply: Callable[[], Awaitable[Reply]],
    language: str | None = None,
) -> None:
    """For a press that writes (a vote, a watch): acknowledged privately before the database
    is touched, since another program's write lock can hold the write past Discord's 3 s;
    then the reply is edited in, or a locked or full database is named (in `language`, the
    language of the message the button is on)."""
    await interaction.response.defer(ephemeral=True, thinking=True)
    try:
        reply = await make_reply()
    except Exception as error:  # shown in place of "thinking…", not in a second message
        reply = Reply(content=failure_text(interaction, error, language), private=True)
    await interaction.edit_original_response(**_edit_kwargs(reply))


def _edit_kwargs(reply: Reply) -> dict[str, Any]:
    sent = reply.kwargs()
    if "embed" not in sent:
        sent["embed"] = None
    return sent
