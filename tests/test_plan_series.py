"""`plan --sessions N` end to end: the session folders, the series figures, and the history's planned sessions."""

import json
from pathlib import Path

import pytest

from speeddating.evaluation import evaluate
from speeddating.history.store import open_history, past_encounters, planned_session
from speeddating.i18n import use_language
from speeddating.importer import read_roster
from speeddating.plan import read_plan
from speeddating.planning import plan_schedule, problem_for
from speeddating.session import PlanOptions, fitted_start, plan_session, write_plan_files
from speeddating.wording import series_step
from tests.conftest import CheckPlan
from tests.helpers import CliResult, plan_quickly, run_cli, write_attendees, write_roster

SMALL = ("--rounds", "2", "--table-size", "3")
"""Twelve people of four organisations at four tables of three, two rounds a session."""


def plan_series_quickly(attendees: Path, out: Path, *options: str, sessions: int = 3) -> dict[str, object]:
    """`plan --sessions N --json` with a one-second search per session and no progress lines; its JSON summary."""
    code, stdout, stderr = run_series(attendees, out, "--quiet", "--json", *options, sessions=sessions)
    assert code == 0, stderr
    document: dict[str, object] = json.loads(stdout)
    return document


def run_series(attendees: Path, out: Path, *options: str, sessions: int) -> CliResult:
    """`plan --sessions N` with a one-second search per session."""
    return run_cli(
        "plan", str(attendees), "--sessions", str(sessions), "--time-limit", "1", "--out", str(out), *options
    )


@pytest.mark.slow
def test_each_session_folder_is_a_complete_plan_and_the_figures_add_up(tmp_path: Path, check_plan: CheckPlan) -> None:
    attendees = write_attendees(tmp_path, 12, 4)
    document = plan_series_quickly(attendees, tmp_path / "series", "--no-history", *SMALL)
    single = tmp_path / "single"
    assert plan_quickly(attendees, single, *SMALL).code == 0
    folders = [tmp_path / "series" / f"session-{number}" for number in (1, 2, 3)]
    expected = sorted(path.name for path in single.iterdir())
    met = 0
    after = []
    for number, folder in enumerate(folders):
        assert sorted(path.name for path in folder.iterdir()) == expected
        previous = [arg for earlier in folders[:number] for arg in ("--previous", str(earlier / "plan.json"))]
        figures = check_plan(folder / "plan.json", *previous)
        assert figures["valid"], figures["errors"]
        met += figures["distinct_new_pairs"]
        after.append(met)
    series = document["series"]
    assert isinstance(series, dict)
    assert series["met_after"] == after and series["possible"] == 66 - 4 * 3
    first, alone = check_plan(folders[0] / "plan.json"), check_plan(single / "plan.json")
    for figure in ("same_org_pairs", "repeat_pairs", "distinct_new_pairs"):
        assert first[figure] == alone[figure], figure
    places = [read_plan(folder / "plan.json").series for folder in folders]
    assert [(p.number, p.sessions) for p in places if p is not None] == [(1, 3), (2, 3), (3, 3)]
    assert len({p.key for p in places if p is not None}) == 1


@pytest.mark.slow
def test_the_history_keeps_the_series_planned_until_each_session_is_held(tmp_path: Path) -> None:
    attendees = write_attendees(tmp_path, 12, 4)
    db = tmp_path / "history.db"
    plan_series_quickly(attendees, tmp_path / "series", "--history", str(db), *SMALL)
    listing = run_cli("history", "list", "--history", str(db))
    listed, said = listing.out, listing.err
    assert listed.count("prévue") == 3 and "séance 2 sur 3" in listed
    assert f"Historique : aucune séance tenue ; 3 prévues, pas encore tenues — {db}" in said
    assert past_encounters(db, read_roster(attendees).attendees) == {}, "sessions planned are no encounters"

    added = run_cli("history", "add", str(tmp_path / "series" / "session-1" / "plan.json"), "--history", str(db))
    assert added.code == 0 and "remplace la séance" in added.out
    listing = run_cli("history", "list", "--history", str(db))
    listed, said = listing.out, listing.err
    assert listed.count("prévue") == 2 and listed.count("tenue") == 1
    assert f"Historique : 1 séance, 12 personnes ; 2 prévues, pas encore tenues — {db}" in said

    came = write_roster(
        tmp_path,
        [[f"Personne {n:02d}", f"Structure {n % 4}"] for n in range(12) if n != 5],
        name="came.csv",
    )
    roster = read_roster(came)
    with open_history(db) as connection:
        found = planned_session(connection, roster.attendees)
    assert found is not None and found[1].series is not None and found[1].series.number == 2
    options = PlanOptions(rounds=2, table_size=3, time_limit=1, workers=1)
    result = plan_session(roster, history=db, options=options)
    assert result.plan.series == found[1].series
    assert any("plan de départ" in notice.text("fr") for notice in result.notices)
    past = past_encounters(db, roster.attendees)
    problem = problem_for(roster.attendees, 2, 3, past=past)
    measured, schedule = plan_schedule(result.plan, past)
    start = fitted_start(found[1], roster.attendees, problem, seed=0)
    assert evaluate(measured, schedule).rank() <= evaluate(problem, start).rank(), "never worse than the start"

    second = write_plan_files(result.plan, tmp_path / "second")[0]
    added = run_cli("history", "add", str(second), "--history", str(db))
    assert added.code == 0 and "remplace la séance" in added.out
    listed = run_cli("history", "list", "--history", str(db)).out
    assert listed.count("prévue") == 1 and listed.count("tenue") == 2


