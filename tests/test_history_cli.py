"""The history through the command line: session 1, record it, session 2 avoids its pairs; the
other history commands; a writer killed mid-write; two writers at once."""

import json
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from speeddating.history.store import add_planned, open_history
from speeddating.plan import plan_to_json, write_plan
from tests.conftest import REPO, CheckPlan
from tests.helpers import (
    EIGHT,
    ROUND_A,
    ROUND_B,
    ROUND_C,
    CliResult,
    run_cli,
    seated_plan,
    series_plans,
    write_attendees,
    write_roster,
)


def plan_session(instance: Path, out: Path, db: Path) -> CliResult:
    """Two rounds planned against the history. The search stops once the plan is proven best (about 2 s on an
    idle machine); the generous limit only matters on a loaded one, where 3 s could end before the proof."""
    options = ["--rounds", "2", "--time-limit", "30", "--seed", "0", "--history", str(db), "--quiet"]
    return run_cli("plan", str(instance), *options, "--out", str(out))


def test_second_session_avoids_the_pairs_of_the_first(tmp_path: Path, instances: Path, check_plan: CheckPlan) -> None:
    db = tmp_path / "history.db"
    code, out, err = plan_session(instances / "spro24.csv", tmp_path / "s1", db)
    assert code == 0, err
    assert not db.exists()  # planning records nothing
    code, out, err = run_cli("history", "add", str(tmp_path / "s1" / "plan.json"), "--history", str(db))
    assert code == 0, err
    assert "Séance n° 1 enregistrée" in out and "24 personnes, 2 tours" in out
    stored = db.read_bytes()

    code, out, err = plan_session(instances / "spro24.csv", tmp_path / "s2", db)
    assert code == 0, err
    assert db.read_bytes() == stored  # planning never writes to the store
    figures = check_plan(tmp_path / "s2" / "plan.json", "--previous", str(tmp_path / "s1" / "plan.json"))
    assert figures["valid"], figures["errors"]
    assert figures["history_repeats"] == 0  # 14 new people each for 6 seats: nothing forces a repeat
    assert figures["repeat_pairs"] == 0 and figures["same_org_pairs"] == figures["forced_same_org"] == 0
    assert "retrouvaille" not in out  # nothing forced, nothing to explain

    code, _, err = run_cli("history", "add", str(tmp_path / "s1" / "plan.json"), "--history", str(db))
    assert code == 2 and "déjà enregistrée" in err and "--replace" in err
    code, out, err = run_cli(
        "history",
        "add",
        str(tmp_path / "s1" / "plan.json"),
        "--replace",
        "--title",
        "Morning",
        "--history",
        str(db),
        "--lang",
        "en",
    )
    assert code == 0, err
    assert "'Morning'" in out


