"""Organiser constraints: flags, pair files, contradictions, fixed tables, and plans that honour them."""

import json
from collections import Counter
from pathlib import Path

import pytest

from speeddating.constraints import (
    ConstraintError,
    OrganiserConstraints,
    anchor_tables,
    apply_constraints,
    constraint_lines,
    organiser_constraints,
    read_pairs,
)
from speeddating.event import Event
from speeddating.i18n import use_language
from speeddating.planning import build_plan, problem_for
from speeddating.problem import Problem
from speeddating.roster import Attendee
from speeddating.solver import solve
from tests import helpers
from tests.helpers import plan_quickly, run_cli, write_attendees


def roster(count: int, organisations: int, **flags: dict[int, str]) -> list[Attendee]:
    """People numbered from 0, as the constraint files below name them."""
    return helpers.people(count, organisations, first=0, **flags)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_flags_in_either_language_and_spelling() -> None:
    people = roster(
        8,
        4,
        reste_assis={0: "oui", 1: "X", 2: "non"},
        **{"Stays seated": {3: "1"}},
        animateur={4: "yes", 5: ""},
        host={6: "Vrai"},
    )
    constraints = organiser_constraints(people)
    assert constraints.stays_seated == ("p00", "p01", "p03")
    assert constraints.hosts == ("p04", "p06")
    assert constraints.anchored == ("p00", "p01", "p03", "p04", "p06")


def test_a_flag_that_is_neither_yes_nor_no_is_refused() -> None:
    people = roster(6, 3, reste_assis={2: "peut-être"})
    with use_language("en"), pytest.raises(ConstraintError) as refused:
        organiser_constraints(people)
    assert "Person 02" in str(refused.value) and "peut-être" in str(refused.value)


def test_pair_files_skip_headers_sniff_separators_and_read_cp1252(tmp_path: Path) -> None:
    people = [*roster(6, 3), Attendee("p99", "Hélène Chevalier", "CIO")]
    semicolon = write(tmp_path / "a.csv", "nom;nom\nperson 00;Person 01\n\n;\nhelene chevalier;p02\n")
    assert read_pairs(semicolon, people) == ([("p00", "p01"), ("p02", "p99")], [])
    comma = write(tmp_path / "b.csv", "Person 03,Hélène Chevalier\r\n", encoding="cp1252")
    assert read_pairs(comma, people) == ([("p03", "p99")], [])


def test_pair_files_are_decoded_as_the_attendee_list_is(tmp_path: Path) -> None:
    """Excel for Mac's 'CSV Macintosh' and UTF-16 without a byte-order mark name the right people (they were
    read as Windows-1252, 'é' as 'Ž'); a file that is no text is a problem line, not a crash."""
    people = [*roster(6, 3), Attendee("p99", "Hélène Chevalier", "CIO"), Attendee("p98", "François Noël", "CAF")]
    text = "Hélène Chevalier;François Noël\nPerson 01;Hélène Chevalier\n"
    for encoding in ("mac_roman", "utf-16-le"):
        path = write(tmp_path / f"{encoding}.csv", text, encoding=encoding)
        assert read_pairs(path, people) == ([("p98", "p99"), ("p01", "p99")], [])
    binary = tmp_path / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    with use_language("en"):
        pairs, problems = read_pairs(binary, people)
    assert pairs == [] and len(problems) == 1 and "photo.csv" in problems[0]


def test_bad_rows_are_reported_with_their_line(tmp_path: Path) -> None:
    people = roster(6, 3)
    path = write(tmp_path / "apart.csv", "Person 00;Person 01;Person 02\nPerson 00;Nobody Here\nperson 04;P04\n")
    with use_language("en"):
        pairs, problems = read_pairs(path, people)
    assert pairs == []
    assert len(problems) == 3
    assert "line 1: 3 names instead of 2" in problems[0]
    assert "line 2" in problems[1] and "Nobody Here" in problems[1]
    assert "line 3" in problems[2] and "both names are Person 04" in problems[2]


