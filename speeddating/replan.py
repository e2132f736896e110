"""On the day: re-plan the rounds still to come for the people actually in the room.

Rounds before `from_round` are copied untouched; pairs met there count as already met. The rounds
that follow are solved again, starting from the previous version repaired for absentees and
newcomers (so a plan that still works barely changes), and the new tables are numbered to keep
as many people as possible at the table number they already had. People who keep one table
(stay seated, hosts) keep the number of the table where they sit now.

Seat changes come right after colleague pairs and repeats, before new encounters: a seat changes
only when keeping it would cost a colleague pair or a repeat (`solve_with_fewest_moves`). Keeping
the same colleague pairs and repeats keeps the same number of new pairs too (every seat pair is a
colleague pair, a repeat, a pair met in an earlier session or a new pair), so this costs nothing
but a third of the time limit more, at most a second. Without fewest moves, the best plan wins and ties go
to the fewest seat changes.
"""

import datetime as dt
import random
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from itertools import combinations
from typing import NamedTuple

import numpy as np
from ortools.graph.python import linear_sum_assignment
from ortools.sat.python import cp_model

from speeddating.constraints import OrganiserConstraints, apply_constraints, organiser_constraints
from speeddating.errors import UserError
from speeddating.evaluation import encounters, evaluate
from speeddating.i18n import t, t_plural
from speeddating.names import labels
from speeddating.organisations import same_organisation
from speeddating.plan import Plan, PlannedRound, SeatedTable
from speeddating.planning import PastEncounters, organisation_indices, past_pairs, solver_report
from speeddating.problem import MAX_TABLE_SIZE, Pair, Problem, Schedule, pair, table_layout
from speeddating.roster import Attendee
from speeddating.solver import SolveResult, solve
from speeddating.solver.budget import SWAPS_PER_SECOND, safety_cap
from speeddating.solver.cpsat_model import (
    HISTORY_SCALE,
    SeatingModel,
    add_encounters,
    add_keep_apart_and_should_meet,
    add_repeats_and_history,
    add_same_organisation,
    build_model,
    interruptibly,
    read_schedule,
)
from speeddating.solver.lns import conflicted_tables, pinned
from speeddating.solver.local_search import steepest_descent, tabu_search
from speeddating.status import Progress, SolveStatus, Stop, status_of
from speeddating.text import fold, person_key

Tables = list[list[int]]

STABLE_SHARE = 1 / 3
"""Share of the time limit for the searches that start from the previous version."""

PULL_BACK_SHARE = 1 / 10
"""Share of the time limit kept to put people back where the previous version had them."""

FEWEST_MOVES_SHARE = 1 / 3
FEWEST_MOVES_MOST_SECONDS = 1.0
"""With fewest moves, the time for bringing people back to their seats after the usual search (which
has the whole limit, so that both modes find the same conflicts): a third of the limit, at most a
second, so a re-plan ends within the limit plus a second."""

STEP_SECONDS_PER_SEAT = 0.0012
"""What one fewest-moves neighbourhood takes per person and round re-planned (building the model,
presolve, then STEP_DETERMINISTIC_TIME of search; 0.35 s for 100 people over 3 rounds): sets how many
neighbourhoods the share allows. Their number depends on the time limit and the session only, and
each is bounded in deterministic time, so the steps find the same on a busy machine; the wall clock
only caps a runaway step."""

STEP_DETERMINISTIC_TIME = 0.15
"""CP-SAT deterministic time per neighbourhood: a neighbourhood's best re-seating comes well within it."""

FREED_PEOPLE = 16
"""People a neighbourhood frees per round at most (rounds of up to this many are freed whole): on
100 people, three neighbourhoods of 16 bring back as many people as two of 24 or 32, in less time."""

Homes = dict[tuple[int, int], int | None]
"""(person, round) -> the table (of the plan being improved) numbered like the one where they sat in
the previous version, None when that number is gone; only for people present who had a seat then."""


class ReplanError(UserError):
    """A re-planning request that cannot be carried out as asked (exit status 2)."""


@dataclass(frozen=True)
class Move:
    """One person at a different table (or none) in one round, compared with the previous version."""

    attendee_id: str
    name: str
    round: int
    before: int | None
    after: int | None


class Replanned(NamedTuple):
    """The new version's seating (the session workflow adds presents and figures), the search of the
    rounds re-planned, and the organiser's constraints it honoured."""

    plan: Plan
    result: SolveResult
    constraints: OrganiserConstraints


