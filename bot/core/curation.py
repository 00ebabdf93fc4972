"""Building a changed entry from a moderator's request: a new entry, a new status with the source
that justifies it, a source added or removed. Each result goes through the same model as the
files, plus the provenance rule (a new source gives its url or why it has none), so a change from
Discord can be no looser than a change to a file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from bot.core.i18n import N_, Marked
from bot.core.knowledge import KnowledgeError, describe_validation_error, parse_entry
from bot.core.models import Entry, Source, Status

NO_PROVENANCE = (
    "no url and no no_url_reason: give the source's public address, or say why it has none"
)


def parse_source(raw: Mapping[str, Any], where: str) -> Source:
    """A source as a moderator typed it, validated like a file's, provenance rule included."""
    try:
        source = Source.model_validate(raw)
    except ValidationError as error:
        raise KnowledgeError(describe_validation_error(where, error)) from None
    if source.url is None and source.no_url_reason is None:
        raise KnowledgeError([f"{where}: field 'url': {NO_PROVENANCE}"])
    return source


def as_source(source: Source | Mapping[str, Any]) -> Source:
    return source if isinstance(source, Source) else parse_source(source, "source")


def new_entry(raw: Mapping[str, Any]) -> Entry:
    """A whole new entry; every source must satisfy the provenance rule."""
    where = f"entry '{raw.get('id', '?')}'"
    entry = parse_entry(raw, where)
    missing = [
        f"{where}: field 'sources.{index}.url': {NO_PROVENANCE}"
        for index, source in enumerate(entry.sources)
        if source.url is None and source.no_url_reason is None
    ]
    if missing:
        raise KnowledgeError(missing)
    return entry


def _rebuilt(entry: Entry, changes: Mapping[str, Any]) -> Entry:
    raw = {**entry.to_file_dict(), **changes}
    return parse_entry(raw, f"entry '{entry.id}'")


def with_status(
    entry: Entry, status: Status, typed: Source | Mapping[str, Any], note: str, today: dt.date
) -> Entry:
    """The entry at a new status, justified by `source` (added to its sources, first, so the
    answer cites it first), with what changed and when: the source's date, else today."""
    source = as_source(typed)
    when = source.date or today
    if status is entry.status:
        raise KnowledgeError(
            [
                Marked(
                    N_("entry '{entry}': field 'status': already {status}"),
                    entry=entry.id,
                    status=status.value,
                )
            ]
        )
    sources = [source, *(s for s in entry.sources if s != source)]
    return _rebuilt(
        entry,
        {
            "status": status,
            "status_change": {"date": when, "previous": entry.status, "note": note},
            "sources": [s.model_dump(mode="json", exclude_none=True) for s in sources],
            "as_of": max(entry.as_of, when),
        },
    )


def with_source(entry: Entry, typed: Source | Mapping[str, Any]) -> Entry:
    source = as_source(typed)
    if source in entry.sources:
        raise KnowledgeError(
            [
                Marked(
                    N_("entry '{entry}': field 'sources': that source is already listed"),
                    entry=entry.id,
                )
            ]
        )
    sources = [*entry.sources, source]
    return _rebuilt(
        entry, {"sources": [s.model_dump(mode="json", exclude_none=True) for s in sources]}
    )


def without_source(entry: Entry, index: int) -> Entry:
    """The entry without its source number `index` (0-based); the last one cannot go."""
    if not 0 <= index < len(entry.sources):
        raise KnowledgeError(
            [
                Marked(
                    N_("entry '{entry}': field 'sources': no source #{number}"),
                    entry=entry.id,
                    number=index + 1,
                )
            ]
        )
    if len(entry.sources) == 1:
        raise KnowledgeError(
            [
                Marked(
                    N_("entry '{entry}': field 'sources': every entry needs at least one source"),
                    entry=entry.id,
                )
            ]
        )
    sources = [s for n, s in enumerate(entry.sources) if n != index]
    return _rebuilt(
        entry, {"sources": [s.model_dump(mode="json", exclude_none=True) for s in sources]}
    )
