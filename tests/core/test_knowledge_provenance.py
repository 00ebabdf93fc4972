"""Provenance: every source gives its public address or says why it has none.

The model only forbids giving both (rows stored before the rule must still load); `kb validate`,
the JSON Schema and the shipped files hold every source to the rule.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.core.knowledge import (
    KnowledgeError,
    check_provenance,
    json_schema,
    load_directory,
    provenance_problems,
    render_file,
    write_directory,
)

from .conftest import write_knowledge

ROOT = Path(__file__).resolve().parents[2]
REASON = "original not located; known through Newsmax's copy"


def with_reasons(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The fixture entries with a no_url_reason on every source that has no url."""
    return [
        dict(
            entry,
            sources=[
                source if "url" in source else dict(source, no_url_reason=REASON)
                for source in entry["sources"]
            ],
        )
        for entry in entries
    ]


def run_cli(argv: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any) -> Any:
    monkeypatch.setenv("POLICYBOT_DB", str(tmp_path / "db.sqlite3"))
    monkeypatch.chdir(tmp_path)
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_source_with_neither_is_named_by_file_entry_and_field(
    tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    write_knowledge(tmp_path, entries)
    knowledge = load_directory(tmp_path)  # loading alone still accepts it
    problems = provenance_problems(knowledge)
    # enrolled-45 and apple-store cite the Post without a url; apprehended-7m has CBP's url.
    assert len(problems) == 2
    assert all("test-topic.toml" in p and "sources.0" in p for p in problems)
    assert {p.split("'")[1] for p in problems} == {"enrolled-45", "apple-store"}
    with pytest.raises(KnowledgeError):
        check_provenance(knowledge)


def test_a_reason_satisfies_the_rule_and_round_trips_byte_exact(
    tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    write_knowledge(tmp_path / "in", with_reasons(entries))
    knowledge = load_directory(tmp_path / "in")
    assert provenance_problems(knowledge) == []
    (written,) = write_directory(knowledge, tmp_path / "out")
    again = load_directory(tmp_path / "out")
    assert again.entries == knowledge.entries
    assert render_file("Test", [p.entry for p in again.ordered()]) == written.read_text()
    assert f'no_url_reason = "{REASON}"' in written.read_text()


def test_kb_validate_reports_sources_without_provenance(
    tmp_path: Path,
    entries: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    write_knowledge(tmp_path / "bad", entries)
    code, out, err = run_cli(
        ["kb", "validate", str(tmp_path / "bad")], monkeypatch, tmp_path, capsys
    )
    assert code == 1
    assert "enrolled-45" in err and "no_url_reason" in err and "OK" not in out

    write_knowledge(tmp_path / "good", with_reasons(entries))
    code, out, _ = run_cli(
        ["kb", "validate", str(tmp_path / "good")], monkeypatch, tmp_path, capsys
    )
    assert code == 0 and out.startswith("OK: 3 entries in 1 file\n")
    assert "not yet translated (es): 3 entries: enrolled-45, apprehended-7m, apple-store" in out
    monkeypatch.setenv("LANG", "es_MX.UTF-8")  # said in the terminal's language
    code, out, _ = run_cli(
        ["kb", "validate", str(tmp_path / "good")], monkeypatch, tmp_path, capsys
    )
    assert code == 0 and out.startswith("OK: 3 entradas en 1 archivo\n")
    assert "aún sin traducir (es): 3 entradas: enrolled-45, apprehended-7m, apple-store" in out


def test_kb_validate_passes_on_the_shipped_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    code, out, err = run_cli(
        ["kb", "validate", str(ROOT / "knowledge")], monkeypatch, tmp_path, capsys
    )
    assert (code, err) == (0, "")
    assert out.startswith("OK: ")


def test_the_json_schema_asks_for_exactly_one_of_url_and_reason() -> None:
    source = json.loads(json_schema())["$defs"]["Source"]
    assert "no_url_reason" in source["properties"]
    assert source["oneOf"] == [{"required": ["url"]}, {"required": ["no_url_reason"]}]
    assert source["additionalProperties"] is False
