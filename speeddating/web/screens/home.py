"""Home: the sessions so far (from the history), the plans in progress, and a new session. A plan recorded in the
history is a past session, opened from its line there, no longer a plan in progress."""

from typing import NamedTuple

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from speeddating.exporters.pdf.style import long_date
from speeddating.i18n import t
from speeddating.session import recorded_sessions
from speeddating.web.screens.history import own_record
from speeddating.web.site import Site
from speeddating.web.workflow import saved_plan
from speeddating.web.workspace import Draft


class DraftLine(NamedTuple):
    """A plan in progress as the home page lists it."""

    draft: Draft
    title: str
    started: str


def draft_line(draft: Draft) -> DraftLine:
    """The draft's title (the breakfast's as saved, else its plan's: a plan made with the default breakfast
    was listed as "Untitled session"), and when it was started, in the page's language."""
    plan = saved_plan(draft.plan_folder) if not draft.title else None
    title = draft.title or (plan.event.title if plan is not None else "")
    day, _, time = draft.created.partition("T")
    return DraftLine(draft, title, t("{date}, {time}", date=long_date(day), time=time[:5]) if time else day)


def router(site: Site) -> APIRouter:
    routes = APIRouter()

    @routes.get("/")
    def home(request: Request) -> Response:
        sessions = list(reversed(recorded_sessions(site.workspace.history)))
        drafts: list[DraftLine] = []
        opened: dict[int, Draft] = {}
        for draft in site.workspace.drafts():
            number = own_record(site, draft)
            if number is None:
                drafts.append(draft_line(draft))
            else:
                opened.setdefault(number, draft)
        return site.pages.page(request, "home.html", drafts=drafts, sessions=sessions, opened=opened)

    @routes.post("/sessions")
    def new_session() -> Response:
        draft = site.workspace.new_draft()
        return RedirectResponse(f"/sessions/{draft.id}/import", status_code=303)

    return routes
