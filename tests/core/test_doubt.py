"""Doubt about the whole report, or about one claim in it, read from language data (doubt.py),
and a message of two questions answered through the first asked (several_questions.py); words
only, on the shipped knowledge base. The questions are this file's own, not any set's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core import doubt, languages
from bot.core.analysis import analysis
from bot.core.doubt import Doubt, DoubtWords, asks_whole_doubt, doubt_words, read_doubt
from bot.core.matcher import Matcher
from testkit.answers import confident_entry

WORDS = DoubtWords(
    marks=frozenset({"hoax", "true", "proof"}),
    core=frozenset({"hoax", "true"}),
    whole=frozenset({"story", "report"}),
    around=frozenset({"newsmax", "official"}),
)
ASIDE = frozenset({"happen"})


def _topical(token: str) -> bool:
    return token in {"ice", "app"}


@pytest.mark.parametrize(
    ("tokens", "pointing", "reading"),
    [
        (["report", "hoax"], False, Doubt.WHOLE),  # "is the report a hoax"
        (["ice", "app", "true"], False, Doubt.WHOLE),  # topic words name no claim
        (["newsmax", "hoax"], True, Doubt.WHOLE),  # "newsmax... is this a hoax"
        (["newsmax", "true"], False, Doubt.CLAIM),  # "is newsmax legit": an outlet, no report
        (["official", "proof", "story"], False, Doubt.WHOLE),
        (["glitch", "true"], False, Doubt.CLAIM),  # a word of its own names the claim
        (["glitch", "proof"], False, Doubt.NONE),  # "proof" alone doubts no claim
        (["glitch", "happen"], False, Doubt.NONE),  # no doubt at all
    ],
)
def test_doubt_is_read_as_about_the_whole_report_or_one_claim(
    tokens: list[str], pointing: bool, reading: Doubt
) -> None:
    assert read_doubt(tokens, WORDS, ASIDE, _topical, pointing)[0] is reading


def test_the_claim_doubted_is_named_by_its_own_words() -> None:
    assert read_doubt(["glitch", "ice", "true"], WORDS, ASIDE, _topical, False) == (
        Doubt.CLAIM,
        frozenset({"glitch"}),
    )


TRUSTING = DoubtWords(WORDS.marks, WORDS.core, WORDS.whole, WORDS.around, frozenset({"true"}))


@pytest.mark.parametrize(
    ("tokens", "pointing", "reading"),
    [
        (["ice", "true"], False, Doubt.CLAIM),  # "can I trust ICE": the agency, not the report
        (["app", "true"], True, Doubt.WHOLE),  # "is this app legit": the report pointed at
        (["story", "app", "true"], False, Doubt.WHOLE),  # "is the app story legit"
        (["ice", "hoax"], False, Doubt.WHOLE),  # doubt beyond trust doubts the report
        (["true"], False, Doubt.WHOLE),  # "legit?": nothing else named
    ],
)
def test_trust_asked_of_a_thing_the_topic_names_does_not_doubt_the_report(
    tokens: list[str], pointing: bool, reading: Doubt
) -> None:
    assert read_doubt(tokens, TRUSTING, ASIDE, _topical, pointing)[0] is reading


def test_an_entry_asks_whole_doubt_with_doubt_and_report_words_only() -> None:
    assert asks_whole_doubt(["story", "true"], WORDS)
    assert not asks_whole_doubt(["story"], WORDS)  # no doubt
    assert not asks_whole_doubt(["glitch", "true"], WORDS)  # a claim of its own


class _Reader:
    doubt_tokens = frozenset({"faux"})

    def __init__(self, code: str) -> None:
        self.code = code

    def normalize(self, text: str) -> str:
        return text.lower()

    def content_tokens(self, normalized: str) -> list[str]:
        return normalized.split()


@pytest.fixture
def locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(languages, "LOCALES_DIR", tmp_path)
    doubt.doubt_file.cache_clear()
    yield tmp_path
    doubt.doubt_file.cache_clear()


def test_a_languages_doubt_words_are_its_data(locales: Path) -> None:
    (locales / "fr").mkdir()
    (locales / "fr" / "doubt.toml").write_text(
        'marks = "preuve"\nwhole = "article"\naround = "journal"\n', encoding="utf-8"
    )
    words = doubt_words(_Reader("fr"))
    assert words.marks == {"preuve", "faux"} and words.core == {"faux"}
    assert words.whole == {"article"} and words.around == {"journal"}
    # Without the file: doubt from the language's doubt tokens alone, and no whole report.
    bare = doubt_words(_Reader("xx"))
    assert bare.marks == {"faux"} and not bare.whole
    assert read_doubt(["faux"], bare, frozenset(), _topical, True)[0] is Doubt.CLAIM


def test_english_and_spanish_read_their_doubt_files() -> None:
    english, spanish = doubt_words(analysis("en")), doubt_words(analysis("es"))
    assert {"proof", "hoax", "true"} <= english.marks and "story" in english.whole
    assert "newsmax" in english.around and "newsmax" in spanish.around
    assert "verd" in spanish.marks  # "falso", read through the synonyms


@pytest.mark.parametrize(
    "question",
    [
        "is there any evidence behind this story at all",
        "honestly this whole report smells like propaganda",
        "has anyone official backed this up",
        "newsmax ran it too... is this all made up",
        "sounds made up, any proof at all?",  # nothing named: still the whole report
        "is this fake? are the glitches even real?",  # "this" doubted first: the report
        "is the whole story made up or is the 45 enrolled number real",  # the story named
        "is there any evidence the whole story is true",
    ],
)
def test_doubt_about_the_whole_report_is_answered_by_whether_it_is_confirmed(
    english: Matcher, question: str
) -> None:
    assert confident_entry(english, question) == "is-it-confirmed"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("is the crash part real or just partisan spin", "app-glitches"),
        ("are the glitches real", "app-glitches"),
        # The claim named, then asked for proof: the claim's entry, though the words of doubt
        # alone would rank the entry on whether the report is confirmed first.
        ("that 45 people signed up part sounds fake, is there evidence?", "enrolled-45"),
        ("the glitches sound exaggerated tbh, is there proof?", "app-glitches"),
    ],
)
def test_doubt_about_one_claim_is_answered_by_that_claims_entry(
    english: Matcher, question: str, entry: str
) -> None:
    assert confident_entry(english, question) == entry


@pytest.mark.parametrize(
    "question",
    [
        "what did the ice official say",  # an official is a person, not doubt
        "my asylum claim was denied, what now",  # a denial of one's own case
        "is the moon landing fake",  # doubt about something the knowledge base never names
        "is newsmax legit",  # doubt about an outlet, not the report
        "can i trust ice",  # trust in the agency, not doubt about the report
        "is ice legit",
    ],
)
def test_words_near_doubt_are_not_doubt_about_the_report(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) != "is-it-confirmed"


def test_an_outlets_name_alone_keeps_its_alternative() -> None:
    reading = analysis("en")
    assert reading.strip_chatter("is newsmax legit or just rumors").endswith("rumors")
    # A rare word of its own is a claim: the belittling alternative is dropped.
    kept = reading.strip_chatter("is the glitch thing real or just partisan spin")
    assert "spin" not in kept and "glitch" in kept


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("¿hay evidencia de esta noticia o es falso?", "is-it-confirmed"),
        ("newsmax lo publicó pero ¿esto es pura propaganda?", "is-it-confirmed"),
        ("¿es real lo de las fallas de la app?", "app-glitches"),
        ("lo de los 45 inscritos suena inventado, ¿hay pruebas?", "enrolled-45"),
        ("¿esto es mentira? ¿de verdad ICE usa una app o es puro cuento?", "is-it-confirmed"),
    ],
)
def test_spanish_reads_doubt_the_same_way(spanish: Matcher, question: str, entry: str) -> None:
    assert confident_entry(spanish, question) == entry


@pytest.mark.parametrize(
    ("question", "first"),
    [
        # The later part's words outweigh the first's in the whole message.
        ("how many people were enrolled and does the app run on iphones", "enrolled-45"),
        ("what is smartlink and how many people use it", "smartlink"),
        ("who broke this story, and is it true?", "who-reported"),
        ("what is the threshold, and who sued over it", "eo-threshold"),
    ],
)
def test_of_two_questions_the_first_asked_is_answered_even_when_outweighed(
    english: Matcher, question: str, first: str
) -> None:
    assert len(english._text.clauses(question)) == 2
    assert confident_entry(english, question) == first


def test_a_part_that_only_frames_the_next_question_does_not_take_its_place(
    english: Matcher,
) -> None:
    # "not sure you can answer this" is answered alone (by the entry about the bot), but asks
    # nothing of its own: the message asks whether the bot leans.
    question = "not sure you can answer this but do you lean one way politically"
    assert confident_entry(english, question) != "about-this-bot"
