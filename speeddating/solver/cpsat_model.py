"""The CP-SAT model of a session, built in one place, one small function per family.

Used to prove optimality (and bounds) on small sessions and, with most seats fixed, as the
sub-solver of the neighbourhood search. Families, in the manner of PyJobShop's OR-Tools backend:
variables (`seat` booleans), seating (one table per round), table sizes, fixed seats, encounters
(pair-meets-in-round booleans), same organisation, repeats, history, keep-apart / should-meet,
symmetry breaking, objective.

Encounters are linked one way only: `meets[a, b, r]` is forced to 1 when a and b share a table,
never forced to 0. That is exact at the optimum because every term of the objective *penalises*
meetings: the number of distinct new pairs is the seat pairs of all tables (a constant) minus the
colleague meetings, the repeats and the first meetings of pairs met before, so maximising it is
minimising those. Only should-meet pairs, which reward meeting, get an exact link.

The objective is lexicographic through integer weights: each level weighs more than the largest
possible total of all the levels below it, so CP-SAT's optimum is `Evaluation.rank()`'s optimum
(fairness, the last figure of the rank, is not modelled).
"""

import threading
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import combinations, pairwise
from math import ceil
from typing import TypeVar

from ortools.sat.python import cp_model

from speeddating.problem import Pair, Problem, Schedule
from speeddating.status import SolveStatus, Stop, status_of

POLL_SECONDS = 0.05
"""How often the main thread wakes while CP-SAT searches (to notice Ctrl-C, then to repeat the stop)."""

HISTORY_SCALE = 100
"""History weights are floats; the model weighs them in hundredths."""

T = TypeVar("T")
Literal = cp_model.IntVar
Term = tuple[int, cp_model.LinearExprT, int]
"""(coefficient, expression, largest value of the expression)."""


@dataclass
class Levels:
    """Objective terms per priority level, with an upper bound on each level's total."""

    keep_apart: list[Term] = field(default_factory=list)
    same_org: list[Term] = field(default_factory=list)
    repeats: list[Term] = field(default_factory=list)
    history: list[Term] = field(default_factory=list)
    should_meet: list[Term] = field(default_factory=list)
    not_new: list[Term] = field(default_factory=list)
    """Seat pairs that are not new pairs: colleague meetings, repeats, first meetings of old pairs."""

    def ordered(self) -> list[list[Term]]:
        """Lowest priority first."""
        return [self.not_new, self.should_meet, self.history, self.repeats, self.same_org, self.keep_apart]


@dataclass
class SeatingModel:
    problem: Problem
    model: cp_model.CpModel
    seats: dict[tuple[int, int, int], Literal]
    """(person, round, table) -> sits there."""
    meets: dict[tuple[int, int, int], Literal | int] = field(default_factory=dict)
    """(a, b, round) with a < b -> at least as much as 'a and b share a table' (1 if fixed so)."""
    levels: Levels = field(default_factory=Levels)
    weights: list[int] = field(default_factory=list)
    """Weight of each level of `levels.ordered()`."""
    slots: int = 0
    """Seat pairs over all tables and rounds."""
    canonical_first_round: bool = False


def tables_of(problem: Problem, person: int, rnd: int) -> range:
    """Tables person may take in round rnd (one when the seat is fixed)."""
    fixed = problem.fixed_tables.get((person, rnd))
    return range(fixed, fixed + 1) if fixed is not None else range(len(problem.table_sizes(rnd)))


def add_seat_variables(problem: Problem, model: cp_model.CpModel) -> dict[tuple[int, int, int], Literal]:
    return {
        (p, r, t): model.new_bool_var(f"seat_{p}_{r}_{t}")
        for r in range(problem.rounds)
        for p in problem.present(r)
        for t in tables_of(problem, p, r)
    }


