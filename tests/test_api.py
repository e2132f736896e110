"""The public API (`import speeddating`): every name documented, loaded on first use, and the README's
Python example running as written."""

import inspect
import json
import re
import subprocess
import sys
from pathlib import Path

import speeddating
from speeddating.plan import read_plan
from tests.conftest import REPO, CheckPlan

README_PYTHON = re.compile(r"^## [^\n]*Python[^\n]*\n.*?^```python\n(?P<code>.*?)^```$", re.MULTILINE | re.DOTALL)


def test_every_public_name_resolves_and_says_what_it_is() -> None:
    for name in speeddating.__all__:
        value = getattr(speeddating, name)
        if name == "__version__":
            continue
        own = value.__dict__.get("__doc__") if inspect.isclass(value) else value.__doc__
        assert own and not own.startswith(f"{name}("), f"{name} has no docstring of its own"
    assert set(speeddating.__all__) <= set(dir(speeddating))


def test_importing_the_package_loads_nothing_heavy_until_a_name_is_used() -> None:
    probe = (
        "import json, sys, speeddating\n"
        "before = sorted(m for m in ('pandas', 'ortools', 'reportlab') if m in sys.modules)\n"
        "speeddating.plan_session\n"
        "after = sorted(m for m in ('pandas', 'ortools', 'reportlab') if m in sys.modules)\n"
        "print(json.dumps([before, after]))\n"
    )
    completed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    assert json.loads(completed.stdout) == [[], ["ortools", "pandas", "reportlab"]]


def test_the_readme_python_example_runs_as_written(tmp_path: Path, check_plan: CheckPlan) -> None:
    found = README_PYTHON.search((REPO / "README.md").read_text(encoding="utf-8"))
    assert found is not None, "README.md has a section about Python with a ```python block"
    (tmp_path / "instances").symlink_to(REPO / "instances")
    completed = subprocess.run(
        [sys.executable, "-c", found["code"]],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    folders = [path for path in tmp_path.iterdir() if path.is_dir() and path.name != "instances"]
    assert len(folders) == 1, "the example writes into one folder of its own"
    written = sorted(path.name for path in folders[0].iterdir())
    assert written == sorted(
        ["plan.json", "plan.csv", "table-cards.pdf", "itineraries.pdf", "agenda.pdf", "master-plan.pdf"]
    )
    plan = read_plan(folders[0] / "plan.json")
    figures = check_plan(folders[0] / "plan.json")
    assert figures["valid"], figures["errors"]
    assert len(plan.rounds) == 5 and len(plan.attendees) == 52
    assert f"new encounters: {figures['distinct_new_pairs']} of at most" in completed.stdout
