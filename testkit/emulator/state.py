"""The emulator's world: snowflakes, users, guilds, channels, messages and their JSON payloads.

Payloads follow the shapes of Discord API v10 closely enough that discord.py 2.7 builds its
models from them without special cases.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from dataclasses import dataclass, field
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000
EVERYONE_PERMISSIONS = "2248473465835073"  # view, send, embed links, read history, use commands…
ATTACHMENT_SIZE_LIMIT = 25 * 1024 * 1024

Json = dict[str, Any]


class Snowflakes:
    """Monotonic, time-based ids like Discord's (timestamp << 22 | counter)."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def next(self) -> int:
        millis = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (millis << 22) | (next(self._counter) & 0x3FFFFF)


def iso_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


@dataclass
class User:
    id: int
    username: str
    bot: bool = False
    dms_open: bool = True  # Privacy settings: "Allow direct messages from server members"
    locale: str = "en-US"  # the language of the member's Discord client, sent with interactions

    def payload(self) -> Json:
        return {
            "id": str(self.id),
            "username": self.username,
            "global_name": self.username.title(),
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass
class Role:
    id: int
    name: str
    permissions: int = 0

    def payload(self, position: int) -> Json:
        return {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": position,
            "permissions": str(self.permissions),
            "managed": False,
            "mentionable": True,
            "flags": 0,
        }


@dataclass
class Channel:
    id: int
    type: int  # 0 guild text, 1 DM
    name: str = ""
    guild_id: int | None = None
    recipient: User | None = None
    # Permission overwrites as Discord sends them: {"id", "type" (0 role, 1 member), "allow",
    # "deny"}. Sent to the bot; permissions.py does not apply them to members' commands.
    overwrites: list[Json] = field(default_factory=list)

    def payload(self) -> Json:
        if self.type == 1:
            assert self.recipient is not None
            return {
                "id": str(self.id),
                "type": 1,
                "last_message_id": None,
                "flags": 0,
                "recipients": [self.recipient.payload()],
            }
        return {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(self.guild_id),
            "name": self.name,
            "position": 0,
            "permission_overwrites": self.overwrites,
            "nsfw": False,
            "topic": None,
            "parent_id": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }


@dataclass
class Guild:
    id: int
    name: str
    owner_id: int
    channels: list[Channel] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    members: dict[int, User] = field(default_factory=dict)
    member_roles: dict[int, list[int]] = field(default_factory=dict)
    # Server Settings → Integrations: command id → {role, user or (@everyone) guild id: allowed}
    command_permissions: dict[str, dict[int, bool]] = field(default_factory=dict)
    # Server Settings → Community → Server Primary Language (sent on connect and with interactions)
    preferred_locale: str = "en-US"

    @property
    def everyone(self) -> Role:
        return self.roles[0]

    def roles_of(self, user: User) -> list[Role]:
        ids = set(self.member_roles.get(user.id, []))
        return [role for role in self.roles if role.id in ids]

    def member_payload(self, user: User, *, with_user: bool = True) -> Json:
        data: Json = {
            "roles": [str(role_id) for role_id in self.member_roles.get(user.id, [])],
            "joined_at": iso_now(),
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "nick": None,
            "avatar": None,
            "communication_disabled_until": None,
            "premium_since": None,
        }
        if with_user:
            data["user"] = user.payload()
        return data

    def payload(self) -> Json:
        """The full GUILD_CREATE payload."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "owner_id": str(self.owner_id),
            "unavailable": False,
            "member_count": len(self.members),
            "large": False,
            "joined_at": iso_now(),
            "roles": [role.payload(position) for position, role in enumerate(self.roles)],
            "channels": [channel.payload() for channel in self.channels],
            "members": [self.member_payload(user) for user in self.members.values()],
            "features": [],
            "emojis": [],
            "stickers": [],
            "threads": [],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "preferred_locale": self.preferred_locale,
            "system_channel_flags": 0,
        }


@dataclass
class World:
    """Everything the emulator knows about: one application, its bot user, guilds and people."""

    ids: Snowflakes
    application_id: int
    bot: User
    owner: User
    users: dict[int, User] = field(default_factory=dict)
    guilds: dict[int, Guild] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)
    messages: dict[int, Json] = field(default_factory=dict)
    global_commands: list[Json] = field(default_factory=list)
    guild_commands: dict[int, list[Json]] = field(default_factory=dict)

    @classmethod
    def create(cls, bot_name: str = "policybot") -> World:
        ids = Snowflakes()
        application_id = ids.next()
        # A bot user's id equals its application's id on real Discord.
        bot = User(application_id, bot_name, bot=True)
        owner = User(ids.next(), "owner")
        world = cls(ids=ids, application_id=application_id, bot=bot, owner=owner)
        world.users[bot.id] = bot
        world.users[owner.id] = owner
        return world

    def add_user(self, username: str, *, bot: bool = False) -> User:
        user = User(self.ids.next(), username, bot=bot)
        self.users[user.id] = user
        return user

    def add_guild(self, name: str, channel_names: tuple[str, ...] = ("general",)) -> Guild:
        guild_id = self.ids.next()
        guild = Guild(guild_id, name, owner_id=self.owner.id)
        # @everyone shares the guild's id
        guild.roles.append(Role(guild_id, "@everyone", int(EVERYONE_PERMISSIONS)))
        for channel_name in channel_names:
            channel = Channel(self.ids.next(), 0, channel_name, guild_id=guild_id)
            guild.channels.append(channel)
            self.channels[channel.id] = channel
        guild.members[self.bot.id] = self.bot
        guild.members[self.owner.id] = self.owner
        self.guilds[guild_id] = guild
        return guild

    def add_role(self, guild: Guild, name: str, permissions: int = 0) -> Role:
        role = Role(self.ids.next(), name, permissions)
        guild.roles.append(role)
        return role

    def join(self, guild: Guild, user: User, roles: tuple[Role, ...] = ()) -> None:
        guild.members[user.id] = user
        guild.member_roles[user.id] = [role.id for role in roles]

    def dm_channel(self, user: User) -> Channel:
        for channel in self.channels.values():
            if (
                channel.type == 1
                and channel.recipient is not None
                and channel.recipient.id == user.id
            ):
                return channel
        channel = Channel(self.ids.next(), 1, recipient=user)
        self.channels[channel.id] = channel
        return channel

    def user_message(
        self, channel: Channel, author: User, content: str, *, mentions: tuple[User, ...] = ()
    ) -> Json:
        """A message as a member sends it (MESSAGE_CREATE shape), stored for later lookups."""
        message = self.message_payload(channel, author, {"content": content})
        message["mentions"] = [user.payload() for user in mentions]
        message["mention_everyone"] = "@everyone" in content or "@here" in content
        if channel.guild_id is not None:
            guild = self.guilds[channel.guild_id]
            message["member"] = guild.member_payload(author, with_user=False)
            message["mention_roles"] = [
                str(role.id) for role in guild.roles if f"<@&{role.id}>" in content
            ]
            for mention, user in zip(message["mentions"], mentions, strict=True):
                if user.id in guild.members:
                    mention["member"] = guild.member_payload(user, with_user=False)
        self.messages[int(message["id"])] = message
        return message

    def message_payload(self, channel: Channel, author: User, body: Json, **extra: Any) -> Json:
        message: Json = {
            "id": str(self.ids.next()),
            "channel_id": str(channel.id),
            "author": author.payload(),
            "content": body.get("content") or "",
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags") or 0,
        }
        if channel.guild_id is not None:
            message["guild_id"] = str(channel.guild_id)
        message.update(extra)
        return message
