"""On the day: who is absent, who arrived late, who stays seated or hosts a table; re-plan from a round on,
with live progress and a stop button as on the Plan screen (who moves where, which cards to reprint); and
record the session as it took place so that the next one brings new people together."""

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from speeddating.errors import UserError
from speeddating.i18n import LANGUAGES, current_language, t, use_language
from speeddating.plan import Plan
from speeddating.roster import Attendee
from speeddating.session import Result
from speeddating.status import Progress, SolveStatus, Stop
from speeddating.text import clean, fold
from speeddating.web.jobs import JobState
from speeddating.web.people import flagged
from speeddating.web.screens.event import WHOLE_NUMBER
from speeddating.web.screens.history import TitleTaken, own_record, record_context, record_held
from speeddating.web.screens.progress import progress_report, progress_stream
from speeddating.web.site import Site
from speeddating.web.workflow import replan_day, saved_plan, write_documents
from speeddating.web.workspace import Draft
from speeddating.wording import change_lines, room_lines

MAX_ARRIVALS = 50
MARKS = ("absent", "stays_seated", "host", "returning")
"""What the organiser may note about a person for the next re-plan (as `replan --absent`, `--stays-seated`,
`--host`), and who is back in the room after an earlier re-plan took them out (as `replan --add` with their
name: they rejoin under their id)."""
REPLAN_TIME_LIMITS = (3, 10, 30)
"""Seconds the organiser may give a re-plan; the first is the CLI's `replan` default, since the room waits."""


def day_state(draft: Draft) -> dict[str, Any]:
    """The changes noted for the next re-plan: ids per mark (absent, stays seated, host, back in the room),
    arrivals (name, organisation)."""
    state = draft.state.get("day")
    noted = state if isinstance(state, dict) else {}
    return {**{mark: [] for mark in MARKS}, "arrivals": [], **noted}


def planned_marks(plan: Plan | None) -> dict[str, set[str]]:
    """What the plan itself already says of each person, shown as marks that need no re-plan: absent (no
    table in the last round: left at an earlier re-plan), stays seated, hosts a table."""
    if plan is None:
        return {mark: set() for mark in MARKS}
    last = plan.rounds[-1] if plan.rounds else None
    return {
        "absent": {a.id for a in plan.attendees if last is not None and last.table_of(a.id) is None},
        **{flag: {a.id for a in plan.attendees if flagged(a, flag)} for flag in ("stays_seated", "host")},
    }


def last_replan(draft: Draft, plan: Plan | None) -> tuple[int, list[str]]:
    """The round the current version was re-planned from, and who moves where in it; for a version 1, or a
    plan made again on the Plan screen since, round 2 and nothing (the report was of another version)."""
    replanned = draft.state.get("replanned")
    if plan is None or not isinstance(replanned, dict) or replanned.get("version") != plan.version:
        return 2, []
    report = replanned.get("report", {})
    lines = report.get(current_language(), []) if isinstance(report, dict) else report
    return int(replanned.get("from_round", 2)), [str(line) for line in lines]


def replan_key(draft: Draft) -> str:
    """The re-plan's run, apart from the Plan screen's run of the same session."""
    return f"{draft.id}/day"


def report_lines(result: Result) -> dict[str, list[str]]:
    """Who is in the room, who moves where and which cards to reprint, as `replan` prints them, in each
    language of the page: kept with the session, the report follows the page's language switch."""
    report = {}
    for language in LANGUAGES:
        with use_language(language):
            stopped = [t("Stopped before the end: the best plan found until then, not proven.")]
            report[language] = [
                *(stopped if result.status is SolveStatus.INTERRUPTED else []),
                *room_lines(result),
                *change_lines(result),
                *(notice.text() for notice in result.notices),
            ]
    return report


