"""The program test_ctrl_c.py presses Ctrl-C in: the console (`policybot chat`) or the Discord
runner (on the emulator, 127.0.0.1), on a temporary database, with a question log that holds
the first question it writes until the test creates the file `release` (an answer whose log
write is slow, as on a busy database).

    python -m tests.ops.ctrl_c_child console|discord DATABASE RELEASE

It says on stderr when the question is held ("holding the question log").
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.core.question_log import NewQuestion
from bot.core.sqlite_questions import SQLiteQuestionLog

QUESTION = "How many migrants were enrolled in the app?"
HELD_AT_MOST = 300.0  # seconds: long past any test's patience, so only Ctrl-C ends it early


def hold_the_question_log(release: Path) -> None:
    write = SQLiteQuestionLog.log_questions

    async def held(self: SQLiteQuestionLog, batch: Sequence[NewQuestion]) -> None:
        print("holding the question log", file=sys.stderr, flush=True)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + HELD_AT_MOST
        while not release.exists() and loop.time() < deadline:
            await asyncio.sleep(0.05)
        await write(self, batch)

    SQLiteQuestionLog.log_questions = held  # type: ignore[method-assign]


def console() -> int:
    from bot.cli import main

    return main(["chat"])  # the question comes on stdin


def discord(database: Path) -> int:
    from bot.discord import runner
    from bot.logs import configure_logging
    from bot.settings import Settings
    from testkit.emulator import DiscordEmulator, discord_py_pointed_at

    configure_logging("INFO", "text")  # as `policybot run` does

    async def serve() -> int:
        async with DiscordEmulator(heartbeat_interval=0.5) as emu:
            with discord_py_pointed_at(emu):
                settings = Settings(database=database)
                serving = asyncio.create_task(
                    runner.serve(settings, emu.token, guild_ready_timeout=0.05)
                )
                await emu.wait_until_connected()
                handle = await emu.slash("ask", {"question": QUESTION}, user=emu.member("ann"))
                await handle.answer()
                return await serving

    return asyncio.run(serve())


if __name__ == "__main__":
    mode, database, release = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    os.environ |= {"POLICYBOT_DATABASE": str(database), "POLICYBOT_SEMANTIC": "false"}
    hold_the_question_log(release)
    sys.exit(console() if mode == "console" else discord(database))
