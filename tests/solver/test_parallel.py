"""Computations run in another process: same answer as here, and here when the other process fails."""

import os
from collections.abc import Callable

from speeddating.problem import Problem
from speeddating.solver.greedy import greedy_schedule
from speeddating.solver.local_search import tabu_search
from speeddating.solver.parallel import Beside


def adder(step: int) -> Callable[[int], int]:
    """A function as an answer: another process cannot send it back (functions made here do not pickle)."""
    return lambda x: x + step


def chatty(value: int) -> tuple[int, int]:
    """Prints as it works, and says in which process it ran."""
    print("working on", value)
    return os.getpid(), value


def test_the_computation_runs_elsewhere_and_what_it_prints_is_not_its_answer() -> None:
    process, value = Beside(chatty, 7).result()
    assert process != os.getpid() and value == 7


def test_a_search_elsewhere_gives_the_plan_it_gives_here() -> None:
    problem = Problem(tuple(p % 5 for p in range(20)), rounds=5, past_encounters={(0, 1): 1.0, (2, 8): 0.5})
    start = greedy_schedule(problem)
    elsewhere = Beside(tabu_search, problem, start, seed=3, work_budget=500_000)
    assert elsewhere.result() == tabu_search(problem, start, seed=3, work_budget=500_000)


def test_an_answer_the_other_process_cannot_send_is_computed_here() -> None:
    assert Beside(adder, 2).result()(1) == 3
