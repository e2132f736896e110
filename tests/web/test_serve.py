"""`speeddating serve` as the organiser runs it: prints the address, takes a free port, stops on Ctrl-C."""

import http.client
import signal
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from speeddating.web.server import bind, build_server


@contextmanager
def serving(*arguments: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`speeddating serve --no-browser ...` running, with the address it printed; stopped by Ctrl-C after."""
    command = [sys.executable, "-m", "speeddating", "serve", "--no-browser", *arguments]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        yield process, process.stdout.readline().strip()
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        process.wait(timeout=60)


def test_serve_prints_the_address_with_the_token_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    with serving("--port", "0", "--data", str(tmp_path / "data")) as (process, address):
        assert address.startswith("http://127.0.0.1:")
        assert "/?token=" in address
        url = urllib.parse.urlsplit(address)
        connection = http.client.HTTPConnection(url.netloc, timeout=30)
        connection.request("GET", f"{url.path}?{url.query}")
        answer = connection.getresponse()
        answer.read()
        assert answer.status == 303
        cookie = answer.getheader("set-cookie", "").split(";")[0]
        connection.request("GET", "/", headers={"cookie": cookie})
        assert connection.getresponse().status == 200
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
        assert process.stderr is not None
        assert "Traceback" not in process.stderr.read()


def test_serve_takes_a_free_port_when_the_one_asked_for_is_taken(tmp_path: Path) -> None:
    taken = bind(0)
    try:
        port = taken.getsockname()[1]
        with serving("--port", str(port), "--data", str(tmp_path / "data")) as (_, address):
            assert address.startswith("http://127.0.0.1:")
            assert not address.startswith(f"http://127.0.0.1:{port}/")
    finally:
        taken.close()


def test_the_address_is_said_only_once_ctrl_c_is_sure_to_stop_the_page(tmp_path: Path) -> None:
    """Said earlier, a Ctrl-C at once could land in a finaliser, where Python ignores it (seen: 2 runs in 10)."""
    seen: list[tuple[bool, object]] = []
    sock = bind(0)

    def started() -> None:
        seen.append((server.started, signal.getsignal(signal.SIGINT)))
        server.should_exit = True

    server, _ = build_server(sock, tmp_path / "data", "fr", started)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    assert len(seen) == 1
    listening, handler = seen[0]
    assert listening
    assert handler not in (signal.default_int_handler, signal.SIG_DFL)
