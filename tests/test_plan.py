"""The plan file: round trip, the checker accepts what we write, malformed files are named."""

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from speeddating.errors import PlanFormatError
from speeddating.evaluation import evaluate
from speeddating.event import default_event
from speeddating.exporters.spreadsheet import neutralise, plan_rows, rows_to_csv
from speeddating.i18n import use_language
from speeddating.plan import Plan, plan_from_dict, plan_to_dict, read_plan, write_plan
from speeddating.planning import build_plan, measure
from speeddating.problem import Problem
from speeddating.roster import Attendee
from speeddating.solver import SolveResult
from speeddating.status import SolveStatus
from tests.conftest import CheckPlan
from tests.helpers import run_cli, write_attendees

ATTENDEES = [
    Attendee("p1", "Anne Martin", "Pôle emploi", "anne@example.org"),
    Attendee("p2", "Élodie Fauré", "Mission Locale"),
    Attendee("p3", "=Jean Dupont", "Cap emploi"),
    Attendee("p4", "Chloé Œuvray", "CIDFF"),
    Attendee("p5", "Bruno Ngô", "Pôle emploi"),
    Attendee("p6", "Inès Brûlé", "Mission Locale"),
]
SCHEDULE = (((0, 1, 2), (3, 4, 5)), ((0, 3, 5), (1, 2, 4)))


def sample_plan() -> Plan:
    problem = Problem((0, 1, 2, 3, 0, 1), 2, table_size=3)
    evaluation = evaluate(problem, SCHEDULE)
    result = SolveResult(SCHEDULE, evaluation, SolveStatus.FEASIBLE, evaluation.new_pairs_bound, "test", 0.1)
    return build_plan(ATTENDEES, default_event(), result, seed=3, time_limit=5)


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    plan = sample_plan()
    write_plan(plan, tmp_path / "plan.json")
    assert read_plan(tmp_path / "plan.json") == plan


def test_rounds_carry_times_and_themes() -> None:
    document = plan_to_dict(sample_plan())
    first, second = document["rounds"]
    assert (first["start"], first["end"]) == ("08:45", "08:55")
    assert (second["start"], second["end"]) == ("08:57", "09:07")
    assert first["theme"] == "Nos publics"
    assert document["event"]["start"] == "08:30"


def test_checker_agrees_with_our_quality(tmp_path: Path, check_plan: CheckPlan) -> None:
    plan = sample_plan()
    write_plan(plan, tmp_path / "plan.json")
    figures = check_plan(tmp_path / "plan.json")
    assert figures["valid"], figures["errors"]
    assert plan.quality is not None
    for key in ("same_org_pairs", "repeat_pairs", "distinct_new_pairs", "new_pairs_bound"):
        assert figures[key] == getattr(plan.quality, key)
    assert measure(plan) == plan.quality


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="other/2"), "format"),
        (lambda d: d.update(attendees=[]), "attendees: the list is empty"),
        (lambda d: d["attendees"][1].pop("organisation"), r"attendees\[1\]: 'organisation'"),
        (lambda d: d["rounds"][0]["tables"][0]["attendees"].append("p99"), "unknown attendee 'p99'"),
        (lambda d: d["rounds"][1]["tables"][1]["attendees"].append("p1"), "seated twice"),
        (lambda d: d["rounds"][0].update(tables="x"), "round 1, tables: must be a list"),
    ],
)
def test_malformed_plans_name_the_place(
    tmp_path: Path, mutate: Callable[[dict[str, Any]], object], message: str
) -> None:
    document = plan_to_dict(sample_plan())
    mutate(document)
    with use_language("en"), pytest.raises(PlanFormatError, match=message):
        plan_from_dict(document, "plan.json")


def test_plan_file_problems_are_in_french_by_default() -> None:
    document = plan_to_dict(sample_plan())
    document["rounds"][0]["tables"][0]["attendees"].append("p99")
    with pytest.raises(PlanFormatError, match=r"plan\.json : tour 1, table 1 : participant inconnu « p99 »"):
        plan_from_dict(document, "plan.json")


def test_unreadable_plan_files(tmp_path: Path) -> None:
    with pytest.raises(PlanFormatError, match="fichier introuvable"):
        read_plan(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(PlanFormatError, match="JSON invalide"):
        read_plan(tmp_path / "bad.json")


def test_csv_is_for_french_excel_and_defuses_formulas() -> None:
    rows = plan_rows(sample_plan())
    assert len(rows) == 1 + 2 * len(ATTENDEES)
    text = rows_to_csv(rows)
    assert "Tour;Début;Table;Nom;Structure;Thème" in text.splitlines()[0]
    assert "'=Jean Dupont" in text
    assert "Chloé Œuvray" in text


def test_csv_in_english_is_comma_separated_for_english_excel() -> None:
    """English Excel splits CSV at commas (its list separator): a `;` file opened in one column."""
    extra = ["1", "08:45", "2", "Martin, Anne", "CCAS; pôle senior", "Nos publics"]
    with use_language("en"):
        rows = [*plan_rows(sample_plan()), extra]
        text = rows_to_csv(rows)
    assert text.splitlines()[0] == "Round,Start,Table,Name,Organisation,Theme"
    assert list(csv.reader(io.StringIO(text))) == [[neutralise(cell) for cell in row] for row in rows]
    assert rows_to_csv(rows).splitlines()[0] == "Round;Start;Table;Name;Organisation;Theme"


def test_a_person_put_at_two_tables_by_hand_is_named_with_the_fix(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.json"
    document = plan_to_dict(sample_plan())
    tables = document["rounds"][0]["tables"]
    tables[1]["attendees"].append(tables[0]["attendees"][0])
    plan_file.write_text(json.dumps(document), encoding="utf-8")
    for command in (
        ["check", str(plan_file)],
        ["print", str(plan_file)],
        ["history", "add", str(plan_file), "--history", str(tmp_path / "h.db")],
    ):
        code, _, err = run_cli(*command)
        assert code == 1, (command, err)
        assert len(err.strip().splitlines()) == 1
        assert "est assis deux fois" in err and "retirez-le de toutes les tables sauf une" in err, err


def test_the_attendee_list_given_instead_of_the_plan_says_which_file_to_give(tmp_path: Path) -> None:
    attendees = write_attendees(tmp_path, 9, 3)
    code, _, err = run_cli("history", "add", str(attendees), "--history", str(tmp_path / "h.db"))
    assert code == 1
    assert "JSON invalide" in err and "indiquez le plan.json écrit par « speeddating plan »" in err
    (tmp_path / "plan.csv").write_text(rows_to_csv(plan_rows(sample_plan())), encoding="utf-8")
    code, _, err = run_cli("print", str(tmp_path / "plan.csv"), "--lang", "en")
    assert code == 1
    assert 'give the plan.json written by "speeddating plan"' in err
