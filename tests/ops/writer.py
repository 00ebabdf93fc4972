"""A separate process writing to the live database the way the bot does (SQLiteStore.log_question),
recording each write in an acknowledgement file only after its commit returned.

    python -m tests.ops.writer DB ACK_FILE STOP_FILE NAME
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.core.matcher import Tier
from bot.core.sqlite_store import SQLiteStore as Store


async def write_until_stopped(db: Path, acks: Path, stop: Path, name: str) -> None:
    store = await Store.open(db)
    try:
        with acks.open("a", encoding="utf-8") as out:
            number = 0
            while not stop.exists():
                number += 1
                text = f"{name}-{number}"
                await store.log_question(
                    text=text, tier=Tier.NONE, entry_id=None, score=0.0, asker=name, channel="load"
                )
                out.write(text + "\n")
                out.flush()
    finally:
        await store.close()


if __name__ == "__main__":
    db, acks, stop, name = sys.argv[1:5]
    asyncio.run(write_until_stopped(Path(db), Path(acks), Path(stop), name))
