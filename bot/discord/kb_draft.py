"""A moderator's `/kb add` draft: what they typed so far, kept in memory (never in the knowledge
base) until the last form saves it, and its summary on the step message."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.core.i18n import N_, Texts
from bot.core.models import STATUS_LABELS, SourceKind, Status
from bot.discord.kb_modal import split_lines
from bot.discord.limits import clip

KIND_LABELS: dict[SourceKind, str] = {
    SourceKind.ANONYMOUS: N_("Anonymous sources (say how the outlet describes them)"),
    SourceKind.NAMED_PERSON: N_("A named person"),
    SourceKind.OFFICIAL_RECORD: N_("An official record or document"),
    SourceKind.AGENCY_DATA: N_("Agency data"),
    SourceKind.OUTLET_ANALYSIS: N_("The outlet's own reporting or analysis"),
    SourceKind.UNATTRIBUTED: N_("The outlet names no source"),
}
# Stored as the reason of a new entry's revision: in the files' language, English.
NEW_ENTRY_REASON = "new entry"


@dataclass
class Draft:
    """What a moderator has typed so far; nothing of it is in the knowledge base."""

    text: dict[str, str] = field(default_factory=dict)  # id, question, paraphrases, …
    source: dict[str, str] = field(default_factory=dict)  # publisher, title, date, link, …
    status: Status | None = None
    kind: SourceKind | None = None
    reason: str = NEW_ENTRY_REASON

    def raw_entry(self, today: dt.date) -> dict[str, object]:
        """The entry as a file would hold it, for the model to validate."""
        return {
            "id": self.text.get("id", "").strip(),
            "question": self.text.get("question", ""),
            "paraphrases": split_lines(self.text.get("paraphrases", "")),
            "keywords": split_lines(self.text.get("keywords", "")),
            "answer": self.text.get("answer", ""),
            "sources": [source_raw(self.source, self.kind)],
            "status": self.status.value if self.status else "",
            "as_of": today.isoformat(),
        }


def source_raw(typed: dict[str, str], kind: SourceKind | None) -> dict[str, object]:
    """A source as typed in a form: the link is a url if it looks like one, else the reason
    there is none; an empty date means undated; empty optional fields are left out."""
    raw: dict[str, object] = {
        "publisher": typed.get("publisher", ""),
        "title": typed.get("title", ""),
        "kind": kind.value if kind else "",
    }
    date = typed.get("date", "").strip()
    if date:
        raw["date"] = date
    link = typed.get("link", "").strip()
    if link.lower().startswith(("http://", "https://")):
        raw["url"] = link
    elif link:
        raw["no_url_reason"] = link
    described = typed.get("described_as", "").strip()
    if described:
        raw["described_as"] = described
    return raw


class Drafts:
    """One draft per moderator, in memory: a restart forgets drafts, never saved entries."""

    def __init__(self) -> None:
        self._drafts: dict[int, Draft] = {}

    def get(self, user_id: int) -> Draft | None:
        return self._drafts.get(user_id)

    def start(self, user_id: int) -> Draft:
        return self._drafts.setdefault(user_id, Draft())

    def discard(self, user_id: int) -> None:
        self._drafts.pop(user_id, None)


def draft_summary(words: Texts, draft: Draft) -> str:
    def shown(value: str | None) -> str:
        return f"`{clip(value, 80).replace('`', 'ˋ')}`" if value else "—"

    status = words.gettext(STATUS_LABELS[draft.status]) if draft.status else None
    kind = words.gettext(KIND_LABELS[draft.kind]) if draft.kind else None
    source = f"{shown(draft.source.get('publisher'))} {shown(draft.source.get('title'))}"
    return "\n".join(
        [
            words.gettext("**New entry (draft — not saved)**"),
            words.gettext("id {id} · question {question}").format(
                id=shown(draft.text.get("id")), question=shown(draft.text.get("question"))
            ),
            words.gettext("status {status} · source kind {kind}").format(
                status=shown(status), kind=shown(kind)
            ),
            words.gettext("source {source}").format(source=source),
            words.gettext("Steps: the text, the status and kind, then the source (which saves)."),
        ]
    )
