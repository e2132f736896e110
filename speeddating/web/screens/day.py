"""On the day: who is absent, who arrived late, re-plan from a round on (who moves where, which cards to
reprint), and record the session as it took place so that the next one brings new people together."""

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from speeddating.errors import UserError
from speeddating.i18n import t, t_plural
from speeddating.names import labels
from speeddating.plan import Plan
from speeddating.roster import Attendee
from speeddating.session import Result
from speeddating.text import clean
from speeddating.web.screens.attendees import PERSON_ID
from speeddating.web.site import Site
from speeddating.web.workflow import record, replan_day, saved_plan, write_documents
from speeddating.web.workspace import Draft
from speeddating.wording import move_line

MAX_ARRIVALS = 50


def day_state(draft: Draft) -> dict[str, Any]:
    """The changes noted for the next re-plan: absent ids, arrivals (name, organisation)."""
    state = draft.state.get("day")
    return state if isinstance(state, dict) else {"absent": [], "arrivals": []}


def revision_lines(result: Result) -> list[str]:
    """Who moves where, then exactly which cards to reprint, in the page's language."""
    revision = result.revision
    assert revision is not None
    names = labels(result.plan.attendees)
    lines = [move_line(move) for move in revision.moves] or [
        t("No table changes compared with version {version}.", version=revision.previous.version)
    ]
    if revision.itineraries_to_reprint:
        lines.append(
            t_plural(
                "Itinerary card to reprint: {names}",
                "Itinerary cards to reprint ({count}): {names}",
                len(revision.itineraries_to_reprint),
                names=", ".join(names[x] for x in revision.itineraries_to_reprint),
            )
        )
    if revision.tables_to_reprint:
        lines.append(
            t_plural(
                "Table card to reprint: table {numbers}",
                "Table cards to reprint ({count}): tables {numbers}",
                len(revision.tables_to_reprint),
                numbers=", ".join(map(str, revision.tables_to_reprint)),
            )
        )
    return lines


def router(site: Site) -> APIRouter:
    routes = APIRouter(prefix="/sessions/{session_id}")

    def current_plan(draft: Draft) -> Plan | None:
        saved = saved_plan(draft.plan_folder, site.workspace.history)
        return saved[0] if saved else None

    def back(draft: Draft, anchor: str = "") -> Response:
        return RedirectResponse(f"/sessions/{draft.id}/day" + (f"#{anchor}" if anchor else ""), status_code=303)

    @routes.get("/day")
    def show(request: Request, session_id: str) -> Response:
        draft = site.workspace.draft(session_id)
        plan = current_plan(draft)
        day = day_state(draft)
        organisations = sorted({a.organisation for a in plan.attendees}) if plan else []
        return site.pages.page(
            request,
            "day.html",
            draft=draft,
            step="day",
            plan=plan,
            absent=set(day["absent"]),
            arrivals=day["arrivals"],
            organisations=organisations,
            report=draft.state.get("day_report", []),
            problem=draft.state.get("day_problem", ""),
            recorded=draft.state.get("recorded", ""),
        )

    @routes.post("/day/absent")
    def absent(session_id: str, person: Annotated[str, Form()], value: Annotated[str, Form()]) -> Response:
        draft = site.workspace.draft(session_id)
        day = day_state(draft)
        if PERSON_ID.fullmatch(person):
            ids = [x for x in day["absent"] if x != person] + ([person] if value == "on" else [])
            draft.save(day={**day, "absent": ids})
        return back(draft, f"person-{person}" if PERSON_ID.fullmatch(person) else "")

    @routes.post("/day/arrival")
    def arrival(session_id: str, name: Annotated[str, Form()], organisation: Annotated[str, Form()]) -> Response:
        draft = site.workspace.draft(session_id)
        day = day_state(draft)
        if clean(name) and clean(organisation) and len(day["arrivals"]) < MAX_ARRIVALS:
            arrivals = [*day["arrivals"], {"name": clean(name), "organisation": clean(organisation)}]
            draft.save(day={**day, "arrivals": arrivals})
        return back(draft, "arrivals")

    @routes.post("/day/arrival/remove")
    def remove_arrival(session_id: str, index: Annotated[int, Form()]) -> Response:
        draft = site.workspace.draft(session_id)
        day = day_state(draft)
        draft.save(day={**day, "arrivals": [a for i, a in enumerate(day["arrivals"]) if i != index]})
        return back(draft, "arrivals")

    @routes.post("/day/replan")
    def replan(session_id: str, from_round: Annotated[int, Form()]) -> Response:
        """Re-plans at once (a few seconds): the new version replaces the documents of the Print step."""
        draft = site.workspace.draft(session_id)
        plan = current_plan(draft)
        if plan is None:
            return back(draft)
        day = day_state(draft)
        arrivals = tuple(Attendee("", a["name"], a["organisation"]) for a in day["arrivals"])
        try:
            result = replan_day(plan, from_round, tuple(day["absent"]), arrivals, site.workspace.history)
        except UserError as error:
            draft.save(day_problem=str(error))
            return back(draft)
        write_documents(result.plan, draft.plan_folder, result.revision)
        lines = revision_lines(result) + [notice.text() for notice in result.notices]
        draft.save(day={"absent": [], "arrivals": []}, day_report=lines, day_problem="")
        return back(draft, "report")

    @routes.post("/day/record")
    def record_it(session_id: str) -> Response:
        draft = site.workspace.draft(session_id)
        plan = current_plan(draft)
        if plan is None:
            return back(draft)
        try:
            recorded = record(plan, site.workspace.history, plan.event.title)
        except UserError as error:
            draft.save(day_problem=str(error))
            return back(draft)
        session = recorded.session
        draft.save(
            recorded=t(
                "Session n° {number} recorded: {title}, {date}.",
                number=session.id,
                title=session.title,
                date=session.date,
            ),
            day_problem="",
        )
        return back(draft, "record")

    return routes
