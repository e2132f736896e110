"""Writing files so that a crash, a kill, a Ctrl-C or a full disk never leaves a mix of versions.

One file (an export, event.toml) is written beside its target, flushed to disk, and renamed over it: the
target is the old file or the whole new one, never half of either.

A *set* of files written together (plan.json, plan.csv and the PDFs) replaces the set in its folder in one
step. The new set is written into a fresh sibling folder, `.NAME.swap-PID-TOKEN`, together with hard links to
the folder's other files (an attendee list kept there, plan.json when only the PDFs are printed again); then
the two folders trade names in one system call (Linux `renameat2` with `RENAME_EXCHANGE`). Where the system
has no such call, the folder is made a symbolic link to the set's own folder, and a new link replaces it by
`rename`. Either way the folder holds the whole old set or the whole new one at every instant.

A folder that is not the set's own is never swapped as a whole: one holding subfolders or more than
`MOST_CARRIED` entries (a home or documents folder), the current folder of the shell that started us (it would
be left in a deleted folder), a mount point, or a folder on a file system refusing the exchange. There the set
is staged in a hidden subfolder, `.NAME.files-PID-TOKEN`, marked complete once every file is on disk, and its
files are then renamed in one by one: a kill between two renames leaves a mix, which the next write completes.

A run killed half-way leaves its staging folder behind. The next write into the same folder deletes a set that
was never complete or never switched in, completes one that was being renamed in, and, of a folder holding
the set that was switched out, first moves back what is not in the output folder (a file saved meanwhile).
"""

import contextlib
import ctypes
import errno
import functools
import os
import re
import secrets
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from pathlib import Path
from types import FrameType

MARKER = ".speeddating-new-set"
"""In a staged sibling until it is switched in: a sibling left with it by a crash holds a set never switched in
(delete it); without it, the set it replaced (settle it)."""
COMPLETE = ".complete"
"""In a staged subfolder once every file of the set is on disk: its files are to be renamed in."""
MOST_CARRIED = 64
"""More entries than this in an output folder, and it is not the set's own folder: its files are replaced one by one."""

RENAME_EXCHANGE = 2
AT_FDCWD = -100
EXCHANGE_REFUSED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV}
"""What `renameat2` answers on a system or file system without the exchange (or across two file systems)."""
STALE_SECONDS = 24 * 3600
"""Where the process that left a sibling cannot be asked whether it still runs, the age that proves it does not."""

_written: ContextVar[list[Path] | None] = ContextVar("speeddating_written", default=None)


class ExchangeUnsupported(OSError):
    """The system or the file system cannot swap two folders in one step."""


@contextlib.contextmanager
def recording_writes() -> Iterator[list[Path]]:
    """Within the block, every file or folder written is listed (so an interrupted command can say what it wrote)."""
    written: list[Path] = []
    token = _written.set(written)
    try:
        yield written
    finally:
        _written.reset(token)


def note_written(path: Path) -> None:
    """Tell `recording_writes` that `path` now holds new content."""
    written = _written.get()
    if written is not None and path not in written:
        written.append(path)


def _permissions() -> int:
    """What a plain `open()` would give: 0o666 less the process umask (mkstemp gives 0o600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _named(error: OSError, path: Path) -> OSError:
    """The same error naming the organiser's path instead of a temporary one."""
    return OSError(error.errno, error.strerror, str(path))


def _sibling(path: Path, kind: str, suffix: str = "") -> Path:
    """A fresh hidden name beside `path` that says whose it is (`.NAME.KIND-PID-TOKEN`)."""
    return path.parent / f".{path.name}.{kind}-{os.getpid()}-{secrets.token_hex(4)}{suffix}"


def _write_file(path: Path, data: bytes, mode: int) -> None:
    """Create `path` with `data`, flushed to disk."""
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    path.chmod(mode)


def _sync_folder(folder: Path) -> None:
    """Make the names in `folder` durable (a power cut after a rename keeps the rename)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """A Ctrl-C during the block takes effect once it is over: a switch is never left half done or unrecorded."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def remember(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    previous = signal.signal(signal.SIGINT, remember)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
    if received:
        raise KeyboardInterrupt


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """libc's `renameat2`, or None on a system without it."""
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError, TypeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    exchange: Callable[..., int] = function
    return exchange


def exchange(first: Path, second: Path) -> None:
    """Swap the names of two existing folders in one step; ExchangeUnsupported where that cannot be done."""
    function = _renameat2()
    if function is None:
        raise ExchangeUnsupported(errno.ENOSYS, os.strerror(errno.ENOSYS), str(second))
    if function(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        kind = ExchangeUnsupported if code in EXCHANGE_REFUSED else OSError
        raise kind(code, os.strerror(code), str(second))


def _running(pid: int, path: Path) -> bool:
    """Whether the process that made `path` may still be using it."""
    if pid == os.getpid():
        return False
    if os.name != "posix":
        with contextlib.suppress(OSError):
            return time.time() - path.lstat().st_mtime < STALE_SECONDS
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?:swap|link|files)-(?P<pid>\d+)-[0-9a-f]+(?:\.tmp)?")


