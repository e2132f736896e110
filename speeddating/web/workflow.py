"""The one place where the page asks the package to import, plan and print: an adapter, on purpose small.

The orchestration of a plan (rounds that fit, forced repeats, solve, presents, floors, documents) lives
today in the `plan` command (`speeddating.cli.plan_commands`); the workflow layer being built
(`speeddating.session`: plan, replan, record, with structured progress events) will take its place.
Until then the page goes through these functions only, reusing the command's helpers rather than copying
them, so that switching to the workflow changes this module and nothing else.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from speeddating.cli.plan_commands import (
    choose_rounds,
    explain_forced_colleagues,
    explain_forced_repeats,
    write_outputs,
)
from speeddating.constraints import constraint_lines, organiser_constraints
from speeddating.errors import UserError
from speeddating.event import Event
from speeddating.history.bound import forced_reunions
from speeddating.history.store import past_encounters
from speeddating.i18n import t
from speeddating.importer import ImportProblems, Role, columns_used, read_roster
from speeddating.plan import Plan, Quality, SolverReport, read_plan
from speeddating.planning import Outcome, PastEncounters, build_plan, measure, problem_for
from speeddating.presents import assign_presents
from speeddating.problem import table_layout
from speeddating.roster import Roster
from speeddating.solver import solve

PLAN_FILE = "plan.json"


@dataclass(frozen=True)
class Imported:
    """What the importer made of a file: the roster, or the problems to fix (with their rows); the columns used."""

    roster: Roster | None
    problems: tuple[str, ...] = ()
    columns: tuple[tuple[Role, str], ...] = ()

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.roster.warnings if self.roster is not None else ()


def _named(text: str, path: Path, shown_as: str) -> str:
    """The importer names the file by its path; the organiser knows it by the name it had on their computer."""
    return text.replace(str(path), shown_as)


def import_attendees(path: Path, shown_as: str) -> Imported:
    """The attendee file stored at `path`, with every message naming it `shown_as`."""
    try:
        roster = read_roster(path)
    except ImportProblems as problems:
        return Imported(None, tuple(_named(line, path, shown_as) for line in problems.problems))
    except UserError as error:
        return Imported(None, (_named(str(error), path, shown_as),))
    warnings = tuple(_named(line, path, shown_as) for line in roster.warnings)
    return Imported(replace(roster, warnings=warnings), columns=tuple(columns_used(path).items()))


def past_of(history: Path, roster: Roster) -> PastEncounters:
    """The pairs the history records among these people (none before the first recorded session)."""
    return past_encounters(history, roster.attendees) if history.is_file() else {}


@dataclass(frozen=True)
class Planned:
    """A plan written with its documents, and what the organiser should read beside the figures."""

    plan: Plan
    warnings: tuple[str, ...]
    constraints: tuple[str, ...]


Progress = Callable[[str], None]
"""Called with each better plan the optimiser finds, as a line in the current language (structured events
will come with the workflow layer)."""


def plan_session(
    roster: Roster,
    event: Event,
    folder: Path,
    *,
    history: Path,
    time_limit: float,
    seed: int = 0,
    progress: Progress | None = None,
) -> Planned:
    """Plan as many rounds as fit the event for `roster`, avoiding the history's pairs; writes `folder`."""
    constraints = organiser_constraints(roster.attendees)
    count, warnings = choose_rounds(event, None, allow_overrun=False)
    if len(table_layout(len(roster), event.table_size)) == 1 and count > 1:
        warnings.append(
            t(
                "Only {count} people: one table, the same people every round. A single round is planned.",
                count=len(roster),
            )
        )
        count = 1
    warnings += [
        *explain_forced_repeats(len(roster), event.table_size, count),
        *explain_forced_colleagues(roster, event.table_size),
    ]
    past = past_of(history, roster)
    problem = problem_for(roster.attendees, count, event.table_size, past=past, constraints=constraints)
    result = solve(problem, time_limit=time_limit, seed=seed, progress=progress)
    report = SolverReport(result.method, round(result.seconds, 2), seed, time_limit)
    outcome = Outcome(result.evaluation, result.optimal, result.proven_bound, report)
    planned, presents_warnings = assign_presents(build_plan(roster.attendees, event, result.schedule, outcome))
    if planned.quality is not None:
        planned = planned.with_quality(replace(planned.quality, forced_reunions=forced_reunions(problem)))
    planned = replace(
        planned, keep_apart=tuple(sorted(constraints.keep_apart)), should_meet=tuple(sorted(constraints.should_meet))
    )
    folder.mkdir(parents=True, exist_ok=True)
    write_outputs(planned, folder)
    lines = constraint_lines(planned, constraints) if constraints else []
    return Planned(planned, tuple([*warnings, *presents_warnings]), tuple(lines))


def saved_plan(folder: Path, history: Path) -> tuple[Plan, Quality] | None:
    """The plan written in `folder`, with its figures recomputed from the seating (never trusted from the file)."""
    path = folder / PLAN_FILE
    if not path.is_file():
        return None
    plan = read_plan(path)
    return plan, measure(plan, past_of(history, Roster(plan.attendees)))
