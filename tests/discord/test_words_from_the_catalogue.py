"""No member-facing text is written in the Discord front end's code: every word a reply, embed,
button, menu or form shows comes from the gettext catalogue (or is knowledge, or a name). A
string with words given straight to one of discord.py's text arguments fails here, so a new
English-only text is caught before a Spanish member meets it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FRONT_END = ROOT / "bot" / "discord"
# discord.py's arguments that a member or moderator reads.
SHOWN = {
    "content",
    "label",
    "placeholder",
    "title",
    "description",
    "name",
    "value",
    "text",
    "default",
}
SENDS = {"send", "send_message", "edit_original_response", "add_field", "set_footer"}
WORDS = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")


def _literal_words(node: ast.expr) -> str | None:
    """The words of text written in the code within an argument (a literal, an f-string's
    literal parts, either side of a conditional or a `+`), not looking into calls (gettext,
    `format`, `clip` …), which are where the catalogue's words come from."""
    pending: list[ast.AST] = [node]
    written = []
    while pending:
        current = pending.pop()
        if isinstance(current, ast.Call):
            continue
        if isinstance(current, ast.Constant) and isinstance(current.value, str):
            written.append(current.value)
        pending.extend(ast.iter_child_nodes(current))
    joined = " ".join(written)
    return joined if WORDS.search(joined) else None


def written_in_code(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else ""
        if name == "_t" or (isinstance(node.func, ast.Name) and node.func.id == "_t"):
            continue  # discord.py's locale_str: the command translator looks it up
        shown = [k.value for k in node.keywords if k.arg in SHOWN]
        if name in SENDS:
            shown += node.args[:1]
        for argument in shown:
            if (words := _literal_words(argument)) is not None:
                found.append(f"{path.name}:{node.lineno}: {words!r}")
    return found


def test_the_check_finds_words_written_in_code(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "async def f(i, words, n):\n"
        "    await i.response.send_message('Please wait a moment')\n"
        "    b = Button(label=f'Open entry {n}')\n"
        "    c = Button(label='Yes please' if n else words.gettext('No'))\n"
        "    ok = Button(label=words.gettext('Helpful'), custom_id='pb:fb:1')\n"
    )
    assert sorted(line.split(": ", 1)[1] for line in written_in_code(sample)) == [
        "'Open entry '",
        "'Please wait a moment'",
        "'Yes please'",
    ]


def test_the_discord_front_end_writes_no_member_facing_words_itself() -> None:
    found = [
        problem for path in sorted(FRONT_END.rglob("*.py")) for problem in written_in_code(path)
    ]
    assert found == []
