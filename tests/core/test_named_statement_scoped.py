"""The knowledge base quotes more than one named person (Ed Cuccia; RJ Hauman and
Jon Feere, the critics in ghost-mode-criticism), so attorney-pilot-clients may not say it holds
"one public statement by a named person" without saying on what: whether people used the app."""

from __future__ import annotations

from bot.core.models import SourceKind
from testkit.labelled import shipped_entries


def test_one_named_statement_is_said_of_what_it_is_about() -> None:
    entries = shipped_entries()
    named = {s.title for e in entries for s in e.sources if s.kind is SourceKind.NAMED_PERSON}
    assert len(named) > 1  # more than one named person's statement is in the knowledge base
    entry = next(e for e in entries if e.id == "attorney-pilot-clients")
    english, spanish = entry.answer, entry.translations["es"].answer
    assert english.startswith("On whether people used the app in a pilot, ")
    assert spanish.startswith("Sobre si hubo personas que usaron la aplicación en un piloto, ")