def session_table_size(plan: Plan) -> int:
    """The table size that explains the plan's layout: the event's when it does, else the smallest that does."""
    layouts = [[len(table.attendees) for table in rnd.tables if table.attendees] for rnd in plan.rounds]
    largest: int = max((size for sizes in layouts for size in sizes), default=plan.event.table_size)
    candidates: list[int] = [plan.event.table_size, *range(largest, MAX_TABLE_SIZE + 1)]
    for size in candidates:
        if size >= largest and all(len(table_layout(sum(sizes), size)) == len(sizes) for sizes in layouts):
            return size
    return largest


def fresh_ids(taken: set[str], count: int) -> list[str]:
    """Ids for newcomers, continuing the p01, p02... numbering without clashing with any existing id."""
    ids: list[str] = []
    number = len(taken)
    while len(ids) < count:
        number += 1
        candidate = f"p{number:02d}"
        if candidate not in taken:
            ids.append(candidate)
    return ids


def plan_organisation(plan: Plan, newcomer: Attendee) -> str:
    """The plan's name of a newcomer's organisation: the same folded spelling, else the one organisation of
    the plan it is a variant of (`organisations.same_organisation`, with the e-mail domains), else their own."""
    emails: dict[str, list[str]] = {}
    for attendee in plan.attendees:
        emails.setdefault(attendee.organisation, [])
        if attendee.email:
            emails[attendee.organisation].append(attendee.email)
    spelled = [name for name in emails if fold(name) == newcomer.organisation_key]
    if spelled:
        return spelled[0]
    mine = [newcomer.email] if newcomer.email else []
    same = [name for name in emails if same_organisation(newcomer.organisation, name, mine, emails[name])]
    return same[0] if len(same) == 1 else newcomer.organisation


def join_newcomers(
    plan: Plan, added: Sequence[Attendee], remaining: Sequence[PlannedRound]
) -> tuple[tuple[Attendee, ...], set[str]]:
    """The plan's attendees plus the newcomers, and the ids seated from now on whatever the old plan said.

    Someone added who is already on the list (same email, or same name in any order and organisation when
    either has no email) rejoins under their id, so an early leaver who comes back is one person, not two.
    Newcomers take the plan's name of their organisation when theirs is a spelling of it ("Mission locale"
    or "ML Blois" join "Mission Locale" on every card, and are kept apart from its people).
    """
    added = [replace(a, organisation=plan_organisation(plan, a)) for a in added]
    by_identity = {a.identity: a for a in plan.attendees}
    by_name = {(person_key(a.name), a.organisation_key): a for a in plan.attendees}
    everywhere = set.intersection(*({x for table in rnd.tables for x in table.attendees} for rnd in remaining))
    joining: set[str] = set()
    newcomers: list[Attendee] = []
    for person in added:
        known = by_identity.get(person.identity)
        namesake = by_name.get((person_key(person.name), person.organisation_key))
        if known is None and namesake is not None and not (person.email and namesake.email):
            known = namesake  # the list gave an email, the arrival none (or the other way round): one person
        if known in newcomers:
            raise ReplanError(
                t(
                    "{name} ({organisation}) is added twice; give them only once (--add or the --add-file file).",
                    name=person.name,
                    organisation=person.organisation,
                )
            )
        if known is None:
            newcomers.append(person)
            by_identity[person.identity] = person
        elif known.id in everywhere:
            raise ReplanError(
                t(
                    "{name} ({organisation}) is already in the plan in every remaining round; remove "
                    "them from the arrivals (--add or the --add-file file).",
                    name=known.name,
                    organisation=known.organisation,
                )
            )
        else:
            joining.add(known.id)
    ids = fresh_ids({a.id for a in plan.attendees}, len(newcomers))
    fresh = [replace(person, id=new_id) for person, new_id in zip(newcomers, ids, strict=True)]
    return (*plan.attendees, *fresh), joining | set(ids)


def seating(rnd: PlannedRound, index: Mapping[str, int]) -> dict[int, list[int]]:
    """Table number -> people (as indices) in one round of a plan."""
    return {table.number: [index[x] for x in table.attendees] for table in rnd.tables if table.attendees}


def in_previous_order(people: Sequence[int], before: Sequence[int]) -> list[int]:
    """The people of a table in the order the previous version listed that table number (its card prints
    them in that order, so the same company needs no reprint), the others after them."""
    rank = {person: place for place, person in enumerate(before)}
    return sorted(people, key=lambda person: rank.get(person, len(before)))


