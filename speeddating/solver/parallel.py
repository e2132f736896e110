"""A computation run in another process, so that a second core works while this one does.

The tabu search is Python and numpy on small arrays: threads would take turns on the interpreter
lock, so a second search needs a process of its own. That process is a fresh interpreter (no copy
of this process's threads or locks, and, unlike multiprocessing's "spawn", no second import of the
caller's main script, which would need an `if __name__ == "__main__"` guard there): it reads this
process's module path and a pickled function call on its standard input, and writes the pickled
result on its standard output. Its work is counted like any other, so its answer is the same on any
machine and at any load; if it cannot be started or fails, the call is computed here instead,
giving the same answer, later.
"""

import io
import pickle
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from typing import Generic, TypeVar

T = TypeVar("T")

CHILD = """
import io, pickle, signal, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which then ends this process
request = io.BytesIO(sys.stdin.buffer.read())
sys.path[:0] = pickle.load(request)
answer, sys.stdout = sys.stdout.buffer, sys.stderr  # whatever the call prints stays out of its answer
pickle.dump(pickle.load(request)(), answer)
"""
"""The other process's program: read everything first (the parent waits on the pipe meanwhile), then
import what the call needs, under the parent's module path, and compute it."""


class Beside(Generic[T]):
    """`function(*args, **kwargs)` computing in another process from now on; `result()` waits for it.

    The function and its arguments must be picklable (a module-level function and plain values)."""

    def __init__(self, function: Callable[..., T], *args: object, **kwargs: object) -> None:
        self.task: Callable[[], T] = partial(function, *args, **kwargs)
        request = io.BytesIO()
        pickle.dump(sys.path, request)
        pickle.dump(self.task, request)
        self.process: subprocess.Popen[bytes] | None
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", CHILD],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
            assert self.process.stdin is not None
            self.process.stdin.write(request.getvalue())
            self.process.stdin.close()
        except OSError:
            self.stop()

    def result(self) -> T:
        """The call's value (computed here if the other process could not deliver it)."""
        try:
            if self.process is not None and self.process.stdout is not None:
                answer = self.process.stdout.read()
                if self.process.wait() == 0:
                    value: T = pickle.loads(answer)
                    return value
        finally:
            self.stop()
        return self.task()

    def stop(self) -> None:
        """End the other process (at once if it is still computing)."""
        process, self.process = getattr(self, "process", None), None
        if process is not None:
            if process.poll() is None:
                process.kill()
            process.wait()
            if process.stdout is not None:
                process.stdout.close()
