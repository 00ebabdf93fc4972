"""The answer object: what the bot says about a question, rendered alike by the CLI and Discord.

An answer is in one language: the words of the entry in that language (or, for an entry not yet
translated, its English words with a note saying so) and the bot's own words from the catalogue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from bot.core.citations import Citation
from bot.core.i18n import N_, texts
from bot.core.languages import SOURCE_LANGUAGE
from bot.core.matcher import Candidate, Tier
from bot.core.models import STATUS_LABELS, Entry, Status
from bot.core.notices import Notice

MAX_QUESTION_CHARS = 500

NO_MATCH_MESSAGE = N_(
    "That is not in my knowledge base. I only answer questions about the reported ICE "
    "check-in app policy and the facts around it. I have noted your question for the moderators."
)
CLOSE_MESSAGE = N_("I'm not sure which of these you mean:")
EMPTY_MESSAGE = N_(
    "Please ask a question in words, for example: “What did the New York Post report?”"
)
VAGUE_MESSAGE = N_(
    "Could you say a little more? Ask about the ICE check-in app report, for example "
    "“How many migrants were enrolled?” or “Who are the sources?”"
)
TOO_LONG_MESSAGE = N_(
    "That question is {length} characters long; please ask in under {limit} characters."
)
# The entry that says what the knowledge base knows as of its own date; moderators keep it current.
WHERE_THINGS_STAND = "where-things-stand"
# The latest change of an entry's status; the note is the moderator's own words.
STATUS_UPDATE = N_("Update, {date}: {note} (before: {status})")
NEWER_DEVELOPMENTS = N_(
    "This information dates from {newest}, more than a year before this knowledge base's "
    "date ({as_of}). Newer developments may exist: see “{pointer}”."
)
# For an entry whose sources are all undated, staleness is judged by when it was last checked.
NEWER_DEVELOPMENTS_UNDATED = N_(
    "This information's sources are undated; it was last checked on {checked}, more than a year "
    "before this knowledge base's date ({as_of}). Newer developments may exist: see “{pointer}”."
)
INFORMATION_DATES_FROM = N_("information dates from {date}")
SOURCES_UNDATED = N_("sources undated; checked {date}")
WHERE_THINGS_STAND_TITLE = N_("Where things stand")
ANONYMOUS_WARNING = N_(
    "This rests on anonymous sources ({who}). It has not been confirmed on the record: "
    "treat it as a report, not an established fact."
)
NOT_TRANSLATED_NOTE = N_(
    "This entry has not been translated into your language yet, so its answer is in English."
)
# A message of several questions answered through one of them: the others found no answer.
UNANSWERED_PART_NOTE = N_(
    "This answers one part of your message; the rest of it is not in my knowledge base."
)


def format_date(day: dt.date, language: str = SOURCE_LANGUAGE) -> str:
    return texts(language).date(day)


def message(name: str, language: str, **values: object) -> str:
    """One of the messages above, in `language`, with its placeholders filled."""
    translated = texts(language).gettext(name)
    return translated.format(**values) if values else translated


def too_long_message(length: int, language: str) -> str:
    words = texts(language)
    return message(
        TOO_LONG_MESSAGE,
        language,
        length=words.number(length),
        limit=words.number(MAX_QUESTION_CHARS),
    )


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
    update: str | None = None  # the latest change of status, e.g. "Update, 3 March 2025: …"
    related: tuple[Suggestion, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    question_id: int | None = field(default=None, compare=False)
    notice: Notice | None = None  # shown first: the question is about the asker's own case
    dates_from: dt.date | None = None  # the newest source's date; None if no source is dated
    sources_undated: bool = False  # no source is dated, so `dates_from` is None: see `as_of`
    knowledge_as_of: dt.date | None = None  # the newest as-of date in the whole knowledge base
    newer_developments: str | None = None  # said when dates_from is over a year older than that
    language: str = SOURCE_LANGUAGE  # of the question, and so of everything the bot says
    translated: bool = True  # False: the entry has no words in `language`; `text` is English
    # Of a message of several questions answered through one: how many of the others no entry
    # answers (see `unanswered_note`).
    unanswered_parts: int = 0
    # Said before `text` when the question doubts the outlet that reported (outlet_doubt.py).
    outlet_note: str | None = None

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
        return message(ANONYMOUS_WARNING, self.language, who=who)

    @property
    def dates_line(self) -> str | None:
        """When the information dates from, or, when no source is dated, that they are not and
        when the entry was checked: never the checked date passed off as a publication date."""
        words = texts(self.language)
        if self.dates_from:
            return words.gettext(INFORMATION_DATES_FROM).format(date=words.date(self.dates_from))
        if self.sources_undated and self.as_of:
            return words.gettext(SOURCES_UNDATED).format(date=words.date(self.as_of))
        return None

    @property
    def status_label(self) -> str | None:
        if not self.status:
            return None
        return texts(self.language).gettext(STATUS_LABELS[self.status])

    @property
    def not_translated_note(self) -> str | None:
        """One line for an answer whose entry is not yet in the question's language."""
        return None if self.translated else message(NOT_TRANSLATED_NOTE, self.language)

    @property
    def unanswered_note(self) -> str | None:
        """One line for an answer to one question of several, when the others have none."""
        if not self.unanswered_parts or self.tier is not Tier.CONFIDENT:
            return None
        return message(UNANSWERED_PART_NOTE, self.language)

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
            "update": self.update,
            "related": [s.to_json() for s in self.related],
            "suggestions": [s.to_json() for s in self.suggestions],
            "message": self.message,
            "question_id": self.question_id,
            "notice": self.notice.to_json() if self.notice else None,
            "dates_from": self.dates_from.isoformat() if self.dates_from else None,
            "sources_undated": self.sources_undated,
            "knowledge_as_of": self.knowledge_as_of.isoformat() if self.knowledge_as_of else None,
            "newer_developments": self.newer_developments,
            "language": self.language,
            "answer_language": self.answer_language,
            "note": self.not_translated_note,
            "unanswered_note": self.unanswered_note,
            "outlet_note": self.outlet_note,
        }

    @property
    def answer_language(self) -> str | None:
        """The language of `text`: the question's, or English for an untranslated entry."""
        if self.text is None:
            return None
        return self.language if self.translated else SOURCE_LANGUAGE


