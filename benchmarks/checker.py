"""The independent plan checker (shared/tools/check_plan.py beside the checkout, else the bundled copy), run on a
plan file: the figures it prints, as a dict."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CHECKER = next(
    p
    for p in (REPO.parent / "shared" / "tools" / "check_plan.py", REPO / "tests" / "tools" / "check_plan.py")
    if p.exists()
)


def check(plan: Path, *options: str) -> dict[str, Any]:
    """check_plan.py's JSON figures for `plan` (options such as --max-size 4 passed on)."""
    completed = subprocess.run(
        [sys.executable, str(CHECKER), str(plan), "--json", *options], capture_output=True, text=True, check=False
    )
    figures: dict[str, Any] = json.loads(completed.stdout)
    return figures
