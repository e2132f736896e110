"""Import: the attendee list dropped or chosen, what the importer made of it, and the people, editable."""

import re
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from speeddating.constraints import IdPair, id_pair
from speeddating.i18n import t
from speeddating.importer import DEFAULT_ALIASES, ColumnChoice, Role, aliases_text, column_letter
from speeddating.roster import OrganisationMerge, Roster
from speeddating.web.people import FLAG_COLUMNS, PeopleEdits, flagged
from speeddating.web.site import Site
from speeddating.web.workflow import Imported, import_attendees
from speeddating.web.workspace import Draft

PERSON_ID = re.compile(r"[pn][0-9]{2,6}")
"""Ids the importer (p01…) and the people list (n01…) give; anything else from a form is ignored."""
COLUMN_LETTERS = re.compile(r"[A-Z]{1,3}")
"""A column as the import screen's selects name it (its letters); "" means read from no column."""


def people_edits(draft: Draft) -> PeopleEdits:
    return PeopleEdits.from_state(draft.state.get("people"))


def imported(draft: Draft) -> Imported | None:
    """The stored list as the importer reads it, None before the first upload."""
    path = draft.attendee_file
    if path is None:
        return None
    aliases = {
        **DEFAULT_ALIASES,
        **{other: printed for printed, others in chosen_spellings(draft).items() for other in others},
        **{spelling: spelling for spelling in kept_apart(draft)},
    }
    sheet = draft.state.get("sheet")
    return import_attendees(
        path,
        draft.attendee_name,
        aliases,
        column_choice(draft),
        dedupe=keeps_first_rows(draft),
        sheet=sheet if isinstance(sheet, str) and sheet else None,
    )


def keeps_first_rows(draft: Draft) -> bool:
    """Whether the organiser chose to keep the first row of each person listed twice (the CLI's --dedupe)."""
    return draft.state.get("dedupe") is True


def chosen_spellings(draft: Draft) -> dict[str, list[str]]:
    """Organisations whose printed spelling the organiser chose: that spelling -> the other ones merged in it
    (given to the importer as aliases, the table the CLI reads with --aliases)."""
    found = draft.state.get("spellings")
    if not isinstance(found, dict):
        return {}
    return {str(printed): [str(other) for other in others] for printed, others in found.items()}


def spelling_groups(merges: tuple[OrganisationMerge, ...]) -> dict[str, list[str]]:
    """Each organisation printed for several spellings -> those spellings, the printed one first."""
    groups: dict[str, list[str]] = {}
    for merge in merges:
        spellings = groups.setdefault(merge.organisation, [merge.organisation])
        if merge.spelling not in spellings:
            spellings.append(merge.spelling)
    return {printed: spellings for printed, spellings in groups.items() if len(spellings) > 1}


def aliases_of(draft: Draft, found: Imported | None) -> str:
    """The organiser's decisions on organisations as the aliases file the CLI reads (`--aliases`): the merges
    the importer made, the spellings chosen, the spellings kept apart."""
    merges = list(found.roster.merges) if found is not None and found.roster is not None else []
    merges += [
        OrganisationMerge(other, printed, t("spelling chosen on the page"))
        for printed, others in chosen_spellings(draft).items()
        for other in others
    ]
    merges += [OrganisationMerge(spelling, spelling, t("kept apart on the page")) for spelling in kept_apart(draft)]
    return aliases_text(merges)


def chosen_columns(draft: Draft) -> dict[Role, str]:
    """The organiser's choice of column per role (letters, "" for none), as kept in the session's state."""
    roles = {role.value: role for role in Role}
    found = draft.state.get("columns")
    if not isinstance(found, dict):
        return {}
    return {
        roles[key]: str(value)
        for key, value in found.items()
        if key in roles and (value == "" or COLUMN_LETTERS.fullmatch(str(value)))
    }


def column_choice(draft: Draft) -> ColumnChoice:
    """The organiser's choices as the CLI's `--columns` gives them to the importer (plus the roles read from
    no column)."""
    chosen = chosen_columns(draft)
    given = {role: letters for role, letters in chosen.items() if letters}
    return ColumnChoice(given, frozenset(role for role, letters in chosen.items() if not letters))


def by_address(columns: dict[str, str], email: str) -> dict[str, str]:
    """The organisation chosen in the e-mail column means each address's domain: the importer reads it so
    when that column plays both roles (`--columns organisation=C,email=C`), else it would take the whole
    address for the organisation and find no e-mail column."""
    email = columns.get(Role.EMAIL.value, email)
    if email and columns.get(Role.ORGANISATION.value) == email:
        return {**columns, Role.EMAIL.value: email}
    return columns


PAIR_KINDS = ("apart", "meet")
"""The pairs the organiser may name: kept apart (never at one table), or to meet once."""


