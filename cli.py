"""Run speeddating from a checkout: `python cli.py plan attendees.csv`."""

import sys

try:
    from speeddating.cli import main
except ModuleNotFoundError as missing:  # run from a checkout before installing the dependencies
    sys.exit(f"speeddating needs {missing.name!r}: install it first with `pip install .` in this folder.")

if __name__ == "__main__":
    main()