def test_when_everyone_has_met_the_summary_json_and_master_plan_say_how_many_re_meetings_were_forced(
    tmp_path: Path,
) -> None:
    db = tmp_path / "history.db"
    write_plan(seated_plan(EIGHT, [ROUND_A, ROUND_B, ROUND_C]), tmp_path / "s1.json")
    assert run_cli("history", "add", str(tmp_path / "s1.json"), "--history", str(db)).code == 0
    roster = write_roster(tmp_path, [(name, organisation) for name, organisation, _ in EIGHT])
    options = ("--rounds", "2", "--time-limit", "1", "--seed", "0", "--history", str(db), "--quiet")
    code, out, err = run_cli("plan", str(roster), *options, "--out", str(tmp_path / "fr"))
    assert code == 0, err
    # Everyone met every other organisation in the three rounds recorded: all 24 seat pairs re-meet.
    line = (
        "Au moins 24 retrouvailles étaient inévitables avec ces effectifs, collègues séparés autant que possible ; "
        "ce plan en compte 24, le minimum possible"
    )
    assert line in out
    master_plan = "".join(page.extract_text() for page in PdfReader(tmp_path / "fr" / "master-plan.pdf").pages)
    assert "Au moins 24 retrouvailles" in " ".join(master_plan.split())
    # Printed again from the file, whose figures are recomputed: the floor is recomputed too, not dropped.
    again = ("print", str(tmp_path / "fr" / "plan.json"), "--history", str(db), "--out", str(tmp_path / "again"))
    assert run_cli(*again).code == 0
    master_plan = "".join(page.extract_text() for page in PdfReader(tmp_path / "again" / "master-plan.pdf").pages)
    assert "Au moins 24 retrouvailles" in " ".join(master_plan.split())
    code, out, err = run_cli("--lang", "en", "plan", str(roster), *options, "--out", str(tmp_path / "en"), "--json")
    assert code == 0, err
    assert json.loads(out)["quality"]["forced_reunions"] == 24
    code, out, err = run_cli("--lang", "en", "plan", str(roster), *options, "--out", str(tmp_path / "en2"))
    assert (
        "At least 24 re-meetings were unavoidable with these head counts, colleagues kept apart where possible; "
        "this plan has 24, the fewest possible"
    ) in out


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            [
                "v1.json : version 1 du plan, plus ancienne que la version 2 (2025-01-15 08:52) déjà enregistrée "
                "(séance n° 1, « Petit-déjeuner » du 2025-01-15)",
                "--force",
            ],
        ),
        (
            "en",
            [
                "v1.json: version 1 of the plan, older than version 2 (2025-01-15 08:52) already recorded "
                "(session 1, 'Petit-déjeuner' on 2025-01-15)",
                "--force",
            ],
        ),
    ],
)
def test_replace_refuses_an_older_version_of_the_plan_unless_forced(
    tmp_path: Path, lang: str, expected: list[str]
) -> None:
    db = tmp_path / "h.db"
    write_plan(seated_plan(EIGHT, [ROUND_A]), tmp_path / "v1.json")
    write_plan(replace(seated_plan(EIGHT, [ROUND_B]), version=2, revised_at="2025-01-15T08:52"), tmp_path / "v2.json")
    assert run_cli("history", "add", str(tmp_path / "v2.json"), "--history", str(db))[0] == 0
    code, _, err = run_cli(
        "history", "add", str(tmp_path / "v1.json"), "--replace", "--history", str(db), "--lang", lang
    )
    assert code == 2 and len(err.splitlines()) == 1, err
    assert all(part in err for part in expected), err
    code, out, err = run_cli("history", "add", str(tmp_path / "v1.json"), "--replace", "--force", "--history", str(db))
    assert code == 0 and "Séance n° 1 enregistrée" in out, err
    assert len(run_cli("history", "list", "--history", str(db))[1].splitlines()) == 2
    code, out, _ = run_cli("history", "show", "1", "--history", str(db))
    assert "Table 1 : Anne Martin (France Travail), Chloé Œuvray (Mission Locale)" in out  # version 1's seating


def test_list_show_export_import_remove_and_report(tmp_path: Path) -> None:
    db, copy = tmp_path / "h.db", tmp_path / "copy.db"
    for number, (rounds, date) in enumerate((([ROUND_A], "2025-01-15"), ([ROUND_B], "2025-03-15")), 1):
        write_plan(seated_plan(EIGHT, rounds, title=f"Séance {number}", date=date), tmp_path / f"p{number}.json")
        assert run_cli("history", "add", str(tmp_path / f"p{number}.json"), env={"SPEEDDATING_DB": str(db)})[0] == 0
    code, out, _ = run_cli("history", "list", "--history", str(db), "--lang", "en")
    assert code == 0
    assert out.splitlines()[1].split() == ["1", "2025-01-15", "8", "1", "held", "Séance", "1"]
    code, out, _ = run_cli("history", "show", "2", "--history", str(db))
    assert "  Table 1 : Anne Martin (France Travail), Didier Roux (Mission Locale)" in out

    assert run_cli("history", "export", str(tmp_path / "h.json"), "--history", str(db))[0] == 0
    code, out, _ = run_cli("history", "import", str(tmp_path / "h.json"), "--history", str(copy))
    assert code == 0 and "2 séances ajoutées" in out
    code, out, _ = run_cli("history", "import", str(tmp_path / "h.json"), "--history", str(copy))
    assert "0 séance ajoutée" in out and "2 déjà présentes" in out

    code, out, err = run_cli("report", "--history", str(copy), "--out", str(tmp_path / "report"))
    assert code == 0, err
    assert out.startswith("Après 2 séances : 8 personnes de 4 structures, 20 rencontres distinctes.")
    assert sorted(p.name for p in (tmp_path / "report").iterdir()) == [
        "report-organisations.csv",
        "report-people.csv",
        "report.pdf",
    ]

    code, out, _ = run_cli("history", "remove", "1", "--history", str(db))
    assert code == 0 and "Séance n° 1" in out
    code, out, _ = run_cli("history", "list", "--history", str(db))
    assert len(out.splitlines()) == 2