def router(site: Site) -> APIRouter:
    routes = APIRouter(prefix="/sessions/{session_id}")

    def current_plan(draft: Draft) -> Plan | None:
        return saved_plan(draft.plan_folder)

    def back(draft: Draft, anchor: str = "") -> Response:
        return RedirectResponse(f"/sessions/{draft.id}/day" + (f"#{anchor}" if anchor else ""), status_code=303)

    @routes.get("/day")
    def show(request: Request, session_id: str) -> Response:
        draft = site.workspace.draft(session_id)
        plan = current_plan(draft)
        day = day_state(draft)
        organisations = sorted({a.organisation for a in plan.attendees}) if plan else []
        job = site.jobs.get(replan_key(draft))
        failed = job.error if job is not None and job.state is JobState.FAILED else ""
        replanned_from, report = last_replan(draft, plan)
        mine = own_record(site, draft)
        return site.pages.page(
            request,
            "day.html",
            draft=draft,
            step="day",
            plan=plan,
            people=sorted(plan.attendees, key=lambda person: fold(person.name)) if plan else [],
            marks={mark: set(day[mark]) for mark in MARKS},
            planned=planned_marks(plan),
            arrivals=day["arrivals"],
            organisations=organisations,
            job=job,
            progress=progress_report(site, job) if job is not None and job.running else "",
            report=report,
            replan_from=replanned_from,
            problems=[text for text in (failed, draft.state.get("day_problem", "")) if text],
            recorded=draft.state.get("recorded", "") if mine is not None else "",
            time_limits=REPLAN_TIME_LIMITS,
            **(record_context(site, draft, plan, mine) if plan else {}),
        )

    @routes.post("/day/mark")
    def mark(
        session_id: str,
        person: Annotated[str, Form()],
        mark: Annotated[str, Form()],
        value: Annotated[str, Form()],
    ) -> Response:
        """Notes a mark of someone in the plan (any id the plan holds; anything else is ignored)."""
        draft = site.workspace.draft(session_id)
        day = day_state(draft)
        plan = current_plan(draft)
        if plan is None or mark not in MARKS or person not in {a.id for a in plan.attendees}:
            return back(draft)
        ids = [x for x in day[mark] if x != person] + ([person] if value == "on" else [])
        draft.save(day={**day, mark: ids})
        return back(draft, f"person-{person}")

    @routes.post("/day/arrival")
    def arrival(session_id: str, name: Annotated[str, Form()], organisation: Annotated[str, Form()]) -> Response:
        draft = site.workspace.draft(session_id)
        day = day_state(draft)
        if clean(name) and clean(organisation) and len(day["arrivals"]) < MAX_ARRIVALS:
            arrivals = [*day["arrivals"], {"name": clean(name), "organisation": clean(organisation)}]
            draft.save(day={**day, "arrivals": arrivals})
        return back(draft, "arrivals")

    @routes.post("/day/arrival/remove")
    def remove_arrival(session_id: str, index: Annotated[int, Form()]) -> Response:
        draft = site.workspace.draft(session_id)
        day = day_state(draft)
        draft.save(day={**day, "arrivals": [a for i, a in enumerate(day["arrivals"]) if i != index]})
        return back(draft, "arrivals")

    @routes.post("/day/replan")
    def replan(
        session_id: str,
        from_round: Annotated[str, Form()],
        time_limit: Annotated[int, Form()] = REPLAN_TIME_LIMITS[0],
    ) -> Response:
        """Re-plans in the background (a few seconds, followed live): the new version replaces the documents
        of the Print step, and the changes noted are cleared. A round the plan does not have (a page left
        open while the plan was made anew with fewer rounds) is refused in the page's words."""
        draft = site.workspace.draft(session_id)
        plan = current_plan(draft)
        if plan is None:
            return back(draft)
        if not WHOLE_NUMBER.fullmatch(from_round) or not 1 <= int(from_round) <= len(plan.rounds):
            draft.save(
                day_problem=t(
                    "Round {round} is not in this plan, which has rounds 1 to {count}: choose the round to "
                    "re-plan from in “Re-plan from round”.",
                    round=from_round[:12],
                    count=len(plan.rounds),
                )
            )
            return back(draft)
        first_round = int(from_round)
        day = day_state(draft)
        gone = planned_marks(plan)["absent"]
        returning = tuple(a for a in plan.attendees if a.id in day["returning"] and a.id in gone)
        arrivals = returning + tuple(Attendee("", a["name"], a["organisation"]) for a in day["arrivals"])
        history = site.workspace.history
        seconds = time_limit if time_limit in REPLAN_TIME_LIMITS else REPLAN_TIME_LIMITS[0]

        def work(report: Progress, stop: Stop) -> Result:
            return replan_day(
                plan,
                first_round,
                tuple(day["absent"]),
                arrivals,
                history,
                stays_seated=tuple(day["stays_seated"]),
                hosts=tuple(day["host"]),
                time_limit=seconds,
                progress=report,
                stop=stop,
            )

        def keep(result: Result) -> None:
            write_documents(result.plan, draft.plan_folder, result.revision)
            replanned = {"version": result.plan.version, "from_round": first_round, "report": report_lines(result)}
            site.workspace.draft(draft.id).save(day={}, replanned=replanned, day_problem="")

        draft.save(day_problem="")
        site.jobs.start(replan_key(draft), seconds, work, keep)
        return back(draft, "running")

    @routes.post("/day/stop")
    def stop(session_id: str) -> Response:
        draft = site.workspace.draft(session_id)
        site.jobs.stop(replan_key(draft))
        return back(draft, "running")

    @routes.get("/day/events")
    def events(session_id: str) -> Response:
        """The re-plan's progress while it runs, then "done" (the page reloads to show who moves where)."""
        return progress_stream(site, replan_key(site.workspace.draft(session_id)))

    @routes.post("/day/record")
    def record_it(
        session_id: str, title: Annotated[str, Form()] = "", replace: Annotated[str, Form()] = ""
    ) -> Response:
        """Records the session under the title asked for; another session of that title and day is replaced
        only with its box ticked, else the refusal shows beside the title and the box."""
        draft = site.workspace.draft(session_id)
        plan = current_plan(draft)
        if plan is None:
            return back(draft)
        try:
            record_held(site, draft, plan, title, replace_clash=replace == "on")
        except TitleTaken:
            return back(draft, "record")
        except UserError as error:
            draft.save(day_problem=str(error))
            return back(draft)
        site.workspace.draft(draft.id).save(day_problem="")
        return back(draft, "record")

    return routes
