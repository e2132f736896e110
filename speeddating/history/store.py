"""The history of past sessions: an embedded SQLite database that remembers who met whom.

Where the file is (the user's data folder by default) is `location`'s business.
Every write runs in one `BEGIN IMMEDIATE` transaction: a process killed mid-write leaves the
database as it was (SQLite's rollback journal undoes it on the next open), and a second writer
waits for the first (busy timeout) instead of failing. Reading never writes: an older schema is
migrated in a private in-memory copy, so planning leaves the store untouched.

Schema versions (`PRAGMA user_version`):
1. people known by one identity key; sessions with the plan as recorded; encounters.
2. people also keyed by email, folded name and folded organisation (a person may change
   organisation), who attended each session, and a fingerprint of each plan's seating.
3. sessions planned but not held yet (`status`), kept with their place in a series (`plan --sessions`):
   they count for nobody's encounters, and recording the session held replaces the one planned.
4. the keys folded again, since `text.fold` reads the letters Unicode does not decompose as their base letters
   ("Łukasz" is "lukasz", as "Zoé" is "zoe"): identities, name and organisation keys, fingerprints.

Our files carry `PRAGMA application_id` = APPLICATION_ID. Another program's SQLite file (its own
application id, or tables that are not ours) is refused rather than given our tables; a store
written before the id existed is recognised by its tables and gets the id at its next write.
"""

import datetime as dt
import enum
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from speeddating.errors import PlanFormatError, UserError
from speeddating.fileio import prepare_folder
from speeddating.history.identity import Doubt, KnownPerson, Resolution, email_key, resolve
from speeddating.i18n import format_seconds, t, t_plural
from speeddating.plan import FORMAT as PLAN_FORMAT
from speeddating.plan import Plan, UnreadableJSON, parse_json, plan_from_dict, plan_to_json
from speeddating.planning import PastEncounters
from speeddating.roster import Attendee
from speeddating.text import fold, person_key, printable

BUSY_TIMEOUT_SECONDS = 30.0
EXPORT_FORMAT = "speeddating-history/1"
APPLICATION_ID = int.from_bytes(b"SpDt", "big")
"""`PRAGMA application_id` of a speeddating history ("SpDt")."""
OUR_TABLES = frozenset({"people", "sessions", "encounters", "attendance"})
RECENCY_HALVING = 0.5
"""The recency share of a past pair's weight: 1 when it met in the latest session, halved per older session."""
RECENCY_TIE_BREAK = 1e-6
"""Weight of a past pair: 1 + RECENCY_TIE_BREAK × its recency share. Each re-meeting costs about the same, so
plans are compared first on how many there are (each one is a new encounter missed); only between plans with as
many does the one re-meeting older pairs win. Weighing a recent pair twice an older one, as before, made the
search re-meet two older pairs rather than one recent one: 9 fewer new encounters in session 3 of agence52.
Small enough that no session's count of re-meetings (under a million) is outweighed."""


class HistoryError(UserError):
    """The history database cannot be used as asked (missing, busy, damaged, newer, duplicate)."""


@contextmanager
def write_transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic write: takes the write lock up front (waiting if busy), commits or rolls back."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _create_v1(connection: sqlite3.Connection) -> None:
    for statement in (
        """CREATE TABLE people (
               id INTEGER PRIMARY KEY,
               identity TEXT NOT NULL UNIQUE,
               name TEXT NOT NULL,
               organisation TEXT NOT NULL)""",
        """CREATE TABLE sessions (
               id INTEGER PRIMARY KEY,
               title TEXT NOT NULL,
               date TEXT NOT NULL,
               plan TEXT NOT NULL,
               recorded_at TEXT NOT NULL)""",
        """CREATE TABLE encounters (
               session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
               round INTEGER NOT NULL,
               person_a INTEGER NOT NULL REFERENCES people(id),
               person_b INTEGER NOT NULL REFERENCES people(id),
               CHECK (person_a < person_b),
               PRIMARY KEY (session_id, round, person_a, person_b))""",
        "CREATE INDEX encounters_by_pair ON encounters(person_a, person_b)",
    ):
        connection.execute(statement)


