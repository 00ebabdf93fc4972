"""The answer object: what the bot says about a question, rendered alike by the CLI and Discord."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from bot.core.matcher import Candidate, Tier
from bot.core.models import STATUS_LABELS, Entry, Source, SourceKind, Status
from bot.core.notices import Notice

MAX_QUESTION_CHARS = 500

NO_MATCH_MESSAGE = (
    "That is not in my knowledge base. I only answer questions about the reported ICE "
    "check-in app policy and the facts around it. I have noted your question for the moderators."
)
CLOSE_MESSAGE = "I'm not sure which of these you mean:"
EMPTY_MESSAGE = "Please ask a question in words, for example: “What did the New York Post report?”"
VAGUE_MESSAGE = (
    "Could you say a little more? Ask about the ICE check-in app report, for example "
    "“How many migrants were enrolled?” or “Who are the sources?”"
)
TOO_LONG_MESSAGE = (
    "That question is {length:,} characters long; please ask in under "
    f"{MAX_QUESTION_CHARS} characters."
)
# The entry that says what the knowledge base knows as of its own date; moderators keep it current.
WHERE_THINGS_STAND = "where-things-stand"
NEWER_DEVELOPMENTS = (
    "This information dates from {newest}, more than a year before this knowledge base's "
    "date ({as_of}). Newer developments may exist: see “{pointer}”."
)
ANONYMOUS_WARNING = (
    "This rests on anonymous sources ({who}). It has not been confirmed on the record: "
    "treat it as a report, not an established fact."
)

_KIND_PHRASES: dict[SourceKind, str] = {
    SourceKind.NAMED_PERSON: "quoting a named person",
    SourceKind.OFFICIAL_RECORD: "official record",
    SourceKind.AGENCY_DATA: "agency data",
    SourceKind.OUTLET_ANALYSIS: "the outlet's own reporting or analysis",
    SourceKind.UNATTRIBUTED: "the outlet's own statement, no source named",
}


def format_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Citation:
    publisher: str
    title: str
    date: dt.date | None
    url: str | None
    kind: SourceKind
    anonymous: bool
    described_as: str | None
    count: int | None
    via: str | None

    @classmethod
    def from_source(cls, source: Source) -> Citation:
        return cls(
            publisher=source.publisher,
            title=source.title,
            date=source.date,
            url=str(source.url) if source.url else None,
            kind=source.kind,
            anonymous=source.anonymous,
            described_as=source.described_as,
            count=source.count,
            via=source.via,
        )

    @property
    def attribution(self) -> str:
        if self.anonymous:
            who = self.described_as or "unnamed sources"
            return f"citing {who}" + (f" ({self.count})" if self.count else "")
        return _KIND_PHRASES[self.kind]

    @property
    def text(self) -> str:
        """One line, e.g. "New York Post, 12 July 2024, citing a source (via Newsmax)"."""
        when = format_date(self.date) if self.date else "undated"
        line = f"{self.publisher}, {when}, {self.attribution}"
        return line + (f" (via {self.via})" if self.via else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "publisher": self.publisher,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "url": self.url,
            "kind": self.kind.value,
            "anonymous": self.anonymous,
            "described_as": self.described_as,
            "count": self.count,
            "via": self.via,
            "citation": self.text,
        }


@dataclass(frozen=True)
class Suggestion:
    entry_id: str
    question: str

    def to_json(self) -> dict[str, str]:
        return {"entry_id": self.entry_id, "question": self.question}


@dataclass(frozen=True)
class Answer:
    question: str
    tier: Tier
    score: float = 0.0
    message: str | None = None  # what to say when there is no answer to give
    entry_id: str | None = None
    matched_question: str | None = None
    text: str | None = None
    citations: tuple[Citation, ...] = ()
    status: Status | None = None
    as_of: dt.date | None = None
    related: tuple[Suggestion, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    question_id: int | None = field(default=None, compare=False)
    notice: Notice | None = None  # shown first: the question is about the asker's own case
    dates_from: dt.date | None = None  # the newest source's date (the entry's as-of if undated)
    knowledge_as_of: dt.date | None = None  # the newest as-of date in the whole knowledge base
    newer_developments: str | None = None  # said when dates_from is over a year older than that

    @property
    def matched(self) -> bool:
        return self.tier is Tier.CONFIDENT

    @property
    def anonymous_sourcing(self) -> bool:
        return any(c.anonymous for c in self.citations)

    @property
    def warning(self) -> str | None:
        if not self.anonymous_sourcing:
            return None
        who = "; ".join(
            sorted({c.described_as or "unnamed" for c in self.citations if c.anonymous})
        )
        return ANONYMOUS_WARNING.format(who=who)

    @property
    def status_label(self) -> str | None:
        return STATUS_LABELS[self.status] if self.status else None

    def to_json(self) -> dict[str, Any]:
        """The stable machine-readable contract (see DESIGN.md)."""
        return {
            "question": self.question,
            "matched": self.matched,
            "tier": self.tier.value,
            "entry_id": self.entry_id,
            "score": self.score,
            "answer": self.text,
            "sources": [c.to_json() for c in self.citations],
            "anonymous_sourcing": self.anonymous_sourcing,
            "warning": self.warning,
            "status": self.status.value if self.status else None,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "related": [s.to_json() for s in self.related],
            "suggestions": [s.to_json() for s in self.suggestions],
            "message": self.message,
            "question_id": self.question_id,
            "notice": self.notice.to_json() if self.notice else None,
            "dates_from": self.dates_from.isoformat() if self.dates_from else None,
            "knowledge_as_of": self.knowledge_as_of.isoformat() if self.knowledge_as_of else None,
            "newer_developments": self.newer_developments,
        }


def dates_from(entry: Entry) -> dt.date:
    """When an entry's information dates from: its newest dated source. An undated source
    (an undated page, or one whose date could not be verified) counts as of the entry's as-of
    date, which the curator sets when adding it."""
    dates = [source.date for source in entry.sources if source.date is not None]
    if len(dates) < len(entry.sources):
        dates.append(entry.as_of)
    return max(dates)


def is_dated(newest: dt.date, knowledge_as_of: dt.date) -> bool:
    """True when `newest` is more than a year older than the knowledge base's date."""
    try:
        year_before = knowledge_as_of.replace(year=knowledge_as_of.year - 1)
    except ValueError:  # 29 February
        year_before = knowledge_as_of.replace(year=knowledge_as_of.year - 1, day=28)
    return newest < year_before


