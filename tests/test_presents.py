"""Who presents whom: valid at every table, exact per table, fresh organisations across rounds."""

import json
import random
from collections import Counter
from itertools import product
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from speeddating.event import PRESENT_ANOTHER, Event, Theme
from speeddating.i18n import use_language
from speeddating.plan import Plan, plan_from_dict, plan_to_dict, read_plan
from speeddating.planning import timed_rounds
from speeddating.presents import assign_presents, table_presentations
from speeddating.roster import Attendee
from tests.conftest import CheckPlan
from tests.helpers import run_cli, write_roster

PRESENT = Theme("Présentation croisée", kind=PRESENT_ANOTHER)
TALK = Theme("Nos publics")


def presentation_problems(plan: Plan) -> list[str]:
    """Every way the plan's `presents` break the rule, checked from the seating alone."""
    org = {a.id: a.organisation for a in plan.attendees}
    problems = []
    for rnd in plan.rounds:
        for table in rnd.tables:
            where = f"round {rnd.number} table {table.number}"
            presents = dict(table.presents)
            at_table = {org[x] for x in table.attendees}
            if rnd.theme is None or not rnd.theme.presents_another or len(at_table) < 2:
                if presents:
                    problems.append(f"{where}: presents where none are possible or asked")
                continue
            if set(presents) != set(table.attendees):
                problems.append(f"{where}: not everyone presents")
            for person, presented in presents.items():
                if presented == org[person] or presented not in at_table:
                    problems.append(f"{where}: {person} presents {presented}")
            if set(presents.values()) != at_table:
                problems.append(f"{where}: some organisation is presented by nobody")
    return problems


def seating_plan(organisations: list[str], rounds: list[list[list[int]]], themes: tuple[Theme, ...]) -> Plan:
    people = tuple(Attendee(f"p{i}", f"Personne {i}", org) for i, org in enumerate(organisations))
    seating = [[[f"p{i}" for i in table] for table in tables] for tables in rounds]
    event = Event(themes=themes)
    return Plan(people, timed_rounds(event, seating), event)


def repeat_cost(presented: list[Counter[str]], choice: list[str]) -> int:
    return sum(presented[i][o] for i, o in enumerate(choice))


def best_by_brute_force(organisations: list[str], presented: list[Counter[str]]) -> int:
    """Fewest repeated presentations over every valid assignment."""
    present = set(organisations)
    options = [[o for o in sorted(present) if o != own] for own in organisations]
    return min(repeat_cost(presented, list(choice)) for choice in product(*options) if set(choice) == present)


tables = st.lists(st.sampled_from("ABCD"), min_size=2, max_size=6).filter(lambda orgs: len(set(orgs)) >= 2)


@settings(max_examples=150, deadline=None)
@given(organisations=tables, data=st.data())
def test_a_table_assignment_is_valid_and_exactly_optimal(organisations: list[str], data: st.DataObject) -> None:
    presented = [
        Counter(data.draw(st.dictionaries(st.sampled_from("ABCD"), st.integers(0, 3), max_size=4)))
        for _ in organisations
    ]
    choice = table_presentations(organisations, presented)
    assert choice is not None
    assert all(o != own and o in organisations for o, own in zip(choice, organisations, strict=True))
    assert set(choice) == set(organisations)
    assert repeat_cost(presented, choice) == best_by_brute_force(organisations, presented)


def test_presenters_spread_over_the_organisations() -> None:
    choice = table_presentations(["A", "B", "C", "D", "E", "F"], [Counter() for _ in range(6)])
    assert choice is not None and sorted(choice) == list("ABCDEF")
    choice = table_presentations(["A", "A", "B", "B", "C", "C"], [Counter() for _ in range(6)])
    assert choice is not None and sorted(Counter(choice).values()) == [2, 2, 2]


def test_a_single_organisation_table_cannot_present_another() -> None:
    assert table_presentations(["A", "A", "A"], [Counter()] * 3) is None
    assert table_presentations(["A"], [Counter()]) is None


def test_people_present_organisations_they_have_not_presented_before() -> None:
    # The same three people from three organisations share a table four times: each has two
    # other organisations to present, so rounds 1 and 2 differ and only round 3 must repeat.
    plan = seating_plan(["A", "B", "C"], [[[0, 1, 2]]] * 4, (PRESENT,))
    planned, warnings = assign_presents(plan)
    assert not warnings and not presentation_problems(planned)
    first, second, third, _ = (dict(r.tables[0].presents) for r in planned.rounds)
    assert all(first[p] != second[p] for p in first)
    assert {first[p] for p in first} == {"A", "B", "C"}
    assert all(third[p] in (first[p], second[p]) for p in third)


