"""Print: the documents of the plan, each with a thumbnail of its first page, to open or download, and all
of them as one zip."""

import io
import zipfile

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response

from speeddating.i18n import N_
from speeddating.session import REPRINT_ITINERARIES, REPRINT_TABLE_CARDS
from speeddating.web.previews import Previews
from speeddating.web.site import Site
from speeddating.web.workflow import PLAN_FILE

DOCUMENTS = (
    ("table-cards.pdf", N_("Table cards"), N_("One folding card per table: its number, who sits there each round.")),
    ("itineraries.pdf", N_("Itineraries"), N_("One card per person, to cut out: the table and theme of each round.")),
    ("agenda.pdf", N_("Agenda"), N_("The timetable on one page, with how the session works.")),
    ("master-plan.pdf", N_("Master plan"), N_("The organiser's overview: everyone, round by round, and the figures.")),
    ("plan.csv", N_("Spreadsheet (CSV)"), N_("One row per person and round, for Excel or LibreOffice.")),
    (REPRINT_TABLE_CARDS, N_("Table cards to reprint"), N_("After a re-plan: only the table cards that changed.")),
    (REPRINT_ITINERARIES, N_("Itineraries to reprint"), N_("After a re-plan: only the itineraries that changed.")),
)
"""The files `plan` and `replan` write, with their names on the page; only these names are ever served."""
ZIP_NAME = "speeddating-plan.zip"
MEDIA_TYPES = {".pdf": "application/pdf", ".csv": "text/csv; charset=utf-8"}


def router(site: Site) -> APIRouter:
    routes = APIRouter(prefix="/sessions/{session_id}")
    previews = Previews()

    @routes.get("/print")
    def show(request: Request, session_id: str) -> Response:
        draft = site.workspace.draft(session_id)
        planned = (draft.plan_folder / PLAN_FILE).is_file()
        present = [document for document in DOCUMENTS if (draft.plan_folder / document[0]).is_file()]
        return site.pages.page(
            request, "print.html", draft=draft, step="print", planned=planned, documents=present, zip_name=ZIP_NAME
        )

    @routes.get("/previews/{name}")
    def preview(session_id: str, name: str) -> Response:
        """The first page of one of the known PDFs as a PNG (`table-cards.png` for `table-cards.pdf`)."""
        draft = site.workspace.draft(session_id)
        for known, _, _ in DOCUMENTS:
            path = draft.plan_folder / known
            if known.endswith(".pdf") and known.removesuffix(".pdf") + ".png" == name and path.is_file():
                return Response(previews.thumbnail(path), media_type="image/png")
        return Response(status_code=404)

    @routes.get("/files/{name}")
    def download(session_id: str, name: str) -> Response:
        """One of the known documents (looked up by name, never joined to a path as given), or the zip of all."""
        draft = site.workspace.draft(session_id)
        if name == ZIP_NAME:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for known, _, _ in DOCUMENTS:
                    if (draft.plan_folder / known).is_file():
                        archive.write(draft.plan_folder / known, known)
            headers = {"content-disposition": f'attachment; filename="{ZIP_NAME}"'}
            return Response(buffer.getvalue(), media_type="application/zip", headers=headers)
        for known, _, _ in DOCUMENTS:
            path = draft.plan_folder / known
            if known == name and path.is_file():
                disposition = "inline" if known.endswith(".pdf") else "attachment"
                return FileResponse(
                    path, media_type=MEDIA_TYPES[path.suffix], content_disposition_type=disposition, filename=known
                )
        return Response(status_code=404)

    return routes
