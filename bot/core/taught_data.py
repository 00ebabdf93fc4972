"""The taught questions' file (bot/taught_questions/questions.tsv): labelled real questions,
read without numpy, for the embedding (taught.py) and for the words members ask an entry with
(taught_words.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

OUT_OF_SCOPE = "-"
PACKAGE, FOLDER = "bot", "taught_questions"
EXAMPLES = "questions.tsv"


@dataclass(frozen=True)
class Example:
    """One labelled question: the set it comes from and the entries it asks (none: out of
    scope)."""

    set: str
    question: str
    entries: tuple[str, ...]


def parse(text: str) -> list[Example]:
    """The examples of questions.tsv's text (set, question, expected ids joined by | or -)."""
    found = []
    for line in text.splitlines()[1:]:
        name, question, expected = line.split("\t")
        ids = () if expected == OUT_OF_SCOPE else tuple(expected.split("|"))
        found.append(Example(name, question, ids))
    return found


def render(examples: Iterable[Example]) -> str:
    lines = ["set\tquestion\texpected"]
    for e in examples:
        lines.append(f"{e.set}\t{e.question}\t{'|'.join(e.entries) or OUT_OF_SCOPE}")
    return "\n".join(lines) + "\n"


def data_file(name: str) -> Path:
    """A file of the package's data (on disk, as the shipped knowledge is)."""
    return Path(str(resources.files(PACKAGE).joinpath(FOLDER, name)))


def shipped_examples() -> list[Example]:
    return parse(data_file(EXAMPLES).read_text(encoding="utf-8"))
