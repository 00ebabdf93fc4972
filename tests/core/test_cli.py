"""The command line, and the JSON contract other tools rely on."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.console import chat, render_answer, render_sources
from bot.core.answers import answer_entry
from bot.core.engine import Engine
from bot.ctrl_c import CtrlC

from .conftest import write_knowledge

CONTRACT_FIELDS = {
    "question",
    "matched",
    "entry_id",
    "score",
    "answer",
    "sources",
    "anonymous_sourcing",
    "suggestions",
}


@pytest.fixture
def cli(tmp_path: Path, knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Any:
    monkeypatch.setenv("POLICYBOT_KNOWLEDGE_DIR", str(knowledge_dir))
    monkeypatch.setenv("POLICYBOT_DB", str(tmp_path / "db.sqlite3"))
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env is read

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def fresh_process_env(knowledge_dir: Path, database: Path) -> dict[str, str]:
    """The environment of `python -m bot` run as a process of its own: this knowledge, this
    database, and no Discord token."""
    return dict(
        os.environ,
        POLICYBOT_KNOWLEDGE_DIR=str(knowledge_dir),
        POLICYBOT_DB=str(database),
        DISCORD_TOKEN="",
    )


def test_ask_json_follows_the_contract(cli: Any) -> None:
    code, out, _ = cli("ask", "--json", "how many migrants were enrolled?")
    assert code == 0
    result = json.loads(out)
    assert set(result) >= CONTRACT_FIELDS
    assert result["matched"] is True and result["entry_id"] == "enrolled-45"
    assert 0 <= result["score"] <= 100
    assert result["anonymous_sourcing"] is True
    (source,) = result["sources"]
    assert {"publisher": "New York Post", "date": "2024-07-12", "kind": "anonymous"}.items() <= (
        source.items()
    )
    assert source["anonymous"] is True


def test_ask_json_rejects_an_unknown_question(cli: Any) -> None:
    result = json.loads(cli("ask", "--json", "what is the capital of France?")[1])
    assert result["matched"] is False
    assert result["entry_id"] is None and result["answer"] is None and result["sources"] == []


def test_ask_reads_one_question_per_line_and_answers_in_order(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = "how many migrants were enrolled?\n\nwhat is the capital of France?\n7 million?\n"
    monkeypatch.setattr(sys, "stdin", _FakeStdin(lines.encode()))
    code, out, _ = cli("ask", "--json")
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["question"] for r in results] == [
        "how many migrants were enrolled?",
        "",
        "what is the capital of France?",
        "7 million?",
    ]
    assert [r["matched"] for r in results] == [True, False, False, True]


def test_kb_validate_names_the_bad_file_entry_and_field(
    cli: Any, tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    entries[0]["as_of"] = "yesterday"
    write_knowledge(tmp_path / "bad", entries)
    code, _, err = cli("kb", "validate", str(tmp_path / "bad"))
    assert code == 1
    assert "test-topic.toml" in err and "enrolled-45" in err and "as_of" in err


def test_kb_import_of_an_invalid_file_imports_nothing(
    cli: Any, tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    good = dict(entries[1], answer="Changed answer from CBP data.")
    bad = dict(entries[2], sources=[])
    write_knowledge(tmp_path / "incoming", [good, bad])
    code, _, err = cli("kb", "import", str(tmp_path / "incoming"))
    assert code == 1 and "apple-store" in err and "sources" in err
    _, out, _ = cli("kb", "history", "apprehended-7m")
    assert len(out.splitlines()) == 1


def test_kb_import_prune_of_a_folder_without_knowledge_files_deletes_nothing(
    cli: Any, tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()  # e.g. a mistyped folder: pruning to it would delete all
    code, _, err = cli("kb", "import", str(tmp_path / "empty"), "--prune")
    assert code == 1 and "no .toml knowledge files" in err
    code, _, err = cli("kb", "validate", str(tmp_path / "empty"))
    assert code == 1 and "no .toml knowledge files" in err
    _, out, _ = cli("kb", "list")
    assert "enrolled-45" in out


def test_kb_export_onto_a_file_gets_a_message_not_a_traceback(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("keep me")
    code, _, err = cli("kb", "export", str(tmp_path / "a-file"))
    assert code == 1 and "cannot write" in err and "a-file" in err
    assert (tmp_path / "a-file").read_text() == "keep me"


def test_kb_export_then_import_changes_nothing(cli: Any, tmp_path: Path) -> None:
    assert cli("kb", "export", str(tmp_path / "out"))[0] == 0
    code, out, _ = cli("kb", "import", str(tmp_path / "out"))
    assert code == 0 and out.startswith("imported: 0 revisions")


def test_kb_revert_restores_an_old_revision(
    cli: Any, tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    write_knowledge(tmp_path / "edit", [dict(entries[1], question="Changed question?")])
    assert cli("kb", "import", str(tmp_path / "edit"))[0] == 0
    assert cli("kb", "revert", "apprehended-7m", "1")[0] == 0
    _, out, _ = cli("kb", "show", "apprehended-7m")
    assert "How many border crossers were apprehended under Biden?" in out
    assert "revert to revision 1" in out


def test_kb_speaks_the_terminals_language_and_keeps_its_listings(
    cli: Any, tmp_path: Path, entries: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    write_knowledge(tmp_path / "edit", [dict(entries[1], question="Changed question?")])
    code, out, _ = cli("kb", "import", str(tmp_path / "edit"))
    assert out.startswith("importado: 1 revisión (1 entradas leídas)\n  apprehended-7m: revisión 2")
    code, out, _ = cli("kb", "revert", "apprehended-7m", "1")
    assert out == "apprehended-7m: revisión 1 restaurada como revisión 3\n"
    code, _, err = cli("kb", "revert", "apprehended-7m", "9")
    assert code == 1 and err == "policybot: entrada 'apprehended-7m': no hay revisión 9\n"
    code, out, _ = cli("kb", "dismiss", "99")
    assert code == 1 and out == "la pregunta 99 no está en la cola de preguntas sin respuesta\n"
    _, out, _ = cli("kb", "list")  # a listing for scripts too: ids and statuses as stored
    assert "apprehended-7m\tpublic_record\t" in out


def test_kb_schema_prints_json(cli: Any) -> None:
    code, out, _ = cli("kb", "schema")
    assert code == 0 and json.loads(out)["title"] == "policybot knowledge file"


def test_a_corrupt_database_gets_a_message_not_a_traceback(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "db.sqlite3").write_bytes(b"garbage" * 500)
    code, _, err = cli("ask", "--json", "hello")
    assert code == 1 and "not a usable policybot database" in err


async def test_the_console_answers_and_opens_numbered_entries(engine: Engine) -> None:
    typed = iter(["how many migrants were enrolled?", "1", "sources", "quit"])
    shown: list[str] = []
    await chat(engine, read=lambda _: next(typed), write=shown.append)
    assert "45 migrants" in shown[1] and "WARNING" in shown[1]
    assert "7 million" in shown[2]
    assert "New York Post (anonymous sources)" in shown[3]


@pytest.mark.parametrize(
    ("question", "not_saved"),
    [
        ("what is the capital of France?", "The questions asked are not saved yet ("),
        ("¿cuál es la capital de Francia?", "Las preguntas hechas aún no están guardadas ("),
    ],
)
async def test_the_console_prompts_again_when_the_database_is_locked(
    open_engine: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    question: str,
    not_saved: str,
) -> None:
    """Before each prompt the console waits for its questions to be written
    (tests/ops/test_console_kill.py), but only a bounded while: a database locked by another
    program gets one line and the console goes on; the question stays queued, and is saved."""
    monkeypatch.setattr("bot.core.engine_questions.QUESTION_WAIT_SECONDS", 0.2)
    said_at_the_prompt: list[str] = []
    shown: list[str] = []

    async with open_engine() as engine:
        other = sqlite3.connect(tmp_path / "db" / "test.sqlite3", timeout=0)

        def read(_prompt: str) -> str:
            if not said_at_the_prompt:
                said_at_the_prompt.append("")
                other.execute("BEGIN IMMEDIATE")  # another program takes the write lock
                return question
            said_at_the_prompt[0] = "\n".join(shown)  # prompted again, though still locked
            other.rollback()  # it lets go
            return "quit"

        with contextlib.closing(other):
            await chat(engine, read=read, write=shown.append)
    # In the language of the question, as the console's other words.
    assert said_at_the_prompt[0].count(not_saved) == 1
    warning = said_at_the_prompt[0].splitlines()[-1]
    assert warning.startswith(not_saved)
    assert ("database" in warning) == question.startswith("what")  # the reason too
    with contextlib.closing(sqlite3.connect(tmp_path / "db" / "test.sqlite3")) as db:
        assert db.execute("SELECT text FROM questions").fetchall() == [(question,)]


async def test_an_entry_opened_by_number_in_the_console_is_logged_as_a_pick(
    open_engine: Any, tmp_path: Path
) -> None:
    """As a Discord button's pick is: it counts in usage and can take a vote."""
    typed = iter(["how many migrants were enrolled?", "1", "quit"])
    async with open_engine() as engine:
        await chat(engine, read=lambda _: next(typed), write=lambda _: None)
    with contextlib.closing(sqlite3.connect(tmp_path / "db" / "test.sqlite3")) as db:
        rows = db.execute("SELECT channel, entry_id, picked FROM questions ORDER BY id")
        assert rows.fetchall() == [("console", "enrolled-45", 0), ("console", "apprehended-7m", 1)]


