"""`policybot kb …`: moderators' knowledge-base verbs on the command line.

What a verb says in sentences is in the terminal's language (bot.core.i18n.operator_language);
its listings (tab-separated, for scripts too), ids, statuses and file names stay as stored.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from pathlib import Path
from typing import Any

from bot.core.engine import Engine
from bot.core.i18n import Texts, operator_language, texts
from bot.core.knowledge import (
    KNOWLEDGE_SUFFIX,
    KnowledgeError,
    check_provenance,
    json_schema,
    knowledge_files,
    load_paths,
    missing_topic_titles,
    missing_translations,
)
from bot.progress import Progress
from bot.settings import Settings, open_engine


def add_kb_parser(verbs: Any) -> None:
    kb = verbs.add_parser("kb", help="inspect and curate the knowledge base")
    sub = kb.add_subparsers(dest="kb_verb", metavar="KB_VERB", required=True)

    validate = sub.add_parser("validate", help="check knowledge files without importing them")
    validate.add_argument("paths", nargs="*", type=Path, help="files or folders (default: shipped)")
    validate.set_defaults(handler=_validate)

    imp = sub.add_parser("import", help="import knowledge files into the database (all or none)")
    imp.add_argument("paths", nargs="+", type=Path, help="files or folders")
    imp.add_argument("--prune", action="store_true", help="delete entries missing from the files")
    imp.add_argument("--author", default=None, help="who is importing (default: your user name)")
    imp.set_defaults(handler=_engine_verb(_import))

    export = sub.add_parser("export", help="write the live knowledge base as files")
    export.add_argument("target", type=Path, help="folder (toml) or file (claimreview)")
    export.add_argument(
        "--format",
        choices=["toml", "claimreview"],
        default="toml",
        help="toml: knowledge files (default); claimreview: the site's schema.org ClaimReview "
        "objects as one JSON file",
    )
    export.set_defaults(handler=_export)

    schema = sub.add_parser("schema", help="print the JSON Schema of a knowledge file")
    schema.set_defaults(handler=_schema)

    listing = sub.add_parser("list", help="list entries")
    listing.set_defaults(handler=_engine_verb(_list))

    show = sub.add_parser("show", help="show one entry with its history")
    show.add_argument("entry_id")
    show.set_defaults(handler=_engine_verb(_show))

    history = sub.add_parser("history", help="list an entry's revisions")
    history.add_argument("entry_id")
    history.set_defaults(handler=_engine_verb(_history))

    revert = sub.add_parser("revert", help="restore an entry as it was at a revision")
    revert.add_argument("entry_id")
    revert.add_argument("revision", type=int)
    revert.add_argument("--author", default=None)
    revert.set_defaults(handler=_engine_verb(_revert))

    delete = sub.add_parser("delete", help="remove an entry (its history stays)")
    delete.add_argument("entry_id")
    delete.add_argument("--reason", required=True)
    delete.add_argument("--author", default=None)
    delete.set_defaults(handler=_engine_verb(_delete))

    teach = sub.add_parser("teach", help="answer a queued question: add it to an entry")
    teach.add_argument("question_id", type=int)
    teach.add_argument("entry_id")
    teach.add_argument("--author", default=None)
    teach.set_defaults(handler=_engine_verb(_teach))

    dismiss = sub.add_parser("dismiss", help="take a question off the unanswered queue")
    dismiss.add_argument("question_id", type=int)
    dismiss.add_argument("--author", default=None)
    dismiss.set_defaults(handler=_engine_verb(_dismiss))

    queue = sub.add_parser("unanswered", help="questions nobody could answer, newest first")
    queue.add_argument("--limit", type=int, default=20)
    queue.set_defaults(handler=_engine_verb(_unanswered))


def _engine_verb(verb: Any) -> Any:
    def handler(args: argparse.Namespace, settings: Settings) -> int:
        async def go() -> int:
            async with open_engine(settings) as engine:
                return int(await verb(engine, args))

        return asyncio.run(go())

    return handler


def _expand(paths: list[Path]) -> list[Path]:
    """The files named, and the knowledge files in the folders named. A folder without any is
    an error: importing it with --prune would otherwise delete every entry."""
    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
        elif found := knowledge_files(path):
            files.extend(found)
        else:
            raise KnowledgeError([f"{path}: no {KNOWLEDGE_SUFFIX} knowledge files"])
    return files


def _words() -> Texts:
    return texts(operator_language())


def _author(args: argparse.Namespace) -> str:
    return str(args.author or f"cli:{getpass.getuser()}")


def _validate(args: argparse.Namespace, settings: Settings) -> int:
    files = _expand(args.paths or [settings.knowledge_dir])
    knowledge = load_paths(files)
    check_provenance(knowledge)
    words = _words()
    entries, count = len(knowledge.entries), len(files)
    print(
        words.ngettext(
            "OK: {entries} entries in {count} file", "OK: {entries} entries in {count} files", count
        ).format(entries=words.number(entries), count=words.number(count))
    )
    for code, ids in missing_translations(knowledge).items():
        if ids:
            untranslated = words.ngettext(
                "not yet translated ({language}): {count} entry: {ids}",
                "not yet translated ({language}): {count} entries: {ids}",
                len(ids),
            )
            print(
                untranslated.format(language=code, count=words.number(len(ids)), ids=", ".join(ids))
            )
    for code, stems in missing_topic_titles(knowledge).items():
        if stems:
            where = f"bot/locales/{code}/language.toml [topics]"
            print(
                words.gettext(
                    "topic titles not yet translated ({language}, {where}): {stems}"
                ).format(language=code, where=where, stems=", ".join(stems))
            )
    return 0


async def _import(engine: Engine, args: argparse.Namespace) -> int:
    files = _expand(args.paths)
    with Progress("reading", len(files)) as progress:
        incoming = load_paths(progress.iterate(files), check_related=False)
        progress.phase(f"importing {len(incoming.entries)} entries")
        revisions = await engine.import_knowledge(incoming, author=_author(args), prune=args.prune)
    words = _words()
    imported = words.ngettext(
        "imported: {count} revision ({entries} entries read)",
        "imported: {count} revisions ({entries} entries read)",
        len(revisions),
    )
    print(
        imported.format(
            count=words.number(len(revisions)), entries=words.number(len(incoming.entries))
        )
    )
    for revision in revisions:
        action = (
            words.gettext("deleted")
            if revision.entry is None
            else words.gettext("revision {number}").format(number=revision.number)
        )
        print(f"  {revision.entry_id}: {action}")
    return 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    if args.format == "claimreview":
        from bot.site_commands import export_claim_reviews

        return export_claim_reviews(args.target, settings)
    return _engine_verb(_export_files)(args, settings)  # type: ignore[no-any-return]


async def _export_files(engine: Engine, args: argparse.Namespace) -> int:
    try:
        written = engine.export_to(args.target)
    except OSError as error:
        print(f"policybot: cannot write {args.target}: {error.strerror}", file=sys.stderr)
        return 1
    words = _words()
    exported = words.ngettext(
        "exported {entries} entries to {count} file",
        "exported {entries} entries to {count} files",
        len(written),
    )
    print(
        exported.format(
            entries=words.number(len(engine.entries())), count=words.number(len(written))
        )
    )
    return 0


def _schema(args: argparse.Namespace, settings: Settings) -> int:
    print(json_schema())
    return 0


async def _list(engine: Engine, args: argparse.Namespace) -> int:
    for entry in engine.entries():
        flag = " [anonymous sources]" if entry.anonymous_sourcing else ""
        print(f"{entry.id}\t{entry.status.value}\t{entry.question}{flag}")
    return 0


async def _show(engine: Engine, args: argparse.Namespace) -> int:
    from bot.console import render_answer

    answer = engine.answer_for_entry(args.entry_id)
    if answer is None:
        print(_words().gettext("no entry '{entry}'").format(entry=args.entry_id))
        return 1
    print(f"{args.entry_id}: {answer.matched_question}\n")
    print(render_answer(answer)[0])
    print()
    return await _history(engine, args)


async def _history(engine: Engine, args: argparse.Namespace) -> int:
    revisions = await engine.history(args.entry_id)
    if not revisions:
        print(_words().gettext("no history for '{entry}'").format(entry=args.entry_id))
        return 1
    for revision in revisions:
        state = "deleted" if revision.entry is None else revision.file
        print(
            f"#{revision.number}\t{revision.created_at}\t{revision.author}\t{state}\t"
            f"{revision.reason}"
        )
    return 0


async def _revert(engine: Engine, args: argparse.Namespace) -> int:
    revision = await engine.revert(args.entry_id, args.revision, author=_author(args))
    print(
        _words()
        .gettext("{entry}: restored revision {old} as revision {new}")
        .format(entry=revision.entry_id, old=args.revision, new=revision.number)
    )
    return 0


async def _delete(engine: Engine, args: argparse.Namespace) -> int:
    revision = await engine.delete_entry(args.entry_id, author=_author(args), reason=args.reason)
    print(
        _words()
        .gettext("{entry}: deleted (revision {number}; revert to restore)")
        .format(entry=revision.entry_id, number=revision.number)
    )
    return 0


async def _teach(engine: Engine, args: argparse.Namespace) -> int:
    revision = await engine.teach(args.question_id, args.entry_id, author=_author(args))
    print(
        _words()
        .gettext("{entry}: question {question} added (revision {number})")
        .format(entry=revision.entry_id, question=args.question_id, number=revision.number)
    )
    return 0


async def _dismiss(engine: Engine, args: argparse.Namespace) -> int:
    words = _words()
    if not await engine.dismiss(args.question_id, author=_author(args)):
        print(
            words.gettext("question {question} is not on the unanswered queue").format(
                question=args.question_id
            )
        )
        return 1
    print(words.gettext("question {question} dismissed").format(question=args.question_id))
    return 0


async def _unanswered(engine: Engine, args: argparse.Namespace) -> int:
    questions = await engine.unanswered(args.limit)
    if not questions:
        print(_words().gettext("no unanswered questions"))
    for question in questions:
        print(
            f"{question.id}\t{question.asked_at}\t{question.language}\t{question.tier}"
            f"\t{question.text}"
        )
    return 0