def encounters_in(rounds: Sequence[PlannedRound], index: Mapping[str, int]) -> Counter[Pair]:
    met: Counter[Pair] = Counter()
    for rnd in rounds:
        for people in seating(rnd, index).values():
            for a, b in combinations(people, 2):
                met[pair(a, b)] += 1
    return met


def _meeting_cost(problem: Problem, person: int, table: Sequence[int]) -> tuple[int, int]:
    met = problem.session_encounters
    return (sum(problem.same_org(person, o) for o in table), sum(pair(person, o) in met for o in table))


def repair_round(problem: Problem, rnd: int, old: Mapping[int, Sequence[int]]) -> Tables:
    """The old tables of round `rnd` reshaped to the new layout and fixed tables.

    Absentees leave; an old table goes whole to the slot where someone at it is fixed, the others
    biggest first to the remaining slots; then people fixed elsewhere go to their table, and
    surplus people and newcomers go where they meet the fewest colleagues and acquaintances.
    """
    sizes = problem.table_sizes(rnd)
    pins = {p: table for (p, r), table in problem.fixed_tables.items() if r == rnd}
    present = set(problem.present(rnd))
    remnants = [[p for p in people if p in present] for _, people in sorted(old.items())]
    slots: list[list[int] | None] = [None] * len(sizes)
    rest = []
    for remnant in filter(None, remnants):
        wanted = [pins[p] for p in remnant if p in pins and slots[pins[p]] is None]
        if wanted:
            slots[min(wanted)] = remnant
        else:
            rest.append(remnant)
    rest.sort(key=len, reverse=True)
    free = [i for i, table in enumerate(slots) if table is None]
    for i, remnant in zip(free, rest, strict=False):
        slots[i] = remnant
    tables: Tables = [list(table or []) for table in slots]
    loose = [p for remnant in rest[len(free) :] for p in remnant]
    for i, table in enumerate(tables):
        loose += [p for p in table if pins.get(p, i) != i]
        table[:] = [p for p in table if pins.get(p, i) == i]
    seated = {p for table in tables for p in table}
    loose += [p for p in problem.present(rnd) if p not in seated and p not in loose]
    for person in sorted((p for p in loose if p in pins), key=pins.__getitem__):
        tables[pins[person]].append(person)
    loose = [p for p in loose if p not in pins]
    for i, table in enumerate(tables):
        while len(table) > sizes[i]:
            surplus = next(p for p in reversed(table) if p not in pins)
            table.remove(surplus)
            loose.append(surplus)
    for person in loose:
        open_tables = [i for i, table in enumerate(tables) if len(table) < sizes[i]]
        best = min(open_tables, key=lambda i: (*_meeting_cost(problem, person, tables[i]), i))
        tables[best].append(person)
    return tables


def table_numbers(
    tables: Sequence[Sequence[int]],
    old: Mapping[int, Sequence[int]],
    anchors: Mapping[int, int],
    preferred: Sequence[int] = (),
) -> list[int]:
    """A table number for each new table: anchored tables first, then the `preferred` number of each
    table when given, then as many people as possible at the number they had, then the lowest
    numbers (a maximum-weight assignment, solved exactly by OR-Tools)."""
    count = len(tables)
    numbers = np.arange(1, max(count, *old, *anchors.values(), *preferred, 0) + 1)
    people = sum(len(table) for table in tables)
    unit = count + 1
    preferred_weight = unit * (people + 2) if preferred else 0
    anchor_weight = unit * (people + 1) * (count + 2 if preferred else 1)
    had = {person: number for number, members in old.items() for person in members}
    weight = np.zeros((len(numbers), len(numbers)), dtype=np.int64)
    for i, table in enumerate(tables):
        for person in table:
            if person in had:
                weight[i, had[person] - 1] += unit
        if i in anchors:
            weight[i, anchors[i] - 1] += anchor_weight
        if preferred:
            weight[i, preferred[i] - 1] += preferred_weight
    weight[:count] += (numbers <= count) + 1
    weight[count:] = 0  # the assignment is square: placeholder tables take the numbers left over
    rows, columns = np.indices(weight.shape)
    assignment = linear_sum_assignment.SimpleLinearSumAssignment()
    assignment.add_arcs_with_cost(rows.ravel(), columns.ravel(), -weight.ravel())
    status = assignment.solve()
    assert status == assignment.OPTIMAL, "every table may take every number"
    return [int(numbers[assignment.right_mate(i)]) for i in range(count)]