async def test_the_console_source_list_counts_one_entry_in_the_singular(engine: Engine) -> None:
    listing = render_sources(engine)
    assert "U.S. Customs and Border Protection (agency data): 1 entry\n" in listing + "\n"
    assert "New York Post (anonymous sources): 2 entries" in listing


def test_python_dash_m_bot_answers_from_a_fresh_process(
    tmp_path: Path, knowledge_dir: Path
) -> None:
    env = fresh_process_env(knowledge_dir, tmp_path / "fresh.sqlite3")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"],
        input="is the app approved by the apple store?\nhow do I renew my passport\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=True,
    )
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert first["entry_id"] == "apple-store" and second["matched"] is False
    assert "discord" not in done.stderr.lower()


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path, knowledge_dir: Path) -> None:
    """`policybot ask < questions | head -1`: the closed pipe ends the run quietly."""
    env = fresh_process_env(knowledge_dir, tmp_path / "fresh.sqlite3")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--no-log"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    assert process.stdin and process.stdout and process.stderr
    process.stdin.write(b"how many migrants were enrolled?\n" * 300)  # more than a pipe holds
    process.stdin.close()
    assert process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read()
    assert process.wait(timeout=60) != 0
    assert b"Traceback" not in err and b"BrokenPipeError" not in err


