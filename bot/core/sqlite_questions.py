"""The SQLite store's question log: questions asked, votes, the unanswered queue, usage and
period stats, and the members watching a question. The base of SQLiteStore
(bot/core/sqlite_store.py), on the connections of bot.core.sqlite_connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from bot.core.matcher import Tier
from bot.core.question_log import NewQuestion
from bot.core.sqlite_connection import SQLiteConnection, translated
from bot.core.store import (
    UNANSWERED_SQL,
    LoggedQuestion,
    PeriodStats,
    QuestionState,
    Watch,
    utc_now,
)


class SQLiteQuestionLog(SQLiteConnection):
    async def log_question(
        self,
        *,
        text: str,
        tier: Tier,
        entry_id: str | None,
        score: float,
        asker: str | None,
        channel: str,
        language: str = "en",
    ) -> int:
        async with self._write() as db:
            cursor = await db.execute(
                "INSERT INTO questions"
                " (asked_at, asker, channel, text, tier, entry_id, score, language)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (utc_now(), asker, channel, text, tier.value, entry_id, score, language),
            )
        return cursor.lastrowid or 0

    async def reserve_question_ids(self, count: int) -> range:
        """Move the questions table's AUTOINCREMENT counter on by `count`: every writer, in
        any process, numbers its questions past it, so the ids below are ours alone."""
        async with self._write() as db:
            async with db.execute(
                "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'questions'),"
                " 0), COALESCE((SELECT MAX(id) FROM questions), 0))"
            ) as cursor:
                row = await cursor.fetchone()
            start = int(row[0]) if row else 0
            updated = await db.execute(
                "UPDATE sqlite_sequence SET seq = ? WHERE name = 'questions'", (start + count,)
            )
            if updated.rowcount == 0:
                await db.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES ('questions', ?)",
                    (start + count,),
                )
        return range(start + 1, start + count + 1)

    async def log_questions(self, batch: Sequence[NewQuestion]) -> None:
        """One multi-row INSERT: atomic on its own, one trip to the database thread, and its
        parameters bound at once (not a GIL hand-off per row as with executemany)."""
        if not batch:
            return
        rows = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(batch))
        values = [
            value
            for q in batch
            for value in (
                *(q.id, q.asked_at, q.asker, q.channel, q.text),
                *(q.tier.value, q.entry_id, q.score, int(q.picked), q.language),
            )
        ]
        async with self._writing:
            try:
                await self._db.execute(
                    "INSERT INTO questions"
                    " (id, asked_at, asker, channel, text, tier, entry_id, score, picked, language)"
                    f" VALUES {rows}"
                    # A question kept in the spill file may have been written as it was kept.
                    " ON CONFLICT (id) DO NOTHING",
                    values,
                )
            except sqlite3.Error as error:
                raise translated(error, self.path) from None

    async def question(self, question_id: int) -> LoggedQuestion | None:
        async with self._reader.execute(
            "SELECT * FROM questions WHERE id = ?", (question_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return _question(row) if row else None

    async def unanswered(self, limit: int = 20) -> list[LoggedQuestion]:
        async with self._reader.execute(
            f"SELECT * FROM questions WHERE {UNANSWERED_SQL} ORDER BY id DESC LIMIT ?",
            (limit,),
        ) as cursor:
            return [_question(row) async for row in cursor]

    async def count_unanswered(self) -> int:
        async with self._reader.execute(
            f"SELECT COUNT(*) FROM questions WHERE {UNANSWERED_SQL}"
        ) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def close_question(self, question_id: int, *, state: QuestionState, by: str) -> bool:
        async with self._write() as db:
            cursor = await db.execute(
                "UPDATE questions SET state = ?, resolved_by = ?, resolved_at = ?"
                " WHERE id = ? AND state = 'open'",
                (state.value, by, utc_now(), question_id),
            )
        return cursor.rowcount == 1

    async def record_feedback(self, question_id: int, voter: str, helpful: bool) -> bool:
        """One vote per voter per answer; False when this voter already voted."""
        try:
            async with self._write() as db:
                await db.execute(
                    "INSERT INTO feedback (question_id, voter, helpful, created_at)"
                    " VALUES (?, ?, ?, ?)",
                    (question_id, voter, int(helpful), utc_now()),
                )
        except sqlite3.IntegrityError:
            return False
        return True

    async def usage(self, limit: int = 10) -> list[tuple[str, int, int, int]]:
        """(entry id, times answered, helpful votes, unhelpful votes), most asked first."""
        async with self._reader.execute(
            "SELECT q.entry_id, COUNT(DISTINCT q.id) AS asked,"
            " COALESCE(SUM(f.helpful = 1), 0) AS yes, COALESCE(SUM(f.helpful = 0), 0) AS no"
            " FROM questions q LEFT JOIN feedback f ON f.question_id = q.id"
            f" WHERE q.tier = '{Tier.CONFIDENT.value}' AND q.picked = 0"
            " GROUP BY q.entry_id ORDER BY asked DESC LIMIT ?",
            (limit,),
        ) as cursor:
            return [(r["entry_id"], r["asked"], r["yes"], r["no"]) async for r in cursor]

    async def period_stats(self, since: str | None, limit: int = 10) -> PeriodStats:
        # Entries opened from a button (picked) are not questions asked: they do not count.
        where, args = (
            ("WHERE q.picked = 0 AND q.asked_at >= ?", (since,))
            if since
            else ("WHERE q.picked = 0", ())
        )
        async with self._db.execute(
            "SELECT q.tier, COUNT(*) AS n FROM questions q " + where + " GROUP BY q.tier", args
        ) as cursor:
            tiers = {r["tier"]: r["n"] async for r in cursor}
        async with self._db.execute(
            "SELECT COALESCE(SUM(f.helpful = 1), 0) AS yes, COALESCE(SUM(f.helpful = 0), 0) AS no"
            " FROM feedback f JOIN questions q ON q.id = f.question_id " + where,
            args,
        ) as cursor:
            votes = await cursor.fetchone()
        confident = f"q.tier = '{Tier.CONFIDENT.value}'"
        async with self._db.execute(
            "SELECT q.entry_id, COUNT(DISTINCT q.id) AS asked,"
            " COALESCE(SUM(f.helpful = 1), 0) AS yes, COALESCE(SUM(f.helpful = 0), 0) AS no"
            " FROM questions q LEFT JOIN feedback f ON f.question_id = q.id"
            f" {where + ' AND' if where else 'WHERE'} {confident}"
            " GROUP BY q.entry_id ORDER BY asked DESC, q.entry_id LIMIT ?",
            (*args, limit),
        ) as cursor:
            top = tuple([(r["entry_id"], r["asked"], r["yes"], r["no"]) async for r in cursor])
        async with self._db.execute(
            "SELECT q.language, COUNT(DISTINCT q.id) AS asked,"
            f" COUNT(DISTINCT CASE WHEN {confident} THEN q.id END) AS answered,"
            " COALESCE(SUM(f.helpful = 1), 0) AS yes, COALESCE(SUM(f.helpful = 0), 0) AS no"
            " FROM questions q LEFT JOIN feedback f ON f.question_id = q.id "
            + where
            + " GROUP BY q.language ORDER BY asked DESC, q.language",
            args,
        ) as cursor:
            by_language = tuple(
                [
                    (r["language"], r["asked"], r["answered"], r["yes"], r["no"])
                    async for r in cursor
                ]
            )
        return PeriodStats(
            by_language=by_language,
            since=since,
            asked=sum(tiers.values()),
            confident=tiers.get(Tier.CONFIDENT.value, 0),
            close=tiers.get(Tier.CLOSE.value, 0),
            unknown=tiers.get(Tier.NONE.value, 0),
            helpful=int(votes["yes"]) if votes else 0,
            unhelpful=int(votes["no"]) if votes else 0,
            top=top,
        )

    async def add_watch(self, question_id: int, member: str) -> bool:
        try:
            async with self._write() as db:
                await db.execute(
                    "INSERT INTO watches (question_id, member, requested_at) VALUES (?, ?, ?)",
                    (question_id, member, utc_now()),
                )
        except sqlite3.IntegrityError:
            return False
        return True

    async def drop_watch(self, question_id: int, member: str) -> bool:
        async with self._write() as db:  # a locked or full database is named
            cursor = await db.execute(
                "DELETE FROM watches WHERE question_id = ? AND member = ?", (question_id, member)
            )
        return cursor.rowcount == 1

    async def watches(self, question_id: int | None = None) -> list[Watch]:
        where = "WHERE w.question_id = ?" if question_id is not None else ""
        async with self._db.execute(
            "SELECT w.question_id, w.member, q.text FROM watches w"
            f" JOIN questions q ON q.id = w.question_id {where} ORDER BY w.rowid",
            (question_id,) if question_id is not None else (),
        ) as cursor:
            return [Watch(r["question_id"], r["member"], r["text"]) async for r in cursor]


def _question(row: sqlite3.Row) -> LoggedQuestion:
    return LoggedQuestion(
        id=row["id"],
        asked_at=row["asked_at"],
        asker=row["asker"],
        channel=row["channel"],
        text=row["text"],
        tier=Tier(row["tier"]),
        entry_id=row["entry_id"],
        score=row["score"],
        state=QuestionState(row["state"]),
        language=row["language"],
    )
