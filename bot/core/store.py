"""The storage interface: what the engine needs from a database, and opening one by URL.

Entries are never overwritten: every change appends a revision (who, when, why), and the
current knowledge is the newest revision of each entry that is not a deletion. Questions are
logged for the unanswered queue and usage counts, with one helpful/unhelpful vote per member.

`SQLiteStore` (bot/core/sqlite_store.py) is the implementation, opened by `open_store`
(bot/core/backends.py); a PostgreSQL store would be a second class with these methods, its
schema in `migrations/postgresql/`, chosen there by the URL's scheme.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bot.core.i18n import Marked, said
from bot.core.knowledge import KnowledgeSet
from bot.core.matcher import Tier
from bot.core.models import Entry
from bot.core.question_log import NewQuestion


class StoreError(RuntimeError):
    """The database cannot be used; the message says what to do.

    `message` is English, marked for translation (`N_`) where a member or moderator may read
    it, with `{placeholders}` filled from `fields` (a `Marked` text): `str(error)` is the
    English (logs, the command line), `said(code)` the text in a reader's language.
    """

    def __init__(self, message: str, **fields: str) -> None:
        self.text = Marked(message, **fields)
        super().__init__(self.text)

    def said(self, code: str) -> str:
        return said(self.text, code)


class DatabaseBusy(StoreError):
    """Another program holds the database's write lock; trying again later may work."""


class DatabaseFull(StoreError):
    """The disk (or quota) holding the database is full; nothing more can be written."""


class QuestionState(StrEnum):
    OPEN = "open"
    DISMISSED = "dismissed"
    ANSWERED = "answered"  # taught: its text became a paraphrase of an entry


class Vote(StrEnum):
    """What became of a helpful/unhelpful vote."""

    COUNTED = "counted"
    REPEATED = "repeated"  # this member had already voted on this answer
    UNKNOWN_QUESTION = "unknown_question"  # no such question was ever logged: nothing changed


@dataclass(frozen=True)
class Revision:
    rev: int
    entry_id: str
    number: int
    file: str
    position: int
    entry: Entry | None  # None: this revision deleted the entry
    author: str
    reason: str
    created_at: str


@dataclass(frozen=True)
class Upsert:
    entry: Entry
    file: str
    position: int


@dataclass(frozen=True)
class Delete:
    entry_id: str


Change = Upsert | Delete


@dataclass(frozen=True)
class KnowledgeMark:
    """Changes whenever the knowledge does: the newest revision, and the topic titles."""

    newest_rev: int | None
    topics: str | None


@dataclass(frozen=True)
class LoggedQuestion:
    id: int
    asked_at: str
    asker: str | None
    channel: str
    text: str
    tier: Tier
    entry_id: str | None
    score: float
    state: QuestionState
    language: str = "en"  # the question's language code

    @property
    def unanswered(self) -> bool:
        """On the unanswered queue: still open, and given no confident answer."""
        return self.state is QuestionState.OPEN and self.tier is not Tier.CONFIDENT


# The same rule as LoggedQuestion.unanswered, for stores that select in SQL.
UNANSWERED_SQL = f"tier != '{Tier.CONFIDENT.value}' AND state = '{QuestionState.OPEN.value}'"


@dataclass(frozen=True)
class Watch:
    """A member waiting to be told when a question is answered."""

    question_id: int
    member: str
    text: str  # the question


@dataclass(frozen=True)
class PeriodStats:
    """Questions asked in a period (since a time, or ever) and the votes on their answers."""

    since: str | None
    asked: int  # questions logged (refused ones are never logged)
    confident: int  # answered
    close: int  # "did you mean"
    unknown: int  # "not in my knowledge base"
    helpful: int
    unhelpful: int
    top: tuple[tuple[str, int, int, int], ...]  # (entry id, answers, 👍, 👎), most asked first
    # (language, asked, answered, 👍, 👎), most asked first
    by_language: tuple[tuple[str, int, int, int, int], ...] = ()

    @property
    def unanswered_rate(self) -> float | None:
        """Share of questions that got no confident answer."""
        return (self.asked - self.confident) / self.asked if self.asked else None

    @property
    def helpful_ratio(self) -> float | None:
        votes = self.helpful + self.unhelpful
        return self.helpful / votes if votes else None


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class RevisionConflict(Exception):
    """An entry moved on since the revision a change was based on. The store checks this in
    the write transaction itself, so no other process can write in between."""

    def __init__(self, entry_id: str, expected: int, latest: int) -> None:
        super().__init__(f"entry '{entry_id}': expected revision {expected}, found {latest}")
        self.entry_id, self.expected, self.latest = entry_id, expected, latest


