"""Glue between the organiser's world (attendees, ids, events) and the optimiser's integers.

`problem_for` turns attendees into a `Problem`; `build_plan` turns a solver result back into a
`Plan` with times and themes; `measure` recomputes a plan's quality from the plan alone, and
`seated_quality` from the plan and what its search proved.
"""

from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from speeddating.constraints import OrganiserConstraints, apply_constraints, index_pairs
from speeddating.evaluation import Evaluation, evaluate
from speeddating.event import Event
from speeddating.history.bound import forced_reunions
from speeddating.plan import Plan, PlannedRound, Quality, SeatedTable, SolverReport
from speeddating.problem import Pair, Problem, Schedule, pair
from speeddating.roster import Attendee
from speeddating.status import SolveStatus, status_of

if TYPE_CHECKING:
    from speeddating.solver import SolveResult

PastEncounters = Mapping[frozenset[str], float]
"""Pairs of person identities (`Attendee.identity`) met in earlier sessions, with their weight."""


def organisation_indices(attendees: Sequence[Attendee]) -> tuple[int, ...]:
    """Organisation index of each attendee, numbered by first appearance."""
    index: dict[str, int] = {}
    return tuple(index.setdefault(a.organisation_key, len(index)) for a in attendees)


def past_pairs(attendees: Sequence[Attendee], past: PastEncounters) -> dict[Pair, float]:
    """The history restricted to the people present, as index pairs."""
    if not past:
        return {}
    where: dict[str, list[int]] = {}
    for i, attendee in enumerate(attendees):
        where.setdefault(attendee.identity, []).append(i)
    weights: dict[Pair, float] = {}
    for key, weight in past.items():
        if len(key) != 2:
            continue
        first, second = tuple(key)
        for a in where.get(first, ()):
            for b in where.get(second, ()):
                if a != b:
                    weights[pair(a, b)] = max(weights.get(pair(a, b), 0.0), weight)
    return weights


def problem_for(
    attendees: Sequence[Attendee],
    rounds: int,
    table_size: int = 4,
    past: PastEncounters | None = None,
    *,
    constraints: OrganiserConstraints | None = None,
) -> Problem:
    """The planning problem for a roster (no absences), with the organiser's constraints if any."""
    problem = Problem(
        organisation_of=organisation_indices(attendees),
        rounds=rounds,
        table_size=table_size,
        past_encounters=past_pairs(attendees, past or {}),
    )
    return apply_constraints(problem, attendees, constraints) if constraints else problem


def quality_of(evaluation: Evaluation, status: SolveStatus, proven_bound: int, forced_reunions: int = 0) -> Quality:
    """The plan's figures: the evaluation of its seating, what the search proved, and the floor on reunions."""
    return Quality(
        same_org_pairs=evaluation.same_org_pairs,
        forced_same_org=evaluation.forced_same_org,
        repeat_pairs=evaluation.repeat_pairs,
        history_repeats=evaluation.history_repeats,
        distinct_new_pairs=evaluation.distinct_new_pairs,
        new_pairs_bound=evaluation.new_pairs_bound,
        optimal=status is SolveStatus.OPTIMAL,
        proven_bound=min(proven_bound, evaluation.new_pairs_bound),
        fewest_new_met=evaluation.fewest_new_met,
        most_new_met=evaluation.most_new_met,
        keep_apart_violations=evaluation.keep_apart_violations,
        should_meet_missed=evaluation.should_meet_missed,
        forced_reunions=forced_reunions,
        interrupted=status is SolveStatus.INTERRUPTED,
    )


def timed_rounds(event: Event, seating: Sequence[Sequence[Sequence[str]]], first: int = 1) -> tuple[PlannedRound, ...]:
    """Rounds numbered from `first`, with the event's times and themes and tables numbered 1.."""
    rounds = []
    for offset, tables in enumerate(seating):
        number = first + offset
        slot = event.round_slot(number)
        rounds.append(
            PlannedRound(
                number=number,
                tables=tuple(SeatedTable(t + 1, tuple(ids)) for t, ids in enumerate(tables)),
                theme=event.theme_for(number),
                start=slot.start,
                end=slot.end,
            )
        )
    return tuple(rounds)


def solver_report(result: "SolveResult", seed: int, time_limit: float) -> SolverReport:
    """What the plan file says about the search that made it (its method is for debugging, never shown)."""
    return SolverReport(result.method, round(result.seconds, 2), seed, time_limit)


