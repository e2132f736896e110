"""`speeddating replan`: the rest of the session re-planned for the people in the room, in seconds."""

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path

import click

from speeddating.cli.base import cli, language_option
from speeddating.cli.localised import option
from speeddating.cli.options import history_options, output_options, pair_options, read_history, solver_options
from speeddating.cli.plan_commands import print_summary, write_outputs
from speeddating.constraints import constraint_lines, organiser_constraints
from speeddating.errors import UserError
from speeddating.i18n import N_, t
from speeddating.importer import read_roster
from speeddating.names import labels, match_people
from speeddating.plan import Plan, read_plan
from speeddating.replan import Move, changed_tables, replan, seated_from, unused_tables
from speeddating.roster import Attendee
from speeddating.text import clean, fold


def newcomer(text: str) -> Attendee:
    """ "Name,Organisation[,email]" (or with ;) as an attendee; `replan` gives newcomers their ids."""
    parts = [clean(part) for part in text.split(";" if ";" in text else ",")]
    if len(parts) not in (2, 3) or not all(parts[:2]):
        raise UserError(
            t('--add \'{text}\': write "Name,Organisation" or "Name,Organisation,email".', text=clean(text))
        )
    return Attendee("", parts[0], parts[1], parts[2] if len(parts) == 3 else "")


def default_folder(plan_file: Path, version: int) -> Path:
    """plan-2026-12-08/plan.json -> plan-2026-12-08-v2/ beside it (a trailing -vN is replaced),
    or the next free -vN: cards already printed from an earlier re-plan are never overwritten."""
    folder = plan_file.resolve().parent
    stem = re.sub(r"-v\d+$", "", folder.name)
    while (candidate := folder.with_name(f"{stem}-v{version}")).exists():
        version += 1
    return candidate


def output_folder(plan_file: Path, version: int, out_dir: Path | None, force: bool) -> Path:
    """Where the new version goes; an --out folder that already holds a plan is replaced only with --force."""
    if out_dir is None:
        return default_folder(plan_file, version)
    if (out_dir / "plan.json").exists() and not force:
        raise UserError(
            t(
                "{folder} already holds a plan (plan.json); choose another --out folder, or add --force to replace it.",
                folder=out_dir,
            )
        )
    return out_dir


def room_lines(before: Plan, after: Plan, from_round: int) -> list[str]:
    """Who is in the room from `from_round` on, and which tables no longer serve."""
    lines = [
        t(
            "Present from round {round}: {count} (of {total} people listed in all)",
            round=from_round,
            count=len(seated_from(after, from_round)),
            total=len(after.attendees),
        )
    ]
    unused = unused_tables(before, after, from_round)
    if unused:
        lines.append(
            t(
                "Tables left empty: {listing}",
                listing="; ".join(
                    t("round {round}: table(s) {numbers}", round=number, numbers=", ".join(map(str, tables)))
                    for number, tables in unused.items()
                ),
            )
        )
    return lines


def change_lines(before: Plan, after: Plan, moves: Sequence[Move], from_round: int) -> list[str]:
    """Who moves where, then exactly which cards to reprint."""
    if not moves:
        return [t("No table changes compared with version {version}.", version=before.version)]
    lines = [t("Changes compared with version {version} ({count}):", version=before.version, count=len(moves))]
    lines += [f"  {move.line()}" for move in moves]
    names = labels(after.attendees)
    cards = sorted({m.attendee_id for m in moves if m.after is not None}, key=lambda x: (fold(names[x]), x))
    if cards:
        lines.append(
            t(
                "Itinerary cards to reprint ({count}): {names}",
                count=len(cards),
                names=", ".join(names[x] for x in cards),
            )
        )
    tables = changed_tables(before, after, from_round)
    if tables:
        lines.append(
            t(
                "Table cards to reprint ({count}): tables {numbers}",
                count=len(tables),
                numbers=", ".join(map(str, tables)),
            )
        )
    return lines


@cli.command(
    "replan", help=N_("Re-plan PLAN_FILE from a round on, for absentees and late arrivals; prints who moves where.")
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
    before = read_plan(plan_file)
    folder = output_folder(plan_file, before.version + 1, out_dir, force)
    leaving = match_people(absent, before.attendees)
    arriving = [newcomer(text) for text in added]
    if add_file is not None:
        arriving += read_roster(add_file, fewest=1).attendees
    arriving = [replace(a, id=f"arrival-{i}") for i, a in enumerate(arriving, start=1)]
    _, past = read_history(history_db, no_history, [*before.attendees, *arriving])
    after, moves = replan(
        before,
        from_round,
        leaving,
        arriving,
        constraints_of=lambda people: organiser_constraints(people, keep_apart, should_meet, recorded=before),
        past=past,
        time_limit=time_limit,
        seed=seed,
        fewest_moves=fewest_moves,
        progress=None if quiet else lambda line: click.echo(line, err=True),
    )
    written = write_outputs(after, folder)
    assert after.quality is not None
    requests = organiser_constraints(after.attendees, keep_apart, should_meet, recorded=before)
    here = seated_from(after, from_round)
    requests = replace(
        requests,
        stays_seated=tuple(x for x in requests.stays_seated if x in here),
        hosts=tuple(x for x in requests.hosts if x in here),
    )
    constraints = constraint_lines(after, requests, from_round)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "version": after.version,
                    "revised_at": after.revised_at,
                    "quality": asdict(after.quality),
                    "constraints": constraints,
                    "moves": [asdict(m) for m in moves],
                    "present": len(here),
                    "tables_to_reprint": changed_tables(before, after, from_round),
                    "tables_unused": {
                        str(number): tables for number, tables in unused_tables(before, after, from_round).items()
                    },
                },
                ensure_ascii=False,
            )
        )
    else:
        print_summary(after, after.quality, False)
        click.echo(
            "\n".join(
                [*room_lines(before, after, from_round), *constraints, *change_lines(before, after, moves, from_round)]
            )
        )
    if not quiet:
        click.echo(t("Files written to {folder}:", folder=folder), err=True)
        for path in written:
            click.echo(f"  {path}", err=True)
