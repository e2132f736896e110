"""The history through the command line: session 1, record it, session 2 avoids its pairs; the
other history commands; a writer killed mid-write; two writers at once."""

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("speeddating.importer", reason="the CLI needs the importer")

from speeddating.cli import cli
from speeddating.plan import plan_to_json, write_plan
from tests.conftest import REPO, CheckPlan
from tests.test_history_store import EIGHT, ROUND_A, ROUND_B, make_plan


def run(*args: str, lang: str = "fr", env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--lang", lang, *args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def plan_session(instance: Path, out: Path, db: Path) -> tuple[int, str, str]:
    return run(
        "plan",
        str(instance),
        "--rounds",
        "2",
        "--time-limit",
        "3",
        "--seed",
        "0",
        "--history",
        str(db),
        "--out",
        str(out),
        "--quiet",
    )


def test_second_session_avoids_the_pairs_of_the_first(tmp_path: Path, instances: Path, check_plan: CheckPlan) -> None:
    db = tmp_path / "history.db"
    code, out, err = plan_session(instances / "spro24.csv", tmp_path / "s1", db)
    assert code == 0, err
    assert not db.exists()  # planning records nothing
    code, out, err = run("history", "add", str(tmp_path / "s1" / "plan.json"), "--history", str(db))
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
    assert "Retrouvailles : 0 paire(s) déjà rencontrée(s) avant cette séance, 0 revue(s)" in out
    assert "en imposent au moins 0 au total" in out

    code, _, err = run("history", "add", str(tmp_path / "s1" / "plan.json"), "--history", str(db))
    assert code == 2 and "déjà enregistrée" in err and "--replace" in err
    code, out, err = run(
        "history",
        "add",
        str(tmp_path / "s1" / "plan.json"),
        "--replace",
        "--title",
        "Morning",
        "--history",
        str(db),
        lang="en",
    )
    assert code == 0, err
    assert "'Morning'" in out


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
    write_plan(make_plan(EIGHT, [ROUND_A]), tmp_path / "v1.json")
    write_plan(replace(make_plan(EIGHT, [ROUND_B]), version=2, revised_at="2025-01-15T08:52"), tmp_path / "v2.json")
    assert run("history", "add", str(tmp_path / "v2.json"), "--history", str(db))[0] == 0
    code, _, err = run("history", "add", str(tmp_path / "v1.json"), "--replace", "--history", str(db), lang=lang)
    assert code == 2 and len(err.splitlines()) == 1, err
    assert all(part in err for part in expected), err
    code, out, err = run("history", "add", str(tmp_path / "v1.json"), "--replace", "--force", "--history", str(db))
    assert code == 0 and "Séance n° 1 enregistrée" in out, err
    assert len(run("history", "list", "--history", str(db))[1].splitlines()) == 2
    code, out, _ = run("history", "show", "1", "--history", str(db))
    assert "Table 1 : Anne Martin (France Travail), Chloé Œuvray (Mission Locale)" in out  # version 1's seating


def test_list_show_export_import_remove_and_report(tmp_path: Path) -> None:
    db, copy = tmp_path / "h.db", tmp_path / "copy.db"
    for number, (rounds, date) in enumerate((([ROUND_A], "2025-01-15"), ([ROUND_B], "2025-03-15")), 1):
        write_plan(make_plan(EIGHT, rounds, title=f"Séance {number}", date=date), tmp_path / f"p{number}.json")
        assert run("history", "add", str(tmp_path / f"p{number}.json"), env={"SPEEDDATING_DB": str(db)})[0] == 0
    code, out, _ = run("history", "list", "--history", str(db), lang="en")
    assert code == 0
    assert out.splitlines()[1].split() == ["1", "2025-01-15", "8", "1", "Séance", "1"]
    code, out, _ = run("history", "show", "2", "--history", str(db))
    assert "  Table 1 : Anne Martin (France Travail), Didier Roux (Mission Locale)" in out

    assert run("history", "export", str(tmp_path / "h.json"), "--history", str(db))[0] == 0
    code, out, _ = run("history", "import", str(tmp_path / "h.json"), "--history", str(copy))
    assert code == 0 and "2 séance(s) ajoutée(s)" in out
    code, out, _ = run("history", "import", str(tmp_path / "h.json"), "--history", str(copy))
    assert "0 séance(s) ajoutée(s)" in out and "2 déjà présente(s)" in out

    code, out, err = run("report", "--history", str(copy), "--out", str(tmp_path / "report"))
    assert code == 0, err
    assert out.startswith("Après 2 séance(s) : 8 personnes de 4 structures, 20 rencontres distinctes.")
    assert sorted(p.name for p in (tmp_path / "report").iterdir()) == [
        "report-organisations.csv",
        "report-people.csv",
        "report.pdf",
    ]

    code, out, _ = run("history", "remove", "1", "--history", str(db))
    assert code == 0 and "Séance n° 1" in out
    code, out, _ = run("history", "list", "--history", str(db))
    assert len(out.splitlines()) == 2


def test_missing_store_and_bad_export_are_one_clear_line(tmp_path: Path) -> None:
    code, _, err = run("history", "list", "--history", str(tmp_path / "none.db"))
    assert code == 2 and err.startswith("Erreur : Aucun historique") and len(err.splitlines()) == 1
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    code, _, err = run("history", "import", str(tmp_path / "bad.json"), "--history", str(tmp_path / "h.db"))
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
    good = json.loads(plan_to_json(make_plan(EIGHT, [ROUND_A], title="Un")))
    document = {
        "format": "speeddating-history/1",
        "sessions": [{"title": "Un", "date": "2025-01-15", "plan": good}, {"title": "Deux", "date": "2025-03-15"}],
    }
    (tmp_path / "h.json").write_text(json.dumps(document), encoding="utf-8")
    db = tmp_path / "h.db"
    code, _, err = run("history", "import", str(tmp_path / "h.json"), "--history", str(db), lang=lang)
    assert code == 2 and len(err.splitlines()) == 1, err
    assert all(part in err for part in expected), err
    assert run("history", "list", "--history", str(db))[1].startswith("Aucune séance")


def test_importing_a_damaged_plan_or_a_plan_file_is_bad_input(tmp_path: Path) -> None:
    write_plan(make_plan(EIGHT, [ROUND_A], title="Un"), tmp_path / "plan.json")
    db = tmp_path / "h.db"
    code, _, err = run("history", "import", str(tmp_path / "plan.json"), "--history", str(db))
    assert code == 2 and "plan.json est un plan de séance" in err and "speeddating history add" in err, err
    damaged = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    damaged["rounds"][0]["tables"][0]["attendees"].append("nobody")
    document = {"format": "speeddating-history/1", "sessions": [{"title": "Un", "date": "2025-01-15", "plan": damaged}]}
    (tmp_path / "h.json").write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run("history", "import", str(tmp_path / "h.json"), "--history", str(db), lang="en")
    assert code == 2 and len(err.splitlines()) == 1, err
    assert "h.json, session 1" in err and "nobody" in err and "nothing was imported" in err, err


def large_plan(path: Path, people: int = 400, rounds: int = 20) -> None:
    """Many people and rounds: a write that takes a while."""
    crowd = [(f"Personne {i}", f"Structure {i % 25}", "") for i in range(people)]
    seating = []
    for r in range(rounds):
        order = list(range(people))
        random.Random(r).shuffle(order)
        seating.append([order[t : t + 4] for t in range(0, people, 4)])
    write_plan(make_plan(crowd, seating, title="Grande séance", date="2025-06-01"), path)


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
    write_plan(make_plan(EIGHT, [ROUND_A], title="Un"), tmp_path / "small.json")
    assert run("history", "add", str(tmp_path / "small.json"), "--history", str(db))[0] == 0
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
    code, out, _ = run("history", "list", "--history", str(db))
    assert code == 0 and "Grande séance" not in out


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.15])
def test_a_write_killed_at_any_moment_leaves_all_or_nothing(tmp_path: Path, delay: float) -> None:
    db, finished = tmp_path / "h.db", tmp_path / "finished.db"
    write_plan(make_plan(EIGHT, [ROUND_A], title="Un"), tmp_path / "small.json")
    assert run("history", "add", str(tmp_path / "small.json"), "--history", str(db))[0] == 0
    large_plan(tmp_path / "large.json", people=1000, rounds=30)  # more than SQLite's page cache holds
    before = state(db)
    shutil.copy(db, finished)
    assert run("history", "add", str(tmp_path / "large.json"), "--history", str(finished))[0] == 0
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
        write_plan(make_plan(EIGHT, rounds, title=f"Séance {number}"), plans[-1])
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
