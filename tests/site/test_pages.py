"""The site built from the shipped knowledge: a page per entry, links that resolve, the
anonymous-sourcing notice, public history, and knowledge text always shown as text."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest

from bot.core.engine import Engine
from bot.core.languages import languages
from bot.settings import SHIPPED_KNOWLEDGE
from bot.site.build import SiteConfig, build_site
from bot.site.urls import entry_path, entry_url

from .conftest import CONFIG, SHIPPED, build_shipped, html_pages, read_page


def _index(lang: str) -> str:
    """The index page of a language's tree: English at the root, the others under their code."""
    return "index.html" if lang == "en" else f"{lang}/index.html"


def test_every_entry_has_a_page_at_its_stable_address(shipped_site: Path) -> None:
    pages = {p.relative_to(shipped_site).as_posix() for p in html_pages(shipped_site)}
    assert pages == {_index(lang) for lang in languages()} | {
        entry_path(entry_id, lang) for entry_id in SHIPPED.entries for lang in languages()
    }
    assert entry_url("https://example.org/kb/", "enrolled-45") == (
        "https://example.org/kb/answers/enrolled-45.html"
    )
    assert entry_url("https://example.org/kb/", "enrolled-45", "es") == (
        "https://example.org/kb/es/answers/enrolled-45.html"
    )
    assert entry_url(None, "enrolled-45") is None


def test_every_link_between_pages_resolves(shipped_site: Path) -> None:
    checked = dict.fromkeys(languages(), 0)
    for path in html_pages(shipped_site):
        page = read_page(path)
        tree = path.relative_to(shipped_site).parts[0]
        lang = tree if tree in languages() else "en"
        assert page.lang == lang
        for link in page.links:
            if urlparse(link).scheme in {"http", "https"}:
                continue  # sources and the canonical address: outside the built folder
            target, fragment = urldefrag(link)
            resolved = (path.parent / target).resolve() if target else path
            assert resolved.is_file(), f"{path.name}: broken link {link}"
            assert shipped_site.resolve() in resolved.parents
            if fragment:
                assert fragment in read_page(resolved).ids, f"{path.name}: no #{fragment}"
            checked[lang] += 1
    assert checked["en"] > 200 and checked["es"] > 200


def test_the_index_lists_every_entry_under_its_topic(shipped_site: Path) -> None:
    page = read_page(shipped_site / "index.html")
    hrefs = [link for link in page.links if link.startswith("answers/")]
    assert "es/index.html" in page.links  # the language switch
    assert sorted(hrefs) == sorted(entry_path(entry_id) for entry_id in SHIPPED.entries)
    for topic in SHIPPED.topics.values():
        assert topic in page.visible_text
    assert f"Filter the {len(SHIPPED.entries)} answers" in page.visible_text


def test_without_javascript_the_index_is_a_plain_full_list(shipped_site: Path) -> None:
    raw = (shipped_site / "index.html").read_text(encoding="utf-8")
    assert '<form id="filter" class="filter" role="search" hidden>' in raw  # shown by the script
    assert raw.count("<li data-search=") == len(SHIPPED.entries)
    assert "<li data-search" in raw and "<li hidden" not in raw


def test_an_anonymous_entry_page_shows_notice_sources_status_and_history(
    shipped_site: Path,
) -> None:
    page = read_page(shipped_site / entry_path("enrolled-45"))
    text = page.visible_text
    assert "Anonymous sources This rests on anonymous sources" in text
    assert "not been confirmed on the record" in text
    assert "Anonymous source New York Post" in text
    assert "Citing a source; relayed by Newsmax." in text
    (source,) = SHIPPED.entries["enrolled-45"].entry.sources
    assert source.url is None and f"(no link: {source.no_url_reason})" in text
    assert "Reported, not confirmed on the record" in text
    assert "as of 12 July 2024" in text
    assert "First published." in text
    assert "Is this confirmed?" in text  # a related entry, linked
    assert "is-it-confirmed.html" in page.links


def test_only_anonymously_sourced_entries_carry_the_notice(shipped_site: Path) -> None:
    for entry_id, placed in SHIPPED.entries.items():
        text = read_page(shipped_site / entry_path(entry_id)).visible_text
        assert ("This rests on anonymous sources" in text) == placed.entry.anonymous_sourcing


def test_sources_show_kind_publisher_date_and_link(shipped_site: Path) -> None:
    page = read_page(shipped_site / entry_path("eo-2500-claim"))
    assert "Official record Federal Register (Executive Office of the President)" in (
        page.visible_text
    )
    assert "7 June 2024" in page.visible_text
    assert "https://www.govinfo.gov/content/pkg/FR-2024-06-07/html/2024-12647.htm" in page.links


