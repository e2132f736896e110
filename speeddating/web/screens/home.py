"""Home: the sessions so far (from the history), the plans in progress, and a new session."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from speeddating.session import recorded_sessions
from speeddating.web.site import Site


def router(site: Site) -> APIRouter:
    routes = APIRouter()

    @routes.get("/")
    def home(request: Request) -> Response:
        sessions = list(reversed(recorded_sessions(site.workspace.history)))
        return site.pages.page(request, "home.html", drafts=site.workspace.drafts(), sessions=sessions)

    @routes.post("/sessions")
    def new_session() -> Response:
        draft = site.workspace.new_draft()
        return RedirectResponse(f"/sessions/{draft.id}/import", status_code=303)

    return routes