def add_seating(sm: SeatingModel) -> None:
    """Every present person sits at exactly one table per round."""
    for r in range(sm.problem.rounds):
        for p in sm.problem.present(r):
            sm.model.add_exactly_one(sm.seats[p, r, t] for t in tables_of(sm.problem, p, r))


def add_table_sizes(sm: SeatingModel) -> None:
    for r in range(sm.problem.rounds):
        for t, size in enumerate(sm.problem.table_sizes(r)):
            sm.model.add(sum(sm.seats[p, r, t] for p in sm.problem.present(r) if (p, r, t) in sm.seats) == size)
            sm.slots += size * (size - 1) // 2


def add_fixed_seats(sm: SeatingModel) -> None:
    for (p, r), t in sm.problem.fixed_tables.items():
        sm.model.add(sm.seats[p, r, t] == 1)


def add_encounters(sm: SeatingModel) -> None:
    """`meets[a, b, r]` >= 'a and b at one table in r'; plus each person meets their table-mates."""
    problem, model = sm.problem, sm.model
    sizes_minus_one = {r: [s - 1 for s in problem.table_sizes(r)] for r in range(problem.rounds)}
    for r in range(problem.rounds):
        present = problem.present(r)
        for a, b in combinations(present, 2):
            fa, fb = problem.fixed_tables.get((a, r)), problem.fixed_tables.get((b, r))
            if fa is not None and fb is not None:
                if fa == fb:
                    sm.meets[a, b, r] = 1
                continue
            met = model.new_bool_var(f"meets_{a}_{b}_{r}")
            sm.meets[a, b, r] = met
            for t in set(tables_of(problem, a, r)) & set(tables_of(problem, b, r)):
                model.add_bool_or([sm.seats[a, r, t].Not(), sm.seats[b, r, t].Not(), met])
        for a in present:
            mates = [sm.meets.get((min(a, b), max(a, b), r), 0) for b in present if b != a]
            model.add(sum(mates) >= sum(sizes_minus_one[r][t] * sm.seats[a, r, t] for t in tables_of(problem, a, r)))


def meetings_of(sm: SeatingModel) -> dict[Pair, list[Literal | int]]:
    by_pair: dict[Pair, list[Literal | int]] = defaultdict(list)
    for (a, b, _), met in sm.meets.items():
        by_pair[a, b].append(met)
    return by_pair


def add_same_organisation(sm: SeatingModel) -> None:
    """Every colleague meeting counts; each round has at least its unavoidable ones."""
    problem = sm.problem
    by_round: dict[int, list[Literal | int]] = defaultdict(list)
    for (a, b, r), met in sm.meets.items():
        if problem.same_org(a, b):
            by_round[r].append(met)
    for r, same in sorted(by_round.items()):
        sm.model.add(sum(same) >= problem.forced_same_org(r))
        sm.levels.same_org += [(1, met, 1) for met in same]
        sm.levels.not_new += [(1, met, 1) for met in same]


def met_at_all(sm: SeatingModel, a: int, b: int, meetings: list[Literal | int]) -> Literal | int:
    """A literal forced to 1 when the pair meets in any round (lower-bounded, like `meets`)."""
    if any(isinstance(m, int) and m == 1 for m in meetings):
        return 1
    met = sm.model.new_bool_var(f"met_{a}_{b}")
    for m in meetings:
        sm.model.add_implication(m, met)
    return met


def add_repeats_and_history(sm: SeatingModel) -> None:
    """Cross-organisation pairs: extra meetings are repeats; a first meeting of a pair met in
    frozen rounds is a repeat too, of one met in an earlier session costs its history weight."""
    problem = sm.problem
    for (a, b), meetings in sorted(meetings_of(sm).items()):
        if problem.same_org(a, b):
            continue
        if len(meetings) >= 2:
            extra = sm.model.new_int_var(0, len(meetings) - 1, f"extra_{a}_{b}")
            sm.model.add(extra >= sum(meetings) - 1)
            sm.levels.repeats.append((1, extra, len(meetings) - 1))
            sm.levels.not_new.append((1, extra, len(meetings) - 1))
        session = problem.session_encounters.get((a, b), 0)
        history = round(problem.past_encounters.get((a, b), 0.0) * HISTORY_SCALE)
        if (a, b) in problem.session_encounters or (a, b) in problem.past_encounters:
            met = met_at_all(sm, a, b, meetings)
            sm.levels.not_new.append((1, met, 1))
            if session:
                sm.levels.repeats.append((session, met, 1))
            if history:
                sm.levels.history.append((history, met, 1))