class Store(Protocol):
    async def close(self) -> None: ...

    # -- knowledge -------------------------------------------------------------------------

    async def is_empty(self) -> bool:
        """True before the first revision (a new database, to be seeded)."""
        ...

    async def current(self) -> KnowledgeSet:
        """The live knowledge: the newest revision of each entry that is not a deletion."""
        ...

    async def apply(
        self,
        changes: Sequence[Change],
        *,
        author: str,
        reason: str,
        topics: dict[str, str] | None = None,
        announced: bool = False,
        expected: Mapping[str, int] | None = None,
    ) -> list[Revision]:
        """Append one revision per change (and set topic titles), all or nothing.
        `announced`: the writer tells moderators itself (a running bot); else the revisions
        wait for `take_unannounced`. `expected`: entry id → the newest revision number the
        change was based on (0: the entry must not exist yet); RevisionConflict, and nothing
        written, if any entry has moved on."""
        ...

    async def take_unannounced(self) -> list[Revision]:
        """The revisions nobody has announced yet, oldest first, each marked announced as it
        is returned: of two bots on one database, only one gets each."""
        ...

    async def history(self, entry_id: str) -> list[Revision]:
        """Every revision of an entry, oldest first."""
        ...

    async def knowledge_mark(self) -> KnowledgeMark:
        """What identifies the stored knowledge now, whichever process last changed it; cheap
        to call every few seconds."""
        ...

    async def latest_revision(self, entry_id: str) -> int:
        """The newest revision number of an entry, 0 if it never existed."""
        ...

    async def revision(self, entry_id: str, number: int) -> Revision | None: ...

    # -- questions and feedback ------------------------------------------------------------

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
        """Log an answered question; returns its id."""
        ...

    async def reserve_question_ids(self, count: int) -> range:
        """`count` question ids that no writer of this database (in any process) will use."""
        ...

    async def log_questions(self, batch: Sequence[NewQuestion]) -> None:
        """Log questions (with reserved ids, or None to number them) in one transaction."""
        ...

    async def question(self, question_id: int) -> LoggedQuestion | None: ...

    async def unanswered(self, limit: int = 20) -> list[LoggedQuestion]:
        """Questions on the unanswered queue, newest first."""
        ...

    async def count_unanswered(self) -> int: ...

    async def close_question(self, question_id: int, *, state: QuestionState, by: str) -> bool:
        """Take an open question off the queue; False if it was not open."""
        ...

    async def record_feedback(self, question_id: int, voter: str, helpful: bool) -> bool:
        """One vote per voter per answer; False when this voter already voted."""
        ...

    async def usage(self, limit: int = 10) -> list[tuple[str, int, int, int]]:
        """(entry id, times answered, helpful votes, unhelpful votes), most asked first.
        Entries opened from a button (`picked`) are not questions asked and do not count."""
        ...

    async def period_stats(self, since: str | None, limit: int = 10) -> PeriodStats:
        """Counts for questions asked at or after `since` (an ISO time; None: ever)."""
        ...

    # -- "tell me when this is answered" ---------------------------------------------------

    async def add_watch(self, question_id: int, member: str) -> bool:
        """False when this member already waits on this question."""
        ...

    async def drop_watch(self, question_id: int, member: str) -> bool:
        """False when there was no such watch (so of two callers, only one gets True)."""
        ...

    async def watches(self, question_id: int | None = None) -> list[Watch]:
        """Every watch (or those on one question), oldest first."""
        ...
