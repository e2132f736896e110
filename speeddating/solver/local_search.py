"""Tabu search over whole schedules: the workhorse for plan quality.

In the manner of Dotú & Van Hentenryck's tabu search for the Social Golfer Problem: the move swaps
two people sitting at different tables of the same round; only swaps involving someone *in
conflict* (a colleague, a repeat, a history pair, a kept-apart pair at their table, or an unmet
should-meet pair) are considered; the best non-tabu swap is taken even when it worsens the plan;
a swapped person may not move again in that round for a random tenure, unless the swap beats the
best plan found (aspiration); after a long stall the search restarts from the best plan with a
random perturbation.

Every swap is priced incrementally from the `Tally` matrices: all candidate partners of a set of
conflicted people are priced at once with a few vectorised look-ups, O(people × table size) per
conflicted person, never a re-evaluation of the schedule.

Work is measured in priced swaps, a deterministic unit: the same seed and budget give the same
plan on any machine. The wall-clock deadline is only a safety cap (if it cuts the search short,
the result depends on the machine's speed).
"""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from speeddating.evaluation import new_pairs_bound
from speeddating.problem import Problem, Schedule
from speeddating.solver.costs import PairCosts, Tally, pair_costs

Indices = npt.NDArray[np.intp]

CONFLICTED_PER_ROUND = 24
"""At most this many conflicted people per round are priced per iteration (sampled)."""

STALL_BASE = 200
STALL_PER_PERSON = 20
"""Iterations without a new best before restarting from the best plan, perturbed."""

REPORT_EVERY = 0.5
"""Seconds between two improvement reports (reporting only; the search itself ignores time)."""


@dataclass(frozen=True)
class SearchOutcome:
    schedule: Schedule
    cost: float
    work: int
    """Swaps priced."""
    iterations: int


class Seating:
    """A schedule being improved: tables, who sits where, meeting tally and total cost."""

    def __init__(self, problem: Problem, costs: PairCosts, schedule: Schedule) -> None:
        self.people = problem.people
        self.tables = [[list(t) for t in tables] for tables in schedule]
        self.where = np.full((problem.rounds, self.people + 1), -1, dtype=np.intp)
        self.tally = Tally(costs)
        self.cost = costs.baseline
        for rnd, tables in enumerate(self.tables):
            for t, table in enumerate(tables):
                for i, person in enumerate(table):
                    self.where[rnd, person] = t
                    for other in table[:i]:
                        self.cost += float(self.tally.add[person, other])
                        self.tally.change(person, other, +1)
        width = max((len(t) for tables in self.tables for t in tables), default=1)
        self.members = [np.full((len(tables), width), self.people, dtype=np.intp) for tables in self.tables]
        for rnd, tables in enumerate(self.tables):
            for t, table in enumerate(tables):
                self.members[rnd][t, : len(table)] = table

    def swap(self, rnd: int, a: int, b: int) -> None:
        """Exchange the seats of a and b in round `rnd` (they sit at different tables)."""
        ta, tb = int(self.where[rnd, a]), int(self.where[rnd, b])
        table_a, table_b = self.tables[rnd][ta], self.tables[rnd][tb]
        table_a.remove(a)
        table_b.remove(b)
        for person, leaving, joining in ((a, table_a, table_b), (b, table_b, table_a)):
            self.cost -= float(self.tally.remove[person, leaving].sum())
            self.tally.seat(leaving, person, -1)
            self.cost += float(self.tally.add[person, joining].sum())
            self.tally.seat(joining, person, +1)
        table_a.append(b)
        table_b.append(a)
        self.where[rnd, a], self.where[rnd, b] = tb, ta
        row_a, row_b = self.members[rnd][ta], self.members[rnd][tb]
        row_a[row_a == a] = b
        row_b[row_b == b] = a

    def schedule(self) -> Schedule:
        return tuple(tuple(tuple(t) for t in tables) for tables in self.tables)


@dataclass(frozen=True)
class Move:
    delta: float
    rnd: int
    a: int
    b: int


