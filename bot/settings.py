"""Runtime settings from the environment and `.env`, and opening the engine they describe.

Built in `main()` and passed down; nothing here runs at import time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, AnyHttpUrl, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.core.backup import BackupError, sqlite_file
from bot.core.engine import Engine
from bot.core.knowledge import shipped_directory
from bot.core.matcher import Thresholds
from bot.core.semantic import bundled_meaning

SITE_URL_MAX = 430
SHIPPED_KNOWLEDGE = shipped_directory()


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="POLICYBOT_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
    )

    discord_token: SecretStr | None = Field(
        default=None,
        validation_alias="DISCORD_TOKEN",
        description="Bot token from the Discord developer portal; without it the console opens.",
    )
    database: str = Field(
        default="data/policybot.sqlite3",
        validation_alias=AliasChoices("POLICYBOT_DATABASE", "POLICYBOT_DB"),
        description="The database: a SQLite file path or a URL (sqlite:///relative/path); "
        "POLICYBOT_DB is the older name.",
    )
    knowledge_dir: Path = Field(
        default=SHIPPED_KNOWLEDGE, description="Curated knowledge files used to seed the database."
    )
    confident_score: float = Field(
        default=50.0, ge=0, le=100, description="Score at or above which an answer is given."
    )
    suggest_score: float = Field(
        default=40.0, ge=0, le=100, description="Score at or above which 'did you mean' is offered."
    )
    margin: float = Field(
        default=5.0,
        ge=0,
        le=100,
        description="If the two best entries are closer than this, ask 'did you mean' instead.",
    )
    semantic: bool = Field(
        default=True,
        description="Let the bundled sentence-embedding model (multilingual-e5-small) answer "
        "questions worded unlike any entry's, and refuse answers it finds far in meaning. "
        "false: match by words alone (20-40 ms less a question).",
    )
    warm_up_texts: int | None = Field(
        default=None,
        ge=0,
        description="With the embedding on: how many entry texts not yet in the embedding cache "
        "the bot embeds in the background at start (20-40 ms of one core each; a 10,000-entry "
        "knowledge base's first start takes about half an hour). 0: none, a question embeds its "
        "candidates' texts when first asked (a slower first answer). Empty: all.",
    )
    home_guild_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list,
        description="Discord server ids, comma-separated, whose moderators curate the knowledge "
        "base (/kb is registered there only). Empty: nobody moderates from Discord.",
    )
    moderator_role_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list,
        description="Role ids, comma-separated, that moderate in a home server (besides members "
        "with Manage Server there).",
    )
    audit_channel_id: int | None = Field(
        default=None,
        description="A text channel of a home server where every moderator action and the "
        "bot's own failures are posted. Empty: no audit channel.",
    )
    moderator_role: str | None = Field(
        default=None, description="Replaced by POLICYBOT_MODERATOR_ROLE_IDS; refused if set."
    )
    rate_limit_count: int = Field(default=5, ge=1, description="Questions per member per window.")
    rate_limit_seconds: float = Field(default=30.0, gt=0, description="Rate-limit window length.")
    log_level: str = Field(default="INFO", description="Python logging level.")
    log_format: Literal["text", "json"] = Field(
        default="text", description="One line per event: key=value text, or JSON objects."
    )
    backup_dir: Path | None = Field(
        default=None, description="Folder for scheduled backups (made by the running bot)."
    )
    backup_every_hours: float = Field(
        default=0.0, ge=0, description="Hours between scheduled backups; 0 turns them off."
    )
    backup_keep: int = Field(default=7, ge=1, description="Scheduled backups to keep.")
    site_url: AnyHttpUrl | None = Field(
        default=None,
        description="Public address of the built knowledge site; answers then link to their page.",
    )
    site_dir: Path | None = Field(
        default=None,
        description="Folder the bot rebuilds the knowledge site into after every /kb change.",
    )
    site_author: str = Field(
        default="policybot moderators",
        min_length=1,
        description="Who publishes the site's reviews (schema.org ClaimReview author).",
    )
    site_author_url: AnyHttpUrl | None = Field(
        default=None, description="The publishing community's own web address, if it has one."
    )

    @field_validator("database", mode="before")
    @classmethod
    def _path_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, Path) else value

    @field_validator("home_guild_ids", "moderator_role_ids", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("audit_channel_id", "warm_up_texts", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("moderator_role")
    @classmethod
    def _role_names_are_gone(cls, value: str | None) -> None:
        if value is not None:
            raise ValueError(
                "moderators are now recognised by role id, because anyone with Manage Roles can "
                "create a role with a given name: set POLICYBOT_MODERATOR_ROLE_IDS (and "
                "POLICYBOT_HOME_GUILD_IDS) instead"
            )
        return None

    @field_validator("site_url")
    @classmethod
    def _fits_a_link_button(cls, value: AnyHttpUrl | None) -> AnyHttpUrl | None:
        # Discord link buttons take 512 characters; a page adds up to 77 (answers/<id>.html).
        if value is not None and len(str(value)) > SITE_URL_MAX:
            raise ValueError(f"at most {SITE_URL_MAX} characters, so page links fit Discord")
        return value

    @model_validator(mode="after")
    def _suggest_below_confident(self) -> Settings:
        if self.suggest_score > self.confident_score:
            raise ValueError("POLICYBOT_SUGGEST_SCORE must not be above POLICYBOT_CONFIDENT_SCORE")
        return self

    @model_validator(mode="after")
    def _backups_need_a_folder(self) -> Settings:
        if self.backup_every_hours > 0 and self.backup_dir is None:
            raise ValueError("POLICYBOT_BACKUP_EVERY_HOURS needs POLICYBOT_BACKUP_DIR")
        return self

    @property
    def state_dir(self) -> Path:
        """Where small local state files go (the command-sync hashes): beside a SQLite file."""
        database = self.database.removeprefix("sqlite:///")
        return Path(database).parent if "://" not in database else Path("data")

    def site_address(self) -> str | None:
        """POLICYBOT_SITE_URL as text, or None when answers should carry no page link."""
        return str(self.site_url) if self.site_url is not None else None

    def thresholds(self) -> Thresholds:
        return Thresholds(
            confident=self.confident_score, suggest=self.suggest_score, margin=self.margin
        )


def embedding_cache(database: str) -> Path | None:
    """Where entry texts' embeddings are kept between runs: beside a SQLite database file."""
    try:
        db = sqlite_file(database)
    except BackupError:
        return None
    if db.name == ":memory:":
        return None  # nothing on disk to sit beside
    return db.with_name(f"{db.stem}.embeddings.sqlite3")


@asynccontextmanager
async def open_engine(settings: Settings) -> AsyncIterator[Engine]:
    """The engine on the configured database, seeded from the knowledge files when new; the
    one way every front end (bot, CLI, console) opens it."""
    meaning = None
    if settings.semantic:
        meaning = bundled_meaning(embedding_cache(settings.database), settings.warm_up_texts)
    async with Engine.open(
        settings.database, settings.knowledge_dir, settings.thresholds(), meaning=meaning
    ) as e:
        yield e