def build_plan(
    attendees: Sequence[Attendee],
    event: Event,
    result: "SolveResult",
    *,
    constraints: OrganiserConstraints | None = None,
    seed: int = 0,
    time_limit: float = 0.0,
) -> Plan:
    """The Plan for a solver result: ids at numbered tables, times, themes, quality, and the pairs the
    organiser keeps apart or brings together (kept with the plan, so that a re-plan honours them)."""
    ids = [a.id for a in attendees]
    seating = [[[ids[p] for p in table] for table in tables] for tables in result.schedule]
    wishes = constraints or OrganiserConstraints()
    return Plan(
        attendees=tuple(attendees),
        rounds=timed_rounds(event, seating),
        event=event,
        quality=quality_of(result.evaluation, result.status, result.proven_bound),
        solver=solver_report(result, seed, time_limit),
        keep_apart=tuple(sorted(wishes.keep_apart)),
        should_meet=tuple(sorted(wishes.should_meet)),
    )


def plan_encounters(plan: Plan, weight: float = 1.0) -> dict[frozenset[str], float]:
    """Identity pairs seated together anywhere in `plan` (cross-organisation or not)."""
    identity = {a.id: a.identity for a in plan.attendees}
    met: dict[frozenset[str], float] = {}
    for rnd in plan.rounds:
        for table in rnd.tables:
            for a, b in combinations(table.attendees, 2):
                if identity[a] != identity[b]:
                    met[frozenset((identity[a], identity[b]))] = weight
    return met


def plan_schedule(plan: Plan, past: PastEncounters | None = None) -> tuple[Problem, Schedule]:
    """The plan as a Problem and Schedule, for measuring: people not seated count as absent, the pairs
    the plan keeps apart or brings together count as the organiser's wishes."""
    index = {a.id: i for i, a in enumerate(plan.attendees)}
    schedule = tuple(
        tuple(tuple(index[x] for x in table.attendees) for table in rnd.tables if table.attendees)
        for rnd in plan.rounds
    )
    seated = [{p for table in tables for p in table} for tables in schedule]
    absences = frozenset((p, r) for r, people in enumerate(seated) for p in range(len(index)) if p not in people)
    sizes = [len(t) for tables in schedule for t in tables] or [4]
    problem = Problem(
        organisation_of=organisation_indices(plan.attendees),
        rounds=len(plan.rounds),
        table_size=min(max(max(sizes), 3), 6),
        absences=absences,
        past_encounters=past_pairs(plan.attendees, past or {}),
        keep_apart=index_pairs(plan.keep_apart, index),
        should_meet=index_pairs(plan.should_meet, index),
    )
    return problem, schedule


def seated_quality(plan: Plan, result: "SolveResult", past: PastEncounters | None, forced_reunions: int = 0) -> Quality:
    """The figures of the whole plan measured from its seating (rounds kept from an earlier version
    included), with the status of the search that made it and its bound shifted by as much."""
    problem, schedule = plan_schedule(plan, past)
    evaluation = evaluate(problem, schedule)
    gap = result.proven_bound - result.evaluation.distinct_new_pairs
    return quality_of(evaluation, result.status, evaluation.distinct_new_pairs + gap, forced_reunions)


def measure(plan: Plan, past: PastEncounters | None = None) -> Quality:
    """Recompute every figure from the seating itself, the floor on re-meetings too; trust nothing the file
    says about itself.

    `optimal` is kept only when the file claims it and the figures still reach the bound it
    claims, or when the plan is perfect on its face; a claim of having been stopped early is kept
    (it only says less).
    """
    problem, schedule = plan_schedule(plan, past)
    evaluation = evaluate(problem, schedule)
    claimed = plan.quality
    proven = evaluation.new_pairs_bound
    optimal = evaluation.perfect
    if claimed is not None and claimed.optimal and claimed.distinct_new_pairs == evaluation.distinct_new_pairs:
        optimal = optimal or (
            claimed.same_org_pairs == evaluation.same_org_pairs and claimed.repeat_pairs == evaluation.repeat_pairs
        )
        proven = min(proven, claimed.proven_bound)
    interrupted = claimed is not None and claimed.interrupted
    floor = forced_reunions(problem, schedule)
    return quality_of(evaluation, status_of(optimal, interrupted), proven, forced_reunions=floor)
