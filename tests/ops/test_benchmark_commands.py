"""Every benchmark command benchmarks/README.md prints names a question set the benchmark
accepts: a reader rerunning a table's command gets its figures, not a usage error. Run through
the command line (tests do not import benchmarks)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDERS = {"NAME", "SET"}


def _accepted_sets() -> set[str]:
    usage = subprocess.run(
        [sys.executable, "-m", "benchmarks.quality", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    found = re.search(r"--set \{([^}]*)\}", usage)
    assert found, usage
    return {name.strip() for name in found.group(1).split(",")}


def test_every_set_the_benchmarks_readme_runs_is_one_the_benchmark_accepts() -> None:
    text = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"benchmarks\.quality\b[^\n`]*?--set ([\w-]+)", text)) - PLACEHOLDERS
    assert named
    assert named <= _accepted_sets(), sorted(named - _accepted_sets())
