"""The built index kept on disk (index_cache.py): loaded when it was built from the same
entries, code and language, rebuilt when not, and never trusted when damaged or foreign; the
tuning sets answered through a loaded index as through a built one."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.core import index_cache
from bot.core.entry_index import _SAVED, EntryIndex
from bot.core.index_cache import IndexCache, tree_digest
from bot.core.matcher import Matcher
from bot.core.models import Entry
from testkit.labelled import QUESTIONS as SETS
from testkit.labelled import Ours, OursDetecting, evaluate, load_set, shipped_entries
from testkit.loaded_index import LoadedOnly, loaded_indexes

QUESTIONS = [
    "how many migrants were enrolled?",
    "is the ice app on the apple store",
    "who reported this",
    "¿cuántos migrantes se inscribieron?",
    "wat is smart link",
    "i heard the app was approved, true?",
]


def answers(matcher: Matcher) -> list[Any]:
    return [
        (r.tier, [(c.entry_id, c.score, c.coverage) for c in r.candidates])
        for r in map(matcher.match, QUESTIONS)
    ]


@pytest.fixture
def cache(tmp_path: Path) -> IndexCache:
    folder = tmp_path / "db"
    folder.mkdir(mode=0o700)
    return IndexCache.beside(folder / "test.sqlite3")


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The languages of the indexes built (not loaded) from now on."""
    built: list[str] = []
    build = EntryIndex._build

    def counted(self: EntryIndex, entries: Any) -> None:
        built.append(self.language)
        build(self, entries)

    monkeypatch.setattr(EntryIndex, "_build", counted)
    return built


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_warm_start_answers_as_a_cold_one(
    cache: IndexCache, builds: list[str], language: str
) -> None:
    entries = shipped_entries()
    plain = Matcher(entries, language=language)
    cold = Matcher(entries, language=language, index_cache=cache)
    assert builds == [language, language]
    warm = Matcher(entries, language=language, index_cache=cache)
    assert builds == [language, language]  # loaded, not built
    assert warm._state() == cold._state() == plain._state()
    assert answers(warm) == answers(cold) == answers(plain)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short (a crash while copying, a full disk)
        lambda data: data[:-100] + bytes(100),  # the content changed under its hash
        lambda data: b"not an index at all",
        lambda data: b"",
    ],
)
def test_a_damaged_file_is_ignored_and_rebuilt(
    cache: IndexCache,
    builds: list[str],
    caplog: pytest.LogCaptureFixture,
    damage: Callable[[bytes], bytes],
) -> None:
    entries = shipped_entries()
    cold = Matcher(entries, index_cache=cache)
    path = cache.path("en")
    path.write_bytes(damage(path.read_bytes()))
    with caplog.at_level(logging.WARNING, logger="policybot.index"):
        rebuilt = Matcher(entries, index_cache=cache)
    assert builds == ["en", "en"]
    assert "index cache" in caplog.text
    assert answers(rebuilt) == answers(cold)
    Matcher(entries, index_cache=cache)  # the file was written again, whole: loaded
    assert builds == ["en", "en"]


def test_a_knowledge_edit_invalidates_it(cache: IndexCache, builds: list[str]) -> None:
    entries = shipped_entries()
    Matcher(entries, index_cache=cache)
    first = entries[0]
    edited = first.model_copy(
        update={"paraphrases": [*first.paraphrases, "zorblax quintessence of the ledger"]}
    )
    changed: list[Entry] = [edited, *entries[1:]]
    matcher = Matcher(changed, index_cache=cache)
    assert builds == ["en", "en"]
    assert "zorblax" in matcher._postings  # the edit is in the index used
    assert matcher.rank("zorblax quintessence of the ledger", 1)[0].entry_id == first.id
    Matcher(entries, index_cache=cache)  # and the old entries are not taken for the new
    assert builds == ["en", "en", "en"]


