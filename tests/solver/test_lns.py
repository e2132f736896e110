"""Neighbourhood search keeps the plan valid and never makes it worse."""

import pytest

from speeddating.evaluation import evaluate, schedule_errors
from speeddating.problem import Problem
from speeddating.solver.greedy import greedy_schedule
from speeddating.solver.lns import large_neighbourhood_search


@pytest.mark.slow
def test_lns_never_worsens_and_improves_a_poor_plan() -> None:
    problem = Problem(
        (0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10),
        rounds=4,
        past_encounters={(0, 3): 1.0, (3, 6): 2.0},
        keep_apart=frozenset({(8, 9)}),
    )
    start = tuple(tuple(tuple(range(t * 4, t * 4 + 4)) for t in range(4)) for _ in range(4))
    outcome = large_neighbourhood_search(problem, start, seed=2, deterministic_budget=4.0)
    assert schedule_errors(problem, outcome.schedule) == []
    assert outcome.evaluation == evaluate(problem, outcome.schedule)
    assert outcome.evaluation.rank() < evaluate(problem, start).rank()


def test_lns_keeps_fixed_seats_and_absences() -> None:
    problem = Problem(
        tuple(p % 5 for p in range(15)),
        rounds=3,
        absences=frozenset({(4, 1), (7, 2)}),
        fixed_tables={(0, 0): 2, (0, 1): 2, (0, 2): 2},
    )
    start = greedy_schedule(problem)
    outcome = large_neighbourhood_search(problem, start, seed=0, deterministic_budget=2.0)
    assert schedule_errors(problem, outcome.schedule) == []
    assert outcome.evaluation.rank() <= evaluate(problem, start).rank()
