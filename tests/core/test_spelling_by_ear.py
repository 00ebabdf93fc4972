"""Spanish as it is really typed (issue 11, round 13): words spelt by ear are cheap slips,
SMS shorthand reads as its word, and a real Spanish form is not corrected into another word."""

from __future__ import annotations

import pytest

from bot.core.languages import LanguageDataError, _sound_slip
from bot.core.matcher import Matcher, Tier
from bot.core.sound_slips import language_slips
from bot.core.typos import CHEAP, FULL_EDIT, TypoCorrector, typing_cost

SPANISH = language_slips("es")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("aplicasion", "aplicacion"),  # seseo: s for c before i
        ("empiesa", "empieza"),  # s for z
        ("enpieza", "empieza"),  # n for m before p
        ("bienen", "vienen"),  # b for v
        ("yamar", "llamar"),  # y for ll
        ("ablar", "hablar"),  # an h left out
        ("herror", "error"),  # an h added
        ("jente", "gente"),  # j for g before e
        ("kiero", "quiero"),  # k for qu
        ("komo", "como"),  # k for c
        ("esplica", "explica"),  # s for x
        ("anio", "ano"),  # "ñ" written "ni" ("año", folded)
    ],
)
def test_a_spanish_word_written_as_it_sounds_is_a_cheap_slip(typed: str, meant: str) -> None:
    assert typing_cost(typed, meant, SPANISH) <= CHEAP
    assert typing_cost(typed, meant, SPANISH) < typing_cost(typed, meant)


def test_ch_is_one_sound_not_an_h_added() -> None:
    # "chido" (slang: cool) is no "sido" with an h added and a c for the s.
    assert typing_cost("chido", "sido", SPANISH) >= FULL_EDIT


def test_english_prices_slips_as_before() -> None:
    assert language_slips("en") == ()
    assert typing_cost("aplicasion", "aplicacion", language_slips("en")) >= FULL_EDIT


def test_the_word_heard_wins_over_a_commoner_one_struck_by_the_fingers() -> None:
    words = {"colina": 100, "cocina": 1}
    assert TypoCorrector(words, SPANISH).correct("cosina") == "cocina"
    assert TypoCorrector(words).correct("cosina") == "colina"  # to a keyboard, as far


def test_a_word_whose_opening_is_written_by_ear_is_found() -> None:
    words = {"gente": 1, "quiero": 1, "hablar": 1}
    by_ear = TypoCorrector(words, SPANISH)
    assert [by_ear.correct(typed) for typed in ("jente", "kiero", "ablar")] == [
        "gente",
        "quiero",
        "hablar",
    ]
    assert TypoCorrector(words).correct("jente") is None


def test_a_sound_slip_needs_two_spellings_of_letters() -> None:
    assert _sound_slip(["c", "s", "ei"]) == ("c", "s", "ei", "")
    assert _sound_slip(["h", "", "", "cs"]) == ("h", "", "", "cs")
    for bad in (["c", "c"], ["c"], ["c", "s", "e", "", "x"], ["c", "1"], "cs"):
        with pytest.raises(LanguageDataError):
            _sound_slip(bad)


@pytest.mark.parametrize(
    ("typed", "spelt"),
    [
        (
            "que siudades tienen el programa piloto de la app",
            "que ciudades tienen el programa piloto de la app",
        ),
        ("es sierto que la aplicasion tubo fayas", "es cierto que la aplicacion tuvo fallas"),
    ],
)
def test_a_question_spelt_by_ear_scores_as_spelt_right(
    spanish: Matcher, typed: str, spelt: str
) -> None:
    # Its similarity to an entry's question is measured on the question as read, not as typed
    # (only its corrected words weigh a little less).
    by_ear, right = spanish.rank(typed)[0], spanish.rank(spelt)[0]
    assert by_ear.entry_id == right.entry_id
    assert abs(by_ear.score - right.score) <= 1.0


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("que siudades estan en el programa piloto de la app?", "pilot-cities-unknown"),
        ("como se reporta uno en la aplicasion, con el selular?", "app-how-it-works"),
    ],
)
def test_questions_spelt_by_ear_are_answered(spanish: Matcher, typed: str, expected: str) -> None:
    result = spanish.match(typed)
    assert result.tier is Tier.CONFIDENT and result.best is not None
    assert result.best.entry_id == expected


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("cuanto tarda uscis en dar la green card", "uscis"),  # an agency, not "uses"
        ("se brincan la fila en la frontera", "brincan"),  # "jump", not "brindan" (toast)
        # slang (kids), not "meritos" ("…que cruzan solos" reads "niños no acompañados")
        ("los morritos que cruzan la frontera", "morritos"),
    ],
)
def test_a_listed_spanish_form_is_not_corrected_into_another_word(
    spanish: Matcher, typed: str, kept: str
) -> None:
    plain, context = spanish._read(typed)
    read = spanish._weighted_tokens(plain, context)[2]
    assert kept in read.split()


def test_a_listed_form_is_still_read_as_another_form_of_itself(spanish: Matcher) -> None:
    # "levantarían" without its accent: the same verb, another tense.
    assert "levant" in spanish.query_tokens("cuando se levantarian las restricciones")


@pytest.mark.parametrize(
    ("shorthand", "spelt"),
    [
        ("el gob ya aprobo la app", "el gobierno ya aprobo la app"),
        ("la app funciona en el tel", "la app funciona en el telefono"),
        ("cuantos se inscribieron xa el programa", "cuantos se inscribieron para el programa"),
        ("kmo funciona la app", "como funciona la app"),
        (
            "la app esta chida, cuantos se inscribieron",
            "la app esta bien, cuantos se inscribieron",
        ),  # slang: "cool"
    ],
)
def test_sms_shorthand_reads_as_its_word(spanish: Matcher, shorthand: str, spelt: str) -> None:
    assert spanish.query_tokens(shorthand) == spanish.query_tokens(spelt)
