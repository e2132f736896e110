"""Run speeddating from a checkout: `python3 cli.py plan attendees.csv` (the first run on a machine without its
libraries installs them into the checkout's .venv, see `speeddating.checkout`)."""

import sys
from pathlib import Path

from speeddating.checkout import run_with_libraries


def in_checkout_venv(missing: str | None) -> int:
    """A library missing here: the command run again in the checkout's .venv, installed first if need be."""
    return run_with_libraries(missing, Path(__file__), sys.argv[1:])


try:
    from speeddating.cli import main
except ModuleNotFoundError as missing:
    sys.exit(in_checkout_venv(missing.name))

if __name__ == "__main__":
    main(when_missing=in_checkout_venv)
