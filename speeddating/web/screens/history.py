"""History: the sessions recorded, how the network is knitting together (its trend session by session, and
organisation by organisation as a picture), the people who met the fewest, and the history's export and
import."""

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from speeddating.errors import UserError
from speeddating.exporters.pdf.style import long_date
from speeddating.history.report import NetworkReport, report_pdf
from speeddating.history.store import SessionInfo
from speeddating.i18n import t
from speeddating.plan import Plan, read_plan
from speeddating.session import recorded_sessions
from speeddating.text import clean, fold
from speeddating.web.site import Site
from speeddating.web.workflow import (
    PLAN_FILE,
    as_held,
    export_sessions,
    import_sessions,
    network,
    record,
    recorded_seating,
    saved_plan,
    trend,
)
from speeddating.web.workspace import Draft

TREND_CHART = {"width": 560, "height": 160, "bar": 36, "gap": 14}
"""The trend's bars in pixels (drawn as SVG attributes: the Content-Security-Policy forbids inline styles)."""
HEAT_LEVELS = 6
"""Shades of the organisation-by-organisation picture, from none met to everyone met."""


def shares(report: NetworkReport) -> list[list[tuple[int, int, int]]]:
    """For each pair of organisations: (pairs met, pairs possible, shade 0..5) — colleagues on the diagonal."""
    counts = [
        sum(1 for person in report.people if fold(person.organisation) == fold(name)) for name in report.organisations
    ]
    rows = []
    for i, row in enumerate(report.links):
        cells = []
        for j, met in enumerate(row):
            possible = counts[i] * (counts[i] - 1) // 2 if i == j else counts[i] * counts[j]
            shade = round((HEAT_LEVELS - 1) * met / possible) if possible else 0
            cells.append((met, possible, shade))
        rows.append(cells)
    return rows


def cross_share(report: NetworkReport) -> tuple[int, int]:
    """Pairs of people from different organisations who met, and how many such pairs there are."""
    grid = shares(report)
    met = sum(grid[i][j][0] for i in range(len(grid)) for j in range(i + 1, len(grid)))
    possible = sum(grid[i][j][1] for i in range(len(grid)) for j in range(i + 1, len(grid)))
    return met, possible


class TitleTaken(UserError):
    """Another session is recorded under the title and day of the one being recorded (the refusal is kept on
    the draft, for the record form to show beside its controls)."""


def record_title(draft: Draft, plan: Plan) -> str:
    """The title the session is recorded under: the one last asked for on the page, else the plan's."""
    return str(draft.state.get("record_title") or plan.event.title)


def own_record(site: Site, draft: Draft) -> int | None:
    """The number of the session `draft` recorded, while the history still holds that record (the same
    number and seating): a session that replaced it may have been given its number."""
    mine = draft.state.get("recorded_session")
    if not isinstance(mine, dict) or not isinstance(mine.get("number"), int) or not mine.get("seating"):
        return None
    number: int = mine["number"]
    return number if recorded_seating(site.workspace.history, number) == mine["seating"] else None


def same_title_and_day(site: Site, plan: Plan, title: str, mine: int | None) -> SessionInfo | None:
    """A session held that the history would take for this one (the same title on the same day, one session
    per title and day) though this draft did not record it (`mine`, its `own_record`): another session of the
    day, or this one recorded from elsewhere; None when there is none."""
    day = plan.event.date or dt.date.today().isoformat()
    held = recorded_sessions(site.workspace.history)
    return next((s for s in held if s.date == day and s.title == title.strip() and s.id != mine), None)


def record_context(site: Site, draft: Draft, plan: Plan, mine: int | None) -> dict[str, Any]:
    """What the record form shows: the title to record under, the session it would replace, and, after a
    refusal and while that session is there, why (in the page's language of the moment); `mine` is the
    draft's `own_record`."""
    title = record_title(draft, plan)
    clash = same_title_and_day(site, plan, title, mine)
    refused = clash is not None and bool(draft.state.get("record_refused"))
    problem = title_taken(clash) if clash is not None and refused else ""
    return {"record_title": title, "clash": clash, "record_problem": problem}


def title_taken(clash: SessionInfo) -> str:
    """Why another session of the same title and day stops the record, with the page's controls to use."""
    return t(
        "Session n° {number} is already recorded as '{title}' on {date}: the history keeps one session per "
        "title and day. If this is another session, change “Title in the history”; if it is the same one, "
        "tick “Replace session n° {number}”. Then record again.",
        number=clash.id,
        title=clash.title,
        date=long_date(clash.date),
    )


