"""The summary counts the people in the room: after a re-plan, absentees are told apart."""

import json
from pathlib import Path

import pytest

from speeddating.i18n import use_language
from speeddating.plan import Plan, PlannedRound, Quality, SeatedTable
from speeddating.roster import Attendee
from speeddating.summary import people_line, reunions_line
from tests.helpers import plan_quickly, run_cli, write_attendees


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("session")
    code, out, err = run_cli(
        "plan",
        str(write_attendees(folder, 16, 4)),
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
    code, out, err = run_cli(
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
    code, out, err = run_cli("--lang", lang, "check", str(tmp_path / "v2" / "plan.json"))
    assert code == 0 and expected in out, err
    code, out, err = run_cli("check", str(tmp_path / "v2" / "plan.json"), "--json")
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


def test_an_even_spread_of_new_people_is_one_number(tmp_path: Path, instances: Path) -> None:
    for language, line in (("fr", "Chacun rencontre 15 nouvelles personnes"), ("en", "Everyone meets 15 new people")):
        code, out, err = run_cli(
            "plan",
            str(instances / "agence52.csv"),
            "--no-history",
            "--quiet",
            "--lang",
            language,
            "--out",
            str(tmp_path / language),
        )
        assert code == 0, err
        assert line in out.splitlines() and "15 et 15" not in out and "15 and 15" not in out


def test_the_numbers_after_people_who_stay_seated_or_host_are_said_to_be_tables(tmp_path: Path) -> None:
    attendees = write_attendees(tmp_path, 20, 5, seated=[0], hosts=[1])
    code, out, err = plan_quickly(attendees, tmp_path / "plan", "--rounds", "3")
    assert code == 0, err
    seated = next(line for line in out.splitlines() if line.startswith("Restent assis"))
    hosts = next(line for line in out.splitlines() if line.startswith("Animateurs"))
    assert seated.startswith("Restent assis (1) : Personne 00 (") and seated.endswith(" (entre parenthèses : sa table)")
    assert hosts.startswith("Animateurs (1) : Personne 01 (") and hosts.endswith(" (entre parenthèses : sa table)")


@pytest.mark.parametrize(
    ("same_org", "history", "expected"),
    [
        (
            1,
            7,
            "At least 6 re-meetings were unavoidable with these head counts, colleagues kept apart where possible; "
            "this plan has 7 (pairs met before and pairs met twice)",
        ),
        (
            1,
            6,
            "At least 6 re-meetings were unavoidable with these head counts, colleagues kept apart where possible; "
            "this plan has 6, the fewest possible",
        ),
        (
            3,
            5,
            "At least 6 re-meetings were unavoidable with these head counts; this plan has 7 (pairs met before, "
            "pairs met twice and avoidable colleague pairs)",
        ),
    ],
)
def test_the_floor_on_re_meetings_says_when_it_is_that_of_plans_keeping_colleagues_apart(
    same_org: int, history: int, expected: str
) -> None:
    quality = Quality(
        same_org_pairs=same_org,
        forced_same_org=1,
        repeat_pairs=0,
        history_repeats=history,
        distinct_new_pairs=20,
        new_pairs_bound=24,
        optimal=False,
        proven_bound=24,
        forced_reunions=6,
    )
    with use_language("en"):
        assert reunions_line(quality) == [expected]
