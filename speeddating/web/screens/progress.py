"""A run's live progress, shared by the Plan and On the day screens: the report fragment (time, figures of the
best plan so far against the bound, a small chart; for a series, which session is being planned and each
session's figures) and its stream over SSE until the run is over."""

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace

from fastapi.responses import StreamingResponse

from speeddating.web.jobs import PlanJob
from speeddating.web.site import Site
from speeddating.wording import series_step

PROGRESS_SECONDS = 0.5
"""How often the progress stream reports while the optimiser runs."""
CHART_WIDTH = 300
CHART_HEIGHT = 60
CHART_MARGIN = 4


def chart_points(job: PlanJob) -> str:
    """The new encounters of each better plan against the time used, as SVG polyline points: the first plan
    at the bottom, the bound (most new encounters possible) at the top."""
    improvements = job.improvements
    if not improvements:
        return ""
    bound = improvements[-1].new_pairs_bound
    low = min(event.new_pairs for event in improvements)
    span = max(bound - low, 1)
    points = []
    for event in [*improvements, replace(improvements[-1], elapsed=job.elapsed)]:
        x = CHART_WIDTH * min(event.elapsed / job.time_limit, 1.0) if job.time_limit else 0.0
        y = CHART_MARGIN + (CHART_HEIGHT - 2 * CHART_MARGIN) * (bound - event.new_pairs) / span
        points.append(f"{x:.1f},{y:.1f}")
    return " ".join(points)


def progress_report(site: Site, job: PlanJob) -> str:
    """The progress fragment of a run, in the page's language. The figures are read here, once each, while the
    search goes on adding events: a single plan's best and a series' per-session figures never disagree on
    whether there is anything to show (the template read them apart, and a first event arriving between the
    two reads made it show a best plan that was not there)."""
    improvements = job.improvements
    return site.pages.fragment(
        "progress.html",
        job=job,
        step=series_step(job.session, job.sessions) if job.sessions > 1 else "",
        best=improvements[-1] if improvements else None,
        session_bests=job.session_bests if job.sessions > 1 else [],
        points=chart_points(job),
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        margin=CHART_MARGIN,
    )


def _sse(event: str, html: str) -> str:
    data = "\n".join(f"data: {line}" for line in html.splitlines() or [""])
    return f"event: {event}\n{data}\n\n"


def progress_stream(site: Site, key: str) -> StreamingResponse:
    """The progress of the run `key` while it runs, then "done" (the page reloads to show the outcome)."""

    async def stream() -> AsyncIterator[str]:
        while True:
            job = site.jobs.get(key)
            if job is None or not job.running:
                yield _sse("done", "")
                return
            yield _sse("progress", progress_report(site, job))
            await asyncio.sleep(PROGRESS_SECONDS)

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"cache-control": "no-store"})
