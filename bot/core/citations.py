"""How an answer cites a source: publisher, date, how the source stands behind the claim."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bot.core.i18n import N_, Texts, texts
from bot.core.languages import SOURCE_LANGUAGE
from bot.core.models import Source, SourceKind

UNDATED = N_("undated")
CITING = N_("citing {who}")
UNNAMED_SOURCES = N_("unnamed sources")
VIA = N_("(via {outlet})")

# How each kind of source is named where sources are listed (/sources, the console's 'sources').
SOURCE_KIND_LABELS: dict[SourceKind, str] = {
    SourceKind.ANONYMOUS: N_("anonymous sources"),
    SourceKind.NAMED_PERSON: N_("named people"),
    SourceKind.OFFICIAL_RECORD: N_("official documents"),
    SourceKind.AGENCY_DATA: N_("agency data"),
    SourceKind.OUTLET_ANALYSIS: N_("the outlet's own analysis"),
    SourceKind.UNATTRIBUTED: N_("unattributed"),
}
# How a citation says where a claim comes from (an anonymous one names how it was described).
_KIND_PHRASES: dict[SourceKind, str] = {
    SourceKind.NAMED_PERSON: N_("quoting a named person"),
    SourceKind.OFFICIAL_RECORD: N_("official record"),
    SourceKind.AGENCY_DATA: N_("agency data"),
    SourceKind.OUTLET_ANALYSIS: N_("the outlet's own reporting or analysis"),
    SourceKind.UNATTRIBUTED: N_("the outlet's own statement, no source named"),
}


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
    language: str = SOURCE_LANGUAGE

    @classmethod
    def from_source(cls, source: Source, language: str = SOURCE_LANGUAGE) -> Citation:
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
            language=language,
        )

    @property
    def _words(self) -> Texts:
        return texts(self.language)

    @property
    def when(self) -> str:
        return self._words.date(self.date) if self.date else self._words.gettext(UNDATED)

    @property
    def attribution(self) -> str:
        words = self._words
        if self.anonymous:
            who = self.described_as or words.gettext(UNNAMED_SOURCES)
            cited = words.gettext(CITING).format(who=who)
            return cited + (f" ({self.count})" if self.count else "")
        return words.gettext(_KIND_PHRASES[self.kind])

    @property
    def text(self) -> str:
        """One line, e.g. "New York Post, 12 July 2024, citing a source (via Newsmax)"."""
        line = f"{self.publisher}, {self.when}, {self.attribution}"
        via = self._words.gettext(VIA).format(outlet=self.via) if self.via else ""
        return f"{line} {via}" if via else line

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