def current_tables(
    anchored: Sequence[int], frozen: Sequence[PlannedRound], first: PlannedRound, index: Mapping[str, int]
) -> dict[int, int]:
    """Person -> the table number where they sit now (last frozen round), else at the first re-planned round."""
    where: dict[int, int] = {}
    for rnd in (*frozen[-1:], first):
        for number, people in seating(rnd, index).items():
            for p in people:
                if p in anchored:
                    where.setdefault(p, number)
    return where


def number_tables(
    problem: Problem,
    schedule: Schedule,
    old_rounds: Sequence[Mapping[int, Sequence[int]]],
    now: Mapping[int, int],
    preferred: Sequence[Sequence[int]] = (),
) -> list[list[int]]:
    """The number of each table of each re-planned round, anchored tables keeping one number throughout;
    then each table's `preferred` number (per round) when given."""
    anchors: dict[int, int] = {}
    for (person, _), table in sorted(problem.fixed_tables.items()):
        number = now.get(person)
        if number is not None and table not in anchors and number not in anchors.values():
            anchors[table] = number
    numbering = []
    for rnd, tables in enumerate(schedule):
        numbers = table_numbers(tables, old_rounds[rnd], anchors, preferred[rnd] if preferred else ())
        for (_, r), table in problem.fixed_tables.items():
            if r == rnd and table not in anchors and numbers[table] not in anchors.values():
                anchors[table] = numbers[table]
        numbering.append(numbers)
    return numbering


def _aligned(tables: Sequence[Sequence[int]], reference: Sequence[Sequence[int]]) -> list[set[int]]:
    """For each table, the people of the reference table it keeps most people from (its former self)."""
    old = {number: list(people) for number, people in enumerate(reference, start=1)}
    return [set(old.get(number, ())) for number in table_numbers(tables, old, {})]


def seat_changes(schedule: Schedule, reference: Schedule) -> int:
    """People who sit with different company than in `reference`, summed over rounds."""
    return sum(
        len(set(people) - former)
        for tables, before in zip(schedule, reference, strict=True)
        for people, former in zip(tables, _aligned(tables, before), strict=True)
    )


def descend(
    problem: Problem, schedule: Schedule, reference: Schedule, *, work_budget: int, deadline: float
) -> Schedule:
    """`schedule` after swaps of two people in one round, each improving (quality, then closeness
    to `reference`), quality being the rank without the spread of new encounters.

    From the repaired previous version it fixes what the repair left with the fewest moves (who
    moves to fill a table); from a solver's plan it puts people back where that costs nothing.
    """
    formers = [_aligned(tables, before) for tables, before in zip(schedule, reference, strict=True)]
    return steepest_descent(problem, schedule, formers, work_budget=work_budget, deadline=deadline)


def solve_stably(
    problem: Problem,
    hint: Schedule,
    *,
    time_limit: float,
    seed: int,
    workers: int,
    progress: Progress | None,
    stop: Stop | None = None,
) -> SolveResult:
    """The best plan, preferring among equally good ones the one closest to the previous version.

    The repaired previous version mended by swaps, tabu searches from it and from the repaired
    version, and the whole portfolio compete on the rank without the spread of new encounters
    (a search may find an equally good plan that moves everyone); ties go to the fewest seat
    changes, and a search's plan is then pulled back towards the previous version at no cost.
    A `stop` ends the searches: the best plan so far is kept, INTERRUPTED.
    """
    stop = stop or Stop()
    started = time.monotonic()
    cap = safety_cap(started, time_limit)
    swaps = SWAPS_PER_SECOND * STABLE_SHARE * time_limit
    mended = descend(problem, hint, hint, work_budget=int(swaps / 4), deadline=cap)
    found = [SolveResult(mended, evaluate(problem, mended), SolveStatus.FEASIBLE, 0, "repair", 0.0)]
    for start in (mended, hint):
        schedule = tabu_search(
            problem, start, seed=seed, work_budget=int(swaps * 3 / 8), deadline=cap, stop=stop
        ).schedule
        found.append(
            replace(found[0], schedule=schedule, evaluation=evaluate(problem, schedule), method="local-search")
        )
    stable = min(found, key=lambda r: r.evaluation.rank())
    if stable.evaluation.perfect and stable.evaluation.history_repeats == 0:
        found.append(replace(stable, status=SolveStatus.OPTIMAL))
    else:
        left = time_limit * (1 - STABLE_SHARE - PULL_BACK_SHARE)
        found.append(
            solve(
                problem,
                time_limit=left,
                seed=seed,
                workers=workers,
                progress=progress,
                hint=stable.schedule,
                stop=stop,
            )
        )
    best = min(found, key=lambda r: (r.evaluation.rank().without_spread, seat_changes(r.schedule, hint)))
    if best.schedule != mended:
        pull_back = int(SWAPS_PER_SECOND * PULL_BACK_SHARE * time_limit)
        best = replace(best, schedule=descend(problem, best.schedule, hint, work_budget=pull_back, deadline=cap))
    evaluation = evaluate(problem, best.schedule)
    optimal = any(r.optimal and r.evaluation.rank().without_spread == evaluation.rank().without_spread for r in found)
    bound = max(r.proven_bound for r in found)
    return replace(
        best,
        evaluation=evaluation,
        status=status_of(optimal, interrupted=stop.requested),
        proven_bound=max(bound, evaluation.distinct_new_pairs),
        seconds=time.monotonic() - started,
    )


