"""`speeddating history add|list|show|remove|export|import` and `speeddating report`.

Sessions are recorded after they took place (plans change on the day), never by `plan`.
Every command takes `--history PATH` (else the store `history.location` finds) and says on stderr which
history it used and what it holds. The store and the plan reader are imported inside the commands, so
that `--help` answers at once.
"""

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from speeddating.cli.base import cli, language_option
from speeddating.cli.localised import option
from speeddating.cli.options import aliases_option, history_line, history_option, read_aliases_option
from speeddating.i18n import N_, t, t_plural

if TYPE_CHECKING:
    from speeddating.history.store import SessionInfo


def _describe(message: str, info: "SessionInfo", path: Path | None = None) -> str:
    return t(
        message,
        session=info.id,
        named=_named(info),
        people=t_plural("{count} person", "{count} people", info.people),
        rounds=t_plural("{count} round", "{count} rounds", info.rounds),
        path=path,
    )


def _named(info: "SessionInfo") -> str:
    """The session's title and day; a session of a series planned but not held has no day yet, and says so."""
    if info.date:
        return t("'{title}' on {date}", title=info.title, date=info.date)
    return t("'{title}', not dated yet", title=info.title)


@cli.group(
    help=N_("Remember past sessions, so that later ones bring new people together."),
    short_help=N_("Record past sessions, so that later ones bring new people together."),
)
@language_option
def history() -> None:
    """The `history` group: its commands read and write the history database."""


@history.command("add", help=N_("Record the session of PLAN_FILE once it has taken place."))
@click.argument("plan_file", type=click.Path(dir_okay=False, path_type=Path))
@option("--title", help=N_("Title to record (default: the plan's event title)."))
@option("--replace", is_flag=True, help=N_("Replace the session already recorded for this plan or event."))
@option("--force", is_flag=True, help=N_("With --replace: replace even a newer version of the plan."))
@history_option
@language_option
def add(plan_file: Path, title: str | None, replace: bool, force: bool, history_db: Path | None) -> None:
    from speeddating.history.location import database_path
    from speeddating.plan import read_plan
    from speeddating.session import record_session

    recorded = record_session(
        read_plan(plan_file),
        database_path(history_db),
        title=title,
        replace_recorded=replace,
        force=force,
        source=str(plan_file),
    )
    click.echo(
        _describe(
            N_("Session {session} recorded in {path}: {named}, {people}, {rounds}."),
            recorded.session,
            path=recorded.history,
        )
    )
    for replaced in recorded.replaced:
        click.echo(
            _describe(
                N_("It replaces session {session}: {named}, {people}, {rounds}."),
                replaced,
            )
        )
    click.echo(history_line(history_db), err=True)


@history.command(
    "list",
    help=N_(
        "The recorded sessions, oldest first, with their head counts; sessions of a series not held yet "
        "are marked planned."
    ),
    short_help=N_("The sessions recorded, oldest first, held or planned."),
)
@history_option
@language_option
def list_command(history_db: Path | None) -> None:
    from speeddating.history.location import database_path
    from speeddating.history.report import text_table
    from speeddating.history.store import SessionStatus, list_sessions, open_history

    path = database_path(history_db)
    with open_history(path) as connection:
        sessions = list_sessions(connection)
    click.echo(history_line(history_db), err=True)
    if not sessions:
        click.echo(t("No session recorded in {path}.", path=path))
        return
    header = [
        t("No."),
        t("Date"),
        t("People"),
        t("Rounds"),
        t("Status"),
        t("Title"),
    ]
    status = {SessionStatus.HELD: t("held"), SessionStatus.PLANNED: t("planned")}
    rows = [[str(s.id), s.date or "—", str(s.people), str(s.rounds), status[s.status], s.title] for s in sessions]
    click.echo("\n".join(text_table([header, *rows], {0, 2, 3})))