def add_keep_apart_and_should_meet(sm: SeatingModel) -> None:
    """Kept-apart pairs weigh above everything (hard whenever possible); should-meet pairs need an
    exact link: they count as missed unless some table provably seats both."""
    problem, model = sm.problem, sm.model
    meetings = meetings_of(sm)
    for a, b in sorted(problem.keep_apart):
        if meetings.get((a, b)):
            sm.levels.keep_apart.append((1, met_at_all(sm, a, b, meetings[a, b]), 1))
    for a, b in sorted(problem.should_meet):
        if (a, b) in problem.session_encounters:
            continue
        together = []
        for r in range(problem.rounds):
            for t in set(tables_of(problem, a, r)) & set(tables_of(problem, b, r)):
                if (a, r, t) in sm.seats and (b, r, t) in sm.seats:
                    both = model.new_bool_var(f"together_{a}_{b}_{r}_{t}")
                    model.add_implication(both, sm.seats[a, r, t])
                    model.add_implication(both, sm.seats[b, r, t])
                    together.append(both)
        missed = model.new_bool_var(f"missed_{a}_{b}")
        model.add_bool_or([*together, missed])
        sm.levels.should_meet.append((1, missed, 1))


def interchangeable_people(problem: Problem) -> bool:
    """True when nothing tells any two people apart (the pure Social Golfer Problem)."""
    return (
        problem.organisations == problem.people
        and not problem.absences
        and not problem.fixed_tables
        and not problem.past_encounters
        and not problem.session_encounters
        and not problem.keep_apart
        and not problem.should_meet
    )


def interchangeable_tables(problem: Problem, rnd: int) -> list[list[int]]:
    """Classes of tables of round rnd that nothing distinguishes: same size, no fixed seat."""
    pinned = {t for (_, r), t in problem.fixed_tables.items() if r == rnd}
    classes: dict[int, list[int]] = defaultdict(list)
    for t, size in enumerate(problem.table_sizes(rnd)):
        if t not in pinned:
            classes[size].append(t)
    return [tables for tables in classes.values() if len(tables) > 1]


def add_symmetry_breaking(sm: SeatingModel) -> None:
    """Within a class of interchangeable tables, tables are ordered by their lowest-numbered person
    (person p may open table t+1 only if someone before p sits at t). In the pure Social Golfer
    Problem people are interchangeable too, so the first round is fixed: 0..3 at table 1, etc."""
    problem, model = sm.problem, sm.model
    for r in range(problem.rounds):
        movable = [p for p in problem.present(r) if (p, r) not in problem.fixed_tables]
        for tables in interchangeable_tables(problem, r):
            for t, after in pairwise(tables):
                for i, p in enumerate(movable):
                    model.add(sm.seats[p, r, after] <= sum(sm.seats[q, r, t] for q in movable[:i]))
    if interchangeable_people(problem):
        sm.canonical_first_round = True
        for t, table in enumerate(canonical_round(problem, 0)):
            for p in table:
                model.add(sm.seats[p, 0, t] == 1)


def canonical_round(problem: Problem, rnd: int) -> tuple[tuple[int, ...], ...]:
    """People of round rnd in order, filling tables one after the other."""
    present, tables, start = problem.present(rnd), [], 0
    for size in problem.table_sizes(rnd):
        tables.append(present[start : start + size])
        start += size
    return tuple(tables)


