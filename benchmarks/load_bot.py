"""The bot side of `benchmarks.load_discord`, in a process of its own, so that the CPU it
reports is the bot's alone (the emulator and the load it generates run in the parent).

    python -m benchmarks.load_bot {trivial|policybot|policybot-uncached} API_URL GATEWAY_URL TOKEN

Prints "ready" once connected, then serves until its standard input closes; then it shuts
down as `policybot run` does (the question log written out) and prints how many questions the
database holds ("logged N"; the trivial bot has no database and prints "logged -").
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import sqlite3
import sys
import tempfile
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from benchmarks.discord_setup import unthrottled_bot
from bot.core.answers import Answer
from bot.core.engine import Engine
from bot.discord.views import DYNAMIC_ITEMS, AnswerReplies
from bot.settings import SHIPPED_KNOWLEDGE

KINDS = ("trivial", "trivial-embed", "policybot", "policybot-uncached")
TRIVIAL_ANSWER = "A fixed answer."
FIXED_QUESTION = "How many migrants were enrolled?"  # an answer with sources and 5 buttons


class TrivialBot(discord.Client):
    """The least a discord.py bot can do per /ask: answer a fixed text."""

    def __init__(self) -> None:
        super().__init__(intents=discord.Intents.none())
        self.tree = app_commands.CommandTree(self)

        @self.tree.command(name="ask", description="Answers a fixed text")
        async def ask(interaction: discord.Interaction[Any], question: str) -> None:
            await interaction.response.send_message(
                TRIVIAL_ANSWER, allowed_mentions=discord.AllowedMentions.none()
            )

    async def setup_hook(self) -> None:
        await self.tree.sync()


class TrivialEmbedBot(TrivialBot):
    """The trivial bot sending policybot's own reply to one question — its embed and buttons
    (made as policybot makes them, bot/discord/views.py) — for every /ask, without answering
    anything: what discord.py costs for such a reply, apart from policybot's own work."""

    def __init__(self, answer: Answer) -> None:
        super().__init__()
        self.tree.remove_command("ask")
        replies = AnswerReplies()
        ids = itertools.count(1)

        @self.tree.command(name="ask", description="Answers a fixed embed")
        async def ask(interaction: discord.Interaction[Any], question: str) -> None:
            reply = replies.reply(replace(answer, question_id=next(ids)), [])
            await interaction.response.send_message(**reply.kwargs())

    async def setup_hook(self) -> None:
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        await super().setup_hook()


@contextlib.asynccontextmanager
async def connected(bot: discord.Client, token: str) -> AsyncIterator[None]:
    await bot.login(token)
    connection = asyncio.create_task(bot.connect())
    await asyncio.wait_for(bot.wait_until_ready(), 10)
    try:
        yield
    finally:
        await bot.close()
        await connection


async def until_stdin_closes() -> None:
    while await asyncio.to_thread(sys.stdin.readline):
        pass


def logged_questions(database: Path) -> int:
    with contextlib.closing(sqlite3.connect(database)) as db:
        return int(db.execute("SELECT COUNT(*) FROM questions").fetchone()[0])


async def serve(kind: str, token: str) -> None:
    if kind == "trivial":
        async with connected(TrivialBot(), token):
            print("ready", flush=True)
            await until_stdin_closes()
        print("logged -", flush=True)
        return
    if kind == "trivial-embed":
        with tempfile.TemporaryDirectory() as scratch:
            async with Engine.open(Path(scratch) / "answer.sqlite3", SHIPPED_KNOWLEDGE) as engine:
                answer = engine.answer(FIXED_QUESTION)
        async with connected(TrivialEmbedBot(answer), token):
            print("ready", flush=True)
            await until_stdin_closes()
        print("logged -", flush=True)
        return
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch)
        database = data / "load.sqlite3"
        async with Engine.open(database, SHIPPED_KNOWLEDGE) as engine:
            if kind == "policybot-uncached":
                engine.answer_cache_size = 0  # every question matched afresh
            bot = unthrottled_bot(
                engine, data, freeze_heap=True
            )  # as `policybot run` (bot/heap.py)
            async with connected(bot, token):
                print("ready", flush=True)
                await until_stdin_closes()
            await bot.service.drain()
        print(f"logged {logged_questions(database)}", flush=True)


def main(argv: list[str]) -> int:
    kind, api, gateway, token = argv
    if kind not in KINDS:
        print(f"unknown bot {kind!r}; one of {', '.join(KINDS)}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.ERROR)
    Route.BASE = api
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
    asyncio.run(serve(kind, token))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
