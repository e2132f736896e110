"""Pair costs shared by the heuristics: what one more meeting of a pair costs, as a single number.

Every figure of `Evaluation.rank()` except the final fairness spread is a sum over pairs of a
function of how often the pair meets, and that function is piecewise linear: the first meeting
costs `first_pair(a, b)`, every further one `again_pair(a, b)`. So a heuristic only needs the meeting
counts and those two prices to price any move incrementally. Both are the price of colleagues or of
strangers except for the few pairs met before, kept apart or wanting to meet, so they are computed
from the organisations and those pairs, by pair or by rows, never stored people by people: at the
5,000 people of the documented limit, square matrices would take most of a gigabyte.

The priorities are folded into one number with weights that make the combination lexicographic
*per move*: a swap changes at most 4 × (table size − 1) pair meetings, so each level weighs more
than that many units of everything below it. Across whole schedules the levels are tied anyway
(every seat pair is a colleague pair, a first meeting or a repeat), and the portfolio compares
finished schedules with `Evaluation.rank()` itself.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from speeddating.evaluation import Evaluation
from speeddating.problem import Pair, Problem, pair

Matrix = npt.NDArray[np.float64]
Indices = npt.NDArray[np.intp]


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


def swap_reach(problem: Problem) -> int:
    """More than the pair meetings one swap changes (two people leave a table and join another: 4 × (table
    size - 1)): a level priced this many times the levels below outweighs any swap's change to them."""
    return 4 * (problem.table_size - 1) + 1


def lexicographic_weights(problem: Problem) -> Weights:
    """Weights where one unit of a level outweighs everything one swap can change below it."""
    moves = swap_reach(problem)
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


class SparsePairs:
    """The value of a few pairs (stored both ways round), read by pair or by whole rows of pairs, in a
    handful of numpy calls whatever their number: memory is the pairs' own, never people squared."""

    def __init__(self, values: Mapping[Pair, float], size: int) -> None:
        self.size = size
        self.pairs = {**values, **{(b, a): value for (a, b), value in values.items()}}
        ordered = sorted((a * size + b, value) for (a, b), value in self.pairs.items())
        self.keys = np.array([key for key, _ in ordered], dtype=np.int64)
        self.values: Matrix = np.array([value for _, value in ordered], dtype=np.float64)
        self.columns: Indices = (self.keys % size).astype(np.intp)
        self.starts: Indices = np.searchsorted(self.keys, np.arange(size + 1, dtype=np.int64) * size)

    def lookup(self, a: Indices, b: Indices, default: Matrix) -> Matrix:
        """The value of each pair (a, b) (broadcast), `default` where the pair is not stored."""
        if not len(self.keys):
            return default
        key = np.asarray(a, dtype=np.int64) * self.size + b
        found = np.minimum(np.searchsorted(self.keys, key), len(self.keys) - 1)
        return np.where(self.keys[found] == key, self.values[found], default)

    def write_rows(self, rows: Matrix, people: Indices) -> None:
        """Overwrite `rows[i, q]` with the value of each stored pair (people[i], q)."""
        if not len(self.keys):
            return
        begin = self.starts[people]
        lengths = self.starts[people + 1] - begin
        if not lengths.any():
            return
        which = np.repeat(np.arange(len(people)), lengths)
        entries = np.arange(int(lengths.sum())) + np.repeat(begin - (np.cumsum(lengths) - lengths), lengths)
        rows[which, self.columns[entries]] = self.values[entries]

    def elements(self) -> int:
        """Numbers held, for the tests of memory."""
        return int(self.keys.size + self.values.size + self.columns.size + self.starts.size)


