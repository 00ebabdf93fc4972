"""`policybot site build DIR`: the static knowledge site, rendered from the live knowledge base.

One page per entry and language at a stable address (`urls.entry_path`), an index per language
grouped by topic with a client-side filter, and the ClaimReview objects also used by
`kb export --format claimreview`. English is at the root, every other language in its own
folder (`es/`); each page links to its versions in the other languages (`hreflang` and a
visible switch). Templates are Jinja2 with autoescape on, so knowledge text is always shown as
text; their words come from the bot's gettext catalogues (bot/core/i18n.py).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from bot.core.engine import Engine
from bot.core.i18n import N_, texts
from bot.core.languages import languages
from bot.site.claimreview import Publisher, Relays, claim_review, reviews_claim
from bot.site.history import public_history, revision_day
from bot.site.pages import EntryRecord, alternates, entry_context, index_topics
from bot.site.urls import ENTRY_FOLDER, entry_path, index_path, language_folder

if TYPE_CHECKING:
    from bot.settings import Settings

ASSETS = ("site.css", "filter.js", "favicon.svg")
ASSET_FOLDER = "assets"
# A page's path from the site root in a given language.
PathIn = Callable[[str], str]
SITE_TITLE = N_("The ICE check-in app report: what is known, and who says so")


@dataclass(frozen=True)
class SiteConfig:
    site_url: str | None = None  # where the site is published; None: relative addresses only
    publisher: Publisher = field(default_factory=lambda: Publisher("policybot moderators"))

    @classmethod
    def from_settings(cls, settings: Settings) -> SiteConfig:
        author_url = str(settings.site_author_url) if settings.site_author_url else None
        return cls(settings.site_address(), Publisher(settings.site_author, author_url))


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
            histories = {
                code: public_history(revisions, titles, texts(code)) for code in languages()
            }
            records.append(EntryRecord(entry, topic.key, topic.title, days[0], days[-1], histories))
    return records


def claim_reviews(
    records: list[EntryRecord], config: SiteConfig, lang: str = "en"
) -> dict[str, dict[str, Any]]:
    """Entry id -> its ClaimReview as the page in `lang` gives it, for the entries that review
    a claim."""
    relays = Relays(record.entry for record in records)
    return {
        record.entry.id: claim_review(
            record.entry,
            url=_absolute(config, entry_path(record.entry.id, lang))
            or entry_path(record.entry.id, lang),
            publisher=config.publisher,
            published=record.published,
            modified=record.modified,
            relays=relays,
            lang=lang,
        )
        for record in records
        if reviews_claim(record.entry)
    }


async def build_site(engine: Engine, out: Path, config: SiteConfig) -> BuiltSite:
    """Render the whole site into `out`; pages of entries that no longer exist are removed.

    Each file is replaced in one step, so a server reading `out` never sees half a page.
    """
    records = await collect(engine)
    pages: dict[str, str] = {}
    reviews = 0
    for code in languages():
        language_pages, language_reviews = _language_pages(code, records, engine, config)
        pages.update(language_pages)
        reviews += language_reviews
    if config.site_url:  # search engines find the pages through it; it needs full addresses
        pages["sitemap.xml"] = _sitemap(records, config)
    _write(out, pages)
    if "sitemap.xml" not in pages:
        (out / "sitemap.xml").unlink(missing_ok=True)
    return BuiltSite(pages=len(pages), claim_reviews=reviews)


def _language_pages(
    lang: str, records: list[EntryRecord], engine: Engine, config: SiteConfig
) -> tuple[dict[str, str], int]:
    reviews = claim_reviews(records, config, lang)
    templates = _environment(lang)
    by_id = {record.entry.id: record for record in records}
    home = index_path(lang)
    common = {
        "lang": lang,
        "site_title": texts(lang).gettext(SITE_TITLE),
        "publisher": config.publisher,
        "as_of": _day(engine.as_of, lang),
    }
    pages: dict[str, str] = {
        home: templates.get_template("index.html").render(
            common,
            root=_root(home),
            home="index.html",
            canonical=_absolute(config, home),
            alternates=_alternates(config, index_path, home),
            topics=index_topics(records, lang),
            count=len(records),
        )
    }
    for record in records:
        entry_id = record.entry.id
        path = entry_path(entry_id, lang)
        pages[path] = templates.get_template("entry.html").render(
            common,
            root=_root(path),
            home="../index.html",
            canonical=_absolute(config, path),
            alternates=_alternates(config, _entry_path_of(entry_id), path),
            page=entry_context(record, by_id, engine, lang),
            claim_review=reviews.get(entry_id),
        )
    return pages, len(reviews)


def _alternates(config: SiteConfig, path_in: PathIn, here: str) -> list[Any]:
    paths = {code: path_in(code) for code in languages()}
    return alternates(paths, here, {code: _absolute(config, p) for code, p in paths.items()})


def _root(path: str) -> str:
    """The way from a page back to the site root (where the shared assets are)."""
    return "../" * path.count("/")


def _sitemap(records: list[EntryRecord], config: SiteConfig) -> str:
    """Every page in every language, each with its versions in the others (hreflang)."""
    newest = max((record.modified for record in records), default=None)
    groups: list[tuple[PathIn, dt.date | None]] = [(index_path, newest)]
    groups += [(_entry_path_of(r.entry.id), r.modified) for r in records]
    urls = []
    for path_in, lastmod in groups:
        versions = {code: _absolute(config, path_in(code)) for code in languages()}
        for code in languages():
            urls.append({"loc": versions[code], "lastmod": lastmod, "alternates": versions})
    return _environment("en").get_template("sitemap.xml").render(pages=urls)


def _entry_path_of(entry_id: str) -> PathIn:
    return lambda code: entry_path(entry_id, code)


def _environment(lang: str) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("bot.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    said = texts(lang)
    environment.install_gettext_callables(  # type: ignore[attr-defined]
        said.gettext, said.ngettext, newstyle=True
    )
    environment.filters["day"] = lambda day: _day(day, lang)
    environment.filters["sentence"] = lambda text: text[:1].upper() + text[1:]
    return environment


def _day(day: dt.date | None, lang: str) -> str:
    return texts(lang).date(day) if day else ""


def _absolute(config: SiteConfig, path: str) -> str | None:
    return f"{config.site_url.rstrip('/')}/{path}" if config.site_url else None


def _write(out: Path, pages: dict[str, str]) -> None:
    for code in languages():
        (out / language_folder(code) / ENTRY_FOLDER).mkdir(parents=True, exist_ok=True)
    (out / ASSET_FOLDER).mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        text = resources.files("bot.site").joinpath("static", name).read_text(encoding="utf-8")
        _replace(out / ASSET_FOLDER / name, text)
    for path, text in pages.items():
        _replace(out / path, text)
    for code in languages():
        folder = f"{language_folder(code)}{ENTRY_FOLDER}"
        for stale in (out / folder).glob("*.html"):
            if f"{folder}/{stale.name}" not in pages:
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
