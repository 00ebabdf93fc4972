""".env.example warns what DEBUG logging prints, and the default stays INFO."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings

ENV_EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"


def test_debug_logging_warning_and_info_default() -> None:
    text = ENV_EXAMPLE.read_text(encoding="utf-8")
    assert "POLICYBOT_LOG_LEVEL=INFO" in text
    assert "interaction tokens" in text and "members type" in text
    assert Settings.model_fields["log_level"].default == "INFO"
