"""The entry model rejects what a knowledge file must not contain."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import ValidationError

from bot.core.models import ANSWER_MAX_CHARS, Entry

from .conftest import CBP_DATA, ENTRIES


def entry_data(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(ENTRIES[0])
    data.update(changes)
    return data


def error_fields(error: ValidationError) -> set[str]:
    return {".".join(str(p) for p in item["loc"]) for item in error.errors()}


def test_a_valid_entry_derives_its_anonymous_flag_from_its_sources() -> None:
    assert Entry.model_validate(entry_data()).anonymous_sourcing is True
    on_record = entry_data(sources=[CBP_DATA], answer="CBP data indicate 45 enrolments.")
    assert Entry.model_validate(on_record).anonymous_sourcing is False


def test_the_anonymous_flag_cannot_be_typed_by_hand() -> None:
    with pytest.raises(ValidationError) as caught:
        Entry.model_validate(entry_data(anonymous_sourcing=False))
    assert "anonymous_sourcing" in error_fields(caught.value)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sources": []}, "sources"),
        ({"answer": "x" * (ANSWER_MAX_CHARS + 1)}, "answer"),
        ({"as_of": "2024-13-40"}, "as_of"),
        ({"status": "probably_true"}, "status"),
        ({"id": "Bad Id!"}, "id"),
        ({"question": "   "}, "question"),
    ],
)
def test_invalid_fields_are_named(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Entry.model_validate(entry_data(**changes))
    assert field in error_fields(caught.value)


def test_unknown_source_kind_and_bad_source_date_are_named() -> None:
    source = dict(CBP_DATA, kind="rumour", date="12/07/2024")
    with pytest.raises(ValidationError) as caught:
        Entry.model_validate(entry_data(sources=[source], answer="CBP data say so."))
    assert {"sources.0.kind", "sources.0.date"} <= error_fields(caught.value)


def test_anonymous_source_needs_a_description_and_only_it_may_have_one() -> None:
    anonymous = {k: v for k, v in ENTRIES[0]["sources"][0].items() if k != "described_as"}
    with pytest.raises(ValidationError, match="described_as"):
        Entry.model_validate(entry_data(sources=[anonymous]))
    named = dict(CBP_DATA, described_as="an official")
    with pytest.raises(ValidationError, match="only to kind"):
        Entry.model_validate(entry_data(sources=[named], answer="CBP data say so."))


def test_an_anonymous_claim_must_say_so_in_its_answer() -> None:
    with pytest.raises(ValidationError, match="anonymous sources"):
        Entry.model_validate(entry_data(answer="Officials enrolled 45 migrants."))


def test_an_entry_cannot_relate_to_itself() -> None:
    with pytest.raises(ValidationError, match="itself"):
        Entry.model_validate(entry_data(related=["enrolled-45"]))


def test_file_form_omits_derived_and_empty_fields() -> None:
    entry = Entry.model_validate(entry_data(tags=[]))
    written = entry.to_file_dict()
    assert "anonymous_sourcing" not in written
    assert "tags" not in written
    assert Entry.model_validate(written) == entry


def test_an_undated_source_is_allowed_and_cited_as_undated() -> None:
    from bot.core.citations import Citation

    source = {k: v for k, v in CBP_DATA.items() if k != "date"}
    entry = Entry.model_validate(entry_data(sources=[source], answer="CBP data say so."))
    citation = Citation.from_source(entry.sources[0])
    assert citation.text == "U.S. Customs and Border Protection, undated, agency data"
    assert citation.to_json()["date"] is None


def test_the_word_sources_alone_does_not_count_as_saying_they_are_anonymous() -> None:
    with pytest.raises(ValidationError, match="anonymous sources"):
        Entry.model_validate(entry_data(answer="According to sources, 45 were enrolled."))


def test_a_source_gives_its_url_or_why_it_has_none_but_not_both() -> None:
    reason = "original not located; known through Newsmax's copy"
    with_reason = dict(ENTRIES[0]["sources"][0], no_url_reason=reason)
    assert Entry.model_validate(entry_data(sources=[with_reason])).sources[0].no_url_reason
    both = dict(CBP_DATA, no_url_reason=reason)
    with pytest.raises(ValidationError, match="not both"):
        Entry.model_validate(entry_data(sources=[both], answer="CBP data say so."))
    with pytest.raises(ValidationError) as caught:
        Entry.model_validate(entry_data(sources=[dict(with_reason, no_url_reason="  ")]))
    assert "sources.0.no_url_reason" in error_fields(caught.value)
