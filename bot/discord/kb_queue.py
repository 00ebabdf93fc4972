"""`/kb queue`: the unanswered questions grouped by similarity (bot.core.queue_groups), with
counts and when each group was last asked, and an "Add entry" button per group that opens the
`/kb add` text form prefilled with the group's wordings. The button checks the moderator itself
(`pb:kbq:add:<question id>`, a persistent dynamic item registered with /kb)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import discord
from discord.ext import commands

from bot.core.i18n import N_, Texts
from bot.core.queue_groups import QuestionGroup
from bot.discord.errors import reports_errors
from bot.discord.kb_add import AddFlow, TextModal
from bot.discord.limits import BUTTON_LABEL_MAX, clip
from bot.discord.locale import words_for
from bot.discord.moderation import fit_lines
from bot.discord.reply import NO_MENTIONS
from bot.discord.trust import NOT_A_MODERATOR, trust_of

BUTTONS_SHOWN = 5
GONE = N_("That question is no longer on the queue (answered or dismissed). Run `/kb queue` again.")
ADD_ENTRY = N_("Add entry: {question}")


def groups_text(words: Texts, groups: Sequence[QuestionGroup]) -> str:
    if not groups:
        return words.gettext("No unanswered questions. 🎉")
    lines = [words.gettext("Unanswered questions, similar ones grouped (most asked first):")]
    for group in groups:
        lead = group.lead
        others = ", ".join(str(q.id) for q in group.questions[1:6])
        more = "…" if group.count > 6 else ""
        line = words.gettext("{id} ×{count} · last {day} ({language}) — {question}").format(
            id=f"`{lead.id}`",
            count=words.number(group.count),
            day=words.day(group.last_asked),
            language=lead.language,
            question=clip(discord.utils.escape_markdown(lead.text), 200),
        )
        if others:
            line += " " + words.gettext("(also {others})").format(others=others + more)
        lines.append(line)
    lines.append(
        words.gettext(
            "Add an entry for a group with its button, teach one question to an entry with "
            "`/kb teach`, or remove one with `/kb dismiss`."
        )
    )
    return fit_lines(words, lines)


def queue_view(words: Texts, groups: Sequence[QuestionGroup]) -> discord.ui.View | None:
    view = discord.ui.View(timeout=None)
    for group in groups[:BUTTONS_SHOWN]:
        view.add_item(QueueAddButton(group.lead.id, group.lead.text, words))
    return view if view.children else None


def _flow(client: discord.Client) -> AddFlow | None:
    cog = client.get_cog("KbCog") if isinstance(client, commands.Bot) else None
    flow = getattr(cog, "add_flow", None)
    return flow if isinstance(flow, AddFlow) else None


class QueueAddButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"pb:kbq:add:(?P<question_id>[0-9]{1,18})",
):
    def __init__(self, question_id: int, text: str = "", words: Texts | None = None) -> None:
        """`words`: the moderator's language for the label (none when Discord routes a press
        here by its custom id: the label is not shown then)."""
        label = words.gettext(ADD_ENTRY) if words else ADD_ENTRY
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.primary,
                label=clip(label.format(question=" ".join(text.split())), BUTTON_LABEL_MAX),
                custom_id=f"pb:kbq:add:{question_id}",
            )
        )
        self.question_id = question_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any
    ) -> QueueAddButton:
        return cls(int(match["question_id"]))

    @reports_errors
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        words = words_for(interaction)
        flow = _flow(interaction.client)
        if flow is None or not trust_of(interaction.client).is_moderator(interaction):
            await interaction.response.send_message(
                words.gettext(NOT_A_MODERATOR), ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        groups = await flow.engine.unanswered_groups()
        group = next((g for g in groups if self.question_id in {q.id for q in g.questions}), None)
        if group is None:
            await interaction.response.send_message(
                words.gettext(GONE), ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        draft = flow.drafts.start(interaction.user.id)
        wordings = group.wordings()
        draft.text = draft.text | {
            "question": clip(wordings[0], 300),
            "paraphrases": "\n".join(w[:300] for w in wordings[1:])[:4000],
        }
        draft.reason = f"unanswered question {group.lead.id}, asked {group.count} times"
        await interaction.response.send_modal(TextModal(flow, draft, words))
