"""Import: the attendee list dropped or chosen, what the importer made of it, and the people, editable."""

import re
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from speeddating.roster import Roster
from speeddating.web.people import FLAG_COLUMNS, PeopleEdits, flagged
from speeddating.web.site import Site
from speeddating.web.workflow import Imported, import_attendees
from speeddating.web.workspace import Draft

PERSON_ID = re.compile(r"[pn][0-9]{2,6}")
"""Ids the importer (p01…) and the people list (n01…) give; anything else from a form is ignored."""


def people_edits(draft: Draft) -> PeopleEdits:
    return PeopleEdits.from_state(draft.state.get("people"))


def imported(draft: Draft) -> Imported | None:
    """The stored list as the importer reads it, None before the first upload."""
    path = draft.attendee_file
    return None if path is None else import_attendees(path, draft.attendee_name, kept_apart(draft))


def kept_apart(draft: Draft) -> tuple[str, ...]:
    """Spellings the organiser refused to merge into another organisation."""
    return tuple(str(spelling) for spelling in draft.state.get("kept_apart", []))


def edited(draft: Draft, found: Imported | None) -> Roster | None:
    """The people of this session: the file's, with the organiser's changes; None while the file has problems."""
    if found is None or found.roster is None:
        return None
    return people_edits(draft).apply(found.roster)


def edited_roster(draft: Draft) -> Roster | None:
    return edited(draft, imported(draft))


def _back(draft: Draft, anchor: str = "") -> Response:
    return RedirectResponse(f"/sessions/{draft.id}/import" + (f"#{anchor}" if anchor else ""), status_code=303)


def router(site: Site) -> APIRouter:
    routes = APIRouter(prefix="/sessions/{session_id}")

    @routes.get("/import")
    def show(request: Request, session_id: str) -> Response:
        draft = site.workspace.draft(session_id)
        found = imported(draft)
        roster = edited(draft, found)
        return site.pages.page(
            request,
            "import.html",
            draft=draft,
            step="import",
            imported=found,
            kept_apart=kept_apart(draft),
            roster=roster,
            flags={flag: {a.id for a in roster.attendees if flagged(a, flag)} for flag in FLAG_COLUMNS}
            if roster
            else {},
        )

    @routes.post("/import")
    async def upload(session_id: str, attendees: Annotated[UploadFile, File()]) -> Response:
        draft = site.workspace.draft(session_id)
        data = await attendees.read()
        draft.store_attendees(data, attendees.filename or "")
        return _back(draft)

    @routes.post("/organisations/merge")
    def merge(session_id: str, spelling: Annotated[str, Form()], value: Annotated[str, Form()]) -> Response:
        """Refuse a merge the importer suggested (the spelling stays its own organisation), or accept it again."""
        draft = site.workspace.draft(session_id)
        others = [s for s in kept_apart(draft) if s != spelling]
        draft.save(kept_apart=others if value == "merge" else [*others, spelling])
        return _back(draft, "merges")

    @routes.post("/people/remove")
    def remove(session_id: str, person: Annotated[str, Form()]) -> Response:
        draft = site.workspace.draft(session_id)
        if PERSON_ID.fullmatch(person):
            draft.save(people=people_edits(draft).remove(person).to_state())
        return _back(draft, "people")

    @routes.post("/people/add")
    def add(session_id: str, name: Annotated[str, Form()], organisation: Annotated[str, Form()]) -> Response:
        draft = site.workspace.draft(session_id)
        if name.strip() and organisation.strip():
            draft.save(people=people_edits(draft).add(name, organisation).to_state())
        return _back(draft, "add-person")

    @routes.post("/people/flag")
    def flag(
        session_id: str, person: Annotated[str, Form()], flag: Annotated[str, Form()], value: Annotated[str, Form()]
    ) -> Response:
        draft = site.workspace.draft(session_id)
        if flag in FLAG_COLUMNS and PERSON_ID.fullmatch(person):
            draft.save(people=people_edits(draft).flag(person, flag, value == "on").to_state())
            return _back(draft, f"person-{person}")
        return _back(draft)

    return routes
