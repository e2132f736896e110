"""The summary counts the people in the room: after a re-plan, absentees are told apart."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from speeddating.cli import cli
from speeddating.i18n import use_language
from speeddating.plan import Plan, PlannedRound, SeatedTable
from speeddating.roster import Attendee
from speeddating.summary import people_line


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("session")
    attendees = folder / "attendees.csv"
    attendees.write_text(
        "nom;structure\n" + "".join(f"Personne {i:02d};Structure {i % 4}\n" for i in range(16)), encoding="utf-8"
    )
    code, out, err = run(
        "plan",
        str(attendees),
        "--rounds",
        "4",
        "--time-limit",
        "1",
        "--no-history",
        "--out",
        str(folder / "v1"),
        "--quiet",
    )
    assert code == 0, err
    assert "Participants : 16\n" in out
    return folder / "v1" / "plan.json"


@pytest.mark.parametrize(
    ("lang", "expected"), [("fr", "Participants : 15 (2 absents)\n"), ("en", "People: 15 (2 absent)\n")]
)
def test_after_a_replan_the_summary_counts_the_people_present(
    planned: Path, tmp_path: Path, lang: str, expected: str
) -> None:
    code, out, err = run(
        "--lang",
        lang,
        "replan",
        str(planned),
        "--from-round",
        "3",
        "--absent",
        "Personne 01",
        "--absent",
        "Personne 02",
        "--add",
        "Zoé Tard,Structure 9",
        "--time-limit",
        "0.5",
        "--no-history",
        "--out",
        str(tmp_path / "v2"),
        "--quiet",
    )
    assert code == 0, err
    assert expected in out
    code, out, err = run("--lang", lang, "check", str(tmp_path / "v2" / "plan.json"))
    assert code == 0 and expected in out, err
    code, out, err = run("check", str(tmp_path / "v2" / "plan.json"), "--json")
    assert code == 0, err
    assert (json.loads(out)["people"], json.loads(out)["absent"]) == (15, 2)


@pytest.mark.parametrize(
    ("seated_last", "fr", "en"),
    [
        (("a", "b", "c", "d"), "Participants : 4", "People: 4"),
        (("a", "b", "c"), "Participants : 3 (1 absent)", "People: 3 (1 absent)"),
        (("a", "b"), "Participants : 2 (2 absents)", "People: 2 (2 absent)"),
    ],
)
def test_people_line_counts_whoever_sits_in_the_last_round(seated_last: tuple[str, ...], fr: str, en: str) -> None:
    attendees = tuple(Attendee(x, x.upper(), f"Org {x}") for x in "abcd")
    rounds = (
        PlannedRound(1, (SeatedTable(1, ("a", "b")), SeatedTable(2, ("c", "d")))),
        PlannedRound(2, (SeatedTable(1, seated_last),)),
    )
    plan = Plan(attendees=attendees, rounds=rounds)
    with use_language("fr"):
        assert people_line(plan) == fr
    with use_language("en"):
        assert people_line(plan) == en
