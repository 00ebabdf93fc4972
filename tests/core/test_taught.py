"""The taught questions (bot/core/taught.py): labelled questions as examples for the embedding.
A stand-in model places texts on two directions, so which example is nearest is set by hand;
the shipped examples and embeddings are checked against the question sets and the knowledge."""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np

from bot.core import taught as taught_module
from bot.core.matcher import Matcher, Tier
from bot.core.models import Entry, Status
from bot.core.semantic import MODEL_NAME, BundledMeaning
from bot.core.taught import (
    ABOUT,
    EXAMPLES,
    MARGIN,
    Example,
    Labels,
    Taught,
    data_file,
    digest,
    render,
    shipped_examples,
    shipped_known,
)
from testkit.labelled import shipped_entries
from testkit.taught_examples import known_entries, taught_examples

QUESTION = "how does the check in app actually work"
ANSWERED = "app-how-it-works"  # what the words alone answer it with (checked below)
AWAY = "what about the DACA renewal app"  # an out-of-scope example's text


class TwoDirections:
    """A stand-in for the model: the question and the texts in `away` point one way, every
    other text the other way (cosine 0 between them)."""

    def __init__(self, away: set[str]) -> None:
        self.away = away

    def _vector(self, text: str) -> np.ndarray:
        return np.array([0.0, 1.0] if text in self.away else [1.0, 0.0], dtype=np.float32)

    def query(self, text: str) -> np.ndarray:
        return self._vector(text)

    def encode(self, texts: list[str], is_query: bool = False) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts])


def taught(examples: Sequence[Example], model: TwoDirections) -> Taught:
    """The examples, labelled when the knowledge base was the shipped one."""
    return Taught(examples, model.encode([e.question for e in examples]), known_entries())


def matcher(
    examples: Sequence[Example], entries: Sequence[Entry] | None = None
) -> tuple[Matcher, BundledMeaning]:
    model = TwoDirections({QUESTION, AWAY})
    meaning = BundledMeaning(model, taught=taught(examples, model))
    return Matcher(entries or shipped_entries(), meaning=meaning), meaning


def test_the_words_alone_answer_the_question() -> None:
    result = Matcher(shipped_entries()).match(QUESTION)
    assert result.tier is Tier.CONFIDENT and result.candidates[0].entry_id == ANSWERED


def test_a_question_nearest_an_out_of_scope_example_gets_did_you_mean() -> None:
    found, _ = matcher([Example("set", AWAY, ())])
    result = found.match(QUESTION)
    assert result.tier is Tier.CLOSE
    assert result.candidates[0].entry_id == ANSWERED


def test_an_example_of_the_entry_as_near_keeps_the_answer() -> None:
    found, _ = matcher([Example("set", AWAY, ()), Example("set", QUESTION, (ANSWERED,))])
    assert found.match(QUESTION).tier is Tier.CONFIDENT


def test_an_example_of_an_entry_that_does_not_exist_is_ignored() -> None:
    found, _ = matcher([Example("set", AWAY, ("no-such-entry",))])
    assert found.match(QUESTION).tier is Tier.CONFIDENT


def test_a_retracted_entrys_examples_do_not_speak_for_it() -> None:
    entries = [
        e.model_copy(update={"status": Status.RETRACTED}) if e.id == ANSWERED else e
        for e in shipped_entries()
    ]
    examples = [Example("set", AWAY, ()), Example("set", QUESTION, (ANSWERED,))]
    found, _ = matcher(examples, entries)
    assert found.match(QUESTION).tier is Tier.CLOSE


def test_a_measured_sets_rows_and_its_questions_elsewhere_are_left_out() -> None:
    examples = [
        Example("measured", AWAY, ()),
        Example("other", "What about the DACA renewal app?", ()),
    ]
    model = TwoDirections({QUESTION, AWAY, examples[1].question})
    meaning = BundledMeaning(model, taught=taught(examples, model))
    entries = shipped_entries()
    assert Matcher(entries, meaning=meaning).match(QUESTION).tier is Tier.CLOSE
    only_set = meaning.leaving_out([], {"measured"})
    assert Matcher(entries, meaning=only_set).match(QUESTION).tier is Tier.CLOSE
    both = meaning.leaving_out([AWAY], {"measured"})  # the other row is the same text
    assert Matcher(entries, meaning=both).match(QUESTION).tier is Tier.CONFIDENT
    assert meaning.taught is not None and meaning.taught.used == 2  # the original keeps all


