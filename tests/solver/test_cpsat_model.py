"""The CP-SAT model, family by family, on instances small enough to check by hand or brute force."""

import os
import signal
import threading
from itertools import combinations

import pytest
from ortools.sat.python import cp_model

from speeddating.evaluation import evaluate, schedule_errors
from speeddating.problem import Problem, Schedule
from speeddating.solver.cpsat_model import ModelRun, build_model, read_schedule, solve_model


def optimum(problem: Problem) -> Schedule:
    outcome = solve_model(problem, deterministic_time=20.0, time_limit=30.0, workers=1)
    assert outcome.optimal and outcome.schedule is not None
    assert schedule_errors(problem, outcome.schedule) == []
    return outcome.schedule


def seatings(problem: Problem, symmetry_breaking: bool) -> set[Schedule]:
    """Every distinct seating the model admits (no objective)."""
    sm = build_model(problem, symmetry_breaking=symmetry_breaking, objective=False)
    found: set[Schedule] = set()

    class Collect(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            found.add(read_schedule(sm, self))  # type: ignore[arg-type]

    solver = cp_model.CpSolver()
    solver.parameters.enumerate_all_solutions = True
    solver.parameters.num_workers = 1
    solver.solve(sm.model, Collect())
    return found


def partitions(people: list[int]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Every split of six people into two labelled tables of three."""
    return [(t, tuple(p for p in people if p not in t)) for t in combinations(people, 3)]


def test_seating_sizes_and_fixed_seats() -> None:
    problem = Problem(
        tuple(range(9)), rounds=2, table_size=3, fixed_tables={(8, 0): 2, (0, 1): 1}, absences=frozenset({(5, 1)})
    )
    schedule = optimum(problem)
    assert schedule[0][2].count(8) == 1 and 0 in schedule[1][1]
    assert all(5 not in t for t in schedule[1])


def test_same_organisation_only_forced_pairs() -> None:
    problem = Problem((0, 0, 0, 0, 1, 1, 2, 3, 4), rounds=2, table_size=3)
    evaluation = evaluate(problem, optimum(problem))
    assert evaluation.same_org_pairs == evaluation.forced_same_org == 2


def test_encounters_no_repeat_when_avoidable() -> None:
    problem = Problem(tuple(range(9)), rounds=4, table_size=3)
    evaluation = evaluate(problem, optimum(problem))
    assert evaluation.repeat_pairs == 0 and evaluation.distinct_new_pairs == 36


def test_encounters_repeats_counted_when_forced() -> None:
    problem = Problem(tuple(range(6)), rounds=3, table_size=3)
    everyone = list(range(6))
    fewest = min(
        evaluate(problem, (a, b, c)).repeat_pairs
        for a in partitions(everyone)
        for b in partitions(everyone)
        for c in partitions(everyone)
    )
    assert fewest > 0
    assert evaluate(problem, optimum(problem)).repeat_pairs == fewest


def test_history_forced_meeting_is_the_lightest() -> None:
    """Two of 0, 1, 2 must share one of the two tables: the pair met least recently."""
    past = {(0, 1): 1.0, (0, 2): 3.0, (1, 2): 2.0}
    problem = Problem(tuple(range(6)), rounds=1, table_size=3, past_encounters=past)
    evaluation = evaluate(problem, optimum(problem))
    assert evaluation.history_repeats == 1 and evaluation.history_weight == 1.0


def test_session_encounters_count_as_repeats() -> None:
    session = {pair: 1 for pair in combinations(range(3), 2)}
    problem = Problem(tuple(range(6)), rounds=1, table_size=3, session_encounters=session)
    assert evaluate(problem, optimum(problem)).repeat_pairs == 1


def test_keep_apart_and_should_meet() -> None:
    problem = Problem(
        tuple(range(6)),
        rounds=2,
        table_size=3,
        keep_apart=frozenset({(0, 1), (2, 3)}),
        should_meet=frozenset({(0, 5), (1, 4)}),
    )
    evaluation = evaluate(problem, optimum(problem))
    assert evaluation.keep_apart_violations == 0 and evaluation.should_meet_missed == 0


def test_symmetry_breaking_removes_only_table_relabellings() -> None:
    problem = Problem((0, 0, 1, 1, 2, 2), rounds=2, table_size=3)
    free, broken = seatings(problem, False), seatings(problem, True)
    assert len(free) == len(partitions(list(range(6)))) ** 2 == 400
    assert len(broken) * 2 * 2 == len(free)
    assert {tuple(frozenset(map(frozenset, tables)) for tables in s) for s in free} == {
        tuple(frozenset(map(frozenset, tables)) for tables in s) for s in broken
    }


def test_symmetry_breaking_fixes_first_round_of_interchangeable_people() -> None:
    problem = Problem(tuple(range(6)), rounds=2, table_size=3)
    broken = seatings(problem, True)
    assert len(broken) == 10
    assert {s[0] for s in broken} == {((0, 1, 2), (3, 4, 5))}


@pytest.mark.slow
def test_symmetry_breaking_keeps_the_optimum() -> None:
    """Brute force over every schedule: the model's optimum, with or without symmetry breaking,
    ranks as well as the best schedule there is."""
    for organisations in ((0, 0, 1, 1, 2, 2), (0, 1, 2, 3, 4, 5), (0, 0, 0, 1, 1, 2)):
        problem = Problem(organisations, rounds=3, table_size=3, past_encounters={(0, 5): 1.0})
        brute = min(
            evaluate(problem, (a, b, c)).rank()[:-1]
            for a in partitions(list(range(6)))
            for b in partitions(list(range(6)))
            for c in partitions(list(range(6)))
        )
        for symmetry_breaking in (True, False):
            sm = build_model(problem, symmetry_breaking=symmetry_breaking)
            solver = cp_model.CpSolver()
            solver.parameters.num_workers = 1
            assert solver.solve(sm.model) == cp_model.OPTIMAL
            assert evaluate(problem, read_schedule(sm, solver)).rank()[:-1] == brute


class Interrupted(Exception):
    """Stands for KeyboardInterrupt, so that the test cannot stop the test session itself."""


def test_an_interrupt_stops_the_search_instead_of_waiting_for_it() -> None:
    """Ctrl-C during a long search reaches Python while CP-SAT is still searching, and stops it
    (before, CP-SAT held the main thread and the interrupt waited for the whole limit)."""
    run = ModelRun(
        Problem(tuple(range(32)), 10), hint=None, deterministic_time=600.0, time_limit=600.0, workers=1, seed=0
    )

    def interrupt(signum: int, frame: object) -> None:
        raise Interrupted

    previous = signal.signal(signal.SIGINT, interrupt)
    timer = threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT))
    try:
        timer.start()
        with pytest.raises(Interrupted):
            run.solve()
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    assert run.stopped.is_set()
