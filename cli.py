"""Run speeddating from a checkout: `python cli.py plan attendees.csv`."""

import sys

from speeddating.errors import missing_dependency

try:
    from speeddating.cli import main
except ModuleNotFoundError as missing:  # run from a checkout before installing the dependencies
    sys.exit(missing_dependency(missing.name))

if __name__ == "__main__":
    main()
