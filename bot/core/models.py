"""The knowledge entry model: one claim or one context fact, with its sources.

Every knowledge file, every moderator edit and every database row goes through these models.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AnyHttpUrl,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    computed_field,
    field_validator,
    model_validator,
)

from bot.core.i18n import N_
from bot.core.languages import LANGUAGE_CODE_PATTERN, SOURCE_LANGUAGE, languages
from bot.core.translation_rules import translation_problems

# Discord's embed description limit: the answer must fit in one embed.
ANSWER_MAX_CHARS = 4096
ENTRY_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
EntryId = Annotated[str, StringConstraints(pattern=ENTRY_ID_PATTERN)]


class SourceKind(StrEnum):
    """How a source stands behind a claim."""

    ANONYMOUS = "anonymous"
    NAMED_PERSON = "named_person"
    OFFICIAL_RECORD = "official_record"
    AGENCY_DATA = "agency_data"
    OUTLET_ANALYSIS = "outlet_analysis"
    UNATTRIBUTED = "unattributed"


class Status(StrEnum):
    REPORTED_UNCONFIRMED = "reported_unconfirmed"
    CONFIRMED_ON_RECORD = "confirmed_on_record"
    # Later on-the-record reporting or records bear out part of a claim, not all of it.
    PARTLY_CORROBORATED = "partly_corroborated"
    DISPUTED = "disputed"
    PUBLIC_RECORD = "public_record"
    RETRACTED = "retracted"  # the outlet that reported the claim withdrew it


# In English; translated where shown (bot/core/i18n.py).
STATUS_LABELS: dict[Status, str] = {
    Status.REPORTED_UNCONFIRMED: N_("Reported, not confirmed on the record"),
    Status.CONFIRMED_ON_RECORD: N_("Confirmed on the record"),
    Status.PARTLY_CORROBORATED: N_("Partly corroborated by later reporting or records"),
    Status.DISPUTED: N_("Disputed"),
    Status.PUBLIC_RECORD: N_("Public record"),
    Status.RETRACTED: N_("Retracted by the outlet that reported it"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    # Editors that check files against the JSON Schema are held to the provenance rule: a source
    # gives its public address or says why it has none. The model itself only forbids both, so
    # that rows stored before the rule still load; `knowledge.provenance_problems` finds the rest.
    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["url"]}, {"required": ["no_url_reason"]}]}
    )

    publisher: ShortText
    title: ShortText
    date: dt.date | None = None  # None only for a source that carries no date (say so in title)
    url: AnyHttpUrl | None = None
    no_url_reason: ShortText | None = Field(
        default=None,
        description="Why the source has no url, e.g. "
        '"original not located; known through Newsmax\'s copy".',
    )
    kind: SourceKind
    # For anonymous sources: how the publication describes them, and how many there are.
    described_as: ShortText | None = None
    count: int | None = Field(default=None, ge=1)
    # When the claim reached us through another outlet's re-report.
    via: ShortText | None = None

    @property
    def anonymous(self) -> bool:
        return self.kind is SourceKind.ANONYMOUS

    @model_validator(mode="after")
    def _url_or_reason_not_both(self) -> Source:
        if self.url is not None and self.no_url_reason is not None:
            raise ValueError("give either url or no_url_reason, not both")
        return self

    @model_validator(mode="after")
    def _anonymity_details_only_for_anonymous(self) -> Source:
        if not self.anonymous and (self.described_as is not None or self.count is not None):
            raise ValueError("described_as and count apply only to kind = 'anonymous'")
        if self.anonymous and self.described_as is None:
            raise ValueError("an anonymous source needs described_as (how the outlet describes it)")
        return self


class StatusChange(_Strict):
    """The entry's latest change of status, shown with every answer: when, from what, and what
    happened ("confirmed on the record by ICE"). Older changes stay in the revision history."""

    date: dt.date
    previous: Status
    note: ShortText


LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_CODE_PATTERN)]


class Translation(_Strict):
    """An entry's words in another language; sources, status and dates stay the entry's own."""

    question: ShortText
    paraphrases: list[ShortText] = Field(default_factory=list)
    keywords: list[ShortText] = Field(default_factory=list)
    answer: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

    @field_validator("answer")
    @classmethod
    def _answer_fits_discord(cls, value: str) -> str:
        return _fits_discord(value)


class Entry(_Strict):
    id: EntryId
    question: ShortText
    # For an entry that reviews a claim: the claim as the reporting makes it, in a sentence
    # (schema.org ClaimReview's claimReviewed). Optional; the question stands in without it.
    claim: ShortText | None = None
    paraphrases: list[ShortText] = Field(default_factory=list)
    keywords: list[ShortText] = Field(default_factory=list)
    answer: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    sources: list[Source]
    status: Status
    status_change: StatusChange | None = None
    as_of: dt.date
    related: list[EntryId] = Field(default_factory=list)
    tags: list[ShortText] = Field(default_factory=list)
    # Language code -> the entry in that language (knowledge/TRANSLATING.md).
    translations: dict[LanguageCode, Translation] = Field(default_factory=dict)

    @field_validator("answer")
    @classmethod
    def _answer_fits_discord(cls, value: str) -> str:
        return _fits_discord(value)

    @field_validator("sources")
    @classmethod
    def _at_least_one_source(cls, value: list[Source]) -> list[Source]:
        if not value:
            raise ValueError("every entry needs at least one source")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Entry:
        if self.id in self.related:
            raise ValueError("related: an entry cannot be related to itself")
        if len(set(self.related)) != len(self.related):
            raise ValueError("related: duplicate ids")
        if self.status_change is not None and self.status_change.previous is self.status:
            raise ValueError("status_change: the previous status is the current one")
        if self.anonymous_sourcing and not _mentions_anonymity(self.answer):
            raise ValueError(
                "answer: the claim rests on anonymous sources, so the answer must say so "
                "(e.g. 'citing unnamed sources')"
            )
        return self

    @model_validator(mode="after")
    def _translations_keep_the_facts(self) -> Entry:
        problems = []
        for code, translation in self.translations.items():
            if code == SOURCE_LANGUAGE or code not in languages():
                known = ", ".join(c for c in languages() if c != SOURCE_LANGUAGE)
                problems.append(f"translations.{code}: not a translation language ({known})")
                continue
            problems.extend(
                f"translations.{code}.answer: {problem}"
                for problem in translation_problems(
                    self.answer, translation.answer, code, anonymous=self.anonymous_sourcing
                )
            )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @computed_field  # type: ignore[prop-decorator]
    @property
    def anonymous_sourcing(self) -> bool:
        """Derived from the sources, never typed by hand."""
        return any(source.anonymous for source in self.sources)

    @property
    def all_questions(self) -> list[str]:
        return [self.question, *self.paraphrases]

    def in_language(self, code: str) -> Translation | None:
        """The entry's words in `code` (the source language is the entry itself), if written."""
        if code == SOURCE_LANGUAGE:
            return Translation.model_construct(
                question=self.question,
                paraphrases=self.paraphrases,
                keywords=self.keywords,
                answer=self.answer,
            )
        return self.translations.get(code)

    def to_file_dict(self) -> dict[str, object]:
        """The entry as it is written to a knowledge file (no derived fields, no empty lists)."""
        data = self.model_dump(mode="python", exclude={"anonymous_sourcing"}, exclude_none=True)
        for source in data["sources"]:
            if "url" in source:
                source["url"] = str(source["url"])
        for translation in data.get("translations", {}).values():
            for key in [key for key, value in translation.items() if value == []]:
                del translation[key]
        return {key: value for key, value in data.items() if value not in ([], {})}


def _fits_discord(answer: str) -> str:
    if len(answer) > ANSWER_MAX_CHARS:
        raise ValueError(
            f"answer is {len(answer)} characters; Discord embeds allow {ANSWER_MAX_CHARS}"
        )
    return answer


_ANONYMITY_WORDS = ("unnamed", "anonymous", "anonymity", "unidentified", "not named", "a source")


def _mentions_anonymity(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _ANONYMITY_WORDS)


class KnowledgeFile(_Strict):
    """One topic file in `knowledge/`."""

    topic: ShortText
    entry: list[Entry] = Field(default_factory=list)