def test_missing_store_and_bad_export_are_one_clear_line(tmp_path: Path) -> None:
    code, _, err = run_cli("history", "list", "--history", str(tmp_path / "none.db"))
    assert code == 2 and err.startswith("Erreur : Aucun historique") and len(err.splitlines()) == 1
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    code, _, err = run_cli("history", "import", str(tmp_path / "bad.json"), "--history", str(tmp_path / "h.db"))
    assert code == 2 and "bad.json" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            [
                "h.json, séance 2 (« Deux » du 2025-03-15) : aucun plan",
                "rien n'a été importé",
                "speeddating history export",
            ],
        ),
        (
            "en",
            ["h.json, session 2 ('Deux' on 2025-03-15): no plan", "nothing was imported", "speeddating history export"],
        ),
    ],
)
def test_importing_a_session_without_its_plan_names_the_file_the_session_and_the_fix(
    tmp_path: Path, lang: str, expected: list[str]
) -> None:
    good = json.loads(plan_to_json(seated_plan(EIGHT, [ROUND_A], title="Un")))
    document = {
        "format": "speeddating-history/1",
        "sessions": [{"title": "Un", "date": "2025-01-15", "plan": good}, {"title": "Deux", "date": "2025-03-15"}],
    }
    (tmp_path / "h.json").write_text(json.dumps(document), encoding="utf-8")
    db = tmp_path / "h.db"
    code, _, err = run_cli("history", "import", str(tmp_path / "h.json"), "--history", str(db), "--lang", lang)
    assert code == 2 and len(err.splitlines()) == 1, err
    assert all(part in err for part in expected), err
    assert run_cli("history", "list", "--history", str(db))[1].startswith("Aucune séance")


def test_importing_a_damaged_plan_or_a_plan_file_is_bad_input(tmp_path: Path) -> None:
    write_plan(seated_plan(EIGHT, [ROUND_A], title="Un"), tmp_path / "plan.json")
    db = tmp_path / "h.db"
    code, _, err = run_cli("history", "import", str(tmp_path / "plan.json"), "--history", str(db))
    assert code == 2 and "plan.json est un plan de séance" in err and "speeddating history add" in err, err
    damaged = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    damaged["rounds"][0]["tables"][0]["attendees"].append("nobody")
    document = {"format": "speeddating-history/1", "sessions": [{"title": "Un", "date": "2025-01-15", "plan": damaged}]}
    (tmp_path / "h.json").write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run_cli("history", "import", str(tmp_path / "h.json"), "--history", str(db), "--lang", "en")
    assert code == 2 and len(err.splitlines()) == 1, err
    assert "h.json, session 1" in err and "nobody" in err and "nothing was imported" in err, err


