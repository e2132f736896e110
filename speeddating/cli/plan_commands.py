"""`speeddating plan` and `speeddating check`: parse, call the session workflow, print.

The workflow and its heavy imports (pandas, OR-Tools, reportlab) are loaded inside the commands, so that
`--help` answers at once.
"""

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click

from speeddating.cli.base import cli, language_option
from speeddating.cli.localised import option
from speeddating.cli.options import (
    OrganiserRange,
    aliases_option,
    history_in_force,
    history_line,
    history_options,
    output_options,
    pair_options,
    progress_printer,
    read_aliases_option,
    solver_options,
)
from speeddating.i18n import N_, t
from speeddating.problem import MAX_TABLE_SIZE, MIN_TABLE_SIZE

if TYPE_CHECKING:
    from speeddating.plan import Plan, Quality
    from speeddating.roster import Roster
    from speeddating.session import PlanOptions

MOST_SESSIONS = 20
"""Sessions `plan --sessions` plans at most at once."""


def warn(message: str) -> None:
    """Warnings change what the organiser should check: shown even with --quiet."""
    click.echo(t("Warning: {message}", message=message), err=True)


def print_summary(
    plan: "Plan",
    quality: "Quality",
    as_json: bool,
    *,
    constraints: Sequence[str] = (),
    warnings: Sequence[str] = (),
    notes: Sequence[str] = (),
) -> None:
    """How the input was read (`notes`: the columns used, the history), the summary, then what the
    organiser's constraints did; with --json one object that also holds the warnings shown on stderr."""
    from speeddating.summary import summary_json, summary_lines

    if as_json:
        document = summary_json(plan, quality, constraints=constraints, warnings=warnings)
        if notes:
            document["notes"] = list(notes)
        click.echo(json.dumps(document, ensure_ascii=False))
    else:
        click.echo("\n".join([*notes, *summary_lines(plan, quality), *constraints]))


