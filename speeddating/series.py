"""Series planning: several sessions of the same rounds for the same people, planned at once.

People who come once should have had the best possible first session, and people who come to every
session should meet as many others as possible over the series. So series are compared
lexicographically (`series_rank`): session 1's quality as a single plan first, then the whole series
as one long session (its colleague pairs, repeats and so the distinct pairs met: a repeat within a
session and a pair of an earlier session met again waste one seat pair alike), then the later
sessions' own colleague pairs and repeats, then session 1's fairness, then sessions 2, 3... each with
the earlier ones as history.

Candidates, each built by the portfolio's `solve`, the best kept:

- *joint*: one plan of all the rounds, grouped afterwards: session 1 takes the best subset of its
  rounds (any rounds of a repeat-free plan are repeat-free), session 2 the best of the rest, and so on;
- *joint, session 1 searched again*: when that first subset falls short of the single plan, the whole
  joint plan is searched again, with half of the budget, with session 1's own quality as a session first
  (`session_first_search`): session 1 is repaired while the later rounds follow it, and it may become any
  session as good as the single plan that suits them;
- *one session after another*: each later session planned as `plan` with the history plans it, the
  earlier sessions' pairs counting as met before, so a repeat within the session costs more than meeting
  again someone from an earlier one (it wins where the sessions after the first can be planned one by one
  at their floor with no repeat of their own, as spro24's);
- *later sessions together*: the best series so far keeps its session 1 (as good as the single plan:
  every candidate above but the joint plan's own grouping has one), and its later sessions are planned
  again together as the rounds that follow it, where meeting a pair of session 1 again costs what any
  repeat costs, and then grouped again (the last two sessions share their rounds so as to hold the fewest
  repeats): once after the session-first search, else several times, each search from the plan of the one
  before (equal plans differ) with the next seed.

Session 1 always gets the single plan's own search (the same time limit and seed), so the series'
first session is never worse than what `solve` gives for one session.
"""

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations, product
from math import comb

from speeddating.evaluation import Evaluation, Rank, encounters, evaluate
from speeddating.problem import Pair, Problem, Schedule
from speeddating.solver import SolveResult, solve
from speeddating.solver.budget import SWAPS_PER_SECOND, safety_cap
from speeddating.solver.costs import proven_best
from speeddating.solver.local_search import session_first_search
from speeddating.solver.parallel import Beside
from speeddating.status import Phase, Progress, ProgressEvent, Stop, status_of

Round = tuple[tuple[int, ...], ...]
SeriesRank = tuple[tuple[float, ...], ...]


@dataclass(frozen=True)
class SeriesPlan:
    """The sessions of a series with their figures."""

    sessions: tuple[SolveResult, ...]
    """Each session's schedule measured alone, the earlier sessions of the series counting as history;
    session 1 carries the single plan's proof when it is as good."""
    met_after: tuple[int, ...]
    """Distinct cross-organisation pairs met in the series after each session."""
    possible: int
    """Cross-organisation pairs among the people: what a series could meet at most."""
    method: str
    """The candidate the series comes from ('joint', 'joint, session 1 searched again', 'one session after
    another', 'later sessions together')."""
    seconds: float


def tiled(problem: Problem, sessions: int) -> Problem:
    """`problem`'s rounds repeated `sessions` times as one long session (absences and fixed seats
    repeated with their rounds)."""
    rounds = problem.rounds
    return replace(
        problem,
        rounds=rounds * sessions,
        absences=frozenset((p, r + k * rounds) for p, r in problem.absences for k in range(sessions)),
        fixed_tables={(p, r + k * rounds): t for (p, r), t in problem.fixed_tables.items() for k in range(sessions)},
    )


def interchangeable(problem: Problem) -> bool:
    """Every round seats the same people with the same fixed seats, so rounds may change places."""

    def fixed(rnd: int) -> dict[int, int]:
        return {p: t for (p, r), t in problem.fixed_tables.items() if r == rnd}

    return all(problem.present(r) == problem.present(0) and fixed(r) == fixed(0) for r in range(problem.rounds))


def after(problem: Problem, earlier: Sequence[Round]) -> Problem:
    """`problem` for rounds that follow the `earlier` rounds in one long session."""
    met = encounters(tuple(earlier))
    held = {p: problem.session_encounters.get(p, 0) + met.get(p, 0) for p in {*met, *problem.session_encounters}}
    return replace(problem, session_encounters=held)