def answer_entry(
    question: str,
    entry: Entry,
    score: float,
    related: list[Entry],
    *,
    knowledge_as_of: dt.date | None = None,
    where_things_stand: Entry | None = None,
) -> Answer:
    """The answer for one entry. With the knowledge base's date, an answer more than a year older
    says newer developments may exist and lists the "where things stand" entry among its related
    (never for that entry itself, nor for entries about the bot, tagged `meta`)."""
    newest = dates_from(entry)
    note = None
    if (
        knowledge_as_of is not None
        and entry.id != WHERE_THINGS_STAND
        and "meta" not in entry.tags
        and is_dated(newest, knowledge_as_of)
    ):
        pointer = where_things_stand.question if where_things_stand else "Where things stand"
        note = NEWER_DEVELOPMENTS.format(
            newest=format_date(newest), as_of=format_date(knowledge_as_of), pointer=pointer
        )
        if where_things_stand is not None and all(r.id != where_things_stand.id for r in related):
            related = [where_things_stand, *related]
    return Answer(
        question=question,
        tier=Tier.CONFIDENT,
        score=score,
        entry_id=entry.id,
        matched_question=entry.question,
        text=entry.answer,
        citations=tuple(Citation.from_source(s) for s in entry.sources),
        status=entry.status,
        as_of=entry.as_of,
        related=tuple(Suggestion(r.id, r.question) for r in related),
        dates_from=newest,
        knowledge_as_of=knowledge_as_of,
        newer_developments=note,
    )


def answer_close(question: str, candidates: tuple[Candidate, ...]) -> Answer:
    return Answer(
        question=question,
        tier=Tier.CLOSE,
        score=candidates[0].score,
        message=CLOSE_MESSAGE,
        suggestions=tuple(Suggestion(c.entry_id, c.question) for c in candidates),
    )


def answer_none(question: str, score: float = 0.0) -> Answer:
    return Answer(question=question, tier=Tier.NONE, score=score, message=NO_MATCH_MESSAGE)


def refuse(question: str, message: str) -> Answer:
    return Answer(question=question, tier=Tier.REFUSED, message=message)
