"""The Spanish site beside the English one: the entries' Spanish words and the bot's Spanish
labels and dates, reciprocal hreflang links and a visible language switch on every page,
Spanish ClaimReview, the sitemap's alternates, and Spanish text always shown as text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest

from bot.core.answers import NOT_TRANSLATED_NOTE, message
from bot.core.engine import Engine
from bot.core.i18n import texts
from bot.core.languages import languages
from bot.settings import SHIPPED_KNOWLEDGE
from bot.site.build import build_site
from bot.site.claimreview import reviews_claim, verdict
from bot.site.urls import answer_page_url, entry_path, entry_url

from .conftest import CONFIG, SHIPPED, SITE_URL, html_pages, read_page

ES = texts("es")


def _hreflang(path: Path) -> dict[str, str]:
    """hreflang -> address, from the page's <link rel="alternate"> elements."""
    raw = path.read_text(encoding="utf-8")
    head = raw[: raw.index("</head>")]
    found = {}
    for line in head.splitlines():
        if line.startswith('<link rel="alternate"'):
            page = read_page_fragment(line)
            found[page[0]] = page[1]
    return found


def read_page_fragment(line: str) -> tuple[str, str]:
    lang = line.split('hreflang="', 1)[1].split('"', 1)[0]
    href = line.split('href="', 1)[1].split('"', 1)[0]
    return lang, href


def test_every_entry_has_a_spanish_page_in_its_words(shipped_site: Path) -> None:
    for entry_id, placed in SHIPPED.entries.items():
        entry = placed.entry
        spanish = entry.in_language("es")
        assert spanish is not None, f"{entry_id} has no Spanish words"
        page = read_page(shipped_site / entry_path(entry_id, "es"))
        assert page.lang == "es"
        text = page.visible_text
        assert spanish.question in text
        first = " ".join(spanish.answer.split("\n\n")[0].split())
        assert first in text
        assert ES.gettext("Sources") in text and "Saltar al contenido" in text
        assert ES.gettext("How this answer changed") in text
        assert "%(" not in text and "{" not in text  # every placeholder filled
        assert entry.question not in text  # the English question is not shown


def test_a_spanish_anonymous_entry_page_has_notice_labels_dates_and_sources(
    shipped_site: Path,
) -> None:
    page = read_page(shipped_site / entry_path("enrolled-45", "es"))
    text = page.visible_text
    assert "Fuentes anónimas Esto se basa en fuentes anónimas" in text
    assert "Fuente anónima New York Post" in text  # the kind in Spanish, publisher as published
    assert "Report on ICE check-in app (original headline not verified)" in text  # title as is
    assert "difundido por Newsmax" in text
    assert "Publicado, sin confirmación oficial" in text
    assert "al 12 de julio de 2024" in text and "July" not in text
    assert "Primera publicación." in text
    assert "¿Esto está confirmado?" in text and "is-it-confirmed.html" in page.links
    assert "Sin confirmar: se basa en fuentes anónimas" in text


def test_only_anonymously_sourced_entries_carry_the_spanish_notice(shipped_site: Path) -> None:
    for entry_id, placed in SHIPPED.entries.items():
        text = read_page(shipped_site / entry_path(entry_id, "es")).visible_text
        assert ("Esto se basa en fuentes anónimas" in text) == placed.entry.anonymous_sourcing


def test_the_spanish_index_lists_every_entry_in_spanish(shipped_site: Path) -> None:
    page = read_page(shipped_site / "es" / "index.html")
    assert page.lang == "es"
    hrefs = [link for link in page.links if link.startswith("answers/")]
    assert sorted(hrefs) == sorted(entry_path(entry_id) for entry_id in SHIPPED.entries)
    for placed in SHIPPED.entries.values():
        assert placed.entry.in_language("es").question in page.visible_text  # type: ignore[union-attr]
    assert f"Filtrar las {len(SHIPPED.entries)} respuestas" in page.visible_text
    raw = (shipped_site / "es" / "index.html").read_text(encoding="utf-8")
    assert 'data-shown="Se muestran {shown} de {total} respuestas"' in raw
    assert "../assets/filter.js" in page.links and "../index.html" in page.links


def _pairs(site: Path) -> list[tuple[Path, Path]]:
    pairs = [(site / "index.html", site / "es" / "index.html")]
    pairs += [
        (site / entry_path(entry_id), site / entry_path(entry_id, "es"))
        for entry_id in SHIPPED.entries
    ]
    return pairs


def test_hreflang_links_are_reciprocal_and_absolute(shipped_site: Path) -> None:
    for english, spanish in _pairs(shipped_site):
        en_url = SITE_URL + english.relative_to(shipped_site).as_posix()
        es_url = SITE_URL + spanish.relative_to(shipped_site).as_posix()
        expected = {"en": en_url, "es": es_url, "x-default": en_url}
        # Each lists itself and the other (and any further language's version: data only).
        assert _hreflang(english).items() >= expected.items(), english
        assert _hreflang(english) == _hreflang(spanish), spanish
        assert set(_hreflang(english)) == {*languages(), "x-default"}


def test_every_page_links_to_its_other_language_version(shipped_site: Path) -> None:
    for english, spanish in _pairs(shipped_site):
        for here, there in ((english, spanish), (spanish, english)):
            page = read_page(here)
            switch = [
                link for link in page.links if (here.parent / link).resolve() == there.resolve()
            ]
            assert switch, f"{here}: no link to {there}"


