"""The local chat console: the same engine and database as the Discord bot, in a terminal.

It speaks the language of the last question (before one is asked, the terminal's: its locale,
else English): answers, labels and help come from the catalogue (bot/core/i18n.py); commands
work in every language.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from bot.core.answers import Answer, Suggestion
from bot.core.citations import SOURCE_KIND_LABELS
from bot.core.engine import Engine
from bot.core.i18n import N_, Texts, operator_language, said, texts
from bot.core.languages import SOURCE_LANGUAGE, languages

WIDTH = 88
HELP = N_(
    "Ask a question about the reported ICE check-in app policy. Type a number to open a listed\n"
    "entry, 'sources' for who is quoted, 'help' for this text, 'quit' (or Ctrl-D) to leave."
)
NOT_SAVED_YET = N_("The questions asked are not saved yet ({problem}); going on, still trying.")
# Commands, typed in any language the bot speaks.
QUIT, HELP_COMMAND, SOURCES = N_("quit"), N_("help"), N_("sources")


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def render_answer(answer: Answer) -> tuple[str, list[Suggestion]]:
    """Plain text of an answer, and the entries its numbers refer to."""
    words = texts(answer.language)
    lines: list[str] = []
    choices: list[Suggestion] = []
    if answer.notice is not None:
        notice = words.gettext("NOTICE — {title}. {text}")
        lines += [_wrap(notice.format(title=answer.notice.title, text=answer.notice.text))]
        lines += [f"- {link.label}: {link.url}" for link in answer.notice.links]
        lines.append("")
    if answer.text is None:
        lines.append(_wrap(answer.message or ""))
        for suggestion in answer.suggestions:
            choices.append(suggestion)
            lines.append(f"  [{len(choices)}] {suggestion.question}")
        return "\n".join(lines), choices
    if answer.not_translated_note:
        lines += [_wrap(answer.not_translated_note), ""]
    if answer.unanswered_note:
        lines += [_wrap(answer.unanswered_note), ""]
    if answer.outlet_note:
        lines += [_wrap(answer.outlet_note), ""]
    lines.append(_wrap(answer.text))
    if answer.warning:
        lines += ["", _wrap(words.gettext("WARNING: {warning}").format(warning=answer.warning))]
    lines += ["", words.gettext("Sources:")]
    for citation in answer.citations:
        lines.append(_wrap(f"- {citation.text}: {words.quoted(citation.title)}", ""))
        if citation.url:
            lines.append(f"  {citation.url}")
    details = [words.gettext("Status: {status}").format(status=answer.status_label)]
    if answer.as_of:
        details.append(words.gettext("as of {date}").format(date=words.date(answer.as_of)))
    if answer.dates_line:
        details.append(answer.dates_line)
    details.append(
        words.gettext("match {score}/100 on “{question}”").format(
            score=f"{answer.score:.0f}", question=answer.matched_question
        )
    )
    lines += ["", _wrap(" · ".join(details))]
    if answer.newer_developments:
        note = words.gettext("NOTE: {note}").format(note=answer.newer_developments)
        lines.append(_wrap(note))
    if answer.update:
        lines.append(_wrap(answer.update))
    if answer.related:
        lines.append(words.gettext("Related:"))
        for suggestion in answer.related:
            choices.append(suggestion)
            lines.append(f"  [{len(choices)}] {suggestion.question}")
    return "\n".join(lines), choices


def render_sources(engine: Engine, language: str = SOURCE_LANGUAGE) -> str:
    words = texts(language)
    lines = [words.gettext("Who is quoted in the knowledge base, and how:")]
    for summary in engine.source_summary():
        kind = words.gettext(SOURCE_KIND_LABELS[summary.kind])
        count = words.ngettext("{count} entry", "{count} entries", summary.entries)
        lines.append(
            f"- {summary.publisher} ({kind}): {count.format(count=words.number(summary.entries))}"
        )
    return "\n".join(lines)


def _command(line: str) -> str | None:
    """Which command `line` is, in any language: QUIT, HELP_COMMAND, SOURCES, or None."""
    typed = line.strip().lower()
    for command, extra in ((QUIT, {"exit", "q"}), (HELP_COMMAND, {"?"}), (SOURCES, set())):
        spelled = {texts(code).gettext(command).lower() for code in languages()} | extra
        if typed in spelled:
            return command
    return None


async def chat(
    engine: Engine,
    read: Callable[[str], str] = input,
    write: Callable[[str], object] = print,
    speaking: Callable[[str], object] = lambda code: None,
) -> None:
    """Ask-and-answer loop until 'quit' or end of input; `speaking` is told each language
    the console turns to (e.g. for what a second Ctrl-C says, bot.ctrl_c)."""
    words: Texts = texts(operator_language())
    speaking(words.code)
    greeting = words.gettext("policybot console — {count} entries.")
    write(f"{greeting.format(count=words.number(len(engine.entries())))} {words.gettext(HELP)}")
    choices: list[Suggestion] = []
    while True:
        try:
            line = read("\nyou> ").strip()
        except (EOFError, KeyboardInterrupt):
            write("")
            return
        command = _command(line)
        if command == QUIT:
            return
        if command == HELP_COMMAND:
            write(words.gettext(HELP))
            continue
        if command == SOURCES:
            write(render_sources(engine, words.code))
            continue
        if line.isdigit() and 1 <= int(line) <= len(choices):
            picked = choices[int(line) - 1].entry_id
            # Logged as a pick, as a Discord button's is: it counts in usage, takes votes.
            answer = await engine.open_entry(
                picked, asker="console", channel="console", language=words.code
            )
            if answer is None:
                write(words.gettext("That entry has since been removed."))
                continue
        else:
            answer = await engine.ask(
                line, asker="console", channel="console", preferred_language=words.code
            )
        words = texts(answer.language)
        speaking(words.code)
        text, choices = render_answer(answer)
        write(text)
        await _written_before_the_prompt(engine, words, write)


async def _written_before_the_prompt(
    engine: Engine, words: Texts, write: Callable[[str], object]
) -> None:
    """The question log writes on this thread's event loop, which `read` (a blocking `input()`)
    stops: what is not written before the prompt would be lost if the console were killed
    there. A database that stays busy delays the prompt a few seconds, not for ever."""
    problem = await engine.write_questions_now()
    if problem is not None:
        write(words.gettext(NOT_SAVED_YET).format(problem=said(problem, words.code)))
