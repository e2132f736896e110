"""Tabu search over whole schedules: the workhorse for plan quality.

In the manner of Dotú & Van Hentenryck's tabu search for the Social Golfer Problem: the move swaps
two people sitting at different tables of the same round; only swaps involving someone *in
conflict* (a colleague, a repeat, a history pair, a kept-apart pair at their table, or an unmet
should-meet pair) are considered; the best non-tabu swap is taken even when it worsens the plan;
a swapped person may not move again in that round for a random tenure, unless the swap beats the
best plan found (aspiration); after a long stall the search restarts from the best plan with a
random perturbation.

After earlier sessions the search first prices a repeat within the session near a history repeat
(both waste one seat pair), then restores the exact priorities (`tabu_search`).

Every swap is priced incrementally from the `Tally`: each iteration prices every swap of
every conflicted (round, person) seat, in all rounds at once, with a handful of vectorised look-ups
(the per-call overhead of numpy, not arithmetic, is what costs on small sessions), never a
re-evaluation of the schedule.

Work is measured in priced swaps plus a fixed amount per iteration for its bookkeeping, a
deterministic unit: the same seed and budget give the same plan on any machine. The wall-clock
deadline is only a safety cap (if it cuts the search short, the result depends on the machine).
"""

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from speeddating.evaluation import new_pairs_bound
from speeddating.problem import Problem, Schedule
from speeddating.solver.budget import SWAPS_PER_SECOND
from speeddating.solver.costs import (
    Matrix,
    PairCosts,
    Tally,
    lexicographic_weights,
    pair_costs,
    swap_reach,
    trading_weights,
)
from speeddating.status import Stop

Indices = npt.NDArray[np.intp]

CONFLICTED = 256
"""At most this many conflicted (round, person) seats are priced per iteration (sampled)."""

TRADING_PHASES = ((1.5, 0.5), (3.0, 0.25))
"""After earlier sessions, the phases before the exact one: (price of a repeat within the session, in
history repeats of the heaviest weight; share of the budget). A middle price clears most repeats
while history repeats can still move (33 people after a session: 182 and 185 new pairs for seeds 0
and 1, against 178 and 185 going from 1.5 straight to the exact prices, and 167 without trading)."""

ITERATION_WORK = 1500
"""Bookkeeping of one iteration, in priced swaps (what it costs in time on small sessions)."""

STALL_BASE = 200
STALL_PER_PERSON = 20
"""Iterations without a new best before restarting from the best plan, perturbed."""

REPORT_EVERY = SWAPS_PER_SECOND // 2
"""Work between two improvement reports (about half a second): counted, so the plans reported, which
the portfolio may keep, are the same on any machine."""


def tenure(problem: Problem) -> tuple[int, int]:
    """Fewest and most iterations a swapped person stays put. After earlier sessions shorter: the
    pairs met before leave few good seats, and a long tenure locks people out of them (33 people of
    6 organisations, session 2, seeds 0-11: 183.0 new pairs on average against 181.3 with the
    first-session tenure, better on 9 seeds of 12)."""
    if problem.past_encounters:
        return 2, 5 + problem.people // 10
    return 4, 10 + problem.people // 10


@dataclass(frozen=True)
class SearchOutcome:
    schedule: Schedule
    cost: float
    work: int
    """Swaps priced."""
    iterations: int


