"""`solve`: run the components in turn within the time limit and return the best plan found.

a design when one fits (`constructions`: a perfect one ends the search at once), else greedy
(milliseconds; by freedom too on small sessions) and, for nearby sessions, a design fitted as a
starting plan → on small sessions still short of perfect, a perfect plan fixed by a cyclic shift
(`orbits`) → tabu search (the bulk
of the quality) → for small sessions, the full CP-SAT model to prove optimality or a bound →
neighbourhood search with CP-SAT for what remains.
After earlier sessions, designs are relabelled to dodge the pairs met before (`relabel`), the
search trades repeats of both kinds before restoring their priority (`local_search.tabu_search`),
and the neighbourhoods, which never paid there, give their time to the search. The search runs on
every worker at once with other seeds (`parallel`): on the six-table networks the second seed did
more than the full model beside one search, which never improved a plan there.
Every plan produced is judged with `Evaluation.rank()` and the best one is kept, so a component
that fails or does worse (CP-SAT under a short limit can return nothing, or less than its hint)
costs time, never quality. A plan proven best by arithmetic (`proven_best`) stops everything at once.

Work is budgeted in deterministic units (priced swaps for the tabu search, deterministic time for
CP-SAT) derived from `time_limit` (`budget`), so the same seed, worker count and limit give the
same plan whatever the machine's load; the wall clock only caps a run several times too long.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import combinations

from speeddating.evaluation import Evaluation, Rank, evaluate, schedule_errors
from speeddating.history import bound as reunions  # the module, not its function: history.bound imports the solver
from speeddating.problem import Problem, Schedule, pair
from speeddating.solver.budget import SWAPS_PER_SECOND, safety_cap
from speeddating.solver.constructions import construct, is_plain
from speeddating.solver.costs import proven_best
from speeddating.solver.cpsat_model import ModelOutcome, solve_model
from speeddating.solver.freedom import FREEDOM_MAX_PEOPLE, freedom_schedule
from speeddating.solver.greedy import fit_schedule, greedy_schedule
from speeddating.solver.lns import STEP_DETERMINISTIC_TIME, large_neighbourhood_search
from speeddating.solver.local_search import tabu_search
from speeddating.solver.orbits import ORBIT_MAX_PEOPLE, orbit_schedule
from speeddating.solver.parallel import Beside
from speeddating.solver.relabel import relabelled
from speeddating.status import Phase, Progress, ProgressEvent, SolveStatus, Stop, status_of

SEARCH_SHARE = 0.5
MODEL_SHARE = 0.2
"""Shares of the time limit for the tabu searches and then, on small sessions, the full model (to prove
optimality or a bound); the neighbourhood search gets the rest."""

PARALLEL_MIN_TIME_LIMIT = 2.0
PROCESS_START_WORK = SWAPS_PER_SECOND // 2
"""The tabu search runs on every worker at once, with other seeds, from this time limit on (below it
starting a process, about half a second, which the searches in other processes give up from their
budget, is not worth it)."""

MODEL_SECONDS_PER_UNIT = 1.3
"""What one unit of CP-SAT deterministic time takes on the full model of a small session."""

LNS_SECONDS_PER_SEAT = 0.007
"""What one neighbourhood of the search costs, per person and round (building the model, then
`lns.STEP_DETERMINISTIC_TIME` of CP-SAT): sets how many neighbourhoods fit in the rest of the limit."""

EXACT_MAX_PEOPLE = 30
"""Up to this size the full CP-SAT model is worth running to prove optimality or a bound."""

LNS_MAX_PEOPLE = 150
"""Beyond this the CP-SAT neighbourhoods are too slow to build to be worth the time."""

ORBIT_SHARE = 0.5
ORBIT_MIN_TIME_LIMIT = 3.0
"""CP-SAT deterministic time for the orbit search, per second of time limit (about a fifth of the
wall-clock time: its packings take a second per 2.7 units on one core); under the minimum limit
the search could not finish its usual cases and the tabu search is the better use of the time."""


@dataclass(frozen=True)
class SolveResult:
    """The best schedule of a search, in the optimiser's integers (`planning.build_plan` seats it in a Plan)."""

    schedule: Schedule
    evaluation: Evaluation
    status: SolveStatus
    """OPTIMAL only when the plan is proven best for the lexicographic objective."""
    proven_bound: int
    """Proven upper bound on distinct new pairs (>= evaluation.distinct_new_pairs)."""
    method: str
    """Component that produced the final schedule (an internal name, for debugging)."""
    seconds: float

    @property
    def optimal(self) -> bool:
        return self.status is SolveStatus.OPTIMAL