@dataclass(frozen=True)
class PairCosts:
    """Cost of a pair's first meeting and of each later one: the price of colleagues or of strangers,
    from the organisation of each person, except for the few pairs that met before, are kept apart or
    should meet (`special_first`, `special_again`). Memory is linear in the people; index `people` is
    a dummy seat whose pairs cost nothing, as does a person with themself."""

    organisation_of: tuple[int, ...]
    """Of each person (as the problem gives it, for looking up one pair)."""
    organisation: Indices
    """Of each person, then -1 for the dummy seat (for looking up many)."""
    weights: Weights
    baseline: float
    """Cost of the empty schedule: the should-meet pairs all missed."""
    special_first: SparsePairs
    special_again: SparsePairs

    @property
    def size(self) -> int:
        """People plus the dummy seat."""
        return len(self.organisation)

    def first_pair(self, a: int, b: int) -> float:
        """What the first meeting of a and b costs."""
        return self._pair(a, b, self.special_first, self.weights.same_org, -self.weights.new_pair)

    def again_pair(self, a: int, b: int) -> float:
        """What each later meeting of a and b costs."""
        return self._pair(a, b, self.special_again, self.weights.same_org, self.weights.repeat)

    def _pair(self, a: int, b: int, special: SparsePairs, colleagues: float, strangers: float) -> float:
        dummy = self.size - 1
        if a in (b, dummy) or b == dummy:
            return 0.0
        value = special.pairs.get((a, b))
        if value is not None:
            return value
        return colleagues if self.organisation_of[a] == self.organisation_of[b] else strangers

    def again_apart(self, a: Indices, b: Indices) -> Matrix:
        """`again_pair` of pairs of two distinct people, neither the dummy seat."""
        colleagues = self.organisation[a] == self.organisation[b]
        return self.special_again.lookup(a, b, np.where(colleagues, self.weights.same_org, self.weights.repeat))

    def first_rows(self, people: Indices) -> Matrix:
        """`first_pair` of each of `people` with everyone (one row each, the dummy seat included)."""
        return self._rows(people, self.special_first, self.weights.same_org, -self.weights.new_pair)

    def again_rows(self, people: Indices) -> Matrix:
        """`again_pair` of each of `people` with everyone."""
        return self._rows(people, self.special_again, self.weights.same_org, self.weights.repeat)

    def _rows(self, people: Indices, special: SparsePairs, colleagues: float, strangers: float) -> Matrix:
        rows: Matrix = np.where(self.organisation[people][:, None] == self.organisation[None, :], colleagues, strangers)
        rows[:, -1] = 0.0
        rows[np.arange(len(people)), people] = 0.0
        rows[people == self.size - 1] = 0.0
        special.write_rows(rows, people)
        return rows

    def elements(self) -> int:
        """Numbers held, for the tests of memory."""
        return int(self.organisation.size + self.special_first.elements() + self.special_again.elements())


def pair_costs(problem: Problem, weights: Weights | None = None) -> PairCosts:
    """The pair costs of `problem` at `weights` (by default `lexicographic_weights`)."""
    w = lexicographic_weights(problem) if weights is None else weights
    org = problem.organisation_of

    def plain(a: int, b: int, strangers: float) -> float:
        return w.same_org if org[a] == org[b] else strangers

    first: dict[Pair, float] = {}
    again: dict[Pair, float] = {}
    for (a, b), times in problem.session_encounters.items():
        if org[a] != org[b]:
            first[a, b] = w.repeat * times
    for (a, b), weight in problem.past_encounters.items():
        if org[a] != org[b]:
            cost = first.get((a, b), -w.new_pair)
            first[a, b] = cost + (0 if cost > 0 else w.new_pair) + w.history * weight
    missed = 0
    for a, b in problem.should_meet:
        if (a, b) not in problem.session_encounters:
            first[a, b] = first.get((a, b), plain(a, b, -w.new_pair)) - w.should_meet
            missed += 1
    for a, b in problem.keep_apart:
        first[a, b] = first.get((a, b), plain(a, b, -w.new_pair)) + w.keep_apart
        again[a, b] = plain(a, b, w.repeat) + w.keep_apart
    size = problem.people + 1
    organisation = np.array([*org, -1], dtype=np.intp)
    return PairCosts(org, organisation, w, missed * w.should_meet, SparsePairs(first, size), SparsePairs(again, size))


FIRST_SLOTS = 8
"""Partners per person the tally makes room for at first; it doubles the room when someone needs more."""

SQUARE_MAX_PEOPLE = 200
"""Up to this size the tally also keeps what one meeting more costs and one fewer saves as square
matrices (at most 320 KB each): reading a row or a pair there is one step, where the rows of slots
take a comparison per slot and the prices a few numpy calls, which on small sessions (many short
iterations of the search) cost more than the pricing itself."""