def floor_cost(problem: Problem, costs: PairCosts, bound: int) -> float:
    """The cost of a plan `proven_best` would accept: unavoidable colleague pairs, every new pair the
    bound allows and, without pairs met before, the seat pairs left over as repeats. No plan costs
    less, so the search stops there."""
    forced = problem.forced_same_org_total()
    slots = sum(s * (s - 1) // 2 for r in range(problem.rounds) for s in problem.table_sizes(r))
    leftover = 0 if problem.past_encounters or problem.session_encounters else max(0, slots - forced - bound)
    w = costs.weights
    return w.same_org * forced + w.repeat * leftover - w.new_pair * bound


class Seating:
    """A schedule being improved: who sits where, the meeting tally and the total cost.

    `members[r, t]` lists the people of table t in round r, padded with the dummy seat (index
    `people`, whose meetings cost nothing); an extra all-dummy table at index `tables` is where
    absent people "sit", so every (round, person) has a row to look up and no case needs a branch.
    """

    def __init__(self, problem: Problem, costs: PairCosts, schedule: Schedule) -> None:
        self.people = problem.people
        self.tally = Tally(costs)
        self.cost = costs.baseline
        self.tables = [len(t) for t in schedule]
        tables = max(self.tables)
        width = max((len(t) for ts in schedule for t in ts), default=1)
        self.members = np.full((len(schedule), tables + 1, width), self.people, dtype=np.intp)
        self.where = np.full((len(schedule), self.people + 1), tables, dtype=np.intp)
        for rnd, round_tables in enumerate(schedule):
            for t, table in enumerate(round_tables):
                self.members[rnd, t, : len(table)] = table
                self.where[rnd, list(table)] = t
                for i, person in enumerate(table):
                    for other in table[:i]:
                        self.cost += self.tally.add_pair(person, other)
                        self.tally.change(person, other, +1)

    def mates(self, rnd: int, table: int, leaving: int) -> list[int]:
        return [int(p) for p in self.members[rnd, table] if p != leaving and p != self.people]

    def swap(self, rnd: int, a: int, b: int) -> None:
        """Exchange the seats of a and b in round `rnd` (they sit at different tables)."""
        ta, tb = int(self.where[rnd, a]), int(self.where[rnd, b])
        for person, leaving, joining in (
            (a, self.mates(rnd, ta, a), self.mates(rnd, tb, b)),
            (b, self.mates(rnd, tb, b), self.mates(rnd, ta, a)),
        ):
            self.cost -= sum(self.tally.remove_pair(person, other) for other in leaving)
            self.tally.seat(leaving, person, -1)
            self.cost += sum(self.tally.add_pair(person, other) for other in joining)
            self.tally.seat(joining, person, +1)
        row_a, row_b = self.members[rnd, ta], self.members[rnd, tb]
        row_a[row_a == a] = b
        row_b[row_b == b] = a
        self.where[rnd, a], self.where[rnd, b] = tb, ta

    def swap_deltas(self, rounds: Indices, people: Indices, own: Matrix) -> tuple[Matrix, Indices, Indices]:
        """What swapping people[k] with each person of the same round would change in cost (row k,
        column = the other person; meaningless for the same table), with each row's seating
        (`where[rounds]`) and table; `own` as `own_costs` gives it."""
        rows = np.arange(len(rounds))
        seat = self.where[rounds]
        tables_of = seat[rows, people]
        mates = self.members[rounds, tables_of]
        add = self.tally.add_rows(np.concatenate((people, mates.ravel())))
        own_rows = add[: len(people)]
        join_by_table = own_rows[rows[:, None, None], self.members[rounds]].sum(axis=2)
        joining_a = np.take_along_axis(join_by_table, seat, axis=1)
        joining_b = add[len(people) :].reshape(*mates.shape, -1).sum(axis=1)
        delta = joining_a + joining_b - 2 * own_rows - own[rounds, people][:, None] - own[rounds]
        return delta, seat, tables_of

    def own_costs(self) -> tuple[Matrix, npt.NDArray[np.bool_]]:
        """Per (round, person): what their table-mates cost them, and whether any of it is a conflict
        (a meeting whose removal saves something: colleague, repeat, history, kept apart)."""
        everyone = np.arange(self.people + 1)[None, :, None]
        mates = self.members[np.arange(len(self.members))[:, None], self.where]
        removal = self.tally.remove_of(everyone, mates)
        return removal.sum(axis=2), np.asarray((removal > 0).any(axis=2))

    def schedule(self) -> Schedule:
        return tuple(
            tuple(tuple(int(p) for p in row if p != self.people) for row in tables[:count])
            for tables, count in zip(self.members, self.tables, strict=True)
        )


@dataclass(frozen=True)
class Move:
    delta: float
    rnd: int
    a: int
    b: int


@dataclass(frozen=True)
class FirstSession:
    """The first `rounds` rounds of a long schedule priced again as a session of their own (`costs`), at
    `scale` times their price: a long search where that session's own quality comes first."""

    rounds: int
    costs: PairCosts
    scale: float
    floor: float
    """The session's `floor_cost`: no seating of its rounds costs less."""


def first_session(session: Problem, long: Problem, start: Schedule) -> FirstSession:
    """`session`'s rounds as the first of `long`'s (`start` seats them), priced so that one unit of the
    least of `session`'s levels (a new pair) outweighs everything one swap can change in `long`'s cost."""
    w = lexicographic_weights(long)
    heaviest = max(long.past_encounters.values(), default=1.0)
    dearest = w.keep_apart + w.same_org + w.repeat + heaviest * w.history + w.should_meet + w.new_pair
    costs = pair_costs(session)
    floor = floor_cost(session, costs, new_pairs_bound(session, start[: session.rounds]))
    return FirstSession(session.rounds, costs, swap_reach(long) * dearest + 1, floor)


class TabuSearch:
    """One run of the search; `run` returns the best schedule met. With a `first` session its rounds'
    own cost, scaled, is added to the schedule's (`FirstSession`)."""

    def __init__(
        self,
        problem: Problem,
        start: Schedule,
        seed: int,
        costs: PairCosts | None = None,
        first: FirstSession | None = None,
    ) -> None:
        self.problem = problem
        self.costs = pair_costs(problem) if costs is None else costs
        self.rng = random.Random(seed)
        self.first = first
        self.seat(start)
        self.movable = np.zeros((problem.rounds, problem.people + 1), dtype=np.bool_)
        for r in range(problem.rounds):
            self.movable[r, [p for p in problem.present(r) if (p, r) not in problem.fixed_tables]] = True
        self.tabu_until = np.zeros((problem.rounds, problem.people + 1), dtype=np.int64)
        self.should_meet = sorted((a, b) for a, b in problem.should_meet if (a, b) not in problem.session_encounters)
        self.target = floor_cost(problem, self.costs, new_pairs_bound(problem, start))
        if first is not None:
            self.target += first.scale * first.floor
        self.shortest_tenure, self.longest_tenure = tenure(problem)
        self.stall = STALL_BASE + STALL_PER_PERSON * problem.people

    def seat(self, schedule: Schedule) -> None:
        """Start from `schedule`."""
        self.seating = Seating(self.problem, self.costs, schedule)
        if self.first is not None:
            self.first_seating = Seating(self.problem, self.first.costs, schedule[: self.first.rounds])

    @property
    def cost(self) -> float:
        """What the search minimises: the schedule's cost, plus the first session's scaled."""
        if self.first is None:
            return self.seating.cost
        return self.seating.cost + self.first.scale * self.first_seating.cost

    def swap(self, rnd: int, a: int, b: int) -> None:
        """Exchange the seats of a and b in round `rnd`, in the first session's seating too."""
        self.seating.swap(rnd, a, b)
        if self.first is not None and rnd < self.first.rounds:
            self.first_seating.swap(rnd, a, b)

    def conflicted(self, in_conflict: npt.NDArray[np.bool_]) -> tuple[Indices, Indices]:
        """(round, person) seats in conflict, or wanting to meet someone they don't, sampled down."""
        in_conflict = in_conflict & self.movable
        for a, b in self.should_meet:
            if not self.seating.tally.meetings(a, b):
                in_conflict[:, [a, b]] |= self.movable[:, [a, b]]
        rounds, people = np.nonzero(in_conflict)
        if len(rounds) > CONFLICTED:
            keep = np.sort(np.array(self.rng.sample(range(len(rounds)), CONFLICTED), dtype=np.intp))
            rounds, people = rounds[keep], people[keep]
        return rounds, people

    def best_swap(self, iteration: int, best_cost: float) -> tuple[Move | None, int]:
        """Cheapest allowed swap of a conflicted person with anyone at another table of the same
        round, over all rounds at once, and the number of swaps priced."""
        seating = self.seating
        own, in_conflict = seating.own_costs()
        rounds, people = self.conflicted(in_conflict)
        if len(rounds) == 0:
            return None, 0
        delta, seat, tables_of = seating.swap_deltas(rounds, people, own)
        if self.first is not None and (inside := rounds < self.first.rounds).any():
            first_own, _ = self.first_seating.own_costs()
            first_delta, _, _ = self.first_seating.swap_deltas(rounds[inside], people[inside], first_own)
            delta[inside] += self.first.scale * first_delta
        tabu = (self.tabu_until[rounds, people] > iteration)[:, None] | (self.tabu_until[rounds] > iteration)
        allowed = self.movable[rounds] & (seat != tables_of[:, None]) & (~tabu | (self.cost + delta < best_cost - 1e-9))
        priced = int(allowed.size)
        if not allowed.any():
            return None, priced
        delta = np.where(allowed, delta, np.inf)
        cheapest = float(delta.min())
        rows, cols = np.nonzero(delta <= cheapest + 1e-9)
        pick = self.rng.randrange(len(rows))
        return Move(cheapest, int(rounds[rows[pick]]), int(people[rows[pick]]), int(cols[pick])), priced

    def perturb(self) -> None:
        """A few random swaps, to leave a region the tabu list alone cannot escape."""
        rounds = [r for r in range(self.problem.rounds) if self.movable[r].sum() >= 2]
        for _ in range(max(2, self.problem.people // 6)):
            if not rounds:
                return
            rnd = self.rng.choice(rounds)
            a, b = self.rng.sample(np.flatnonzero(self.movable[rnd]).tolist(), 2)
            if self.seating.where[rnd, a] != self.seating.where[rnd, b]:
                self.swap(rnd, a, b)

    def run(
        self,
        work_budget: int,
        deadline: float,
        on_improvement: Callable[[Schedule], None] | None = None,
        stop: Stop | None = None,
    ) -> SearchOutcome:
        best, best_cost = self.seating.schedule(), self.cost
        work = iteration = last_gain = reported = 0
        while (
            work < work_budget
            and best_cost > self.target + 1e-6
            and time.monotonic() < deadline
            and not (stop is not None and stop.requested)
        ):
            iteration += 1
            move, priced = self.best_swap(iteration, best_cost)
            work += priced + ITERATION_WORK
            if move is None:
                break
            self.swap(move.rnd, move.a, move.b)
            held = self.rng.randint(self.shortest_tenure, self.longest_tenure)
            self.tabu_until[move.rnd, [move.a, move.b]] = iteration + held
            if self.cost < best_cost - 1e-9:
                best, best_cost, last_gain = self.seating.schedule(), self.cost, iteration
                if on_improvement is not None and work - reported >= REPORT_EVERY:
                    on_improvement(best)
                    reported = work
            elif iteration - last_gain > self.stall:
                self.seat(best)
                self.perturb()
                self.tabu_until[:] = 0
                last_gain = iteration
        return SearchOutcome(best, best_cost, work, iteration)


def tabu_search(
    problem: Problem,
    start: Schedule,
    *,
    seed: int = 0,
    work_budget: int = 10_000_000,
    deadline: float = float("inf"),
    on_improvement: Callable[[Schedule], None] | None = None,
    stop: Stop | None = None,
) -> SearchOutcome:
    """Improve `start` by tabu search until the budget of priced swaps (or the deadline) runs out, the
    plan reaches the arithmetic optimum or `stop` is requested; fixed seats and absences are never touched.

    After earlier sessions the search runs in phases (`TRADING_PHASES`): first with repeats within
    the session priced near history repeats (`trading_weights`), so that it may trade one kind for
    the other, then dearer, then at the exact prices, each phase from the best plan of the one before."""
    if not problem.past_encounters:
        return TabuSearch(problem, start, seed).run(work_budget, deadline, on_improvement, stop)
    schedule, work, iterations = start, 0, 0
    for factor, share in TRADING_PHASES:
        costs = pair_costs(problem, trading_weights(problem, factor))
        traded = TabuSearch(problem, schedule, seed, costs).run(
            int(share * work_budget), deadline, on_improvement, stop
        )
        schedule, work, iterations = traded.schedule, work + traded.work, iterations + traded.iterations
    exact = TabuSearch(problem, schedule, seed).run(work_budget - work, deadline, on_improvement, stop)
    return replace(exact, work=work + exact.work, iterations=iterations + exact.iterations)


def session_first_search(
    session: Problem,
    long: Problem,
    start: Schedule,
    *,
    seed: int = 0,
    work_budget: int = 10_000_000,
    deadline: float = float("inf"),
    stop: Stop | None = None,
) -> SearchOutcome:
    """Improve `start`, a schedule of `long` whose first rounds are `session`'s, by tabu search at
    `long`'s exact prices with those rounds' own quality as a session first (`first_session`): a series
    searched whole, session 1 free to become another session as good as itself that suits the later ones;
    a `stop` ends it with the best found so far."""
    first = first_session(session, long, start)
    return TabuSearch(long, start, seed, first=first).run(work_budget, deadline, stop=stop)


TIE = 1e-6
"""Cost changes smaller than this are none (costs are sums of integer-like weights)."""


def steepest_descent(
    problem: Problem,
    start: Schedule,
    preferred: Sequence[Sequence[set[int]]],
    *,
    work_budget: int,
    deadline: float = float("inf"),
) -> Schedule:
    """`start` after improving swaps of two people in one round, each the best of its round: lower
    cost first, then, at equal cost, more people at a table of their `preferred[round]` set (per
    table index); stops when no swap improves or the budget of priced swaps is spent.

    Swaps are priced all at once per round from the meeting tally, so a step costs milliseconds
    even for hundreds of people; fixed seats and absences are never touched."""
    seating = Seating(problem, pair_costs(problem), start)
    tables = max(seating.tables) + 1
    wanted = np.zeros((problem.rounds, problem.people + 1, tables), dtype=np.int64)
    for rnd, sets in enumerate(preferred):
        for t, liked in enumerate(sets):
            wanted[rnd, list(liked), t] = 1
    movable = [
        np.array([p for p in problem.present(r) if (p, r) not in problem.fixed_tables], dtype=np.intp)
        for r in range(problem.rounds)
    ]
    work, improved = 0, True
    while improved and work < work_budget and time.monotonic() < deadline:
        improved = False
        for rnd, people in enumerate(movable):
            if len(people) < 2 or work >= work_budget or time.monotonic() >= deadline:
                continue
            own, _ = seating.own_costs()
            delta, seat, tables_of = seating.swap_deltas(np.full(len(people), rnd, dtype=np.intp), people, own)
            work += delta.size + ITERATION_WORK
            delta = delta[:, people]
            theirs = seat[0, people]
            mine = tables_of[:, None]
            closer = (
                wanted[rnd, people[:, None], theirs[None, :]]
                + wanted[rnd, people[None, :], mine]
                - wanted[rnd, people[:, None], mine]
                - wanted[rnd, people[None, :], theirs[None, :]]
            )
            better = (mine != theirs[None, :]) & ((delta < -TIE) | ((delta <= TIE) & (closer > 0)))
            if not better.any():
                continue
            key = np.where(better, np.where(delta < -TIE, delta, 0.0), np.inf)
            cheapest = key.min()
            rows, cols = np.nonzero(key <= cheapest + TIE)
            pick = int(np.argmax(closer[rows, cols]))
            seating.swap(rnd, int(people[rows[pick]]), int(people[cols[pick]]))
            improved = True
    return seating.schedule()