def _upgrade_to_v2(connection: sqlite3.Connection) -> None:
    for statement in (
        "ALTER TABLE people ADD COLUMN email TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE people ADD COLUMN name_key TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE people ADD COLUMN organisation_key TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE sessions ADD COLUMN fingerprint TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE attendance (
               session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
               person_id INTEGER NOT NULL REFERENCES people(id),
               PRIMARY KEY (session_id, person_id))""",
    ):
        connection.execute(statement)
    people = connection.execute("SELECT id, identity, name, organisation FROM people").fetchall()
    connection.executemany(
        "UPDATE people SET email = ?, name_key = ?, organisation_key = ? WHERE id = ?",
        [
            (
                identity.removeprefix("email:") if identity.startswith("email:") else "",
                fold(name),
                fold(organisation),
                person,
            )
            for person, identity, name, organisation in people
        ],
    )
    person_of = {identity: person for person, identity, _, _ in people}
    for session, text in connection.execute("SELECT id, plan FROM sessions").fetchall():
        plan = _recorded_plan(text, session)
        connection.execute("UPDATE sessions SET fingerprint = ? WHERE id = ?", (fingerprint(plan), session))
        connection.executemany(
            "INSERT OR IGNORE INTO attendance VALUES (?, ?)",
            [(session, person_of[a.identity]) for a in plan.attendees if a.identity in person_of],
        )
    for statement in (
        "CREATE UNIQUE INDEX people_by_email ON people(email) WHERE email <> ''",
        "CREATE INDEX people_by_name ON people(name_key, organisation_key)",
        "CREATE INDEX encounters_by_second ON encounters(person_b)",
        "CREATE INDEX attendance_by_person ON attendance(person_id)",
        "CREATE INDEX sessions_by_fingerprint ON sessions(fingerprint)",
        "CREATE INDEX sessions_by_event ON sessions(date, title)",
    ):
        connection.execute(statement)


def _upgrade_to_v3(connection: sqlite3.Connection) -> None:
    for statement in (
        "ALTER TABLE sessions ADD COLUMN status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'planned'))",
        "ALTER TABLE sessions ADD COLUMN series TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE sessions ADD COLUMN series_number INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX sessions_by_series ON sessions(series, series_number)",
    ):
        connection.execute(statement)


def _upgrade_to_v4(connection: sqlite3.Connection) -> None:
    """The stored keys as `fold` now gives them. Folding a folded key again gives the new key, so the
    identities are refolded in place (an email's is never folded). Two people the store kept apart stay apart:
    when a new identity is another person's already ("Łukasz Nowak" and "Lukasz Nowak" of one organisation),
    the one recorded later keeps its old key, and a roster naming either is matched to the first."""
    people = connection.execute("SELECT id, identity, name_key, organisation_key FROM people ORDER BY id").fetchall()
    refolded = {person: _refolded(identity) for person, identity, _, _ in people}
    taken = {identity for person, identity, _, _ in people if refolded[person] == identity}
    for person, identity, name_key, organisation_key in people:
        if refolded[person] != identity and refolded[person] not in taken:
            taken.add(refolded[person])
            identity = refolded[person]
        connection.execute(
            "UPDATE people SET identity = ?, name_key = ?, organisation_key = ? WHERE id = ?",
            (identity, fold(name_key), fold(organisation_key), person),
        )
    for session, text in connection.execute("SELECT id, plan FROM sessions").fetchall():
        connection.execute(
            "UPDATE sessions SET fingerprint = ? WHERE id = ?", (fingerprint(_recorded_plan(text, session)), session)
        )


def _refolded(identity: str) -> str:
    return identity if identity.startswith("email:") else "name:" + fold(identity.removeprefix("name:"))


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _create_v1,
    _upgrade_to_v2,
    _upgrade_to_v3,
    _upgrade_to_v4,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(connection: sqlite3.Connection) -> int:
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(connection: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Bring the schema up to `target`, all steps in one transaction (none when already there:
    even an empty write transaction would wait for readers to finish)."""
    if schema_version(connection) >= target:
        return
    with write_transaction(connection):
        version = schema_version(connection)
        for step in MIGRATIONS[version:target]:
            step(connection)
        if version < target:
            connection.execute(f"PRAGMA user_version = {int(target)}")


def _application_id(connection: sqlite3.Connection) -> int:
    application: int = connection.execute("PRAGMA application_id").fetchone()[0]
    return application


def _refuse_foreign(connection: sqlite3.Connection, db: Path) -> None:
    """Refuse a SQLite file of another program: its own application id, or tables that are not ours."""
    application = _application_id(connection)
    tables = {
        row[0]
        for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
    }
    if application == APPLICATION_ID or (application == 0 and tables <= OUR_TABLES):
        return
    raise HistoryError(
        t(
            "{path} is another program's database, not a speeddating history; nothing was changed. Give "
            '--history the .db file where "speeddating history add" records the sessions (speeddating.db by '
            "default), or a new file name to start a history.",
            path=db,
        )
    )


def _connect(target: str, busy_timeout: float, uri: bool = False) -> sqlite3.Connection:
    connection = sqlite3.connect(target, timeout=busy_timeout, isolation_level=None, uri=uri)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _read_only(db: Path, busy_timeout: float) -> sqlite3.Connection:
    """A connection that cannot write. A write interrupted by a crash leaves a journal that only a
    writable connection may roll back: let SQLite do that first (it restores the earlier state)."""
    uri = db.absolute().as_uri() + "?mode=ro"
    stored = _connect(uri, busy_timeout, uri=True)
    try:
        schema_version(stored)
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error):
            raise
        stored.close()
        recovery = _connect(str(db), busy_timeout)
        schema_version(recovery)
        recovery.close()
        stored = _connect(uri, busy_timeout, uri=True)
    return stored


