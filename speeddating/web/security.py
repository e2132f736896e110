"""What keeps the attendee lists on this laptop: host, origin and token checks, upload limits, strict headers.

The page listens on 127.0.0.1 only, but any web site the organiser visits could still ask the browser to
send requests there, and any other user of a shared machine can connect to the port. So every request
must name this server as its Host (DNS rebinding), carry the per-run token (first given in the address
`serve` prints, then kept in an HttpOnly, SameSite=Strict cookie), and every POST must come from the page
itself (Origin, or Sec-Fetch-Site when a browser omits Origin). Cookies do not separate the ports of
127.0.0.1, so the cookie's name holds the port and the token is checked, never trusted for being there.
"""

import enum
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
"""An attendee list of thousands of people fits in well under a megabyte; anything near this is a wrong file."""

TOKEN_PARAMETER = "token"
LOOPBACK = "127.0.0.1"
LOCAL_NAMES = (LOOPBACK, "localhost")
SAFE_METHODS = frozenset({"GET", "HEAD"})
PUBLIC_PREFIX = "/static/"
"""The vendored scripts and the style sheet hold no personal data: served without the token."""

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "same-origin"),
)


class Refusal(enum.Enum):
    """Why a request was turned away; each has its HTTP status and its explanation page."""

    FOREIGN_HOST = "foreign-host"
    NO_TOKEN = "no-token"
    CROSS_SITE = "cross-site"
    TOO_LARGE = "too-large"

    @property
    def status(self) -> int:
        return {"foreign-host": 400, "too-large": 413}.get(self.value, 403)


RefusalPage = Callable[[Refusal], Response]
"""Renders the page explaining a refusal, in the organiser's language."""


@dataclass(frozen=True)
class Guard:
    """What this run of the server accepts: its own address (with the port it got) and its token."""

    port: int
    token: str

    @classmethod
    def for_port(cls, port: int) -> "Guard":
        """A fresh, unguessable token for one run of `serve`."""
        return cls(port, secrets.token_urlsafe(32))

    @property
    def hosts(self) -> tuple[str, ...]:
        return tuple(f"{name}:{self.port}" for name in LOCAL_NAMES)

    @property
    def origins(self) -> tuple[str, ...]:
        return tuple(f"http://{host}" for host in self.hosts)

    @property
    def cookie(self) -> str:
        """Named after the port: two servers on one machine must not overwrite each other's token."""
        return f"speeddating_token_{self.port}"

    @property
    def address(self) -> str:
        """What `serve` prints and opens: the token in the address, once, to become the cookie."""
        return f"http://{LOOPBACK}:{self.port}/?{TOKEN_PARAMETER}={self.token}"

    def holds_token(self, given: str | None) -> bool:
        return given is not None and secrets.compare_digest(given.encode(), self.token.encode())

    def same_origin(self, headers: Headers) -> bool:
        """The page itself sent this request: its Origin is ours, or the browser says so without an Origin."""
        origin = headers.get("origin")
        if origin is not None:
            return origin in self.origins
        return headers.get("sec-fetch-site") == "same-origin"


def _cookies(headers: Headers) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in headers.get("cookie", "").split(";"):
        name, _, value = part.strip().partition("=")
        if name:
            found[name] = value
    return found


class GuardMiddleware:
    """Checks every request against the `Guard` before the application sees it, and adds strict headers.

    Starlette's TrustedHostMiddleware (outside this one) refuses foreign host names; it ignores the port,
    so the exact `host:port` is checked here as well.
    """

    def __init__(self, app: ASGIApp, guard: Guard, refusal_page: RefusalPage) -> None:
        self.app = app
        self.guard = guard
        self.refusal_page = refusal_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_security_headers(send, scope["path"])
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True))
        refusal = self._refusal(scope, Headers(scope=scope), query.get(TOKEN_PARAMETER))
        if refusal is not None:
            await self.refusal_page(refusal)(scope, receive, send)
        elif TOKEN_PARAMETER in query:
            await self._token_redirect(scope["path"], query)(scope, receive, send)
        else:
            await self._within_limit(scope, receive, send)

    def _refusal(self, scope: Scope, headers: Headers, token_in_address: str | None) -> Refusal | None:
        if headers.get("host") not in self.guard.hosts:
            return Refusal.FOREIGN_HOST
        method = scope["method"]
        safe = method in SAFE_METHODS
        if not safe and not self.guard.same_origin(headers):
            return Refusal.CROSS_SITE
        if safe and scope["path"].startswith(PUBLIC_PREFIX):
            return None
        cookie = _cookies(headers).get(self.guard.cookie)
        if not (safe and self.guard.holds_token(token_in_address)) and not self.guard.holds_token(cookie):
            return Refusal.NO_TOKEN
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_UPLOAD_BYTES:
            return Refusal.TOO_LARGE
        return None

    def _token_redirect(self, path: str, query: dict[str, str]) -> Response:
        """The token leaves the address bar at once (it would stay in the history and in screenshots)."""
        rest = urlencode({name: value for name, value in query.items() if name != TOKEN_PARAMETER})
        response = RedirectResponse(path + ("?" + rest if rest else ""), status_code=303)
        response.set_cookie(self.guard.cookie, self.guard.token, httponly=True, samesite="strict", path="/")
        return response

    async def _within_limit(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The application, after the body of a request without Content-Length (chunked) is read up to the
        limit: beyond it the request is refused before the application parses anything."""
        headers = Headers(scope=scope)
        if scope["method"] in SAFE_METHODS or "content-length" in headers:
            await self.app(scope, receive, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the browser went away
            body += message.get("body", b"")
            if len(body) > MAX_UPLOAD_BYTES:
                await self.refusal_page(Refusal.TOO_LARGE)(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)


def _with_security_headers(send: Send, path: str) -> Send:
    """`send` adding the strict headers to the response, and no-store to everything but the static files."""

    async def headed_send(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            for name, value in SECURITY_HEADERS:
                headers[name] = value
            if not path.startswith(PUBLIC_PREFIX):
                headers["cache-control"] = "no-store"
        await send(message)

    return headed_send