@cli.command(
    help=N_("Plan a session for the people in ATTENDEE_FILE (CSV, TSV, XLSX, XLS or ODS)."),
    short_help=N_("Plan a session from an attendee list (CSV, TSV, XLSX, XLS, ODS)."),
)
@click.argument("attendee_file", type=click.Path(path_type=Path))
@option(
    "--event",
    "event_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("Event file (TOML): times, round length, themes (default: the 8:30-10:00 breakfast)."),
)
@option(
    "--rounds",
    type=OrganiserRange(
        1,
        None,
        N_(
            "--rounds {value}: there must be at least {minimum} round. Give a number of "
            "rounds from {minimum}, or leave out --rounds to plan as many as the time window "
            "holds."
        ),
    ),
    help=N_("Number of rounds (default: as many as fit)."),
)
@option(
    "--table-size",
    type=OrganiserRange(
        MIN_TABLE_SIZE,
        MAX_TABLE_SIZE,
        N_(
            "--table-size {value}: a table seats {minimum} to {maximum} people. Choose a size "
            "from {minimum} to {maximum} (4 by default)."
        ),
    ),
    help=N_("People per table (default 4)."),
)
@option(
    "--sessions",
    type=OrganiserRange(
        1,
        MOST_SESSIONS,
        N_(
            "--sessions {value}: give a number of sessions from {minimum} to {maximum} (1 by default: a "
            "single session)."
        ),
    ),
    default=1,
    help=N_(
        "Plan this many sessions of the same rounds at once, written to OUT/session-1, OUT/session-2...: the "
        "first as good as a single plan, then as many people meeting over the series as can be (the time limit "
        "applies to each session)."
    ),
)
@solver_options(default_time_limit=10.0)
@option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=N_("Output folder (default ./plan-YYYY-MM-DD/)."),
)
@history_options
@pair_options
@option("--sheet", help=N_("Sheet to read in a workbook (default: the first visible one holding a list)."))
@option("--dedupe", is_flag=True, help=N_("Keep the first of duplicated people instead of stopping."))
@aliases_option
@option(
    "--write-aliases",
    "aliases_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("Write the organisation spellings counted as one to FILE, to review and reuse with --aliases."),
)
@option(
    "--columns",
    help=N_(
        "Which column is what, by header or letter: name=…, first=…, last=…, organisation=…, email=…, "
        "stays-seated=…, attending=…, separated by commas (only where the headers are not recognised)."
    ),
)
@option("--allow-overrun", is_flag=True, help=N_("Accept more rounds than the time window holds."))
@output_options
@language_option
def plan(
    attendee_file: Path,
    event_file: Path | None,
    rounds: int | None,
    table_size: int | None,
    sessions: int,
    time_limit: float,
    seed: int,
    out_dir: Path | None,
    history_db: Path | None,
    no_history: bool,
    keep_apart: Path | None,
    should_meet: Path | None,
    sheet: str | None,
    dedupe: bool,
    aliases_file: Path | None,
    aliases_out: Path | None,
    columns: str | None,
    allow_overrun: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    from speeddating.constraints import constraint_lines
    from speeddating.event import default_event, load_event
    from speeddating.fileio import prepare_folder
    from speeddating.importer import parse_columns, read_roster, write_aliases
    from speeddating.session import PlanOptions, plan_session, write_plan_files

    roster = read_roster(
        attendee_file,
        sheet=sheet,
        dedupe=dedupe,
        aliases=read_aliases_option(aliases_file),
        columns=parse_columns(columns),
    )
    for warning in roster.warnings:
        warn(warning)
    if aliases_out is not None:
        write_aliases(aliases_out, roster.merges)
    history = history_in_force(history_db, no_history)
    options = PlanOptions(
        rounds=rounds,
        table_size=table_size,
        time_limit=time_limit,
        seed=seed,
        allow_overrun=allow_overrun,
        keep_apart=keep_apart,
        should_meet=should_meet,
    )
    folder = out_dir or Path(f"plan-{(load_event(event_file) if event_file else default_event()).date}")
    prepare_folder(folder)
    if sessions > 1:
        plan_series_command(roster, sessions, event_file, history, options, folder, as_json, quiet)
        if not as_json:
            click.echo("\n".join([*roster.notes, history_line(history_db, no_history)]))
        return
    result = plan_session(roster, event_file, history, options, progress_printer(quiet, history))
    notices = [notice.text() for notice in result.notices]
    for notice in notices:
        warn(notice)
    written = write_plan_files(result.plan, folder)
    quality = result.quality
    print_summary(
        result.plan,
        quality,
        as_json,
        warnings=[*roster.warnings, *notices],
        notes=[*roster.notes, history_line(history_db, no_history)],
        constraints=constraint_lines(result.plan, result.constraints) if result.constraints else [],
    )
    print_written(folder, written, quiet)


def plan_series_command(
    roster: "Roster",
    sessions: int,
    event_file: Path | None,
    history: Path | None,
    options: "PlanOptions",
    folder: Path,
    as_json: bool,
    quiet: bool,
) -> None:
    """`plan --sessions N`: the series planned, written session by session, kept in the history as planned;
    session 1's summary, then the series' figures (with --json: session 1's summary object with a "series"
    object)."""
    from speeddating.constraints import constraint_lines
    from speeddating.session import plan_series, record_planned, series_folders, write_series_files
    from speeddating.summary import series_lines, summary_json, summary_lines

    planned = plan_series(roster, sessions, event_file, history, options, progress_printer(quiet, history))
    notices = [notice.text() for result in planned.sessions for notice in result.notices]
    for notice in notices:
        warn(notice)
    written = write_series_files(planned, folder)
    recorded = record_planned(planned, history) if history is not None else ()
    first = planned.sessions[0]
    constraints = constraint_lines(first.plan, first.constraints) if first.constraints else []
    qualities = [result.quality for result in planned.sessions]
    folders = series_folders(folder, sessions)
    if as_json:
        document = summary_json(
            first.plan, first.quality, constraints=constraints, warnings=[*roster.warnings, *notices]
        )
        history_numbers: list[int | None] = [info.id for info in recorded] or [None] * sessions
        document["series"] = {
            "met_after": list(planned.met_after),
            "possible": planned.possible,
            "sessions": [
                {"number": number, "folder": str(place), "quality": asdict(quality), "history_session": info}
                for number, (place, quality, info) in enumerate(
                    zip(folders, qualities, history_numbers, strict=True), start=1
                )
            ],
        }
        click.echo(json.dumps(document, ensure_ascii=False))
    else:
        lines = [*summary_lines(first.plan, first.quality), *constraints]
        click.echo("\n".join([*lines, *series_lines(planned.met_after, planned.possible, qualities)]))
        if recorded:
            click.echo(
                t(
                    "Sessions kept in the history {path} as planned (no. {first} to {last}); record each one with "
                    '"speeddating history add" once it has taken place.',
                    path=history,
                    first=recorded[0].id,
                    last=recorded[-1].id,
                )
            )
    print_written(folder, written, quiet)


def print_written(folder: Path, written: Sequence[Path], quiet: bool) -> None:
    """The files written, on stderr (the summary on stdout stays clean for --json)."""
    if not quiet:
        click.echo(t("Files written to {folder}:", folder=folder), err=True)
        for path in written:
            click.echo(f"  {path}", err=True)


@cli.command(
    help=N_(
        "Recompute the quality figures of PLAN_FILE (exit 1 when it is malformed: a table of fewer than 2 or "
        "more than 7 people, someone seated twice, an unknown id...)."
    ),
    short_help=N_("Recompute the figures of a plan file, even one edited by hand."),
)
@click.argument("plan_file", type=click.Path(path_type=Path))
@option(
    "--previous",
    "previous_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help=N_("An earlier session's plan: its pairs count as already met (repeatable)."),
)
@option("--json", "as_json", is_flag=True, help=N_("Print the figures as one JSON object."))
@language_option
def check(plan_file: Path, previous_files: tuple[Path, ...], as_json: bool) -> None:
    from speeddating.plan import read_plan
    from speeddating.session import check_plan

    checked = check_plan(read_plan(plan_file), [read_plan(previous) for previous in previous_files])
    warnings = [notice.text() for notice in checked.notices]
    for warning in warnings:
        warn(warning)
    print_summary(checked.plan, checked.quality, as_json, warnings=warnings)