def test_replacing_names_the_session_replaced_with_its_head_count(tmp_path: Path) -> None:
    """Same title and date, other people: the organiser should notice which session a replacement swaps out."""
    store = str(tmp_path / "historique.db")
    write_plan(seated_plan(EIGHT, [ROUND_A, ROUND_B]), tmp_path / "matin.json")
    assert run_cli("history", "add", str(tmp_path / "matin.json"), "--history", store)[0] == 0
    others = [(f"Autre {i}", f"S {i % 3}", "") for i in range(9)]
    other = tmp_path / "autre.json"
    write_plan(seated_plan(others, [[[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[0, 3, 6], [1, 4, 7], [2, 5, 8]]]), other)
    code, _, err = run_cli("history", "add", str(other), "--history", store)
    assert code == 2
    assert "s'il s'agit d'une autre séance du même jour, donnez-lui un autre titre avec --title" in err
    code, out, err = run_cli("history", "add", str(other), "--history", store, "--replace")
    assert code == 0, err
    assert out.splitlines() == [
        f"Séance n° 1 enregistrée dans {store} : « Petit-déjeuner » du 2025-01-15, 9 personnes, 2 tours.",
        "Elle remplace la séance n° 1 : « Petit-déjeuner » du 2025-01-15, 8 personnes, 2 tours.",
    ]


def test_a_file_given_as_the_history_that_is_not_one_says_what_to_give(tmp_path: Path) -> None:
    attendees = write_attendees(tmp_path, 9, 3)
    code, _, err = run_cli(
        "plan", str(attendees), "--history", str(attendees), "--time-limit", "1", "--quiet", "--out", str(tmp_path)
    )
    assert code == 2
    assert "n'est pas un historique utilisable" in err
    assert "--history" in err and "historique par défaut" in err


def run_unprivileged(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command as an ordinary user would run it: as root, without the capabilities that bypass permissions."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: file permissions are not enforced")
        prefix = [setpriv, "--bounding-set=-all", "--inh-caps=-all"]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "speeddating", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def read_only(path: Path) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)


def test_a_history_in_a_read_only_folder_says_it_cannot_be_written(tmp_path: Path) -> None:
    write_plan(seated_plan(EIGHT, [ROUND_A]), tmp_path / "plan.json")
    locked = tmp_path / "partage"
    locked.mkdir()
    read_only(locked)
    try:
        result = run_unprivileged(
            "history", "add", str(tmp_path / "plan.json"), "--history", str(locked / "historique.db"), cwd=tmp_path
        )
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("Erreur : ") and "historique.db" in lines[0]
    assert "impossible d'écrire" in lines[0] and "n'est pas un historique utilisable" not in lines[0]
    assert not (locked / "historique.db").exists()


