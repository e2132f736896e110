"""`speeddating plan` and `speeddating check`."""

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from speeddating.cli.base import cli, language_option
from speeddating.cli.localised import option
from speeddating.cli.options import history_options, output_options, pair_options, read_history, solver_options
from speeddating.constraints import constraint_lines, organiser_constraints
from speeddating.errors import UserError
from speeddating.event import Event, default_event, load_event
from speeddating.exporters.pdf import printables
from speeddating.exporters.spreadsheet import plan_csv
from speeddating.fileio import prepare_folder, write_set
from speeddating.history.bound import forced_reunions
from speeddating.i18n import N_, t
from speeddating.importer import DEFAULT_ALIASES, read_aliases, read_roster
from speeddating.plan import Plan, Quality, SolverReport, plan_to_json, read_plan
from speeddating.planning import Outcome, build_plan, measure, plan_encounters, problem_for
from speeddating.presents import assign_presents
from speeddating.problem import MAX_TABLE_SIZE, MIN_TABLE_SIZE, fewest_pairs, table_layout
from speeddating.roster import Roster
from speeddating.solver import solve
from speeddating.summary import summary_json, summary_lines


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


def warn(message: str) -> None:
    """Warnings change what the organiser should check: shown even with --quiet."""
    click.echo(t("Warning: {message}", message=message), err=True)


def _say(message: str, quiet: bool) -> None:
    if not quiet:
        click.echo(message, err=True)


def choose_rounds(
    event: Event, requested: int | None, allow_overrun: bool, event_file: Path | None = None
) -> tuple[int, list[str]]:
    """Rounds asked for, or as many as fit, with the warning of an allowed overrun; refuse it unless allowed."""
    if requested is None:
        fitting = event.rounds_that_fit()
        if fitting < 1 and event_file is not None:
            raise UserError(
                t(
                    "{file}: no round fits between {start} and {end} with the welcome ({welcome} "
                    "min), one round ({round} min) and the closing ({closing} min). Make start "
                    "earlier or end later, or shorten welcome_minutes, round_minutes or "
                    "closing_minutes.",
                    file=event_file,
                    start=event.start,
                    end=event.end,
                    welcome=event.welcome_minutes,
                    round=event.round_minutes,
                    closing=event.closing_minutes,
                )
            )
        if fitting < 1:
            raise UserError(
                t(
                    "No round fits between {start} and {end} with the planned welcome and closing: "
                    "widen the window or shorten the rounds.",
                    start=event.start,
                    end=event.end,
                )
            )
        return fitting, []
    overrun = event.overrun_minutes(requested)
    if overrun and not allow_overrun:
        raise UserError(
            t(
                "{rounds} rounds do not fit between {start} and {end}: {minutes} min short. Lower "
                "--rounds, widen the window in the event file, or add --allow-overrun.",
                rounds=requested,
                start=event.start,
                end=event.end,
                minutes=overrun,
            )
        )
    if overrun:
        return requested, [
            t(
                "{rounds} rounds overrun by {minutes} min: the session ends at {finish} instead "
                "of {end}. Tell the participants.",
                rounds=requested,
                minutes=overrun,
                end=event.end,
                finish=event.closing(requested).end,
            )
        ]
    return requested, []


def explain_forced_repeats(people: int, table_size: int, rounds: int) -> list[str]:
    """Why pairs will meet twice when there are more seats to fill over the session than people to meet:
    everybody meets at least (smallest table - 1) people a round, out of people - 1 others."""
    layout = table_layout(people, table_size)
    if len(layout) < 2:
        return []
    per_round = min(layout) - 1
    most = (people - 1) // per_round
    if rounds <= most:
        return []
    return [
        t(
            "With {count} people, everyone meets at least {per_round} people a round and has "
            "only {others} to meet: beyond {most} rounds, some people necessarily meet again. "
            "The {rounds} rounds planned will have some meet again; with --rounds {most}, "
            "every encounter would be new.",
            count=people,
            per_round=per_round,
            others=people - 1,
            most=most,
            rounds=rounds,
        )
    ]


def explain_forced_colleagues(roster: Roster, table_size: int) -> list[str]:
    """One line per organisation too large to keep its colleagues apart."""
    tables = len(table_layout(len(roster), table_size))
    return [
        t(
            "'{organisation}' has {count} people for {tables} tables: {pairs} colleague "
            "pair(s) per round cannot be avoided.",
            organisation=name,
            count=count,
            tables=tables,
            pairs=fewest_pairs(count, tables),
        )
        for name, count in roster.organisation_counts()
        if count > tables
    ]


def print_summary(
    plan: Plan, quality: Quality, as_json: bool, *, constraints: Sequence[str] = (), warnings: Sequence[str] = ()
) -> None:
    """The summary then what the organiser's constraints did; with --json one object that also holds
    the warnings already shown on stderr."""
    if as_json:
        document = summary_json(plan, quality, constraints=constraints, warnings=warnings)
        click.echo(json.dumps(document, ensure_ascii=False))
    else:
        click.echo("\n".join([*summary_lines(plan, quality), *constraints]))


