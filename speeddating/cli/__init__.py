"""The `speeddating` command: parses arguments, calls the package, prints short summaries.

It holds no planning logic. Errors meant for the organiser (`UserError`) become one plain line
on stderr and an exit status (2 for bad input or usage, 1 for a malformed plan), never a
traceback. Each module below registers its commands on the group.
"""

import sys
from collections.abc import Callable

from speeddating.cli import event_commands as event_commands
from speeddating.cli import history_commands as history_commands
from speeddating.cli import plan_commands
from speeddating.cli import print_commands as print_commands
from speeddating.cli import replan_commands as replan_commands
from speeddating.cli import web_commands as web_commands
from speeddating.cli.base import cli
from speeddating.errors import missing_dependency
from speeddating.i18n import requested_language, use_language

__all__ = ["cli", "main", "plan_commands"]


def main(when_missing: Callable[[str | None], int] | None = None) -> None:
    """Console-script entry point. The modules behind a command load when it runs, before it does anything,
    so a dependency missing there is told in one line, like one missing at start, or handed to `when_missing`
    (`cli.py` installs the libraries into the checkout's .venv and runs the command there)."""
    try:
        sys.exit(cli.main(prog_name="speeddating"))
    except ModuleNotFoundError as missing:
        if when_missing is not None:
            sys.exit(when_missing(missing.name))
        with use_language(requested_language(sys.argv[1:])):
            sys.exit(missing_dependency(missing.name))