def _readable_copy(db: Path, busy_timeout: float) -> sqlite3.Connection:
    """A read-only connection, or an in-memory migrated copy when the schema is older."""
    stored = _read_only(db, busy_timeout)
    try:
        _refuse_foreign(stored, db)
    except HistoryError:
        stored.close()
        raise
    if schema_version(stored) >= SCHEMA_VERSION:
        return stored
    memory = _connect(":memory:", busy_timeout)
    stored.backup(memory)
    stored.close()
    migrate(memory)
    return memory


@contextmanager
def open_history(
    db: Path, *, write: bool = False, busy_timeout: float = BUSY_TIMEOUT_SECONDS
) -> Iterator[sqlite3.Connection]:
    """The store at `db`, migrated to the current schema. Reading requires it to exist."""
    db = Path(db)
    if not write and not db.is_file():
        raise HistoryError(
            t('No history in {path}: record a session first with "speeddating history add plan.json".', path=db)
        )
    connection: sqlite3.Connection | None = None
    try:
        if write:
            db.parent.mkdir(parents=True, exist_ok=True)
            connection = _connect(str(db), busy_timeout)
            _refuse_foreign(connection, db)
            if schema_version(connection) > SCHEMA_VERSION:
                raise HistoryError(
                    t("{path} was written by a newer version of speeddating: update the software.", path=db)
                )
            migrate(connection)
            if _application_id(connection) != APPLICATION_ID:
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        else:
            connection = _readable_copy(db, busy_timeout)
            if schema_version(connection) > SCHEMA_VERSION:
                raise HistoryError(
                    t("{path} was written by a newer version of speeddating: update the software.", path=db)
                )
        yield connection
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise HistoryError(
                t(
                    "{path} has been busy with another program for {seconds}: try again later.",
                    path=db,
                    seconds=format_seconds(busy_timeout),
                )
            ) from None
        raise HistoryError(
            t(
                "{path} is not a usable history ({reason}). Give --history the .db file where "
                '"speeddating history add" records the sessions, or leave --history out to use the default history.',
                path=db,
                reason=error,
            )
        ) from None
    except sqlite3.DatabaseError as error:
        raise HistoryError(
            t(
                "{path} is not a usable history ({reason}). Give --history the .db file where "
                '"speeddating history add" records the sessions, or leave --history out to use the default history.',
                path=db,
                reason=error,
            )
        ) from None
    finally:
        if connection is not None:
            connection.close()


