"""Freedom-based starting plans: they fit, repeat for a seed, and leave fewer repeats than dealing."""

from hypothesis import given, settings

from speeddating.evaluation import evaluate, schedule_errors
from speeddating.problem import Problem
from speeddating.solver.freedom import freedom_schedule
from speeddating.solver.greedy import greedy_schedule
from tests.solver.strategies import problems


@settings(max_examples=40, deadline=None)
@given(problems())
def test_freedom_plan_fits_and_repeats(problem: Problem) -> None:
    """Absentees stay out, pinned people sit at their table, every table has its size; same seed, same plan."""
    schedule = freedom_schedule(problem, seed=2)
    assert schedule_errors(problem, schedule) == []
    assert freedom_schedule(problem, seed=2) == schedule
    for (person, rnd), table in problem.fixed_tables.items():
        assert person in schedule[rnd][table]


def test_organisations_spread() -> None:
    """Six organisations of four at six tables of four: colleagues never share a table."""
    problem = Problem(tuple(p // 4 for p in range(24)), rounds=5)
    for seed in range(3):
        assert evaluate(problem, freedom_schedule(problem, seed)).same_org_pairs == 0


def test_first_rounds_are_free_of_repeats_and_beat_dealing() -> None:
    """32 strangers at tables of 4: the first three rounds need no repeat and get none; over ten
    rounds, keeping tables open to the people left leaves fewer repeats than dealing like cards."""
    problem = Problem(tuple(range(32)), rounds=10)
    by_freedom = [freedom_schedule(problem, seed) for seed in range(3)]
    for schedule in by_freedom:
        assert evaluate(problem, schedule[:3]).repeat_pairs == 0
    dealt = sum(evaluate(problem, greedy_schedule(problem, seed)).repeat_pairs for seed in range(3))
    assert sum(evaluate(problem, s).repeat_pairs for s in by_freedom) < dealt
