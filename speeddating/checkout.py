"""Running from a checkout (`python3 cli.py plan attendees.csv`) on a machine without the libraries.

The first run installs them into the checkout's `.venv` (the folder the README's commands make) and runs the
command there; later runs find it ready, until pyproject.toml changes (a new library, say): the `.venv` then
gets the libraries again. Standard library only: this runs before any dependency is there.
"""

import hashlib
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from speeddating.errors import missing_dependency
from speeddating.i18n import requested_language, t, use_language

RELAUNCHED = "SPEEDDATING_FROM_CHECKOUT_VENV"
"""Set in the command run inside `.venv`: a library still missing there is said, never installed again."""


def venv_python(checkout: Path) -> Path:
    """The interpreter of the checkout's `.venv`."""
    folder = checkout / ".venv"
    return folder / "Scripts" / "python.exe" if os.name == "nt" else folder / "bin" / "python"


def requirements_stamp(checkout: Path) -> Path:
    """Where `install` notes which pyproject.toml the `.venv`'s libraries were installed for."""
    return checkout / ".venv" / "speeddating-requirements"


def requirements_digest(checkout: Path) -> str:
    """The checkout's pyproject.toml, as a digest: a library imported late (by the PDFs, say) must be there too."""
    return hashlib.sha256((checkout / "pyproject.toml").read_bytes()).hexdigest()


def ready(python: Path, checkout: Path) -> bool:
    """Whether `python` exists, has the libraries of this pyproject.toml installed, and imports the command line."""
    stamp = requirements_stamp(checkout)
    if not (python.is_file() and stamp.is_file()) or stamp.read_text(encoding="utf-8") != requirements_digest(checkout):
        return False
    probe = subprocess.run([str(python), "-c", "import speeddating.cli"], cwd=checkout, capture_output=True)
    return probe.returncode == 0


def install(checkout: Path) -> int:
    """Make `.venv` if need be and install the package with its libraries into it; pip's exit code."""
    python = venv_python(checkout)
    print(
        t("speeddating: first run from this folder: installing its libraries into .venv (a minute or two)…"),
        file=sys.stderr,
    )
    if not python.is_file():
        made = subprocess.run([sys.executable, "-m", "venv", str(checkout / ".venv")])
        if made.returncode != 0:
            return made.returncode
    installed = subprocess.run([str(python), "-m", "pip", "install", "-q", str(checkout)]).returncode
    if installed == 0:
        requirements_stamp(checkout).write_text(requirements_digest(checkout), encoding="utf-8")
    return installed


def run_with_libraries(missing: str | None, script: Path, arguments: Sequence[str]) -> int:
    """Run the command `arguments` of `script` (cli.py) in the checkout's `.venv`, installed first when it lacks
    the libraries: this process becomes that one (its exit code, its Ctrl-C), or on Windows waits for it and
    returns its exit code; 1 and one line naming `missing` when that cannot be."""
    with use_language(requested_language(arguments)):
        return _run_in_venv(missing, script, arguments)


def _run_in_venv(missing: str | None, script: Path, arguments: Sequence[str]) -> int:
    """`run_with_libraries` once the language is chosen."""
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