def test_a_pair_both_kept_apart_and_required_is_a_contradiction(tmp_path: Path) -> None:
    people = roster(8, 4)
    apart = write(tmp_path / "apart.csv", "Person 00;Person 01\nPerson 02;Person 03\n")
    meet = write(tmp_path / "meet.csv", "Person 01;Person 00\n")
    with use_language("en"), pytest.raises(ConstraintError) as refused:
        organiser_constraints(people, keep_apart=apart, should_meet=meet)
    assert str(refused.value) == (
        "Person 00 and Person 01 are both to be kept apart and to meet; remove the pair from one of the files."
    )
    assert organiser_constraints(people, keep_apart=apart).keep_apart == {("p00", "p01"), ("p02", "p03")}


def test_more_people_staying_seated_than_tables_is_refused() -> None:
    people = roster(12, 6, reste_assis={i: "oui" for i in range(4)})
    problem = problem_for(people, 3)
    with use_language("en"), pytest.raises(ConstraintError) as refused:
        apply_constraints(problem, people, organiser_constraints(people))
    assert "4 people stay seated but round 1 has only 3 tables" in str(refused.value)


def test_anchored_people_spread_one_per_table_and_away_from_kept_apart() -> None:
    problem = Problem(organisation_of=tuple(i % 4 for i in range(16)), rounds=3, keep_apart=frozenset({(0, 4)}))
    tables = anchor_tables(problem, [0, 4, 1, 2, 3])
    assert tables[0] != tables[4]
    load = Counter(tables.values())
    assert sorted(load.values()) == [1, 1, 1, 2]
    shared = [p for p in tables if load[tables[p]] == 2]
    assert problem.organisation_of[shared[0]] != problem.organisation_of[shared[1]]


def test_anchored_people_take_the_largest_tables_first() -> None:
    problem = Problem(organisation_of=tuple(i % 5 for i in range(13)), rounds=2)
    assert problem.table_sizes(0) == (4, 3, 3, 3)
    assert anchor_tables(problem, [5, 6]) == {5: 0, 6: 1}


def test_absent_rounds_get_no_fixed_table() -> None:
    people = roster(13, 5, host={0: "x"})
    problem = Problem(organisation_of=tuple(i % 5 for i in range(13)), rounds=3, absences=frozenset({(0, 1)}))
    fixed = apply_constraints(problem, people, organiser_constraints(people)).fixed_tables
    assert set(fixed) == {(0, 0), (0, 2)} and fixed[0, 0] == fixed[0, 2]


def test_a_solved_plan_honours_every_constraint_and_reports_them(tmp_path: Path) -> None:
    people = roster(16, 4, reste_assis={0: "oui", 5: "oui"}, animateur={10: "oui", 15: "oui"})
    apart = write(tmp_path / "apart.csv", "Person 01;Person 02\nPerson 03;Person 06\n")
    meet = write(tmp_path / "meet.csv", "Person 00;Person 07\n")
    constraints = organiser_constraints(people, keep_apart=apart, should_meet=meet)
    problem = problem_for(people, 3, constraints=constraints)
    assert len({problem.fixed_tables[p, r] for p in (0, 5, 10, 15) for r in range(3)}) == 4
    result = solve(problem, time_limit=2, seed=0, workers=1)
    for rnd, tables in enumerate(result.schedule):
        for (person, r), fixed in problem.fixed_tables.items():
            if r == rnd:
                assert person in tables[fixed]
        for table in tables:
            assert not {1, 2} <= set(table) and not {3, 6} <= set(table)
    plan = build_plan(people, Event(), result)
    with use_language("en"):
        lines = constraint_lines(plan, constraints)
    assert lines[0].startswith("Stay seated (2): Person 00 (") and lines[1].startswith("Table hosts (2)")
    assert "Pairs kept apart: 2, 0 of them seated together anyway" in lines
    met = any({0, 7} <= set(table) for tables in result.schedule for table in tables)
    assert f"Pairs who should meet: 1, {int(met)} of them {'meets' if met else 'meet'}" in lines


