"""The knowledge ships with the package: a built wheel, installed outside the checkout, answers.

Offline: the wheel is built without build isolation or an index, and installed with --no-deps
--no-index into a fresh virtual environment. That environment sees the test environment's
installed dependencies (as a plain path entry, so the editable install of this checkout is not
activated) but not the checkout, and the questions are asked from an empty temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "data",
    ".env",
    "*.egg-info",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
)


def run(argv: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{argv}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # a copy, so the build leaves nothing in the checkout
    shutil.copytree(ROOT, source, symlinks=True, ignore=NOT_SOURCE)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", "out", "./source"],
        cwd=work,
    )
    (built,) = (work / "out").glob("policybot-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; returns its bin folder."""
    target = tmp_path_factory.mktemp("venv") / "env"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / "bin" / "python"
    ours = json.loads(run([str(python), "-c", _SITE_PACKAGES], cwd=target))
    # The test environment's dependencies, as plain path entries: .pth files there (the editable
    # install of the checkout among them) are not processed.
    dependencies = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(ours) / "test-dependencies.pth").write_text("\n".join(sorted(dependencies)) + "\n")
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "--disable-pip-version-check",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        cwd=target,
    )
    return target / "bin"


_SITE_PACKAGES = "import json, sysconfig; print(json.dumps(sysconfig.get_paths()['purelib']))"


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POLICYBOT_", "PYTHON"))}
    env.pop("DISCORD_TOKEN", None)
    env["HOME"] = str(home)
    return env


def test_the_wheel_carries_every_knowledge_file_unchanged(wheel: Path) -> None:
    shipped = sorted((ROOT / "knowledge").glob("*.toml"))
    assert shipped
    with zipfile.ZipFile(wheel) as archive:
        for path in shipped:
            assert archive.read(f"bot/knowledge/{path.name}") == path.read_bytes(), path.name


def test_the_installed_wheel_answers_from_outside_the_checkout(
    installed: Path, tmp_path: Path
) -> None:
    env = clean_env(tmp_path)
    where = run(
        [
            str(installed / "python"),
            "-c",
            "import bot; from bot.settings import SHIPPED_KNOWLEDGE as k; print(bot.__file__, k)",
        ],
        cwd=tmp_path,
        env=env,
    ).split()
    assert all(Path(p).is_relative_to(installed.parent) for p in where), where
    assert not any(Path(p).is_relative_to(ROOT) for p in where), where

    out = run(
        [str(installed / "policybot"), "ask", "--json", "how many migrants were enrolled?"],
        cwd=tmp_path,
        env=env,
    )
    answer = json.loads(out)
    assert answer["matched"] is True
    assert answer["entry_id"] == "enrolled-45"
    assert answer["anonymous_sourcing"] is True
    assert "45" in answer["answer"]
    assert (tmp_path / "data" / "policybot.sqlite3").is_file()  # seeded in the temporary cwd

    validated = run([str(installed / "policybot"), "kb", "validate"], cwd=tmp_path, env=env)
    assert validated.startswith("OK: ")
