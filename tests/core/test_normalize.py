"""The normaliser: what people type becomes comparable text and tokens."""

from __future__ import annotations

import pytest

from bot.core.normalize import clean, content_tokens, normalize, question_kind
from bot.core.vocabulary import PHRASES


def test_discord_markup_and_mentions_are_removed() -> None:
    typed = (
        "<@123456789012345678> <@!42> <@&7> <#99> **How many** __migrants__ ~~were~~ ||enrolled||?"
    )
    assert normalize(typed) == "how many migrants were enrolled"


def test_custom_emoji_timestamps_links_and_everyone_are_removed() -> None:
    typed = "@everyone <:thonk:123> <a:spin:456> app <t:1720742400:R> https://example.com/x?y=1"
    assert normalize(typed) == "app"


def test_a_bot_addressed_by_name_as_text_is_removed() -> None:
    assert normalize("@bot is the app real? @PolicyBot") == "is the app real"
    # …but the word "bot" asked about, and an address in an e-mail, are kept.
    assert normalize("is this bot biased") == "is this bot biased"
    assert "bot" in normalize("mail me@bot.com")


def test_unicode_emoji_are_removed() -> None:
    assert normalize("is the app real 🤔🇺🇸🔥") == "is the app real"


def test_accents_are_stripped_and_case_folded() -> None:
    assert normalize("ÉXÉCUTIVE Órder café") == "eo cafe"


def test_zero_width_and_direction_controls_are_removed() -> None:
    assert clean("ap\u200bp \u202egnp.exe\u202c") == "ap p  gnp.exe"
    assert normalize("mi\u200dgrants \u2066enrolled\u2069") == "mi grants enrolled"


def test_control_characters_and_nul_are_removed() -> None:
    assert normalize("app\x00 glitch\x07es") == "app glitch es"


def test_stretched_letters_are_shortened() -> None:
    assert normalize("sooooo the appppp is realllly broken") == "soo the app is really broken"


def test_numbers_keep_their_value() -> None:
    assert normalize("2,500 a day, 1.8 million, 7.6m") == "2500 a day 1.8 million 7.6 million"
    assert normalize("Was it 45?") == "was it 45"
    # Repeated digits are no stretched letters.
    assert normalize("100,000 in 2000, 1,111 left") == "100000 in 2000 1111 left"


def test_numbers_written_short_are_read_in_full() -> None:
    assert normalize("7M caught? 1.8m a year, 179k on ATD, 2.5k a day, $2bn") == (
        "7 million caught 1.8 million a year 179000 on atd 2500 a day 2 billion"
    )
    # …only a number with its unit: not a name, nor a number and a letter apart.
    assert normalize("h1b visa, title 1b, 1.8 m") == "h1b visa title 1b 1.8 m"


def test_apostrophes_join_words() -> None:
    assert normalize("what's ICE’s app") == "whats ices app"


@pytest.mark.parametrize(
    ("typed", "joined"),
    [
        ("Immigration and Customs Enforcement", "ice"),
        ("customs and border protection", "cbp"),
        ("New York Post's story", "nypost story"),
        ("executive order", "eo"),
        ("check-ins", "checkin"),
        ("signed up", "enroll"),
        ("alternatives to detention", "atd"),
        ("CBP One", "cbpone"),
        ("CBP Home", "cbphome"),
        ("smart link", "smartlink"),
        ("apple app store", "applestore"),
        ("the apple store", "the applestore"),
        ("google play or the app store", "appstore or the appstore"),
        ("who runs newsmax", "who operate newsmax"),
        ("whos running ice", "whos operate ice"),
        ("who ran the story", "who ran the story"),
        ("no more in-person check-ins", "no more inperson checkin"),
        ("did a named person say so", "did a named person say so"),
        ("press conference", "pressconference"),
        ("the U.S.", "the usa"),
        ("southern border", "southborder"),
        ("title 42", "title42"),
        ("did they make the whole thing up", "did they madeup"),
        ("did the post make this whole story up", "did nypost madeup"),
        ("what is cbp 1", "what is cbpone"),
        ("what does ATD stand for", "what does atd meaning"),
        ("people picked up at check-ins", "people arrest at checkin"),
        ("SW boarder", "southborder"),
        ("why bring up the election", "why mention the election"),
        ("people ICE tracks without detention", "people ice tracks nondetained"),
        ("no way, 45?", "hoax 45"),
        ("that cannot be true", "that hoax"),
        ("hard to buy", "hoax"),
        ("is there anything behind it", "is there real"),
        ("before it went live", "before it launch"),
        ("apple signed off on it", "apple approved it"),
        ("who gets a pass under the order", "who exempt under the order"),
        ("did a judge shoot down the rule", "did a judge struck the rule"),
        ("why did ice bail on the launch", "why did ice postpone the launch"),
        ("when did the story drop", "when did the story publish"),
        ("who dropped the story", "who publish the story"),
        ("SWB apprehensions", "southborder apprehensions"),
        ("where are things at with the app", "where stand with the app"),
        ("you messed up an answer", "you wrong an answer"),
        ("where this came from", "where this com from"),
        ("when did the ice app come out", "when did the ice app launch"),
        ("when did this story come out", "when did this story publish"),
        ("did they pull it out of thin air", "did they pull it madeup"),
        ("should we even believe it", "should trust it"),
        ("how does the app verify who you are", "how does the app identity"),
        ("does ice confirm your identity", "does ice identity"),
        ("is there identity verification", "is there identity"),
        ("is my city where they're trying it out", "is my city where theyre pilot"),
    ],
)
def test_every_domain_phrase_joins(typed: str, joined: str) -> None:
    assert normalize(typed) == joined


def test_the_phrase_table_is_covered_by_the_cases_above() -> None:
    assert len(PHRASES) == 44


