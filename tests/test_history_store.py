"""The history store: recording, identities, recency weights, duplicates, export, migration, crashes."""

import json
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import pytest

from speeddating.evaluation import evaluate
from speeddating.history.store import (
    APPLICATION_ID,
    RECENCY_TIE_BREAK,
    SCHEMA_VERSION,
    HistoryError,
    SessionStatus,
    add_plan,
    add_planned,
    export_history,
    import_history,
    list_sessions,
    migrate,
    open_history,
    past_encounters,
    planned_session,
    remove_session,
    schema_version,
    session_plan,
)
from speeddating.plan import Plan, plan_to_json
from speeddating.planning import problem_for
from speeddating.solver import solve
from tests.helpers import EIGHT, ROUND_A, ROUND_B, ROUND_C, attendees_of, record, seated_plan, series_plans

EIGHT_ATTENDEES = attendees_of(EIGHT)


def pair(plan: Plan, a: int, b: int) -> frozenset[str]:
    return frozenset((plan.attendees[a].identity, plan.attendees[b].identity))


def test_recorded_session_is_listed_with_head_count_and_rounds(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    plan = seated_plan(EIGHT, [ROUND_A, ROUND_B], title="Janvier")
    session = record(db, plan)
    with open_history(db) as connection:
        (info,) = list_sessions(connection)
        shown_info, shown = session_plan(connection, session)
    assert (info.id, info.title, info.date, info.people, info.rounds) == (session, "Janvier", "2025-01-15", 8, 2)
    assert shown_info == info and shown == plan


def test_past_encounters_weigh_recent_sessions_a_little_more(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    older = seated_plan(EIGHT, [ROUND_A], title="Un", date="2025-01-15")
    newer = seated_plan(EIGHT, [ROUND_B], title="Deux", date="2025-03-15")
    record(db, newer)
    record(db, older)
    past = past_encounters(db, older.attendees)
    latest = past[pair(older, 0, 3)]  # round B, the latest session
    assert past[pair(older, 0, 2)] < latest  # round A only, the older session
    assert past[pair(older, 0, 6)] == latest  # both: counts at its latest meeting
    assert all(1 <= weight <= 1 + 1e-5 for weight in past.values()), "every re-meeting costs about one"
    assert pair(older, 0, 7) not in past  # never at one table
    assert len(past) == 2 * 12 - 4  # two rounds of 12 pairs, of which (0,6) (2,4) (1,7) (3,5) twice


def test_a_plan_re_meets_as_few_people_as_it_can_before_it_prefers_older_pairs(tmp_path: Path) -> None:
    """One round of the eight: three pairs met two sessions ago, or one met then and one met last time. Each
    re-meeting is a new encounter missed, so the fewer win, however old the three are."""
    db = tmp_path / "h.db"
    record(db, seated_plan(EIGHT, [[[0, 7], [2, 4]], [[2, 5]], [[2, 6], [5, 7]]], title="Un", date="2025-01-15"))
    record(db, seated_plan(EIGHT, [[[0, 1], [2, 3]]], title="Deux", date="2025-02-15"))
    record(db, seated_plan(EIGHT, [[[1, 3], [2, 7]]], title="Trois", date="2025-03-15"))
    problem = problem_for(EIGHT_ATTENDEES, 1, 4, past=past_encounters(db, EIGHT_ATTENDEES))
    splits = [
        (table, tuple(p for p in range(8) if p not in table))
        for table in combinations(range(8), 4)
        if 0 in table and not any(problem.same_org(a, b) for a, b in combinations(table, 2))
    ]
    fewest = min(evaluate(problem, (split,)).history_repeats for split in splits)
    result = solve(problem, time_limit=2, seed=0, workers=1)
    assert evaluate(problem, result.schedule).history_repeats == fewest


def test_a_person_keeps_history_across_organisation_and_spelling_changes(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    first = seated_plan(EIGHT, [ROUND_A])
    record(db, first)
    moved = list(EIGHT)
    moved[0] = ("Anne Martin-Roux", "Cap emploi", "ANNE.MARTIN@example.org")  # email, new organisation
    moved[2] = ("CHLOE  œuvray", "mission-locale", "")  # accents, case, hyphens and spacing
    moved[4] = ("Elodie Faure", "Centre d'information et d'orientation", "")  # renamed, name unique
    later = seated_plan(moved, [ROUND_B], date="2025-02-01")
    past = past_encounters(db, later.attendees)
    assert past[pair(later, 0, 2)] == 1 + RECENCY_TIE_BREAK
    assert past[pair(later, 0, 4)] == 1 + RECENCY_TIE_BREAK
    assert past[pair(later, 2, 4)] == 1 + RECENCY_TIE_BREAK
    record(db, later)
    with open_history(db) as connection:
        people = connection.execute("SELECT COUNT(*) FROM people").fetchone()[0]
        organisation = connection.execute(
            "SELECT organisation FROM people WHERE email = 'anne.martin@example.org'"
        ).fetchone()[0]
    assert people == 8
    assert organisation == "Cap emploi"


def test_adding_the_same_session_twice_is_refused_or_replaced(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    plan = seated_plan(EIGHT, [ROUND_A])
    first = record(db, plan)
    with pytest.raises(HistoryError, match=f"n° {first}"):
        record(db, plan)
    with pytest.raises(HistoryError):  # same title and date, the seating changed on the day
        record(db, seated_plan(EIGHT, [ROUND_B]))
    renamed = replace(
        plan,
        attendees=tuple(replace(a, id="x" + a.id) for a in plan.attendees),
        rounds=tuple(
            replace(r, tables=tuple(replace(t, attendees=tuple("x" + i for i in t.attendees)) for t in r.tables))
            for r in plan.rounds
        ),
    )
    with pytest.raises(HistoryError):  # other ids, same people at the same tables
        record(db, renamed, title="Autre titre")
    second = record(db, seated_plan(EIGHT, [ROUND_B]), replace=True)
    past = past_encounters(db, plan.attendees)
    with open_history(db) as connection:
        assert [s.id for s in list_sessions(connection)] == [second]
    assert pair(plan, 0, 3) in past and pair(plan, 0, 2) not in past


def test_replacing_with_an_older_version_of_the_plan_is_refused_unless_forced(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    v1 = seated_plan(EIGHT, [ROUND_A])
    v2 = replace(seated_plan(EIGHT, [ROUND_B]), version=2, revised_at="2025-01-15T08:52")
    v2_earlier = replace(seated_plan(EIGHT, [ROUND_C]), version=2, revised_at="2025-01-15T08:41")
    recorded = record(db, v2)
    for older in (v1, v2_earlier):
        with pytest.raises(HistoryError, match=f"n° {recorded}") as refused:
            record(db, older, replace=True, source="v1/plan.json")
        assert "v1/plan.json" in str(refused.value) and "--force" in str(refused.value)
        assert "version 2 (2025-01-15 08:52)" in str(refused.value)
    with open_history(db) as connection:
        assert [
            (s.id, plan.version) for s in list_sessions(connection) for _, plan in [session_plan(connection, s.id)]
        ] == [(recorded, 2)]
    forced = record(db, v1, replace=True, force=True)
    with open_history(db) as connection:
        assert session_plan(connection, forced)[1].version == 1
    newer = record(db, replace(v2, version=3), replace=True)
    with open_history(db) as connection:
        assert [session_plan(connection, s.id)[1].version for s in list_sessions(connection)] == [3]
        assert [s.id for s in list_sessions(connection)] == [newer]


def test_remove_forgets_the_session_and_people_seen_only_there(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    keep = record(db, seated_plan(EIGHT[:4], [[[0, 2], [1, 3]]], title="Un"))
    gone = record(db, seated_plan(EIGHT, [ROUND_A], title="Deux"))
    with open_history(db, write=True) as connection:
        assert remove_session(connection, gone).title == "Deux"
        with pytest.raises(HistoryError):
            remove_session(connection, gone)
        assert [s.id for s in list_sessions(connection)] == [keep]
        assert connection.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 4
        assert connection.execute("SELECT COUNT(*) FROM encounters").fetchone()[0] == 2


def test_export_import_round_trip_and_merge(tmp_path: Path) -> None:
    mine, theirs, merged = tmp_path / "mine.db", tmp_path / "theirs.db", tmp_path / "merged.db"
    record(mine, seated_plan(EIGHT, [ROUND_A], title="Un", date="2025-01-15"))
    record(mine, seated_plan(EIGHT, [ROUND_B], title="Deux", date="2025-03-15"))
    other = [
        ("Anne Martin", "Cap emploi", "anne.martin@example.org"),
        ("Zoé Blanc", "CCI", ""),
        ("Yann Morel", "APEC", ""),
        ("Bruno Ngô", "France Travail", ""),
    ]
    record(theirs, seated_plan(other, [[[0, 1], [2, 3]]], title="Ailleurs", date="2025-02-01"))
    with open_history(mine) as connection:
        exported = json.loads(json.dumps(export_history(connection)))
    with open_history(merged, write=True) as connection:
        assert import_history(connection, exported).added == 2
        assert export_history(connection) == exported
        again = import_history(connection, exported)
        assert (again.added, again.already_known) == (0, 2)
    with open_history(theirs) as connection:
        from_them = export_history(connection)
    with open_history(merged, write=True) as connection:
        assert import_history(connection, from_them).added == 1
        assert [s.title for s in list_sessions(connection)] == ["Un", "Ailleurs", "Deux"]
        assert connection.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 10
        with pytest.raises(HistoryError):
            import_history(connection, {"format": "autre chose"})


def test_failed_import_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    record(db, seated_plan(EIGHT, [ROUND_A], title="Un"))
    good = json.loads(plan_to_json(seated_plan(EIGHT, [ROUND_B], title="Deux")))
    bad = dict(good, rounds=[{"number": 1, "tables": [{"number": 1, "attendees": ["p1", "nobody"]}]}])
    document = {
        "format": "speeddating-history/1",
        "sessions": [
            {"title": "Deux", "date": "2025-02-01", "plan": good},
            {"title": "Trois", "date": "2025-03-01", "plan": bad},
        ],
    }
    with open_history(db, write=True) as connection, pytest.raises(Exception, match="nobody"):
        import_history(connection, document)
    with open_history(db) as connection:
        assert [s.title for s in list_sessions(connection)] == ["Un"]


def test_version_1_store_is_migrated_and_planning_reads_it_without_writing(tmp_path: Path) -> None:
    db = tmp_path / "v1.db"
    plan = seated_plan(EIGHT, [ROUND_A], title="Ancienne")
    connection = sqlite3.connect(db, isolation_level=None)
    migrate(connection, target=1)
    for index, attendee in enumerate(plan.attendees, 1):
        connection.execute(
            "INSERT INTO people VALUES (?, ?, ?, ?)", (index, attendee.identity, attendee.name, attendee.organisation)
        )
    connection.execute(
        "INSERT INTO sessions VALUES (1, 'Ancienne', '2024-11-05', ?, '2024-11-05T10:00:00')", (plan_to_json(plan),)
    )
    connection.executemany(
        "INSERT INTO encounters VALUES (1, 1, ?, ?)",
        [(a + 1, b + 1) for table in ROUND_A for a in table for b in table if a < b],
    )
    connection.close()
    before = db.read_bytes()

    past = past_encounters(db, plan.attendees)
    assert db.read_bytes() == before  # reading migrates a private copy only
    assert past == {pair(plan, a, b): 1 + RECENCY_TIE_BREAK for table in ROUND_A for a in table for b in table if a < b}

    with open_history(db, write=True) as connection:
        assert schema_version(connection) == SCHEMA_VERSION
        (info,) = list_sessions(connection)
        assert (info.title, info.people, info.rounds) == ("Ancienne", 8, 1)
        with pytest.raises(HistoryError):  # the migrated fingerprint recognises the same plan
            add_plan(connection, plan, title="Encore")
        email = connection.execute("SELECT email FROM people WHERE id = 1").fetchone()[0]
        application = connection.execute("PRAGMA application_id").fetchone()[0]
    assert email == "anne.martin@example.org"
    assert application == APPLICATION_ID, "a store older than the application id is recognised and marked"


@pytest.mark.parametrize(
    "setup",
    [
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)",
        "PRAGMA application_id = 1234",
        "CREATE TABLE people (id INTEGER PRIMARY KEY); CREATE TABLE invoices (id INTEGER PRIMARY KEY)",
    ],
    ids=["other tables", "other application", "some tables of another schema"],
)
def test_another_programs_database_is_refused_and_left_untouched(tmp_path: Path, setup: str) -> None:
    db = tmp_path / "other_app.db"
    connection = sqlite3.connect(db)
    connection.executescript(setup)
    connection.close()
    before = db.read_bytes()
    plan = seated_plan(EIGHT, [ROUND_A])
    for attempt in (lambda: record(db, plan), lambda: past_encounters(db, plan.attendees)):
        with pytest.raises(HistoryError, match=r"other_app\.db est la base de données d'un autre programme"):
            attempt()
    assert db.read_bytes() == before


def test_reading_a_missing_or_damaged_store_says_so(tmp_path: Path) -> None:
    with pytest.raises(HistoryError, match="Aucun historique"):
        past_encounters(tmp_path / "absent.db", ())
    damaged = tmp_path / "damaged.db"
    damaged.write_text("not a database, just text " * 100)
    with pytest.raises(HistoryError, match=r"damaged\.db"):
        past_encounters(damaged, ())


def test_a_writer_waits_for_another_instead_of_failing(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    record(db, seated_plan(EIGHT, [ROUND_A], title="Un"))
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(HistoryError, match="occupé"), open_history(db, write=True, busy_timeout=0.1) as impatient:
        add_plan(impatient, seated_plan(EIGHT, [ROUND_B], title="Deux"))
    releasing = threading.Event()

    def release() -> None:
        releasing.set()
        holder.execute("COMMIT")

    threading.Timer(0.3, release).start()
    with open_history(db, write=True, busy_timeout=10) as patient:
        add_plan(patient, seated_plan(EIGHT, [ROUND_B], title="Deux"))
        assert releasing.is_set()  # it waited for the other writer to let go
        assert len(list_sessions(patient)) == 2
    holder.close()


CRASH_MIDWAY = """
import os, signal, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before the commit
connection.execute("BEGIN IMMEDIATE")
connection.executemany("INSERT INTO people (identity, name, organisation) VALUES (?, 'X', 'Y')",
                       [(f"name:x{i}|y",) for i in range(20000)])
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_reading_after_a_crash_mid_write_sees_the_store_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    plan = seated_plan(EIGHT, [ROUND_A])
    record(db, plan)
    expected = past_encounters(db, plan.attendees)
    before = db.read_bytes()
    crashed = subprocess.run([sys.executable, "-c", CRASH_MIDWAY, str(db)], check=False)
    assert crashed.returncode == -signal.SIGKILL
    assert db.read_bytes() != before and db.with_name("h.db-journal").exists()  # half-written, journal left
    assert past_encounters(db, plan.attendees) == expected
    with open_history(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 8


def test_planned_sessions_count_for_nobody_and_give_way_to_the_held_one(tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    first, second = series_plans()
    with open_history(db, write=True) as connection:
        add_planned(connection, [first, second])
        listed = list_sessions(connection)
        assert [(s.status, s.series_number, s.people, s.rounds, s.date) for s in listed] == [
            (SessionStatus.PLANNED, 1, 8, 1, ""),
            (SessionStatus.PLANNED, 2, 8, 1, ""),
        ]
        info, start = planned_session(connection, first.attendees) or (None, None)
        assert info is not None and start is not None and start.series == first.series
    assert past_encounters(db, first.attendees) == {}, "a session planned is no encounter yet"

    held = replace(seated_plan(EIGHT, [ROUND_C], date="2026-01-13"), series=first.series)
    with open_history(db, write=True) as connection:
        add_plan(connection, held)  # no --replace needed: the planned session gives way
        assert [(s.status, s.series_number) for s in list_sessions(connection)] == [
            (SessionStatus.HELD, 1),
            (SessionStatus.PLANNED, 2),
        ]
        found = planned_session(connection, first.attendees)
        assert found is not None and found[1].series == second.series
        add_planned(connection, series_plans()[1:])  # the series planned again: what was planned gives way
        assert [s.status for s in list_sessions(connection)] == [SessionStatus.HELD, SessionStatus.PLANNED]
        document = export_history(connection)
    assert past_encounters(db, held.attendees) == {
        pair(held, a, b): 1 + RECENCY_TIE_BREAK for table in ROUND_C for a in table for b in table if a < b
    }
    other = tmp_path / "other.db"
    with open_history(other, write=True) as connection:
        import_history(connection, document)
        assert [(s.status, s.series_number) for s in list_sessions(connection)] == [
            (SessionStatus.HELD, 1),
            (SessionStatus.PLANNED, 2),
        ]


def test_no_planned_session_for_people_it_does_not_seat(tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    with open_history(db, write=True) as connection:
        add_planned(connection, series_plans())
        strangers = [replace(a, name=f"Autre {a.name}", email="") for a in EIGHT_ATTENDEES]
        assert planned_session(connection, strangers) is None


def test_version_2_store_gains_the_status_of_its_sessions(tmp_path: Path) -> None:
    db = tmp_path / "v2.db"
    plan = seated_plan(EIGHT, [ROUND_A], title="Ancienne")
    connection = sqlite3.connect(db, isolation_level=None)
    migrate(connection, target=2)
    connection.execute(
        "INSERT INTO sessions (id, title, date, plan, recorded_at, fingerprint) VALUES (1, 'Ancienne', '2024-11-05', ?,"
        " '2024-11-05T10:00:00', '')",
        (plan_to_json(plan),),
    )
    connection.close()
    with open_history(db, write=True) as connection:
        assert schema_version(connection) == SCHEMA_VERSION == 4
        (info,) = list_sessions(connection)
        assert (info.status, info.series_number) == (SessionStatus.HELD, 0)


WRITTEN_AT_VERSION_3 = Path(__file__).parent / "data" / "history_v3.sql"
STROKED: list[tuple[str, str, str]] = [
    ("Lukasz Nowak", "Orsted", ""),
    ("Oyvind Berg", "Orsted", ""),
    ("Dorde Petrovic", "Mission Locale", ""),
    ("Thora Jonsdottir", "Mission Locale", "thora@example.org"),
    ("Isil Yilmaz", "CIO", ""),
]
"""People of the version 3 store, typed on a keyboard without Ł, Ø, Đ, Þ or ı."""


def version_3_store(path: Path) -> Path:
    """The store at `path` as speeddating wrote it at schema version 3, when fold kept Ł, Ø, Đ, Þ and ı."""
    connection = sqlite3.connect(path)
    connection.executescript(WRITTEN_AT_VERSION_3.read_text(encoding="utf-8"))
    connection.close()
    return path


def test_a_version_3_store_is_folded_again_so_a_name_typed_without_its_stroke_is_the_same_person(
    tmp_path: Path,
) -> None:
    db = version_3_store(tmp_path / "v3.db")
    typed = attendees_of(STROKED)
    before = db.read_bytes()
    past = past_encounters(db, typed)
    assert db.read_bytes() == before  # reading migrates a private copy only
    lukasz, oyvind, dorde, thora, isil = (attendee.identity for attendee in typed)
    assert {frozenset((lukasz, dorde)), frozenset((oyvind, thora)), frozenset((dorde, isil))} <= set(past)

    with open_history(db, write=True) as connection:
        assert schema_version(connection) == SCHEMA_VERSION == 4
        stored = dict(connection.execute("SELECT id, identity FROM people").fetchall())
        keys = connection.execute("SELECT name_key, organisation_key FROM people WHERE id = 2").fetchone()
        (_, first_plan), (_, second_plan) = (session_plan(connection, s.id) for s in list_sessions(connection))
        for plan in (first_plan, second_plan):
            with pytest.raises(HistoryError):  # the fingerprints are those of the new keys
                add_plan(connection, plan, title="Encore")
    assert stored[2] == oyvind == "name:oyvind berg|orsted" and keys == ("oyvind berg", "orsted")
    assert stored[3] == dorde and stored[4] == "email:thora@example.org" and stored[7] == isil
    # "Łukasz Nowak" and "Lukasz Nowak" of Ørsted and Orsted sat at one table: two people, kept apart
    assert stored[5] == lukasz and stored[1] == "name:łukasz nowak|ørsted"


KILLED_MID_MIGRATION = """
import os, signal, sqlite3, sys
from speeddating.history import store
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before the commit
written = store.fingerprint
def killed_at_the_second_session(plan):
    if plan.event.title == "Février":
        os.kill(os.getpid(), signal.SIGKILL)
    return written(plan)
store.fingerprint = killed_at_the_second_session
store.migrate(connection)
"""


def test_a_migration_killed_midway_leaves_the_version_3_store_as_it_was(tmp_path: Path) -> None:
    db = version_3_store(tmp_path / "v3.db")
    with sqlite3.connect(db) as connection:
        dump = list(connection.iterdump())
    killed = subprocess.run([sys.executable, "-c", KILLED_MID_MIGRATION, str(db)], check=False)
    assert killed.returncode == -signal.SIGKILL
    assert db.with_name("v3.db-journal").exists()  # killed inside the transaction
    with open_history(db) as connection:  # reading rolls the journal back and migrates a copy
        assert schema_version(connection) == SCHEMA_VERSION
    with sqlite3.connect(db) as connection:
        assert schema_version(connection) == 3 and list(connection.iterdump()) == dump
    with open_history(db, write=True) as connection:
        assert schema_version(connection) == SCHEMA_VERSION
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