@contextmanager
def writable_history(path: Path) -> Iterator[sqlite3.Connection]:
    """The store opened for writing, once its folder (where SQLite keeps its journal) and the file itself
    are known to accept writes: a read-only share is then named as such, not as a damaged history."""
    try:
        prepare_folder(path.parent)
        if path.exists():
            with path.open("r+b"):
                pass
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None
    with open_history(path, write=True) as connection:
        yield connection


def fingerprint(plan: Plan) -> str:
    """The seating in identity terms: the same people at the same tables give the same print."""
    identity = {a.id: a.identity for a in plan.attendees}
    seating = sorted(
        (rnd.number, sorted(sorted(identity[x] for x in table.attendees) for table in rnd.tables))
        for rnd in plan.rounds
    )
    return hashlib.sha256(json.dumps(seating, ensure_ascii=False).encode()).hexdigest()


class SessionStatus(enum.Enum):
    """Whether a recorded session took place or is only planned (a later session of a series)."""

    HELD = "held"
    PLANNED = "planned"


@dataclass(frozen=True)
class SessionInfo:
    """One recorded session as `history list` shows it: its number, title, date and head counts."""

    id: int
    title: str
    date: str
    """Empty for a planned session whose day is not known yet."""
    people: int
    rounds: int
    recorded_at: str
    status: SessionStatus = SessionStatus.HELD
    series_number: int = 0
    """Its number in a series planned at once (0: not part of one)."""


_SESSION_QUERY = """
    SELECT s.id, s.title, s.date,
           CASE WHEN s.status = 'planned' THEN json_array_length(s.plan, '$.attendees')
                ELSE (SELECT COUNT(*) FROM attendance a WHERE a.session_id = s.id) END,
           CASE WHEN s.status = 'planned' THEN json_array_length(s.plan, '$.rounds')
                ELSE (SELECT COUNT(DISTINCT e.round) FROM encounters e WHERE e.session_id = s.id) END,
           s.recorded_at, s.status, s.series_number
    FROM sessions s"""


def _session_info(row: Sequence[Any]) -> SessionInfo:
    session, title, date, people, rounds, recorded_at, status, series_number = row
    return SessionInfo(session, title, date, people, rounds, recorded_at, SessionStatus(status), series_number)


def list_sessions(connection: sqlite3.Connection) -> list[SessionInfo]:
    """Recorded sessions, oldest first; planned ones after those held, in the order of their series."""
    rows = connection.execute(
        _SESSION_QUERY + " ORDER BY s.status = 'planned', s.date = '', s.date, s.series, s.series_number, s.id"
    ).fetchall()
    return [_session_info(row) for row in rows]


def session_info(connection: sqlite3.Connection, session: int) -> SessionInfo:
    row = connection.execute(_SESSION_QUERY + " WHERE s.id = ?", (session,)).fetchone() if 0 < session < 2**63 else None
    if row is None:
        raise HistoryError(t('No session {session} in the history (see "speeddating history list").', session=session))
    return _session_info(row)


def session_plan(connection: sqlite3.Connection, session: int) -> tuple[SessionInfo, Plan]:
    """A session and the plan as it was recorded."""
    info = session_info(connection, session)
    (text,) = connection.execute("SELECT plan FROM sessions WHERE id = ?", (session,)).fetchone()
    return info, _recorded_plan(text, session)


def _damaged(session: int, reason: str) -> HistoryError:
    return HistoryError(
        t(
            'Session {session}: the plan recorded in the history is damaged ({reason}). Remove it with "speeddating '
            'history remove {session}", then record its plan.json again with "speeddating history add".',
            session=session,
            reason=reason,
        )
    )


def _recorded_document(text: str, session: int) -> dict[str, Any]:
    """The plan recorded for `session`, as JSON; a damaged record is named with the way out."""
    try:
        document = parse_json(text)
    except UnreadableJSON as error:
        raise _damaged(session, str(error)) from None
    if not isinstance(document, dict):
        raise _damaged(session, t("the file is not a JSON object"))
    return document


def _recorded_plan(text: str, session: int) -> Plan:
    try:
        return plan_from_dict(_recorded_document(text, session), f"session {session}")
    except PlanFormatError as error:
        raise _damaged(session, str(error)) from None


