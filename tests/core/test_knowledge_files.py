"""Knowledge files: whole-set validation with file, entry and field in every message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.core.knowledge import (
    KnowledgeError,
    load_directory,
    render_file,
    write_directory,
)

from .conftest import write_knowledge


def test_a_valid_folder_loads(knowledge_dir: Path) -> None:
    knowledge = load_directory(knowledge_dir)
    assert list(knowledge.entries) == ["enrolled-45", "apprehended-7m", "apple-store"]
    assert knowledge.topics == {"test-topic": "Test"}


def test_an_invalid_entry_names_file_entry_and_field(
    tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    entries[1]["sources"][0] = dict(entries[1]["sources"][0], kind="rumour")
    write_knowledge(tmp_path, entries)
    with pytest.raises(KnowledgeError) as caught:
        load_directory(tmp_path)
    (problem,) = caught.value.problems
    assert "test-topic.toml" in problem
    assert "apprehended-7m" in problem
    assert "sources.0.kind" in problem


def test_duplicate_ids_across_files_are_rejected(
    tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    write_knowledge(tmp_path, entries)
    (tmp_path / "other.toml").write_text(
        (tmp_path / "test-topic.toml").read_text().replace('"Test"', '"Other"')
    )
    with pytest.raises(KnowledgeError, match=r"duplicate id") as caught:
        load_directory(tmp_path)
    assert all("field 'id'" in p for p in caught.value.problems)


def test_dangling_related_ids_are_rejected(tmp_path: Path, entries: list[dict[str, Any]]) -> None:
    entries[0]["related"] = ["no-such-entry"]
    write_knowledge(tmp_path, entries)
    with pytest.raises(KnowledgeError, match=r"related\.0.*no-such-entry"):
        load_directory(tmp_path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'topic = "x"\n[[entry]\n', "not valid TOML"),
        (b"\xff\xfe\x00binary", "not UTF-8"),
        (b'topic = "x"\nentries = []\n', "unknown top-level field"),
        (b"[[entry]]\nid = 'a-b'\n", "topic"),
    ],
)
def test_broken_files_are_named(tmp_path: Path, content: bytes, expected: str) -> None:
    (tmp_path / "broken.toml").write_bytes(content)
    with pytest.raises(KnowledgeError, match=expected) as caught:
        load_directory(tmp_path)
    assert all(p.startswith("broken.toml") for p in caught.value.problems)


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match=r"no \.toml knowledge files"):
        load_directory(tmp_path)


def test_write_then_load_round_trips_unchanged(knowledge_dir: Path, tmp_path: Path) -> None:
    first = load_directory(knowledge_dir)
    (written,) = write_directory(first, tmp_path / "out")
    again = load_directory(tmp_path / "out")
    assert again.entries == first.entries
    assert again.topics == first.topics
    entries = [p.entry for p in again.ordered()]
    assert render_file("Test", entries) == written.read_text()


def test_the_json_schema_describes_a_file() -> None:
    from bot.core.knowledge import json_schema

    schema = json.loads(json_schema())
    assert set(schema["properties"]) == {"topic", "entry"}
    entry_schema = schema["$defs"]["Entry"]
    assert {"id", "question", "answer", "sources", "status", "as_of"} <= set(
        entry_schema["required"]
    )
    assert "anonymous" in json.dumps(schema["$defs"]["SourceKind"])


def test_uploaded_documents_are_validated_as_one_set(knowledge_dir: Path) -> None:
    from bot.core.knowledge import load_documents

    data = (knowledge_dir / "test-topic.toml").read_bytes()
    assert len(load_documents({"upload.toml": data}).entries) == 3
    with pytest.raises(KnowledgeError, match=r"notes\.txt: knowledge files end in \.toml"):
        load_documents({"notes.txt": data})