class _FakeStdin:
    def __init__(self, data: bytes) -> None:
        import io

        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("POLICYBOT_CONFIDENT_SCORE", "lots", "POLICYBOT_CONFIDENT_SCORE"),
        ("POLICYBOT_SUGGEST_SCORE", "99", "must not be above"),
    ],
)
def test_a_bad_setting_is_named_not_a_traceback(
    cli: Any, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(variable, value)
    code, _, err = cli("ask", "--json", "how many migrants were enrolled?")
    assert code == 2 and expected in err and "Traceback" not in err


def test_kb_validate_lists_entries_not_yet_translated(
    cli: Any, tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    for entry in entries:  # validate also requires provenance
        entry["sources"] = [
            source if "url" in source else dict(source, no_url_reason="test source")
            for source in entry["sources"]
        ]
    write_knowledge(tmp_path / "kb", entries)
    code, out, _ = cli("kb", "validate", str(tmp_path / "kb"))
    assert code == 0
    assert "not yet translated (es): 3 entries: enrolled-45, apprehended-7m, apple-store" in out


async def test_the_console_speaks_the_language_asked(engine: Engine) -> None:
    typed = iter(["¿cuál es la capital de Francia?", "ayuda", "fuentes", "salir"])
    shown: list[str] = []
    await chat(engine, read=lambda _: next(typed), write=shown.append)
    assert shown[1].startswith("Eso no está en mi base de conocimientos")
    assert shown[2].startswith("Haga una pregunta")
    assert shown[3].startswith("A quién cita la base de conocimientos")
    assert "(fuentes anónimas)" in shown[3] and "entradas" in shown[3]


async def test_the_console_greets_in_the_terminals_language(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    typed = iter(["45?", "quit"])
    shown: list[str] = []
    await chat(engine, read=lambda _: next(typed), write=shown.append)
    assert shown[0].startswith("consola de policybot — ")
    assert "'salir' (o Ctrl-D)" in shown[0]
    assert shown[1].startswith("Esta entrada aún no está traducida al español")  # unclear: es


@pytest.mark.parametrize(
    ("language", "quoted"),
    [("en", "“Southwest Land Border Encounters”"), ("es", "«Southwest Land Border Encounters»")],
)
def test_the_console_quotes_source_titles_in_the_languages_own_marks(
    engine: Engine, language: str, quoted: str
) -> None:
    entry = engine.entry("apprehended-7m")
    assert entry is not None
    shown = render_answer(answer_entry("q", entry, 90.0, [], language))[0]
    assert quoted in " ".join(shown.split())


def test_ask_json_says_the_language_and_the_queue_shows_it(cli: Any) -> None:
    code, out, _ = cli("ask", "--json", "¿cuál es la capital de Francia?")
    assert code == 0 and json.loads(out)["language"] == "es"
    code, out, _ = cli("ask", "--json", "--language", "es", "CBP One?")
    assert json.loads(out)["language"] == "es"
    code, out, _ = cli("kb", "unanswered")
    assert "\tes\tnone\t¿cuál es la capital de Francia?" in out


def test_ask_without_a_language_follows_the_terminals_when_the_question_is_unclear(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert json.loads(cli("ask", "--json", "--no-log", "CBP One?")[1])["language"] == "en"
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert json.loads(cli("ask", "--json", "--no-log", "CBP One?")[1])["language"] == "es"
    clear = cli("ask", "--json", "--no-log", "how many migrants were enrolled?")[1]
    assert json.loads(clear)["language"] == "en"


def test_ask_refuses_a_language_it_does_not_speak(cli: Any) -> None:
    with pytest.raises(SystemExit):
        cli("ask", "--language", "xx", "hello")


def test_check_quotes_the_part_it_answers(cli: Any) -> None:
    post = "I saw a post today. It says only 45 migrants were enrolled in the app. Wild."
    code, out, _ = cli("check", post)
    assert code == 0
    assert "> It says only 45 migrants were enrolled in the app." in out
    assert "45 migrants" in out.split("\n\n", 1)[1]
    result = json.loads(cli("check", "--json", "--no-log", post)[1])
    assert result["claim"] == "It says only 45 migrants were enrolled in the app."
    assert set(result) >= CONTRACT_FIELDS and result["entry_id"] == "enrolled-45"
    assert result["question_id"] is None


def test_check_says_which_part_it_checks_in_the_posts_language(cli: Any) -> None:
    post = "Vi esto hoy. Dice que solo 45 migrantes se inscribieron en la aplicación. Increíble."
    code, out, _ = cli("check", "--no-log", post)
    assert code == 0
    assert out.startswith("Verificando esta parte del mensaje:\n> ")
    assert "Checking this part" not in out


async def test_a_second_ctrl_c_speaks_the_language_the_console_speaks(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    presses = CtrlC(asyncio.get_running_loop(), stop=lambda: None)
    presses.saving = lambda: 2
    typed = iter(["¿cuál es la capital de Francia?", "salir"])
    read = presses.at_prompt(lambda _: next(typed))
    await chat(engine, read=read, write=lambda _: None, speaking=presses.speak)
    with caplog.at_level(logging.WARNING, logger="policybot"):
        presses.pressed(signal.SIGINT, None)
        presses.pressed(signal.SIGINT, None)  # while closing: says what it still saves
        await asyncio.sleep(0)
    assert "cerrando todavía: guardando 2 preguntas — pulse Ctrl-C otra vez" in caplog.text