def _known_people(connection: sqlite3.Connection, attendees: Sequence[Attendee]) -> list[KnownPerson]:
    """Stored people who could be any of `attendees` (by identity, email or name in any word order)."""
    connection.create_function("person_key", 1, person_key, deterministic=True)
    rows = connection.execute(
        """SELECT id, identity, email, name_key, organisation_key, name, organisation FROM people
           WHERE identity IN (SELECT value FROM json_each(:identities))
              OR email IN (SELECT value FROM json_each(:emails))
              OR person_key(name_key) IN (SELECT value FROM json_each(:names))
           ORDER BY id""",
        {
            "identities": json.dumps([a.identity for a in attendees]),
            "emails": json.dumps([email_key(a) for a in attendees if a.email]),
            "names": json.dumps([person_key(a.name) for a in attendees]),
        },
    ).fetchall()
    return [
        KnownPerson(person, identity, email, person_key(name_key), organisation_key, name, organisation)
        for person, identity, email, name_key, organisation_key, name, organisation in rows
    ]


def recognition(connection: sqlite3.Connection, attendees: Sequence[Attendee]) -> Resolution:
    """Who of `attendees` the store knows, and the doubts (see `identity` for the rule)."""
    return resolve(attendees, _known_people(connection, attendees))


def recognise(connection: sqlite3.Connection, attendees: Sequence[Attendee]) -> dict[str, int]:
    """Attendee id -> stored person id for those the store knows."""
    return recognition(connection, attendees).matched


def contents(connection: sqlite3.Connection) -> tuple[int, int, int]:
    """(sessions held, people who attended them, sessions planned and not held yet): what the history holds,
    as every command says. Planned sessions are counted apart: nobody has met anyone at them yet."""
    held, planned = connection.execute(
        "SELECT COALESCE(SUM(status = 'held'), 0), COALESCE(SUM(status = 'planned'), 0) FROM sessions"
    ).fetchone()
    (people,) = connection.execute("SELECT COUNT(DISTINCT person_id) FROM attendance").fetchone()
    return held, people, planned


def _enrol(connection: sqlite3.Connection, attendees: Sequence[Attendee], date: str) -> dict[str, int]:
    """Person id of every attendee: known people take their latest name, organisation and email;
    newcomers are added."""
    person_of = recognise(connection, attendees)
    for attendee in attendees:
        person = person_of.get(attendee.id)
        if person is None:
            row = connection.execute("SELECT id FROM people WHERE identity = ?", (attendee.identity,)).fetchone()
            person = (
                row[0]
                if row
                else connection.execute(
                    "INSERT INTO people (identity, name, organisation, email, name_key, organisation_key)"
                    " VALUES (?, ?, ?, '', ?, ?)",
                    (
                        attendee.identity,
                        attendee.name,
                        attendee.organisation,
                        fold(attendee.name),
                        attendee.organisation_key,
                    ),
                ).lastrowid
            )
            assert person is not None
            person_of[attendee.id] = person
        connection.execute(
            """UPDATE people SET name = :name, organisation = :organisation, name_key = :name_key,
                      organisation_key = :organisation_key
               WHERE id = :id AND :date >= COALESCE(
                   (SELECT MAX(s.date) FROM attendance a JOIN sessions s ON s.id = a.session_id
                    WHERE a.person_id = :id), '')""",
            {
                "id": person,
                "name": attendee.name,
                "organisation": attendee.organisation,
                "name_key": fold(attendee.name),
                "organisation_key": attendee.organisation_key,
                "date": date,
            },
        )
        if attendee.email:
            connection.execute(
                "UPDATE people SET email = :email WHERE id = :id AND email = ''"
                " AND NOT EXISTS (SELECT 1 FROM people WHERE email = :email)",
                {"id": person, "email": email_key(attendee)},
            )
    return person_of


def _insert_row(
    connection: sqlite3.Connection, plan: Plan, title: str, date: str, recorded_at: str, status: SessionStatus
) -> int:
    place = plan.series
    session = connection.execute(
        "INSERT INTO sessions (title, date, plan, recorded_at, fingerprint, status, series, series_number)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            title,
            date,
            plan_to_json(plan),
            recorded_at,
            fingerprint(plan),
            status.value,
            "" if place is None else place.key,
            0 if place is None else place.number,
        ),
    ).lastrowid
    assert session is not None
    return session


