"""The matcher's tiers, margin rule, typo tolerance and autocomplete, on hand-made entries."""

from __future__ import annotations

from typing import Any

import pytest

from bot.core.matcher import Candidate, Matcher, Thresholds, Tier, confident_choice
from bot.core.models import Entry
from bot.core.normalize import stem
from testkit.labelled import shipped_entries

SOURCE = {
    "publisher": "Example Gazette",
    "title": "Example report",
    "date": "2024-07-12",
    "kind": "outlet_analysis",
}


def entry(entry_id: str, question: str, *paraphrases: str, **extra: Any) -> Entry:
    return Entry.model_validate(
        {
            "id": entry_id,
            "question": question,
            "paraphrases": list(paraphrases),
            "answer": extra.pop("answer", f"An answer about {question.lower()}"),
            "sources": [SOURCE],
            "status": "public_record",
            "as_of": "2024-07-12",
            **extra,
        }
    )


ENTRIES = [
    entry(
        "enrolled",
        "How many migrants were enrolled in the app?",
        "how many people signed up for the check-in app",
        "what were the enrollment numbers",
        keywords=["45 migrants", "hundreds"],
        answer="Officials could enroll only 45 migrants out of hundreds because of glitches.",
    ),
    entry(
        "apprehended",
        "How many border crossers were apprehended under Biden?",
        "how many illegal crossers were caught since biden took office",
        "7 million apprehended?",
    ),
    entry(
        "apple-store",
        "Is the app approved by the Apple store?",
        "is the ice app on the app store",
        "can I get it on my iphone",
    ),
    entry(
        "press-conference",
        "Why was the press conference postponed?",
        "why did ice delay the launch event",
    ),
    entry(
        "sources",
        "Who are the sources of the report?",
        "who told the post about the app",
        "are the sources anonymous",
    ),
    entry(
        "sourcing-warning",
        "What does the anonymous sourcing warning mean?",
        "why does it say anonymous sources",
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(ENTRIES)


def test_len_counts_entries(matcher: Matcher) -> None:
    assert len(matcher) == len(ENTRIES)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many migrants were enrolled in the app?", "enrolled"),
        ("how many migrants got enrolled", "enrolled"),
        ("<@123> **how many crossers were apprehended under biden?** 🤔", "apprehended"),
        ("IS THE APP ON THE APPLE STORE", "apple-store"),
        ("why was the ice press conference postponed", "press-conference"),
    ],
)
def test_confident_answers(matcher: Matcher, question: str, expected: str) -> None:
    result = matcher.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == expected


@pytest.mark.parametrize(
    "question",
    [
        "what's the weather today",
        "how do I renew my passport",
        "what is the capital of France",
        "recommend a good pizza place",
    ],
)
def test_out_of_scope_questions_get_no_match(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.tier is Tier.NONE
    assert result.candidates == ()


def test_stopword_only_question_is_not_matched_to_a_random_entry(matcher: Matcher) -> None:
    assert matcher.query_tokens("what is this") == []
    assert matcher.match("what is this").tier is Tier.NONE


def test_a_partial_match_gets_did_you_mean_with_at_most_three(matcher: Matcher) -> None:
    # "glitches" is only in the enrolment entry's answer: a hint, not enough to answer.
    result = matcher.match("glitches")
    assert result.tier is Tier.CLOSE
    assert 1 <= len(result.candidates) <= 3
    assert result.candidates[0].entry_id == "enrolled"


def test_did_you_mean_lists_the_close_entries() -> None:
    close = Matcher(ENTRIES, Thresholds(confident=99, suggest=30, margin=2))
    result = close.match("who are the anonymous sources")
    assert result.tier is Tier.CLOSE
    assert len(result.candidates) <= 3
    assert {c.entry_id for c in result.candidates} >= {"sources", "sourcing-warning"}


def test_margin_rule_turns_a_near_tie_into_did_you_mean() -> None:
    twins = [
        entry("twin-a", "When did the app launch in Texas?"),
        entry("twin-b", "When did the app launch in Ohio?"),
    ]
    question = "when did the app launch"
    loose = Matcher(twins, Thresholds(confident=30, suggest=10, margin=0))
    assert loose.match(question).tier is Tier.CONFIDENT
    strict = Matcher(twins, Thresholds(confident=30, suggest=10, margin=50))
    result = strict.match(question)
    assert result.tier is Tier.CLOSE
    assert {c.entry_id for c in result.candidates} == {"twin-a", "twin-b"}


def test_thresholds_decide_the_tier(matcher: Matcher) -> None:
    question = "how many migrants got enrolled"
    score = matcher.rank(question, 1)[0].score
    assert (
        Matcher(ENTRIES, Thresholds(confident=score + 1, suggest=0, margin=0)).match(question).tier
        is Tier.CLOSE
    )
    assert (
        Matcher(ENTRIES, Thresholds(confident=101, suggest=score + 1, margin=0))
        .match(question)
        .tier
        is Tier.NONE
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many migrnats were enroled in the app", "enrolled"),
        ("how many crossers were aprehended under bidn", "apprehended"),
        ("is the app aproved by the appel store", "apple-store"),
        ("wolud the pres confrence be postponed", "press-conference"),
    ],
)
def test_typos_are_tolerated(matcher: Matcher, question: str, expected: str) -> None:
    best = matcher.rank(question, 1)
    assert best and best[0].entry_id == expected
    assert matcher.match(question).tier is Tier.CONFIDENT


