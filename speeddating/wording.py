"""How front ends word the workflow's values: progress events, the search's methods, a re-plan's changes.

The workflow returns values, never sentences; the CLI and the web page share these wordings so that the
organiser reads the same words on the screen and in the terminal, in the language of the moment.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from speeddating.i18n import N_, format_seconds, t, t_plural
from speeddating.status import ProgressEvent

if TYPE_CHECKING:
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
}
"""The solver's internal component names (kept in plan files for debugging), in the organiser's words."""

ANY_METHOD = N_("the search")


def method_description(method: str) -> str:
    """What found a plan, in the current language: "construction:affine(4), fitted" is "an adapted design"."""
    family = method.split(":")[0].split(",")[0].strip()
    if family == "construction" and method.endswith(", fitted"):
        return t("an adapted design")
    return t(METHODS.get(family, ANY_METHOD))


def improvement_line(event: ProgressEvent) -> str:
    """The progress line of a better plan: time, colleague pairs, repeats, new pairs out of the bound."""
    return t(
        "{seconds}  same-org {same_org}  repeats {repeats}  new pairs {new}/{bound}  ({method})",
        seconds=format_seconds(event.elapsed),
        same_org=event.same_org_pairs,
        repeats=event.repeat_pairs,
        new=event.new_pairs,
        bound=event.new_pairs_bound,
        method=method_description(event.method),
    )


def move_line(move: "Move") -> str:
    """ "Anne: table 3 → table 5 (round 4)"."""
    before = t("table {number}", number=move.before) if move.before else t("no table")
    after = t("table {number}", number=move.after) if move.after else t("no table")
    return t("{name}: {before} → {after} (round {round})", name=move.name, before=before, after=after, round=move.round)


def move_lines(moves: Sequence["Move"]) -> list[str]:
    """Who moves where, round by round; someone who loses their seat, or takes one (a late arrival, someone
    back), has one line at the place of their first change, not one per round: "Anne: no table in rounds
    2, 3, 4", "Paul: no table → table 12 in rounds 2, 3, 4; table 5 in round 5"."""
    grouped: dict[tuple[str, bool], list[Move]] = {}
    for move in moves:
        if move.before is None or move.after is None:
            grouped.setdefault((move.attendee_id, move.after is None), []).append(move)
    lines = []
    for move in moves:
        if move.before is not None and move.after is not None:
            lines.append(move_line(move))
        elif grouped[(move.attendee_id, move.after is None)][0] is move:
            group = grouped[(move.attendee_id, move.after is None)]
            lines.append(_seat_lost(group) if move.after is None else _seat_taken(group))
    return lines


def _seat_lost(group: Sequence["Move"]) -> str:
    rounds = [move.round for move in group]
    return t_plural(
        "{name}: no table in round {rounds}",
        "{name}: no table in rounds {rounds}",
        len(rounds),
        name=group[0].name,
        rounds=", ".join(map(str, rounds)),
    )


def _seat_taken(group: Sequence["Move"]) -> str:
    rounds_at: dict[int, list[int]] = {}
    for move in group:
        assert move.after is not None
        rounds_at.setdefault(move.after, []).append(move.round)
    seats = [
        t_plural(
            "table {number} in round {rounds}",
            "table {number} in rounds {rounds}",
            len(rounds),
            number=table,
            rounds=", ".join(map(str, rounds)),
        )
        for table, rounds in rounds_at.items()
    ]
    listed = seats[0]
    for seat in seats[1:]:
        listed = t("{list}; {item}", list=listed, item=seat)  # French spaces its semicolons
    return t("{name}: no table → {seats}", name=group[0].name, seats=listed)


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
        lines.append(t("Tables left empty: {listing}", listing="; ".join(empty)))
    return lines


def change_lines(result: "Result") -> list[str]:
    """Who moves where, then exactly which cards to reprint."""
    from speeddating.names import labels  # name matching is not needed for the CLI's --help

    revision = result.revision
    assert revision is not None
    names = labels(result.plan.attendees)
    version = revision.previous.version
    moved = move_lines(revision.moves)
    if moved:
        lines = [t("Changes compared with version {version} ({count}):", version=version, count=len(moved))]
        lines += [f"  {line}" for line in moved]
    else:
        lines = [t("No table changes compared with version {version}.", version=version)]
    if not revision.itineraries_to_reprint and not revision.tables_to_reprint:
        lines.append(t("No card to reprint: the printed cards are still right."))
    if revision.itineraries_to_reprint:
        lines.append(
            t(
                "Itinerary cards to reprint ({count}): {names}",
                count=len(revision.itineraries_to_reprint),
                names=", ".join(names[x] for x in revision.itineraries_to_reprint),
            )
        )
    if revision.tables_to_reprint:
        lines.append(
            t(
                "Table cards to reprint ({count}): tables {numbers}",
                count=len(revision.tables_to_reprint),
                numbers=", ".join(map(str, revision.tables_to_reprint)),
            )
        )
    if revision.itineraries_to_reprint or revision.tables_to_reprint:
        lines.append(t("Only these cards: reprint-itineraries.pdf and reprint-table-cards.pdf."))
    return lines
