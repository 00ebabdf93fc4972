"""Reading, validating and writing the curated knowledge files (TOML, one topic per file).

A file set is validated as a whole before anything is used: a bad file, entry or field stops
the load with a message that names all three, and nothing of the set is taken.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from bot.core import bounded_toml
from bot.core.languages import translation_languages
from bot.core.models import Entry, KnowledgeFile

KNOWLEDGE_SUFFIX = ".toml"
# Package data inside `bot`: a symlink to the top-level knowledge/ in a checkout, copied files in
# a built wheel (see pyproject.toml).
SHIPPED_PACKAGE, SHIPPED_FOLDER = "bot", "knowledge"


class KnowledgeError(ValueError):
    """Invalid knowledge. `problems` lists every problem found, each naming file, entry, field."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class PlacedEntry:
    """An entry together with the topic file it belongs to and its place in that file."""

    entry: Entry
    file: str
    position: int


@dataclass
class KnowledgeSet:
    entries: dict[str, PlacedEntry] = field(default_factory=dict)
    topics: dict[str, str] = field(default_factory=dict)  # file stem -> topic title

    def ordered(self) -> list[PlacedEntry]:
        return sorted(self.entries.values(), key=lambda p: (p.file, p.position))


def describe_validation_error(where: str, error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"]) or "(entry)"
        problems.append(f"{where}: field '{location}': {item['msg']}")
    return problems


def parse_entry(raw: Mapping[str, Any], where: str) -> Entry:
    """Validate one raw entry; raises KnowledgeError naming `where` and the field."""
    try:
        return Entry.model_validate(raw)
    except ValidationError as error:
        raise KnowledgeError(describe_validation_error(where, error)) from None


def _entry_label(raw: object, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return f"entry '{raw['id']}'"
    return f"entry #{index + 1}"


def parse_file(path: Path) -> tuple[str, list[Entry]]:
    """Return (topic title, entries) of one knowledge file, or raise KnowledgeError."""
    if problem := bounded_toml.read_problem(path):
        raise KnowledgeError([problem])
    try:
        data = path.read_bytes()
    except OSError as error:
        raise KnowledgeError([f"{path.name}: cannot read: {error.strerror}"]) from None
    return parse_document(path.name, data)


def parse_document(name: str, data: bytes) -> tuple[str, list[Entry]]:
    """Parse the bytes of a knowledge file called `name` (e.g. an upload)."""
    try:
        raw = tomllib.loads(_bounded_text(name, data))
    except UnicodeDecodeError as error:
        raise KnowledgeError([f"{name}: not UTF-8 text ({error.reason})"]) from None
    except tomllib.TOMLDecodeError as error:
        raise KnowledgeError([f"{name}: not valid TOML: {error}"]) from None

    problems: list[str] = []
    unknown = sorted(set(raw) - {"topic", "entry"})
    if unknown:
        problems.append(f"{name}: unknown top-level field(s): {', '.join(unknown)}")
    topic = raw.get("topic")
    if not isinstance(topic, str) or not topic.strip():
        problems.append(f"{name}: field 'topic': a topic title is required")
    raw_entries = raw.get("entry", [])
    if not isinstance(raw_entries, list):
        problems.append(f"{name}: field 'entry': must be an array of tables ([[entry]])")
        raw_entries = []

    entries: list[Entry] = []
    for index, raw_entry in enumerate(raw_entries):
        try:
            entries.append(parse_entry(raw_entry, f"{name}: {_entry_label(raw_entry, index)}"))
        except KnowledgeError as error:
            problems.extend(error.problems)
    if problems:
        raise KnowledgeError(problems)
    return str(topic).strip(), entries


def _bounded_text(name: str, data: bytes) -> str:
    text = data.decode("utf-8")
    problem = bounded_toml.size_problem(name, len(data)) or bounded_toml.shape_problem(name, text)
    if problem:
        raise KnowledgeError([problem])
    return text


def shipped_directory() -> Path:
    """The curated knowledge files shipped with the package, found with importlib.resources."""
    folder = resources.files(SHIPPED_PACKAGE).joinpath(SHIPPED_FOLDER)
    # Installed or checked out, the package is a folder on disk and its files are read as paths.
    if not isinstance(folder, Path):
        raise KnowledgeError([f"{folder}: shipped knowledge is not on disk (zipped install?)"])
    return folder


def knowledge_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise KnowledgeError([f"{directory}: knowledge folder not found"])
    return sorted(p for p in directory.iterdir() if p.suffix == KNOWLEDGE_SUFFIX and p.is_file())


def load_paths(paths: Iterable[Path], *, check_related: bool = True) -> KnowledgeSet:
    """Load and validate files as one set; all problems are collected before raising.

    `check_related=False` leaves related ids to be checked against a larger set (an import).
    """
    documents: dict[str, bytes] = {}
    for path in paths:
        if path.name in documents:
            raise KnowledgeError([f"{path.name}: two files with this name; topics must differ"])
        if problem := bounded_toml.read_problem(path):
            raise KnowledgeError([problem])
        try:
            documents[path.name] = path.read_bytes()
        except OSError as error:
            raise KnowledgeError([f"{path.name}: cannot read: {error.strerror}"]) from None
    return load_documents(documents, check_related=check_related)


def load_documents(documents: Mapping[str, bytes], *, check_related: bool = True) -> KnowledgeSet:
    """Validate named file contents as one set (see `load_paths`)."""
    knowledge = KnowledgeSet()
    problems: list[str] = []
    for name, data in documents.items():
        path = Path(Path(name).name)
        if path.suffix != KNOWLEDGE_SUFFIX:
            problems.append(f"{name}: knowledge files end in {KNOWLEDGE_SUFFIX}")
            continue
        if problem := bounded_toml.name_problem(path.name):
            problems.append(problem)
            continue
        try:
            topic, entries = parse_document(name, data)
        except KnowledgeError as error:
            problems.extend(error.problems)
            continue
        stem = path.stem
        knowledge.topics[stem] = topic
        for position, entry in enumerate(entries):
            existing = knowledge.entries.get(entry.id)
            if existing is not None:
                problems.append(
                    f"{path.name}: entry '{entry.id}': field 'id': duplicate id "
                    f"(also in {existing.file}{KNOWLEDGE_SUFFIX})"
                )
                continue
            knowledge.entries[entry.id] = PlacedEntry(entry, stem, position)
    if check_related:
        problems.extend(dangling_related(knowledge.entries))
    if problems:
        raise KnowledgeError(problems)
    return knowledge


def load_directory(directory: Path) -> KnowledgeSet:
    files = knowledge_files(directory)
    if not files:
        raise KnowledgeError([f"{directory}: no {KNOWLEDGE_SUFFIX} knowledge files"])
    return load_paths(files)


def missing_translations(knowledge: KnowledgeSet) -> dict[str, list[str]]:
    """Language code -> ids of entries not yet translated into it (in file order)."""
    return {
        language.code: [
            placed.entry.id
            for placed in knowledge.ordered()
            if language.code not in placed.entry.translations
        ]
        for language in translation_languages()
    }


def missing_topic_titles(knowledge: KnowledgeSet) -> dict[str, list[str]]:
    """Language code -> topic files (stems) with no title in that language's data."""
    return {
        language.code: [stem for stem in knowledge.topics if stem not in language.topics]
        for language in translation_languages()
    }


def dangling_related(entries: Mapping[str, PlacedEntry]) -> list[str]:
    problems = []
    for placed in entries.values():
        for index, target in enumerate(placed.entry.related):
            if target not in entries:
                problems.append(
                    f"{placed.file}{KNOWLEDGE_SUFFIX}: entry '{placed.entry.id}': "
                    f"field 'related.{index}': no entry with id '{target}'"
                )
    return problems


def provenance_problems(knowledge: KnowledgeSet) -> list[str]:
    """Sources that give neither their public address (`url`) nor why they have none."""
    return [
        f"{placed.file}{KNOWLEDGE_SUFFIX}: entry '{placed.entry.id}': field 'sources.{index}': "
        f"no url and no no_url_reason: give the source's public address, or say why it has none"
        for placed in knowledge.ordered()
        for index, source in enumerate(placed.entry.sources)
        if source.url is None and source.no_url_reason is None
    ]


def check_provenance(knowledge: KnowledgeSet) -> None:
    """Raise KnowledgeError listing every source without provenance (see `provenance_problems`)."""
    problems = provenance_problems(knowledge)
    if problems:
        raise KnowledgeError(problems)


def render_file(topic: str, entries: Iterable[Entry]) -> str:
    """The canonical text of a knowledge file; load → render → load changes nothing."""
    document = {"topic": topic, "entry": [entry.to_file_dict() for entry in entries]}
    return tomli_w.dumps(document, multiline_strings=False, indent=4)


def render_set(knowledge: KnowledgeSet) -> dict[str, str]:
    """File name -> canonical text, one file per topic."""
    by_file: dict[str, list[Entry]] = {}
    for placed in knowledge.ordered():
        by_file.setdefault(placed.file, []).append(placed.entry)
    return {
        f"{stem}{KNOWLEDGE_SUFFIX}": render_file(knowledge.topics.get(stem, stem), entries)
        for stem, entries in sorted(by_file.items())
    }


def write_directory(knowledge: KnowledgeSet, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_set(knowledge).items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def json_schema() -> str:
    """JSON Schema of a knowledge file, for editors that check files as they are written."""
    schema = KnowledgeFile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "policybot knowledge file"
    return json.dumps(schema, indent=2, sort_keys=True)
