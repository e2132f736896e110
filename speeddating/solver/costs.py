"""Pair costs shared by the heuristics: what one more meeting of a pair costs, as a single number.

Every figure of `Evaluation.rank()` except the final fairness spread is a sum over pairs of a
function of how often the pair meets, and that function is piecewise linear: the first meeting
costs `first[a, b]`, every further one `again[a, b]`. So a heuristic only needs the meeting
counts and two matrices to price any move incrementally.

The priorities are folded into one number with weights that make the combination lexicographic
*per move*: a swap changes at most 4 × (table size − 1) pair meetings, so each level weighs more
than that many units of everything below it. Across whole schedules the levels are tied anyway
(every seat pair is a colleague pair, a first meeting or a repeat), and the portfolio compares
finished schedules with `Evaluation.rank()` itself.
"""

from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from speeddating.evaluation import Evaluation
from speeddating.problem import Problem

Matrix = npt.NDArray[np.float64]
Counts = npt.NDArray[np.int32]


def proven_best(problem: Problem, e: Evaluation) -> bool:
    """No plan ranks better (fairness aside), by arithmetic alone.

    With no kept-apart pair, no missed wish, only the unavoidable colleague pairs, no pair met
    before and every new pair the bound allows, each level is at its floor: in particular the
    repeats, which are then the seat pairs left over, as few as any plan with so few colleague pairs
    can have (perfect plans are the case of no repeat at all).
    """
    return (
        e.keep_apart_violations == 0
        and e.should_meet_missed == 0
        and e.same_org_pairs == e.forced_same_org
        and e.history_repeats == 0
        and (e.repeat_pairs == 0 or not problem.session_encounters)
        and e.distinct_new_pairs == e.new_pairs_bound
    )


@dataclass(frozen=True)
class Weights:
    """Price of one unit of each priority level, highest first."""

    keep_apart: float
    same_org: float
    repeat: float
    history: float
    should_meet: float
    new_pair: float


def lexicographic_weights(problem: Problem) -> Weights:
    """Weights where one unit of a level outweighs everything one swap can change below it."""
    moves = 4 * (problem.table_size - 1) + 1
    history = [w for w in problem.past_encounters.values() if w > 0]
    lightest, heaviest = (min(history), max(history)) if history else (1.0, 1.0)
    new_pair = 1.0
    should_meet = moves * new_pair + 1
    below_history = moves * (new_pair + should_meet) + 1
    history_unit = below_history / lightest
    repeat = moves * (new_pair + should_meet + heaviest * history_unit) + 1
    same_org = moves * (new_pair + should_meet + heaviest * history_unit + repeat) + 1
    keep_apart = moves * (new_pair + should_meet + heaviest * history_unit + repeat + same_org) + 1
    return Weights(keep_apart, same_org, repeat, history_unit, should_meet, new_pair)


def trading_weights(problem: Problem, factor: float) -> Weights:
    """The weights of `lexicographic_weights` with a repeat within the session priced at `factor`
    history repeats of the heaviest weight, instead of far above all of them.

    Both waste one seat pair, but at their exact prices a search moves only through plans without
    repeats, and after an earlier session those are few and far apart: pricing them close lets it
    cross repeats to reach plans with fewer re-meetings in all, which later phases at higher prices
    clear of their repeats (below 1 the search would rather repeat than meet someone again)."""
    exact = lexicographic_weights(problem)
    heaviest = max(problem.past_encounters.values(), default=1.0)
    return replace(exact, repeat=factor * heaviest * exact.history)


@dataclass(frozen=True)
class PairCosts:
    """Cost of a pair's first meeting and of each later one; index `people` is a dummy seat."""

    first: Matrix
    again: Matrix
    weights: Weights
    baseline: float
    """Cost of the empty schedule: the should-meet pairs all missed."""


def pair_costs(problem: Problem, weights: Weights | None = None) -> PairCosts:
    """The two cost matrices of `problem` (symmetric, zero diagonal, one extra dummy row/column), at
    `weights` (by default `lexicographic_weights`)."""
    n = problem.people
    w = lexicographic_weights(problem) if weights is None else weights
    org = np.array(problem.organisation_of)
    same = org[:, None] == org[None, :]
    first = np.full((n + 1, n + 1), -w.new_pair)
    again = np.full((n + 1, n + 1), w.repeat)
    first[:n, :n][same] = w.same_org
    again[:n, :n][same] = w.same_org
    for (a, b), times in problem.session_encounters.items():
        if org[a] != org[b]:
            first[a, b] = first[b, a] = w.repeat * times
    for (a, b), weight in problem.past_encounters.items():
        if org[a] != org[b]:
            first[a, b] = first[b, a] = first[a, b] + (0 if first[a, b] > 0 else w.new_pair) + w.history * weight
    missed = 0
    for a, b in problem.should_meet:
        if (a, b) not in problem.session_encounters:
            first[a, b] = first[b, a] = first[a, b] - w.should_meet
            missed += 1
    for a, b in problem.keep_apart:
        first[a, b] = first[b, a] = first[a, b] + w.keep_apart
        again[a, b] = again[b, a] = again[a, b] + w.keep_apart
    for matrix in (first, again):
        np.fill_diagonal(matrix, 0.0)
        matrix[n, :] = 0.0
        matrix[:, n] = 0.0
    return PairCosts(first, again, w, missed * w.should_meet)


class Tally:
    """Meeting counts with the marginal cost of one more (`add`) and one fewer (`remove`) meeting.

    Kept up to date pair by pair, so pricing a swap is a handful of look-ups, never a re-count.
    """

    def __init__(self, costs: PairCosts) -> None:
        self.costs = costs
        size = costs.first.shape[0]
        self.count: Counts = np.zeros((size, size), dtype=np.int32)
        self.add: Matrix = costs.first.copy()
        self.remove: Matrix = np.zeros((size, size))

    def change(self, a: int, b: int, step: int) -> None:
        """Record `step` (+1 or −1) meetings of a and b."""
        count = int(self.count[a, b]) + step
        self.count[a, b] = self.count[b, a] = count
        add = self.costs.first[a, b] if count == 0 else self.costs.again[a, b]
        remove = 0.0 if count == 0 else self.costs.first[a, b] if count == 1 else self.costs.again[a, b]
        self.add[a, b] = self.add[b, a] = add
        self.remove[a, b] = self.remove[b, a] = remove

    def seat(self, table: list[int], person: int, step: int) -> None:
        """`person` joins (+1) or leaves (−1) the people of `table` (not containing them)."""
        for other in table:
            self.change(person, other, step)
