"""Helpers shared by the test files: the command line run in-process, attendee lists on disk and in memory,
solved plans, and hand-seated plans for the history."""

import contextvars
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from click.testing import CliRunner

from speeddating.cli import cli
from speeddating.constraints import OrganiserConstraints
from speeddating.event import Event
from speeddating.history.store import add_plan, open_history
from speeddating.plan import Plan, PlannedRound, SeatedTable
from speeddating.planning import build_plan, problem_for
from speeddating.replan import Move
from speeddating.roster import Attendee
from speeddating.session import ReplanOptions, replan_session
from speeddating.solver import solve


class CliResult(NamedTuple):
    """What the organiser sees: the exit status, standard output and standard error."""

    code: int
    out: str
    err: str


def run_cli(*args: str, env: Mapping[str, str | None] | None = None) -> CliResult:
    """Run `speeddating ARGS` in-process; the language it picks stays inside the run, not in the next test.

    Any exception other than click's own exit is a bug the organiser would see as a traceback, so it fails here.
    """
    result = contextvars.copy_context().run(CliRunner().invoke, cli, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return CliResult(result.exit_code, result.stdout, result.stderr)


def plan_quickly(attendees: Path, out: Path, *options: str) -> CliResult:
    """`speeddating plan` into `out` with no history, a one-second search and no progress lines."""
    return run_cli("plan", str(attendees), "--no-history", "--time-limit", "1", "--quiet", "--out", str(out), *options)


def write_roster(
    folder: Path,
    rows: Sequence[Sequence[str]],
    headers: Sequence[str] = ("nom", "structure"),
    name: str = "attendees.csv",
) -> Path:
    """An attendee list as a French spreadsheet exports it: `;`-separated, UTF-8, one person per row."""
    path = folder / name
    path.write_text("".join(";".join(cells) + "\n" for cells in [headers, *rows]), encoding="utf-8")
    return path


def write_attendees(
    folder: Path,
    people: int,
    organisations: int | None = None,
    *,
    name: str = "Personne",
    organisation: str = "Structure",
    seated: Collection[int] = (),
    hosts: Collection[int] = (),
) -> Path:
    """`name 0`, `name 1`... spread in turn over `organisations` (default: one each), in attendees.csv.

    Numbers are zero-padded to the width of the largest, so the names sort in order. `seated` and `hosts` are the
    numbers of the people who stay seated and who host a table (their columns appear only when given).
    """
    width = len(str(people - 1))
    spread = organisations or people
    columns = {"reste_assis": seated, "animateur": hosts}
    headers = ["nom", "structure", *(column for column, chosen in columns.items() if chosen)]
    rows = [
        [f"{name} {number:0{width}d}", f"{organisation} {number % spread}"]
        + ["oui" if number in chosen else "" for chosen in columns.values() if chosen]
        for number in range(people)
    ]
    return write_roster(folder, rows, headers)


def people(count: int, organisations: int, *, first: int = 1, **flags: dict[int, str]) -> list[Attendee]:
    """`Person 01` (id p01), numbered from `first`, spread in turn over `organisations`; flags map a column
    to {index in the list: value}."""
    return [
        Attendee(
            f"p{i + first:02d}",
            f"Person {i + first:02d}",
            f"Org {i % organisations}",
            attributes=tuple((column, values[i]) for column, values in flags.items() if i in values),
        )
        for i in range(count)
    ]


def solved_plan(attendees: Sequence[Attendee], rounds: int, constraints: OrganiserConstraints | None = None) -> Plan:
    """The plan the portfolio finds in one second, on one worker, seed 0."""
    problem = problem_for(attendees, rounds, constraints=constraints)
    result = solve(problem, time_limit=1, seed=0, workers=1)
    return build_plan(attendees, Event(), result)


def replanned(
    plan: Plan, from_round: int, absent: Sequence[Attendee] = (), added: Sequence[Attendee] = (), **options: Any
) -> tuple[Plan, tuple[Move, ...]]:
    """The session workflow's re-plan of `plan`, without history: the new version and who moves."""
    result = replan_session(plan, ReplanOptions(from_round, tuple(a.id for a in absent), tuple(added), **options))
    assert result.revision is not None
    return result.plan, result.revision.moves


Person = tuple[str, str, str]
"""Name, organisation, e-mail."""


def attendees_of(people: Sequence[Person]) -> tuple[Attendee, ...]:
    """The attendees p1, p2... with these names, organisations and e-mails."""
    return tuple(Attendee(f"p{i + 1}", name, org, email) for i, (name, org, email) in enumerate(people))


def seated_plan(
    people: Sequence[Person],
    seating: Sequence[Sequence[Sequence[int]]],
    title: str = "Petit-déjeuner",
    date: str = "2025-01-15",
) -> Plan:
    """`seating[r][t]` lists 0-based indices into `people` seated at table t of round r."""
    attendees = attendees_of(people)
    rounds = tuple(
        PlannedRound(
            r + 1, tuple(SeatedTable(t + 1, tuple(attendees[i].id for i in table)) for t, table in enumerate(tables))
        )
        for r, tables in enumerate(seating)
    )
    return Plan(attendees=attendees, rounds=rounds, event=Event(title=title, date=date))


EIGHT: list[Person] = [
    ("Anne Martin", "France Travail", "anne.martin@example.org"),
    ("Bruno Ngô", "France Travail", ""),
    ("Chloé Œuvray", "Mission Locale", ""),
    ("Didier Roux", "Mission Locale", ""),
    ("Élodie Fauré", "CIO", ""),
    ("Farid Haddad", "CIO", ""),
    ("Gaëlle Le Goff", "Cap emploi", ""),
    ("Hugo Petit", "Cap emploi", ""),
]
"""Eight people from four organisations, two of each, with accents and ligatures in their names."""
ROUND_A = [[0, 2, 4, 6], [1, 3, 5, 7]]
ROUND_B = [[0, 3, 5, 6], [1, 2, 4, 7]]
ROUND_C = [[0, 3, 4, 7], [1, 2, 5, 6]]


def record(
    db: Path, plan: Plan, *, title: str | None = None, replace: bool = False, force: bool = False, source: str = "plan"
) -> int:
    """Record `plan` in the history at `db`, as `history add` would; returns the session number."""
    with open_history(db, write=True) as connection:
        return add_plan(connection, plan, title=title, replace=replace, force=force, source=source)
