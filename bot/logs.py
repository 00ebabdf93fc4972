"""Log lines for services: one line per event, as `key=value` text or as JSON objects.

`POLICYBOT_LOG_FORMAT=text` (the default) reads well in a terminal and in journald;
`json` suits log shippers. Fields given with `extra={...}` become keys of their own, and a
traceback is folded into the same line so that one event never spans several lines.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import Any, TextIO

# Attributes every LogRecord has; anything else on a record came from `extra=`.
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}


def record_fields(record: logging.LogRecord) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
        "level": record.levelname,
        "logger": record.name,
        "msg": record.getMessage(),
    }
    for key, value in record.__dict__.items():
        if key not in _STANDARD and not key.startswith("_"):
            fields[key] = value
    if record.exc_info:
        fields["exc"] = logging.Formatter().formatException(record.exc_info)
    elif record.exc_text:
        fields["exc"] = record.exc_text
    return fields


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(record_fields(record), ensure_ascii=False, default=str)


class KeyValueFormatter(logging.Formatter):
    """`ts=… level=INFO logger=policybot msg="Connected as …" key=value`; values with spaces,
    quotes, `=` or line breaks are quoted JSON-style, so every event is one parseable line."""

    def format(self, record: logging.LogRecord) -> str:
        return " ".join(f"{key}={_value(value)}" for key, value in record_fields(record).items())


def _value(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    if text and not any(c in text for c in ' "=\\') and text.isprintable():
        return text
    return json.dumps(text, ensure_ascii=False)


class _Handler(logging.StreamHandler):  # type: ignore[type-arg]
    """Ours, so that configuring again replaces it and leaves other handlers alone. Without a
    stream of its own it writes to whatever `sys.stderr` is when a record comes (as logging's
    last-resort handler does), never to a stream that has since been closed."""

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__(stream)
        self._own_stream = stream

    @property
    def stream(self) -> TextIO:
        return self._own_stream or sys.stderr

    @stream.setter
    def stream(self, value: TextIO | None) -> None:
        self._own_stream = value


def configure_logging(level: str, log_format: str, stream: TextIO | None = None) -> None:
    """Send log records to stderr as structured lines, one per event."""
    handler = _Handler(stream)
    handler.setFormatter(JsonFormatter() if log_format == "json" else KeyValueFormatter())
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _Handler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