def test_words_only_in_the_answer_still_count(matcher: Matcher) -> None:
    best = matcher.rank("were there glitches enrolling migrants", 1)
    assert best and best[0].entry_id == "enrolled"


def test_rank_is_ordered_and_limited(matcher: Matcher) -> None:
    ranked = matcher.rank("app", limit=2)
    assert len(ranked) == 2
    assert ranked[0].score >= ranked[1].score


def test_autocomplete_respects_the_limit(matcher: Matcher) -> None:
    assert len(matcher.autocomplete("", 4)) == 4
    assert len(matcher.autocomplete("the app", 2)) <= 2
    assert len(matcher.autocomplete("app", 25)) <= len(ENTRIES)


def test_autocomplete_prefers_the_typed_words(matcher: Matcher) -> None:
    assert matcher.autocomplete("apple st", 3)[0].entry_id == "apple-store"
    assert matcher.autocomplete("how many crossers were appre", 3)[0].entry_id == "apprehended"
    assert matcher.autocomplete("press conf", 3)[0].entry_id == "press-conference"


def test_autocomplete_of_nothing_known_is_empty(matcher: Matcher) -> None:
    assert matcher.autocomplete("zzzz qqqq", 5) == []


def test_an_empty_knowledge_base_matches_nothing() -> None:
    empty = Matcher([])
    assert len(empty) == 0
    assert empty.match("how many migrants were enrolled").tier is Tier.NONE
    assert empty.autocomplete("app", 5) == []


@pytest.mark.parametrize(
    "question",
    [
        "when does the apple store close",  # "close": the entry says nothing about hours
        "how many migrants were enrolled in 2019",  # a year the entry does not have
        "how many migrants live in new york",  # "live", "new york": not what it is about
        "what is daca",  # a real word, not a typo of a knowledge-base word
    ],
)
def test_neighbouring_questions_get_no_confident_answer(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).tier is not Tier.CONFIDENT


def test_a_real_word_is_never_corrected_into_a_knowledge_base_word() -> None:
    data = Matcher([entry("data", "Where does the CBP data come from?")])
    assert data.query_tokens("daca") == ["daca"]
    assert data.query_tokens("dtaa") == ["data"]  # a string that is no word is corrected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("yo bot lmk how many ppl signed up for the app fr", "enrolled"),
        ("hey! thanks in advance. is the app on the apple store?", "apple-store"),
        ("sorry if this is dumb but why did they cancel the presser", "press-conference"),
    ],
)
def test_chatter_and_slang_keep_a_clear_question_confident(
    matcher: Matcher, question: str, expected: str
) -> None:
    result = matcher.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == expected


def test_a_message_of_only_chatter_has_nothing_to_match(matcher: Matcher) -> None:
    assert matcher.query_tokens("thanks bot lol") == []
    assert matcher.match("thanks bot lol").tier is Tier.NONE


def candidate(entry_id: str, score: float, coverage: float, missing: float = 0.0) -> Candidate:
    return Candidate(entry_id, entry_id, score, "", coverage=coverage, missing=missing)


def test_close_call_goes_to_the_entry_that_covers_the_whole_question() -> None:
    limits = Thresholds(confident=50, suggest=40, margin=2)
    part = candidate("part", 80.0, coverage=0.6)  # scores a little higher, covers less
    whole = candidate("whole", 78.5, coverage=1.0)
    assert confident_choice([part, whole], limits) is whole
    # Equal cover: a near tie stays a close call; a clear lead answers.
    assert confident_choice([part, candidate("twin", 79.0, coverage=0.6)], limits) is None
    assert confident_choice([part, candidate("far", 70.0, coverage=0.6)], limits) is part


