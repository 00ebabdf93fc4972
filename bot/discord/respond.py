"""Answering an interaction in time: Discord allows 3 seconds for the first response."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.discord.service import Reply

# Past this, defer ("thinking…") and edit the answer in when it is ready.
DEFER_AFTER_SECONDS = 1.5


async def respond(
    interaction: discord.Interaction[Any],
    make_reply: Callable[[], Awaitable[Reply]],
    *,
    ephemeral: bool,
) -> None:
    work = asyncio.ensure_future(make_reply())
    done, _ = await asyncio.wait({work}, timeout=DEFER_AFTER_SECONDS)
    if done:
        await interaction.response.send_message(ephemeral=ephemeral, **work.result().kwargs())
        return
    await interaction.response.defer(ephemeral=ephemeral, thinking=True)
    reply = await work
    await interaction.edit_original_response(**_edit_kwargs(reply))


def _edit_kwargs(reply: Reply) -> dict[str, Any]:
    sent = reply.kwargs()
    if "embed" not in sent:
        sent["embed"] = None
    return sent


async def send_private(interaction: discord.Interaction[Any], text: str) -> None:
    await interaction.response.send_message(
        text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
    )