class TabuSearch:
    """One run of the search; `run` returns the best schedule met."""

    def __init__(self, problem: Problem, start: Schedule, seed: int) -> None:
        self.problem = problem
        self.costs = pair_costs(problem)
        self.rng = random.Random(seed)
        self.seating = Seating(problem, self.costs, start)
        self.movable: list[Indices] = [
            np.array([p for p in problem.present(r) if (p, r) not in problem.fixed_tables], dtype=np.intp)
            for r in range(problem.rounds)
        ]
        self.tabu_until = np.zeros((problem.rounds, problem.people + 1), dtype=np.int64)
        self.should_meet = sorted(
            (a, b) for a, b in problem.should_meet if (a, b) not in problem.session_encounters
        )
        weights = self.costs.weights
        bound = new_pairs_bound(problem, start)
        self.target = weights.same_org * problem.forced_same_org_total() - weights.new_pair * bound
        self.shortest_tenure = 4
        self.longest_tenure = 10 + problem.people // 10
        self.stall = STALL_BASE + STALL_PER_PERSON * problem.people

    def conflicted(self, rnd: int) -> Indices:
        """Movable people of round `rnd` whose seat costs something, sampled down to a few."""
        members = self.seating.members[rnd]
        costly = self.seating.tally.remove[members[:, :, None], members[:, None, :]] > 0
        found = set(members[costly.any(axis=2)].tolist())
        for a, b in self.should_meet:
            if self.seating.tally.count[a, b] == 0:
                found.update((a, b))
        movable = self.movable[rnd]
        people = [int(p) for p in movable if int(p) in found]
        if len(people) > CONFLICTED_PER_ROUND:
            people = self.rng.sample(people, CONFLICTED_PER_ROUND)
        return np.array(people, dtype=np.intp)

    def best_swap_in(self, rnd: int, iteration: int, best_cost: float) -> tuple[Move | None, int]:
        """Cheapest allowed swap of round `rnd` and the number of swaps priced."""
        seating, add = self.seating, self.seating.tally.add
        members, seat = seating.members[rnd], seating.where[rnd]
        own_by_table = seating.tally.remove[members[:, :, None], members[:, None, :]].sum(axis=2)
        own = np.zeros(self.problem.people + 1)
        own[members] = own_by_table
        own[self.problem.people] = 0.0
        conflicted = self.conflicted(rnd)
        partners = self.movable[rnd]
        if len(conflicted) == 0 or len(partners) < 2:
            return None, 0
        tables_of = seat[conflicted]
        width = members.shape[1]
        joining_a = add[np.ix_(partners, members[tables_of].ravel())].reshape(len(partners), -1, width).sum(axis=2)
        joining_b = add[conflicted][:, members].sum(axis=2)[:, seat[partners]]
        delta = (
            joining_a.T
            + joining_b
            - 2 * add[np.ix_(conflicted, partners)]
            - own[conflicted][:, None]
            - own[partners][None, :]
        )
        tabu = (self.tabu_until[rnd, conflicted][:, None] > iteration) | (
            self.tabu_until[rnd, partners][None, :] > iteration
        )
        allowed = (tables_of[:, None] != seat[partners][None, :]) & (
            ~tabu | (seating.cost + delta < best_cost - 1e-9)
        )
        priced = delta.size
        if not allowed.any():
            return None, priced
        delta = np.where(allowed, delta, np.inf)
        cheapest = float(delta.min())
        rows, cols = np.nonzero(delta <= cheapest + 1e-9)
        pick = self.rng.randrange(len(rows))
        return Move(cheapest, rnd, int(conflicted[rows[pick]]), int(partners[cols[pick]])), priced

    def perturb(self) -> None:
        """A few random swaps, to leave a region the tabu list alone cannot escape."""
        rounds = [r for r in range(self.problem.rounds) if len(self.movable[r]) >= 2]
        for _ in range(max(2, self.problem.people // 6)):
            if not rounds:
                return
            rnd = self.rng.choice(rounds)
            a, b = self.rng.sample(self.movable[rnd].tolist(), 2)
            if self.seating.where[rnd, a] != self.seating.where[rnd, b]:
                self.seating.swap(rnd, a, b)

    def run(
        self, work_budget: int, deadline: float, on_improvement: Callable[[Schedule], None] | None = None
    ) -> SearchOutcome:
        best, best_cost = self.seating.schedule(), self.seating.cost
        work = iteration = last_gain = 0
        reported = time.monotonic()
        while work < work_budget and best_cost > self.target + 1e-6 and time.monotonic() < deadline:
            iteration += 1
            move: Move | None = None
            ties = 0
            for rnd in range(self.problem.rounds):
                candidate, priced = self.best_swap_in(rnd, iteration, best_cost)
                work += priced
                if candidate is None or (move is not None and candidate.delta > move.delta + 1e-9):
                    continue
                ties = 1 if move is None or candidate.delta < move.delta - 1e-9 else ties + 1
                if self.rng.randrange(ties) == 0:
                    move = candidate
            if move is None:
                break
            self.seating.swap(move.rnd, move.a, move.b)
            tenure = self.rng.randint(self.shortest_tenure, self.longest_tenure)
            self.tabu_until[move.rnd, [move.a, move.b]] = iteration + tenure
            if self.seating.cost < best_cost - 1e-9:
                best, best_cost, last_gain = self.seating.schedule(), self.seating.cost, iteration
                if on_improvement is not None and time.monotonic() - reported >= REPORT_EVERY:
                    on_improvement(best)
                    reported = time.monotonic()
            elif iteration - last_gain > self.stall:
                self.seating = Seating(self.problem, self.costs, best)
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
) -> SearchOutcome:
    """Improve `start` by tabu search until the budget of priced swaps (or the deadline) runs out,
    or the plan reaches the arithmetic optimum; fixed seats and absences are never touched."""
    return TabuSearch(problem, start, seed).run(work_budget, deadline, on_improvement)