def record_held(site: Site, draft: Draft, plan: Plan, title: str = "", replace_clash: bool = False) -> str:
    """Record `plan`, the session of `draft`, as it took place, under `title` (the plan's if empty), and note
    on the draft that it is recorded; returns the sentence that says so. Recorded again from the same session
    (a double click, a re-plan since, the absentees unticked here), the new record replaces the earlier one.
    Another session held under the same title on the same day is replaced only with `replace_clash` (the
    box ticked); otherwise TitleTaken says which, naming the page's controls, not the CLI's --title/--force."""
    title = clean(title) or plan.event.title
    draft = draft.save(record_title=title if title != plan.event.title else "", record_refused=False)
    mine = own_record(site, draft)
    clash = same_title_and_day(site, plan, title, mine)
    if clash is not None and not replace_clash:
        draft.save(record_refused=True)
        raise TitleTaken(title_taken(clash))
    session = record(plan, site.workspace.history, title).session
    fields = {"number": session.id, "title": session.title, "date": long_date(session.date)}
    if mine is not None:
        said = t("Session n° {number} recorded again, in place of the earlier record: {title}, {date}.", **fields)
    else:
        said = t("Session n° {number} recorded: {title}, {date}.", **fields)
    seating = recorded_seating(site.workspace.history, session.id)
    draft.save(recorded=said, recorded_session={"number": session.id, "seating": seating})
    return said


def router(site: Site) -> APIRouter:
    routes = APIRouter(prefix="/history")

    @routes.get("")
    def show(request: Request) -> Response:
        report = network(site.workspace.history)
        met, possible = cross_share(report) if report else (0, 0)
        return site.pages.page(
            request,
            "history.html",
            sessions=list(reversed(recorded_sessions(site.workspace.history))),
            report=report,
            grid=shares(report) if report else [],
            met=met,
            possible=possible,
            least=report.least_connected() if report else [],
            trend=trend(site.workspace.history),
            planned=[
                (draft, read_plan(draft.plan_folder / PLAN_FILE).event.title, own_record(site, draft) is not None)
                for draft in site.workspace.drafts()
                if (draft.plan_folder / PLAN_FILE).is_file()
            ],
            chart=TREND_CHART,
            message=site.workspace.take_notice("history"),
        )

    @routes.get("/record/{session_id}")
    def who_came(request: Request, session_id: str) -> Response:
        """The people of a planned session, each ticked: the organiser unticks those who did not come."""
        draft = site.workspace.draft(session_id)
        plan = saved_plan(draft.plan_folder)
        if plan is None:
            return RedirectResponse("/history", status_code=303)
        return who_came_page(request, draft.save(record_refused=False), plan, None)

    def who_came_page(request: Request, draft: Draft, plan: Plan, came: frozenset[str] | None) -> Response:
        """Everyone seated, ticked as `came` says (all when None), with the record form's title and refusal."""
        seated = {x for planned in plan.rounds for table in planned.tables for x in table.attendees}
        people = [attendee for attendee in plan.attendees if attendee.id in seated]
        ticked = came if came is not None else frozenset(seated)
        context = record_context(site, draft, plan, own_record(site, draft))
        return site.pages.page(request, "record.html", draft=draft, plan=plan, people=people, came=ticked, **context)

    @routes.post("/record/{session_id}")
    def record_as_held(
        request: Request,
        session_id: str,
        came: Annotated[list[str] | None, Form()] = None,
        title: Annotated[str, Form()] = "",
        replace: Annotated[str, Form()] = "",
    ) -> Response:
        """Record the session with only the people ticked, so the history holds who actually met; refused,
        the same page again with the people as ticked and what to change."""
        draft = site.workspace.draft(session_id)
        plan = saved_plan(draft.plan_folder)
        if plan is not None:
            present = frozenset(came or ())
            try:
                notice = record_held(site, draft, as_held(plan, present), title, replace_clash=replace == "on")
            except TitleTaken:
                return who_came_page(request, site.workspace.draft(session_id), plan, present)
            except UserError as error:
                notice = str(error)
            site.workspace.keep_notice("history", notice)
        return RedirectResponse("/history", status_code=303)

    @routes.get("/report.pdf")
    def pdf() -> Response:
        report = network(site.workspace.history)
        if report is None:
            return Response(status_code=404)
        headers = {"content-disposition": 'inline; filename="network-report.pdf"'}
        return Response(report_pdf(report), media_type="application/pdf", headers=headers)

    @routes.get("/export.json")
    def export() -> Response:
        if not site.workspace.history.is_file():
            return Response(status_code=404)
        headers = {"content-disposition": 'attachment; filename="speeddating-history.json"'}
        return Response(export_sessions(site.workspace.history), media_type="application/json", headers=headers)

    @routes.post("/import")
    async def import_export(export: Annotated[UploadFile, File()]) -> Response:
        data = await export.read()
        try:
            notice = import_sessions(site.workspace.history, data, export.filename or "").text()
        except UserError as error:
            notice = str(error)
        site.workspace.keep_notice("history", notice)
        return RedirectResponse("/history", status_code=303)

    return routes
