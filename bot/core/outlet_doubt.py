"""The line said first when a question doubts the outlet that reported the story.

"the NY Post is a tabloid, why would I believe it", "newsmax is propaganda", "¿es confiable el
New York Post?": no entry judges an outlet, so such a question is answered by the entry asked
which outlet reported (one_question.py, `Doubt.OUTLET`). That answer is neutral, but given
bare it reads as a dodge of what was asked; this line, in the bot's own voice, says why it
answers so: it does not rate outlets, and here is who reported and on what sourcing.

Only the framing is here: whether a question doubts an outlet is the matcher's reading
(`Matcher.doubts_outlet`). Its English wording is here; every other language's comes from the
catalogue (bot/locales/<code>/LC_MESSAGES/policybot.po), like the rest of the bot's words.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.answers import Answer
from bot.core.i18n import N_, texts
from bot.core.matcher import Tier

FRAMING = N_(
    "I don't rate news outlets. Here is who reported this and what sources they cited, so you "
    "can weigh it yourself."
)


def outlet_framing(language: str) -> str:
    """The framing line in `language` (a language code)."""
    return texts(str(language)).gettext(FRAMING)


def framed(answer: Answer, doubts_outlet: bool) -> Answer:
    """`answer` with the framing line, when it answers a question doubting an outlet."""
    if not doubts_outlet or answer.tier is not Tier.CONFIDENT or answer.text is None:
        return answer
    return replace(answer, outlet_note=outlet_framing(answer.language))