def test_only_present_another_rounds_carry_presents() -> None:
    plan = seating_plan(["A", "B", "C", "D"], [[[0, 1], [2, 3]], [[0, 2], [1, 3]], [[0, 3], [1, 2]]], (TALK, PRESENT))
    planned, _ = assign_presents(plan)
    assert [bool(r.tables[0].presents) for r in planned.rounds] == [False, True, False]
    assert dict(planned.rounds[1].tables[0].presents) == {"p0": "C", "p2": "A"}


def test_single_organisation_tables_are_explained() -> None:
    plan = seating_plan(
        ["France Travail", "France Travail", "Cap emploi", "Mission Locale"], [[[0, 1], [2, 3]]], (PRESENT,)
    )
    with use_language("fr"):
        planned, warnings = assign_presents(plan)
    assert len(warnings) == 1
    assert "table 1" in warnings[0].text() and "France Travail" in warnings[0].text()
    assert planned.rounds[0].tables[0].presents == ()
    assert dict(planned.rounds[0].tables[1].presents) == {"p2": "Mission Locale", "p3": "Cap emploi"}


def test_presents_use_the_organisation_as_first_spelled_and_survive_the_plan_file() -> None:
    plan = seating_plan(["Pôle emploi", "Mission Locale", "POLE-EMPLOI", "CIO"], [[[0, 1], [2, 3]]], (PRESENT,))
    planned, _ = assign_presents(plan)
    assert dict(planned.rounds[0].tables[1].presents)["p3"] == "Pôle emploi"
    again = plan_from_dict(plan_to_dict(planned))
    assert again.rounds == planned.rounds


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10**6),
    people=st.integers(1, 30),
    organisations=st.integers(1, 8),
    rounds=st.integers(1, 6),
    size=st.integers(3, 6),
)
def test_presents_are_valid_on_every_table_of_random_plans(
    seed: int, people: int, organisations: int, rounds: int, size: int
) -> None:
    rng = random.Random(seed)
    orgs = [f"Structure {rng.randrange(organisations)}" for _ in range(people)]
    seating = []
    for _ in range(rounds):
        order = list(range(people))
        rng.shuffle(order)
        present = [p for p in order if rng.random() > 0.1]  # a few absent per round
        seating.append([present[i : i + size] for i in range(0, len(present), size)])
    plan = seating_plan(orgs, seating, (TALK, PRESENT) if seed % 2 else (PRESENT,))
    planned, warnings = assign_presents(plan)
    assert presentation_problems(planned) == []
    single = [
        (r.number, t.number)
        for r in planned.rounds
        if r.theme and r.theme.presents_another
        for t in r.tables
        if len({orgs[int(x[1:])] for x in t.attendees}) == 1
    ]
    assert len(warnings) == len(single)
    assert [t.attendees for r in planned.rounds for t in r.tables] == [
        t.attendees for r in plan.rounds for t in r.tables
    ]


def test_assigning_again_gives_the_same_presents() -> None:
    plan = seating_plan(["A", "B", "C", "D", "B"], [[[0, 1, 2], [3, 4]], [[0, 3], [1, 2, 4]]], (PRESENT,))
    planned, _ = assign_presents(plan)
    assert assign_presents(planned)[0] == planned


def test_a_real_plan_carries_valid_presents_in_its_present_another_round(
    tmp_path: Path, instances: Path, check_plan: CheckPlan
) -> None:
    code, _, err = run_cli(
        "plan",
        str(instances / "spro24.csv"),
        "--rounds",
        "4",
        "--time-limit",
        "2",
        "--seed",
        "0",
        "--no-history",
        "--out",
        str(tmp_path),
        "--quiet",
    )
    assert code == 0, err
    assert check_plan(tmp_path / "plan.json")["valid"]
    planned = read_plan(tmp_path / "plan.json")
    assert [bool(r.theme and r.theme.presents_another) for r in planned.rounds] == [False, False, True, False]
    assert all(table.presents for table in planned.rounds[2].tables)
    assert presentation_problems(planned) == []
    document = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert all(set(table["presents"]) == set(table["attendees"]) for table in document["rounds"][2]["tables"])


def test_the_plan_command_explains_a_table_of_colleagues(tmp_path: Path) -> None:
    people = write_roster(
        tmp_path, [*((f"Agent {i}", "France Travail") for i in range(9)), ("Léa Dubois", "Mission Locale")]
    )
    event = tmp_path / "event.toml"
    event.write_text('[[themes]]\ntitle = "Présentation croisée"\nkind = "present-another"\n', encoding="utf-8")
    code, _, err = run_cli(
        "plan",
        str(people),
        "--event",
        str(event),
        "--table-size",
        "5",
        "--rounds",
        "1",
        "--time-limit",
        "1",
        "--no-history",
        "--out",
        str(tmp_path / "plan"),
    )
    assert code == 0, err
    assert "tout le monde vient de « France Travail »" in err
    planned = read_plan(tmp_path / "plan" / "plan.json")
    assert presentation_problems(planned) == []
    assert sum(1 for table in planned.rounds[0].tables if table.presents) == 1
