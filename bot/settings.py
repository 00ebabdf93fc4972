"""Runtime settings from the environment and `.env`.

Built in `main()` and passed down; nothing here runs at import time.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import AnyHttpUrl, Field, SecretStr, model_validator
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

    @model_validator(mode="after")
    def _suggest_below_confident(self) -> Settings:
        if self.suggest_score > self.confident_score:
            raise ValueError("POLICYBOT_SUGGEST_SCORE must not be above POLICYBOT_CONFIDENT_SCORE")
        return self

    def thresholds(self) -> Thresholds:
        return Thresholds(
            confident=self.confident_score, suggest=self.suggest_score, margin=self.margin
        )
