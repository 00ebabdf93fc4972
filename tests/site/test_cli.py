"""`policybot site build` and `policybot site serve` from the command line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.core.languages import languages
from bot.site.urls import entry_path

from .conftest import ANSWERS, CLAIMS, read_page


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Any:
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in ("POLICYBOT_SITE_URL", "POLICYBOT_SITE_DIR", "POLICYBOT_KNOWLEDGE_DIR"):
        monkeypatch.delenv(name, raising=False)

    def go(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", str(tmp_path / "db.sqlite3"), *argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return go


def test_site_build_writes_the_site_and_says_what_it_built(run: Any, tmp_path: Path) -> None:
    code, out, err = run("site", "build", str(tmp_path / "public"))
    assert code == 0
    # Each language (English and Spanish): an index and a page per entry, a ClaimReview per
    # claim page.
    count = len(languages())
    assert f"built {count * (ANSWERS + 1)} pages ({count * CLAIMS} with ClaimReview)" in out
    assert "POLICYBOT_SITE_URL is not set" in err
    review = read_page(tmp_path / "public" / entry_path("enrolled-45")).json_ld[0]
    assert review["url"] == entry_path("enrolled-45")  # relative without a site address


def test_site_build_uses_the_site_address_setting(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYBOT_SITE_URL", "https://example.org/kb")
    code, _, err = run("site", "build", str(tmp_path / "public"))
    assert code == 0 and "not set" not in err
    review = read_page(tmp_path / "public" / entry_path("enrolled-45")).json_ld[0]
    assert review["url"] == "https://example.org/kb/answers/enrolled-45.html"


def test_site_build_onto_a_file_gets_a_message_not_a_traceback(run: Any, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("keep me")
    code, _, err = run("site", "build", str(tmp_path / "a-file"))
    assert code == 1 and "cannot write" in err and "a-file" in err
    assert (tmp_path / "a-file").read_text() == "keep me"


def test_site_serve_refuses_a_port_out_of_range(run: Any, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        run("site", "serve", str(tmp_path), "--port", "99999")
    assert exit_.value.code == 2


def test_site_serve_refuses_a_folder_without_a_built_site(run: Any, tmp_path: Path) -> None:
    code, _, err = run("site", "serve", str(tmp_path))
    assert code == 1 and "run `policybot site build DIR` first" in err
    code, _, err = run("site", "serve")
    assert code == 1 and "no folder given" in err


def test_site_serve_serves_the_built_site_on_loopback(run: Any, tmp_path: Path) -> None:
    assert run("site", "build", str(tmp_path / "public"))[0] == 0
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "bot", "site", "serve", str(tmp_path / "public"), "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        found = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        assert found, line
        base = found.group(1)
        with urllib.request.urlopen(base + entry_path("enrolled-45"), timeout=10) as response:
            assert response.status == 200
            assert "text/html" in response.headers["Content-Type"]
            assert b"How many migrants were enrolled" in response.read()
        with urllib.request.urlopen(base, timeout=10) as response:
            assert f"Filter the {ANSWERS} answers".encode() in response.read()
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "answers/no-such-entry.html", timeout=10)
        assert missing.value.code == 404
        missing.value.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stdout is not None:
            server.stdout.close()


def test_the_json_contract_carries_the_page_url_only_with_a_site_address(
    run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run("ask", "--json", "--no-log", "how many migrants were enrolled?")
    assert code == 0 and "page_url" not in json.loads(out)
    monkeypatch.setenv("POLICYBOT_SITE_URL", "https://example.org/kb/")
    code, out, _ = run("ask", "--json", "--no-log", "how many migrants were enrolled?")
    answer = json.loads(out)
    assert answer["entry_id"] == "enrolled-45"
    assert answer["page_url"] == "https://example.org/kb/answers/enrolled-45.html"
    code, out, _ = run("ask", "--json", "--no-log", "what is the capital of France?")
    assert "page_url" not in json.loads(out)  # no answer, no page
    code, out, _ = run("check", "--json", "--no-log", "I read that only 45 migrants enrolled")
    checked = json.loads(out)
    assert checked["page_url"] == f"https://example.org/kb/{entry_path(checked['entry_id'])}"


def test_a_bad_site_address_is_refused_with_its_setting_name(
    run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for bad in ("not a url", "ftp://example.org/", "https://example.org/" + "x" * 420):
        monkeypatch.setenv("POLICYBOT_SITE_URL", bad)
        code, _, err = run("site", "build", "public")
        assert code == 2 and "POLICYBOT_SITE_URL" in err, bad