def test_the_progress_on_stderr_names_the_session_being_planned(tmp_path: Path) -> None:
    code, _, err = run_series(write_attendees(tmp_path, 12, 4), tmp_path / "series", "--no-history", *SMALL, sessions=2)
    assert code == 0, err
    lines = err.splitlines()
    first = lines.index("Planification de la séance 1 sur 2 ; les séances suivantes viennent après elle.")
    second = lines.index("La séance 1 est planifiée ; planification de la séance 2 sur 2.")
    assert first < second
    assert lines[first + 1].startswith("Séance 1 sur 2 : ") and "nouvelles rencontres" in lines[first + 1]
    assert lines[second + 1 :] and all(line.startswith("Séance 2 sur 2 : ") for line in lines[second + 1 : second + 2])


@pytest.mark.parametrize(
    ("session", "sessions", "said"),
    [
        (1, 4, "Planification de la séance 1 sur 4 ; les séances suivantes viennent après elle."),
        (2, 2, "La séance 1 est planifiée ; planification de la séance 2 sur 2."),
        (2, 3, "La séance 1 est planifiée ; planification des séances 2 et 3 ensemble."),
        (2, 5, "La séance 1 est planifiée ; planification des séances 2 à 5 ensemble."),
    ],
)
def test_the_step_of_a_series_is_said_as_the_organiser_reads_it(session: int, sessions: int, said: str) -> None:
    with use_language("fr"):
        assert series_step(session, sessions) == said


def test_zero_sessions_is_one_clear_line(tmp_path: Path) -> None:
    code, out, err = run_cli("plan", str(write_attendees(tmp_path, 12, 4)), "--sessions", "0", "--no-history")
    assert code != 0 and out == ""
    assert err.strip().splitlines() == [err.strip()] and "--sessions 0 : donnez un nombre de séances de 1 à 20" in err


def _listing(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.slow
def test_the_output_folder_holds_the_latest_plan_alone(tmp_path: Path) -> None:
    """The default output folder is named by the day, so a single plan and a series of the same day meet in it:
    each run leaves only its own plan there, and the organiser's own files stay."""
    attendees, out = write_attendees(tmp_path, 12, 4), tmp_path / "plan"
    single = tmp_path / "single"
    assert plan_quickly(attendees, single, *SMALL).code == 0
    plan_files = sorted(path.name for path in single.iterdir())
    assert plan_quickly(attendees, out, *SMALL).code == 0
    (out / "notes.txt").write_text("salle B")
    plan_series_quickly(attendees, out, "--no-history", *SMALL)
    sessions = [f"session-{number}/{name}" for number in (1, 2, 3) for name in plan_files]
    assert _listing(out) == sorted(["notes.txt", "session-1", "session-2", "session-3", *sessions])
    (out / "session-3" / "à imprimer.txt").write_text("badges")
    plan_series_quickly(attendees, out, "--no-history", *SMALL, sessions=2)
    kept = ["notes.txt", "session-3", "session-3/à imprimer.txt"]
    assert _listing(out) == sorted([*kept, "session-1", "session-2", *sessions[: 2 * len(plan_files)]])
    assert plan_quickly(attendees, out, *SMALL).code == 0
    assert _listing(out) == sorted([*kept, *plan_files])