class Incumbent:
    """The best plan so far, by `Evaluation.rank()`, announcing each improvement; and the plan offered with
    the most new encounters (`start`), where the search starts."""

    def __init__(self, problem: Problem, started: float, progress: Progress | None) -> None:
        self.problem = problem
        self.started = started
        self.progress = progress
        self.schedule: Schedule = ()
        self.evaluation: Evaluation | None = None
        self.method = ""
        self.floor: int | None = None
        self.start: Schedule = ()
        self.start_key: tuple[int, int, Rank] | None = None

    def offer(self, schedule: Schedule, method: str) -> None:
        evaluation = evaluate(self.problem, schedule)
        rank = evaluation.rank()
        start_key = (evaluation.keep_apart_violations, -evaluation.distinct_new_pairs, rank)
        if self.start_key is None or start_key < self.start_key:
            self.start, self.start_key = schedule, start_key
        if self.evaluation is not None and rank >= self.evaluation.rank():
            return
        self.schedule, self.evaluation, self.method = schedule, evaluation, method
        if self.progress is not None:
            self.progress(
                ProgressEvent(
                    Phase.IMPROVED,
                    time.monotonic() - self.started,
                    same_org_pairs=evaluation.same_org_pairs,
                    repeat_pairs=evaluation.repeat_pairs,
                    new_pairs=evaluation.distinct_new_pairs,
                    new_pairs_bound=evaluation.new_pairs_bound,
                    method=method,
                )
            )

    def reporter(self, method: str) -> Callable[[Schedule], None]:
        return lambda schedule: self.offer(schedule, method)

    @property
    def perfect(self) -> bool:
        """Nothing in the lexicographic objective can improve: perfect and free of history repeats
        (`proven_best`), or at the re-meeting floor (`at_floor`)."""
        return self.evaluation is not None and (proven_best(self.problem, self.evaluation) or self.at_floor())

    def at_floor(self) -> bool:
        """After sessions whose pairs all weigh the same: no repeat, no avoidable colleague pair, no
        wish missed and as few history repeats as the floor on re-meetings of such plans allows
        (`history.bound`), so no plan has fewer repeats, nor then less history weight. Only on small
        sessions, where the floor takes milliseconds and tight networks reach it."""
        e, problem = self.evaluation, self.problem
        if (
            e is None
            or problem.people > EXACT_MAX_PEOPLE
            or len(set(problem.past_encounters.values())) != 1
            or (e.keep_apart_violations, e.should_meet_missed, e.repeat_pairs) != (0, 0, 0)
            or e.same_org_pairs != e.forced_same_org
        ):
            return False
        if self.floor is None:
            self.floor = reunions.forced_reunions(problem, self.schedule)
        return e.history_repeats <= self.floor