def test_no_spanish_page_links_into_the_english_tree_except_its_switch(
    shipped_site: Path,
) -> None:
    other_trees = [f"/{code}/" for code in languages() if code != "en"]  # es, and any added
    for path in html_pages(shipped_site / "es"):
        page = read_page(path)
        english = [
            link
            for link in page.links
            if not link.startswith("http")
            and not any(t in (path.parent / link).resolve().as_posix() + "/" for t in other_trees)
            and "/assets/" not in link
        ]
        assert len(english) == 1, (path, english)  # the language switch, and nothing else


@pytest.mark.parametrize(
    "entry_id", sorted(i for i, p in SHIPPED.entries.items() if reviews_claim(p.entry))
)
def test_spanish_claim_review_is_the_spanish_pages(shipped_site: Path, entry_id: str) -> None:
    entry = SHIPPED.entries[entry_id].entry
    (english,) = read_page(shipped_site / entry_path(entry_id)).json_ld
    (spanish,) = read_page(shipped_site / entry_path(entry_id, "es")).json_ld
    assert english["inLanguage"] == "en" and spanish["inLanguage"] == "es"
    assert spanish["url"] == entry_url(SITE_URL, entry_id, "es")
    assert spanish["reviewRating"]["alternateName"] == verdict(entry, ES)
    assert spanish["reviewBody"] == entry.in_language("es").answer  # type: ignore[union-attr]
    # The claim is reviewed as the English-language reporting made it.
    assert spanish["claimReviewed"] == english["claimReviewed"] == entry.claim
    assert spanish["itemReviewed"] == english["itemReviewed"]


def test_the_sitemap_gives_each_page_its_alternates(shipped_site: Path) -> None:
    names = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    root = ET.parse(shipped_site / "sitemap.xml").getroot()
    seen = set()
    for url in root:
        loc = url.findtext("s:loc", namespaces=names)
        assert loc is not None
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", names)}
        assert set(links) == {*languages(), "x-default"}
        assert loc in links.values() and links["x-default"] == links["en"]
        assert links["es"] == urljoin(SITE_URL, "es/" + links["en"][len(SITE_URL) :])
        seen.add(loc)
    assert len(seen) == len(languages()) * (len(SHIPPED.entries) + 1)


# No digits: a translation may not carry numbers its English answer lacks.
HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(\'y\')">'


async def _site_with(tmp_path: Path, changes: dict[str, object]) -> Path:
    async with Engine.open(tmp_path / "db.sqlite3", SHIPPED_KNOWLEDGE) as engine:
        await engine.edit_entry("enrolled-45", changes, author="t", reason="t")
        await build_site(engine, tmp_path / "site", CONFIG)
    return tmp_path / "site"


async def test_spanish_knowledge_text_is_shown_as_text_never_as_markup(tmp_path: Path) -> None:
    entry = SHIPPED.entries["enrolled-45"].entry
    spanish = entry.translations["es"].model_dump(mode="json")
    hostile = {
        **spanish,
        "question": f"¿Cuántos se inscribieron? {HOSTILE}",
        "answer": f"{spanish['answer']} {HOSTILE}",
    }
    site = await _site_with(tmp_path, {"translations": {"es": hostile}})
    for path in html_pages(site):
        raw = path.read_text(encoding="utf-8")
        assert "<script>alert" not in raw and "<img" not in raw, path.name
    page = read_page(site / entry_path("enrolled-45", "es"))
    assert HOSTILE in page.visible_text
    assert page.json_ld[0]["reviewBody"].endswith(HOSTILE)  # intact once JSON is parsed
    assert HOSTILE in read_page(site / "es" / "index.html").visible_text
    assert "Traducciones revisadas." in page.visible_text  # the history says so, in Spanish


async def test_an_untranslated_entry_shows_its_english_words_with_the_bots_note(
    tmp_path: Path,
) -> None:
    site = await _site_with(tmp_path, {"translations": {}})
    entry = SHIPPED.entries["enrolled-45"].entry
    path = site / entry_path("enrolled-45", "es")
    page = read_page(path)
    assert page.lang == "es"  # the page's own words (labels, notice) are still Spanish
    text = page.visible_text
    assert message(NOT_TRANSLATED_NOTE, "es") in text
    assert entry.question in text and "Fuentes anónimas" in text
    raw = path.read_text(encoding="utf-8")
    assert f'<h1 lang="en">{entry.question}</h1>' in raw.replace("&#39;", "'")
    assert '<section class="answer" aria-label="Respuesta" lang="en">' in raw
    index = (site / "es" / "index.html").read_text(encoding="utf-8")
    assert f'lang="en">{entry.question}</a>' in index
    # Translated entries carry no note.
    other = read_page(site / entry_path("is-it-confirmed", "es")).visible_text
    assert message(NOT_TRANSLATED_NOTE, "es") not in other


async def test_a_spanish_answer_links_to_the_spanish_page(tmp_path: Path) -> None:
    async with Engine.open(tmp_path / "db.sqlite3", SHIPPED_KNOWLEDGE) as engine:
        spanish = engine.answer("¿Cuántos migrantes se inscribieron en la aplicación?")
        english = engine.answer("How many migrants were enrolled in the app?")
    assert spanish.language == "es" and spanish.entry_id == english.entry_id == "enrolled-45"
    assert answer_page_url(SITE_URL, spanish) == f"{SITE_URL}es/answers/enrolled-45.html"
    assert answer_page_url(SITE_URL, english) == f"{SITE_URL}answers/enrolled-45.html"
    assert answer_page_url(None, spanish) is None
