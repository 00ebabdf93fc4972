"""Command line: `policybot [run|chat|ask|check|kb|site|sync|backup|restore|doctor|health] …`.

`python -m bot` is the same.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import ValidationError

from bot.core.answers import Answer
from bot.core.engine import Engine
from bot.core.i18n import operator_language, said, texts
from bot.core.knowledge import KnowledgeError
from bot.core.languages import languages
from bot.core.store import StoreError
from bot.ctrl_c import CtrlC, cancelling_this_task
from bot.kb_commands import add_kb_parser
from bot.logs import configure_logging
from bot.ops_commands import add_ops_parsers, doctor_with_bad_settings
from bot.settings import Settings, open_engine
from bot.site.urls import answer_page_url
from bot.site_commands import add_site_parser

log = logging.getLogger("policybot")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policybot",
        description="Answers questions about the reported ICE check-in app policy "
        "from a curated, sourced knowledge base.",
    )
    parser.add_argument(
        "--database",
        "--db",
        help="database file or URL (default: POLICYBOT_DATABASE, or its older name POLICYBOT_DB)",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    verbs.add_parser("run", help="connect to Discord (needs DISCORD_TOKEN)")
    verbs.add_parser("chat", help="local chat console on the same engine")
    ask = verbs.add_parser("ask", help="answer one question, or one per line from stdin")
    ask.add_argument("question", nargs="?", help="the question; omit to read stdin")
    ask.add_argument("--json", action="store_true", help="print the JSON contract (DESIGN.md)")
    ask.add_argument("--no-log", action="store_true", help="do not log the questions")
    ask.add_argument(
        "--language",
        choices=list(languages()),
        help=(
            "the asker's language (e.g. es), used when a question's own language is unclear"
            " (default: the terminal's)"
        ),
    )
    check = verbs.add_parser(
        "check", help="check a claim: answer the part of a text that matches best"
    )
    check.add_argument("text", nargs="?", help="the text, e.g. a post; omit to read stdin")
    check.add_argument("--json", action="store_true", help="the JSON contract, plus 'claim'")
    check.add_argument("--no-log", action="store_true", help="do not log the question")
    sync = verbs.add_parser("sync", help="register the slash commands with Discord")
    sync.add_argument("--guild", type=int, help="sync to one server only (instant)")
    add_kb_parser(verbs)
    add_ops_parsers(verbs)
    add_site_parser(verbs)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as error:
        problems = [f"{_setting_name(p['loc'])}: {p['msg']}" for p in error.errors()]
        if args.verb == "doctor":
            return doctor_with_bad_settings(problems)
        for problem in problems:
            print(f"policybot: {problem}", file=sys.stderr)
        return 2
    if args.database is not None:
        settings = settings.model_copy(update={"database": args.database})
    configure_logging(settings.log_level, settings.log_format)
    verb = args.verb or ("run" if settings.discord_token else "chat")
    try:
        if verb == "run" or verb == "sync":
            return _discord(verb, args, settings)
        if verb == "chat":
            from bot.console import chat

            return _with_engine(
                settings,
                lambda engine, ctrl_c: chat(
                    engine, read=ctrl_c.at_prompt(input), speaking=ctrl_c.speak
                ),
            )
        if verb == "ask":
            return _with_engine(settings, lambda engine, _: _ask(engine, args, settings))
        if verb == "check":
            return _with_engine(settings, lambda engine, _: _check(engine, args, settings))
        handler: Callable[[argparse.Namespace, Settings], int] = args.handler
        return handler(args, settings)
    except (KnowledgeError, StoreError) as error:
        print(f"policybot: {_said(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`policybot ask … | head -1`): stop quietly, as Unix tools do.
        # stdout now points at nothing, so Python's own flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _said(error: KnowledgeError | StoreError) -> str:
    """A refusal in the terminal's language: the problems the core marked for translation
    (bot.core.i18n.Marked) are said in it; the rest stay as written."""
    code = operator_language()
    if isinstance(error, StoreError):
        return error.said(code)
    return "\n".join(said(problem, code) for problem in error.problems)


def _setting_name(location: tuple[int | str, ...]) -> str:
    """The environment variable a settings error is about."""
    if not location:
        return "settings"
    name = str(location[0])
    return name if name == "DISCORD_TOKEN" else f"POLICYBOT_{name.upper()}"


def _with_engine(settings: Settings, work: Callable[[Engine, CtrlC], Awaitable[object]]) -> int:
    """Run `work` on the engine; Ctrl-C as bot.ctrl_c says, until the engine has closed."""

    async def go() -> int:
        with cancelling_this_task() as ctrl_c:
            async with open_engine(settings) as engine:
                ctrl_c.saving = engine.unsaved_questions
                result = await work(engine, ctrl_c)
        return result if isinstance(result, int) else 0

    return asyncio.run(go())


def _contract(answer: Answer, settings: Settings) -> dict[str, Any]:
    """The JSON contract; with POLICYBOT_SITE_URL, a matched answer adds its `page_url`."""
    data = answer.to_json()
    page_url = answer_page_url(settings.site_address(), answer)
    if page_url is not None:
        data["page_url"] = page_url
    return data


async def _ask(engine: Engine, args: argparse.Namespace, settings: Settings) -> int:
    from bot.console import render_answer

    questions = [_from_argv(args.question)] if args.question is not None else _stdin_lines()
    # As in the console: a question whose own language is unclear follows the terminal's.
    preferred = args.language or operator_language()
    for question in questions:
        if args.no_log:
            answer = engine.answer(question, preferred)
        else:
            answer = await engine.ask(
                question, asker="cli", channel="cli", preferred_language=preferred
            )
        if args.json:
            print(json_line(_contract(answer, settings)), flush=True)
        else:
            print(render_answer(answer)[0] + "\n", flush=True)
    return 0


async def _check(engine: Engine, args: argparse.Namespace, settings: Settings) -> int:
    from bot.console import render_answer

    text = _from_argv(args.text) if args.text is not None else _stdin_text()
    if args.no_log:
        checked = engine.claim(text)
    else:
        checked = await engine.check_claim(text, asker="cli", channel="cli")
    if args.json:
        result = {"claim": checked.claim, **_contract(checked.answer, settings)}
        print(json_line(result), flush=True)
    else:
        if checked.claim:
            checking = texts(checked.answer.language).gettext("Checking this part of the message:")
            print(f"{checking}\n> {' '.join(checked.claim.split())}\n")
        print(render_answer(checked.answer)[0], flush=True)
    return 0


def _stdin_text() -> str:
    return sys.stdin.buffer.read().decode("utf-8", errors="replace")


# Line breaks to str.splitlines() that JSON leaves as they are: escaped, so that one answer
# stays one line for any reader.
_LINE_BREAKS_JSON_KEEPS = str.maketrans(
    {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_line(value: object) -> str:
    """One JSON document on one line, whichever way the reader splits lines."""
    return json.dumps(value, ensure_ascii=False).translate(_LINE_BREAKS_JSON_KEEPS)


def _from_argv(text: str) -> str:
    """Bytes that were not UTF-8 reach argv as lone surrogates: make them U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _stdin_lines() -> list[str]:
    """One question per newline-terminated line; other Unicode line breaks are text."""
    lines = _stdin_text().split("\n")
    if lines[-1] == "":
        lines.pop()  # the newline that ends the last line does not start another
    return [line.removesuffix("\r") for line in lines]


def _discord(verb: str, args: argparse.Namespace, settings: Settings) -> int:
    try:
        from bot.discord.runner import run_bot, sync_commands
    except ImportError as error:
        print(f"policybot: the Discord layer is not available ({error})", file=sys.stderr)
        return 1
    if verb == "sync":
        return int(sync_commands(settings, guild_id=args.guild))
    return int(run_bot(settings))
