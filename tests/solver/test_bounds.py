"""The proven bound on distinct new pairs is never below what some plan achieves (brute force over
every plan of tiny sessions), and "optimal" is claimed only for a plan nothing beats."""

from itertools import combinations, product

import pytest

from speeddating.evaluation import evaluate
from speeddating.problem import Problem, Schedule
from speeddating.solver import solve
from speeddating.solver.cpsat_model import solve_model


def round_seatings(problem: Problem, rnd: int) -> list[tuple[tuple[int, ...], ...]]:
    """Every way to seat round `rnd` at its tables (tables in order, people sorted within a table)."""

    def fill(people: tuple[int, ...], sizes: tuple[int, ...]) -> list[tuple[tuple[int, ...], ...]]:
        if not sizes:
            return [()]
        return [
            (table, *rest)
            for table in combinations(people, sizes[0])
            for rest in fill(tuple(p for p in people if p not in table), sizes[1:])
        ]

    return fill(problem.present(rnd), problem.table_sizes(rnd))


def every_schedule(problem: Problem) -> list[Schedule]:
    return list(product(*(round_seatings(problem, r) for r in range(problem.rounds))))


TINY = [
    Problem(tuple(range(6)), rounds=3, table_size=3),
    Problem((0, 0, 0, 1, 1, 2), rounds=3, table_size=3),
    Problem((0, 0, 0, 0, 1, 2), rounds=2, table_size=3),
    Problem((0, 0, 1, 1, 2, 2), rounds=3, table_size=3, past_encounters={(0, 2): 1.0, (1, 4): 2.0, (2, 5): 0.5}),
    Problem(tuple(range(6)), rounds=2, table_size=3, session_encounters={(0, 1): 1, (2, 3): 1, (4, 5): 1}),
    Problem((0, 1, 2, 3, 4, 5, 0), rounds=2, table_size=4, absences=frozenset({(6, 1)})),
]


@pytest.mark.parametrize("problem", TINY)
def test_bounds_hold_against_brute_force(problem: Problem) -> None:
    evaluations = [evaluate(problem, s) for s in every_schedule(problem)]
    most_new = max(e.distinct_new_pairs for e in evaluations)
    best_rank = min(e.rank()[:-1] for e in evaluations)
    assert all(e.new_pairs_bound >= most_new for e in evaluations), "arithmetic bound"
    model = solve_model(problem, deterministic_time=5.0, time_limit=10.0)
    assert model.new_pairs_bound is not None and model.new_pairs_bound >= most_new, "CP-SAT bound"
    result = solve(problem, time_limit=3, seed=0, workers=1)
    assert result.evaluation.distinct_new_pairs <= result.proven_bound
    assert result.proven_bound >= most_new
    assert result.evaluation.rank()[:-1] == best_rank
    assert result.optimal


def test_proof_tightens_the_arithmetic_bound() -> None:
    """Six people at two tables of three for three rounds cannot all meet: the per-person arithmetic
    allows 15 new pairs, brute force finds 13 at most, and CP-SAT's proof brings the bound down to 13."""
    problem = TINY[0]
    most_new = max(evaluate(problem, s).distinct_new_pairs for s in every_schedule(problem))
    result = solve(problem, time_limit=3, seed=0, workers=1)
    assert result.evaluation.new_pairs_bound == 15
    assert result.proven_bound == most_new == result.evaluation.distinct_new_pairs == 13
