"""What each page shows, in one language: the index's topics and an entry page's parts.

An entry without words in the page's language shows its English words, marked `lang="en"`,
with the bot's one-line note saying so.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from bot.core.engine import Engine
from bot.core.i18n import N_, texts
from bot.core.languages import SOURCE_LANGUAGE, languages, topic_title
from bot.core.models import STATUS_LABELS, Entry, SourceKind
from bot.site.claimreview import reviews_claim, verdict
from bot.site.history import PublicChange
from bot.site.urls import entry_path, index_path, relative

# How a source's kind is labelled beside it on an entry page.
KIND_LABELS: dict[SourceKind, str] = {
    SourceKind.ANONYMOUS: N_("Anonymous source"),
    SourceKind.NAMED_PERSON: N_("Named person"),
    SourceKind.OFFICIAL_RECORD: N_("Official record"),
    SourceKind.AGENCY_DATA: N_("Agency data"),
    SourceKind.OUTLET_ANALYSIS: N_("Outlet's own analysis"),
    SourceKind.UNATTRIBUTED: N_("No source named"),
}


@dataclass(frozen=True)
class EntryRecord:
    """An entry with what the site shows beyond the entry itself."""

    entry: Entry
    topic_key: str
    topic: str
    published: dt.date
    modified: dt.date
    histories: dict[str, list[PublicChange]]  # language -> the public history told in it


def alternates(path_of: dict[str, str], here: str, absolute: dict[str, str | None]) -> list[Any]:
    """The page in every language (hreflang links and the language switch), English also as
    `x-default`. `path_of`: language -> path from the root; `absolute`: the same as addresses
    when the site has one (search engines want full addresses in hreflang)."""
    found = []
    for code, path in path_of.items():
        href = absolute[code] or relative(path, here)
        found.append(
            {
                "lang": code,
                "href": href,
                "link": relative(path, here),
                "name": languages()[code].name,
                "current": path == here,
            }
        )
    default = next(item for item in found if item["lang"] == SOURCE_LANGUAGE)
    return [*found, {**default, "lang": "x-default", "current": False}]


def index_topics(records: list[EntryRecord], lang: str) -> list[dict[str, Any]]:
    topics: dict[str, dict[str, Any]] = {}
    said = texts(lang)
    for record in records:
        title = topic_title(record.topic_key, record.topic, lang)
        topic = topics.setdefault(
            record.topic_key,
            {
                "key": record.topic_key,
                "title": title,
                "lang": _title_lang(title, record),
                "items": [],
            },
        )
        entry = record.entry
        own = entry.in_language(lang)
        words = own or entry
        topic["items"].append(
            {
                "href": relative(entry_path(entry.id, lang), index_path(lang)),
                "question": words.question,
                "lang": None if own else SOURCE_LANGUAGE,
                "status": said.gettext(STATUS_LABELS[entry.status]),
                "anonymous": entry.anonymous_sourcing,
                "search": search_text(
                    [words.question, *words.paraphrases, *entry.tags, title, record.topic, entry.id]
                ),
            }
        )
    return list(topics.values())


def _title_lang(title: str, record: EntryRecord) -> str | None:
    """ "en" for a topic title shown in English on a page in another language (not translated
    yet), else None: the page's own language."""
    return SOURCE_LANGUAGE if title == record.topic else None


def search_text(texts: list[str]) -> str:
    """Lower-case words without accents, as the filter script compares them."""
    folded = unicodedata.normalize("NFKD", " ".join(texts).lower())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def entry_context(
    record: EntryRecord, by_id: dict[str, EntryRecord], engine: Engine, lang: str
) -> dict[str, Any]:
    entry = record.entry
    answer = engine.answer_for_entry(entry.id, language=lang)
    assert answer is not None  # the record came from the same engine a moment ago
    said = texts(lang)
    own = entry.in_language(lang)
    words = own or entry
    here = entry_path(entry.id, lang)
    return {
        "entry": entry,
        "question": words.question,
        "words_lang": None if own else SOURCE_LANGUAGE,  # set when the words are not `lang`
        "not_translated": answer.not_translated_note,
        "topic": topic_title(record.topic_key, record.topic, lang),
        "topic_lang": _title_lang(topic_title(record.topic_key, record.topic, lang), record),
        "topic_key": record.topic_key,
        "index": relative(index_path(lang), here),
        "paragraphs": [p.strip() for p in words.answer.split("\n\n") if p.strip()],
        "status": said.gettext(STATUS_LABELS[entry.status]),
        "verdict": verdict(entry, said) if reviews_claim(entry) else None,
        "warning": answer.warning,
        "status_update": answer.update,
        "sources": [
            {
                "citation": citation,
                "kind": said.gettext(KIND_LABELS[citation.kind]),
                "no_link_reason": source.no_url_reason,
            }
            for source, citation in zip(entry.sources, answer.citations, strict=True)
        ],
        "history": list(reversed(record.histories[lang])),
        "published": record.published,
        "modified": record.modified,
        "related": [_related(by_id[r].entry, lang, here) for r in entry.related if r in by_id],
    }


def _related(entry: Entry, lang: str, here: str) -> dict[str, Any]:
    own = entry.in_language(lang)
    return {
        "href": relative(entry_path(entry.id, lang), here),
        "question": (own or entry).question,
        "lang": None if own else SOURCE_LANGUAGE,
    }
