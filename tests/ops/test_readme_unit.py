"""The systemd unit in the README is one systemd accepts: `systemd-analyze verify` reports
nothing (it warns about every key or value it cannot parse). Skipped where systemd's tools
are not installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_the_readme_unit_verifies(tmp_path: Path) -> None:
    found = re.search(r"```ini\n(\[Unit\].*?)```", README.read_text(encoding="utf-8"), re.S)
    assert found, "README has no systemd unit"
    unit = found.group(1)
    assert "ExecStart=/opt/policybot/.venv/bin/policybot run" in unit
    # Verify needs the program and folder to exist; everything else is checked as written.
    unit = unit.replace("/opt/policybot/.venv/bin/policybot", shutil.which("true") or "/bin/true")
    unit = unit.replace("WorkingDirectory=/opt/policybot", f"WorkingDirectory={tmp_path}")
    path = tmp_path / "policybot.service"
    path.write_text(unit, encoding="utf-8")
    verified = subprocess.run(
        ["systemd-analyze", "verify", str(path)], capture_output=True, text=True, timeout=60
    )
    assert verified.returncode == 0 and verified.stderr.strip() == "", verified.stderr