async def _edited_site(tmp_path: Path, hostile: str) -> Path:
    async with Engine.open(tmp_path / "db.sqlite3", SHIPPED_KNOWLEDGE) as engine:
        entry = engine.entry("enrolled-45")
        assert entry is not None
        source = entry.sources[0].model_dump(mode="json", exclude_none=True)
        await engine.edit_entry(
            "enrolled-45",
            {
                "question": f"How many were enrolled? {hostile}",
                "claim": f"45 enrolled {hostile}",
                "answer": f"{entry.answer} {hostile}",
                "sources": [{**source, "publisher": f"Post {hostile}", "title": hostile}],
                "status": "disputed",
                "translations": {},  # a changed English answer no longer matches its translation
            },
            author="Jane Moderator",
            reason="Jane Moderator's fix after a call with Sam",
        )
        await build_site(engine, tmp_path / "site", CONFIG)
    return tmp_path / "site"


HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)">'


async def test_knowledge_text_is_shown_as_text_never_as_markup(tmp_path: Path) -> None:
    site = await _edited_site(tmp_path, HOSTILE)
    for path in html_pages(site):
        raw = path.read_text(encoding="utf-8")
        assert "<script>alert" not in raw and "<img" not in raw, path.name
    page_path = site / entry_path("enrolled-45")
    raw = page_path.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in raw
    page = read_page(page_path)
    assert HOSTILE in page.visible_text  # what a reader sees: the text exactly as typed
    (review,) = page.json_ld
    assert review["claimReviewed"] == f"45 enrolled {HOSTILE}"  # intact once JSON is parsed
    assert HOSTILE in read_page(site / "index.html").visible_text


async def test_history_says_what_changed_and_when_but_not_who_or_why(tmp_path: Path) -> None:
    site = await _edited_site(tmp_path, "(edited)")
    raw = (site / entry_path("enrolled-45")).read_text(encoding="utf-8")
    text = read_page(site / entry_path("enrolled-45")).visible_text
    for change in (
        "Question reworded",
        "Summary of the claim reworded",
        "Answer revised",
        "Status changed from “Reported, not confirmed on the record” to “Disputed”",
        "Source added: Post (edited), “(edited)”",
        "Source removed: New York Post",
        "First published.",
    ):
        assert change in text
    assert "Jane" not in raw and "Sam" not in raw and "seed" not in raw


async def test_a_rebuild_removes_pages_of_deleted_entries(tmp_path: Path) -> None:
    site = tmp_path / "site"
    await build_shipped(tmp_path / "db.sqlite3", site)
    async with Engine.open(tmp_path / "db.sqlite3", SHIPPED_KNOWLEDGE) as engine:
        referrers = [e for e in engine.entries() if "election-framing" in e.related]
        for entry in referrers:
            related = [r for r in entry.related if r != "election-framing"]
            await engine.edit_entry(entry.id, {"related": related}, author="t", reason="t")
        await engine.delete_entry("election-framing", author="t", reason="t")
        await build_site(engine, site, SiteConfig())
    assert not (site / entry_path("election-framing")).exists()
    assert "election-framing" not in (site / "index.html").read_text(encoding="utf-8")
    assert not list(site.rglob(".*.tmp"))


def test_building_twice_gives_the_same_files(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    asyncio.run(build_shipped(tmp_path / "db.sqlite3", first))
    asyncio.run(build_shipped(tmp_path / "db.sqlite3", second))
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes()


@pytest.mark.parametrize("entry_id", ["enrolled-45", "about-this-bot"])
def test_pages_carry_their_canonical_address(shipped_site: Path, entry_id: str) -> None:
    page = read_page(shipped_site / entry_path(entry_id))
    assert entry_url(CONFIG.site_url, entry_id) in page.links


def test_the_sitemap_lists_every_page_with_its_last_change(shipped_site: Path) -> None:
    import xml.etree.ElementTree as ET

    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(shipped_site / "sitemap.xml").getroot()
    locations = [u.findtext("s:loc", namespaces=namespace) for u in root]
    expected = [
        entry_url(CONFIG.site_url, i, lang) for i in SHIPPED.entries for lang in languages()
    ]
    indexes = [f"{CONFIG.site_url}{_index(lang)}" for lang in languages()]
    assert sorted(locations) == sorted([*indexes, *expected])
    for url in root:
        assert url.findtext("s:lastmod", namespaces=namespace)


async def test_without_a_site_address_there_is_no_sitemap(tmp_path: Path) -> None:
    await build_shipped(tmp_path / "db.sqlite3", tmp_path / "site")
    await build_shipped(tmp_path / "db.sqlite3", tmp_path / "site", SiteConfig())
    assert not (tmp_path / "site" / "sitemap.xml").exists()