def test_a_rival_that_could_not_be_answered_makes_no_close_call() -> None:
    limits = Thresholds(confident=50, suggest=40, margin=2)
    answerable = candidate("answerable", 80.0, coverage=0.8)
    assert confident_choice([answerable, candidate("rival", 79.0, coverage=0.8)], limits) is None
    # A rival leaving informative words unexplained, or covering too little, is no rival.
    lacks = candidate("lacks", 79.0, coverage=0.8, missing=0.9)
    assert confident_choice([answerable, lacks], limits) is answerable
    thin = candidate("thin", 79.0, coverage=0.4)
    assert confident_choice([answerable, thin], limits) is answerable


def test_an_entry_that_leaves_informative_words_unexplained_is_not_chosen() -> None:
    limits = Thresholds(confident=50, suggest=40, margin=2)
    assert confident_choice([candidate("lacks", 90.0, coverage=1.0, missing=0.8)], limits) is None
    assert confident_choice([candidate("explains", 90.0, 1.0, missing=0.2)], limits) is not None


def test_a_near_tie_goes_to_the_entry_asked_the_same_kind_of_question() -> None:
    limits = Thresholds(confident=50, suggest=40, margin=2)
    why = candidate("why-warning", 90.0, coverage=1.0)
    who = Candidate("who-sources", "who-sources", 89.5, "", coverage=1.0, alike=True)
    assert confident_choice([why, who], limits) is who
    assert confident_choice([why, candidate("other", 89.5, coverage=1.0)], limits) is None


def test_a_confident_answer_covers_enough_of_the_question() -> None:
    limits = Thresholds(confident=50, suggest=40, margin=2)
    assert confident_choice([candidate("thin", 90.0, coverage=0.2)], limits) is None


def test_a_rare_real_word_may_be_a_typo_of_a_function_word(matcher: Matcher) -> None:
    assert matcher.query_tokens("herd the app is on the apple store") == ["app", "applestore"]
    assert "wall" in matcher.query_tokens("how long is the wall")


def test_a_typo_of_a_word_the_knowledge_base_lacks_is_read_as_that_word(matcher: Matcher) -> None:
    assert "push" in matcher.query_tokens("was the launch puxhed back")


def test_a_question_of_framing_words_only_is_not_answered(matcher: Matcher) -> None:
    assert matcher.match("what happened").tier is not Tier.CONFIDENT


def test_a_question_for_a_number_needs_an_entry_asked_for_one() -> None:
    limits = Thresholds(confident=50, suggest=40, margin=2)
    city = Candidate("nyc-rollout", "", 90.0, "", counting=True, alike=False)
    count = Candidate("enrolled", "", 90.0, "", counting=True, alike=True)
    assert confident_choice([city], limits) is None
    assert confident_choice([count], limits) is count


def test_a_question_asking_who_needs_an_entry_asked_who() -> None:
    limits = Thresholds(confident=50, suggest=40, margin=2)
    which = Candidate("which-app", "", 90.0, "", asks_kind=True, alike=False)
    who = Candidate("who-can-use", "", 90.0, "", asks_kind=True, alike=True)
    assert confident_choice([which], limits) is None
    assert confident_choice([who], limits) is who


DEFINED = [
    entry(
        "atd",
        "What is Alternatives to Detention (ATD)?",
        "what is isap",
        keywords=["intensive supervision"],
    ),
    entry("portal", "What is the ICE Portal?", "ice portal login"),
    entry(
        "status",
        "Where do things stand now with ICE check-ins and the app?",
        "will the app let migrants live a life of anonymity",
    ),
    entry(
        "arrests",
        "Are people being arrested at ICE check-ins?",
        keywords=["deportation data project"],
        answer="The Deportation Data Project counted arrests at check-ins in 2025.",
    ),
]


@pytest.mark.parametrize(
    "question",
    [
        "what is ICE",  # the entries mention ICE; the ICE Portal is not ICE
        "what does ICE stand for",
        "what is the meaning of life",
        "what is project 2025",  # "project" alone is not the Deportation Data Project
        "what is the data project",
    ],
)
def test_what_is_x_needs_an_entry_asked_what_x_is(question: str) -> None:
    assert Matcher(DEFINED).match(question).tier is not Tier.CONFIDENT


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("whats atd", "atd"),
        ("what is intensive supervision", "atd"),  # its keywords name it
        ("ATD meaning", "atd"),
        ("what is the ice portal", "portal"),
        ("what did the deportation data project find about check-ins", "arrests"),
    ],
)
def test_what_is_x_is_answered_by_the_entry_that_says_what_x_is(
    question: str, expected: str
) -> None:
    result = Matcher(DEFINED).match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == expected


