"""Plan: the "Plan" button, the optimiser's progress streamed live (SSE) with a stop button, then the figures
in plain words and the seating round by round, coloured by organisation."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Annotated, TypeVar

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from speeddating.plan import Plan
from speeddating.status import Progress, Stop
from speeddating.summary import organisation_counts, reunions_line
from speeddating.text import column_letter
from speeddating.web.screens.attendees import chosen_pairs, edited_roster
from speeddating.web.screens.event import event_state, saved_event
from speeddating.web.screens.progress import progress_report, progress_stream
from speeddating.web.site import Site
from speeddating.web.workflow import (
    Planned,
    PlannedSeries,
    keep_planned,
    plan_figures,
    plan_session,
    plan_sessions,
    saved_plan,
    write_documents,
)
from speeddating.web.workspace import Draft, Workspace

TIME_LIMITS = (10, 30, 60, 120)
"""Seconds the organiser may give the optimiser; the first is the CLI's default."""
ORGANISATION_COLOURS = 12
"""Colours the seating's stylesheet has (`.org-0` to `.org-11` in app.css); past them, colours come round again."""
T = TypeVar("T")
"""What a run of the optimiser makes: one plan, or a series."""
SERIES_SIZES = (1, 2, 3, 4, 5, 6)
"""Sessions the organiser may plan at once (`plan --sessions`); 1, this session alone, is the default."""
SERIES_COPIED = ("columns", "sheet", "dedupe", "people", "pairs", "spellings", "kept_apart", "time_limit")
"""What a later session of a series keeps of the first's state: the same people, read the same way."""


def series_drafts(workspace: Workspace, draft: Draft) -> list[Draft]:
    """The sessions made for the later sessions of the series planned from `draft`, those still there."""
    known = {other.id: other for other in workspace.drafts()}
    return [known[str(i)] for i in draft.state.get("series_drafts", []) if str(i) in known]


def keep_series_drafts(workspace: Workspace, draft: Draft, planned: PlannedSeries) -> None:
    """Session 1 in `draft`, each later one in a session of its own on the home page (the ones this draft
    made for its series before, while they are there), all kept in the history as planned."""
    plans = [result.plan for result in planned.series.sessions]
    notes = [*planned.warnings, *planned.constraints, *planned.figures]
    reused = series_drafts(workspace, draft)
    source = draft.attendee_file
    attendees = source.read_bytes() if source is not None else None
    made: list[str] = []
    for number, plan in enumerate(plans[1:]):
        later = reused[number] if number < len(reused) else workspace.new_draft()
        if attendees is not None:
            later = later.store_attendees(attendees, draft.attendee_name)
        copied = {key: draft.state[key] for key in SERIES_COPIED if key in draft.state}
        later = later.save(**copied, event=event_state(plan.event), plan_notes=list(planned.figures))
        write_documents(plan, later.plan_folder)
        made.append(later.id)
    write_documents(plans[0], draft.plan_folder)
    draft.save(plan_notes=notes, series_drafts=made)
    keep_planned(planned, workspace.history)


@dataclass(frozen=True)
class OrganisationMark:
    """How the seating shows an organisation: a colour, and a letter that tells apart the organisations sharing
    it when there are more organisations than colours, and all of them on a black-and-white print."""

    name: str
    colour: int
    letter: str


def organisation_marks(plan: Plan) -> dict[str, OrganisationMark]:
    """Each organisation's mark, in the order its first person comes in the list (a late arrival's new
    organisation comes last and leaves the others' marks as they were); letters run on as a spreadsheet's
    columns do (A..Z, AA, AB...), one for each organisation however many there are."""
    marks: dict[str, OrganisationMark] = {}
    for attendee in plan.attendees:
        if attendee.organisation_key not in marks:
            index = len(marks)
            marks[attendee.organisation_key] = OrganisationMark(
                attendee.organisation, index % ORGANISATION_COLOURS, column_letter(index)
            )
    return marks


def router(site: Site) -> APIRouter:
    routes = APIRouter(prefix="/sessions/{session_id}")

    @routes.get("/plan")
    def show(request: Request, session_id: str) -> Response:
        draft = site.workspace.draft(session_id)
        plan = saved_plan(draft.plan_folder)
        figures = plan_figures(plan, site.workspace.history) if plan else None
        quality = figures.quality if figures else None
        job = site.jobs.get(draft.id)
        return site.pages.page(
            request,
            "plan.html",
            draft=draft,
            step="plan",
            ready=edited_roster(draft) is not None,
            job=job,
            progress=progress_report(site, job) if job is not None and job.running else "",
            plan=plan,
            quality=quality,
            met_before=figures.met_before if figures else 0,
            reunions=reunions_line(quality) if quality else [],
            marks=organisation_marks(plan) if plan else {},
            organisations=len(organisation_counts(plan)) if plan else 0,
            notes=draft.state.get("plan_notes", []),
            time_limits=TIME_LIMITS,
            time_limit=draft.state.get("time_limit", TIME_LIMITS[0]),
            series_sizes=SERIES_SIZES,
            sessions=draft.state.get("sessions", SERIES_SIZES[0]),
            series_drafts=series_drafts(site.workspace, draft),
        )

    @routes.post("/plan/start")
    def start(
        session_id: str,
        time_limit: Annotated[int, Form()] = TIME_LIMITS[0],
        sessions: Annotated[int, Form()] = SERIES_SIZES[0],
    ) -> Response:
        draft = site.workspace.draft(session_id)
        roster = edited_roster(draft)
        seconds = time_limit if time_limit in TIME_LIMITS else TIME_LIMITS[0]
        count = sessions if sessions in SERIES_SIZES else SERIES_SIZES[0]
        if roster is not None:
            draft = draft.save(time_limit=seconds, sessions=count)
            event = saved_event(draft)
            event = replace(event, themes=tuple(theme for theme in event.themes if theme.title))
            history = site.workspace.history
            pairs = chosen_pairs(draft)
            apart, meet = tuple(pairs["apart"]), tuple(pairs["meet"])

            def planning(plan: Callable[..., T]) -> Callable[[Progress, Stop], T]:
                """The run of `plan` for this session's people, event, history, time and pairs."""

                def work(report: Progress, stop: Stop) -> T:
                    return plan(
                        roster,
                        event,
                        history=history,
                        time_limit=seconds,
                        apart=apart,
                        meet=meet,
                        progress=report,
                        stop=stop,
                    )

                return work

            def keep(planned: Planned) -> None:
                write_documents(planned.plan, draft.plan_folder)
                site.workspace.draft(draft.id).save(plan_notes=[*planned.warnings, *planned.constraints])

            def keep_series(planned: PlannedSeries) -> None:
                keep_series_drafts(site.workspace, site.workspace.draft(draft.id), planned)

            if count == 1:
                site.jobs.start(draft.id, seconds, planning(plan_session), keep)
            else:
                site.jobs.start(
                    draft.id, seconds * count, planning(partial(plan_sessions, sessions=count)), keep_series, count
                )
        return RedirectResponse(f"/sessions/{draft.id}/plan", status_code=303)

    @routes.post("/plan/stop")
    def stop(session_id: str) -> Response:
        draft = site.workspace.draft(session_id)
        site.jobs.stop(draft.id)
        return RedirectResponse(f"/sessions/{draft.id}/plan", status_code=303)

    @routes.get("/plan/events")
    def events(session_id: str) -> Response:
        """The progress while the optimiser runs, then "done" (the page reloads to show the plan)."""
        return progress_stream(site, site.workspace.draft(session_id).id)

    return routes
