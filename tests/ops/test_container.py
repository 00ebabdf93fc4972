"""The image, where a Docker daemon runs: it builds from the repository, runs as a non-root
user with the database on a volume, and answers `policybot ask --json`. Where no daemon runs the
test says so and skips; .ci/container then lints the Dockerfile and runs the install steps."""

from __future__ import annotations

import json
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


def docker_unavailable() -> str | None:
    if shutil.which("docker") is None:
        return "no docker client on this machine"
    try:
        info = subprocess.run(["docker", "info"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"docker info failed: {error}"
    if info.returncode != 0:
        lines = (info.stderr or info.stdout).strip().splitlines()
        reason = next(
            (line for line in lines if "daemon" in line.lower()), lines[-1] if lines else ""
        )
        return f"no Docker daemon ({reason.strip()}); .ci/container checks the image's steps"
    return None


pytestmark = pytest.mark.skipif((reason := docker_unavailable()) is not None, reason=reason or "")


def docker(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["docker", *args], capture_output=True, text=True, timeout=timeout, check=True
    )


@pytest.fixture(scope="module")
def image() -> Iterator[str]:
    tag = f"policybot-test:{uuid.uuid4().hex[:12]}"
    docker("build", "--tag", tag, str(PROJECT), timeout=1800)
    try:
        yield tag
    finally:
        subprocess.run(["docker", "image", "rm", "--force", tag], capture_output=True)


def test_the_image_answers_ask_json(image: str) -> None:
    volume = f"policybot-test-{uuid.uuid4().hex[:12]}"
    try:
        run = docker(
            "run",
            "--rm",
            "--network",
            "none",
            "--volume",
            f"{volume}:/data",
            image,
            "ask",
            "--json",
            "how many migrants were enrolled?",
        )
        answer = json.loads(run.stdout)
        assert answer["matched"] is True and answer["sources"]
        # The database went to the volume, written by the image's non-root user.
        listing = docker(
            "run",
            "--rm",
            "--volume",
            f"{volume}:/data",
            "--entrypoint",
            "ls",
            image,
            "-n",
            "/data",
        ).stdout
        assert "policybot.sqlite3" in listing and " 10001 10001 " in listing
    finally:
        subprocess.run(["docker", "volume", "rm", "--force", volume], capture_output=True)


def test_the_image_runs_as_a_user_with_a_volume_and_a_healthcheck(image: str) -> None:
    (config,) = json.loads(docker("image", "inspect", image).stdout)
    settings = config["Config"]
    assert settings["User"] == "10001:10001"
    assert "/data" in settings["Volumes"]
    assert settings["Entrypoint"] == ["policybot"] and settings["Cmd"] == ["run"]
    assert settings["Healthcheck"]["Test"] == ["CMD", "policybot", "health"]
    # Without a running bot the health check reports unhealthy rather than passing blindly.
    health = subprocess.run(
        ["docker", "run", "--rm", image, "health"], capture_output=True, text=True, timeout=120
    )
    assert health.returncode == 1 and "unhealthy" in health.stdout