def homes_of(
    problem: Problem, numbering: Sequence[Sequence[int]], old_rounds: Sequence[Mapping[int, Sequence[int]]]
) -> Homes:
    """Each person's home table in a plan: the table that `numbering` (per round, table -> number)
    numbers like the table they had, so sitting there means no reprinted card."""
    homes: Homes = {}
    for rnd, (numbers, old) in enumerate(zip(numbering, old_rounds, strict=True)):
        slot_of = {number: slot for slot, number in enumerate(numbers)}
        for number, people in old.items():
            for person in people:
                if (person, rnd) not in problem.absences:
                    homes[person, rnd] = slot_of.get(number)
    return homes


def away_from_home(schedule: Schedule, homes: Homes) -> set[tuple[int, int]]:
    """(person, round) of the people who sit elsewhere than at their home table."""
    return {(p, rnd) for (p, rnd), slot in homes.items() if slot is None or p not in schedule[rnd][slot]}


class MovesRank(NamedTuple):
    """The fewest-moves order, smaller is better: the conflicts of `Rank`, then people who change table,
    seat changes, and only then the most new pairs."""

    keep_apart_violations: int
    same_org_pairs: int
    repeat_pairs: int
    history_weight: float
    should_meet_missed: int
    people_moved: int
    seat_changes: int
    negative_new_pairs: int

    @property
    def conflicts(self) -> tuple[int, int, int, float, int]:
        return self[:5]


def moves_rank(problem: Problem, schedule: Schedule, homes: Homes) -> MovesRank:
    """Where `schedule` stands in the fewest-moves order."""
    rank = evaluate(problem, schedule).rank()
    away = away_from_home(schedule, homes)
    return MovesRank(*rank.conflicts, len({p for p, _ in away}), len(away), rank.negative_new_pairs)


def freed_tables(problem: Problem, schedule: Schedule, homes: Homes, rng: random.Random) -> list[set[int]]:
    """Per round, the tables a neighbourhood re-seats, seating at most FREED_PEOPLE people: first, in
    random order, the table of someone away from home together with their home table, newcomers'
    tables and tables with a colleague pair or a pair met before; then other tables at random."""
    wanted: list[list[set[int]]] = [[] for _ in schedule]
    for rnd, conflicted in conflicted_tables(problem, schedule):
        wanted[rnd].append({conflicted})
    for rnd, tables in enumerate(schedule):
        for slot, people in enumerate(tables):
            for p in people:
                if (p, rnd) not in homes:
                    wanted[rnd].append({slot})
                elif homes[p, rnd] != slot:
                    home = homes[p, rnd]
                    wanted[rnd].append({slot} if home is None else {slot, home})
    freed = []
    for rnd, tables in enumerate(schedule):
        units = sorted(map(sorted, wanted[rnd]))
        rng.shuffle(units)
        others = [[t] for t in range(len(tables))]
        rng.shuffle(others)
        chosen: set[int] = set()
        for unit in units + others:
            if sum(len(tables[t]) for t in chosen.union(unit)) <= FREED_PEOPLE:
                chosen.update(unit)
        freed.append(chosen)
    return freed


def level_caps(problem: Problem, schedule: Schedule) -> list[int]:
    """What `schedule` scores on each conflict level of the CP-SAT model (keep-apart, colleagues,
    repeats, history in the model's hundredths, missed wishes), repeats counted as `evaluate` counts
    them (a pair met in frozen rounds repeats once however often it met): a re-seating may not exceed them."""
    met = encounters(schedule)
    figures = evaluate(problem, schedule)
    return [
        figures.keep_apart_violations,
        figures.same_org_pairs,
        figures.repeat_pairs,
        sum(round(problem.past_encounters.get(p, 0.0) * HISTORY_SCALE) for p in met if not problem.same_org(*p)),
        figures.should_meet_missed,
    ]