class Tally:
    """Meeting counts with the marginal cost of one more (`add_*`) and one fewer (`remove_*`) meeting.

    Each person's partners sit in a short row of slots (`partner`, with what one meeting fewer would
    save in `saving`): as many as they have met, a few dozen, so memory is linear in the people and a
    row or a batch of pairs is priced in a few numpy calls, never a re-count of the schedule.
    """

    def __init__(self, costs: PairCosts) -> None:
        self.costs = costs
        self.dummy = costs.size - 1
        self.count: dict[Pair, int] = {}
        """Meetings of each pair (smaller first) that met."""
        self.partner: Indices = np.full((costs.size, FIRST_SLOTS), self.dummy, dtype=np.intp)
        self.saving: Matrix = np.zeros((costs.size, FIRST_SLOTS))
        self.slot: dict[Pair, int] = {}
        """Where b sits in a's row of slots, for each ordered pair (a, b) that met."""
        small = costs.size <= SQUARE_MAX_PEOPLE + 1
        self.square_saving: Matrix | None = np.zeros((costs.size, costs.size)) if small else None
        self.square_add: Matrix | None = costs.first_rows(np.arange(costs.size)) if small else None
        self.free: list[list[int]] = [[] for _ in range(costs.size)]
        self.used = [0] * costs.size

    def meetings(self, a: int, b: int) -> int:
        return self.count.get(pair(a, b), 0)

    def change(self, a: int, b: int, step: int) -> None:
        """Record `step` (+1 or −1) meetings of a and b."""
        key = pair(a, b)
        count = self.count.get(key, 0) + step
        if count:
            self.count[key] = count
        else:
            del self.count[key]
        saving = 0.0 if not count else self.costs.first_pair(a, b) if count == 1 else self.costs.again_pair(a, b)
        if self.square_saving is not None and self.square_add is not None:
            self.square_saving[a, b] = self.square_saving[b, a] = saving
            add = self.costs.again_pair(a, b) if count else self.costs.first_pair(a, b)
            self.square_add[a, b] = self.square_add[b, a] = add
        for person, other in ((a, b), (b, a)):
            slot = self.slot.get((person, other))
            if slot is None:
                slot = self._claim(person)
                self.slot[person, other] = slot
                self.partner[person, slot] = other
            self.saving[person, slot] = saving
            if not count:
                del self.slot[person, other]
                self.partner[person, slot] = self.dummy
                self.free[person].append(slot)

    def _claim(self, person: int) -> int:
        """A free slot in the row of `person`, widening every row when theirs is full."""
        if self.free[person]:
            return self.free[person].pop()
        slot = self.used[person]
        if slot == self.partner.shape[1]:
            self.partner = np.pad(self.partner, ((0, 0), (0, slot)), constant_values=self.dummy)
            self.saving = np.pad(self.saving, ((0, 0), (0, slot)))
        self.used[person] = slot + 1
        return slot

    def seat(self, table: list[int], person: int, step: int) -> None:
        """`person` joins (+1) or leaves (−1) the people of `table` (not containing them)."""
        for other in table:
            self.change(person, other, step)

    def add_pair(self, a: int, b: int) -> float:
        """What one more meeting of a and b costs."""
        return self.costs.again_pair(a, b) if self.meetings(a, b) else self.costs.first_pair(a, b)

    def remove_pair(self, a: int, b: int) -> float:
        """What one fewer meeting of a and b saves (nothing if they never met)."""
        count = self.meetings(a, b)
        return 0.0 if not count else self.costs.first_pair(a, b) if count == 1 else self.costs.again_pair(a, b)

    def remove_of(self, a: Indices, b: Indices) -> Matrix:
        """`remove_pair` of each pair (a, b), broadcast."""
        if self.square_saving is not None:
            square: Matrix = self.square_saving[a, b]
            return square
        saved: Matrix = ((self.partner[a] == np.asarray(b)[..., None]) * self.saving[a]).sum(axis=-1)
        return saved

    def add_rows(self, people: Indices) -> Matrix:
        """`add_pair` of each of `people` with everyone (one row each, the dummy seat included)."""
        if self.square_add is not None:
            square: Matrix = self.square_add[people]
            return square
        rows = self.costs.first_rows(people)
        which, slots = np.nonzero(self.partner[people] != self.dummy)
        met = self.partner[people[which], slots]
        rows[which, met] = self.costs.again_apart(people[which], met)
        return rows

    def elements(self) -> int:
        """Numbers held in arrays, for the tests of memory."""
        square = sum(0 if m is None else m.size for m in (self.square_saving, self.square_add))
        return int(self.partner.size + self.saving.size + square)
