"""`check` and `print` tell the truth about a plan edited by hand: `check` judges it well formed exactly when the
independent checker does, and every figure either prints is recomputed from the seating."""

import copy
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.conftest import REPO, CheckPlan
from tests.helpers import run_cli

CHECKER_OPTIONS = ("--allow-absent", "--min-size", "2", "--max-size", "7")
"""How `check` judges a plan: people may be absent from a round (a re-planned session); a table seats 2 to 7."""

Document = dict[str, Any]


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Document:
    """A 24-person, two-round plan as `plan` writes it."""
    folder = tmp_path_factory.mktemp("planned")
    attendees = REPO / "instances" / "spro24.csv"
    code, _, err = run_cli(
        "plan", str(attendees), "--rounds", "2", "--time-limit", "2", "--no-history", "--out", str(folder)
    )
    assert code == 0, err
    document: Document = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    return document


def tables(document: Document, number: int) -> list[dict[str, Any]]:
    tables_of_round: list[dict[str, Any]] = document["rounds"][number - 1]["tables"]
    return tables_of_round


def nobody_seated(document: Document) -> None:
    for rnd in document["rounds"]:
        for table in rnd["tables"]:
            table["attendees"] = []


def all_at_one_table(document: Document) -> None:
    first, *others = tables(document, 1)
    first["attendees"] += [x for table in others for x in table["attendees"]]
    document["rounds"][0]["tables"] = [first]


def a_table_of_one(document: Document) -> None:
    first, second, *_ = tables(document, 1)
    second["attendees"] += first["attendees"][1:]
    first["attendees"] = first["attendees"][:1]


def a_table_of_eight(document: Document) -> None:
    first, second, *_ = tables(document, 1)
    first["attendees"] += second["attendees"]
    document["rounds"][0]["tables"].remove(second)


def seated_twice(document: Document) -> None:
    first, second, *_ = tables(document, 1)
    second["attendees"].append(first["attendees"][0])


def an_unknown_person(document: Document) -> None:
    tables(document, 2)[0]["attendees"].append("nobody")


def absent_from_round_two(document: Document) -> None:
    table = next(table for table in tables(document, 2) if len(table["attendees"]) > 3)
    table["attendees"].pop()


def untouched(document: Document) -> None:
    """The plan as written."""


EDITS: list[Callable[[Document], None]] = [
    untouched,
    nobody_seated,
    all_at_one_table,
    a_table_of_one,
    a_table_of_eight,
    seated_twice,
    an_unknown_person,
    absent_from_round_two,
]


@pytest.mark.parametrize("edit", EDITS, ids=[edit.__name__ for edit in EDITS])
def test_check_judges_a_hand_edited_plan_as_the_independent_checker_does(
    planned: Document, tmp_path: Path, check_plan: CheckPlan, edit: Callable[[Document], None]
) -> None:
    document = copy.deepcopy(planned)
    edit(document)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    independent = check_plan(path, *CHECKER_OPTIONS)
    code, out, err = run_cli("check", str(path))
    assert (code == 0) == independent["valid"], (independent["errors"], err)
    if code:
        assert code == 1 and out == "" and len(err.strip().splitlines()) == 1, err
    else:
        assert f"Paires de collègues à une même table : {independent['same_org_pairs']} " in out


def colleagues_together(document: Document) -> None:
    """Swap two people of round 1 so that two colleagues share a table (the plan had none together)."""
    organisation = {a["id"]: a["organisation"] for a in document["attendees"]}
    seating = tables(document, 1)
    for table in seating:
        for other in seating:
            for mover in other["attendees"]:
                if other is not table and any(organisation[x] == organisation[mover] for x in table["attendees"]):
                    swapped = table["attendees"][-1]
                    table["attendees"][-1], other["attendees"][other["attendees"].index(mover)] = mover, swapped
                    return
    raise AssertionError("no two colleagues to seat together")


def master_plan_text(folder: Path) -> str:
    pages = PdfReader(io.BytesIO((folder / "master-plan.pdf").read_bytes())).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_print_recomputes_the_figures_of_a_hand_edited_plan(
    planned: Document, tmp_path: Path, check_plan: CheckPlan
) -> None:
    """The file still says 0 colleague pairs and "proven": the master plan says what the seating holds."""
    assert planned["quality"]["same_org_pairs"] == 0 and planned["quality"]["optimal"]
    document = copy.deepcopy(planned)
    colleagues_together(document)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    independent = check_plan(path, *CHECKER_OPTIONS)
    assert independent["valid"] and independent["same_org_pairs"] > 0
    code, out, err = run_cli("check", str(path))
    assert code == 0, err
    code, _, err = run_cli("print", str(path), "--no-history")
    assert code == 0, err
    text = master_plan_text(tmp_path)
    for line in out.splitlines():
        if line.startswith(("Paires", "Nouvelles rencontres", "Optimalité")):
            assert " ".join(line.split()) in text
    assert f"Paires de collègues à une même table : {independent['same_org_pairs']} " in text
    assert "Optimalité : non prouvée" in text


def test_print_counts_the_pairs_met_in_the_sessions_before_this_one(tmp_path: Path) -> None:
    """Printed again once recorded, a session is not its own history; an earlier one printed again is not
    counted against a later one."""
    db = str(tmp_path / "history.db")
    for number, date in ((1, "2026-11-03"), (2, "2026-12-08")):
        event = tmp_path / f"event{number}.toml"
        event.write_text(f'[event]\ntitle = "Petit-déjeuner {number}"\ndate = "{date}"\n', encoding="utf-8")
        attendees, out_dir = str(REPO / "instances" / "spro24.csv"), str(tmp_path / f"s{number}")
        code, out, err = run_cli(
            "plan", attendees, "--event", str(event), "--rounds", "5", "--time-limit", "1", "--history", db,
            "--out", out_dir,
        )  # fmt: skip
        assert code == 0, err
        assert run_cli("history", "add", str(tmp_path / f"s{number}" / "plan.json"), "--history", db).code == 0
    repeats = next(line for line in out.splitlines() if line.startswith("Paires déjà rencontrées"))
    assert not repeats.endswith(": 0"), "five rounds of 24 people twice force some pairs to meet again"
    for number, expected in ((2, repeats), (1, "Paires déjà rencontrées lors de séances précédentes : 0")):
        code, _, err = run_cli("print", str(tmp_path / f"s{number}" / "plan.json"), "--history", db)
        assert code == 0, err
        assert " ".join(expected.split()) in master_plan_text(tmp_path / f"s{number}")
