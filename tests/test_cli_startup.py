"""`speeddating --help`, `-h` on any command and `--version` answer without loading the heavy libraries:
the optimiser, the spreadsheet reader, the PDF maker and the graph library load only when a command runs."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

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
