"""The notice shown first on a question about the asker's own case, in the asker's language.

Its English wording is here; every other language's comes from the catalogue
(bot/locales/<code>/LC_MESSAGES/policybot.po), like the rest of the bot's words. Each link and
the sentence on what ICE said (in a September 2021 bulletin) were checked against stored copies
of the official pages (knowledge/SOURCES.md, "The own-case notice").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.core.i18n import N_, texts

EOIR_PRO_BONO_URL = "https://www.justice.gov/eoir/list-pro-bono-legal-service-providers"
ICE_CHECK_IN_URL = "https://www.ice.gov/check-in"

TITLE = N_("About your own case: this is not legal advice")
TEXT = N_(
    "This bot only reports what was published about one policy; it cannot tell you what "
    "to do in your own case, and nothing here means you may skip a check-in or change "
    "it on your own. Follow the instructions on your own ICE paperwork or from your ICE "
    "officer. Missing a required check-in can have serious consequences: ICE said in 2021 "
    "that people who do not report as required may be subject to removal. Free or "
    "low-cost legal help exists."
)
LINKS = (
    (
        N_(
            "Free legal help: the immigration courts' (EOIR) list of pro bono legal service "
            "providers"
        ),
        EOIR_PRO_BONO_URL,
    ),
    (N_("ICE's official check-in page"), ICE_CHECK_IN_URL),
)


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Notice:
    language: str
    title: str
    text: str
    links: tuple[Link, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "language": str(self.language),
            "title": self.title,
            "text": self.text,
            "links": [{"label": link.label, "url": link.url} for link in self.links],
        }


def notice_for(language: str) -> Notice:
    """The notice in `language` (a language code)."""
    words = texts(str(language))
    return Notice(
        language=str(language),
        title=words.gettext(TITLE),
        text=words.gettext(TEXT),
        links=tuple(Link(words.gettext(label), url) for label, url in LINKS),
    )
