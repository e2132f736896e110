"""Running from a checkout (`python3 cli.py plan attendees.csv`) on a machine without the libraries.

The first run installs them into the checkout's `.venv` (the folder the README's commands make) and runs the
command there; later runs find it ready. Standard library only: this runs before any dependency is there.
"""

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from speeddating.errors import missing_dependency

RELAUNCHED = "SPEEDDATING_FROM_CHECKOUT_VENV"
"""Set in the command run inside `.venv`: a library still missing there is said, never installed again."""


def venv_python(checkout: Path) -> Path:
    """The interpreter of the checkout's `.venv`."""
    folder = checkout / ".venv"
    return folder / "Scripts" / "python.exe" if os.name == "nt" else folder / "bin" / "python"


def ready(python: Path, checkout: Path) -> bool:
    """Whether `python` exists and imports the command line, with every library it needs at start."""
    if not python.is_file():
        return False
    probe = subprocess.run([str(python), "-c", "import speeddating.cli"], cwd=checkout, capture_output=True)
    return probe.returncode == 0


def install(checkout: Path) -> int:
    """Make `.venv` if need be and install the package with its libraries into it; pip's exit code."""
    python = venv_python(checkout)
    print(
        "speeddating: first run from this folder: installing its libraries into .venv (a minute or two)…",
        file=sys.stderr,
    )
    if not python.is_file():
        made = subprocess.run([sys.executable, "-m", "venv", str(checkout / ".venv")])
        if made.returncode != 0:
            return made.returncode
    return subprocess.run([str(python), "-m", "pip", "install", "-q", str(checkout)]).returncode


def run_with_libraries(missing: str | None, script: Path, arguments: Sequence[str]) -> int:
    """Run the command `arguments` of `script` (cli.py) in the checkout's `.venv`, installed first when it lacks
    the libraries: this process becomes that one (its exit code, its Ctrl-C), or on Windows waits for it and
    returns its exit code; 1 and one line naming `missing` when that cannot be."""
    checkout = script.resolve().parent
    python = venv_python(checkout)
    if os.environ.get(RELAUNCHED) or Path(sys.prefix).resolve() == (checkout / ".venv").resolve():
        print(missing_dependency(missing), file=sys.stderr)
        return 1
    if not ready(python, checkout) and (install(checkout) != 0 or not ready(python, checkout)):
        print(missing_dependency(missing), file=sys.stderr)
        return 1
    command = [str(python), str(script), *arguments]
    environment = {**os.environ, RELAUNCHED: "1"}
    if os.name == "nt":
        return subprocess.run(command, env=environment).returncode
    os.execve(python, command, environment)
