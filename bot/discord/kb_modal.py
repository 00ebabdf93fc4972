"""The "edit entry" form: question, paraphrases, keywords and answer, plus a reason, in one
language: the entry's own English words, or its translation (a new one starts empty).

Sources, status and dates stay in the files (`/kb import`): they need review that a form
cannot give. The form remembers the revision it was opened at, so a save never silently
undoes someone else's newer edit. An entry whose text does not fit Discord's text inputs is
not offered here at all: a clipped default would be saved back as a silent cut.
"""

from __future__ import annotations

from typing import Any

import discord

from bot.core.engine import Engine
from bot.core.i18n import N_, Texts, texts
from bot.core.knowledge import KnowledgeError
from bot.core.languages import SOURCE_LANGUAGE
from bot.core.models import Entry
from bot.core.store import StoreError
from bot.discord.errors import report_failure
from bot.discord.limits import (
    MESSAGE_MAX,
    MODAL_TITLE_MAX,
    TEXT_INPUT_LABEL_MAX,
    TEXT_INPUT_PLACEHOLDER_MAX,
    clip,
)
from bot.discord.locale import words_for
from bot.discord.moderation import author_of, refusal_text
from bot.discord.reply import NO_MENTIONS
from bot.discord.trust import NOT_A_MODERATOR, Trust

TEXT_INPUT_MAX = 4000  # Discord's limit for one text input
QUESTION_MAX = 300
SAVED = N_("Saved {entry} as revision {number}.")


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def form_values(entry: Entry, language: str = SOURCE_LANGUAGE) -> dict[str, str]:
    """The entry's editable fields in `language` as the form shows them (empty for a language
    it has no translation in yet). Keywords go one per line: a keyword may itself contain a
    comma ("3,201,144")."""
    words = entry.in_language(language)
    if words is None:
        return dict.fromkeys(("question", "paraphrases", "keywords", "answer"), "")
    return {
        "question": words.question,
        "paraphrases": "\n".join(words.paraphrases),
        "keywords": "\n".join(words.keywords),
        "answer": words.answer,
    }


def too_long_for_form(
    entry: Entry, language: str = SOURCE_LANGUAGE, words: Texts | None = None
) -> list[str]:
    """Fields that would not fit the form's inputs, e.g. ["answer (4,050 characters)"] (the
    field's name as in the files; the rest in the moderator's language)."""
    words = words or texts()
    limits = {"question": QUESTION_MAX}
    return [
        words.gettext("{field} ({count} characters)").format(
            field=name, count=words.number(len(text))
        )
        for name, text in form_values(entry, language).items()
        if len(text) > limits.get(name, TEXT_INPUT_MAX)
    ]


class EditEntryModal(discord.ui.Modal):
    def __init__(
        self,
        engine: Engine,
        entry: Entry,
        base_revision: int,
        trust: Trust,
        language: str = SOURCE_LANGUAGE,
        words: Texts | None = None,
    ) -> None:
        """`language`: which words of the entry to edit; `words`: the moderator's language,
        for the form's own labels."""
        words = words or texts()
        in_language = "" if language == SOURCE_LANGUAGE else f" ({language})"
        title = words.gettext("Edit {entry}").format(entry=entry.id) + in_language
        super().__init__(title=clip(title, MODAL_TITLE_MAX), timeout=30 * 60)
        self.engine = engine
        self.entry_id = entry.id
        self.language = language
        # The other languages' words, kept as they are by this edit.
        self.translations = entry.to_file_dict().get("translations", {})
        self.base_revision = base_revision
        self.trust = trust
        values = form_values(entry, language)
        self.question: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label=clip(words.gettext("Canonical question"), TEXT_INPUT_LABEL_MAX),
            default=values["question"],
            max_length=QUESTION_MAX,
        )
        self.paraphrases: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label=clip(words.gettext("Paraphrases (one per line)"), TEXT_INPUT_LABEL_MAX),
            style=discord.TextStyle.paragraph,
            default=values["paraphrases"],
            required=False,
            max_length=TEXT_INPUT_MAX,
        )
        self.keywords: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label=clip(words.gettext("Keywords (one per line)"), TEXT_INPUT_LABEL_MAX),
            style=discord.TextStyle.paragraph,
            default=values["keywords"],
            required=False,
            max_length=TEXT_INPUT_MAX,
        )
        self.answer: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label=clip(words.gettext("Answer (neutral, attributed)"), TEXT_INPUT_LABEL_MAX),
            style=discord.TextStyle.paragraph,
            default=values["answer"],
            max_length=TEXT_INPUT_MAX,
        )
        self.reason: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label=clip(words.gettext("Reason for the change"), TEXT_INPUT_LABEL_MAX),
            max_length=200,
            placeholder=clip(words.gettext("e.g. clearer wording"), TEXT_INPUT_PLACEHOLDER_MAX),
        )
        for item in (self.question, self.paraphrases, self.keywords, self.answer, self.reason):
            self.add_item(item)

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        """A submit is checked on its own (it may be forged, or the form may have stayed open
        for half an hour): only a moderator in a home server may save."""
        if self.trust.is_moderator(interaction):
            return True
        await interaction.response.send_message(
            words_for(interaction).gettext(NOT_A_MODERATOR),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return False

    def changes(self) -> dict[str, object]:
        words = {
            "question": self.question.value,
            "paraphrases": split_lines(self.paraphrases.value),
            "keywords": split_lines(self.keywords.value),
            "answer": self.answer.value,
        }
        if self.language == SOURCE_LANGUAGE:
            return dict(words)
        translations = dict(self.translations) if isinstance(self.translations, dict) else {}
        return {"translations": {**translations, self.language: words}}

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        # Acknowledged before the database is touched: a save that waits on a lock must not
        # show as "interaction failed" when it in fact succeeds.
        await interaction.response.defer(ephemeral=True, thinking=True)
        words = words_for(interaction)
        try:
            revision = await self.engine.edit_entry(
                self.entry_id,
                self.changes(),
                author=author_of(interaction),
                reason=self.reason.value.strip(),
                base_revision=self.base_revision,
            )
        except (KnowledgeError, StoreError) as error:
            text = refusal_text(words, error, form=True)
        else:
            text = words.gettext(SAVED).format(entry=f"`{self.entry_id}`", number=revision.number)
        await interaction.edit_original_response(
            content=clip(text, MESSAGE_MAX), allowed_mentions=NO_MENTIONS
        )

    async def on_error(self, interaction: discord.Interaction[Any], error: Exception) -> None:  # type: ignore[override]
        await report_failure(interaction, error)
