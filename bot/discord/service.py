"""The bridge between Discord handlers and the core engine: the rate limit, asking, checking
a claim, opening an entry and voting, each turned into the reply to send."""

from __future__ import annotations

import discord

from bot.core.answers import Answer
from bot.core.background import InFlight
from bot.core.engine import Engine
from bot.core.i18n import N_, texts
from bot.core.knowledge import KnowledgeError
from bot.core.languages import SOURCE_LANGUAGE
from bot.core.store import Vote
from bot.discord.limits import MESSAGE_MAX, clip
from bot.discord.ratelimit import RateLimiter
from bot.discord.reply import (
    REMOVED_ENTRY,
    SILENT,
    Reply,
    cooldown_reply,
)
from bot.discord.views import AnswerReplies

TOPICS_SHOWN = 6
QUOTE_MAX = 300
NO_TEXT = N_("That message has no text I can check.")
CHECKING = N_("Checking this part of the message:")
VOTED = {
    Vote.COUNTED: N_("Thanks — your feedback is recorded."),
    Vote.REPEATED: N_("You have already voted on this answer; one vote per member counts."),
    Vote.UNKNOWN_QUESTION: N_(
        "I don't know the question this button belongs to, so no vote was recorded."
    ),
}


class AnswerService:
    def __init__(
        self, engine: Engine, limiter: RateLimiter, *, site_url: str | None = None
    ) -> None:
        self.engine = engine
        self.limiter = limiter
        self._replies = AnswerReplies(site_url)  # answers link to their public page if set
        self._writing = InFlight()  # questions, votes and picks being recorded

    async def drain(self, timeout: float = 5.0) -> None:
        """Wait (at most `timeout` seconds) for the questions, votes and picks being recorded,
        so shutdown does not cut them off."""
        await self._writing.none_left(timeout)

    def _cooldown(self, member_id: int, language: str, *, every_time: bool = True) -> Reply | None:
        """The one rate-limit check, for questions and button presses alike: None when the
        member may go ahead (it counts). Else the cooldown notice — or, unless `every_time`
        (an interaction must always be answered, privately), SILENT after the first one."""
        verdict = self.limiter.check(member_id)
        if verdict.allowed:
            return None
        if verdict.notify or every_time:
            return cooldown_reply(verdict.wait, language)
        return SILENT

    def topics(self, language: str = SOURCE_LANGUAGE) -> list[str]:
        return self.engine.topics(language)[:TOPICS_SHOWN]

    def _reply(self, answer: Answer) -> Reply:
        return self._replies.reply(answer, self.topics(answer.language))

    async def ask(
        self,
        text: str,
        member_id: int,
        channel: str,
        preferred_language: str | None = None,
        *,
        every_notice: bool = True,
    ) -> Reply:
        """Answer in the question's language; `preferred_language` (the member's Discord
        locale) decides only when the question's own language is unclear. With
        `every_notice=False` (mentions, DMs) only the first over-limit question of a cooldown
        gets a notice, the rest SILENT."""
        detected = self.engine.detect_language(text, preferred_language)  # once: passed on
        limited = self._cooldown(member_id, detected.code, every_time=every_notice)
        if limited is not None:
            return limited
        with self._writing.one():
            answer = await self.engine.ask(
                text, asker=str(member_id), channel=channel, detected=detected
            )
        return self._reply(answer)

    async def check_claim(
        self, text: str, member_id: int, channel: str, preferred_language: str | None = None
    ) -> Reply:
        """Answer the part of a message that matches best, quoting that part back."""
        fallback = preferred_language or SOURCE_LANGUAGE
        if not text.strip():
            return Reply(content=texts(fallback).gettext(NO_TEXT), private=True)
        detected = self.engine.detect_language(text, preferred_language)  # once: passed on
        limited = self._cooldown(member_id, detected.code)
        if limited is not None:
            return limited
        with self._writing.one():
            checked = await self.engine.check_claim(
                text, asker=str(member_id), channel=channel, detected=detected
            )
        reply = self._reply(checked.answer)
        quote = "> " + clip(" ".join(checked.claim.split()), QUOTE_MAX)
        checking = texts(checked.answer.language).gettext(CHECKING)
        content = clip(f"{checking}\n{quote}", MESSAGE_MAX)
        if reply.content:  # a refusal or an own-case notice: keep its text under the quote
            content = clip(f"{content}\n\n{reply.content}", MESSAGE_MAX)
        return Reply(content=content, embed=reply.embed, view=reply.view)

    async def open_entry(
        self, entry_id: str, member_id: int, channel: str, language: str = SOURCE_LANGUAGE
    ) -> Reply:
        """An entry picked by button: its answer in the language of the list it was picked
        from, logged so it can take a helpful/unhelpful vote."""
        limited = self._cooldown(member_id, language)
        if limited is not None:
            return limited
        with self._writing.one():
            answer = await self.engine.open_entry(
                entry_id, asker=str(member_id), channel=channel, language=language
            )
        if answer is None:
            return Reply(content=texts(language).gettext(REMOVED_ENTRY))
        return self._reply(answer)

    async def vote(
        self, question_id: int, member_id: int, helpful: bool, language: str = SOURCE_LANGUAGE
    ) -> Reply:
        limited = self._cooldown(member_id, language)
        if limited is not None:
            return limited
        with self._writing.one():
            vote = await self.engine.record_feedback(question_id, str(member_id), helpful)
        return Reply(content=texts(language).gettext(VOTED[vote]), private=True)

    async def watch(self, question_id: int, member_id: int) -> bool | None:
        """True: now watching; False: already was; None: the question no longer waits."""
        with self._writing.one():
            try:
                return await self.engine.watch(question_id, str(member_id))
            except KnowledgeError:
                return None

    async def unwatch(self, question_id: int, member_id: int) -> bool:
        with self._writing.one():
            return await self.engine.unwatch(question_id, str(member_id))


def service_of(client: discord.Client) -> AnswerService:
    """The answering service an extension's cogs depend on (set up by the bot client)."""
    service = getattr(client, "service", None)
    if not isinstance(service, AnswerService):
        raise TypeError(f"{type(client).__name__} has no AnswerService to give the cogs")
    return service
