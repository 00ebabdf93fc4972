"""Conversation around a question: greetings, thanks, addressing the bot, hedges, filler and
internet shorthand. It says nothing about what is asked, so it is dropped before matching.

The lists are data, one per language, over text as plain_words() leaves it (lower case, no
punctuation, apostrophes removed: "i'm" is "im"). Each pattern is a regular expression matched
between word boundaries. Keep them to phrases members really type around a question, never
words that can carry the question itself: "real", "true" and "fake" are doubt, which the
knowledge base answers (see vocabulary.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.languages import languages


def _any(words: str) -> str:
    """A regular expression matching any of the space-separated alternatives ("_" is a space
    inside one)."""
    return "(?:" + "|".join(word.replace("_", " ") for word in words.split()) + ")"


_ADDRESSED = _any("policy_?bot the_bot bot guys everyone all yall folks fam chat team friends?")
_GREETING = _any(
    "hey+ hi+ hiya heya hello+ yo+ sup howdy greetings gm good_(?:morning|afternoon|evening)"
)
_THANKS = _any(
    "thank_(?:you|u) thanks? thankyou thx tx ty tysm tyvm cheers much_appreciated"
    " appreciate_(?:it|you|that|the_help)"
)
_THANKS_FOR = (
    r"(?: (?:so|very) much| a lot| a bunch| in advance| again)?"
    # "for the help", "for the earlier answer", "for the glitch info", "for your replies"
    r"(?: (?:for|4) (?:all )?(?:the|your|this|that)(?: [a-z]+)?"
    r" (?:help|answers?|info|replies|reply|responses?|explanation))?(?: earlier)?"
)
_QUESTION_START = _any(
    "what who whos how hows is are did does do can could why when where which will would was"
    " were has have quick lmk tell pls please explain i any so just"
)
_YOU = _any("you u someone somebody anyone anybody")
_DUMB = _any("dumb stupid silly obvious basic naive")
_PEOPLE = _any(
    "cousin friend mom dad mum uncle aunt brother sister neighbou?r coworker buddy bf gf wife"
    " husband family grandma grandpa roommate"
)
_SHORTHAND = _any(
    "lol+ lmao+ lmfao rofl ha(?:ha)+ he(?:he)+ smh fr(?:fr)? ngl tbh tbf imo imho idk iirc afaik"
    " ikr istg omg omfg wtf bruh bro dude fam yall ong no_?cap deadass lowkey highkey fwiw"
    " btw wyd ok(?:ay)? kk? yeah yep yup nah hm+ um+ uh+ welp oof yikes sheesh"
)

CHATTER: dict[str, tuple[str, ...]] = {
    "en": (
        # Greetings, and whoever they are addressed to.
        rf"{_GREETING}(?: there)?(?: {_ADDRESSED})?",
        # …and a bare "morning" opening the message ("morning all"), never inside a question.
        rf"^(?:morning|afternoon|evening)(?: {_ADDRESSED})?(?= )",
        # The bot addressed at the start of a question: "bot what is smartlink".
        rf"^(?:ok(?:ay)? |so )?(?:policy ?bot|bot)(?= {_QUESTION_START}\b)",
        # Thanks, and what for.
        rf"{_THANKS}{_THANKS_FOR}(?: {_ADDRESSED})?",
        # Asking to be told: the question follows.
        rf"(?:can|could|would|will) {_YOU} (?:please |pls |plz )?"
        r"(?:tell|explain(?: to)?|remind|help) (?:me|us)?(?: (?:understand|out))?",
        rf"(?:can|could|would|will) {_YOU} (?:please |pls |plz )?(?:explain|clarify)",
        rf"(?:do|does) {_YOU} (?:happen to )?know(?: if| whether)?",
        r"(?:any ?one|any ?body|some ?one|some ?body) knows?(?: if| whether)?",
        r"(?:i|im|i am) (?:was |am |just )?(?:a (?:bit|little) |kinda |kind of |so |really )?"
        r"(?:wondering|curious|confused|lost)(?: (?:if|whether|about))?",
        # Who is asking and why: "newbie here", "I'm writing a school paper".
        r"(?:(?:a )?(?:newbie|noob|new (?:here|to this)|new person|first time)(?: here)?)"
        r"(?= (?:what|who|how|is|are|did|does|do|can|why|when|where|which))",
        r"(?:(?:its )?(?:my )?first time (?:posting|poster|asking|here)|(?:im )?new here)"
        r"(?: (?:here|in here|in this (?:server|channel|group|chat)))?",
        r"(?:sorry )?(?:im )?late to the (?:thread|party|convo|conversation|discussion|chat)",
        r"(?:im|i am) (?:writing|doing|working on) (?:a|an|my) (?:school |college |class )?"
        r"(?:paper|essay|report|project|assignment|article)(?: (?:on|about) (?:this|it))?",
        r"(?:(?:genuinely|honestly|seriously|just|sincerely) asking|asking genuinely)",
        r"just (?:so|to make sure) (?:i|im) (?:understand|clear|get (?:it|this) right)",
        r"just to (?:be clear|clarify|confirm|check|double check)",
        r"(?:i )?(?:want|wanna|would like|wanted|d like) to know(?: if| whether)?",
        r"(?:i )?(?:have|got) a (?:quick |small |random )?(?:question|q)(?: for (?:you|u))?",
        rf"(?:quick|random|honest|genuine|serious|simple|{_DUMB}) (?:question|q|one)"
        rf"(?: for (?:the )?(?:{_ADDRESSED}|{_YOU}))?",
        r"one more(?: (?:question|q|thing))?",
        # A question that follows an earlier one: "follow up:", "quick follow-up question".
        r"^(?:(?:a|one|quick) )?follow ?up(?: (?:question|q))?(?= )",
        r"lmk|let me know|tell me|pls|plz|please|eli5|explain like im five",
        # Hedges and apologies.
        rf"sorry(?: (?:if|for) (?:this is|this|its|it is) (?:a )?{_DUMB}(?: question| q)?)?"
        r"(?: (?:to bother(?: you)?|for asking|for the dumb question|to bring (?:this |it )?up"
        r"(?: again| old news)?))?(?: but)?",
        rf"(?:this )?(?:might|may) be (?:a )?{_DUMB} (?:question|q)",
        r"not sure if (?:you|u) (?:know|would know|can answer)(?: this)?",
        r"(?:no idea|idk) if (?:you|u) (?:know|cover)(?: this)?",
        r"correct me if im wrong|i (?:might|may|could) be (?:wrong|misreading|mistaken|confused)"
        r"(?: (?:here|about this))?(?: but)?",
        rf"(?:i )?(?:hope|hoping) (?:{_YOU}|{_ADDRESSED}) can help(?: me)?(?: out| with this)?",
        # A tag at the end: "did it glitch or what", "is it real or nah".
        r"or (?:what|nah|nah bro)$",
        r"just curious|out of curiosity|real talk|honestly|genuinely|seriously|for the record",
        r"asking for a (?:friend|cousin|relative|family member)",
        # Who brought it up: "my cousin keeps saying stuff about this".
        rf"(?:my|a) {_PEOPLE} (?:keeps|kept|has been|is|was) (?:saying|posting|sharing|telling me"
        r"|asking)(?: (?:stuff|things))?(?: about (?:this|it|that))?",
        # Where the asker came across it: "… people keep mentioning", "i keep seeing it".
        r"(?:that |which )?(?:people|ppl|everyone|everybody|folks) (?:keep|keeps|kept) "
        r"(?:mentioning|talking about|posting about|bringing up)(?: (?:it|this|that))?",
        r"i (?:keep|kept) (?:seeing|hearing)(?: about)?(?: (?:it|this|that))?"
        r"(?: (?:mentioned|everywhere|around|online|here))?$",
        # A message passed on: "my mom just sent me this article in the family group chat".
        rf"(?:my {_PEOPLE} |(?:some ?one|some ?body) )?(?:just )?(?:sent|forwarded|shared|texted"
        r"|showed) (?:me|us) (?:this|that|a|an)(?: (?:article|link|post|screenshot|video|story))?"
        r"(?: (?:in|on|over|via) (?:the |our |a |my )?(?:family |group |work )*"
        r"(?:chat|whatsapp|text|facebook|fb|telegram|email|discord|dms?|server))?",
        # Filler opening a message: "ok but", "so like", "um".
        r"^(?:ok(?:ay)?|so|well|anyway|alright|right|oh|ah|hmm+|um+|uh+|like|but|and|wait)"
        r"(?: (?:but|so|like|um+|uh+|then|yeah))*(?= )",
        # Internet shorthand and reactions.
        _SHORTHAND,
    ),
}


def tells_backstory(plain: str, language: str = "en") -> bool:
    """Whether a clause (plain words) speaks of the asker or the people around them: it has
    one of its language's backstory words (`backstory` in bot/locales/<code>/language.toml)."""
    data = languages().get(language)
    return data is not None and not data.backstory.isdisjoint(plain.split())


@lru_cache(maxsize=8)
def _pattern(language: str) -> re.Pattern[str]:
    phrases = "|".join(f"(?:{phrase})" for phrase in CHATTER[language])
    return re.compile(rf"(?<![a-z0-9])(?:{phrases})(?![a-z0-9])")


def strip_chatter(plain: str, language: str = "en") -> str:
    """`plain` (output of plain_words) without the conversation around the question."""
    if language not in CHATTER:
        return plain
    pattern = _pattern(language)
    stripped = " ".join(pattern.sub(" ", plain).split())
    if stripped == plain:
        return plain
    # A second pass catches what the first uncovered at the start: "hey bot so like what…".
    return " ".join(pattern.sub(" ", stripped).split())
