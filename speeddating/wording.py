"""How front ends word the workflow's values: progress events, the search's methods, a re-plan's changes.

The workflow returns values, never sentences; the CLI and the web page share these wordings so that the
organiser reads the same words on the screen and in the terminal, in the language of the moment.
"""

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

from speeddating.i18n import N_, format_locale, format_seconds, t, t_plural
from speeddating.status import ProgressEvent

if TYPE_CHECKING:
    from speeddating.plan import Plan
    from speeddating.replan import Move
    from speeddating.session import Result

METHODS = {
    "greedy": N_("a first plan"),
    "freedom": N_("a first plan"),
    "construction": N_("a design"),
    "orbits": N_("a symmetric design"),
    "hint": N_("the starting plan"),
    "local-search": N_("local search"),
    "cp-sat": N_("the exact model"),
    "lns": N_("neighbourhood search"),
    "repair": N_("the previous version, repaired"),
    "fewest-moves": N_("the search for fewest moves"),
    "joint": N_("the series planned as one long session"),
    "one session after another": N_("one session after another"),
    "later sessions together": N_("the later sessions planned together"),
}
"""The solver's internal component names (kept in plan files for debugging), in the organiser's words."""

ANY_METHOD = N_("the search")

OTHER_DETAILS = N_("other printed details")
"""Why a card is reprinted when neither its seats nor who presents whom changed (times, themes, the order)."""
Key = TypeVar("Key", bound=Hashable)
"""What tells apart the changes of a card that are worded separately."""


def method_description(method: str) -> str:
    """What found a plan, in the current language: "construction:affine(4), fitted" is "an adapted design"."""
    family = method.split(":")[0].split(",")[0].strip()
    if family == "construction" and method.endswith(", fitted"):
        return t("an adapted design")
    return t(METHODS.get(family, ANY_METHOD))


def improvement_line(event: ProgressEvent) -> str:
    """The progress line of a better plan: time, colleague pairs, repeats, new pairs out of the bound; in a
    series, the session they are of first."""
    figures = t(
        "{seconds}  same-org {same_org}  repeats {repeats}  new pairs {new}/{bound}  ({method})",
        seconds=format_seconds(event.elapsed),
        same_org=event.same_org_pairs,
        repeats=event.repeat_pairs,
        new=event.new_pairs,
        bound=event.new_pairs_bound,
        method=method_description(event.method),
    )
    if event.sessions == 1:
        return figures
    return t("Session {number} of {count}: {figures}", number=event.session, count=event.sessions, figures=figures)


def series_step(session: int, sessions: int) -> str:
    """Which session of a series the search is planning, as the page and the CLI say it: session 1 alone
    first, then every later session together."""
    if session == 1:
        return t("Planning session 1 of {count}; the later sessions follow it.", count=sessions)
    if session == sessions:
        return t("Session 1 is planned; planning session {number} of {count}.", number=session, count=sessions)
    if session + 1 == sessions:
        return t(
            "Session 1 is planned; planning sessions {number} and {count} together.", number=session, count=sessions
        )
    return t("Session 1 is planned; planning sessions {number} to {count} together.", number=session, count=sessions)


def move_lines(moves: Sequence["Move"]) -> list[str]:
    """Who moves where, one line per person at the place of their first change, with the rounds each change
    concerns, as the organiser reads it aloud in a room of 150: "Anne: table 3 → table 5 in rounds 3, 4",
    "Paul: no table → table 12 in rounds 2 to 4; table 5 in round 5"; the people who lose their seat in the
    same rounds share one line: "Bruno, Chloé: no table in rounds 2 to 6"."""
    by_person: dict[str, list[Move]] = {}
    for move in moves:
        by_person.setdefault(move.attendee_id, []).append(move)
    leaving: dict[tuple[int, ...], list[str]] = {}
    for group in by_person.values():
        if all(move.after is None for move in group):
            leaving.setdefault(tuple(move.round for move in group), []).append(group[0].name)
    lines = []
    for group in by_person.values():
        rounds = tuple(move.round for move in group)
        if any(move.after is not None for move in group):
            lines.append(t("{name}: {changes}", name=group[0].name, changes=_changes(group)))
        elif names := leaving.pop(rounds, None):
            lines.append(t("{name}: {changes}", name=", ".join(names), changes=_seat_lost(rounds)))
    return lines


