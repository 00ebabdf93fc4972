"""`policybot site build DIR`: the static knowledge site, rendered from the live knowledge base.

One page per entry at a stable address (`urls.entry_path`), an index grouped by topic with a
client-side filter, and the ClaimReview objects also used by `kb export --format claimreview`.
Templates are Jinja2 with autoescape on, so knowledge text is always shown as text; strings
go through gettext (`_`) and the language is a parameter, ready for translated pages.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from bot.core.answers import format_date
from bot.core.engine import Engine
from bot.core.models import STATUS_LABELS, Entry, SourceKind
from bot.site.claimreview import Publisher, Relays, claim_review, reviews_claim, verdict
from bot.site.history import PublicChange, public_history, revision_day
from bot.site.urls import ENTRY_FOLDER, entry_path, entry_url

if TYPE_CHECKING:
    from bot.settings import Settings

ASSETS = ("site.css", "filter.js", "favicon.svg")
ASSET_FOLDER = "assets"
SITE_TITLE = "The ICE check-in app report: what is known, and who says so"

KIND_LABELS: dict[SourceKind, str] = {
    SourceKind.ANONYMOUS: "Anonymous source",
    SourceKind.NAMED_PERSON: "Named person",
    SourceKind.OFFICIAL_RECORD: "Official record",
    SourceKind.AGENCY_DATA: "Agency data",
    SourceKind.OUTLET_ANALYSIS: "Outlet's own analysis",
    SourceKind.UNATTRIBUTED: "No source named",
}


@dataclass(frozen=True)
class SiteConfig:
    site_url: str | None = None  # where the site is published; None: relative addresses only
    publisher: Publisher = field(default_factory=lambda: Publisher("policybot moderators"))
    lang: str = "en"

    @classmethod
    def from_settings(cls, settings: Settings) -> SiteConfig:
        author_url = str(settings.site_author_url) if settings.site_author_url else None
        return cls(settings.site_address(), Publisher(settings.site_author, author_url))


@dataclass(frozen=True)
class EntryRecord:
    """An entry with what the site shows beyond the entry itself."""

    entry: Entry
    topic_key: str
    topic: str
    published: dt.date
    modified: dt.date
    history: list[PublicChange]


@dataclass(frozen=True)
class BuiltSite:
    pages: int
    claim_reviews: int


async def collect(engine: Engine) -> list[EntryRecord]:
    """Every live entry with its topic and public history, in topic order."""
    topics = engine.entries_by_topic()
    titles = {topic.key: topic.title for topic in topics}
    records = []
    for topic in topics:
        for entry in topic.entries:
            revisions = await engine.history(entry.id)
            days = [revision_day(r) for r in revisions] or [entry.as_of]
            history = public_history(revisions, titles)
            records.append(EntryRecord(entry, topic.key, topic.title, days[0], days[-1], history))
    return records


def claim_reviews(records: list[EntryRecord], config: SiteConfig) -> dict[str, dict[str, Any]]:
    """Entry id -> its ClaimReview, for the entries that review a claim."""
    relays = Relays(record.entry for record in records)
    return {
        record.entry.id: claim_review(
            record.entry,
            url=entry_url(config.site_url, record.entry.id) or entry_path(record.entry.id),
            publisher=config.publisher,
            published=record.published,
            modified=record.modified,
            relays=relays,
            lang=config.lang,
        )
        for record in records
        if reviews_claim(record.entry)
    }


async def build_site(engine: Engine, out: Path, config: SiteConfig) -> BuiltSite:
    """Render the whole site into `out`; pages of entries that no longer exist are removed.

    Each file is replaced in one step, so a server reading `out` never sees half a page.
    """
    records = await collect(engine)
    reviews = claim_reviews(records, config)
    templates = _environment()
    by_id = {record.entry.id: record for record in records}
    common = {
        "lang": config.lang,
        "alternates": [],  # (lang, href) of translations, once pages exist in other languages
        "site_title": SITE_TITLE,
        "publisher": config.publisher,
        "as_of": _day(engine.as_of),
    }
    pages: dict[str, str] = {
        "index.html": templates.get_template("index.html").render(
            common,
            root="",
            canonical=_absolute(config, "index.html"),
            topics=_index_topics(records),
            count=len(records),
        )
    }
    for record in records:
        path = entry_path(record.entry.id)
        pages[path] = templates.get_template("entry.html").render(
            common,
            root="../",
            canonical=_absolute(config, path),
            page=_entry_context(record, by_id, engine),
            claim_review=reviews.get(record.entry.id),
        )
    if config.site_url:  # search engines find the pages through it; it needs full addresses
        pages["sitemap.xml"] = templates.get_template("sitemap.xml").render(
            pages=[{"loc": _absolute(config, "index.html"), "lastmod": _newest(records)}]
            + [
                {"loc": _absolute(config, entry_path(r.entry.id)), "lastmod": r.modified}
                for r in records
            ]
        )
    _write(out, pages)
    if "sitemap.xml" not in pages:
        (out / "sitemap.xml").unlink(missing_ok=True)
    return BuiltSite(pages=len(pages), claim_reviews=len(reviews))


def _newest(records: list[EntryRecord]) -> dt.date | None:
    return max((record.modified for record in records), default=None)


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("bot.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    environment.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    environment.filters["day"] = _day
    environment.filters["sentence"] = lambda text: text[:1].upper() + text[1:]
    return environment


def _day(day: dt.date | None) -> str:
    return format_date(day) if day else ""


def _absolute(config: SiteConfig, path: str) -> str | None:
    return f"{config.site_url.rstrip('/')}/{path}" if config.site_url else None


def _index_topics(records: list[EntryRecord]) -> list[dict[str, Any]]:
    topics: dict[str, dict[str, Any]] = {}
    for record in records:
        topic = topics.setdefault(
            record.topic_key, {"key": record.topic_key, "title": record.topic, "items": []}
        )
        entry = record.entry
        topic["items"].append(
            {
                "href": entry_path(entry.id),
                "question": entry.question,
                "status": STATUS_LABELS[entry.status],
                "anonymous": entry.anonymous_sourcing,
                "search": _search_text(
                    [entry.question, *entry.paraphrases, *entry.tags, record.topic, entry.id]
                ),
            }
        )
    return list(topics.values())


def _search_text(texts: list[str]) -> str:
    """Lower-case words without accents, as the filter script compares them."""
    folded = unicodedata.normalize("NFKD", " ".join(texts).lower())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def _entry_context(
    record: EntryRecord, by_id: dict[str, EntryRecord], engine: Engine
) -> dict[str, Any]:
    entry = record.entry
    answer = engine.answer_for_entry(entry.id)
    assert answer is not None  # the record came from the same engine a moment ago
    return {
        "entry": entry,
        "topic": record.topic,
        "topic_key": record.topic_key,
        "paragraphs": [p.strip() for p in entry.answer.split("\n\n") if p.strip()],
        "status": STATUS_LABELS[entry.status],
        "verdict": verdict(entry) if reviews_claim(entry) else None,
        "warning": answer.warning,
        "status_update": answer.update,
        "sources": [
            {
                "citation": citation,
                "kind": KIND_LABELS[citation.kind],
                "no_link_reason": source.no_url_reason,
            }
            for source, citation in zip(entry.sources, answer.citations, strict=True)
        ],
        "history": list(reversed(record.history)),
        "published": record.published,
        "modified": record.modified,
        "related": [
            {"href": f"../{entry_path(r)}", "question": by_id[r].entry.question}
            for r in entry.related
            if r in by_id
        ],
    }


def _write(out: Path, pages: dict[str, str]) -> None:
    (out / ENTRY_FOLDER).mkdir(parents=True, exist_ok=True)
    (out / ASSET_FOLDER).mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        text = resources.files("bot.site").joinpath("static", name).read_text(encoding="utf-8")
        _replace(out / ASSET_FOLDER / name, text)
    for path, text in pages.items():
        _replace(out / path, text)
    for stale in (out / ENTRY_FOLDER).glob("*.html"):
        if f"{ENTRY_FOLDER}/{stale.name}" not in pages:
            stale.unlink()


def _replace(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
