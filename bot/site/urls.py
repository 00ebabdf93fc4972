"""Where a page lives: one stable address per entry id and language, inside or outside the site.

English pages sit at the root (`answers/enrolled-45.html`); each other language has the same
tree under its code (`es/answers/enrolled-45.html`).
"""

from __future__ import annotations

import posixpath

from bot.core.answers import Answer
from bot.core.languages import SOURCE_LANGUAGE

ENTRY_FOLDER = "answers"


def language_folder(lang: str) -> str:
    """The folder of a language's pages from the site root: "" for English, "es/" for Spanish."""
    return "" if lang == SOURCE_LANGUAGE else f"{lang}/"


def index_path(lang: str = SOURCE_LANGUAGE) -> str:
    return f"{language_folder(lang)}index.html"


def entry_path(entry_id: str, lang: str = SOURCE_LANGUAGE) -> str:
    """The page's path from the site root, e.g. `answers/enrolled-45.html`."""
    return f"{language_folder(lang)}{ENTRY_FOLDER}/{entry_id}.html"


def relative(path: str, start: str) -> str:
    """`path` (from the site root) as a link from the page at `start` (also from the root)."""
    return posixpath.relpath(path, posixpath.dirname(start) or ".")


def entry_url(site_url: str | None, entry_id: str, lang: str = SOURCE_LANGUAGE) -> str | None:
    """The page's public address, or None when no site address is configured."""
    if not site_url:
        return None
    return f"{site_url.rstrip('/')}/{entry_path(entry_id, lang)}"


def answer_page_url(site_url: str | None, answer: Answer) -> str | None:
    """The page of the entry an answer gives, in the answer's language, if it gives one and the
    site has an address."""
    if not answer.matched or answer.entry_id is None:
        return None
    return entry_url(site_url, answer.entry_id, answer.language)