@history.command(
    "show",
    help=N_("Who sat with whom in SESSION (its number in `history list`)."),
    short_help=N_("Who sat with whom in one recorded session."),
)
@click.argument("session", type=int)
@history_option
@aliases_option
@language_option
def show(session: int, history_db: Path | None, aliases_file: Path | None) -> None:
    from speeddating.history.location import database_path
    from speeddating.history.store import open_history, session_plan
    from speeddating.organisations import organisation_names

    aliases = read_aliases_option(aliases_file)
    with open_history(database_path(history_db)) as connection:
        info, plan = session_plan(connection, session)
    counted = organisation_names([a.organisation for a in plan.attendees], aliases=aliases)
    people = {a.id: replace(a, organisation=counted[a.organisation]) for a in plan.attendees}
    lines = [_describe(N_("Session {session}: {named}, {people}, {rounds}"), info)]
    for rnd in plan.rounds:
        lines.append(t("Round {number}{theme}", number=rnd.number, theme=f" — {rnd.theme.title}" if rnd.theme else ""))
        for table in rnd.tables:
            seated = ", ".join(f"{people[x].name} ({people[x].organisation})" for x in table.attendees)
            lines.append(t("  Table {number}: {people}", number=table.number, people=seated))
    click.echo("\n".join(lines))
    click.echo(history_line(history_db), err=True)


@history.command("remove", help=N_("Forget SESSION (for instance one recorded by mistake)."))
@click.argument("session", type=int)
@history_option
@language_option
def remove(session: int, history_db: Path | None) -> None:
    from speeddating.history.location import database_path
    from speeddating.history.store import remove_session, writable_history

    with writable_history(database_path(history_db)) as connection:
        info = remove_session(connection, session)
    click.echo(_describe(N_("Session {session} ({named}) removed from the history."), info))
    click.echo(history_line(history_db), err=True)


@history.command(
    "export",
    help=N_("Write every session to EXPORT_FILE (JSON), to move or merge the history."),
    short_help=N_("Write every session to a JSON file, to move the history."),
)
@click.argument("export_file", type=click.Path(dir_okay=False, path_type=Path))
@history_option
@language_option
def export(export_file: Path, history_db: Path | None) -> None:
    from speeddating.fileio import atomic_write_text
    from speeddating.history.location import database_path
    from speeddating.history.store import export_history, open_history

    with open_history(database_path(history_db)) as connection:
        document = export_history(connection)
    atomic_write_text(export_file, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    click.echo(
        t_plural(
            "{count} session exported to {file}.",
            "{count} sessions exported to {file}.",
            len(document["sessions"]),
            file=export_file,
        )
    )
    click.echo(history_line(history_db), err=True)


@history.command(
    "import",
    help=N_("Add the sessions of EXPORT_FILE that this history does not have yet."),
    short_help=N_("Add the sessions of an exported file that are not here yet."),
)
@click.argument("export_file", type=click.Path(dir_okay=False, path_type=Path))
@history_option
@language_option
def import_command(export_file: Path, history_db: Path | None) -> None:
    from speeddating.history.location import database_path
    from speeddating.history.store import HistoryError, import_history, writable_history
    from speeddating.plan import UnreadableJSON, parse_json

    try:
        document = parse_json(export_file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, UnreadableJSON) as error:
        raise HistoryError(t("{path}: cannot be read ({reason}).", path=export_file, reason=error)) from None
    path = database_path(history_db)
    with writable_history(path) as connection:
        result = import_history(connection, document, str(export_file))
    click.echo(result.text())
    click.echo(history_line(history_db), err=True)


@cli.command(
    "report",
    help=N_("How the network is knitting together across every recorded session."),
    short_help=N_("Who has met whom across the recorded sessions (text, CSV, PDF)."),
)
@option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=N_("Output folder (default ./report-YYYY-MM-DD/)."),
)
@history_option
@aliases_option
@language_option
def report(out_dir: Path | None, history_db: Path | None, aliases_file: Path | None) -> None:
    from speeddating.history.location import database_path
    from speeddating.history.report import report_from_store, report_lines, write_report
    from speeddating.history.store import HistoryError, open_history

    aliases = read_aliases_option(aliases_file)
    path = database_path(history_db)
    with open_history(path) as connection:
        network = report_from_store(connection, aliases)
    if not network.sessions:
        raise HistoryError(
            t(
                'No session recorded in {path}: record a session first with "speeddating history add plan.json".',
                path=path,
            )
        )
    click.echo("\n".join(report_lines(network)))
    folder = out_dir or Path(f"report-{dt.date.today().isoformat()}")
    written = write_report(network, folder)
    click.echo(t("Files written to {folder}:", folder=folder), err=True)
    for path in written:
        click.echo(f"  {path}", err=True)
    click.echo(history_line(history_db), err=True)