def test_a_read_only_history_file_says_it_cannot_be_written(tmp_path: Path) -> None:
    store = tmp_path / "historique.db"
    write_plan(seated_plan(EIGHT, [ROUND_A], title="Un"), tmp_path / "un.json")
    assert run_cli("history", "add", str(tmp_path / "un.json"), "--history", str(store))[0] == 0
    store.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    write_plan(seated_plan(EIGHT, [ROUND_B], title="Deux"), tmp_path / "deux.json")
    result = run_unprivileged("history", "add", str(tmp_path / "deux.json"), "--history", str(store), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    line = result.stderr.strip()
    assert line.startswith("Erreur : ") and "historique.db" in line and "impossible d'écrire" in line
    assert "n'est pas un historique utilisable" not in line


def large_plan(path: Path, people: int = 400, rounds: int = 20) -> None:
    """Many people and rounds: a write that takes a while."""
    crowd = [(f"Personne {i}", f"Structure {i % 25}", "") for i in range(people)]
    seating = []
    for r in range(rounds):
        order = list(range(people))
        random.Random(r).shuffle(order)
        seating.append([order[t : t + 4] for t in range(0, people, 4)])
    write_plan(seated_plan(crowd, seating, title="Grande séance", date="2025-06-01"), path)


def state(db: Path) -> tuple[str, list[tuple[int, str]], int, int]:
    with sqlite3.connect(db) as connection:
        return (
            connection.execute("PRAGMA integrity_check").fetchone()[0],
            connection.execute("SELECT id, title FROM sessions ORDER BY id").fetchall(),
            connection.execute("SELECT COUNT(*) FROM people").fetchone()[0],
            connection.execute("SELECT COUNT(*) FROM encounters").fetchone()[0],
        )


def add_process(plan: Path, db: Path) -> subprocess.Popen[bytes]:
    path = os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])
    return subprocess.Popen(
        [sys.executable, "-m", "speeddating", "history", "add", str(plan), "--history", str(db)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": path},
    )


def test_a_write_killed_midway_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    write_plan(seated_plan(EIGHT, [ROUND_A], title="Un"), tmp_path / "small.json")
    assert run_cli("history", "add", str(tmp_path / "small.json"), "--history", str(db))[0] == 0
    large_plan(tmp_path / "large.json")
    before = state(db)
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM sessions").fetchone()  # a reader holds the file: the commit must wait
    writer = add_process(tmp_path / "large.json", db)
    journal = db.with_name(db.name + "-journal")
    deadline = time.monotonic() + 20
    while not (journal.exists() and journal.stat().st_size > 0) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)
    assert writer.poll() is None, writer.communicate()  # still writing (waiting to commit) when killed
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    reader.execute("COMMIT")
    reader.close()
    assert state(db) == before
    code, out, _ = run_cli("history", "list", "--history", str(db))
    assert code == 0 and "Grande séance" not in out


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.15])
def test_a_write_killed_at_any_moment_leaves_all_or_nothing(tmp_path: Path, delay: float) -> None:
    db, finished = tmp_path / "h.db", tmp_path / "finished.db"
    write_plan(seated_plan(EIGHT, [ROUND_A], title="Un"), tmp_path / "small.json")
    assert run_cli("history", "add", str(tmp_path / "small.json"), "--history", str(db))[0] == 0
    large_plan(tmp_path / "large.json", people=1000, rounds=30)  # more than SQLite's page cache holds
    before = state(db)
    shutil.copy(db, finished)
    assert run_cli("history", "add", str(tmp_path / "large.json"), "--history", str(finished))[0] == 0
    after = state(finished)
    writer = add_process(tmp_path / "large.json", db)
    journal = db.with_name(db.name + "-journal")
    deadline = time.monotonic() + 20
    while not journal.exists() and writer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(delay)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert state(db) in (before, after)


def test_two_writers_at_once_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    plans = []
    for number, rounds in enumerate(([ROUND_A], [ROUND_B]), 1):
        plans.append(tmp_path / f"p{number}.json")
        write_plan(seated_plan(EIGHT, rounds, title=f"Séance {number}"), plans[-1])
    writers = [add_process(plan, db) for plan in plans]
    for writer in writers:
        _, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err.decode()
    assert sorted(title for _, title in state(db)[1]) == ["Séance 1", "Séance 2"]


@pytest.fixture(autouse=True)
def _no_ambient_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads ./speeddating.db or an organiser's $SPEEDDATING_DB by accident."""
    monkeypatch.delenv("SPEEDDATING_DB", raising=False)
    monkeypatch.chdir(tmp_path)


