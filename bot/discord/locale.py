"""The language of a member, from the locale their Discord client sends with an interaction.

A leaf module. Messages (DMs, mentions) carry no locale: there, the question's own language is
all there is.
"""

from __future__ import annotations

from typing import Any

import discord

from bot.core.i18n import Texts, texts
from bot.core.languages import SOURCE_LANGUAGE, language_for_locale


def member_language(interaction: discord.Interaction[Any]) -> str | None:
    """The language of the member's Discord client, if the bot speaks it."""
    return language_for_locale(interaction.locale.value)


def reply_language(interaction: discord.Interaction[Any]) -> str:
    """The language to answer an interaction in when there is no question to go by."""
    return member_language(interaction) or SOURCE_LANGUAGE


def words_for(interaction: discord.Interaction[Any]) -> Texts:
    """The bot's words for a reply that answers no question (a moderator's /kb, a refusal): in
    the language of the member's Discord client."""
    return texts(reply_language(interaction))
