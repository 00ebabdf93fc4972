"""Runtime settings from the environment and `.env`.

Built in `main()` and passed down; nothing here runs at import time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.core.matcher import Thresholds

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_KNOWLEDGE = PROJECT_ROOT / "knowledge"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="POLICYBOT_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    discord_token: SecretStr | None = Field(
        default=None,
        validation_alias="DISCORD_TOKEN",
        description="Bot token from the Discord developer portal; without it the console opens.",
    )
    db: Path = Field(default=Path("data/policybot.sqlite3"), description="SQLite database file.")
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
        default=2.0,
        ge=0,
        le=100,
        description="If the two best entries are closer than this, ask 'did you mean' instead.",
    )
    moderator_role: str = Field(
        default="Policybot Moderator",
        description="Discord role allowed to edit the knowledge base.",
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

    def thresholds(self) -> Thresholds:
        return Thresholds(
            confident=self.confident_score, suggest=self.suggest_score, margin=self.margin
        )