def _leftovers(folder: Path, name: str | None = None) -> list[Path]:
    """Hidden entries `.NAME.swap-…`, `.NAME.link-…` or `.NAME.files-…` in `folder` (of `name`, or of any name)
    left by runs that no longer run."""
    found = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = LEFTOVER.fullmatch(entry.name)
            if match and name in (None, match["name"]) and not _running(int(match["pid"]), entry):
                found.append(entry)
    return sorted(found)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _settle(folder: Path, replaced: Path) -> None:
    """Empty and delete the folder holding the set `folder` replaced: what is in it and not in `folder` (a file
    saved meanwhile) moves across; the rest is the old set, or links to what stays."""
    for entry in sorted(replaced.iterdir()):
        target = folder / entry.name
        if entry.name != MARKER and not target.exists() and not target.is_symlink():
            os.rename(entry, target)
        else:
            _remove(entry)
    replaced.rmdir()


def _link_target(folder: Path) -> Path | None:
    """The set folder that `folder`, when it is our symbolic link to a sibling, points to."""
    if not folder.is_symlink():
        return None
    target = os.readlink(folder)
    if re.fullmatch(rf"\.{re.escape(folder.name)}\.swap-\d+-[0-9a-f]+", target):
        return folder.parent / target
    return None


def recover(folder: Path) -> None:
    """Clean what runs killed while writing into `folder` left behind (see the module's description)."""
    folder = Path(os.path.abspath(folder))
    current = _link_target(folder)
    for leftover in _leftovers(folder.parent, folder.name):
        if leftover == current:
            continue
        if leftover.is_dir() and not leftover.is_symlink() and not (leftover / MARKER).exists():
            _settle(folder, leftover)
        else:
            _remove(leftover)
    if folder.is_dir():
        (folder / MARKER).unlink(missing_ok=True)
        for staged in _leftovers(folder, folder.name):
            if (staged / COMPLETE).exists():
                _rename_in(staged, folder, [entry.name for entry in sorted(staged.iterdir()) if entry.name != COMPLETE])
            _remove(staged)


def _missing_folders(folder: Path) -> list[Path]:
    """`folder` and its ancestors that do not exist yet, deepest first."""
    missing = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    return missing


def _remove_empty(folders: list[Path]) -> None:
    """Remove these folders (deepest first) if they are empty: a failed write leaves no empty folder behind."""
    for path in folders:
        with contextlib.suppress(OSError):
            path.rmdir()


def _output_folder(folder: Path) -> Path:
    """The absolute folder to write into: a user's symbolic link is followed, ours is kept (it is swapped)."""
    absolute = Path(os.path.abspath(folder))
    if absolute.is_symlink() and _link_target(absolute) is None:
        return absolute.resolve()
    return absolute