def test_the_history_follows_the_organiser_from_one_session_folder_to_the_next(
    tmp_path: Path, instances: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`init seance1`, plan, record; `init seance2`, plan: the second plan knows the first session, and every
    command says which history it used and what it holds."""
    store = tmp_path / "user-data" / "speeddating" / "history.db"
    for folder in ("seance1", "seance2"):
        monkeypatch.chdir(tmp_path)
        assert run_cli("init", folder)[0] == 0
        monkeypatch.chdir(tmp_path / folder)
        code, out, err = run_cli(
            "plan", str(instances / "spro24.csv"), "--rounds", "2", "--time-limit", "2", "--out", "plan"
        )
        assert code == 0, err
        if folder == "seance1":
            assert f"Historique : aucune séance enregistrée pour l'instant — {store}" in out
            code, out, err = run_cli("history", "add", "plan/plan.json")
            assert code == 0 and f"enregistrée dans {store}" in out
            assert f"Historique : 1 séance, 24 personnes — {store}" in err
    assert f"Historique : 1 séance, 24 personnes — {store}" in out
    assert "Paires déjà rencontrées lors de séances précédentes : 0" in out


def test_a_history_in_the_former_place_is_still_found_and_the_line_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_plan(seated_plan(EIGHT, [ROUND_A], title="Séance 1"), tmp_path / "p1.json")
    assert run_cli("history", "add", "p1.json", "--history", "speeddating.db")[0] == 0
    code, out, err = run_cli("history", "list")
    assert code == 0 and "Séance 1" in out
    assert err.strip() == (
        f"Historique : 1 séance, 8 personnes — {tmp_path / 'speeddating.db'} (l'ancien emplacement, dans le "
        "dossier courant ; il reste utilisé tant qu'il s'y trouve)"
    )


def test_report_and_show_merge_a_renamed_organisation_with_an_aliases_file(tmp_path: Path) -> None:
    """Between two sessions "Cap emploi" took the name "Handi Pro 41": one organisation with the aliases file."""
    db = tmp_path / "h.db"
    renamed = [(name, "Handi Pro 41" if org == "Cap emploi" else org, email) for name, org, email in EIGHT]
    for number, (people, rounds) in enumerate(((EIGHT, [ROUND_A]), (renamed, [ROUND_B])), start=1):
        plan = seated_plan(people, rounds, title=f"S{number}", date=f"2025-0{number}-10")
        write_plan(plan, tmp_path / f"p{number}.json")
        assert run_cli("history", "add", str(tmp_path / f"p{number}.json"), "--history", str(db))[0] == 0
    aliases = tmp_path / "alias.csv"
    aliases.write_text("alias;organisation\nCap emploi;Handi Pro 41\n", encoding="utf-8")
    code, out, err = run_cli("report", "--history", str(db), "--out", str(tmp_path / "r1"))
    assert code == 0, err
    assert "8 personnes de 4 structures" in out  # the people took the new name when recorded again
    code, out, _ = run_cli("history", "show", "1", "--history", str(db))
    assert "(Cap emploi)" in out
    code, out, _ = run_cli("history", "show", "1", "--history", str(db), "--aliases", str(aliases))
    assert "(Handi Pro 41)" in out and "(Cap emploi)" not in out


def test_a_session_planned_but_not_held_is_named_without_a_day(tmp_path: Path) -> None:
    """A series' later sessions have no day until they are held: the lines naming them say so, not "on ,"."""
    store = tmp_path / "history.db"
    first, second = series_plans()
    with open_history(store, write=True) as connection:
        add_planned(connection, [first, second])
    held = tmp_path / "held.json"
    on_the_day = seated_plan(EIGHT, [ROUND_C], title=first.event.title, date="2026-01-13")
    write_plan(replace(on_the_day, series=first.series), held)

    code, out, err = run_cli("history", "add", str(held), "--history", str(store), "--lang", "en")
    assert code == 0, err
    assert out.splitlines()[1] == "It replaces session 1: 'Série, séance 1', not dated yet, 8 people, 1 round."
    code, out, err = run_cli("history", "show", "2", "--history", str(store))
    assert code == 0, err
    assert out.splitlines()[0] == "Séance n° 2 : « Série, séance 2 », pas encore datée, 8 personnes, 1 tour"
    code, out, err = run_cli("history", "remove", "2", "--history", str(store))
    assert code == 0, err
    assert out.strip() == "Séance n° 2 (« Série, séance 2 », pas encore datée) retirée de l'historique."
    code, out, err = run_cli("history", "remove", "3", "--history", str(store), "--lang", "en")
    assert code == 0, err
    assert out.strip() == "Session 3 ('Série, séance 1' on 2026-01-13) removed from the history."
