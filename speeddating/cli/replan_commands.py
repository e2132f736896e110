"""`speeddating replan`: the rest of the session re-planned for the people in the room, in seconds."""

import json
import re
from dataclasses import asdict
from pathlib import Path

import click

from speeddating.cli.base import cli, language_option
from speeddating.cli.localised import option
from speeddating.cli.options import (
    history_in_force,
    history_line,
    history_options,
    output_options,
    pair_options,
    progress_printer,
    solver_options,
)
from speeddating.cli.plan_commands import print_summary, print_written, warn
from speeddating.errors import UserError
from speeddating.i18n import N_, t
from speeddating.roster import Attendee
from speeddating.text import clean
from speeddating.wording import change_lines, itinerary_reprint_reasons, room_lines, table_reprint_reasons


def newcomer(text: str) -> Attendee:
    """ "Name,Organisation[,email]" (or with ;) as an attendee; `replan` gives newcomers their ids."""
    parts = [clean(part) for part in text.split(";" if ";" in text else ",")]
    if len(parts) not in (2, 3) or not all(parts[:2]):
        raise UserError(
            t('--add \'{text}\': write "Name,Organisation" or "Name,Organisation,email".', text=clean(text))
        )
    email = parts[2] if len(parts) == 3 else ""
    from speeddating.importer import EMAIL_PATTERN

    if email and not EMAIL_PATTERN.fullmatch(email):
        raise UserError(
            t(
                "--add '{text}': {email} is not an email address (expected form: first.last@example.org). Correct "
                "it or leave it out.",
                text=clean(text),
                email=email,
            )
        )
    return Attendee("", parts[0], parts[1], email)


def default_folder(plan_file: Path, version: int) -> tuple[Path, int]:
    """plan-2026-12-08/plan.json -> plan-2026-12-08-v2/ beside it (a trailing -vN is replaced),
    or the next free -vN: cards already printed from an earlier re-plan are never overwritten. With the
    version number it stands for: the cards of folder -v5 say v5, whichever version was re-planned."""
    folder = plan_file.resolve().parent
    stem = re.sub(r"-v\d+$", "", folder.name)
    while (candidate := folder.with_name(f"{stem}-v{version}")).exists():
        version += 1
    return candidate, version


def output_folder(plan_file: Path, version: int, out_dir: Path | None, force: bool) -> tuple[Path, int]:
    """Where the new version goes and its number; an --out folder that already holds a plan is replaced only
    with --force."""
    if out_dir is None:
        return default_folder(plan_file, version)
    if (out_dir / "plan.json").exists() and not force:
        raise UserError(
            t(
                "{folder} already holds a plan (plan.json); choose another --out folder, or add --force to replace it.",
                folder=out_dir,
            )
        )
    return out_dir, version


@cli.command(
    "replan",
    help=N_("Re-plan PLAN_FILE from a round on, for absentees and late arrivals; prints who moves where."),
    short_help=N_("Re-plan from a round on, for absentees and late arrivals."),
)
@click.argument("plan_file", type=click.Path(dir_okay=False, path_type=Path))
@option(
    "--from-round",
    "from_round",
    type=click.IntRange(min=1),
    required=True,
    help=N_("First round to re-plan; earlier rounds stay exactly as they were."),
)
@option(
    "--absent",
    multiple=True,
    metavar="NAME_OR_ID",
    help=N_("Someone not there from that round on (repeatable; accents and case do not matter)."),
)
@option(
    "--add",
    "added",
    multiple=True,
    metavar='"NAME,ORGANISATION[,EMAIL]"',
    help=N_("Someone who arrives, seated from that round on (repeatable)."),
)
@option(
    "--add-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("Attendee file of people who arrive (same columns as for plan)."),
)
@option(
    "--stays-seated",
    "stays_seated",
    multiple=True,
    metavar="NAME_OR_ID",
    help=N_("Someone who must stay at one table from that round on, preferably their own (repeatable)."),
)
@option(
    "--host",
    "hosts",
    multiple=True,
    metavar="NAME_OR_ID",
    help=N_("Someone who hosts a table from that round on: the others come to them (repeatable)."),
)
@pair_options
@solver_options(default_time_limit=3.0)
@option(
    "--fewest-moves/--no-fewest-moves",
    default=True,
    help=N_(
        "Move as few people as possible (default): a seat changes only to avoid "
        "colleagues at one table or a repeat; --no-fewest-moves skips this step, about a "
        "third faster, but may move more people."
    ),
)
@option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=N_("Output folder (default: the plan's folder with the next free -v2, -v3... appended)."),
)
@option("--force", is_flag=True, help=N_("Replace the plan already in the --out folder."))
@history_options
@output_options
@language_option
def replan_command(
    plan_file: Path,
    from_round: int,
    absent: tuple[str, ...],
    added: tuple[str, ...],
    add_file: Path | None,
    stays_seated: tuple[str, ...],
    hosts: tuple[str, ...],
    keep_apart: Path | None,
    should_meet: Path | None,
    time_limit: float,
    seed: int,
    fewest_moves: bool,
    out_dir: Path | None,
    force: bool,
    history_db: Path | None,
    no_history: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    from speeddating.constraints import constraint_lines
    from speeddating.importer import read_roster
    from speeddating.plan import read_plan
    from speeddating.session import ReplanOptions, replan_session, write_plan_files

    before = read_plan(plan_file)
    folder, version = output_folder(plan_file, before.version + 1, out_dir, force)
    arriving = [newcomer(text) for text in added]
    if add_file is not None:
        arriving += read_roster(add_file, fewest=1).attendees
    history = history_in_force(history_db, no_history)
    options = ReplanOptions(
        from_round=from_round,
        absent=absent,
        added=tuple(arriving),
        keep_apart=keep_apart,
        should_meet=should_meet,
        time_limit=time_limit,
        seed=seed,
        fewest_moves=fewest_moves,
        stays_seated=stays_seated,
        hosts=hosts,
        version=version,
    )
    result = replan_session(before, options, history, progress_printer(quiet, history))
    for notice in result.notices:
        warn(notice.text())
    written = write_plan_files(result.plan, folder, result.revision)
    after, revision = result.plan, result.revision
    assert revision is not None
    constraints = constraint_lines(after, result.constraints, from_round)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "version": after.version,
                    "revised_at": after.revised_at,
                    "quality": asdict(result.quality),
                    "constraints": constraints,
                    "moves": [asdict(m) for m in revision.moves],
                    "present": revision.present,
                    "tables_to_reprint": list(revision.tables_to_reprint),
                    "tables_unused": {str(number): list(tables) for number, tables in revision.tables_unused},
                    "itineraries_to_reprint": [
                        {"id": x, "name": after.attendee(x).name, "reason": reason}
                        for x, reason in itinerary_reprint_reasons(result).items()
                    ],
                    "table_reprint_reasons": {
                        str(number): reason for number, reason in table_reprint_reasons(result).items()
                    },
                },
                ensure_ascii=False,
            )
        )
    else:
        print_summary(after, result.quality, False, notes=[history_line(history_db, no_history)])
        click.echo("\n".join([*room_lines(result), *constraints, *change_lines(result)]))
        if revision.itineraries_to_reprint or revision.tables_to_reprint:
            click.echo(t("Only these cards: reprint-itineraries.pdf and reprint-table-cards.pdf."))
    print_written(folder, written, quiet)
