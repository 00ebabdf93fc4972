"""The layering, checked: no import circle in bot/, a Discord-free core, and front ends that
reach the core through the Engine only (never its store, knowledge set or matcher)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"
CORE_INSIDES = {"store", "_store", "knowledge", "_knowledge", "matcher", "_matcher"}
CORE_BACKENDS = {
    "bot.core.sqlite_store",
    "bot.core.sqlite_connection",
    "bot.core.sqlite_questions",
    "bot.core.migrations",
    "bot.core.backends",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(BOT.rglob("*.py"))}


def imports_of(name: str) -> set[str]:
    """Every bot module `name` imports, at the top or inside a function (a lazy import still
    ties two modules together), resolved to modules: `from bot.discord import render` is an
    import of bot.discord.render."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            targets = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name and MODULES[target].name != "__init__.py":
                found.add(target)
    return found


GRAPH = {name: imports_of(name) for name in MODULES}


def find_cycle() -> list[str] | None:
    visiting: list[str] = []
    done: set[str] = set()

    def visit(name: str) -> list[str] | None:
        if name in visiting:
            return [*visiting[visiting.index(name) :], name]
        if name in done:
            return None
        visiting.append(name)
        for imported in sorted(GRAPH[name]):
            cycle = visit(imported)
            if cycle:
                return cycle
        visiting.pop()
        done.add(name)
        return None

    for name in sorted(GRAPH):
        cycle = visit(name)
        if cycle:
            return cycle
    return None


def test_there_is_no_import_circle_in_bot() -> None:
    cycle = find_cycle()
    assert cycle is None, "import circle: " + " → ".join(cycle or [])


def test_the_cycle_check_finds_a_circle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(GRAPH, "bot.core.answers", GRAPH["bot.core.answers"] | {"bot.cli"})
    assert find_cycle() is not None


def test_the_core_imports_nothing_from_discord() -> None:
    for name in MODULES:
        if name.startswith("bot.core"):
            tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    roots = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom):
                    roots = [node.module or ""]
                else:
                    continue
                assert not any(
                    r == "discord" or r.startswith(("discord.", "bot.discord")) for r in roots
                ), name


def outside_core_touches(source: str) -> list[str]:
    """`x.store`, `x.knowledge`, `x.matcher` (or their private names), and imports of a
    storage backend: what only bot/core may touch."""
    problems = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in CORE_INSIDES:
            problems.append(f"line {node.lineno}: .{node.attr}")
        if isinstance(node, ast.ImportFrom) and node.module in CORE_BACKENDS:
            problems.append(f"line {node.lineno}: imports {node.module}")
        if isinstance(node, ast.ImportFrom) and any(a.name == "Matcher" for a in node.names):
            problems.append(f"line {node.lineno}: imports Matcher")
    return problems


@pytest.mark.parametrize("name", sorted(n for n in MODULES if not n.startswith("bot.core")))
def test_front_ends_use_the_engine_only(name: str) -> None:
    assert outside_core_touches(MODULES[name].read_text(encoding="utf-8")) == []


def test_the_front_end_check_sees_a_reach_past_the_engine() -> None:
    assert outside_core_touches("rows = await engine.store.unanswered()") != []
    assert outside_core_touches("n = len(self.engine._matcher)") != []
    assert outside_core_touches("from bot.core.sqlite_store import SQLiteStore") != []
    assert outside_core_touches("rows = await engine.unanswered()") == []


def top_level_imports(folder: str) -> set[str]:
    roots: set[str] = set()
    for path in (BOT.parent / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                roots |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                roots.add(node.module.split(".")[0])
    return roots


def test_tests_and_benchmarks_share_testkit_and_do_not_import_each_other() -> None:
    assert "benchmarks" not in top_level_imports("tests")
    assert "tests" not in top_level_imports("benchmarks")
    assert not {"tests", "benchmarks"} & top_level_imports("testkit")
    assert "testkit" not in top_level_imports("bot")
