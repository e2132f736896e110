"""Running the page: a socket bound on 127.0.0.1 by us, handed to uvicorn, stopped cleanly by Ctrl-C.

Binding the socket ourselves gives the port before the application is built (the guard needs it) and
lets a taken port fall back to a free one. Open progress streams would hold uvicorn's graceful shutdown
for as long as they last, so it is cut short; then the application's lifespan stops the plans being
computed, each keeping its best plan so far.
"""

import errno
import socket
import webbrowser
from collections.abc import Callable
from pathlib import Path

import uvicorn

from speeddating.web.app import Settings, create_app
from speeddating.web.security import LOOPBACK, Guard

DEFAULT_PORT = 8421
SHUTDOWN_SECONDS = 1


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:`port`, or on a free port when that one is taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((LOOPBACK, port))
    except OSError as error:
        if error.errno not in (errno.EADDRINUSE, errno.EACCES):
            sock.close()
            raise
        sock.bind((LOOPBACK, 0))
    sock.listen(128)
    return sock


class AnnouncingServer(uvicorn.Server):
    """A uvicorn server that calls `on_started` once it listens with its Ctrl-C handler in place. A Ctrl-C
    before that raises wherever Python is, and in a finaliser (the garbage collector's weakref callbacks)
    Python ignores it, leaving the page running: so the address is only said when Ctrl-C is sure to stop it."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None]) -> None:
        super().__init__(config)
        self.on_started = on_started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            self.on_started()


def build_server(
    sock: socket.socket, data: Path, language: str, on_started: Callable[[], None] = lambda: None
) -> tuple[uvicorn.Server, Guard]:
    """The uvicorn server for the page on `sock` (calling `on_started` once it serves), and the guard holding
    this run's token."""
    guard = Guard.for_port(sock.getsockname()[1])
    app = create_app(Settings(data=data, guard=guard, language=language))
    config = uvicorn.Config(
        app, log_level="warning", timeout_graceful_shutdown=SHUTDOWN_SECONDS, lifespan="on", access_log=False
    )
    return AnnouncingServer(config, on_started), guard


def serve(port: int, data: Path, language: str, *, open_browser: bool, say: Callable[[str], None]) -> None:
    """Serve the page until Ctrl-C, after saying (and opening, unless told not to) its address."""
    sock = bind(port)

    def announce() -> None:
        say(guard.address)
        if open_browser:
            webbrowser.open(guard.address)

    server, guard = build_server(sock, data, language, announce)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises the Ctrl-C it handled: for `serve` it is the normal way to stop
        pass
    finally:
        sock.close()