def add_fewest_moves_objective(sm: SeatingModel, schedule: Schedule, homes: Homes) -> None:
    """No conflict level above `schedule`'s (hard caps: weighing conflicts above moves would overflow
    the weights of big sessions); minimise people who change table, then seat changes, then seat pairs
    that are not new pairs (weights make that order lexicographic)."""
    model, levels = sm.model, sm.levels
    for level, cap in zip(
        (levels.keep_apart, levels.same_org, levels.repeats, levels.history, levels.should_meet),
        level_caps(sm.problem, schedule),
        strict=True,
    ):
        if level:
            model.add(sum((1 if level is levels.repeats else c) * e for c, e, _ in level) <= cap)
    moved: dict[int, cp_model.IntVar] = {}
    changes: list[cp_model.LinearExprT] = []
    for (p, rnd), slot in sorted(homes.items(), key=lambda item: item[0]):
        seat = sm.seats.get((p, rnd, slot)) if slot is not None else None
        away: cp_model.LinearExprT = 1 if seat is None else 1 - seat
        changes.append(away)
        if p not in moved:
            moved[p] = model.new_bool_var(f"moved_{p}")
        model.add(moved[p] >= away)
    not_new = sum(c * e for c, e, _ in levels.not_new)
    per_change = sm.slots + 1
    per_person = per_change * (len(changes) + 1)
    model.minimize(per_person * sum(moved.values()) + per_change * sum(changes) + not_new)


def reseat(
    problem: Problem,
    schedule: Schedule,
    homes: Homes,
    freed: Sequence[set[int]],
    *,
    deterministic_time: float,
    time_limit: float,
    seed: int,
    workers: int,
) -> tuple[Schedule | None, bool]:
    """The freed tables re-seated by CP-SAT with the fewest moves, everyone else pinned where they sit
    in `schedule` (which hints the search); with whether the answer is optimal."""
    sub = pinned(problem, schedule, lambda rnd, table: table in freed[rnd])
    sm = build_model(sub, symmetry_breaking=False, objective=False)
    add_encounters(sm)
    add_same_organisation(sm)
    add_repeats_and_history(sm)
    add_keep_apart_and_should_meet(sm)
    add_fewest_moves_objective(sm, schedule, homes)
    where = {
        (p, rnd): table for rnd, tables in enumerate(schedule) for table, people in enumerate(tables) for p in people
    }
    for (p, rnd, table), seat in sm.seats.items():
        sm.model.add_hint(seat, where[p, rnd] == table)
    for (a, b, rnd), met in sm.meets.items():
        if not isinstance(met, int):
            sm.model.add_hint(met, where[a, rnd] == where[b, rnd])
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = max(1, workers)
    params.interleave_search = workers > 1
    params.random_seed = seed
    params.max_deterministic_time = deterministic_time
    params.max_time_in_seconds = max(0.01, time_limit)
    params.catch_sigint_signal = False
    status = interruptibly(lambda: solver.solve(sm.model), solver.stop_search)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, False
    return read_schedule(sm, solver), status == cp_model.OPTIMAL


def no_more_conflicts(rank: MovesRank, than: MovesRank) -> bool:
    """Whether a `moves_rank` has no more kept-apart pairs, colleague pairs, repeats, history or missed
    wishes than another, each on its own (the model's caps round history weights)."""
    return all(x <= y for x, y in zip(rank.conflicts, than.conflicts, strict=True))


class FewestMoves(NamedTuple):
    result: SolveResult
    numbering: list[list[int]]
    """The number of each table of each round, which the moves were counted against."""


