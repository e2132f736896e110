"""QA: a history that cannot be written (read-only folder or file) is named as such, with the fix."""

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from speeddating.cli import cli

REPO = Path(__file__).resolve().parent.parent


def run_unprivileged(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command as an ordinary user would run it: as root, without the capabilities that bypass permissions."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: file permissions are not enforced")
        prefix = [setpriv, "--bounding-set=-all", "--inh-caps=-all"]
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "speeddating", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def make_plan(folder: Path, name: str, people: int = 9) -> Path:
    attendees = folder / f"{name}.csv"
    attendees.write_text("nom;structure\n" + "".join(f"P {i};S {i % 3}\n" for i in range(people)), encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "plan",
            str(attendees),
            "--rounds",
            "2",
            "--time-limit",
            "1",
            "--no-history",
            "--out",
            str(folder / name),
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.stderr
    return folder / name / "plan.json"


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return make_plan(tmp_path, "plan")


def read_only(path: Path) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)


def test_a_history_in_a_read_only_folder_says_it_cannot_be_written(tmp_path: Path, plan_file: Path) -> None:
    locked = tmp_path / "partage"
    locked.mkdir()
    read_only(locked)
    try:
        result = run_unprivileged(
            "history", "add", str(plan_file), "--history", str(locked / "historique.db"), cwd=tmp_path
        )
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("Erreur : ") and "historique.db" in lines[0]
    assert "impossible d'écrire" in lines[0] and "n'est pas un historique utilisable" not in lines[0]
    assert not (locked / "historique.db").exists()


def test_a_read_only_history_file_says_it_cannot_be_written(tmp_path: Path, plan_file: Path) -> None:
    store = tmp_path / "historique.db"
    code = CliRunner().invoke(cli, ["history", "add", str(plan_file), "--history", str(store)]).exit_code
    assert code == 0
    store.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    other = make_plan(tmp_path, "autre", people=10)
    result = run_unprivileged("history", "add", str(other), "--history", str(store), "--title", "Autre", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    line = result.stderr.strip()
    assert line.startswith("Erreur : ") and "historique.db" in line and "impossible d'écrire" in line
    assert "n'est pas un historique utilisable" not in line
