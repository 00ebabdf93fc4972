"""schema.org ClaimReview for the entries that review one of the article's claims.

Follows schema.org's ClaimReview and Google's fact-check guidelines: `claimReviewed`, `url`
and a `reviewRating` whose `alternateName` states the status in words are required;
`itemReviewed` (a Claim with its author and where it appeared), `author` and `datePublished`
are recommended. No numeric rating is given: a status says how a claim is sourced, not how
true it is, so a number would invent a verdict the knowledge base does not make.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.core.i18n import N_, Texts, texts
from bot.core.models import Entry, Source, SourceKind, Status

CLAIM_TAG = "article-claim"

# Kinds whose publisher holds the data or record: the claim is the outlet's that cited it.
_CITED_KINDS = {SourceKind.AGENCY_DATA, SourceKind.OFFICIAL_RECORD}


@dataclass(frozen=True)
class Publisher:
    """Who runs the bot and publishes the reviews (from settings)."""

    name: str
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        return _organization(self.name, self.url)


def reviews_claim(entry: Entry) -> bool:
    """Entries tagged as the article's claims are reviews; context facts are not."""
    return CLAIM_TAG in entry.tags


def verdict(entry: Entry, words: Texts | None = None) -> str:
    """The status in words, as a reader of a search result needs it, in `words`' language."""
    return (words or texts()).gettext(_verdict(entry))


def _verdict(entry: Entry) -> str:
    if entry.status is Status.REPORTED_UNCONFIRMED:
        kinds = {source.kind for source in entry.sources}
        if SourceKind.ANONYMOUS in kinds:
            return N_("Unconfirmed: rests on anonymous sources")
        if entry.sources[0].kind is SourceKind.OUTLET_ANALYSIS:
            return N_("Unconfirmed: the outlet's own analysis")
        if entry.sources[0].kind is SourceKind.UNATTRIBUTED:
            return N_("Unconfirmed: the outlet names no source")
        return N_("Unconfirmed: not confirmed on the record")
    if entry.status is Status.CONFIRMED_ON_RECORD:
        return N_("Confirmed on the record")
    if entry.status is Status.PARTLY_CORROBORATED:
        return N_(
            "Partly corroborated: later on-the-record reporting or records bear out part of it"
        )
    if entry.status is Status.DISPUTED:
        return N_("Disputed")
    if entry.status is Status.RETRACTED:
        return N_("Retracted by the outlet that reported it")
    return N_("Compared with the public record")


class Relays:
    """Finds the page of an outlet's re-report: a source elsewhere in the knowledge base from
    that outlet, on that date, with a link — used only when exactly one such page exists."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._pages: dict[tuple[str, dt.date], set[tuple[str, str]]] = {}
        for entry in entries:
            for source in entry.sources:
                if source.url is not None and source.date is not None:
                    key = (source.publisher, source.date)
                    self._pages.setdefault(key, set()).add((source.title, str(source.url)))

    def work(self, outlet: str, day: dt.date | None) -> dict[str, Any]:
        found = self._pages.get((outlet, day), set()) if day else set()
        if len(found) == 1:
            ((title, url),) = found
            return _work(title, outlet, day, url)
        return _work(None, outlet, day, None)


def claim_review(
    entry: Entry,
    *,
    url: str,
    publisher: Publisher,
    published: dt.date,
    modified: dt.date,
    relays: Relays,
    lang: str = "en",
) -> dict[str, Any]:
    """The ClaimReview object for one entry (call only when `reviews_claim(entry)`), as the
    page in `lang` gives it: its rating and review in that language (English words for an
    untranslated entry). `claimReviewed` stays the claim as the English-language reporting
    made it: the knowledge base keeps no translated summary of a claim, and a claim is
    reviewed as it was made."""
    words = verdict(entry, texts(lang))
    own = entry.in_language(lang) or entry
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": entry.claim or entry.question,
        "itemReviewed": _claim(entry, relays),
        "reviewRating": {"@type": "Rating", "alternateName": words, "name": words},
        "reviewBody": own.answer,
        "author": publisher.to_json(),
        "publisher": publisher.to_json(),
        "datePublished": published.isoformat(),
        "dateModified": modified.isoformat(),
        "inLanguage": lang,
    }


def _claim(entry: Entry, relays: Relays) -> dict[str, Any]:
    """The claim as it appeared: by convention an article-claim entry lists first the source
    in which the claim appears; its `via` is the outlet that relayed it."""
    first = entry.sources[0]
    if first.kind in _CITED_KINDS and first.via:
        author = first.via
        first_work = relays.work(first.via, first.date)
    else:
        author = first.publisher
        first_work = _source_work(first)
    appearances = [first_work]
    if first.via and first.via != author:
        appearances.append(relays.work(first.via, first.date))
    claim: dict[str, Any] = {
        "@type": "Claim",
        "author": _organization(author, None),
        "firstAppearance": first_work,
        "appearance": appearances,
    }
    if first.date is not None:
        claim["datePublished"] = first.date.isoformat()
    return claim


def _source_work(source: Source) -> dict[str, Any]:
    url = str(source.url) if source.url is not None else None
    return _work(source.title, source.publisher, source.date, url)


def _work(name: str | None, publisher: str, day: dt.date | None, url: str | None) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "publisher": _organization(publisher, None)}
    if name:
        work["name"] = name
    if day is not None:
        work["datePublished"] = day.isoformat()
    if url:
        work["url"] = url
    return work


def _organization(name: str, url: str | None) -> dict[str, Any]:
    organization: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        organization["url"] = url
    return organization
