"""What every screen shares: the templates (autoescaped, in the page's language) and the data folder."""

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from speeddating.exporters.pdf.style import long_date
from speeddating.i18n import current_language, format_integer, format_percent, format_seconds, t, t_plural
from speeddating.text import fold
from speeddating.web.jobs import Jobs
from speeddating.web.security import MAX_UPLOAD_BYTES, Refusal
from speeddating.web.workspace import Workspace


def offered_time(seconds: int) -> str:
    """A time the optimiser may be given, as a list offers it: "10 s", "2 min" (not "120,0 s")."""
    if seconds >= 60 and seconds % 60 == 0:
        return t("{minutes} min", minutes=format_integer(seconds // 60))
    return t("{seconds} s", seconds=format_integer(seconds))


def _written(params: dict[str, object]) -> dict[str, object]:
    """The counts among `params` as the page's language writes them ("1 110" in French, "1,110" in English)."""
    return {
        key: format_integer(value) if isinstance(value, int) and not isinstance(value, bool) else value
        for key, value in params.items()
    }


def page_text(message: str, **params: object) -> str:
    """A template's `_()`: the message in the page's language, its counts written in it too."""
    return t(message, **_written(params))


def page_plural(singular: str, plural: str, count: int, **params: object) -> str:
    """A template's `ngettext()`: the form for `count`, every count written in the page's language."""
    return t_plural(singular, plural, count, **_written(params))


class Pages:
    """The Jinja2 templates (autoescaped, with the i18n extension) and how a page is answered."""

    def __init__(self) -> None:
        self.environment = Environment(
            loader=PackageLoader("speeddating.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            extensions=["jinja2.ext.i18n"],
        )
        self.environment.install_gettext_callables(  # type: ignore[attr-defined]
            gettext=page_text, ngettext=page_plural, newstyle=False
        )
        self.environment.globals.update(
            format_seconds=format_seconds, format_percent=format_percent, offered_time=offered_time
        )
        self.environment.filters["integer"] = format_integer  # a count outside a sentence: "1 236"
        self.environment.filters["fold"] = fold  # organisation names as the package compares them
        self.environment.filters["long_date"] = long_date  # "2026-12-08" read "mardi 8 décembre 2026"

    def render(self, name: str, *, path: str = "/", status: int = 200, **context: Any) -> HTMLResponse:
        """The template `name` in the current language; `path` is where the language switch comes back to."""
        template = self.environment.get_template(name)
        html = template.render(language=current_language(), path=path, **context)
        return HTMLResponse(html, status_code=status)

    def fragment(self, name: str, **context: Any) -> str:
        """A piece of a page (a progress report streamed to it), in the current language."""
        return self.environment.get_template(name).render(language=current_language(), **context)

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return self.render(name, path=request.url.path, status=status, **context)

    def refusal(self, refusal: Refusal) -> Response:
        return self.render(
            "refusal.html", status=refusal.status, refusal=refusal.value, max_megabytes=MAX_UPLOAD_BYTES // 2**20
        )


@dataclass(frozen=True)
class Site:
    """What every screen needs: the templates, the data folder and the plans being computed."""

    pages: Pages
    workspace: Workspace
    jobs: Jobs
