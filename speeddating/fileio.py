"""Atomic writes: each file is either its old version or the complete new one, never half-written.

Several files written together (a plan and its printables) are all staged first, so that a
failure on any of them (a full disk, a PDF locked by a viewer) leaves every file as it was.
"""

import errno
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def _permissions() -> int:
    """What a plain `open()` would give: 0o666 less the process umask (mkstemp gives 0o600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _stage(path: Path, data: bytes, mode: int) -> Path:
    """Write `data` to a temporary file beside `path`, flushed to disk; errors name `path`."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None
    staged = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        staged.chmod(mode)
    except OSError as error:
        staged.unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(path)) from None
    return staged


def write_all(files: Mapping[Path, bytes]) -> None:
    """Stage every file, then swap each in; if any step fails, every target is as it was."""
    targets = [Path(path) for path in files]
    for path in targets:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    mode = _permissions()
    staged: list[Path] = []
    try:
        for path, data in zip(targets, files.values(), strict=True):
            staged.append(_stage(path, data, mode))
        _swap_in(list(zip(staged, targets, strict=True)))
    finally:
        for temporary in staged:
            temporary.unlink(missing_ok=True)


def _swap_in(pairs: list[tuple[Path, Path]]) -> None:
    """Rename each staged file over its target, keeping the old versions until all succeeded."""
    swapped: list[tuple[Path, Path | None]] = []
    current = pairs[0][1] if pairs else Path()
    try:
        for temporary, path in pairs:
            current = path
            backup = None
            if path.exists():
                backup = temporary.with_suffix(".old")
                os.replace(path, backup)
            swapped.append((path, backup))
            os.replace(temporary, path)
    except OSError as error:
        for path, backup in reversed(swapped):
            if backup is not None:
                os.replace(backup, path)
            else:
                path.unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(current)) from None
    for _, backup in swapped:
        if backup is not None:
            backup.unlink(missing_ok=True)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    write_all({Path(path): data})


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Text variant of `atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode(encoding))


def prepare_folder(folder: Path) -> None:
    """Create `folder` and prove it takes files, before any long computation is spent on them."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(folder)) from None
