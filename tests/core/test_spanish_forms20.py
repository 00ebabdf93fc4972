"""Spanish as people write it (issue 11, round 20), and keywords whose common words named an
entry alone. Each kind with new examples of its own, none from a question set:

- a multi-word keyword whose words the entry's questions all use made each of its words a keyword
  alone: "abogado de bajo costo" made "bajo" name legal-help, "100,000 people" made "people"
  name the New York rollout. Now only its informative words name the entry alone, and the
  keyword counts in full as a name (bot/core/keyword_names.py);
- Spanish paraphrases an entry lacked (knowledge/*.toml): whether the bot is Republican or
  Democrat, where to go with no money for a lawyer, how
  many are different people rather than the same ones crossing again, living "escondido" thanks
  to the app, who is left "fuera" of the June restrictions, whether the bot's words are a
  lawyer's advice."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry
from testkit.labelled import shipped_entries

from .test_matcher import entry


def names(matcher: Matcher, entry_id: str) -> tuple[set[str], set[tuple[str, ...]]]:
    """(the tokens that name the entry alone, its multi-word names)."""
    index = matcher._position[entry_id]
    return set(matcher._keywords[index]), set(matcher._keyword_groups[index])


@pytest.mark.parametrize(
    ("language", "question", "keyword", "alone", "common"),
    [
        ("en", "How many crossed under Biden?", "under biden", "biden", "under"),
        ("en", "How many people use the app in New York?", "new york", "york", "new"),
        ("es", "¿Cuántos cruzaron bajo Biden?", "bajo biden", "bid", "baj"),
        ("es", "¿Dónde hay un abogado de bajo costo?", "abogado de bajo costo", "abog", "baj"),
    ],
)
def test_a_common_word_of_a_keyword_names_no_entry_alone(
    language: str, question: str, keyword: str, alone: str, common: str
) -> None:
    matcher = Matcher([entry("asked", question, keywords=[keyword])], language=language)
    lone, groups = names(matcher, "asked")
    assert alone in lone and common not in lone
    assert any(common in group and alone in group for group in groups)  # counted in full


def test_a_phrase_of_one_content_word_is_that_word() -> None:
    matcher = Matcher(
        [entry("enrolled", "How many people enrolled?", keywords=["how many people"])]
    )
    lone, _ = names(matcher, "enrolled")
    assert "people" in lone  # what "how many people" asks about


def test_informative_keyword_words_and_unused_names_are_kept() -> None:
    matcher = Matcher(
        [
            entry(
                "atd",
                "What is intensive supervision?",
                keywords=["intensive supervision", "deportation data project", "people"],
            )
        ]
    )
    lone, groups = names(matcher, "atd")
    assert {"intensiv", "supervision", "people"} <= lone  # a one-word keyword stays one
    assert ("deportat", "data", "project") in groups


def test_shipped_entries_are_not_named_by_common_words() -> None:
    entries = shipped_entries()
    english, spanish = Matcher(entries), Matcher(entries, language="es")
    assert not {"people", "new"} & names(english, "nyc-rollout")[0]
    assert "york" in names(english, "nyc-rollout")[0]
    assert "baj" not in names(spanish, "legal-help")[0]
    assert "abog" in names(spanish, "legal-help")[0]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("¿eres demócrata o republicano, bot?", "bot-neutral"),
        ("no me alcanza el dinero para un abogado de inmigración, ¿a dónde voy?", "legal-help"),
        ("¿hay algún lugar donde me asesoren gratis con mi caso de inmigración?", "legal-help"),
        (
            "¿cuántas personas diferentes son, sin contar a la misma gente que cruza muchas veces?",
            "unique-people",
        ),
        ("¿es verdad que con la aplicación uno puede vivir escondido de ICE?", "anonymity-claim"),
        ("¿quiénes quedan fuera de la orden de asilo de junio?", "eo-exceptions"),
        ("¿lo que me dices es consejo de abogado?", "legal-advice"),
    ],
)
def test_spanish_phrasing_entries_lacked(spanish: Matcher, message: str, expected: str) -> None:
    assert confident_entry(spanish, message) == expected
