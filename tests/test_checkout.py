"""`python3 cli.py` from a checkout on a machine without the libraries: the command runs in the checkout's
.venv, and a library missing even there is one line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from speeddating.checkout import RELAUNCHED, requirements_digest, requirements_stamp
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
    """A checkout (cli.py, pyproject.toml and the package) whose .venv interpreter has the libraries of its
    pyproject.toml: this one, without the shadowing path; its pip only says it was called."""
    checkout = tmp_path / "checkout"
    (checkout / ".venv" / "bin").mkdir(parents=True)
    for name in ("cli.py", "pyproject.toml"):
        (checkout / name).write_text((REPO / name).read_text(encoding="utf-8"), encoding="utf-8")
    (checkout / "speeddating").symlink_to(REPO / "speeddating")
    python = checkout / ".venv" / "bin" / "python"
    python.write_text(
        "#!/bin/sh\nunset PYTHONPATH\n"
        'if [ "$1" = -m ] && [ "$2" = pip ]; then echo "pip called" >&2; exit 0; fi\n'
        f'exec "{sys.executable}" "$@"\n',
        encoding="utf-8",
    )
    python.chmod(0o755)
    requirements_stamp(checkout).write_text(requirements_digest(checkout), encoding="utf-8")
    return checkout


def plan_from_checkout(checkout: Path, tmp_path: Path, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python3 cli.py plan ...` of `checkout`, writing tmp_path/plan."""
    command = ["plan", str(attendee_list(tmp_path)), "--rounds", "2", "--time-limit", "1", "--no-history"]
    return subprocess.run(
        [sys.executable, str(checkout / "cli.py"), *command, "--quiet", "--out", str(tmp_path / "plan")],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def attendee_list(folder: Path) -> Path:
    path = folder / "attendees.csv"
    path.write_text("Nom,Structure\n" + "".join(f"P{k},Org {k % 3}\n" for k in range(9)), encoding="utf-8")
    return path


@pytest.mark.skipif(os.name == "nt", reason="the .venv stand-in is a shell script")
def test_a_command_missing_a_library_runs_in_the_checkouts_venv(tmp_path: Path, bare_machine: dict[str, str]) -> None:
    completed = plan_from_checkout(checkout_with_venv(tmp_path), tmp_path, bare_machine)
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "plan" / "plan.json").is_file()
    assert "installation" not in completed.stderr  # the .venv was ready: nothing to install


@pytest.mark.skipif(os.name == "nt", reason="the .venv stand-in is a shell script")
def test_a_venv_installed_for_another_pyproject_gets_the_libraries_again(
    tmp_path: Path, bare_machine: dict[str, str]
) -> None:
    """A .venv made before a library was added imported the command line but lacked, say, what the PDFs import:
    it was taken as ready and the plan stopped at the PDFs. A changed pyproject.toml now installs again."""
    checkout = checkout_with_venv(tmp_path)
    requirements_stamp(checkout).write_text("an older pyproject.toml", encoding="utf-8")
    completed = plan_from_checkout(checkout, tmp_path, bare_machine)
    assert completed.returncode == 0, completed.stderr
    assert "premier lancement depuis ce dossier : installation de ses bibliothèques" in completed.stderr
    assert "pip called" in completed.stderr
    assert (tmp_path / "plan" / "plan.json").is_file()
    assert requirements_stamp(checkout).read_text(encoding="utf-8") == requirements_digest(checkout)


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
    assert completed.stderr.startswith("speeddating a besoin de 'ortools' : installez-le d'abord")


def test_the_first_lines_follow_the_language_asked_for(tmp_path: Path, bare_machine: dict[str, str]) -> None:
    """The line before the libraries are there is the organiser's first sight of the tool: --lang counts."""
    completed = subprocess.run(
        [sys.executable, str(REPO / "cli.py"), "plan", str(attendee_list(tmp_path)), "--lang", "en"],
        env={**bare_machine, RELAUNCHED: "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert (
        completed.stderr.strip() == "speeddating needs 'ortools': install it first with `pip install .` in its folder."
    )