def following(problem: Problem, earlier: Sequence[Schedule]) -> Problem:
    """`problem` for a session after the `earlier` sessions: their pairs count as met before."""
    past = dict(problem.past_encounters)
    for schedule in earlier:
        past.update(dict.fromkeys(encounters(schedule), 1.0))
    return replace(problem, past_encounters=past)


EXHAUSTIVE_SUBSETS = 5000
"""Up to this many subsets of rounds, `pick_rounds` tries them all; beyond, it searches."""


class RoundPool:
    """Rounds to choose from, each ranked as a session for `problem` the way `Evaluation.rank()` ranks a
    schedule, from pair lists counted once per round (thousands of subsets are ranked per choice)."""

    def __init__(self, problem: Problem, rounds: Sequence[Round]) -> None:
        self.problem = problem
        self.rounds = list(rounds)
        met = [encounters((r,)) for r in self.rounds]
        self.cross = [[p for p in m if not problem.same_org(*p)] for m in met]
        self.same_org = [sum(1 for p in m if problem.same_org(*p)) for m in met]
        self.apart = [[p for p in m if p in problem.keep_apart] for m in met]
        self.seated = [{person for table in r for person in table} for r in self.rounds]

    def rank(self, chosen: Sequence[int]) -> Rank:
        problem = self.problem
        count: Counter[Pair] = Counter()
        for i in chosen:
            count.update(self.cross[i])
        old = {**problem.past_encounters, **problem.session_encounters}
        new_met: Counter[int] = Counter()
        for a, b in count:
            if (a, b) not in old:
                new_met[a] += 1
                new_met[b] += 1
        seated = set().union(*(self.seated[i] for i in chosen))
        per_person = [new_met[p] for p in seated] or [0]
        return Rank(
            keep_apart_violations=len({p for i in chosen for p in self.apart[i]}),
            same_org_pairs=sum(self.same_org[i] for i in chosen),
            repeat_pairs=sum(c - 1 + (1 if problem.session_encounters.get(p, 0) else 0) for p, c in count.items()),
            history_weight=sum(problem.past_encounters.get(p, 0) for p in count),
            should_meet_missed=sum(
                1 for p in problem.should_meet if p not in problem.session_encounters and p not in count
            ),
            negative_new_pairs=-(sum(new_met.values()) // 2),
            spread=max(per_person) - min(per_person),
        )


def pick_rounds(problem: Problem, pool: Sequence[Round], count: int) -> list[int]:
    """Indices of `count` rounds of `pool` making the best session for `problem` by `Evaluation.rank()`:
    every subset when there are few, else the best of greedy choices started from each round, each improved
    by exchanging a chosen round for another while that helps. Ties go to the earlier rounds."""
    ranked = RoundPool(problem, pool)
    if comb(len(pool), count) <= EXHAUSTIVE_SUBSETS:
        subsets = (list(subset) for subset in combinations(range(len(pool)), count))
        return min(subsets, key=ranked.rank)
    return min((exchanged(ranked, greedy_from(ranked, start, count)) for start in range(len(pool))), key=ranked.rank)


def greedy_from(ranked: RoundPool, start: int, count: int) -> list[int]:
    """`start`, then each time the round that ranks best with those chosen."""
    chosen = [start]
    while len(chosen) < count:
        chosen.append(
            min((i for i in range(len(ranked.rounds)) if i not in chosen), key=lambda i: ranked.rank([*chosen, i]))
        )
    return sorted(chosen)


def exchanged(ranked: RoundPool, chosen: list[int]) -> list[int]:
    """`chosen` improved by exchanging one of its rounds for another round, while an exchange helps."""
    best = ranked.rank(chosen)
    improved = True
    while improved:
        improved = False
        for place, other in product(range(len(chosen)), range(len(ranked.rounds))):
            if other in chosen:
                continue
            trial = sorted([*chosen[:place], other, *chosen[place + 1 :]])
            if (trial_rank := ranked.rank(trial)) < best:
                chosen, best, improved = trial, trial_rank, True
                break
    return chosen


def grouped(problem: Problem, pool: Sequence[Round], sessions: int, fixed: Sequence[Schedule] = ()) -> list[Schedule]:
    """The `fixed` sessions, then `pool`'s rounds grouped into sessions: each takes the best rounds left
    after the sessions before it (`pick_rounds`), and the last two share theirs so that neither has
    people meeting twice that the other could have spared (`split_in_two`)."""
    left = list(pool)
    schedules = list(fixed)
    while len(schedules) < sessions - 1:
        if len(schedules) == sessions - 2 and len(schedules) > 0:
            picked = split_in_two(problem, schedules, left)
        else:
            picked = pick_rounds(following(problem, schedules), left, problem.rounds)
        schedules.append(tuple(left[i] for i in picked))
        left = [r for i, r in enumerate(left) if i not in picked]
    return [*schedules, tuple(left)]


def split_in_two(problem: Problem, earlier: Sequence[Schedule], pool: Sequence[Round]) -> list[int]:
    """Indices of the rounds of `pool` for the next session, the others being the last: the fewest
    kept-apart pairs, colleague pairs and repeats within the two sessions together, then the best next
    session after the `earlier` ones. With too many ways to split, the best next session (`pick_rounds`)."""
    count = problem.rounds
    if comb(len(pool), count) > EXHAUSTIVE_SUBSETS:
        return pick_rounds(following(problem, earlier), pool, count)
    alone = RoundPool(problem, pool)
    next_one = RoundPool(following(problem, earlier), pool)

    def rank(chosen: list[int]) -> tuple[tuple[float, ...], Rank]:
        rest = [i for i in range(len(pool)) if i not in chosen]
        both = tuple(
            a + b for a, b in zip(alone.rank(chosen).conflicts[:3], alone.rank(rest).conflicts[:3], strict=True)
        )
        return both, next_one.rank(chosen)

    return min((list(subset) for subset in combinations(range(len(pool)), count)), key=rank)


def chunks(schedule: Schedule, rounds: int) -> list[Schedule]:
    """`schedule` cut into consecutive sessions of `rounds` rounds."""
    return [schedule[i : i + rounds] for i in range(0, len(schedule), rounds)]


def cross_pairs(problem: Problem) -> int:
    """Pairs of people from different organisations."""
    return sum(1 for a, b in combinations(range(problem.people), 2) if not problem.same_org(a, b))


def met_after(problem: Problem, sessions: Sequence[Schedule]) -> tuple[int, ...]:
    """Distinct cross-organisation pairs met after each session of the series."""
    met: set[Pair] = set()
    figures = []
    for schedule in sessions:
        met.update(p for p in encounters(schedule) if not problem.same_org(*p))
        figures.append(len(met))
    return tuple(figures)


def first_quality(problem: Problem, session: Schedule) -> tuple[float, ...]:
    """Session 1's rank as a single plan, fairness aside (the series' total comes before it)."""
    return evaluate(problem, session).rank().without_spread


def series_rank(problem: Problem, sessions: Sequence[Schedule]) -> SeriesRank:
    """Session 1 alone; the series as one long session (its colleague pairs, repeats and so pairs met);
    the later sessions' own kept-apart pairs, colleagues and repeats (meeting someone twice in one morning
    is worse than meeting again someone from an earlier session); session 1's fairness; then each later
    session after the earlier ones."""
    whole = evaluate(tiled(problem, len(sessions)), tuple(r for s in sessions for r in s)).rank()
    own = [evaluate(problem, s).rank() for s in sessions[1:]]
    return (
        first_quality(problem, sessions[0]),
        whole.without_spread,
        tuple(sum(r[level] for r in own) for level in range(3)),
        (evaluate(problem, sessions[0]).rank().spread, whole.spread),
        *(tuple(evaluate(following(problem, sessions[:k]), sessions[k]).rank()) for k in range(1, len(sessions))),
    )


@dataclass(frozen=True)
class SeriesProgress:
    """A series' progress as events naming their session, so that the organiser sees which session is being
    planned and its figures: session 1's own search as `solve` reports it, then, once the later sessions are
    searched, each later session's figures every time the best series improves. A series whose session 1
    falls short of the single plan is not reported: it cannot stay the best (`series_rank` puts session 1
    first), and its session 1 would contradict the figures already shown."""

    progress: Progress
    problem: Problem
    sessions: int
    started: float
    standard: tuple[float, ...] = ()
    """Session 1's quality in the single plan (`first_quality`), once its search is over."""

    def turn_to(self, session: int) -> None:
        self.progress(
            ProgressEvent(Phase.SESSION, time.monotonic() - self.started, session=session, sessions=self.sessions)
        )

    def first_session(self, event: ProgressEvent) -> None:
        """An event of session 1's own search (the single plan's), named as session 1 of the series."""
        self.progress(replace(event, session=1, sessions=self.sessions))

    def best_series(self, sessions: Sequence[Schedule], method: str) -> None:
        """The figures of the later sessions of the best series so far, each measured after the earlier ones."""
        if first_quality(self.problem, sessions[0]) > self.standard:
            return
        elapsed = time.monotonic() - self.started
        for number in range(1, len(sessions)):
            evaluation = evaluate(following(self.problem, sessions[:number]), sessions[number])
            self.progress(
                ProgressEvent(
                    Phase.IMPROVED,
                    elapsed,
                    same_org_pairs=evaluation.same_org_pairs,
                    repeat_pairs=evaluation.repeat_pairs,
                    new_pairs=evaluation.distinct_new_pairs,
                    new_pairs_bound=evaluation.new_pairs_bound,
                    method=method,
                    session=number + 1,
                    sessions=self.sessions,
                )
            )


@dataclass
class Search:
    """A series search under way: its budget, the best series so far and the candidate it came from."""

    problem: Problem
    sessions: int
    seed: int
    workers: int
    budget: float
    """Seconds for everything after session 1's own search."""
    seconds: float
    best: list[Schedule] = field(default_factory=list)
    method: str = ""
    stop: Stop | None = None
    """Once requested, each search hands back at once what it has (the best series so far is kept)."""
    progress: SeriesProgress | None = None

    def solve(self, problem: Problem, share: float, hint: Schedule | None = None, seed: int = 0) -> SolveResult:
        """`solve` with `share` of the budget and the series' seed moved on by `seed` (the workers of a
        search take the seeds after its own)."""
        found = solve(
            problem,
            time_limit=share * self.budget,
            seed=self.seed + seed,
            workers=self.workers,
            hint=hint,
            stop=self.stop,
        )
        self.seconds += found.seconds
        return found

    def session_first(self, series: Sequence[Schedule], share: float) -> list[Schedule]:
        """`series` searched again as one long schedule with session 1's own quality first
        (`session_first_search`), on every worker with the next seeds; the later rounds regrouped. The
        best by `series_rank`, ties to the lower seed, so the answer does not depend on which ends first.
        Stopped, the search here hands back what it has and the other workers are not waited for."""
        started = time.monotonic()
        long, start = tiled(self.problem, self.sessions), tuple(r for s in series for r in s)
        work = int(SWAPS_PER_SECOND * share * self.budget)
        deadline = safety_cap(started, share * self.budget)
        others = [
            Beside(
                session_first_search, self.problem, long, start, seed=self.seed + k, work_budget=work, deadline=deadline
            )
            for k in range(1, self.workers)
        ]
        try:
            found = [
                session_first_search(
                    self.problem, long, start, seed=self.seed, work_budget=work, deadline=deadline, stop=self.stop
                )
            ]
            if self.stop is None or not self.stop.requested:  # stopped, the other workers are not waited for
                found += [other.result() for other in others]
        finally:
            for other in others:
                other.stop()
        self.seconds += time.monotonic() - started
        rounds = self.problem.rounds
        candidates = [self.group(f.schedule[rounds:], fixed=[f.schedule[:rounds]]) for f in found]
        return min(candidates, key=lambda c: series_rank(self.problem, c))

    def offer(self, series: list[Schedule], method: str) -> bool:
        """Keep `series` if it ranks better than the best so far; say whether it did."""
        if self.best and series_rank(self.problem, series) >= series_rank(self.problem, self.best):
            return False
        self.best, self.method = series, method
        if self.progress is not None:
            self.progress.best_series(series, method)
        return True

    def group(self, pool: Schedule, fixed: Sequence[Schedule] = ()) -> list[Schedule]:
        """`pool`'s rounds as the sessions after `fixed`: grouped when rounds may move, else in order."""
        if interchangeable(self.problem):
            return grouped(self.problem, pool, self.sessions, fixed)
        return [*fixed, *chunks(pool, self.problem.rounds)]


JOINT_SHARE = 0.25
FIRST_SHARE = 0.5
SEQUENTIAL_SHARE = 0.1
LATER_SHARE = 0.15
LATER_STEPS = 4
"""Shares of the series' budget beyond session 1: the joint plan; searching it again with session 1 first
when its session 1 falls short of the single plan; the later sessions planned one after another; and the
later sessions planned together. One long session-first search from a short joint plan beats short repairs
of a long one (net45 and net48, seeds 0-4, 10 s: 4,247 and 4,900 pairs after 3 sessions against 4,243 and
4,897 with 0.35 for the joint plan, 0.1 for the session-first search and four searches of the later
sessions in 0.45; the joint plan cut in three: 4,246 and 4,894): after a perfect session 1 the later
sessions' search stalls on a plateau, while the session-first search, where session 1 moves too, keeps
climbing. When the joint plan's session 1 is already as good as the single plan, the session-first share
goes to the later sessions, searched in `LATER_STEPS` searches, each from the plan of the one before with
the next seed, which leave the plateau a single search stays on (agence52, seeds 0-2: 1,092, 1,097,
1,092 against 1,088 at seed 0 with one search, 1,091, 1,090, 1,092 with the session-first search instead)."""


def plan_series(
    problem: Problem,
    sessions: int,
    *,
    time_limit: float = 10.0,
    seed: int = 0,
    workers: int = 2,
    progress: Progress | None = None,
    stop: Stop | None = None,
) -> SeriesPlan:
    """The best series of `sessions` sessions of `problem` found with `time_limit` seconds per session
    (`progress` names the session each event is about: `SeriesProgress`; a single session reports as
    `solve` does). A session 1 proven optimal leaves its time to the later sessions. A `stop` ends each
    search still to run at once."""
    report = None
    if progress is not None and sessions > 1:
        report = SeriesProgress(progress, problem, sessions, time.monotonic())
        report.turn_to(1)
    first_progress = progress if report is None else report.first_session
    single = solve(problem, time_limit=time_limit, seed=seed, workers=workers, progress=first_progress, stop=stop)
    budget = time_limit * (sessions if single.optimal else sessions - 1)
    if report is not None:
        report = replace(report, standard=first_quality(problem, single.schedule))
        report.turn_to(2)
    search = Search(problem, sessions, seed, workers, budget, single.seconds, stop=stop, progress=report)
    if sessions == 1:
        search.offer([single.schedule], "single plan")
    else:
        plan_later_sessions(search, single)
    best = search.best
    return SeriesPlan(
        sessions=tuple(session_result(problem, best, k, single) for k in range(len(best))),
        met_after=met_after(problem, best),
        possible=cross_pairs(problem),
        method=search.method,
        seconds=search.seconds,
    )


def plan_later_sessions(search: Search, single: SolveResult) -> None:
    """The candidates after session 1's own search (see the module's description)."""
    problem, sessions = search.problem, search.sessions
    standard = first_quality(problem, single.schedule)
    later_share, steps = LATER_SHARE + FIRST_SHARE, LATER_STEPS
    if interchangeable(problem):
        joint = search.group(search.solve(tiled(problem, sessions), JOINT_SHARE).schedule)
        search.offer(joint, "joint")
        if first_quality(problem, joint[0]) > standard:
            later_share, steps = LATER_SHARE, 1
            search.offer(search.session_first(joint, FIRST_SHARE), "joint, session 1 searched again")
    else:
        later_share += JOINT_SHARE
    one_by_one = [single.schedule]
    for _ in range(1, sessions):
        one_by_one.append(search.solve(following(problem, one_by_one), SEQUENTIAL_SHARE / (sessions - 1)).schedule)
    search.offer(one_by_one, "one session after another")
    base = search.best
    rest = after(tiled(problem, sessions - 1), base[0])
    for step in range(steps):
        hint = tuple(r for s in base[1:] for r in s)
        later = search.solve(rest, later_share / steps, hint=hint, seed=step * search.workers)
        base = search.group(later.schedule, fixed=base[:1])
        search.offer(base, "later sessions together")


def session_result(problem: Problem, sessions: Sequence[Schedule], number: int, single: SolveResult) -> SolveResult:
    """Session `number` (0-based) of a series as a search result: measured after the earlier sessions,
    optimal when proven so (session 1: when as good as a proven single plan), with its bound."""
    schedule = sessions[number]
    if number == 0 and schedule == single.schedule:
        return single
    measured = following(problem, sessions[:number])
    evaluation: Evaluation = evaluate(measured, schedule)
    if number == 0:
        optimal = single.optimal and evaluation.rank().without_spread == single.evaluation.rank().without_spread
        bound = single.proven_bound
    else:
        optimal, bound = proven_best(measured, evaluation), evaluation.new_pairs_bound
    return replace(
        single,
        schedule=schedule,
        evaluation=evaluation,
        status=status_of(optimal),
        proven_bound=max(bound, evaluation.distinct_new_pairs),
        method="series",
        seconds=0.0,
    )
