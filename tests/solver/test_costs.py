"""Pair costs and the meeting tally: the prices each priority sets, the same by pair, by batch and by
row, and memory that grows with the people, not with their square."""

import random

import numpy as np
import pytest

from speeddating.problem import Problem, pair
from speeddating.solver import costs as costs_module
from speeddating.solver.costs import Tally, lexicographic_weights, pair_costs
from speeddating.solver.greedy import greedy_schedule
from speeddating.solver.local_search import Seating


def test_each_priority_prices_its_pairs() -> None:
    """Colleagues 0 and 1; 0 and 2 met before; 1 and 3 kept apart; 2 and 3 should meet."""
    problem = Problem(
        (0, 0, 1, 2),
        rounds=2,
        table_size=3,
        past_encounters={(0, 2): 1.0},
        keep_apart=frozenset({(1, 3)}),
        should_meet=frozenset({(2, 3)}),
    )
    w = lexicographic_weights(problem)
    costs = pair_costs(problem)
    assert costs.first_pair(0, 1) == costs.again_pair(0, 1) == w.same_org
    assert costs.first_pair(0, 3) == -w.new_pair
    assert costs.again_pair(0, 3) == w.repeat
    assert costs.first_pair(0, 2) == costs.first_pair(2, 0) == w.history
    assert costs.first_pair(1, 3) == -w.new_pair + w.keep_apart
    assert costs.again_pair(1, 3) == w.repeat + w.keep_apart
    assert costs.first_pair(2, 3) == -w.new_pair - w.should_meet
    assert costs.baseline == w.should_meet
    assert costs.first_pair(2, 2) == costs.first_pair(2, 4) == costs.again_pair(4, 1) == 0.0


def crowded_problem(people: int) -> Problem:
    """Every kind of special pair, several of them per person."""
    rng = random.Random(people)
    organisation_of = tuple(rng.randrange(people // 4) for _ in range(people))
    pairs = sorted({pair(*rng.sample(range(people), 2)) for _ in range(3 * people)})
    past = {(a, b): rng.choice((0.5, 1.0, 2.0)) for a, b in pairs[0::3]}
    session = {(a, b): rng.randint(1, 2) for a, b in pairs[1::3]}
    keep_apart = frozenset(pairs[2::6])
    should_meet = frozenset(pairs[5::6])
    return Problem(
        organisation_of,
        rounds=4,
        past_encounters=past,
        session_encounters=session,
        keep_apart=keep_apart,
        should_meet=should_meet,
    )


@pytest.mark.parametrize("square_max", [costs_module.SQUARE_MAX_PEOPLE, 0])
def test_pairs_batches_and_rows_agree(monkeypatch: pytest.MonkeyPatch, square_max: int) -> None:
    """After a random sequence of meetings and partings (rows of slots widening on the way), every
    way of reading a price gives the same number, with or without the square matrix of savings."""
    monkeypatch.setattr(costs_module, "SQUARE_MAX_PEOPLE", square_max)
    problem = crowded_problem(40)
    costs = pair_costs(problem)
    tally = Tally(costs)
    rng = random.Random(7)
    met: list[tuple[int, int]] = []
    for _ in range(600):
        if met and rng.random() < 0.3:
            tally.change(*met.pop(rng.randrange(len(met))), -1)
        else:
            a, b = rng.sample(range(problem.people), 2)
            tally.change(a, b, +1)
            met.append((a, b))
    assert tally.partner.shape[1] > costs_module.FIRST_SLOTS
    size = problem.people + 1
    everyone = np.arange(size)
    first, again, add = costs.first_rows(everyone), costs.again_rows(everyone), tally.add_rows(everyone)
    removal = tally.remove_of(everyone[:, None], everyone[None, :])
    for a in range(size):
        for b in range(size):
            assert first[a, b] == costs.first_pair(a, b) == first[b, a]
            assert again[a, b] == costs.again_pair(a, b)
            assert add[a, b] == tally.add_pair(a, b)
            assert removal[a, b] == tally.remove_pair(a, b)
            assert tally.meetings(a, b) == sum(pair in ((a, b), (b, a)) for pair in met)


def test_memory_grows_linearly_with_the_people() -> None:
    """Costs and tally of a seated plan: four times the people, about four times the numbers held
    (square matrices would hold sixteen times as many)."""

    def held(people: int) -> int:
        problem = Problem(tuple(p // 5 for p in range(people)), rounds=6)
        costs = pair_costs(problem)
        seating = Seating(problem, costs, greedy_schedule(problem))
        return costs.elements() + seating.tally.elements()

    small, large = held(400), held(1600)
    assert large <= 4.5 * small
    assert large < 1600**2 / 10
