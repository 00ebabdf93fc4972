"""ClaimReview JSON-LD on the pages of the article's claims, checked against schema.org and
Google's fact-check guidelines (required: claimReviewed, reviewRating.alternateName, url;
recommended: author, datePublished, itemReviewed as a Claim with author, datePublished,
appearance and firstAppearance), and the same objects from `kb export --format claimreview`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.core.languages import translation_languages
from bot.core.models import Entry, Status
from bot.site.claimreview import CLAIM_TAG, reviews_claim, verdict
from bot.site.urls import ENTRY_FOLDER, entry_path, language_folder

from .conftest import SHIPPED, SITE_URL, html_pages, read_page

CLAIMS = {i: p.entry for i, p in SHIPPED.entries.items() if reviews_claim(p.entry)}


def _reviews(site: Path, lang: str = "en") -> dict[str, dict[str, Any]]:
    """Entry id -> the ClaimReview its page in `lang` embeds."""
    found = {}
    for path in html_pages(site / language_folder(lang) / ENTRY_FOLDER):
        for block in read_page(path).json_ld:
            found[path.stem] = block
    return found


def _is_date(value: Any) -> bool:
    return isinstance(value, str) and dt.date.fromisoformat(value) is not None


def _check_work(work: dict[str, Any]) -> None:
    assert work["@type"] == "CreativeWork"
    assert work["publisher"]["@type"] == "Organization" and work["publisher"]["name"]
    assert _is_date(work["datePublished"])
    if "url" in work:
        assert work["url"].startswith("https://")


def test_the_articles_claims_and_only_they_carry_claim_review(shipped_site: Path) -> None:
    assert len(CLAIMS) >= 15
    assert set(_reviews(shipped_site)) == set(CLAIMS)
    assert {i for i, p in SHIPPED.entries.items() if CLAIM_TAG in p.entry.tags} == set(CLAIMS)
    assert read_page(shipped_site / entry_path("ice-portal")).json_ld == []  # a context fact


@pytest.mark.parametrize("entry_id", sorted(CLAIMS))
def test_each_shipped_claim_is_summarised_and_lists_its_reporting_first(entry_id: str) -> None:
    entry = CLAIMS[entry_id]
    assert entry.claim and not entry.claim.endswith("?")
    first = entry.sources[0]
    assert first.date is not None
    assert first.kind.value in {"anonymous", "unattributed", "outlet_analysis"} or first.via


@pytest.mark.parametrize("entry_id", sorted(CLAIMS))
def test_claim_review_has_schema_orgs_and_googles_properties(
    shipped_site: Path, entry_id: str
) -> None:
    entry = CLAIMS[entry_id]
    review = _reviews(shipped_site)[entry_id]
    # Required by Google.
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["url"] == f"{SITE_URL}{entry_path(entry_id)}"
    assert review["claimReviewed"] == entry.claim
    assert 0 < len(review["claimReviewed"]) <= 80
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"] == verdict(entry)
    # Recommended.
    assert review["author"] == {
        "@type": "Organization",
        "name": "Example Community",
        "url": "https://example.org/",
    }
    assert _is_date(review["datePublished"]) and _is_date(review["dateModified"])
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"]["@type"] == "Organization" and claim["author"]["name"]
    assert claim["datePublished"] == entry.sources[0].date.isoformat()  # type: ignore[union-attr]
    _check_work(claim["firstAppearance"])
    assert claim["appearance"][0] == claim["firstAppearance"]
    for work in claim["appearance"]:
        _check_work(work)
    # No numeric verdict is invented (see bot/site/claimreview.py).
    assert "ratingValue" not in rating


# Properties schema.org defines for each type used (its own and inherited ones we may use).
SCHEMA_ORG_PROPERTIES = {
    "ClaimReview": {
        "url",
        "claimReviewed",
        "itemReviewed",
        "reviewRating",
        "reviewBody",
        "author",
        "publisher",
        "datePublished",
        "dateModified",
        "inLanguage",
        "name",
    },
    "Claim": {"author", "appearance", "firstAppearance", "datePublished", "text", "name", "url"},
    "Rating": {
        "alternateName",
        "name",
        "ratingValue",
        "bestRating",
        "worstRating",
        "ratingExplanation",
    },
    "CreativeWork": {"name", "headline", "publisher", "datePublished", "url", "author"},
    "Organization": {"name", "url"},
}


def _nodes(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, list):
        return [node for item in value for node in _nodes(item)]
    if isinstance(value, dict):
        return [value] + [node for item in value.values() for node in _nodes(item)]
    return []


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_property_used_is_defined_by_schema_org_for_its_type(
    shipped_site: Path, lang: str
) -> None:
    for entry_id, review in _reviews(shipped_site, lang).items():
        for node in _nodes(review):
            used = set(node) - {"@context", "@type"}
            assert used <= SCHEMA_ORG_PROPERTIES[node["@type"]], (entry_id, node["@type"])


def test_the_verdict_states_the_status_in_words() -> None:
    assert verdict(CLAIMS["enrolled-45"]) == "Unconfirmed: rests on anonymous sources"
    assert verdict(CLAIMS["post-1-8-million"]) == "Unconfirmed: the outlet's own analysis"
    assert verdict(CLAIMS["election-framing"]) == "Unconfirmed: the outlet names no source"
    assert verdict(CLAIMS["eo-2500-claim"]) == "Compared with the public record"
    assert verdict(CLAIMS["app-replaces-in-person"]).startswith("Partly corroborated")
    for entry in CLAIMS.values():
        if entry.anonymous_sourcing and entry.status is Status.REPORTED_UNCONFIRMED:
            assert verdict(entry) == "Unconfirmed: rests on anonymous sources"
    disputed = Entry.model_validate(
        {**CLAIMS["eo-2500-claim"].to_file_dict(), "status": "disputed"}
    )
    assert verdict(disputed) == "Disputed"


def test_the_claim_and_its_relay_point_at_the_reporting(shipped_site: Path) -> None:
    claim = _reviews(shipped_site)["app-replaces-in-person"]["itemReviewed"]
    assert claim["author"]["name"] == "New York Post"
    assert claim["firstAppearance"]["publisher"]["name"] == "New York Post"
    relay = claim["appearance"][1]
    assert relay["publisher"]["name"] == "Newsmax"
    assert relay["url"] == (
        "https://www.newsmax.com/us/immigration-illegal-ice/2024/07/12/id/1172347/"
    )
    # Agency data cited by an outlet: the claim is the outlet's, made in its article.
    cited = _reviews(shipped_site)["apprehended-7-million"]["itemReviewed"]
    assert cited["author"]["name"] == "Newsmax"
    assert cited["firstAppearance"]["url"].startswith("https://www.newsmax.com/")


def test_kb_export_claimreview_writes_the_objects_the_pages_embed(
    shipped_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("POLICYBOT_SITE_URL", SITE_URL)
    monkeypatch.setenv("POLICYBOT_SITE_AUTHOR", "Example Community")
    monkeypatch.setenv("POLICYBOT_SITE_AUTHOR_URL", "https://example.org/")
    target = tmp_path / "out" / "claimreview.json"
    assert (
        main(
            [
                "--db",
                str(tmp_path / "db.sqlite3"),
                "kb",
                "export",
                "--format",
                "claimreview",
                str(target),
            ]
        )
        == 0
    )
    exported = json.loads(target.read_text(encoding="utf-8"))
    output = capsys.readouterr().out
    embedded = {**_reviews(shipped_site)}
    for lang in translation_languages():
        embedded |= {f"{lang.code}/{i}": r for i, r in _reviews(shipped_site, lang.code).items()}
    assert f"exported {len(embedded)} ClaimReview objects" in output
    assert sorted(exported, key=lambda r: r["url"]) == sorted(
        embedded.values(), key=lambda r: r["url"]
    )
