"""Questions whose subject is the bot: "are you free to use", "how old are you", "eres gratis".

Such a question asks whether the bot is or does something. Its words other than "you" often
belong to an entry about something else ("how old is the ATD program", "free legal help"), and
an entry about the bot may share nothing with it but the word for the bot ("are you down right
now" and "what is this bot"). So a confident answer to it comes only from an entry about the
bot (tagged `bot`), one asked what the question asks of the bot (its first content word besides
the bot: "biased" of "are you biased against migrants"), not only about the bot. Otherwise it
is "did you mean" at most.

The phrasings that make the bot the subject are data, one list per language: `bot_subject` in
bot/locales/<code>/language.toml, regular expressions over plain words with the chatter dropped,
matched at the start. A "you" that means anyone ("are you required to check in") or that asks
to be told ("can you tell me who reported it") is not the bot as the subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache

from bot.core.chatter import strip_chatter
from bot.core.confidence import Candidate
from bot.core.languages import languages


@lru_cache(maxsize=8)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(f"(?:{phrase})" for phrase in phrases)
    return re.compile(rf"^(?:{alternatives})(?![a-z0-9])")


def bot_is_subject(plain: str, language: str = "en") -> bool:
    """Whether the question (plain words) asks whether the bot is or does something: it opens,
    its chatter dropped, with one of its language's `bot_subject` phrasings."""
    data = languages().get(language)
    if data is None or not data.bot_subject:
        return False
    asked = strip_chatter(plain, language, own=False)
    return _pattern(data.bot_subject).search(asked) is not None


def bot_may_answer(
    chosen: Candidate,
    about_bot: Collection[str],
    tokens: Sequence[str],
    passed: Collection[str],
    asked: Callable[[str], Collection[str]],
) -> bool:
    """Whether `chosen` may answer a question whose subject is the bot: the entry is about the
    bot (its id in `about_bot`) and is asked what the question asks of the bot, the first of
    its tokens (in order) not in `passed` (the bot's token, and doubt: "legit" of "is this bot
    legit legal advice" asks nothing of its own): "biased" of "are you biased against
    migrants", "open" of "are you open source"; `asked` gives the tokens an entry's questions
    and keywords use. A question asking nothing of the bot but the bot ("are you down right
    now": "down", "right", "now" are no content words) is not answered."""
    if chosen.entry_id not in about_bot:
        return False
    wanted = next((token for token in tokens if token not in passed), None)
    return wanted is not None and wanted in asked(chosen.entry_id)