def _insert_session(connection: sqlite3.Connection, plan: Plan, title: str, date: str, recorded_at: str) -> int:
    person_of = _enrol(connection, plan.attendees, date)
    session = _insert_row(connection, plan, title, date, recorded_at, SessionStatus.HELD)
    came = {x for rnd in plan.rounds for table in rnd.tables for x in table.attendees}
    connection.executemany(
        "INSERT OR IGNORE INTO attendance VALUES (?, ?)",
        sorted({(session, person_of[x]) for x in came}),
    )
    met = {
        (session, rnd.number, *sorted((person_of[a], person_of[b])))
        for rnd in plan.rounds
        for table in rnd.tables
        for a, b in combinations(table.attendees, 2)
        if person_of[a] != person_of[b]
    }
    connection.executemany("INSERT INTO encounters VALUES (?, ?, ?, ?)", sorted(met))
    return session


def _forget_unattended(connection: sqlite3.Connection) -> None:
    connection.execute("DELETE FROM people WHERE id NOT IN (SELECT person_id FROM attendance)")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _version_label(version: int, revised_at: str) -> str:
    """ "version 2 (2026-12-08 08:40)", or "version 1" for a plan never revised."""
    if not revised_at:
        return t("version {version}", version=version)
    return t("version {version} ({revised})", version=version, revised=revised_at.replace("T", " "))


def _recorded_version(text: str, session: int) -> tuple[int, str]:
    """(version, revised_at) of a recorded plan, read as `plan_from_dict` reads them."""
    document = _recorded_document(text, session)
    version = document.get("version", 1)
    return (version if isinstance(version, int) else 1), str(document.get("revised_at", ""))


def add_plan(
    connection: sqlite3.Connection,
    plan: Plan,
    *,
    title: str | None = None,
    replace: bool = False,
    force: bool = False,
    source: str = "plan",
) -> int:
    """Record a session that took place. The same seating, or the same title on the same date,
    is refused unless `replace`, which swaps the earlier record for this one. A replacement older
    than the record (lower version, or same version revised earlier: `replan` writes version N+1)
    is refused too unless `force`; `source` names the plan in that message. The session as planned
    (the same place in its series, or the same seating) gives way to it without asking."""
    title = (title or plan.event.title or "").strip()
    date = plan.event.date or dt.date.today().isoformat()
    place = plan.series
    with write_transaction(connection):
        connection.execute(
            "DELETE FROM sessions WHERE status = 'planned' AND (fingerprint = ? OR (series = ? AND series_number = ?))",
            (fingerprint(plan), "" if place is None else place.key, 0 if place is None else place.number),
        )
        clashes = connection.execute(
            "SELECT id, title, date, plan FROM sessions"
            " WHERE status = 'held' AND (fingerprint = ? OR (date = ? AND title = ?)) ORDER BY id",
            (fingerprint(plan), date, title),
        ).fetchall()
        if clashes and not replace:
            session, old_title, old_date, _ = clashes[0]
            raise HistoryError(
                t(
                    "This session is already recorded (no. {session}, '{title}' on {date}). Add "
                    "--replace to replace it (with its re-planned version, say); if this is another "
                    "session on the same day, give it another title with --title.",
                    session=session,
                    title=old_title,
                    date=old_date,
                )
            )
        for session, old_title, old_date, text in clashes:
            recorded = _recorded_version(text, session)
            if not force and recorded > (plan.version, plan.revised_at):
                raise HistoryError(
                    t(
                        "{file}: {given} of the plan, older than {recorded} already recorded (session "
                        "{session}, '{title}' on {date}); nothing was replaced. Record the latest version "
                        'instead (the one in the highest -v folder, written by "speeddating replan"), or '
                        "add --force if this version really is the one that took place.",
                        file=source,
                        session=session,
                        title=old_title,
                        date=old_date,
                        given=_version_label(plan.version, plan.revised_at),
                        recorded=_version_label(*recorded),
                    )
                )
        connection.executemany("DELETE FROM sessions WHERE id = ?", [(row[0],) for row in clashes])
        session = _insert_session(connection, plan, title, date, _now())
        _forget_unattended(connection)
    return session