@cli.command(help=N_("Plan a session for the people in ATTENDEE_FILE (CSV, TSV, XLSX or ODS)."))
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
@solver_options(default_time_limit=10.0)
@option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=N_("Output folder (default ./plan-YYYY-MM-DD/)."),
)
@history_options
@pair_options
@option("--sheet", help=N_("Sheet to read in a workbook (default: the first)."))
@option("--dedupe", is_flag=True, help=N_("Keep the first of duplicated people instead of stopping."))
@option(
    "--aliases",
    "aliases_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("Organisation aliases: rows 'other name;organisation to use' (Pôle emploi → France Travail is built in)."),
)
@option("--allow-overrun", is_flag=True, help=N_("Accept more rounds than the time window holds."))
@output_options
@language_option
def plan(
    attendee_file: Path,
    event_file: Path | None,
    rounds: int | None,
    table_size: int | None,
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
    allow_overrun: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    warnings: list[str] = []

    def note(message: str) -> None:
        warn(message)
        warnings.append(message)

    aliases = read_aliases(aliases_file) if aliases_file else DEFAULT_ALIASES
    roster = read_roster(attendee_file, sheet=sheet, dedupe=dedupe, aliases=aliases)
    constraints = organiser_constraints(roster.attendees, keep_apart, should_meet)
    for warning in roster.warnings:
        note(warning)
    event = load_event(event_file) if event_file else default_event()
    size = table_size or event.table_size
    count, overrun = choose_rounds(event, rounds, allow_overrun, event_file)
    for warning in overrun:
        note(warning)
    if len(table_layout(len(roster), size)) == 1 and count > 1:
        note(
            t(
                "Only {count} people: one table, the same people every round. A single round is planned.",
                count=len(roster),
            )
        )
        count = 1
    for line in [*explain_forced_repeats(len(roster), size, count), *explain_forced_colleagues(roster, size)]:
        note(line)
    database, past = read_history(history_db, no_history, roster.attendees)
    if past:
        _say(t("History {path}: {pairs} pairs of attendees have already met.", path=database, pairs=len(past)), quiet)
    folder = out_dir or Path(f"plan-{dt.date.today().isoformat()}")
    prepare_folder(folder)
    problem = problem_for(roster.attendees, count, size, past=past, constraints=constraints)
    result = solve(
        problem, time_limit=time_limit, seed=seed, progress=None if quiet else lambda line: _say(line, False)
    )
    report = SolverReport(result.method, round(result.seconds, 2), seed, time_limit)
    outcome = Outcome(result.evaluation, result.optimal, result.proven_bound, report)
    planned, presents_warnings = assign_presents(build_plan(roster.attendees, event, result.schedule, outcome))
    for warning in presents_warnings:
        note(warning)
    if planned.quality is not None:
        planned = planned.with_quality(replace(planned.quality, forced_reunions=forced_reunions(problem)))
    planned = replace(
        planned,
        keep_apart=tuple(sorted(constraints.keep_apart)),
        should_meet=tuple(sorted(constraints.should_meet)),
    )
    written = write_outputs(planned, folder)
    assert planned.quality is not None
    print_summary(
        planned,
        planned.quality,
        as_json,
        warnings=warnings,
        constraints=constraint_lines(planned, constraints) if constraints else [],
    )
    if past and not as_json:
        quality = planned.quality
        click.echo(
            t(
                "Re-meetings: {history} pair(s) met in earlier sessions, {repeats} met twice in "
                "this session, {colleagues} avoidable colleague pair(s); these head counts force "
                "at least {count} in all",
                history=quality.history_repeats,
                repeats=quality.repeat_pairs,
                colleagues=quality.same_org_pairs - quality.forced_same_org,
                count=quality.forced_reunions,
            )
        )
    _say(t("Files written to {folder}:", folder=folder), quiet)
    for path in written:
        _say(f"  {path}", quiet)


def write_outputs(planned: Plan, folder: Path) -> list[Path]:
    """plan.json, plan.csv and the printables (PDF), written together: all or nothing."""
    files = {
        "plan.json": plan_to_json(planned).encode("utf-8"),
        "plan.csv": plan_csv(planned),
        **printables(planned),
    }
    return write_set(folder, files)


@cli.command(help=N_("Recompute the quality figures of PLAN_FILE (exit 1 when it is malformed)."))
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
    planned = read_plan(plan_file)
    warnings = [
        t(
            "round {round}, table {table}: {count} people; nobody meets anybody there. Merge it with another table.",
            round=rnd.number,
            table=table.number,
            count=len(table.attendees),
        )
        for rnd in planned.rounds
        for table in rnd.tables
        if len(table.attendees) < 2
    ]
    for warning in warnings:
        warn(warning)
    past: dict[frozenset[str], float] = {}
    for previous in previous_files:
        past.update(plan_encounters(read_plan(previous)))
    print_summary(planned, measure(planned, past), as_json, warnings=warnings)