def solve_with_fewest_moves(
    problem: Problem,
    hint: Schedule,
    numbering_of: Callable[[Schedule], list[list[int]]],
    old_rounds: Sequence[Mapping[int, Sequence[int]]],
    *,
    time_limit: float,
    seed: int,
    workers: int,
    progress: Progress | None,
    stop: Stop | None = None,
) -> FewestMoves:
    """The plan that moves the fewest people among those with no more colleague pairs or repeats
    (nor kept-apart pairs, history or missed wishes) than the best plan found; new pairs come last.

    The usual search, with the whole time limit, sets how few conflicts the rounds allow. Its plan, or
    the repaired previous version when that is as good, numbered as `numbering_of` numbers it, fixes
    everyone's home table; then steps of CP-SAT re-seat a few tables per round, pinning the rest, with
    the conflicts capped and the moves minimised, for a third of the time limit more, at most a
    second (`FEWEST_MOVES_MOST_SECONDS`). Kept with that numbering, the result moves no more people than its
    start. After a `stop`, no re-seating step starts.
    """
    stop = stop or Stop()
    started = time.monotonic()
    cap = safety_cap(started, time_limit)
    best = solve_stably(
        problem,
        hint,
        time_limit=time_limit,
        seed=seed,
        workers=workers,
        progress=progress,
        stop=stop,
    )
    searched = time.monotonic()
    frames = []
    for start in (hint, best.schedule):
        numbering = numbering_of(start)
        homes = homes_of(problem, numbering, old_rounds)
        frames.append((moves_rank(problem, start, homes), start, numbering, homes))
    rank, current, numbering, homes = min(
        (f for f in frames if no_more_conflicts(f[0], frames[1][0])), key=lambda f: f[0]
    )
    method = "repair" if current == hint else best.method
    rng = random.Random(seed)
    step_seconds = STEP_SECONDS_PER_SEAT * sum(len(problem.present(r)) for r in range(problem.rounds))
    moving = min(FEWEST_MOVES_SHARE * time_limit, FEWEST_MOVES_MOST_SECONDS)
    for step in range(max(1, round(moving / step_seconds))):
        unavoidable = sum(1 for p, rnd in away_from_home(current, homes) if homes[p, rnd] is None)
        if rank.seat_changes == unavoidable and -rank.negative_new_pairs == evaluate(problem, current).new_pairs_bound:
            break
        if time.monotonic() >= cap or stop.requested:
            break
        freed = freed_tables(problem, current, homes, rng)
        found, optimal = reseat(
            problem,
            current,
            homes,
            freed,
            deterministic_time=STEP_DETERMINISTIC_TIME,
            time_limit=cap - time.monotonic(),
            seed=seed + step,
            workers=workers,
        )
        if found is not None:
            better = moves_rank(problem, found, homes)
            if better < rank and no_more_conflicts(better, rank):
                current, rank, method = found, better, "fewest-moves"
        if optimal and all(len(f) == len(tables) for f, tables in zip(freed, current, strict=True)):
            break
    evaluation = evaluate(problem, current)
    same = evaluation.rank().without_spread == best.evaluation.rank().without_spread
    return FewestMoves(
        replace(
            best,
            schedule=current,
            evaluation=evaluation,
            status=status_of(best.optimal and same, interrupted=stop.requested),
            method=method,
            seconds=best.seconds + time.monotonic() - searched,
        ),
        numbering,
    )