def nearby_design(problem: Problem, seed: int) -> tuple[str, Schedule] | None:
    """A design's plan for the plain version of `problem` (everyone present, no wish, no history),
    on as many of its rounds as a design covers, fitted to `problem` (`fit_schedule`): a starting
    plan for the tabu search that is already right on most pairs.

    With a history, the design's rounds met least before are taken, among all it has: a session
    planned from the same design with the same people then gets the rounds the last one did not use;
    and its people are exchanged across the rounds (`relabelled`) so that the pairs met before meet
    again as little as the design allows.
    """
    plain = Problem(problem.organisation_of, problem.rounds, problem.table_size)
    most = problem.rounds - (1 if is_plain(problem) else 0)
    if problem.past_encounters:
        most = max(most, (problem.people - 1) // (problem.table_size - 1))
    for rounds in range(most, 1, -1):
        found = construct(replace(plain, rounds=rounds))
        if found is not None:
            if not problem.past_encounters:
                return f"{found[0]}, fitted", fit_schedule(problem, found[1], seed)
            dodging = relabelled(problem, least_met_rounds(problem, found[1]), seed=seed)
            return f"{found[0]}, relabelled", fit_schedule(problem, dodging, seed)
    return None


def least_met_rounds(problem: Problem, schedule: Schedule) -> Schedule:
    """The `problem.rounds` rounds of `schedule` (or all, if fewer) whose pairs weigh least in the
    history, in their order."""

    def weight(tables: tuple[tuple[int, ...], ...]) -> float:
        return sum(problem.past_encounters.get(pair(a, b), 0.0) for table in tables for a, b in combinations(table, 2))

    kept = sorted(sorted(range(len(schedule)), key=lambda r: weight(schedule[r]))[: problem.rounds])
    return tuple(schedule[r] for r in kept)


@dataclass(frozen=True)
class Shares:
    """How the time limit is spent: shares of it for the tabu searches, the full model after them and
    the neighbourhoods."""

    search: float
    model: float
    neighbourhoods: float


def shares(problem: Problem, exact: bool, time_limit: float) -> Shares:
    """After earlier sessions the neighbourhoods never paid (not one improvement at 10, 60 or 300 s),
    so their time goes to the search, as it does when their share of `time_limit` holds not one of
    them."""
    with_neighbourhoods = planned_shares(exact, problem.people <= LNS_MAX_PEOPLE and not problem.past_encounters)
    if neighbourhood_count(problem, with_neighbourhoods.neighbourhoods * time_limit):
        return with_neighbourhoods
    return planned_shares(exact, neighbourhoods=False)


def planned_shares(exact: bool, neighbourhoods: bool) -> Shares:
    if exact:
        search = SEARCH_SHARE if neighbourhoods else 1 - MODEL_SHARE
        return Shares(search, MODEL_SHARE, 1 - search - MODEL_SHARE)
    return Shares(SEARCH_SHARE, 0.0, 1 - SEARCH_SHARE) if neighbourhoods else Shares(1.0, 0.0, 0.0)


def neighbourhood_count(problem: Problem, seconds: float) -> int:
    """How many neighbourhoods of the large neighbourhood search fit in `seconds`."""
    return int(seconds / (LNS_SECONDS_PER_SEAT * problem.people * problem.rounds))


def starting_plans(
    problem: Problem, best: "Incumbent", *, seed: int, time_limit: float, deadline: float, stop: Stop
) -> None:
    """Offer `best` the constructive plans: a design that fits (when perfect, nothing else is needed),
    else dealt, by freedom, and a design for the plain version fitted (relabelled after earlier
    sessions); and on small sessions still short of perfect, a perfect plan fixed by a cyclic shift
    (of the plain version, relabelled, after earlier sessions when no design fits; not after a `stop`)."""
    designed = construct(problem)
    if designed is not None:
        best.offer(designed[1], f"construction:{designed[0]}")
    if not best.perfect:
        best.offer(greedy_schedule(problem, seed), "greedy")
        if problem.people <= FREEDOM_MAX_PEOPLE:
            best.offer(freedom_schedule(problem, seed), "freedom")
        if designed is None and problem.people <= LNS_MAX_PEOPLE:
            designed = nearby_design(problem, seed)
            if designed is not None:
                best.offer(designed[1], f"construction:{designed[0]}")
    history_only = bool(problem.past_encounters) and is_plain(replace(problem, past_encounters={}))
    base = replace(problem, past_encounters={}) if history_only and designed is None else problem
    if (
        not best.perfect
        and not stop.requested
        and problem.people <= ORBIT_MAX_PEOPLE
        and time_limit >= ORBIT_MIN_TIME_LIMIT
    ):
        symmetric = orbit_schedule(base, seed=seed, deterministic_time=ORBIT_SHARE * time_limit, deadline=deadline)
        if symmetric is not None and base is problem:
            best.offer(symmetric[1], f"orbits:Z{symmetric[0]}")
        elif symmetric is not None:
            best.offer(relabelled(problem, symmetric[1], seed=seed), f"orbits:Z{symmetric[0]}, relabelled")


def searches(
    problem: Problem,
    start: Schedule,
    best: "Incumbent",
    *,
    seed: int,
    work_budget: int,
    deadline: float,
    parallel: int,
    stop: Stop,
) -> None:
    """Tabu searches from `start`: one here, reporting its progress, and `parallel` more at once in
    other processes with the next seeds (their budget less what starting a process costs); each
    plan is offered to `best` in seed order, so the choice is the same whatever finishes first.
    On a stop the others are not waited for: the best plan so far is this search's."""
    others = [
        Beside(
            tabu_search,
            problem,
            start,
            seed=seed + k,
            work_budget=max(0, work_budget - PROCESS_START_WORK),
            deadline=deadline,
        )
        for k in range(1, parallel + 1)
    ]
    try:
        outcome = tabu_search(
            problem,
            start,
            seed=seed,
            work_budget=work_budget,
            deadline=deadline,
            on_improvement=best.reporter("local-search"),
            stop=stop,
        )
        best.offer(outcome.schedule, "local-search")
        for other in others:
            if best.perfect or stop.requested:  # nothing to gain, or no time: the others are not waited for
                break
            best.offer(other.result().schedule, "local-search")
    finally:
        for other in others:
            other.stop()


def solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    seed: int = 0,
    workers: int = 2,
    progress: Progress | None = None,
    hint: Schedule | None = None,
    stop: Stop | None = None,
) -> SolveResult:
    """The best schedule the portfolio finds for `problem` within `time_limit` seconds; when `stop` is
    requested, the best found so far at once (INTERRUPTED unless it is proven best)."""
    stop = stop or Stop()
    started = time.monotonic()
    deadline = safety_cap(started, time_limit)
    best = Incumbent(problem, started, progress)
    starting_plans(problem, best, seed=seed, time_limit=time_limit, deadline=deadline, stop=stop)
    start = best.start
    if hint is not None and not schedule_errors(problem, hint):
        best.offer(hint, "hint")
        start = hint
    optimal, bound = best.perfect, None
    exact = problem.people <= EXACT_MAX_PEOPLE and not optimal
    share = shares(problem, exact, time_limit)
    parallel = workers - 1 if time_limit >= PARALLEL_MIN_TIME_LIMIT else 0
    model: ModelOutcome | None = None
    if not optimal:
        searches(
            problem,
            start,
            best,
            seed=seed,
            work_budget=int(SWAPS_PER_SECOND * time_limit * share.search),
            deadline=deadline,
            parallel=parallel,
            stop=stop,
        )
        optimal = best.perfect
    if exact and not optimal and not stop.requested:
        model = solve_model(
            problem,
            hint=best.schedule,
            deterministic_time=share.model * time_limit / MODEL_SECONDS_PER_UNIT,
            time_limit=deadline - time.monotonic(),
            workers=workers,
            seed=seed,
            stop=stop,
        )
    if model is not None:
        if model.schedule is not None:
            best.offer(model.schedule, "cp-sat")
        optimal = optimal or model.optimal or best.perfect
        bound = model.new_pairs_bound
    steps = neighbourhood_count(problem, share.neighbourhoods * time_limit)
    if steps and not optimal and not stop.requested:
        searched = large_neighbourhood_search(
            problem,
            best.schedule,
            seed=seed,
            deterministic_budget=steps * STEP_DETERMINISTIC_TIME,
            deadline=deadline,
            workers=workers,
            on_improvement=best.reporter("lns"),
            stop=stop,
        )
        best.offer(searched.schedule, "lns")
        optimal = best.perfect
    assert best.evaluation is not None
    arithmetic = best.evaluation.new_pairs_bound
    proven = arithmetic if bound is None else min(arithmetic, bound)
    return SolveResult(
        schedule=best.schedule,
        evaluation=best.evaluation,
        status=status_of(optimal, interrupted=stop.requested),
        proven_bound=max(best.evaluation.distinct_new_pairs, proven),
        method=best.method,
        seconds=time.monotonic() - started,
    )