def add_planned(connection: sqlite3.Connection, plans: Sequence[Plan]) -> list[int]:
    """Keep the sessions of a series as planned, not held, in one transaction: what was planned before for
    the same series gives way (sessions held stay). Returns their numbers in the history."""
    recorded_at = _now()
    with write_transaction(connection):
        for key in sorted({plan.series.key for plan in plans if plan.series is not None}):
            connection.execute("DELETE FROM sessions WHERE status = 'planned' AND series = ?", (key,))
        return [
            _insert_row(connection, plan, plan.event.title.strip(), plan.event.date, recorded_at, SessionStatus.PLANNED)
            for plan in plans
        ]


def planned_session(connection: sqlite3.Connection, attendees: Sequence[Attendee]) -> tuple[SessionInfo, Plan] | None:
    """The session planned next for these attendees: of each series, the first session not held yet; of
    those, the one with the most of these attendees (the latest planned on a tie); None without one."""
    rows = connection.execute(
        """SELECT s.id, s.plan FROM sessions s
           WHERE s.status = 'planned' AND s.series_number = (
               SELECT MIN(o.series_number) FROM sessions o WHERE o.status = 'planned' AND o.series = s.series)
           ORDER BY s.id DESC"""
    ).fetchall()
    coming = {a.identity for a in attendees}
    best: tuple[int, int, str] | None = None
    for session, text in rows:
        shared = len(coming & {a.identity for a in _recorded_plan(text, session).attendees})
        if shared and (best is None or shared > best[0]):
            best = (shared, session, text)
    if best is None:
        return None
    return session_info(connection, best[1]), _recorded_plan(best[2], best[1])


def remove_session(connection: sqlite3.Connection, session: int) -> SessionInfo:
    """Forget one session, and the people who attended no other."""
    with write_transaction(connection):
        info = session_info(connection, session)
        connection.execute("DELETE FROM sessions WHERE id = ?", (session,))
        _forget_unattended(connection)
    return info


def export_history(connection: sqlite3.Connection) -> dict[str, Any]:
    """Every session with its plan, oldest first: enough to rebuild the store elsewhere."""
    rows = connection.execute("SELECT id, title, date, recorded_at, plan, status FROM sessions ORDER BY date, id")
    return {
        "format": EXPORT_FORMAT,
        "sessions": [
            {
                "title": title,
                "date": date,
                "recorded_at": recorded_at,
                "plan": _recorded_document(text, session),
                "status": status,
            }
            for session, title, date, recorded_at, text, status in rows
        ],
    }


@dataclass(frozen=True)
class ImportResult:
    added: int
    already_known: int

    def text(self) -> str:
        """What the import did, for the organiser: '2 sessions added; 1 already there, skipped.'"""
        return t(
            "{added}; {known}.",
            added=t_plural("{count} session added", "{count} sessions added", self.added),
            known=t_plural("{count} already there, skipped", "{count} already there, skipped", self.already_known),
        )