def replan(
    plan: Plan,
    from_round: int,
    absent: Sequence[Attendee] = (),
    added: Sequence[Attendee] = (),
    *,
    constraints_of: Callable[[Sequence[Attendee]], OrganiserConstraints] = organiser_constraints,
    past: PastEncounters | None = None,
    time_limit: float = 3.0,
    seed: int = 0,
    workers: int = 1,
    revised_at: str = "",
    progress: Progress | None = None,
    fewest_moves: bool = True,
    stop: Stop | None = None,
) -> Replanned:
    """The plan re-seated from round `from_round` on (1-based), before presents and figures (`session.replan`).

    `absent` sit at no table from `from_round` on; `added` (given fresh ids) sit at every round
    from `from_round` on. `constraints_of` reads the organiser's constraints for everyone, newcomers
    included (default: the stays-seated and host columns). With `fewest_moves` (the default), moving
    fewer people comes before meeting more new people (see `solve_with_fewest_moves`); without, the
    best plan wins and ties go to the fewest seat changes (`solve_stably`). A `stop` keeps the best
    re-seating found so far.
    """
    if not 1 <= from_round <= len(plan.rounds):
        raise ReplanError(
            t(
                "--from-round {round}: the plan has {rounds} rounds; give a round from 1 to {rounds}.",
                round=from_round,
                rounds=len(plan.rounds),
            )
        )
    frozen, remaining = plan.rounds[: from_round - 1], plan.rounds[from_round - 1 :]
    attendees, joining = join_newcomers(plan, added, remaining)
    leaving = {a.id for a in absent}
    both = [a.name for a in absent if a.id in joining]
    if both:
        raise ReplanError(t("both absent and added: {names}; choose one or the other.", names=", ".join(both)))
    index = {a.id: i for i, a in enumerate(attendees)}
    old_rounds = [seating(rnd, index) for rnd in remaining]
    seated = [{p for people in tables.values() for p in people} for tables in old_rounds]
    absences = frozenset(
        (index[a.id], r)
        for r in range(len(remaining))
        for a in attendees
        if a.id in leaving or (index[a.id] not in seated[r] and a.id not in joining)
    )
    for r in range(len(remaining)):
        count = len(attendees) - sum(1 for _, rnd in absences if rnd == r)
        if count < 2:
            raise ReplanError(
                t_plural(
                    "in round {round} only {count} person would be present: a table needs at least "
                    "2; check the --absent names or re-plan from another round.",
                    "in round {round} only {count} people would be present: a table needs at least "
                    "2; check the --absent names or re-plan from another round.",
                    count,
                    round=from_round + r,
                )
            )
    problem = Problem(
        organisation_of=organisation_indices(attendees),
        rounds=len(remaining),
        table_size=session_table_size(plan),
        absences=absences,
        past_encounters=past_pairs(attendees, past or {}),
        session_encounters=encounters_in(frozen, index),
    )
    constraints = constraints_of(attendees)
    problem = apply_constraints(problem, attendees, constraints)
    hint = tuple(tuple(map(tuple, repair_round(problem, r, old))) for r, old in enumerate(old_rounds))
    anchored = [index[x] for x in constraints.anchored if x in index]
    now = current_tables(anchored, frozen, remaining[0], index)
    numbering_of = partial(number_tables, problem, old_rounds=old_rounds, now=now)
    if fewest_moves:
        result, numbering = solve_with_fewest_moves(
            problem,
            hint,
            numbering_of,
            old_rounds,
            time_limit=time_limit,
            seed=seed,
            workers=workers,
            progress=progress,
            stop=stop,
        )
        numbering = numbering_of(result.schedule, preferred=numbering)
    else:
        result = solve_stably(
            problem, hint, time_limit=time_limit, seed=seed, workers=workers, progress=progress, stop=stop
        )
        numbering = numbering_of(result.schedule)
    numbered = [
        {number: in_previous_order(table, old.get(number, ())) for table, number in zip(tables, numbers, strict=True)}
        for tables, numbers, old in zip(result.schedule, numbering, old_rounds, strict=True)
    ]
    ids = [a.id for a in attendees]
    rounds = (
        *frozen,
        *(
            replace(
                rnd,
                tables=tuple(
                    SeatedTable(number, tuple(ids[p] for p in people)) for number, people in sorted(tables.items())
                ),
            )
            for rnd, tables in zip(remaining, numbered, strict=True)
        ),
    )
    revised = Plan(
        attendees=attendees,
        rounds=rounds,
        event=plan.event,
        solver=solver_report(result, seed, time_limit),
        version=plan.version + 1,
        revised_at=revised_at or dt.datetime.now().isoformat(timespec="minutes"),
        keep_apart=tuple(sorted(constraints.keep_apart)),
        should_meet=tuple(sorted(constraints.should_meet)),
    )
    return Replanned(revised, result, constraints)


def seated_from(plan: Plan, from_round: int) -> set[str]:
    """Ids of the people who sit at a table in some round from `from_round` on."""
    return {x for rnd in plan.rounds[from_round - 1 :] for table in rnd.tables for x in table.attendees}


def unused_tables(before: Plan, after: Plan, from_round: int) -> dict[int, list[int]]:
    """Round number -> tables that served in that round in `before` and stay empty in `after`."""
    unused = {}
    for old, new in zip(before.rounds[from_round - 1 :], after.rounds[from_round - 1 :], strict=True):
        empty = sorted({t.number for t in old.tables if t.attendees} - {t.number for t in new.tables if t.attendees})
        if empty:
            unused[new.number] = empty
    return unused


def moves(before: Plan, after: Plan, from_round: int) -> tuple[Move, ...]:
    """Everyone whose table differs between two versions, round by round from `from_round`."""
    found = []
    names = labels(after.attendees)
    for old, new in zip(before.rounds[from_round - 1 :], after.rounds[from_round - 1 :], strict=True):
        was = {x: table.number for table in old.tables for x in table.attendees}
        now = {x: table.number for table in new.tables for x in table.attendees}
        for attendee_id in sorted(set(was) | set(now), key=lambda x: (fold(names[x]), x)):
            if was.get(attendee_id) != now.get(attendee_id):
                found.append(
                    Move(attendee_id, names[attendee_id], new.number, was.get(attendee_id), now.get(attendee_id))
                )
    return tuple(found)