def test_hosts_beyond_one_per_table_take_part_like_everyone_else_with_a_warning() -> None:
    people = roster(12, 6, host={0: "x", 1: "x", 2: "x", 3: "x", 4: "x"}, reste_assis={4: "oui"})
    constraints = organiser_constraints(people)
    problem = problem_for(people, 4, constraints=constraints)
    assert {p for p, _ in problem.fixed_tables} == {0, 1, 4}
    result = solve(problem, time_limit=1, seed=0, workers=1)
    assert all(len({0, 1, 4} & set(table)) <= 1 for tables in result.schedule for table in tables)
    plan = build_plan(people, Event(), result)
    with use_language("en"):
        lines = constraint_lines(plan, constraints)
    assert lines[0] == (
        "Warning: more hosts than tables (3); Person 02, Person 03 take part like everyone else "
        "(one host per table at most, otherwise two hosts would sit together all session)."
    )
    assert any(line.startswith("Table hosts (3): Person 00 (") and "Person 02" not in line for line in lines)
    assert not any(line.startswith("Cost:") for line in lines)


def test_pairs_who_cannot_meet_are_explained(tmp_path: Path) -> None:
    people = roster(12, 4, reste_assis={0: "oui", 1: "oui"})
    meet = write(tmp_path / "meet.csv", "Person 00;Person 01\nPerson 02;Person 06\n")
    constraints = organiser_constraints(people, should_meet=meet)
    result = solve(problem_for(people, 2, constraints=constraints), time_limit=1, seed=0, workers=1)
    plan = build_plan(people, Event(), result)
    with use_language("en"):
        lines = constraint_lines(plan, constraints)
    assert (
        "  Person 02 and Person 06 do not meet: colleagues from the same organisation are never seated together"
        in lines
    )
    first, second = plan.rounds[0].table_of("p00"), plan.rounds[0].table_of("p01")
    assert first is not None and second is not None
    tables = f"{first.number}/{second.number}"
    assert f"  Person 00 and Person 01 do not meet: each keeps their own table (tables {tables})" in lines
    assert not any("cost more" in line for line in lines)


def test_no_constraints_change_nothing() -> None:
    people = roster(12, 4)
    constraints = organiser_constraints(people)
    assert not constraints and constraints == OrganiserConstraints()
    assert problem_for(people, 2, constraints=constraints) == problem_for(people, 2)


def test_pairs_given_by_id_join_the_files_and_a_pair_naming_someone_unlisted_is_moot(tmp_path: Path) -> None:
    people = roster(8, 4)
    apart = write(tmp_path / "apart.csv", "Person 01;Person 02\n")
    constraints = organiser_constraints(
        people, apart, apart_ids=[("p04", "p03"), ("p05", "p99"), ("p06", "p06")], meet_ids=[("p07", "p00")]
    )
    assert constraints.keep_apart == {("p01", "p02"), ("p03", "p04")}
    assert constraints.should_meet == {("p00", "p07")}
    with use_language("en"), pytest.raises(ConstraintError, match="Person 01 and Person 02 are both"):
        organiser_constraints(people, apart, meet_ids=[("p02", "p01")])


def test_plan_command_applies_constraints_and_explains_contradictions(tmp_path: Path) -> None:
    attendees = write_attendees(tmp_path, 16, 4, name="Person", organisation="Org", seated=(0, 9), hosts=(6,))
    apart = write(tmp_path / "apart.csv", "Person 01;person 02\n")
    code, out, err = plan_quickly(
        attendees, tmp_path / "out", "--lang", "en", "--rounds", "3", "--keep-apart", str(apart)
    )
    assert code == 0, err
    assert "Stay seated (2): Person 00 (" in out and "Table hosts (1): Person 06 (" in out
    assert "Pairs kept apart: 1, 0 of them seated together anyway" in out
    saved = json.loads((tmp_path / "out" / "plan.json").read_text(encoding="utf-8"))
    for attendee_id in ("p01", "p10", "p07"):
        numbers = {t["number"] for r in saved["rounds"] for t in r["tables"] if attendee_id in t["attendees"]}
        assert len(numbers) == 1, (attendee_id, numbers)
    meet = write(tmp_path / "meet.csv", "Person 02;Person 01\nPerson 03;Person 99\n")
    code, out, err = run_cli(
        "--lang",
        "en",
        "plan",
        str(attendees),
        "--rounds",
        "3",
        "--no-history",
        "--keep-apart",
        str(apart),
        "--should-meet",
        str(meet),
        "--out",
        str(tmp_path / "x"),
    )
    assert code == 2 and "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "line 2" in lines[0] and "Person 99" in lines[0]
    assert "Person 01 and Person 02 are both to be kept apart and to meet" in lines[1]
    assert not (tmp_path / "x").exists()
