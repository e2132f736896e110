"""The breakfast: title, date, place, times, durations, table size and themes, with the rounds that fit
and the timetable shown live as the organiser types (the package's `Event` does the arithmetic)."""

import datetime as dt
import re
from dataclasses import asdict, fields, replace
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from speeddating.event import PRESENT_ANOTHER, Event, Theme, default_event, minutes_of
from speeddating.problem import MAX_TABLE_SIZE, MIN_TABLE_SIZE
from speeddating.web.site import Site
from speeddating.web.workspace import Draft

CLOCK = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
WHOLE_NUMBER = re.compile(r"[0-9]{1,6}")
"""A number the organiser typed, in ASCII digits (`str.isdigit` takes "²", which `int` refuses)."""
DURATIONS = {
    "round_minutes": (1, 120),
    "changeover_minutes": (0, 30),
    "welcome_minutes": (0, 120),
    "closing_minutes": (0, 120),
}
"""Each duration of the form with the smallest and largest number of minutes it accepts."""
NUMBERS = {**DURATIONS, "table_size": (MIN_TABLE_SIZE, MAX_TABLE_SIZE)}
"""Every whole number of the form with its limits, named with them when one given is not kept."""
TEXTS = ("title", "location")
THEME_ACTION = re.compile(r"(remove|up|down)-([0-9]{1,2})")
MAX_THEMES = 20


def saved_event(draft: Draft) -> Event:
    """The event as last saved for this draft, else the usual breakfast in the page's language."""
    state = draft.state.get("event")
    if not isinstance(state, dict):
        return default_event()
    known = {f.name for f in fields(Event)} - {"themes", "pinned_themes"}
    themes = tuple(
        Theme(str(item["title"]), str(item.get("prompt", "")), str(item.get("kind", ""))) for item in state["themes"]
    )
    return Event(**{key: value for key, value in state.items() if key in known}, themes=themes)


def event_state(event: Event) -> dict[str, Any]:
    state = asdict(event)
    state.pop("pinned_themes")
    return state


def _whole(text: str, low: int, high: int) -> int | None:
    return int(text) if WHOLE_NUMBER.fullmatch(text.strip()) and low <= int(text) <= high else None


def read_form(form: FormData, before: Event) -> tuple[Event, dict[str, str]]:
    """The event the form describes; a field that is not valid keeps its previous value and is named, with
    the text given (the page says what it accepts instead of ignoring it)."""
    values: dict[str, Any] = {}
    invalid: dict[str, str] = {}
    for key in TEXTS:
        text = " ".join(str(form.get(key, "")).split())
        if text or key == "location":
            values[key] = text
    date = str(form.get("date", ""))
    try:
        values["date"] = dt.date.fromisoformat(date).isoformat()
    except ValueError:
        invalid["date"] = date
    for key in ("start", "end"):
        clock = str(form.get(key, ""))
        if CLOCK.fullmatch(clock):
            values[key] = clock
        else:
            invalid[key] = clock
    for key, (low, high) in NUMBERS.items():
        given = str(form.get(key, ""))
        number = _whole(given, low, high)
        if number is None:
            invalid[key] = " ".join(given.split())
        else:
            values[key] = number
    event = replace(before, **values, themes=_themes(form))
    if minutes_of(event.end) <= minutes_of(event.start):
        invalid["end"] = event.end
        event = replace(event, end=before.end, start=before.start)
    return event, invalid


def _themes(form: FormData) -> tuple[Theme, ...]:
    titles = [str(value) for value in form.getlist("theme_title")][:MAX_THEMES]
    prompts = [str(value) for value in form.getlist("theme_prompt")]
    another = {str(value) for value in form.getlist("theme_another")}
    themes = []
    for index, title in enumerate(titles):
        prompt = prompts[index] if index < len(prompts) else ""
        kind = PRESENT_ANOTHER if str(index) in another else ""
        themes.append(Theme(" ".join(title.split()), " ".join(prompt.split()), kind))
    return tuple(themes)


def apply_theme_action(themes: tuple[Theme, ...], action: str) -> tuple[Theme, ...]:
    """Add a theme, or remove or move the one the button names; themes left without a title are dropped."""
    listed = list(themes)
    if action == "add" and len(listed) < MAX_THEMES:
        return (*[theme for theme in listed if theme.title], Theme(""))
    found = THEME_ACTION.fullmatch(action)
    if found is not None and int(found[2]) < len(listed):
        index = int(found[2])
        if found[1] == "remove":
            del listed[index]
        else:
            other = index - 1 if found[1] == "up" else index + 1
            if 0 <= other < len(listed):
                listed[index], listed[other] = listed[other], listed[index]
    return tuple(theme for theme in listed if theme.title)


def router(site: Site) -> APIRouter:
    routes = APIRouter(prefix="/sessions/{session_id}")

    def page(request: Request, draft: Draft, event: Event, invalid: dict[str, str]) -> Response:
        return site.pages.page(
            request,
            "event.html",
            draft=draft,
            step="event",
            event=event,
            invalid=invalid,
            durations=DURATIONS,
            limits=NUMBERS,
        )

    @routes.get("/event")
    def show(request: Request, session_id: str) -> Response:
        draft = site.workspace.draft(session_id)
        return page(request, draft, saved_event(draft), {})

    @routes.post("/event")
    async def save(request: Request, session_id: str) -> Response:
        """Saves on every change (htmx posts as the organiser types and swaps the timetable), and on submit."""
        draft = site.workspace.draft(session_id)
        form = await request.form()
        event, invalid = read_form(form, saved_event(draft))
        action = str(form.get("action", ""))
        if action:
            event = replace(event, themes=apply_theme_action(event.themes, action))
        else:
            event = replace(event, themes=tuple(theme for theme in event.themes if theme.title))
        draft = draft.save(event=event_state(event))
        if invalid or request.headers.get("hx-request"):
            return page(request, draft, event, invalid)
        anchor = "#themes" if action else ""
        return RedirectResponse(f"/sessions/{draft.id}/event{anchor}", status_code=303)

    return routes
