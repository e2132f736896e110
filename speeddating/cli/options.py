"""Options shared by several commands, declared once so their names and help never drift apart."""

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from speeddating.cli.localised import option
from speeddating.errors import UserError
from speeddating.i18n import N_, t, t_plural
from speeddating.status import Phase, Progress, ProgressEvent
from speeddating.wording import improvement_line, series_step

Decorator = Callable[[Any], Any]
MOST_SEED = 10**9
"""Largest --seed: the optimiser takes 32-bit seeds and adds a step count to them."""


class OrganiserRange(click.IntRange):
    """A whole number within bounds, whose out-of-range refusal is one line saying what to give instead (click's
    usage lines and "x>=1" say nothing to an organiser); a word instead of a number stays click's usage error."""

    def __init__(self, minimum: int, maximum: int | None, message: str) -> None:
        super().__init__(minimum, maximum)
        self.message = message

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        number: int = click.INT.convert(value, param, ctx)
        try:
            converted: int = super().convert(number, param, ctx)
        except click.BadParameter:
            raise UserError(t(self.message, value=number, minimum=self.min, maximum=self.max)) from None
        return converted


class Seconds(click.FloatRange):
    """A number of seconds from a minimum: click's own refusal below it, one line for "nan" or "inf"."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        seconds: float = super().convert(value, param, ctx)
        if not math.isfinite(seconds):
            raise UserError(t("--time-limit {value}: give a number of seconds, such as 10.", value=value))
        return seconds


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
    help=N_(
        "History database (default: $SPEEDDATING_DB, else ./speeddating.db if there is one, else history.db "
        "in your data folder, the same from any folder)."
    ),
)

history_options = _stack(
    history_option,
    option("--no-history", is_flag=True, help=N_("Ignore the history of earlier sessions.")),
)

aliases_option = option(
    "--aliases",
    "aliases_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_(
        "Organisation aliases: rows 'name as written;organisation to use' (a name mapped to itself is kept "
        "apart); Pôle emploi → France Travail is built in."
    ),
)


def read_aliases_option(aliases_file: Path | None) -> dict[str, str]:
    """The alias table of --aliases, else the built-in one."""
    from speeddating.importer import DEFAULT_ALIASES, read_aliases

    return read_aliases(aliases_file) if aliases_file else dict(DEFAULT_ALIASES)


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
            type=Seconds(min=0.1),
            default=default_time_limit,
            show_default=True,
            help=N_("Seconds the optimiser may use."),
        ),
        option(
            "--seed",
            type=OrganiserRange(
                0, MOST_SEED, N_("--seed {value}: give a whole number from {minimum} to {maximum}, such as 0.")
            ),
            default=0,
            show_default=True,
            help=N_("Same seed, same plan."),
        ),
    )


output_options = _stack(
    option("--json", "as_json", is_flag=True, help=N_("Print the summary as one JSON object.")),
    option("--quiet", is_flag=True, help=N_("No progress on stderr.")),
)


def history_in_force(history_db: Path | None, no_history: bool) -> Path | None:
    """The history database the options designate (None with --no-history), whether it exists yet or not."""
    from speeddating.history.location import history_path

    if history_db is not None and no_history:
        raise UserError(t("--history and --no-history cannot be used together: keep one."))
    return history_path(history_db, no_history)


def history_line(history_db: Path | None, no_history: bool = False) -> str:
    """Which history a command used and what it holds: "Historique : 2 séances, 41 personnes — CHEMIN"."""
    from speeddating.history.location import describe, locate
    from speeddating.history.store import contents, open_history

    location = None if no_history else locate(history_db)
    if location is None or not location.path.is_file():
        return describe(location, 0, 0)
    with open_history(location.path) as connection:
        return describe(location, *contents(connection))


def progress_printer(quiet: bool, history: Path | None) -> Progress | None:
    """The workflow's progress as lines on stderr (none with --quiet): the history read, each better plan, and
    in a series which session is being planned."""
    if quiet:
        return None

    def show(event: ProgressEvent) -> None:
        if event.phase is Phase.HISTORY:
            line = t_plural(
                "History {path}: {count} pair of attendees has already met.",
                "History {path}: {count} pairs of attendees have already met.",
                event.past_pairs,
                path=history,
            )
        elif event.phase is Phase.SESSION:
            line = series_step(event.session, event.sessions)
        else:
            line = improvement_line(event)
        click.echo(line, err=True)

    return show