def dates_from(entry: Entry) -> dt.date | None:
    """When an entry's information dates from: its newest dated source, or None when no source
    is dated. Beside a dated source, an undated one (an undated page, or one whose date could
    not be verified) counts as of the entry's as-of date, which the curator sets when adding it."""
    dates = [source.date for source in entry.sources if source.date is not None]
    if not dates:
        return None
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
    language: str = SOURCE_LANGUAGE,
    *,
    knowledge_as_of: dt.date | None = None,
    where_things_stand: Entry | None = None,
) -> Answer:
    """The answer for one entry in `language` (its English words if it has none there). With
    the knowledge base's date, an answer more than a year older says newer developments may
    exist and lists the "where things stand" entry among its related (never for that entry
    itself, nor for entries about the bot, tagged `meta`)."""
    own = entry.in_language(language)
    words = own or entry
    newest = dates_from(entry)
    note = None
    if (
        knowledge_as_of is not None
        and entry.id != WHERE_THINGS_STAND
        and "meta" not in entry.tags
        and is_dated(newest or entry.as_of, knowledge_as_of)
    ):
        said = texts(language)
        pointer = (
            suggestion(where_things_stand, language).question
            if where_things_stand
            else said.gettext(WHERE_THINGS_STAND_TITLE)
        )
        if newest is None:
            note = said.gettext(NEWER_DEVELOPMENTS_UNDATED).format(
                checked=said.date(entry.as_of), as_of=said.date(knowledge_as_of), pointer=pointer
            )
        else:
            note = said.gettext(NEWER_DEVELOPMENTS).format(
                newest=said.date(newest), as_of=said.date(knowledge_as_of), pointer=pointer
            )
        if where_things_stand is not None and all(r.id != where_things_stand.id for r in related):
            related = [where_things_stand, *related]
    return Answer(
        question=question,
        tier=Tier.CONFIDENT,
        score=score,
        entry_id=entry.id,
        matched_question=words.question,
        text=words.answer,
        citations=tuple(Citation.from_source(s, language) for s in entry.sources),
        status=entry.status,
        as_of=entry.as_of,
        update=status_update(entry, language),
        related=tuple(suggestion(r, language) for r in related),
        dates_from=newest,
        sources_undated=newest is None,
        knowledge_as_of=knowledge_as_of,
        newer_developments=note,
        language=language,
        translated=own is not None,
    )


def status_update(entry: Entry, language: str = SOURCE_LANGUAGE) -> str | None:
    """What changed and when: "Update, 3 March 2025: confirmed on the record by ICE (before:
    Reported, not confirmed on the record)". The note is the moderator's, as typed."""
    change = entry.status_change
    if change is None:
        return None
    said = texts(language)
    return said.gettext(STATUS_UPDATE).format(
        date=said.date(change.date),
        note=change.note,
        status=said.gettext(STATUS_LABELS[change.previous]),
    )


def suggestion(entry: Entry, language: str) -> Suggestion:
    return Suggestion(entry.id, (entry.in_language(language) or entry).question)


def answer_close(
    question: str, candidates: tuple[Candidate, ...], language: str = SOURCE_LANGUAGE
) -> Answer:
    return Answer(
        question=question,
        tier=Tier.CLOSE,
        score=candidates[0].score,
        message=message(CLOSE_MESSAGE, language),
        suggestions=tuple(Suggestion(c.entry_id, c.question) for c in candidates),
        language=language,
    )


def answer_none(question: str, score: float = 0.0, language: str = SOURCE_LANGUAGE) -> Answer:
    return Answer(
        question=question,
        tier=Tier.NONE,
        score=score,
        message=message(NO_MATCH_MESSAGE, language),
        language=language,
    )


def refuse(question: str, text: str, language: str = SOURCE_LANGUAGE) -> Answer:
    """`text`: the message, already in `language`."""
    return Answer(question=question, tier=Tier.REFUSED, message=text, language=language)