def set_objective(sm: SeatingModel) -> None:
    """Weights from the bottom up: each level outweighs the largest total of all levels below."""
    weight, below = 1, 0
    objective = []
    for level in sm.levels.ordered():
        bound = sm.slots if level is sm.levels.not_new else sum(c * most for c, _, most in level)
        sm.weights.append(weight)
        objective += [(weight * c, e) for c, e, _ in level]
        below += weight * bound
        weight = below + 1
    sm.model.minimize(sum(c * e for c, e in objective))


def build_model(problem: Problem, *, symmetry_breaking: bool = True, objective: bool = True) -> SeatingModel:
    """The whole model of `problem`; without `objective`, only the seatings (no encounter variables),
    so that enumerating its solutions enumerates seatings."""
    model = cp_model.CpModel()
    sm = SeatingModel(problem, model, add_seat_variables(problem, model))
    add_seating(sm)
    add_table_sizes(sm)
    add_fixed_seats(sm)
    if symmetry_breaking:
        add_symmetry_breaking(sm)
    if objective:
        add_encounters(sm)
        add_same_organisation(sm)
        add_repeats_and_history(sm)
        add_keep_apart_and_should_meet(sm)
        set_objective(sm)
    return sm


def canonical_schedule(sm: SeatingModel, schedule: Schedule) -> Schedule:
    """The same plan relabelled to satisfy the symmetry breaking (so it can serve as a hint)."""
    problem = sm.problem
    if sm.canonical_first_round:
        rename = {p: i for i, p in enumerate(p for table in schedule[0] for p in table)}
        schedule = tuple(tuple(tuple(rename[p] for p in t) for t in tables) for tables in schedule)
    result = []
    for r, tables in enumerate(schedule):
        relabelled = [tuple(sorted(t)) for t in tables]
        for group in interchangeable_tables(problem, r):
            ordered = sorted((relabelled[t] for t in group), key=lambda t: min(t))
            for t, table in zip(group, ordered, strict=True):
                relabelled[t] = table
        result.append(tuple(relabelled))
    return tuple(result)


def add_hint(sm: SeatingModel, schedule: Schedule) -> None:
    """Hint the seats and meetings of `schedule` (relabelled to fit the symmetry breaking)."""
    where = {
        (p, r): t
        for r, tables in enumerate(canonical_schedule(sm, schedule))
        for t, tb in enumerate(tables)
        for p in tb
    }
    for (p, r, t), var in sm.seats.items():
        sm.model.add_hint(var, where.get((p, r)) == t)
    for (a, b, r), met in sm.meets.items():
        if not isinstance(met, int):
            sm.model.add_hint(met, where.get((a, r)) == where.get((b, r)))


def read_schedule(sm: SeatingModel, solver: cp_model.CpSolver) -> Schedule:
    problem = sm.problem
    tables: list[list[list[int]]] = [[[] for _ in problem.table_sizes(r)] for r in range(problem.rounds)]
    for (p, r, t), var in sm.seats.items():
        if solver.boolean_value(var):
            tables[r][t].append(p)
    return tuple(tuple(tuple(sorted(t)) for t in tables_r) for tables_r in tables)


def new_pairs_bound_from(sm: SeatingModel, objective_bound: float) -> int | None:
    """Upper bound on distinct new pairs implied by a lower bound on the objective, when every
    objective term counts seat pairs that are not new (no should-meet / keep-apart terms)."""
    if sm.levels.should_meet or sm.levels.keep_apart:
        return None
    heaviest: dict[int, int] = defaultdict(int)
    for level, weight in zip(sm.levels.ordered(), sm.weights, strict=True):
        for c, e, _ in level:
            heaviest[id(e)] += weight * c
    if not heaviest:
        return sm.slots
    return sm.slots - ceil(objective_bound / max(heaviest.values()) - 1e-9)


