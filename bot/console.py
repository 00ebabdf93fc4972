"""The local chat console: the same engine and database as the Discord bot, in a terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from bot.core.answers import Answer, Suggestion, format_date
from bot.core.engine import Engine

WIDTH = 88
HELP = (
    "Ask a question about the reported ICE check-in app policy. Type a number to open a listed\n"
    "entry, 'sources' for who is quoted, 'help' for this text, 'quit' (or Ctrl-D) to leave."
)


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def render_answer(answer: Answer) -> tuple[str, list[Suggestion]]:
    """Plain text of an answer, and the entries its numbers refer to."""
    lines: list[str] = []
    choices: list[Suggestion] = []
    if answer.notice is not None:
        lines += [_wrap(f"NOTICE — {answer.notice.title}. {answer.notice.text}")]
        lines += [f"- {link.label}: {link.url}" for link in answer.notice.links]
        lines.append("")
    if answer.text is None:
        lines.append(_wrap(answer.message or ""))
        for suggestion in answer.suggestions:
            choices.append(suggestion)
            lines.append(f"  [{len(choices)}] {suggestion.question}")
        return "\n".join(lines), choices
    lines.append(_wrap(answer.text))
    if answer.warning:
        lines += ["", _wrap(f"WARNING: {answer.warning}")]
    lines += ["", "Sources:"]
    for citation in answer.citations:
        lines.append(_wrap(f"- {citation.text}: “{citation.title}”", ""))
        if citation.url:
            lines.append(f"  {citation.url}")
    details = [f"Status: {answer.status_label}"]
    if answer.as_of:
        details.append(f"as of {format_date(answer.as_of)}")
    if answer.dates_from:
        details.append(f"information dates from {format_date(answer.dates_from)}")
    details.append(f"match {answer.score:.0f}/100 on “{answer.matched_question}”")
    lines += ["", _wrap(" · ".join(details))]
    if answer.newer_developments:
        lines.append(_wrap(f"NOTE: {answer.newer_developments}"))
    if answer.related:
        lines.append("Related:")
        for suggestion in answer.related:
            choices.append(suggestion)
            lines.append(f"  [{len(choices)}] {suggestion.question}")
    return "\n".join(lines), choices


def render_sources(engine: Engine) -> str:
    lines = ["Who is quoted in the knowledge base, and how:"]
    for summary in engine.source_summary():
        kind = summary.kind.value.replace("_", " ")
        lines.append(f"- {summary.publisher} ({kind}): {summary.entries} entries")
    return "\n".join(lines)


async def chat(
    engine: Engine,
    read: Callable[[str], str] = input,
    write: Callable[[str], object] = print,
) -> None:
    """Ask-and-answer loop until 'quit' or end of input."""
    write(f"policybot console — {len(engine.entries())} entries. {HELP}")
    choices: list[Suggestion] = []
    while True:
        try:
            line = read("\nyou> ").strip()
        except (EOFError, KeyboardInterrupt):
            write("")
            return
        command = line.lower()
        if command in {"quit", "exit", "q"}:
            return
        if command in {"help", "?"}:
            write(HELP)
            continue
        if command == "sources":
            write(render_sources(engine))
            continue
        if line.isdigit() and 1 <= int(line) <= len(choices):
            answer = engine.answer_for_entry(choices[int(line) - 1].entry_id)
            if answer is None:
                write("That entry has since been removed.")
                continue
        else:
            answer = await engine.ask(line, asker="console", channel="console")
        text, choices = render_answer(answer)
        write(text)