def test_a_file_others_may_write_is_not_read(
    cache: IndexCache, builds: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    entries = shipped_entries()
    Matcher(entries, index_cache=cache)
    cache.path("en").chmod(0o666)
    with caplog.at_level(logging.WARNING, logger="policybot.index"):
        Matcher(entries, index_cache=cache)
    assert builds == ["en", "en"]
    assert "not this user's own" in caplog.text


def test_an_unwritable_place_only_costs_the_build(tmp_path: Path, builds: list[str]) -> None:
    cache = IndexCache.beside(tmp_path / "missing" / "test.sqlite3")  # no such folder
    entries = shipped_entries()
    assert answers(Matcher(entries, index_cache=cache)) == answers(Matcher(entries))
    assert builds == ["en", "en"]


async def test_the_engine_keeps_its_indexes_beside_the_database(
    open_engine: Callable[[], Any], tmp_path: Path
) -> None:
    async with open_engine() as engine:
        first = engine.answer("how many migrants were enrolled in the app?")
    kept = sorted(p.name for p in (tmp_path / "db").glob("test.sqlite3.index-*"))
    assert kept == ["test.sqlite3.index-en", "test.sqlite3.index-es"]
    async with open_engine() as engine:
        again = engine.answer("how many migrants were enrolled in the app?")
    assert again.entry_id == first.entry_id is not None


def test_an_index_made_with_a_cache_is_kept_and_loaded(
    cache: IndexCache, builds: list[str]
) -> None:
    entries = shipped_entries()
    built = EntryIndex(entries, "es", index_cache=cache)  # the cache is the index's own argument
    assert cache.path("es").exists()
    loaded = EntryIndex(entries, "es", index_cache=cache)
    assert builds == ["es"]
    assert loaded._state() == built._state()


def test_every_part_a_build_makes_is_saved() -> None:
    """What `_build` makes is what is saved and loaded (_SAVED): a part added to the build but
    not to the list would be missing from every loaded index."""
    index = EntryIndex(shipped_entries())
    made = set(vars(index)) - {"language", "_text", "_typos"}
    assert made == set(_SAVED)


def test_a_file_of_another_index_is_not_taken_for_this_one(
    cache: IndexCache, builds: list[str]
) -> None:
    entries = shipped_entries()
    Matcher(entries, language="es", index_cache=cache)
    shutil.copyfile(cache.path("es"), cache.path("en"))  # whole and sound, but Spanish
    english = Matcher(entries, index_cache=cache)
    assert builds == ["es", "en"]
    assert answers(english) == answers(Matcher(entries))


def test_a_code_or_rule_data_change_invalidates_it(
    cache: IndexCache, builds: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    entries = shipped_entries()
    Matcher(entries, index_cache=cache)
    monkeypatch.setattr(index_cache, "code_digest", lambda: b"the code of another version")
    Matcher(entries, index_cache=cache)
    assert builds == ["en", "en"]


def test_the_code_digest_changes_with_the_code_and_the_rule_data(tmp_path: Path) -> None:
    package = Path(index_cache.__file__).resolve().parent.parent
    root = tmp_path / "bot"
    for folder in ("core", "locales"):
        shutil.copytree(package / folder, root / folder)  # times kept (copy2)
    first = tree_digest(root)
    assert tree_digest(root) == first

    def changed(path: Path, edit: Callable[[bytes], bytes], keep_time: bool) -> bytes:
        before = path.read_bytes()
        status = path.stat()
        path.write_bytes(edit(before))
        if keep_time:
            os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
        digest = tree_digest(root)
        path.write_bytes(before)
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
        assert tree_digest(root) == first  # put back as it was: the same digest
        return digest

    # Edits of the same size with the file's time kept: seen by content.
    data = root / "locales" / "en" / "language.toml"
    assert changed(data, lambda text: text.replace(b"a", b"e", 1), keep_time=True) != first
    code = root / "core" / "entry_index.py"
    assert (
        changed(code, lambda text: text.replace(b"import", b"IMPORT", 1), keep_time=True) != first
    )
    assert changed(code, lambda text: text + b"\n", keep_time=False) != first
    (root / "core" / "new_rules.py").write_text("X = 1\n", encoding="utf-8")
    assert tree_digest(root) != first  # a file added


def test_a_build_where_a_load_was_meant_stops_the_benchmark(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir(mode=0o700)
    with pytest.raises(RuntimeError, match="not loaded"):
        Matcher(shipped_entries(), index_cache=LoadedOnly(folder / "none.index"))


def test_the_tuning_sets_answer_alike_through_a_loaded_index() -> None:
    """What benchmarks.wrong_answers --loaded-index does, on two small sets, English in its
    index and Spanish with the language detected (so both indexes), words only: the same
    figures and wrong answers as through built indexes."""
    entries = shipped_entries()
    english = load_set(SETS / "extra2.tsv")
    spanish = load_set(SETS / "tune-es.tsv")
    built = [
        evaluate(Ours(entries), english, entries),
        evaluate(OursDetecting(entries), spanish, entries),
    ]
    with loaded_indexes(entries) as cache:
        loaded = [
            evaluate(Ours(entries, index_cache=cache), english, entries),
            evaluate(OursDetecting(entries, index_cache=cache), spanish, entries),
        ]
    assert loaded == built
    assert all(figures.in_scope > 40 for figures in built)  # the sets were read