def test_two_questions_in_one_answer_the_part_an_entry_covers(matcher: Matcher) -> None:
    result = matcher.match("how many migrants were enrolled and is the app on the apple store")
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id in ("enrolled", "apple-store")


def test_a_sentence_of_context_before_a_question_leaves_it_judged_alone() -> None:
    shipped = Matcher(shipped_entries())
    result = shipped.match(
        "I coach soccer on weekends. Where do people find low cost immigration lawyers?"
    )
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "legal-help"
    # A question the knowledge base does not cover is no context: it stays unanswered.
    assert shipped.match("My sister just moved here. What is DACA?").tier is not Tier.CONFIDENT


def test_a_negated_question_leads_to_the_entry_asked_in_the_negative() -> None:
    negative = Matcher(
        [
            entry("how", "How does checking in on the app work?", "how do i check in on the app"),
            entry("skip", "What happens to migrants who do not check in?", "missed check in"),
            entry("who", "Who can use the app?"),
        ]
    )
    result = negative.match("what if a migrant doesnt check in on the app")
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "skip"
    assert result.best.score - result.candidates[1].score >= Thresholds().margin


def test_a_part_that_only_points_back_is_not_answered_alone() -> None:
    doubt = Matcher([entry("confirmed", "Is this confirmed?", "is this fake", "is this real")])
    assert doubt.match("is this fake").tier is Tier.CONFIDENT
    assert doubt.match("is the earth flat or is that fake").tier is not Tier.CONFIDENT


def test_asked_when_an_entry_asked_when_that_covers_more_wins() -> None:
    limits = Thresholds(confident=50, suggest=40, margin=2)
    claim = Candidate("eo-claim", "", 81.0, "", coverage=0.68, asks_kind=True, alike=False)
    dates = Candidate("eo-dates", "", 72.0, "", coverage=0.8, asks_kind=True, alike=True)
    assert confident_choice([claim, dates], limits) is dates
    # An entry asked "when" that covers no more than the best is no reason to answer.
    same = Candidate("eo-dates", "", 72.0, "", coverage=0.68, asks_kind=True, alike=True)
    assert confident_choice([claim, same], limits) is None


def test_a_common_word_the_knowledge_base_lacks_weighs_less_than_a_rare_one(
    matcher: Matcher,
) -> None:
    common = matcher._weighted_tokens("was the whole launch postponed")[0][stem("whole")]
    rare = matcher._weighted_tokens("was the daca launch postponed")[0]["daca"]
    assert common < rare


def test_a_topic_word_an_entry_lacks_counts_for_less_than_a_specific_one() -> None:
    # "ice" is in more than a tenth of the entries, "outlet" in one of twelve.
    places = "chicago houston miami denver boston dallas austin newark tampa reno".split()
    topic = Matcher(
        [
            *(entry(f"office-{place}", f"Is the ICE office in {place} busy?") for place in places),
            entry("portal", "What is the ICE Portal?", "ice portal"),
            entry("reported", "Who reported this?", "which outlet"),
        ]
    )
    assert topic._specific("ice") < 1.0
    assert topic._specific("outlet") == 1.0
    assert topic._specific("population") == 1.0  # a word the knowledge base lacks


DOUBTED = [
    entry(
        "enrolled",
        "How many migrants were enrolled in the app?",
        "45 enrolled?",
        "how many signed up",
    ),
    entry(
        "confirmed",
        "Is this confirmed?",
        "is this true",
        "is this real or fake news",
        "is this just a rumor",
        "did they make this all up",
    ),
    entry("glitches", "Did the app have glitches?", "is the app buggy"),
]


