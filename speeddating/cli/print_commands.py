"""`speeddating print`: the printables again from a plan file (another language, paper, or a revised plan).

The figures on the master plan are recomputed from the seating (see `session.measured`)."""

from pathlib import Path

import click

from speeddating.cli.base import cli, language_option
from speeddating.cli.localised import option
from speeddating.cli.options import history_in_force, history_line, history_options
from speeddating.exporters import PAPER_NAMES
from speeddating.i18n import N_, t


@cli.command(
    "print",
    help=N_("Table cards, itineraries, agenda and master plan (PDF) for PLAN_FILE."),
    short_help=N_("Print a plan's table cards, itineraries, agenda and master plan."),
)
@click.argument("plan_file", type=click.Path(dir_okay=False, path_type=Path))
@option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=N_("Output folder (default: the plan file's folder)."),
)
@option("--paper", type=click.Choice(PAPER_NAMES), default="A4", show_default=True, help=N_("Paper size."))
@history_options
@language_option
def print_command(plan_file: Path, out_dir: Path | None, paper: str, history_db: Path | None, no_history: bool) -> None:
    from speeddating.cli.plan_commands import warn
    from speeddating.exporters.pdf import write_printables
    from speeddating.plan import read_plan
    from speeddating.session import font_notices, measured

    planned = measured(read_plan(plan_file), history_in_force(history_db, no_history))
    for notice in font_notices(planned):
        warn(notice.text())
    folder = out_dir or plan_file.parent
    written = write_printables(planned, folder, paper)
    click.echo(t("Files written to {folder}:", folder=folder))
    for path in written:
        click.echo(f"  {path}")
    click.echo(history_line(history_db, no_history), err=True)