def _stage(folder: Path, files: Mapping[str, bytes]) -> Path:
    """The new set in a fresh sibling of `folder`, with links to (or copies of) the folder's other files."""
    staging = _sibling(folder, "swap")
    staging.mkdir()
    try:
        mode = _permissions()
        _write_file(staging / MARKER, b"", mode)
        for name, data in files.items():
            try:
                _write_file(staging / name, data, mode)
            except OSError as error:
                raise _named(error, folder / name) from None
        if folder.is_dir():
            for entry in folder.iterdir():
                if entry.name not in files and entry.name != MARKER:
                    _carry(entry, staging / entry.name)
            staging.chmod(folder.stat().st_mode & 0o7777)
        _sync_folder(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _carry(entry: Path, copy: Path) -> None:
    """`entry` also under `copy`: a hard link to the same file (a copy where links are refused), so that what the
    folder held besides the set stays in it, unchanged, whichever set it holds (a subfolder that appeared since
    the folder was found swappable moves across after the switch)."""
    if entry.is_symlink():
        os.symlink(os.readlink(entry), copy)
    elif not entry.is_dir():
        try:
            os.link(entry, copy)
        except OSError:
            shutil.copy2(entry, copy)


def _replace_link(folder: Path, target: Path) -> None:
    """Point `folder` (absent, or a symbolic link) at its sibling `target` by renaming a new link over it."""
    link = _sibling(folder, "link")
    os.symlink(target.name, link)
    try:
        os.replace(link, folder)
    except BaseException:
        link.unlink(missing_ok=True)
        raise


def _switch(staging: Path, folder: Path) -> Path | None:
    """Put the staged set in place of `folder`'s; returns the folder now holding the replaced set, if any."""
    current = _link_target(folder)
    if current is not None:
        _replace_link(folder, staging)
        return current
    if folder.exists():
        try:
            exchange(staging, folder)
            return staging
        except ExchangeUnsupported:
            if any(folder.iterdir()):
                raise
            folder.rmdir()
    if _renameat2() is None:
        with contextlib.suppress(OSError):
            _replace_link(folder, staging)
            return None
    os.rename(staging, folder)
    return None


def write_set(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Replace the files named in `files` in `folder` (made if need be) all at once; other files stay.

    On failure every file is as it was, and no folder made for the purpose is left behind. Returns the paths."""
    folder = _output_folder(folder)
    _check_folder(folder)
    for name in files:
        if (folder / name).is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(folder / name))
    created = _missing_folders(folder.parent)
    try:
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _named(error, folder) from None
        recover(folder)
        _replace_set(folder, files)
    except BaseException:
        _remove_empty(created)
        raise
    return [folder / name for name in files]


def remove_set(folder: Path, names: Iterable[str]) -> list[Path]:
    """Delete from `folder` the files `names` of a set no longer written there (the plan of an earlier run of
    another kind), then `folder` itself if nothing else is left in it. Other files stay, as with `write_set`.
    Returns the files deleted."""
    folder = _output_folder(folder)
    if not folder.is_dir():
        return []
    recover(folder)
    removed = []
    for name in names:
        path = folder / name
        if path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(path)
    target = _link_target(folder)
    if not any(folder.iterdir()):
        if target is not None:
            folder.unlink()  # the link first: a kill before the next line leaves an empty leftover, cleaned later
        (target or folder).rmdir()
    _sync_folder(folder.parent)
    return removed


def _replace_set(folder: Path, files: Mapping[str, bytes]) -> None:
    """The set switched in whole where the folder is the set's own, else renamed in file by file."""
    if _swappable(folder):
        try:
            _switch_whole(folder, files)
            return
        except ExchangeUnsupported:
            pass
        except PermissionError:
            if not folder.is_dir():
                raise
    _replace_files(folder, files)


def _swappable(folder: Path) -> bool:
    """Whether `folder` may trade places with a sibling (see the module's description)."""
    if _link_target(folder) is not None or not folder.exists():
        return True
    if not folder.is_dir() or os.path.ismount(folder):
        return False
    try:
        working = Path(os.getcwd())
    except OSError:
        working = None
    if working is not None and working.is_relative_to(os.path.realpath(folder)):
        return False
    with os.scandir(folder) as entries:
        for count, entry in enumerate(entries):
            if count >= MOST_CARRIED or entry.is_dir(follow_symlinks=False):
                return False
    return True


def _switch_whole(folder: Path, files: Mapping[str, bytes]) -> None:
    staging = _stage(folder, files)
    try:
        with _interrupts_deferred():
            replaced = _switch(staging, folder)
            (folder / MARKER).unlink(missing_ok=True)
            _sync_folder(folder.parent)
            note_written(folder)
            if replaced is not None:
                _settle(folder, replaced)
    except BaseException:
        if (staging / MARKER).exists():
            shutil.rmtree(staging, ignore_errors=True)
        raise


def _replace_files(folder: Path, files: Mapping[str, bytes]) -> None:
    """Stage the set in a hidden subfolder, mark it complete, then rename its files in one by one."""
    staging = _sibling(folder / folder.name, "files")
    mode = _permissions()
    try:
        staging.mkdir()
        for name, data in files.items():
            try:
                _write_file(staging / name, data, mode)
            except OSError as error:
                raise _named(error, folder / name) from None
        _write_file(staging / COMPLETE, b"", mode)
        _sync_folder(staging)
        with _interrupts_deferred():
            _rename_in(staging, folder, list(files))
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _rename_in(staging: Path, folder: Path, names: Iterable[str]) -> None:
    """Rename the staged files `names` over their namesakes in `folder` (those already renamed are skipped)."""
    for name in names:
        if (staging / name).exists():
            os.replace(staging / name, folder / name)
            note_written(folder / name)
    _sync_folder(folder)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write one file: its old version or the complete new one, whatever happens."""
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    created = _missing_folders(path.parent)
    temporary = _sibling(path, "swap", ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for leftover in _leftovers(path.parent, path.name):
            leftover.unlink(missing_ok=True)
        _write_file(temporary, data, _permissions())
        with _interrupts_deferred():
            os.replace(temporary, path)
            note_written(path)
    except OSError as error:
        _remove_empty(created)
        raise _named(error, path) from None
    finally:
        temporary.unlink(missing_ok=True)


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Text variant of `atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode(encoding))


def _check_folder(folder: Path) -> Path:
    """The folder itself, or its nearest ancestor that exists, which must be a folder; returns it."""
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    return existing


def prepare_folder(folder: Path) -> None:
    """Prove, before any long computation, that `folder` can be written (or made) — without making it."""
    folder = Path(folder)
    existing = _check_folder(folder)
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as error:
        raise _named(error, folder) from None
