"""`python3 cli.py` from a checkout on a machine without the libraries: the command runs in the checkout's
.venv, and a library missing even there is one line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from speeddating.checkout import RELAUNCHED
from speeddating.errors import missing_dependency
from tests.conftest import REPO


@pytest.fixture
def bare_machine(tmp_path: Path) -> dict[str, str]:
    """An environment where OR-Tools cannot be imported, as on a machine that never installed it."""
    shadow = tmp_path / "shadow"
    (shadow / "ortools").mkdir(parents=True)
    (shadow / "ortools" / "__init__.py").write_text("raise ModuleNotFoundError(name='ortools')\n", encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key != RELAUNCHED}
    return {**environment, "PYTHONPATH": str(shadow)}


def checkout_with_venv(tmp_path: Path) -> Path:
    """A checkout (cli.py and the package) whose .venv interpreter has the libraries: this one, without the
    shadowing path."""
    checkout = tmp_path / "checkout"
    (checkout / ".venv" / "bin").mkdir(parents=True)
    (checkout / "cli.py").write_text((REPO / "cli.py").read_text(encoding="utf-8"), encoding="utf-8")
    (checkout / "speeddating").symlink_to(REPO / "speeddating")
    python = checkout / ".venv" / "bin" / "python"
    python.write_text(f'#!/bin/sh\nunset PYTHONPATH\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    return checkout


def attendee_list(folder: Path) -> Path:
    path = folder / "attendees.csv"
    path.write_text("Nom,Structure\n" + "".join(f"P{k},Org {k % 3}\n" for k in range(9)), encoding="utf-8")
    return path


@pytest.mark.skipif(os.name == "nt", reason="the .venv stand-in is a shell script")
def test_a_command_missing_a_library_runs_in_the_checkouts_venv(tmp_path: Path, bare_machine: dict[str, str]) -> None:
    checkout = checkout_with_venv(tmp_path)
    out = tmp_path / "plan"
    command = ["plan", str(attendee_list(tmp_path)), "--rounds", "2", "--time-limit", "1", "--no-history"]
    completed = subprocess.run(
        [sys.executable, str(checkout / "cli.py"), *command, "--quiet", "--out", str(out)],
        env=bare_machine,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert (out / "plan.json").is_file()
    assert "installing" not in completed.stderr  # the .venv was ready: nothing to install


def test_a_library_missing_in_the_venv_too_is_one_line(tmp_path: Path, bare_machine: dict[str, str]) -> None:
    completed = subprocess.run(
        [sys.executable, str(REPO / "cli.py"), "plan", str(attendee_list(tmp_path)), "--no-history"],
        env={**bare_machine, RELAUNCHED: "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert completed.stderr.strip() == missing_dependency("ortools")