@dataclass(frozen=True)
class ModelOutcome:
    """What one CP-SAT run found: a schedule and its status, or neither (no plan in time, or stopped)."""

    schedule: Schedule | None
    status: SolveStatus | None
    new_pairs_bound: int | None

    @property
    def optimal(self) -> bool:
        return self.status is SolveStatus.OPTIMAL


def interruptibly(search: Callable[[], T], stop: Callable[[], None]) -> T:
    """`search()`, a CP-SAT solve, run so that Ctrl-C is answered at once.

    CP-SAT holds the thread that calls it until it returns, so from the main thread the search runs
    in a helper thread, and the main thread waits in short steps (a signal may land on any thread;
    Python handles it when the main thread wakes). On an interruption `stop` is called until the
    search has ended, since a stop before CP-SAT has started is lost; then the interruption goes on.
    """
    if threading.current_thread() is not threading.main_thread():
        return search()
    with ThreadPoolExecutor(max_workers=1) as pool:
        running = pool.submit(search)
        try:
            while not wait([running], timeout=POLL_SECONDS).done:
                pass
        except BaseException:
            while not wait([running], timeout=POLL_SECONDS).done:
                stop()
            raise
        return running.result()


class ModelRun:
    """One solve of the model, with deterministic limits (`max_deterministic_time`; several workers
    are interleaved so the run stays reproducible); `time_limit` is a wall-clock safety cap. `stop`
    may be called from another thread (the portfolio runs the model beside the tabu search, and
    CP-SAT releases the GIL while it searches)."""

    def __init__(
        self,
        problem: Problem,
        *,
        hint: Schedule | None,
        deterministic_time: float,
        time_limit: float,
        workers: int,
        seed: int,
    ) -> None:
        self.sm = build_model(problem)
        if hint is not None:
            add_hint(self.sm, hint)
        self.solver = cp_model.CpSolver()
        params = self.solver.parameters
        params.num_workers = max(1, workers)
        params.interleave_search = workers > 1
        params.random_seed = seed
        params.max_deterministic_time = deterministic_time
        params.max_time_in_seconds = max(0.01, time_limit)
        params.catch_sigint_signal = False  # Ctrl-C belongs to Python: CP-SAT's own handler aborts the process
        self.stopped = threading.Event()

    def solve(self) -> ModelOutcome:
        if self.stopped.is_set():
            return ModelOutcome(None, None, None)
        return interruptibly(self._search, self.stop)

    def _search(self) -> ModelOutcome:
        solver, sm = self.solver, self.sm
        status = solver.solve(sm.model)
        found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        return ModelOutcome(
            schedule=read_schedule(sm, solver) if found else None,
            status=status_of(status == cp_model.OPTIMAL) if found else None,
            new_pairs_bound=new_pairs_bound_from(sm, solver.best_objective_bound) if found else None,
        )

    def stop(self) -> None:
        self.stopped.set()
        self.solver.stop_search()


def solve_model(
    problem: Problem,
    *,
    hint: Schedule | None = None,
    deterministic_time: float = 10.0,
    time_limit: float = 10.0,
    workers: int = 1,
    seed: int = 0,
    stop: Stop | None = None,
) -> ModelOutcome:
    """Solve the model of `problem` (see `ModelRun`) and wait for the outcome (none when `stop` is
    requested before CP-SAT finds a plan)."""
    run = ModelRun(
        problem, hint=hint, deterministic_time=deterministic_time, time_limit=time_limit, workers=workers, seed=seed
    )
    if stop is None:
        return run.solve()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return finish(run, pool.submit(run.solve), stop)


def finish(run: ModelRun, running: Future[ModelOutcome], stop: Stop) -> ModelOutcome:
    """The outcome of `run`, computing in `running`, ended early once `stop` is requested (the stop is
    repeated until the search ends: one made before CP-SAT has started is lost)."""
    while not wait([running], timeout=POLL_SECONDS).done:
        if stop.requested:
            run.stop()
    return running.result()
