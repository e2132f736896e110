"""Shared fixtures: the independent plan checker and small attendee lists."""

import json
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent
SHARED_CHECKER = REPO.parent / "shared" / "tools" / "check_plan.py"
BUNDLED_CHECKER = Path(__file__).resolve().parent / "tools" / "check_plan.py"

CheckPlan = Callable[..., dict[str, Any]]

settings.register_profile("deterministic", derandomize=True, print_blob=True)
settings.load_profile("deterministic")
"""Property tests draw the same examples on every run, as every other test is deterministic: a case one run
found and the next missed would make the suite pass or fail by chance (new cases come from the tests' own
examples and from running with another profile)."""


def pytest_configure(config: pytest.Config) -> None:
    """Give Ctrl-C back its meaning when the run was started in the background by a shell without job control
    (as CI scripts and `cmd &` do): such a run ignores SIGINT, every process it starts inherits that, and the
    tests pressing Ctrl-C in a child (plan, the staged writes, serve) would wait for an exit that never comes."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def checker_path() -> Path:
    """The shared checker when it sits beside the checkout (CI), else the bundled copy."""
    return SHARED_CHECKER if SHARED_CHECKER.exists() else BUNDLED_CHECKER


@pytest.fixture
def check_plan() -> CheckPlan:
    """Run the independent checker on a plan file; returns its JSON figures."""

    def run(plan: Path, *extra: str) -> dict[str, Any]:
        completed = subprocess.run(
            [sys.executable, str(checker_path()), str(plan), "--json", *extra],
            capture_output=True,
            text=True,
            check=False,
        )
        assert completed.returncode in (0, 1), completed.stderr
        result: dict[str, Any] = json.loads(completed.stdout)
        return result

    return run


@pytest.fixture(autouse=True)
def _private_user_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads or writes the organiser's own history: the user's data folder (where the default
    history lives) is a fresh folder per test, and $SPEEDDATING_DB is unset."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))
    monkeypatch.delenv("SPEEDDATING_DB", raising=False)


@pytest.fixture
def instances() -> Path:
    return REPO / "instances"
