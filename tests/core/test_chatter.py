"""The chatter list: conversation around a question is dropped, the question is kept."""

from __future__ import annotations

import pytest

from bot.core.chatter import CHATTER, strip_chatter
from bot.core.normalize import plain_words


def stripped(text: str) -> str:
    return strip_chatter(plain_words(text))


@pytest.mark.parametrize(
    ("typed", "question"),
    [
        ("yo bot lmk how many ppl signed up for the app fr", "how many ppl signed up for the app"),
        ("ok but real talk was the launch a flop", "was the launch a flop"),
        (
            "sorry if this is dumb but is this confirmed or just rumors",
            "is this confirmed or just rumors",
        ),
        ("hey bot, quick q: who reported this?", "who reported this"),
        ("hi! thanks for the help earlier. who are the sources?", "who are the sources"),
        ("good morning, can you tell me what the ICE portal is?", "what the ice portal is"),
        ("not sure if you know this but what is smartlink", "what is smartlink"),
        ("hey guys so like um what is cbp one", "what is cbp one"),
        ("i was wondering if the app is approved lol", "the app is approved"),
        ("thank you so much! what is ATD?", "what is atd"),
        ("@policybot who are the sources ngl tbh smh", "who are the sources"),
        ("my aunt keeps saying stuff about this 45 enrolled? asking for a friend", "45 enrolled"),
        ("lol wait so is the app real", "is the app real"),
        ("hi, I hope you can help, did the app crash?", "did the app crash"),
        ("did it glitch or what", "did it glitch"),
        ("thanks for all the answers! is it still happening?", "is it still happening"),
        ("morning all. bot, how many enrolled?", "how many enrolled"),
        ("newbie here, what is smartlink", "what is smartlink"),
        ("I'm writing a school paper on this: who reported it?", "who reported it"),
        ("genuinely asking, who are the sources", "who are the sources"),
        ("I'm a bit lost, is the app approved?", "is the app approved"),
        ("just so I understand, is it legal advice?", "is it legal advice"),
        ("sorry to bother, why the warning?", "why the warning"),
        ("sorry to bug you again, how many enrolled", "how many enrolled"),
        ("sorry to trouble you guys, who reported it?", "who reported it"),
        ("i might be misreading but is the launch off?", "is the launch off"),
        ("thanks for the quick reply earlier! who reported it?", "who reported it"),
        ("quick q for you: what is smartlink", "what is smartlink"),
        ("follow-up question: when was the press conference?", "when was the press conference"),
        ("first time here, what is smartlink", "what is smartlink"),
        ("late to the party, sorry. who are the sources?", "who are the sources"),
        ("my brother forwarded me this link on whatsapp. who wrote it?", "who wrote it"),
        ("what is this smartlink app everybody keeps talking about", "what is this smartlink app"),
        ("sorry to bring this up again, but was the launch postponed?", "was the launch postponed"),
        ("what does CBP Home do? I keep hearing about it", "what does cbp home do"),
        # Hedges that soften the question: asking leave, doubting the place, "no offense".
        ("quick question if you don't mind, when did the rule start", "when did the rule start"),
        (
            "not sure if this is the right place to ask but is the app approved",
            "is the app approved",
        ),
        ("sorry if this is nerdy, but how many enrolled?", "how many enrolled"),
        ("no offense bot but is the story true", "is the story true"),
        ("I think the launch was cancelled?", "the launch was cancelled"),
        ("pretty sure the app is approved, right?", "the app is approved right"),
        ("is the app just smartlink renamed or smth", "is the app just smartlink renamed"),
        # More shorthand (chatter12): "fyi", "nvm", "jk", "icymi", "tl;dr", "tho", "srsly".
        ("nvm the last one, who runs the pilot tho", "the last one who runs the pilot"),
        ("fyi my aunt is on atd", "my aunt is on atd"),
        ("jk jk, srsly who reported it", "who reported it"),
        ("tl;dr: is the app approved?", "is the app approved"),
        ("icymi, did the launch get postponed", "did the launch get postponed"),
        # The bot asked by name to tell (talk19), and liking the place asked in.
        ("bot", ""),
        ("could the bot explain what ATD is", "what atd is"),
        ("love this channel! who broke the story?", "who broke the story"),
    ],
)
def test_conversation_around_a_question_is_dropped(typed: str, question: str) -> None:
    assert stripped(typed) == question


@pytest.mark.parametrize("typed", ["thanks bot", "lol", "hi there", "ty!", "ok", "hello everyone"])
def test_a_message_of_only_chatter_leaves_nothing(typed: str) -> None:
    assert stripped(typed) == ""


@pytest.mark.parametrize(
    "question",
    [
        "is this bot biased",
        "what is policybot",
        "is this real or fake",
        "is it true that ice uses an app",
        "who said the app is a hit",
        "what is the threshold in the border rule",
        "what is the difference between what and which",
        "what happens at a morning check in",
        "why is the app lost",
        "did ice say it would follow up with migrants who miss a check in",
        "did the post say the app was shared with the police",
        "i keep hearing the app crashes is that so",
        # Words that only look like shorthand: "though", "those", "idea".
        "is the app approved though",
        "those who enrolled, did they get phones",
        # The bot asked what it can do for one's own case keeps its words (talk19).
        "can the bot explain if i qualify",
        "is the bot right",
    ],
)
def test_words_that_carry_the_question_are_kept(question: str) -> None:
    assert stripped(question) == plain_words(question)


def test_a_language_without_a_list_is_left_alone() -> None:
    assert "xx" not in CHATTER
    assert strip_chatter("hola gracias", language="xx") == "hola gracias"
