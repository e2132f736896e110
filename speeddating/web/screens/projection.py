"""Projector: a full-screen page for the room's screen, the round and its theme with a large countdown, and
at each changeover an alphabetical list of who goes to which table (the countdown runs in the browser). The
page asks for the seating again every few seconds, so that a re-plan on the day reaches the screen open."""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from speeddating.plan import Plan
from speeddating.text import fold
from speeddating.web.site import Site
from speeddating.web.workflow import saved_plan


def projection_data(plan: Plan) -> dict[str, Any]:
    """What the page's script needs: each round's times, theme and seats (name → table, alphabetical)."""
    names = {a.id: a.name for a in plan.attendees}
    event = plan.event
    return {
        "date": event.date,
        "roundMinutes": event.round_minutes,
        "changeoverMinutes": event.changeover_minutes,
        "rounds": [
            {
                "number": rnd.number,
                "start": rnd.start,
                "end": rnd.end,
                "theme": rnd.theme.title if rnd.theme else "",
                "prompt": rnd.theme.prompt if rnd.theme else "",
                "seats": sorted(
                    ([names[person], table.number] for table in rnd.tables for person in table.attendees),
                    key=lambda seat: fold(str(seat[0])),
                ),
            }
            for rnd in plan.rounds
        ],
    }


def router(site: Site) -> APIRouter:
    routes = APIRouter(prefix="/sessions/{session_id}")

    @routes.get("/projection")
    def show(request: Request, session_id: str) -> Response:
        draft = site.workspace.draft(session_id)
        plan = saved_plan(draft.plan_folder)
        data = projection_data(plan) if plan else None
        return site.pages.page(request, "projection.html", draft=draft, plan=plan, data=data)

    @routes.get("/projection/data")
    def seating(session_id: str) -> Response:
        """The screen's data as the plan now stands (the latest version, after a re-plan)."""
        plan = saved_plan(site.workspace.draft(session_id).plan_folder)
        if plan is None:
            return Response(status_code=404)
        return JSONResponse(projection_data(plan), headers={"cache-control": "no-store"})

    return routes
