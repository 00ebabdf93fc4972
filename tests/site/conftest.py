"""The site built from the shipped knowledge, and helpers to read its pages."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import load_directory
from bot.settings import SHIPPED_KNOWLEDGE
from bot.site.build import BuiltSite, SiteConfig, build_site
from bot.site.claimreview import Publisher

SHIPPED = load_directory(SHIPPED_KNOWLEDGE)
# The shipped knowledge grows; the site has one page per entry plus the index.
ANSWERS = len(SHIPPED.entries)
CLAIMS = sum(1 for p in SHIPPED.entries.values() if "article-claim" in p.entry.tags)
SITE_URL = "https://example.org/policybot/"
CONFIG = SiteConfig(
    site_url=SITE_URL, publisher=Publisher("Example Community", "https://example.org/")
)


class Page(HTMLParser):
    """One page as the tests see it: links, ids, JSON-LD blocks and visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.json_ld: list[Any] = []
        self.text: list[str] = []
        self.lang: str | None = None
        self._in_json_ld = False
        self._script: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang")
        if found.get("id"):
            self.ids.add(str(found["id"]))
        for name in ("href", "src"):
            if found.get(name):
                self.links.append(str(found[name]))
        if tag == "script" and found.get("type") == "application/ld+json":
            self._in_json_ld = True
            self._script = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_json_ld:
            self.json_ld.append(json.loads("".join(self._script)))
            self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        (self._script if self._in_json_ld else self.text).append(data)

    @property
    def visible_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def html_pages(root: Path) -> Iterator[Path]:
    return iter(sorted(root.rglob("*.html")))


async def build_shipped(db: Path, out: Path, config: SiteConfig = CONFIG) -> BuiltSite:
    async with Engine.open(db, SHIPPED_KNOWLEDGE) as engine:
        return await build_site(engine, out, config)


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once from the shipped knowledge (read only: tests must not change it)."""
    base = tmp_path_factory.mktemp("shipped-site")
    asyncio.run(build_shipped(base / "db.sqlite3", base / "site"))
    return base / "site"
