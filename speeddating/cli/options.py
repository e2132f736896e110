"""Options shared by several commands, declared once so their names and help never drift apart."""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from speeddating.cli.localised import option
from speeddating.errors import UserError
from speeddating.history.store import history_path, past_encounters
from speeddating.i18n import N_, t
from speeddating.planning import PastEncounters
from speeddating.roster import Attendee

Decorator = Callable[[Any], Any]


def _stack(*options: Decorator) -> Decorator:
    def apply(command: Any) -> Any:
        for decorate in reversed(options):
            command = decorate(command)
        return command

    return apply


history_option = option(
    "--history",
    "history_db",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("History database (default ./speeddating.db or $SPEEDDATING_DB)."),
)

history_options = _stack(
    history_option,
    option("--no-history", is_flag=True, help=N_("Ignore the history of earlier sessions.")),
)

pair_options = _stack(
    option(
        "--keep-apart",
        type=click.Path(dir_okay=False, path_type=Path),
        help=N_("CSV of pairs never to seat together (a manager and their report...), two names per row."),
    ),
    option(
        "--should-meet",
        type=click.Path(dir_okay=False, path_type=Path),
        help=N_("CSV of pairs who should meet, two names per row."),
    ),
)


def solver_options(default_time_limit: float) -> Decorator:
    return _stack(
        option(
            "--time-limit",
            type=click.FloatRange(min=0.1),
            default=default_time_limit,
            show_default=True,
            help=N_("Seconds the optimiser may use."),
        ),
        option("--seed", type=int, default=0, show_default=True, help=N_("Same seed, same plan.")),
    )


output_options = _stack(
    option("--json", "as_json", is_flag=True, help=N_("Print the summary as one JSON object.")),
    option("--quiet", is_flag=True, help=N_("No progress on stderr.")),
)


def read_history(
    history_db: Path | None, no_history: bool, attendees: Sequence[Attendee]
) -> tuple[Path | None, PastEncounters]:
    """The history database in force and the pairs it records among `attendees` (none when absent)."""
    if history_db is not None and no_history:
        raise UserError(t("--history and --no-history cannot be used together: keep one."))
    database = history_path(history_db, no_history)
    if database is None or not database.is_file():
        return database, {}
    return database, past_encounters(database, attendees)
