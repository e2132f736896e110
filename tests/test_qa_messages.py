"""QA: the refusals an organiser meets with a hand-edited plan or a wrong file say what to do about it."""

import json
from pathlib import Path

import pytest

from tests.test_cli_language import run


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    attendees = tmp_path / "attendees.csv"
    attendees.write_text("nom;structure\n" + "".join(f"P {i};S {i % 3}\n" for i in range(9)), encoding="utf-8")
    code, _, err = run(
        "plan",
        str(attendees),
        "--rounds",
        "2",
        "--time-limit",
        "1",
        "--no-history",
        "--quiet",
        "--out",
        str(tmp_path / "plan"),
    )
    assert code == 0, err
    return tmp_path


def test_a_person_put_at_two_tables_by_hand_is_named_with_the_fix(folder: Path) -> None:
    plan_file = folder / "plan" / "plan.json"
    document = json.loads(plan_file.read_text(encoding="utf-8"))
    tables = document["rounds"][0]["tables"]
    tables[1]["attendees"].append(tables[0]["attendees"][0])
    plan_file.write_text(json.dumps(document), encoding="utf-8")
    for command in (
        ["check", str(plan_file)],
        ["print", str(plan_file)],
        ["history", "add", str(plan_file), "--history", str(folder / "h.db")],
    ):
        code, _, err = run(*command)
        assert code == 1, (command, err)
        assert len(err.strip().splitlines()) == 1
        assert "est assis deux fois" in err and "retirez-le de toutes les tables sauf une" in err, err


def test_the_attendee_list_given_instead_of_the_plan_says_which_file_to_give(folder: Path) -> None:
    code, _, err = run("history", "add", str(folder / "attendees.csv"), "--history", str(folder / "h.db"))
    assert code == 1
    assert "JSON invalide" in err and "indiquez le plan.json écrit par « speeddating plan »" in err
    code, _, err = run("print", str(folder / "plan" / "plan.csv"), "--lang", "en")
    assert 'give the plan.json written by "speeddating plan"' in err


def test_a_file_given_as_the_history_that_is_not_one_says_what_to_give(folder: Path) -> None:
    code, _, err = run(
        "plan",
        str(folder / "attendees.csv"),
        "--history",
        str(folder / "attendees.csv"),
        "--time-limit",
        "1",
        "--quiet",
        "--out",
        str(folder / "autre"),
    )
    assert code == 2
    assert "n'est pas un historique utilisable" in err
    assert "--history" in err and "speeddating.db" in err
