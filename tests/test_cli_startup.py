"""`speeddating --help`, `-h` on any command and `--version` answer without loading the heavy libraries:
the optimiser, the spreadsheet reader, the PDF maker and the graph library load only when a command runs."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from speeddating.errors import missing_dependency
from tests.conftest import REPO

HEAVY = ("pandas", "ortools", "reportlab", "networkx")

LOADED_AFTER = """
import json, pathlib, runpy, sys
report, sys.argv = pathlib.Path(sys.argv[1]), ["speeddating", *sys.argv[2:]]
try:
    runpy.run_module("speeddating", run_name="__main__")
finally:
    report.write_text(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""
"""Runs the command line as `python -m speeddating ARGS` does, then writes the top-level modules it loaded."""


def loaded_modules(folder: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """How `speeddating ARGS` ended, and the top-level modules it had loaded by then."""
    report = folder / "modules.json"
    completed = subprocess.run(
        [sys.executable, "-c", LOADED_AFTER, str(report), *args], capture_output=True, text=True, cwd=REPO, check=False
    )
    return completed, set(json.loads(report.read_text()))


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("-h",),
        ("--version",),
        ("plan", "-h"),
        ("replan", "--help"),
        ("check", "-h"),
        ("print", "-h"),
        ("init", "-h"),
        ("report", "-h"),
        ("history", "-h"),
        ("history", "add", "-h"),
        ("serve", "-h"),
        ("--lang", "en", "plan", "--help"),
    ],
)
def test_help_and_version_load_no_heavy_library(args: tuple[str, ...], tmp_path: Path) -> None:
    completed, modules = loaded_modules(tmp_path, *args)
    assert completed.returncode == 0 and completed.stdout.strip(), completed.stderr
    assert modules.isdisjoint(HEAVY), sorted(modules.intersection(HEAVY))


def test_a_command_at_work_does_load_them(tmp_path: Path) -> None:
    """The check above can fail: `check` loads the workflow, and with it the optimiser, before reading its file."""
    completed, modules = loaded_modules(tmp_path, "--lang", "en", "check", str(tmp_path / "missing.json"))
    assert completed.returncode == 1 and "no such file" in completed.stderr
    assert "ortools" in modules


def test_planning_a_csv_without_history_loads_no_workbook_reader_nor_data_folder_lookup(tmp_path: Path) -> None:
    """A checkout run with the core libraries alone plans a CSV: the XLSX reader and the user's data folder are
    looked up only when a workbook or the default history is."""
    attendees = tmp_path / "attendees.csv"
    attendees.write_text("Nom,Structure\n" + "".join(f"P{k},Org {k % 3}\n" for k in range(9)), encoding="utf-8")
    out = tmp_path / "plan"
    args = ("plan", str(attendees), "--rounds", "2", "--time-limit", "1", "--no-history", "--quiet", "--out", str(out))
    completed, modules = loaded_modules(tmp_path, *args)
    assert completed.returncode == 0 and (out / "plan.json").is_file(), completed.stderr
    assert modules.isdisjoint({"openpyxl", "platformdirs"}), sorted(modules & {"openpyxl", "platformdirs"})
    assert "ortools" in modules


def test_a_dependency_missing_when_a_command_runs_is_one_line(tmp_path: Path) -> None:
    """A library loaded only when its command runs, missing from the machine: one line naming it, no traceback."""
    (tmp_path / "openpyxl.py").write_text("raise ModuleNotFoundError(name='openpyxl')\n", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "attendees.xlsx", "w") as workbook:
        workbook.writestr("xl/workbook.xml", "<workbook/>")
    program = "import sys; sys.path.insert(0, sys.argv.pop(1)); from speeddating.cli import main; main()"
    completed = subprocess.run(
        [sys.executable, "-c", program, str(tmp_path), "plan", str(tmp_path / "attendees.xlsx"), "--no-history"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert completed.returncode == 1 and "Traceback" not in completed.stderr
    assert completed.stderr.strip() == missing_dependency("openpyxl") and "'openpyxl'" in completed.stderr
