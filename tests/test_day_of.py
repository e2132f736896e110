"""On the day: three people absent from round 1, a late arrival after round 2, someone who must stay seated. Each
re-plan's reprint files hold exactly the cards on which something printed changed, and the summary names them."""

import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.conftest import REPO, CheckPlan
from tests.helpers import reprint_list, run_cli

Document = dict[str, Any]


def itinerary_faces(document: Document) -> dict[str, tuple[Any, ...]]:
    """What each person's card says round by round (table, whom they present), read from plan.json alone."""
    faces: dict[str, list[Any]] = {a["id"]: [] for a in document["attendees"]}
    for rnd in document["rounds"]:
        seat = {x: (t["number"], t.get("presents", {}).get(x)) for t in rnd["tables"] for x in t["attendees"]}
        for person, face in faces.items():
            face.append(seat.get(person))
    return {person: tuple(face) for person, face in faces.items()}


def table_faces(document: Document) -> dict[int, tuple[Any, ...]]:
    """What each table's card says round by round (who sits there, whom each presents)."""
    numbers = {t["number"] for rnd in document["rounds"] for t in rnd["tables"]}
    faces: dict[int, list[Any]] = {number: [] for number in numbers}
    for rnd in document["rounds"]:
        seated = {t["number"]: t for t in rnd["tables"]}
        for number, face in faces.items():
            table = seated.get(number)
            face.append(None if table is None else [(x, table.get("presents", {}).get(x)) for x in table["attendees"]])
    return {number: tuple(map(str, face)) for number, face in faces.items()}


def changed_cards(before: Document, after: Document, from_round: int) -> tuple[set[str], set[int]]:
    """The cards to reprint, worked out independently of the tool: people and tables in use from `from_round`
    whose card differs (a newcomer's card is new)."""
    here = {x for rnd in after["rounds"][from_round - 1 :] for t in rnd["tables"] for x in t["attendees"]}
    old, new = itinerary_faces(before), itinerary_faces(after)
    people = {x for x in here if old.get(x) != new[x]}
    used = {t["number"] for rnd in after["rounds"][from_round - 1 :] for t in rnd["tables"]}
    old_tables, new_tables = table_faces(before), table_faces(after)
    return people, {n for n in used if old_tables.get(n) != new_tables[n]}


def assert_presentations_kept(before: Document, after: Document) -> None:
    """A table whose company did not change keeps who presents whom (a new "you present" line means a new card)."""
    for old, new in zip(before["rounds"], after["rounds"], strict=True):
        kept = {frozenset(t["attendees"]): t.get("presents") for t in old["tables"]}
        for table in new["tables"]:
            if frozenset(table["attendees"]) in kept:
                assert table.get("presents") == kept[frozenset(table["attendees"])], (new["number"], table)


def pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages]


def replan(plan: Path, out: Path, *options: str) -> tuple[Document, Document, str]:
    code, summary, err = run_cli("replan", str(plan), "--out", str(out), "--no-history", "--time-limit", "2", *options)
    assert code == 0, err
    before = json.loads(plan.read_text(encoding="utf-8"))
    after = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    return before, after, summary


def assert_reprints_exactly(folder: Path, after: Document, people: set[str], tables: set[int], summary: str) -> None:
    names = {a["id"]: a["name"] for a in after["attendees"]}
    cards = " ".join(pages(folder / "reprint-itineraries.pdf"))
    assert {x for x, name in names.items() if name in cards} == people
    if people:
        assert set(reprint_list(summary.splitlines(), "Parcours à réimprimer")) == {names[x] for x in people}
    table_pages = pages(folder / "reprint-table-cards.pdf")
    if tables:
        assert len(table_pages) == len(tables)
        headings = ("Carte de table à réimprimer", "Cartes de table à réimprimer")
        assert reprint_list(summary.splitlines(), headings) == [f"table {n}" for n in sorted(tables)]
        assert {int(page.split("TABLE ")[1].split()[0]) for page in table_pages} == tables
    else:
        assert table_pages == ["Aucune carte à réimprimer : les cartes imprimées restent justes."]


@pytest.mark.slow
def test_the_day_of_reprints_exactly_the_changed_cards(tmp_path: Path, check_plan: CheckPlan) -> None:
    attendees = REPO / "instances" / "spro24.csv"
    first = tmp_path / "plan"
    code, _, err = run_cli(
        "plan", str(attendees), "--rounds", "5", "--time-limit", "2", "--no-history", "--out", str(first)
    )
    assert code == 0, err
    listed = json.loads((first / "plan.json").read_text(encoding="utf-8"))["attendees"]
    absent = [a["name"] for a in listed[:3]]

    before, after, summary = replan(
        first / "plan.json", tmp_path / "v2", "--from-round", "1", *(w for name in absent for w in ("--absent", name))
    )
    people, tables = changed_cards(before, after, 1)
    assert_reprints_exactly(tmp_path / "v2", after, people, tables, summary)
    unchanged = {a["id"] for a in listed[3:]} - people
    assert unchanged, "people whose table did not change keep their card"
    assert_presentations_kept(before, after)

    before, after, summary = replan(
        tmp_path / "v2" / "plan.json", tmp_path / "v3", "--from-round", "3", "--add", "Zoé Tard,Mission Locale"
    )
    people, tables = changed_cards(before, after, 3)
    late = next(a["id"] for a in after["attendees"] if a["name"] == "Zoé Tard")
    assert late in people
    assert_reprints_exactly(tmp_path / "v3", after, people, tables, summary)

    seated = listed[5]["name"]
    before, after, summary = replan(
        tmp_path / "v3" / "plan.json", tmp_path / "v4", "--from-round", "4", "--stays-seated", seated
    )
    person = next(a["id"] for a in after["attendees"] if a["name"] == seated)
    numbers = {t["number"] for rnd in after["rounds"][3:] for t in rnd["tables"] if person in t["attendees"]}
    assert len(numbers) == 1, "they keep one table in rounds 4 and 5"
    people, tables = changed_cards(before, after, 4)
    assert_reprints_exactly(tmp_path / "v4", after, people, tables, summary)
    for version in ("v2", "v3", "v4"):
        figures = check_plan(tmp_path / version / "plan.json", "--allow-absent")
        assert figures["valid"], figures["errors"]


def test_the_history_records_who_came_not_everyone_listed(tmp_path: Path) -> None:
    """Re-planned from round 1 without two people who never came: 22 attended, not the 24 listed."""
    first = tmp_path / "plan"
    attendees = str(REPO / "instances" / "spro24.csv")
    planned = run_cli("plan", attendees, "--rounds", "2", "--time-limit", "1", "--no-history", "--out", str(first))
    assert planned.code == 0, planned.err
    absent = ("--absent", "p01", "--absent", "p02")
    _, after, _ = replan(first / "plan.json", tmp_path / "v2", "--from-round", "1", *absent)
    code, out, err = run_cli("history", "add", str(tmp_path / "v2" / "plan.json"), "--history", str(tmp_path / "h.db"))
    assert code == 0, err
    assert "22 personnes, 2 tours" in out and len(after["attendees"]) == 24
