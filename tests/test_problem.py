"""Problem: table layout, forced colleague pairs and validation."""

import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speeddating.problem import Problem, ProblemError, fewest_pairs, table_layout


@pytest.mark.parametrize(
    ("people", "size", "layout"),
    [
        (33, 4, (4,) * 6 + (3,) * 3),
        (13, 4, (4, 3, 3, 3)),
        (24, 4, (4,) * 6),
        (2, 4, (2,)),
        (7, 3, (4, 3)),
        (10, 3, (4, 3, 3)),
        (5, 4, (5,)),
        (5, 3, (3, 2)),
        (6, 4, (3, 3)),
    ],
)
def test_table_layout_examples(people: int, size: int, layout: tuple[int, ...]) -> None:
    assert table_layout(people, size) == layout


@given(st.integers(1, 1000), st.integers(3, 6))
def test_table_layout_is_even_and_minimal(people: int, size: int) -> None:
    layout = table_layout(people, size)
    assert sum(layout) == people
    assert max(layout) - min(layout) <= 1
    assert max(layout) <= size + 1
    assert len(layout) in (-(-people // size), -(-people // size) - 1)
    if people >= 3 and len(layout) > 1 and min(layout) < 3:
        assert -(-people // (len(layout) - 1)) > size + 1  # one table fewer would be too crowded
    assert list(layout) == sorted(layout, reverse=True)


def test_ten_colleagues_at_nine_tables_force_one_pair() -> None:
    assert fewest_pairs(10, 9) == 1
    assert fewest_pairs(9, 9) == 0
    assert fewest_pairs(7, 2) == 9  # 4 + 3 -> 6 + 3


def test_forced_same_org_counts_every_round() -> None:
    problem = Problem(organisation_of=(0,) * 10 + tuple(range(1, 27)), rounds=3)
    assert len(problem.table_sizes(0)) == 9
    assert problem.forced_same_org_total() == 3


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"organisation_of": (0,), "rounds": 2}, "at least 2 people"),
        ({"organisation_of": (0, 1), "rounds": 0}, "at least 1"),
        ({"organisation_of": (0, 1, 2), "rounds": 1, "table_size": 9}, "between 3 and 6"),
        (
            {
                "organisation_of": (0, 1, 2),
                "rounds": 1,
                "keep_apart": frozenset({(0, 1)}),
                "should_meet": frozenset({(0, 1)}),
            },
            "kept apart and required",
        ),
        (
            {
                "organisation_of": tuple(range(6)),
                "rounds": 1,
                "table_size": 3,
                "fixed_tables": {(0, 0): 0, (1, 0): 0, (2, 0): 0, (3, 0): 0},
            },
            "which seats 3",
        ),
        ({"organisation_of": (0, 1), "rounds": 1, "past_encounters": {(1, 0): 1.0}}, "smaller first"),
    ],
)
def test_invalid_problems_are_refused_with_a_reason(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ProblemError, match=message):
        Problem(**kwargs)


def test_absent_people_leave_the_round_layout() -> None:
    problem = Problem(organisation_of=tuple(range(8)), rounds=2, absences=frozenset({(0, 1), (1, 1)}))
    assert problem.present(0) == tuple(range(8))
    assert problem.present(1) == tuple(range(2, 8))
    assert problem.table_sizes(1) == (3, 3)


def test_a_problem_survives_pickling_with_all_its_mappings() -> None:
    """Searches run in other processes receive the problem pickled."""
    problem = Problem(
        (0, 0, 1, 1, 2, 2),
        rounds=2,
        table_size=3,
        absences=frozenset({(5, 1)}),
        past_encounters={(0, 2): 0.5},
        session_encounters={(1, 3): 1},
        fixed_tables={(0, 0): 1},
        keep_apart=frozenset({(2, 4)}),
    )
    assert pickle.loads(pickle.dumps(problem)) == problem