def import_history(connection: sqlite3.Connection, document: Any, source: str = "import") -> ImportResult:
    """Merge an export into this store in one transaction; sessions already here are skipped."""
    if isinstance(document, dict) and document.get("format") == PLAN_FORMAT:
        raise HistoryError(
            t(
                "{path} is a session plan, not a history export: record the session with "
                '"speeddating history add {path}".',
                path=source,
            )
        )
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise HistoryError(
            t("{path} is not a history export (expected format: {format}).", path=source, format=EXPORT_FORMAT)
        )
    entries = document.get("sessions")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise HistoryError(
            t("{path} is not a history export (expected format: {format}).", path=source, format=EXPORT_FORMAT)
        )
    sessions = []
    for number, entry in enumerate(entries, 1):
        where = t("{path}, session {number}", path=source, number=number)
        title, date = entry.get("title"), entry.get("date")
        status = SessionStatus.PLANNED if entry.get("status") == SessionStatus.PLANNED.value else SessionStatus.HELD
        if not isinstance(title, str) or not isinstance(date, str) or not (date or status is SessionStatus.PLANNED):
            raise HistoryError(
                t("{path} is not a history export (expected format: {format}).", path=where, format=EXPORT_FORMAT)
            )
        if not isinstance(entry.get("plan"), dict):
            raise HistoryError(
                t(
                    "{where} ('{title}' on {date}): no plan in the file, nothing was imported. Export "
                    'the original history again with "speeddating history export", or record this '
                    'session from its plan.json with "speeddating history add".',
                    where=where,
                    title=title,
                    date=date,
                )
            )
        try:
            plan = plan_from_dict(entry["plan"], where)
        except PlanFormatError as error:
            raise HistoryError(
                t(
                    "{problem}; nothing was imported. Export the original history again with "
                    '"speeddating history export".',
                    problem=error,
                )
            ) from None
        recorded_at = printable(str(entry.get("recorded_at") or _now()))
        sessions.append((plan, printable(title), printable(date), recorded_at, status))
    added = 0
    with write_transaction(connection):
        for plan, title, date, recorded_at, status in sessions:
            known = connection.execute("SELECT 1 FROM sessions WHERE fingerprint = ?", (fingerprint(plan),))
            if known.fetchone() is not None:
                continue
            if status is SessionStatus.PLANNED:
                _insert_row(connection, plan, title, date, recorded_at, status)
            else:
                _insert_session(connection, plan, title, date, recorded_at)
            added += 1
    return ImportResult(added, len(sessions) - added)


def encounters_among(
    connection: sqlite3.Connection,
    attendees: Sequence[Attendee],
    apart_from: Plan | None = None,
    resolution: Resolution | None = None,
) -> PastEncounters:
    """Pairs of these attendees (by `Attendee.identity`) who met before, weighted by recency (see
    RECENCY_TIE_BREAK): a share of 1 for the latest recorded session, halved for each older one; a pair counts
    at its latest.
    With `apart_from`, the sessions before that plan's: not its own record (the same seating, or its title
    on its date, as `add_plan` tells them) nor those dated after it (a plan printed again later).
    `resolution` is who is who, when already known."""
    person_of = (resolution or recognition(connection, attendees)).matched
    identity_of = {person: a.identity for a in attendees if (person := person_of.get(a.id)) is not None}
    rows = connection.execute(
        """WITH age AS (SELECT id, ROW_NUMBER() OVER (ORDER BY date DESC, id DESC) - 1 AS age
                        FROM sessions
                        WHERE status = 'held'
                          AND (:date IS NULL
                               OR (date <= :date AND fingerprint <> :fingerprint
                                   AND NOT (date = :date AND title = :title)))),
                present AS (SELECT value AS person FROM json_each(:people))
           SELECT e.person_a, e.person_b, MIN(age.age)
           FROM encounters e JOIN age ON age.id = e.session_id
           WHERE e.person_a IN present AND e.person_b IN present
           GROUP BY e.person_a, e.person_b""",
        {
            "people": json.dumps(sorted(identity_of)),
            "date": None if apart_from is None else apart_from.event.date or "9999",
            "fingerprint": "" if apart_from is None else fingerprint(apart_from),
            "title": "" if apart_from is None else apart_from.event.title,
        },
    )
    return {
        frozenset((identity_of[a], identity_of[b])): 1 + RECENCY_TIE_BREAK * RECENCY_HALVING**age
        for a, b, age in rows
        if identity_of[a] != identity_of[b]
    }


@dataclass(frozen=True)
class StoreReading:
    """What `plan` needs from the store: the pairs met before and the identity doubts."""

    encounters: PastEncounters
    doubts: tuple[Doubt, ...]


def read_store(db: Path, attendees: Sequence[Attendee], apart_from: Plan | None = None) -> StoreReading:
    """The store read for a plan, without writing anything (see `encounters_among` for `apart_from`)."""
    with open_history(db) as connection:
        resolution = recognition(connection, attendees)
        return StoreReading(encounters_among(connection, attendees, apart_from, resolution), resolution.doubts)


def past_encounters(db: Path, attendees: Sequence[Attendee], apart_from: Plan | None = None) -> PastEncounters:
    """The pairs of these attendees who met before (`read_store` without the rest)."""
    return read_store(db, attendees, apart_from).encounters
