"""The organiser's web page: the FastAPI application, its templates and its guard.

`create_app` builds one application per run of `speeddating serve`: it knows its data folder, its port
(the Host and Origin it accepts) and its token. Each screen is a router of its own (`screens`); the pages
call the package (through `workflow` for what the CLI's commands orchestrate) and hold no planning logic.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import anyio.to_thread
from fastapi import FastAPI, Form, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from speeddating.i18n import LANGUAGES, use_language
from speeddating.web.jobs import Jobs
from speeddating.web.screens import attendees, day, documents, event, history, home, plan, projection
from speeddating.web.security import LOCAL_NAMES, Guard, GuardMiddleware
from speeddating.web.site import Pages, Site
from speeddating.web.workspace import UnknownSession, Workspace

STATIC = Path(__file__).resolve().parent / "static"
LANGUAGE_COOKIE = "speeddating_lang"
STOPPING_SECONDS = 20.0
"""How long a stopping server waits for the plans being computed to end with their best so far."""


@dataclass(frozen=True)
class Settings:
    """One run of the server: where its data lives, how it is guarded, the language it starts in."""

    data: Path
    guard: Guard
    language: str = "fr"


def local_path(path: str) -> str:
    """`path` when it is a path of this site ("/sessions/…"), else the home page: never a redirect elsewhere."""
    return path if path.startswith("/") and not path.startswith(("//", "/\\")) else "/"


def page_language(headers: list[tuple[bytes, bytes]], default: str) -> str:
    """The language the organiser chose with the page's switch (a cookie), else the server's."""
    for name, value in headers:
        if name == b"cookie":
            for part in value.decode("latin-1").split(";"):
                key, _, chosen = part.strip().partition("=")
                if key == LANGUAGE_COOKIE and chosen in LANGUAGES:
                    return chosen
    return default


class LanguageMiddleware:
    """Each request is answered in the page's language, refusals included."""

    def __init__(self, app: ASGIApp, default: str) -> None:
        self.app = app
        self.default = default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        language = page_language(scope.get("headers", []), self.default) if scope["type"] == "http" else self.default
        with use_language(language):
            await self.app(scope, receive, send)


def create_app(settings: Settings) -> FastAPI:
    """The application for one run of `serve`; FastAPI's documentation pages are off. When it stops, the
    plans being computed are stopped too, each keeping the best plan found so far."""
    site = Site(Pages(), Workspace(settings.data), Jobs())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await anyio.to_thread.run_sync(site.jobs.stop_all, STOPPING_SECONDS)

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for screen in (home, attendees, event, plan, documents, day, projection, history):
        app.include_router(screen.router(site))

    @app.post("/language")
    def choose_language(language: Annotated[str, Form()], back: Annotated[str, Form()] = "/") -> Response:
        response = RedirectResponse(local_path(back), status_code=303)
        if language in LANGUAGES:
            response.set_cookie(LANGUAGE_COOKIE, language, samesite="strict", path="/")
        return response

    @app.exception_handler(UnknownSession)
    def unknown_session(request: Request, _error: UnknownSession) -> Response:
        return site.pages.page(request, "unknown.html", status=404)

    app.add_middleware(GuardMiddleware, guard=settings.guard, refusal_page=site.pages.refusal)
    app.add_middleware(LanguageMiddleware, default=settings.language)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(LOCAL_NAMES))
    return app