def rounds_listing(rounds: Sequence[int]) -> str:
    """Round numbers as read aloud: three or more in a row are a span ("2, 4 to 6", not "2, 4, 5, 6")."""
    runs: list[list[int]] = []
    for number in rounds:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(
        t("{first} to {last}", first=run[0], last=run[-1]) if len(run) >= 3 else ", ".join(map(str, run))
        for run in runs
    )


def _table(number: int | None) -> str:
    return t("table {number}", number=number) if number else t("no table")


def _listed(items: Sequence[str]) -> str:
    listed = items[0]
    for item in items[1:]:
        listed = t("{list}; {item}", list=listed, item=item)  # French spaces its semicolons
    return listed


def _changes(group: Sequence["Move"]) -> str:
    """One person's changes, in the order of their rounds: each table they go to with the tables they leave
    for it and its rounds ("tables 19, 8 → table 3 in rounds 2, 3"), the seats taken (a late arrival,
    someone back) after a single "no table →", the rounds without a table."""
    changed: dict[int, tuple[list[int], list[int]]] = {}
    taken: dict[int, list[int]] = {}
    lost: list[int] = []
    for move in group:
        if move.before is not None and move.after is not None:
            left, rounds = changed.setdefault(move.after, ([], []))
            if move.before not in left:
                left.append(move.before)
            rounds.append(move.round)
        elif move.after is not None:
            taken.setdefault(move.after, []).append(move.round)
        else:
            lost.append(move.round)
    parts = [
        (
            rounds[0],
            t_plural(
                "{before} → {after} in round {rounds}",
                "{before} → {after} in rounds {rounds}",
                len(rounds),
                before=t_plural("table {numbers}", "tables {numbers}", len(left), numbers=", ".join(map(str, left))),
                after=_table(after),
                rounds=rounds_listing(rounds),
            ),
        )
        for after, (left, rounds) in changed.items()
    ]
    if taken:
        parts.append((min(min(rounds) for rounds in taken.values()), _seat_taken(taken)))
    if lost:
        parts.append((lost[0], _seat_lost(lost)))
    return _listed([part for _, part in sorted(parts, key=lambda part: part[0])])


def _seat_lost(rounds: Sequence[int]) -> str:
    return t_plural(
        "no table in round {rounds}", "no table in rounds {rounds}", len(rounds), rounds=rounds_listing(rounds)
    )


def _seat_taken(rounds_at: Mapping[int, Sequence[int]]) -> str:
    seats = [
        t_plural(
            "table {number} in round {rounds}",
            "table {number} in rounds {rounds}",
            len(rounds),
            number=table,
            rounds=rounds_listing(rounds),
        )
        for table, rounds in rounds_at.items()
    ]
    return t("no table → {seats}", seats=_listed(seats))


def room_lines(result: "Result") -> list[str]:
    """Who is in the room from the first re-planned round on, and which tables no longer serve."""
    revision = result.revision
    assert revision is not None
    lines = [
        t(
            "Present from round {round}: {count} (of {total} people listed in all)",
            round=revision.from_round,
            count=revision.present,
            total=len(result.plan.attendees),
        )
    ]
    if revision.tables_unused:
        empty = [
            t_plural(
                "round {round}: table {numbers}",
                "round {round}: tables {numbers}",
                len(tables),
                round=number,
                numbers=", ".join(map(str, tables)),
            )
            for number, tables in revision.tables_unused
        ]
        lines.append(t("Tables left empty: {listing}", listing=_listed(empty)))
    return lines


def change_lines(result: "Result") -> list[str]:
    """Who moves where, then exactly which cards to reprint: the same report on the page and in the terminal."""
    from speeddating.names import labels  # name matching is not needed for the CLI's --help

    revision = result.revision
    assert revision is not None
    names = labels(result.plan.attendees)
    version = revision.previous.version
    moved = move_lines(revision.moves)
    if moved:
        lines = [
            t_plural(
                "Changes compared with version {version} ({count} person):",
                "Changes compared with version {version} ({count} people):",
                len({move.attendee_id for move in revision.moves}),
                version=version,
            )
        ]
        lines += [f"  {line}" for line in moved]
    else:
        lines = [t("No table changes compared with version {version}.", version=version)]
    if not revision.itineraries_to_reprint and not revision.tables_to_reprint:
        lines.append(t("No card to reprint: the printed cards are still right."))
    if revision.itineraries_to_reprint:
        lines.append(
            t_plural(
                "Itinerary card to reprint:",
                "Itinerary cards to reprint ({count}):",
                len(revision.itineraries_to_reprint),
            )
        )
        lines += [
            "  " + t("{name}: {changes}", name=names[x], changes=reason)
            for x, reason in itinerary_reprint_reasons(result).items()
        ]
    if revision.tables_to_reprint:
        lines.append(
            t_plural("Table card to reprint:", "Table cards to reprint ({count}):", len(revision.tables_to_reprint))
        )
        lines += [
            "  " + t("{name}: {changes}", name=_table(n), changes=reason)
            for n, reason in table_reprint_reasons(result).items()
        ]
    return lines