def test_the_margin_is_needed() -> None:
    near = np.array([1.0, 0.0], dtype=np.float32)
    examples = [Example("set", "x", ())]
    just_under = Taught(examples, np.array([[1.0, 0.0]], dtype=np.float32), {ANSWERED: "asks"})
    assert not just_under.refuses(near, ANSWERED, 1.0 - MARGIN / 2, True, "asks")
    assert just_under.refuses(near, ANSWERED, 1.0 - MARGIN, True, "asks")


def test_only_an_entry_asking_what_it_asked_when_labelled_is_vetoed() -> None:
    near = np.array([1.0, 0.0], dtype=np.float32)
    examples = [Example("set", "x", ())]
    known = Taught(examples, np.array([[1.0, 0.0]], dtype=np.float32), {ANSWERED: "asks"})
    assert known.refuses(near, ANSWERED, 0.0, True, "asks")
    assert not known.refuses(near, ANSWERED, 0.0, True, "asks something else now")
    assert not known.refuses(near, "added-since", 0.0, True, "asks")


def test_without_examples_or_model_the_words_decide_as_before() -> None:
    entries = shipped_entries()
    model = TwoDirections({QUESTION, AWAY})
    plain = Matcher(entries, meaning=BundledMeaning(model)).match(QUESTION)
    assert plain == Matcher(entries).match(QUESTION)
    assert plain.tier is Tier.CONFIDENT


# -- what ships -----------------------------------------------------------------------------


def test_the_shipped_examples_are_the_labelled_sets() -> None:
    assert data_file(EXAMPLES).read_text(encoding="utf-8") == render(taught_examples()), (
        "run: python -m benchmarks.taught --write"
    )


def test_the_recorded_entries_are_what_the_shipped_knowledge_asks() -> None:
    # A question of knowledge/ changed (or an entry added) since --write: the labels no longer
    # speak for what it asks, so the examples must be written again.
    assert shipped_known() == known_entries(), "run: python -m benchmarks.taught --write"


def test_every_shipped_example_names_entries_that_exist() -> None:
    known = {entry.id for entry in shipped_entries()}
    examples = shipped_examples()
    assert examples and sum(not e.entries for e in examples) > 1000
    assert {i for e in examples for i in e.entries} <= known


def test_the_shipped_embeddings_are_of_these_examples_and_this_model() -> None:
    examples = shipped_examples()
    about = json.loads(data_file(ABOUT).read_text(encoding="utf-8"))
    assert about["digest"] == digest(examples)
    assert about["model"].startswith(MODEL_NAME + "/")
    vectors = taught_module.shipped_vectors(examples, about["model"])
    assert vectors is not None and vectors.shape[0] == len(examples)
    norms = np.linalg.norm(vectors, axis=1)
    assert np.allclose(norms, 1.0, atol=0.01)


def test_embeddings_of_another_model_are_not_used() -> None:
    assert taught_module.shipped_vectors(shipped_examples(), "another-model/1") is None


def test_examples_of_another_model_are_embedded_by_the_warm_up_even_a_limited_one() -> None:
    model = TwoDirections({AWAY})
    meaning = BundledMeaning(model, embed_ahead=0)
    examples = [Example("set", AWAY, ()), Example("set", "other", ())]
    meaning.taught_pending = Labels(examples, {ANSWERED: "asks"})
    # Not ready: no veto.
    assert not meaning.refuses(QUESTION, ANSWERED, ["a question"], True, "asks")
    meaning.warm(["an entry text"])
    assert meaning.taught is not None and meaning.taught.used == 2
    assert meaning.taught.known == {ANSWERED: "asks"}
    assert meaning.taught_pending is None


def test_a_stopped_warm_up_leaves_the_examples_unembedded() -> None:
    meaning = BundledMeaning(TwoDirections(set()))
    meaning.taught_pending = Labels([Example("set", AWAY, ())])
    meaning.stop()
    meaning.warm([])
    assert meaning.taught is None
