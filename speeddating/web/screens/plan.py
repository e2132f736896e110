"""Plan: the "Plan" button, the optimiser's progress streamed live (SSE) with a stop button, then the figures
in plain words and the seating round by round, coloured by organisation."""

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from speeddating.plan import Plan
from speeddating.status import Progress, Stop
from speeddating.summary import reunions_line
from speeddating.web.screens.attendees import chosen_pairs, edited_roster
from speeddating.web.screens.event import saved_event
from speeddating.web.screens.progress import progress_report, progress_stream
from speeddating.web.site import Site
from speeddating.web.workflow import Planned, plan_figures, plan_session, saved_plan, write_documents

TIME_LIMITS = (10, 30, 60, 120)
"""Seconds the organiser may give the optimiser; the first is the CLI's default."""
ORGANISATION_COLOURS = 12


def organisation_colours(plan: Plan) -> dict[str, int]:
    """A colour number per person (by organisation, largest first), so colleagues show alike at a glance."""
    order: dict[str, int] = {}
    for attendee in plan.attendees:
        order.setdefault(attendee.organisation_key, len(order))
    return {a.id: order[a.organisation_key] % ORGANISATION_COLOURS for a in plan.attendees}


def router(site: Site) -> APIRouter:
    routes = APIRouter(prefix="/sessions/{session_id}")

    @routes.get("/plan")
    def show(request: Request, session_id: str) -> Response:
        draft = site.workspace.draft(session_id)
        plan = saved_plan(draft.plan_folder)
        quality = plan_figures(plan, site.workspace.history) if plan else None
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
            reunions=reunions_line(quality) if quality else [],
            colours=organisation_colours(plan) if plan else {},
            notes=draft.state.get("plan_notes", []),
            time_limits=TIME_LIMITS,
            time_limit=draft.state.get("time_limit", TIME_LIMITS[0]),
        )

    @routes.post("/plan/start")
    def start(session_id: str, time_limit: Annotated[int, Form()] = TIME_LIMITS[0]) -> Response:
        draft = site.workspace.draft(session_id)
        roster = edited_roster(draft)
        seconds = time_limit if time_limit in TIME_LIMITS else TIME_LIMITS[0]
        if roster is not None:
            draft = draft.save(time_limit=seconds)
            event = saved_event(draft)
            event = replace(event, themes=tuple(theme for theme in event.themes if theme.title))
            history = site.workspace.history

            pairs = chosen_pairs(draft)

            def work(report: Progress, stop: Stop) -> Planned:
                return plan_session(
                    roster,
                    event,
                    history=history,
                    time_limit=seconds,
                    apart=tuple(pairs["apart"]),
                    meet=tuple(pairs["meet"]),
                    progress=report,
                    stop=stop,
                )

            def keep(planned: Planned) -> None:
                write_documents(planned.plan, draft.plan_folder)
                site.workspace.draft(draft.id).save(plan_notes=[*planned.warnings, *planned.constraints])

            site.jobs.start(draft.id, seconds, work, keep)
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