def itinerary_reprint_reasons(result: "Result") -> dict[str, str]:
    """Id -> why that person's itinerary card is reprinted, in the order of the re-plan's list: the terminal,
    the page and `replan --json` give the same reasons."""
    revision = result.revision
    assert revision is not None
    return {x: itinerary_reason(revision.previous, result.plan, x) for x in revision.itineraries_to_reprint}


def table_reprint_reasons(result: "Result") -> dict[int, str]:
    """Table number -> why its card is reprinted, in the order of the re-plan's list (the people named as
    `change_lines` names them, told apart)."""
    from speeddating.names import labels  # name matching is not needed for the CLI's --help

    revision = result.revision
    assert revision is not None
    names = labels(result.plan.attendees)
    return {n: table_reason(revision.previous, result.plan, n, names) for n in revision.tables_to_reprint}


def _by_rounds(changes: Sequence[tuple[Key, int]], wording: Callable[[Key], str]) -> str:
    """The changes of a card, each worded once with its rounds ("Anne leaves (rounds 3, 4)"), in the order of
    their first round; a card whose rounds print alike was reprinted for its heading."""
    rounds: dict[Key, list[int]] = {}
    for key, number in changes:
        rounds.setdefault(key, []).append(number)
    if not rounds:
        return t(OTHER_DETAILS)
    return _listed(
        [
            t_plural(
                "{what} (round {rounds})",
                "{what} (rounds {rounds})",
                len(numbers),
                what=wording(key),
                rounds=rounds_listing(numbers),
            )
            for key, numbers in rounds.items()
        ]
    )


def _and(names: Sequence[str]) -> str:
    """Names as a sentence lists them ("Anne, Paul and Léa", in the language of the moment), so that they read
    apart from the verbs."""
    from babel.lists import format_list

    return format_list(list(names), locale=format_locale())


def itinerary_reason(before: "Plan", after: "Plan", attendee_id: str) -> str:
    """Why a person's card is reprinted: "another table (rounds 4, 5); presents CIO (round 3)"."""
    from speeddating.exporters.pdf.itineraries import SeatChange, itinerary_changes

    if attendee_id not in before.by_id():
        return t("a late arrival's first card")
    wordings = {
        SeatChange.TABLE: N_("another table"),
        SeatChange.NO_TABLE: N_("no table"),
        SeatChange.SEATED: N_("a table again"),
        SeatChange.DETAILS: OTHER_DETAILS,
    }

    def worded(key: tuple[SeatChange, str]) -> str:
        change, organisation = key
        if change is not SeatChange.PRESENTS:
            return t(wordings[change])
        if organisation:
            return t("presents {organisation}", organisation=organisation)
        return t("presents a partner organisation not at the table")

    changes = itinerary_changes(before, after, attendee_id)
    return _by_rounds([((change.change, change.presents), change.round) for change in changes], worded)


def table_reason(before: "Plan", after: "Plan", number: int, names: Mapping[str, str]) -> str:
    """Why a table's card is reprinted: "Marie Dupont leaves, Ali Ben joins (round 4); Paul Roux joins
    (rounds 5, 6)" (`names`: the people's names by id, told apart)."""
    from speeddating.exporters.pdf.table_cards import CompanyChange, table_changes

    def worded(key: tuple[CompanyChange, tuple[str, ...], tuple[str, ...]]) -> str:
        change, leaving, joining = key
        if change is CompanyChange.PRESENTS:
            return t("who presents whom")
        if change is CompanyChange.DETAILS:
            return t(OTHER_DETAILS)
        parts = []
        if leaving:
            parts.append(
                t_plural("{names} leaves", "{names} leave", len(leaving), names=_and([names[x] for x in leaving]))
            )
        if joining:
            parts.append(
                t_plural("{names} joins", "{names} join", len(joining), names=_and([names[x] for x in joining]))
            )
        return ", ".join(parts)

    changes = table_changes(before, after, number)
    return _by_rounds([((c.change, c.leaving, c.joining), c.round) for c in changes], worded)