def test_doubt_about_a_single_name_is_not_read_as_doubt_about_a_claim() -> None:
    # "is Newsmax legit" asks whether an outlet can be trusted, not whether a claim is true.
    places = "chicago houston miami denver boston dallas austin newark tampa reno".split()
    named = Matcher(
        [
            *DOUBTED,
            entry("newsmax", "What did Newsmax report?", "newsmax headline"),
            *(entry(f"office-{place}", f"Is the ICE office in {place} busy?") for place in places),
        ]
    )
    assert named.match("is newsmax legit or just rumors").tier is not Tier.CONFIDENT
    # Named in more words, it is a claim: its entry answers.
    # …and so is a claim named in words the knowledge base lacks: "daca" is no claim of it.
    assert named.match("is the daca renewal legit or just rumors").tier is not Tier.CONFIDENT
    claim = named.match("is the newsmax headline legit or just rumors")
    assert claim.best is not None and claim.best.entry_id == "newsmax"
    assert claim.tier is Tier.CONFIDENT
    # Words the knowledge base never uses judge the claim, they are not part of it.
    judged = named.match("are the app glitches real or just chatter from bitter staffers")
    assert judged.best is not None and judged.best.entry_id == "glitches"
    assert judged.tier is Tier.CONFIDENT


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("45 enrolled sounds made up, is that number real?", "enrolled"),
        ("is the 45 enrolled figure just a rumor", "enrolled"),
        ("is this just a rumor", "confirmed"),
        ("did they make this whole story up", "confirmed"),
    ],
)
def test_doubt_about_one_claim_is_answered_by_that_claims_entry(
    question: str, expected: str
) -> None:
    result = Matcher(DOUBTED).match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == expected


def test_asked_how_to_do_something_only_an_entry_asked_that_way_answers() -> None:
    exempt = Matcher(
        [
            entry(
                "exempt", "Who is exempt from the border rule?", "does it apply to asylum seekers"
            ),
            entry("report", "How do I report a mistake?", "how can i send a correction"),
        ]
    )
    assert exempt.match("how do i apply for asylum").tier is not Tier.CONFIDENT
    assert exempt.match("does the border rule apply to asylum seekers").tier is Tier.CONFIDENT
    reported = exempt.match("how do i send a correction")
    assert reported.best is not None and reported.best.entry_id == "report"


def test_asked_what_x_is_a_near_tie_goes_to_the_entry_whose_own_question_asks_it() -> None:
    named = Matcher(
        [
            entry("smartlink", "What is SmartLINK?", "smartlink app"),
            entry(
                "which-app",
                "Is this the same app as SmartLINK?",
                "what is the app called",
                "is this app just smartlink",
                keywords=["same as smartlink"],
            ),
        ]
    )
    for question in ("what is the smartlink app", "smartlink app what is it"):
        result = named.match(question)
        assert result.tier is Tier.CONFIDENT, question
        assert result.best is not None and result.best.entry_id == "smartlink"


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        (
            "en",
            "Who can use the check-in app, and does it play music?",
            "app-who-can-use",
        ),
        (
            "en",
            "Who can use the check-in app? And does it play music?",
            "app-who-can-use",
        ),
        ("es", "¿Quién puede usar la app y cuánto cuesta el plan de datos?", "app-who-can-use"),
    ],
)
def test_the_question_covered_is_answered_and_the_other_counted_as_unanswered(
    language: str, question: str, expected: str
) -> None:
    result = Matcher(shipped_entries(), language=language).match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == expected
    assert result.unanswered == 1


def test_a_single_question_answered_leaves_nothing_unanswered() -> None:
    result = Matcher(shipped_entries()).match("Who can use the check-in app?")
    assert result.tier is Tier.CONFIDENT and result.unanswered == 0


@pytest.mark.parametrize(
    ("language", "question"),
    [
        # The second question leans on the first for its subject: it does not ask about
        # anything the knowledge base covers.
        ("en", "What is the TPS program for Haitians, and when does it run out?"),
        ("es", "¿Qué es el TPS para haitianos y cuándo se acaba?"),
        # Two parts, each covered only in part: no confident answer out of them.
        ("en", "Was the app approved by the mayor of Denver, and did the governor sue over it?"),
    ],
)
def test_a_part_is_not_answered_when_it_leans_on_an_unanswered_one_or_is_covered_in_part(
    language: str, question: str
) -> None:
    assert Matcher(shipped_entries(), language=language).match(question).tier is not Tier.CONFIDENT


@pytest.mark.parametrize(
    "question",
    ["Has Apple given the check-in app the green light yet?", "so did apple sign off on it or not"],
)
def test_approval_said_as_an_idiom_is_approval(question: str) -> None:
    result = Matcher(shipped_entries()).match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "apple-store"


def test_an_idiom_for_approval_of_something_else_is_not_answered() -> None:
    assert Matcher(shipped_entries()).match("did the governor sign off on the budget").best is None