def chosen_pairs(draft: Draft) -> dict[str, list[IdPair]]:
    """The pairs the organiser named on the page, by kind, as attendee ids (the CLI's --keep-apart and
    --should-meet files)."""
    found = draft.state.get("pairs")
    pairs: dict[str, list[IdPair]] = {kind: [] for kind in PAIR_KINDS}
    if isinstance(found, dict):
        for kind in PAIR_KINDS:
            for pair in found.get(kind, []):
                if isinstance(pair, list) and len(pair) == 2 and all(PERSON_ID.fullmatch(str(x)) for x in pair):
                    pairs[kind].append(id_pair(str(pair[0]), str(pair[1])))
    return pairs


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
            roles=list(Role),
            organisation_role=Role.ORGANISATION,
            email_role=Role.EMAIL,
            chosen=chosen_columns(draft),
            keeps_first_rows=keeps_first_rows(draft),
            pairs=chosen_pairs(draft),
            column_letter=column_letter,
            kept_apart=kept_apart(draft),
            spellings=chosen_spellings(draft),
            groups=spelling_groups(found.roster.merges) if found is not None and found.roster is not None else {},
            roster=roster,
            flags={flag: {a.id for a in roster.attendees if flagged(a, flag)} for flag in FLAG_COLUMNS}
            if roster
            else {},
        )

    @routes.post("/import")
    async def upload(session_id: str, attendees: Annotated[UploadFile, File()]) -> Response:
        """A new list, read afresh: the columns chosen for the previous one may not exist in it."""
        draft = site.workspace.draft(session_id)
        data = await attendees.read()
        draft.store_attendees(data, attendees.filename or "").save(columns={}, dedupe=False, sheet="", pairs={})
        return _back(draft)

    @routes.post("/pairs")
    def pairs(
        session_id: str,
        first: Annotated[str, Form()],
        second: Annotated[str, Form()],
        kind: Annotated[str, Form()],
        action: Annotated[str, Form()] = "add",
    ) -> Response:
        """Name a pair of people to keep apart or to seat together once (in one kind only), or forget it."""
        draft = site.workspace.draft(session_id)
        if kind in PAIR_KINDS and first != second and PERSON_ID.fullmatch(first) and PERSON_ID.fullmatch(second):
            pair = id_pair(first, second)
            named = {k: [p for p in found if p != pair] for k, found in chosen_pairs(draft).items()}
            if action == "add":
                named[kind].append(pair)
            draft.save(pairs={k: [list(p) for p in found] for k, found in named.items()})
        return _back(draft, "pairs")

    @routes.post("/sheet")
    def choose_sheet(session_id: str, sheet: Annotated[str, Form()]) -> Response:
        """Read another sheet of the workbook (one it has), its columns recognised afresh."""
        draft = site.workspace.draft(session_id)
        found = imported(draft)
        if found is not None and sheet in found.sheets:
            draft.save(sheet=sheet, columns={}, pairs={})
        return _back(draft)

    @routes.post("/dedupe")
    def dedupe(session_id: str, value: Annotated[str, Form()]) -> Response:
        """Keep the first row of each person listed twice ("on"), or refuse such rows again."""
        draft = site.workspace.draft(session_id)
        draft.save(dedupe=value == "on", pairs={})  # the rows kept change, and with them the people's ids
        return _back(draft)

    @routes.post("/columns")
    async def choose_columns(request: Request, session_id: str) -> Response:
        """The roles whose select the organiser changed are kept, the others left to the recognition; "reset"
        gives every role back to it."""
        draft = site.workspace.draft(session_id)
        form = await request.form()
        found = imported(draft)
        if "reset" in form or found is None or found.recognition is None:
            draft.save(columns={})
            return _back(draft, "columns")
        current = found.recognition.roles
        changed = {
            role.value: str(form[role.value])
            for role in Role
            if role.value in form
            and (form[role.value] == "" or COLUMN_LETTERS.fullmatch(str(form[role.value])))
            and form[role.value] != (column_letter(current[role]) if role in current else "")
        }
        kept = {role.value: letters for role, letters in chosen_columns(draft).items()}
        draft.save(
            columns=by_address({**kept, **changed}, column_letter(current[Role.EMAIL]) if Role.EMAIL in current else "")
        )
        return _back(draft, "columns")

    @routes.post("/organisations/merge")
    def merge(session_id: str, spelling: Annotated[str, Form()], value: Annotated[str, Form()]) -> Response:
        """Refuse a merge the importer suggested (the spelling stays its own organisation), or accept it again."""
        draft = site.workspace.draft(session_id)
        others = [s for s in kept_apart(draft) if s != spelling]
        draft.save(kept_apart=others if value == "merge" else [*others, spelling])
        return _back(draft, "merges")

    @routes.post("/organisations/spelling")
    def choose_spelling(
        session_id: str, organisation: Annotated[str, Form()], spelling: Annotated[str, Form()] = ""
    ) -> Response:
        """Print `spelling` for the organisation the importer printed as `organisation` (one of its spellings);
        `organisation` being a spelling chosen before, its choice is undone."""
        draft = site.workspace.draft(session_id)
        chosen = chosen_spellings(draft)
        found = imported(draft)
        groups = spelling_groups(found.roster.merges) if found is not None and found.roster is not None else {}
        if spelling in groups.get(organisation, ()):
            chosen = {printed: others for printed, others in chosen.items() if printed != organisation}
            chosen[spelling] = [other for other in groups[organisation] if other != spelling]
        elif organisation in chosen and spelling == "":
            del chosen[organisation]
        draft.save(spellings=chosen)
        return _back(draft, "merges")

    @routes.get("/aliases.csv")
    def aliases_file(session_id: str) -> Response:
        draft = site.workspace.draft(session_id)
        headers = {"content-disposition": 'attachment; filename="aliases.csv"'}
        text = "\ufeff" + aliases_of(draft, imported(draft))  # with its BOM, Excel opens it with its accents
        return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8", headers=headers)

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
