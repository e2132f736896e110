"""The short human summary printed after `plan` and `check`, and its JSON twin."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from speeddating.i18n import N_plural, format_integer, format_percent, format_seconds, t, t_plural
from speeddating.plan import Plan, Quality
from speeddating.text import fold


def organisation_counts(plan: Plan) -> list[tuple[str, int]]:
    """(display name, head count), largest first: the organiser spots typos here."""
    display: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for attendee in plan.attendees:
        display.setdefault(attendee.organisation_key, attendee.organisation)
        counts[attendee.organisation_key] += 1
    return sorted(((display[k], c) for k, c in counts.items()), key=lambda x: (-x[1], fold(x[0])))


def table_sizes(plan: Plan) -> Counter[int]:
    """Table size -> number of tables, in the first round (the layout of the session)."""
    return Counter(len(table.attendees) for table in plan.rounds[0].tables) if plan.rounds else Counter()


def absent_count(plan: Plan) -> int:
    """People listed but seated nowhere in the last round: those who left (or never came), after a re-plan."""
    seated = {x for table in plan.rounds[-1].tables for x in table.attendees} if plan.rounds else set()
    return sum(1 for attendee in plan.attendees if attendee.id not in seated)


def people_line(plan: Plan) -> str:
    """ "Participants : 30", or "Participants : 30 (2 absents)" counting only the people present."""
    absent = absent_count(plan)
    present = len(plan.attendees) - absent
    if absent == 0:
        return t("People: {count}", count=present)
    if absent == 1:
        return t("People: {count} (1 absent)", count=present)
    return t("People: {count} ({absent} absent)", count=present, absent=absent)


def summary_lines(plan: Plan, quality: Quality) -> list[str]:
    orgs = organisation_counts(plan)
    sizes = table_sizes(plan)
    size_counts = [t("{count} of {size}", count=c, size=s) for s, c in sorted(sizes.items(), reverse=True)]
    lines = [
        people_line(plan),
        t(
            "Organisations ({count}): {listing}",
            count=len(orgs),
            listing=", ".join(f"{name} ({count})" for name, count in orgs),
        ),
        t("Tables per round: {count} ({sizes})", count=sum(sizes.values()), sizes=", ".join(size_counts)),
        t("Rounds: {count}", count=len(plan.rounds)),
    ]
    if plan.rounds and plan.rounds[0].start:
        welcome = plan.event.welcome()
        lines.append(t("Timetable:"))
        lines.append(t("  {start}–{end}  Welcome", start=welcome.start, end=welcome.end))
        for rnd in plan.rounds:
            theme = f" — {rnd.theme.title}" if rnd.theme else ""
            lines.append(
                t(
                    "  {start}–{end}  Round {number}{theme}",
                    start=rnd.start,
                    end=rnd.end,
                    number=rnd.number,
                    theme=theme,
                )
            )
        closing = plan.event.closing(len(plan.rounds))
        lines.append(t("  {start}–{end}  Closing", start=closing.start, end=closing.end))
    bound = quality.new_pairs_bound
    share = quality.distinct_new_pairs / bound if bound else 1.0
    lines += [
        t(
            "Same-organisation pairs at a table: {count} ({forced} unavoidable)",
            count=quality.same_org_pairs,
            forced=quality.forced_same_org,
        ),
        t("Pairs meeting twice in the session: {count}", count=quality.repeat_pairs),
        t("Pairs already met in earlier sessions: {count}", count=quality.history_repeats),
        *reunions_line(quality),
        t(
            "New cross-organisation encounters: {count} out of at most {bound} ({percent})",
            count=quality.distinct_new_pairs,
            bound=bound,
            percent=format_percent(share),
        ),
        t_plural(
            "Everyone meets between {fewest} and {count} new person",
            "Everyone meets between {fewest} and {count} new people",
            quality.most_new_met,
            fewest=quality.fewest_new_met,
        )
        if quality.fewest_new_met != quality.most_new_met
        else t_plural("Everyone meets {count} new person", "Everyone meets {count} new people", quality.most_new_met),
    ]
    if quality.optimal:
        lines.append(t("Optimality: proven, no better plan exists"))
    elif quality.interrupted:
        lines.append(t("Optimality: stopped before the end, the best plan found until then, not proven"))
    else:
        lines.append(
            t_plural(
                "Optimality: not proven; best plan found, at most {count} more encounter possible",
                "Optimality: not proven; best plan found, at most {count} more encounters possible",
                quality.proven_bound - quality.distinct_new_pairs,
            )
        )
    if plan.solver.method:
        lines.append(t("Computed in {seconds}", seconds=format_seconds(plan.solver.seconds)))
    return lines


def reunions_line(quality: Quality) -> list[str]:
    """The re-meetings the head counts force against those of the plan, when some are forced. A plan
    that seats colleagues together only where forced gets the floor of such plans
    (`history.bound.forced_reunions`), and the sentence says so."""
    floor = quality.forced_reunions
    if floor <= 0:
        return []
    total = quality.history_repeats + quality.repeat_pairs + quality.same_org_pairs - quality.forced_same_org
    apart = quality.same_org_pairs == quality.forced_same_org
    sentences = {
        (True, True): N_plural(
            "At least {count} re-meeting was unavoidable with these head counts, colleagues kept apart where "
            "possible; this plan has {total}, the fewest possible",
            "At least {count} re-meetings were unavoidable with these head counts, colleagues kept apart where "
            "possible; this plan has {total}, the fewest possible",
        ),
        (True, False): N_plural(
            "At least {count} re-meeting was unavoidable with these head counts, colleagues kept apart where "
            "possible; this plan has {total} (pairs met before and pairs met twice)",
            "At least {count} re-meetings were unavoidable with these head counts, colleagues kept apart where "
            "possible; this plan has {total} (pairs met before and pairs met twice)",
        ),
        (False, True): N_plural(
            "At least {count} re-meeting was unavoidable with these head counts; this plan has {total}, "
            "the fewest possible",
            "At least {count} re-meetings were unavoidable with these head counts; this plan has {total}, "
            "the fewest possible",
        ),
        (False, False): N_plural(
            "At least {count} re-meeting was unavoidable with these head counts; this plan has {total} "
            "(pairs met before, pairs met twice and avoidable colleague pairs)",
            "At least {count} re-meetings were unavoidable with these head counts; this plan has {total} "
            "(pairs met before, pairs met twice and avoidable colleague pairs)",
        ),
    }
    return [t_plural(*sentences[apart, total <= floor], floor, total=format_integer(total))]


def summary_json(
    plan: Plan, quality: Quality, *, constraints: Sequence[str] = (), warnings: Sequence[str] = ()
) -> dict[str, Any]:
    """The summary's figures, with the lines saying what the organiser's constraints did (kept apart,
    should meet, why a pair could not meet) and the warnings, as the human summary shows them."""
    absent = absent_count(plan)
    return {
        "people": len(plan.attendees) - absent,
        "absent": absent,
        "organisations": dict(organisation_counts(plan)),
        "tables": {str(size): count for size, count in sorted(table_sizes(plan).items())},
        "rounds": [
            {"number": r.number, "start": r.start, "end": r.end, "theme": r.theme.title if r.theme else None}
            for r in plan.rounds
        ],
        "quality": asdict(quality),
        "solver": asdict(plan.solver),
        "constraints": list(constraints),
        "warnings": list(warnings),
    }


def series_lines(met_after: Sequence[int], possible: int, qualities: Sequence[Quality]) -> list[str]:
    """What a series planned at once brings: pairs met across organisations after each session, then each
    later session's own figures (the earlier sessions counting as met before)."""
    figures = ", ".join(
        f"{format_integer(met)} ({format_percent(met / possible if possible else 1.0)})" for met in met_after
    )
    lines = [
        t_plural(
            "Series of {count} session: pairs of people from different organisations who have met, after "
            "each session: {figures}, of {possible} possible",
            "Series of {count} sessions: pairs of people from different organisations who have met, after "
            "each session: {figures}, of {possible} possible",
            len(met_after),
            figures=figures,
            possible=format_integer(possible),
        )
    ]
    for number, quality in enumerate(qualities[1:], start=2):
        lines.append(
            t(
                "  Session {number}: {new}, {repeats}, {history}, {colleagues}",
                number=number,
                new=t_plural("{count} new encounter", "{count} new encounters", quality.distinct_new_pairs),
                repeats=t_plural(
                    "{count} pair meeting twice in the session",
                    "{count} pairs meeting twice in the session",
                    quality.repeat_pairs,
                ),
                history=t_plural(
                    "{count} pair met in an earlier session",
                    "{count} pairs met in an earlier session",
                    quality.history_repeats,
                ),
                colleagues=t_plural(
                    "{count} avoidable colleague pair",
                    "{count} avoidable colleague pairs",
                    quality.same_org_pairs - quality.forced_same_org,
                ),
            )
        )
    return lines
