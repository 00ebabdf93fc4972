"""Where an entry's page lives: one stable address per entry id, inside or outside the site."""

from __future__ import annotations

from bot.core.answers import Answer

ENTRY_FOLDER = "answers"


def entry_path(entry_id: str) -> str:
    """The page's path from the site root, e.g. `answers/enrolled-45.html`."""
    return f"{ENTRY_FOLDER}/{entry_id}.html"


def entry_url(site_url: str | None, entry_id: str) -> str | None:
    """The page's public address, or None when no site address is configured."""
    if not site_url:
        return None
    return f"{site_url.rstrip('/')}/{entry_path(entry_id)}"


def answer_page_url(site_url: str | None, answer: Answer) -> str | None:
    """The page of the entry an answer gives, if it gives one and the site has an address."""
    if not answer.matched or answer.entry_id is None:
        return None
    return entry_url(site_url, answer.entry_id)