def test_content_tokens_drop_chatter_and_stem() -> None:
    assert content_tokens(normalize("hey guys, were the migrants enrolled in the apps?")) == [
        "migrant",
        "enroll",
        "app",
    ]


def test_short_words_are_not_over_stemmed() -> None:
    assert content_tokens("apply") == ["apply"]
    assert content_tokens("glitches") == ["glitch"]


def test_negation_is_kept_as_one_token() -> None:
    # "what if they don't check in" asks about skipping a check-in, not how one works.
    for typed in ("what if they don't check in", "what if they never check in"):
        assert content_tokens(normalize(typed)) == ["negation", "checkin"]
    assert content_tokens(normalize("what if they check in")) == ["checkin"]


def test_every_common_contraction_is_grammar_not_content() -> None:
    # A modal or copula contraction is no subject of its own: dropped as "isn't" and "can't" are.
    for typed in (
        "wouldn't the app replace check-ins",
        "couldn't they use the app",
        "shouldn't they use the app",
        "weren't they using the app",
        "ain't they using the app",
    ):
        assert not {"wouldnt", "couldnt", "shouldnt", "werent", "aint"} & set(
            content_tokens(normalize(typed))
        ), typed


def test_empty_and_symbol_only_text() -> None:
    assert normalize("") == ""
    assert normalize("   ?!…  🤔 ") == ""
    assert content_tokens(normalize("what is this")) == []


def test_long_input_is_handled() -> None:
    assert normalize("app " * 5000).split() == ["app"] * 5000


@pytest.mark.parametrize(
    ("slang", "meaning"),
    [
        ("ppl", "people"),
        ("presser", "pressconference"),
        ("flop", "fail"),
        ("glitchy", "glitch"),
        ("hoax", "hoax"),
        ("rumors", "hoax"),
        ("did they make it up", "hoax"),
        ("signed up", "enroll"),
        ("nabbed", "apprehend"),
        ("atty", "attorney"),
        ("who gets a pass", "exempt"),
        ("let off the hook", "exempt"),
        ("carved out", "exempt"),
        ("smacked down", "struck"),
        ("struck down", "struck"),
        ("bailed on", "postpone"),
        ("politics", "political"),
        ("rebranded", "sam"),  # the same app, renamed
    ],
)
def test_slang_maps_onto_the_word_it_means(slang: str, meaning: str) -> None:
    assert content_tokens(normalize(slang)) == [meaning]


@pytest.mark.parametrize(
    ("typed", "tokens"),
    [
        ("7m caught?? no way", ["7", "million", "apprehend", "hoax"]),
        ("no way, is that real", ["hoax", "true"]),
        ("that can't be right", ["hoax"]),
        ("hard to believe", ["hoax"]),
        ("seems exaggerated", ["seem", "hoax"]),
        ("i doubt it", ["hoax"]),
        ("sounds dubious", ["sound", "hoax"]),
        # …but a question that uses the words otherwise keeps its meaning.
        ("is there no way to check in", ["checkin"]),
    ],
)
def test_doubt_said_in_other_words_is_read_as_doubt(typed: str, tokens: list[str]) -> None:
    assert content_tokens(normalize(typed)) == tokens


def test_a_hedge_on_a_number_is_no_content() -> None:
    for hedge in ("roughly", "approximately", "approx", "ballpark"):
        assert content_tokens(normalize(f"{hedge} how many enrolled")) == ["enroll"]


def test_illegally_is_not_read_as_migrants() -> None:
    assert content_tokens(normalize("in the united states illegally")) == ["usa", "illegally"]
    assert content_tokens(normalize("illegal immigrants")) == ["migrant", "migrant"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("who are the sources", "who"),
        ("how many migrants enrolled", "how many"),
        ("how does the app work", ""),
        ("so is it true", ""),
        ("so why was it postponed", "why"),
        ("smartlink", ""),
        ("how do i apply for asylum", "how to"),
        ("how can you report a mistake", "how to"),
        ("how do we know this is true", ""),
        ("how do migrants check in", ""),
        ("which cities are in the pilot", "which"),
    ],
)
def test_the_kind_of_question_comes_from_its_first_words(question: str, kind: str) -> None:
    assert question_kind(question.split()) == kind


def test_the_kind_of_question_is_read_from_its_first_four_words() -> None:
    assert question_kind("unnamed sources so who said this".split()) == "who"
    assert question_kind("is the story true and who said it".split()) == ""


def test_a_story_that_dropped_was_published_but_numbers_that_dropped_fell() -> None:
    assert content_tokens(normalize("when did the story drop")) == ["story", "publish"]
    assert content_tokens(normalize("when was it published")) == ["publish"]
    assert content_tokens(normalize("crossings dropped")) == ["crossing", "drop"]
    assert "publish" not in content_tokens(normalize("the number in the report dropped"))


def test_weak_tokens_are_tokens_as_the_reader_makes_them() -> None:
    # A weak word listed as typed ("article", read as "articl") would never be weak.
    from bot.core.vocabulary import WEAK_TOKENS

    for token in WEAK_TOKENS:
        assert content_tokens(normalize(token)) == [token]


def test_shorthand_question_words_ask_as_the_word() -> None:
    from bot.core.analysis import EnglishAnalysis

    assert question_kind("y is the app delayed".split()) == "why"
    assert EnglishAnalysis().definition_subject("smartlink app wut is it") == "smartlink app"
    assert EnglishAnalysis().definition_subject("wut is smartlink") == "smartlink"


def test_a_door_knocked_down_is_not_a_rule_struck_down() -> None:
    # ICE "knocked down" a door in a raid; only a court strikes a rule down.
    assert "struck" not in content_tokens(normalize("ice agents knocked down my neighbors door"))
