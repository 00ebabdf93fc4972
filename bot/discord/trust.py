"""Who may curate the knowledge base from Discord.

There is one knowledge base for every server the bot is in, and anyone can invite a public bot
to a server of their own, where they hold every permission. So moderation is tied to the home
server(s) named in the settings: there, a member with a moderator role (by id — anyone with
Manage Roles can create a role with a given name) or the Manage Server permission moderates.
Everywhere else the bot only answers. `/kb` is registered in the home servers only, and every
/kb path (commands, autocomplete, the edit form) checks `is_moderator` on the server side too:
Discord's command permissions only decide what clients show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import discord

from bot.core.i18n import N_

# Said in the member's language (bot/discord/locale.py: words_for).
NOT_A_MODERATOR = N_(
    "Only moderators of this community's home server can change the knowledge base: members "
    "with a moderator role there, or the Manage Server permission."
)
NO_HOME_GUILD = (  # for the operator's log
    "No home server is set (POLICYBOT_HOME_GUILD_IDS): nobody can moderate the knowledge base "
    "from Discord, and /kb is not registered. Members can still ask everywhere."
)


@dataclass(frozen=True)
class Trust:
    home_guild_ids: frozenset[int] = frozenset()
    moderator_role_ids: frozenset[int] = frozenset()

    @classmethod
    def of(cls, home_guild_ids: Iterable[int], moderator_role_ids: Iterable[int]) -> Trust:
        return cls(frozenset(home_guild_ids), frozenset(moderator_role_ids))

    @property
    def home_guilds(self) -> list[discord.Object]:
        return [discord.Object(guild_id) for guild_id in sorted(self.home_guild_ids)]

    def is_moderator(self, interaction: discord.Interaction[Any]) -> bool:
        """A member of a home server with a moderator role or Manage Server; nobody else."""
        if interaction.guild_id is None or interaction.guild_id not in self.home_guild_ids:
            return False
        user = interaction.user
        if not isinstance(user, discord.Member) or user.guild.id != interaction.guild_id:
            return False
        if interaction.permissions.manage_guild or interaction.permissions.administrator:
            return True
        return any(role.id in self.moderator_role_ids for role in user.roles)


def trust_of(client: discord.Client) -> Trust:
    """The trust settings the bot client was given (Trust() — nobody moderates — if none)."""
    trust = getattr(client, "trust", None)
    return trust if isinstance(trust, Trust) else Trust()
