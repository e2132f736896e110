"""Files written so that nothing is ever lost or mixed: one file, or a whole set switched in one step."""

import errno
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from speeddating import fileio
from speeddating.cli import cli
from speeddating.fileio import atomic_write_text, prepare_folder, recording_writes, recover, remove_set, write_set

REPO = Path(__file__).resolve().parent.parent
OLD = {"plan.json": b"old plan", "plan.csv": b"old csv", "itineraries.pdf": b"old pdf"}
NEW = {"plan.json": b"new plan", "plan.csv": b"new csv", "itineraries.pdf": b"new pdf"}


def contents(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones included), by path relative to it."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name != folder.name)


@pytest.fixture
def planned(tmp_path: Path) -> Path:
    """A plan folder holding the old set and the organiser's own list."""
    folder = tmp_path / "plan-2026-12-08"
    write_set(folder, OLD)
    (folder / "attendees.csv").write_bytes(b"nom;structure\n")
    return folder


KEPT = {"attendees.csv": b"nom;structure\n"}
NOTES = {"notes/a.txt": b"notes"}


def add_notes(folder: Path) -> None:
    """A subfolder of the organiser's: the folder is no longer the set's own, its files are replaced one by one."""
    (folder / "notes").mkdir()
    (folder / "notes" / "a.txt").write_bytes(b"notes")


def test_a_set_replaces_the_old_one_and_keeps_the_folders_other_files(planned: Path) -> None:
    listing = planned.parent / "attendees.csv"
    os.link(planned / "attendees.csv", listing)
    written = write_set(planned, NEW)
    assert written == [planned / name for name in NEW]
    assert contents(planned) == {**NEW, **KEPT}
    assert os.path.samefile(planned / "attendees.csv", listing), "the organiser's file is the same file, not a copy"
    assert siblings(planned) == ["attendees.csv"], "nothing hidden is left beside the folder"


def test_a_failure_on_one_file_leaves_every_file_as_it_was(planned: Path) -> None:
    (planned / "table-cards.pdf").mkdir()  # stands in for a file that cannot be replaced
    with pytest.raises(OSError) as caught:
        write_set(planned, {**NEW, "table-cards.pdf": b"%PDF"})
    assert caught.value.filename == str(planned / "table-cards.pdf")
    assert contents(planned) == {**OLD, **KEPT}


def test_a_full_disk_changes_nothing_and_leaves_no_folder_behind(
    planned: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flushed = []

    def fill_up(descriptor: int) -> None:
        flushed.append(descriptor)
        if len(flushed) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fill_up)
    with pytest.raises(OSError) as caught:
        write_set(planned, NEW)
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == str(planned / "plan.csv")
    assert contents(planned) == {**OLD, **KEPT} and siblings(planned) == []
    flushed.clear()
    fresh = tmp_path / "reports" / "2026" / "report"
    with pytest.raises(OSError):
        write_set(fresh, NEW)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan-2026-12-08"], "no empty folder is left behind"


def test_written_files_get_the_permissions_of_an_ordinary_file(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "plan.csv", "a;b\n")
        write_set(tmp_path / "plan", NEW)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "plan.csv").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "plan" / "plan.json").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "plan").stat().st_mode) == 0o755


def test_an_output_folder_under_a_file_is_refused_before_any_work_and_nothing_is_made(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    for call in (
        lambda: prepare_folder(tmp_path / "afile" / "sub"),
        lambda: write_set(tmp_path / "afile" / "sub", NEW),
    ):
        with pytest.raises(OSError) as caught:
            call()
        assert caught.value.errno == errno.ENOTDIR and caught.value.filename == str(tmp_path / "afile" / "sub")
    prepare_folder(tmp_path / "new" / "folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


@pytest.mark.parametrize("kind", ["the shell's folder", "a folder with subfolders", "a crowded folder"])
def test_a_folder_that_is_not_the_sets_own_keeps_its_identity(
    planned: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Swapping the shell's current folder would leave it in a deleted one; swapping a documents folder would
    mean carrying all it holds: there the files are renamed in one by one, and the folder stays the same folder."""
    if kind == "the shell's folder":
        monkeypatch.chdir(planned)
    elif kind == "a folder with subfolders":
        add_notes(planned)
    else:
        for number in range(fileio.MOST_CARRIED):
            (planned / f"photo-{number}.jpg").write_bytes(b"jpeg")
    identity = planned.stat().st_ino
    write_set(planned, NEW)
    assert planned.stat().st_ino == identity
    assert {name: data for name, data in contents(planned).items() if not name.startswith("photo-")} == {
        **NEW,
        **KEPT,
        **(NOTES if kind == "a folder with subfolders" else {}),
    }
    assert siblings(planned) == []


def test_writes_are_recorded_for_the_message_of_an_interrupted_command(tmp_path: Path) -> None:
    with recording_writes() as written:
        write_set(tmp_path / "plan", NEW)
        atomic_write_text(tmp_path / "export.json", "{}")
    assert written == [tmp_path / "plan", tmp_path / "export.json"]


@pytest.fixture
def without_exchange(monkeypatch: pytest.MonkeyPatch) -> None:
    """A system whose libc has no `renameat2` (macOS, the BSDs)."""
    monkeypatch.setattr(fileio, "_renameat2", lambda: None)


@pytest.mark.usefixtures("without_exchange")
def test_without_the_exchange_the_folder_is_a_link_replaced_in_one_rename(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    write_set(folder, OLD)
    assert folder.is_symlink()
    first = os.readlink(folder)
    (folder / "attendees.csv").write_bytes(b"nom;structure\n")
    write_set(folder, NEW)
    assert folder.is_symlink() and os.readlink(folder) != first
    assert contents(folder) == {**NEW, "attendees.csv": b"nom;structure\n"}
    assert siblings(folder) == [os.readlink(folder)], "the replaced set's folder is gone"


def test_removing_a_set_keeps_the_organisers_files_and_their_folder(planned: Path) -> None:
    removed = remove_set(planned, [*OLD, "agenda.pdf"])
    assert removed == [planned / name for name in OLD], "only the files there are reported"
    assert contents(planned) == KEPT


@pytest.mark.parametrize("exchange", ["renamed", "linked"])
def test_a_set_removed_whole_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: str
) -> None:
    if exchange == "linked":
        monkeypatch.setattr(fileio, "_renameat2", lambda: None)
    folder = tmp_path / "session-3"
    write_set(folder, OLD)
    write_set(folder, NEW)
    assert folder.is_symlink() == (exchange == "linked")
    remove_set(folder, NEW)
    assert list(tmp_path.iterdir()) == []
    assert remove_set(folder, NEW) == [], "an absent folder has nothing to remove"


def test_a_file_system_without_the_exchange_has_the_files_renamed_in(
    planned: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(first: Path, second: Path) -> None:
        raise fileio.ExchangeUnsupported(errno.EINVAL, os.strerror(errno.EINVAL), str(second))

    monkeypatch.setattr(fileio, "exchange", refuse)
    identity = planned.stat().st_ino
    write_set(planned, NEW)
    assert contents(planned) == {**NEW, **KEPT} and siblings(planned) == []
    assert planned.stat().st_ino == identity


PAUSING = """
import os, sys, time
from pathlib import Path
from speeddating import fileio

point, folder, strategy = sys.argv[1:4]
if strategy == "link":
    fileio._renameat2 = lambda: None

def pause(name):
    if name == point:
        print("paused", flush=True)
        go = Path(folder).parent / "go"
        deadline = time.monotonic() + 60
        while not go.exists() and time.monotonic() < deadline:
            time.sleep(0.01)

def wrapped(function, before, after):
    def call(*args, **kwargs):
        pause(before)
        result = function(*args, **kwargs)
        pause(after)
        return result
    return call

written = []
original_write = fileio._write_file
def write_file(path, data, mode):
    original_write(path, data, mode)
    written.append(path)
    if len(written) == 3:
        pause("staging")
fileio._write_file = write_file
fileio._switch = wrapped(fileio._switch, "before switch", "after switch")
fileio._settle = wrapped(fileio._settle, "before settling", "settled")
fileio._rename_in = wrapped(fileio._rename_in, "before renaming", "renamed")
original_note = fileio.note_written
def note_written(path):
    original_note(path)
    if path.name == "plan.json":
        pause("between renames")
fileio.note_written = note_written
original_remove = fileio._remove
def remove(path):
    original_remove(path)
    pause("settling")
fileio._remove = remove
if len(sys.argv) > 4:
    from speeddating.cli import cli
    sys.exit(cli.main(sys.argv[4:], prog_name="speeddating"))
fileio.write_set(Path(folder), {"plan.json": b"new plan", "plan.csv": b"new csv", "itineraries.pdf": b"new pdf"})
print("done", flush=True)
"""


@pytest.fixture
def paused() -> Iterator[list[subprocess.Popen[str]]]:
    """Processes started paused at a named point of a write; any still running at the end is killed."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate()


def start_paused(
    started: list[subprocess.Popen[str]], point: str, folder: Path, strategy: str, *command: str
) -> subprocess.Popen[str]:
    """Run a write in another process and wait until it stops at `point`."""
    process = subprocess.Popen(
        [sys.executable, "-c", PAUSING, point, str(folder), strategy, *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    started.append(process)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line == "paused\n", process.communicate()
    return process


KILL_POINTS = [
    ("exchange", "staging", OLD, OLD),
    ("exchange", "before switch", OLD, OLD),
    ("exchange", "after switch", NEW, NEW),
    ("exchange", "before settling", NEW, NEW),
    ("exchange", "settling", NEW, NEW),
    ("link", "staging", OLD, OLD),
    ("link", "before switch", OLD, OLD),
    ("link", "after switch", NEW, NEW),
    ("link", "settling", NEW, NEW),
    ("files", "staging", OLD, OLD),
    ("files", "before renaming", OLD, NEW),
    ("files", "between renames", {**OLD, "plan.json": b"new plan"}, NEW),
]


@pytest.mark.parametrize(("strategy", "point", "at_kill", "recovered"), KILL_POINTS)
def test_a_kill_at_any_point_of_the_swap_leaves_one_whole_set(
    tmp_path: Path,
    paused: list[subprocess.Popen[str]],
    monkeypatch: pytest.MonkeyPatch,
    strategy: str,
    point: str,
    at_kill: dict[str, bytes],
    recovered: dict[str, bytes],
) -> None:
    """SIGKILL (a power cut, the OOM killer) at each named point: a folder that is the set's own holds the old
    set or the new one, whole, with the organiser's files; one that is not holds each file old or new, and the
    next write completes the set. That write also cleans what the killed run left."""
    if strategy == "link":
        monkeypatch.setattr(fileio, "_renameat2", lambda: None)
    folder = tmp_path / "plan"
    write_set(folder, OLD)
    (folder / "attendees.csv").write_bytes(b"nom;structure\n")
    kept = {**KEPT, **(NOTES if strategy == "files" else {})}
    if strategy == "files":
        add_notes(folder)
    process = start_paused(paused, point, folder, strategy)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    link = [os.readlink(folder)] if strategy == "link" else []
    left = [name for name in siblings(folder) if name not in link] + [
        name for name in os.listdir(folder) if ".files-" in name
    ]
    assert left, "the killed run left its staging folder"
    assert {name: data for name, data in contents(folder).items() if not name.startswith(".")} == {**at_kill, **kept}
    recover(folder)
    assert contents(folder) == {**recovered, **kept}
    assert siblings(folder) == link
    write_set(folder, NEW)
    assert contents(folder) == {**NEW, **kept}


def test_a_file_saved_in_the_folder_while_the_set_is_switched_is_kept(
    tmp_path: Path, paused: list[subprocess.Popen[str]]
) -> None:
    folder = tmp_path / "plan"
    write_set(folder, OLD)
    process = start_paused(paused, "before switch", folder, "exchange")
    (folder / "late.txt").write_bytes(b"saved meanwhile")
    process.send_signal(signal.SIGKILL)
    process.wait()
    write_set(folder, NEW)
    assert contents(folder) == {**NEW, "late.txt": b"saved meanwhile"}
    process = start_paused(paused, "after switch", folder, "exchange")
    process.send_signal(signal.SIGKILL)
    process.wait()
    recover(folder)
    assert contents(folder) == {**NEW, "late.txt": b"saved meanwhile"}


def test_a_leftover_of_a_run_still_going_is_left_alone(tmp_path: Path, paused: list[subprocess.Popen[str]]) -> None:
    folder = tmp_path / "plan"
    write_set(folder, OLD)
    process = start_paused(paused, "before switch", folder, "exchange")
    recover(folder)
    (tmp_path / "go").touch()
    assert process.communicate()[0] == "done\n"
    assert contents(folder) == NEW and siblings(folder) == ["go"]


@pytest.fixture
def printed(tmp_path: Path) -> Path:
    """A planned session's folder (plan.json and its documents), for `speeddating print` to print again."""
    attendees = tmp_path / "attendees.csv"
    attendees.write_text("nom;structure\n" + "".join(f"P {i};S {i % 4}\n" for i in range(12)), encoding="utf-8")
    folder = tmp_path / "plan"
    result = CliRunner().invoke(
        cli, ["plan", str(attendees), "--rounds", "2", "--no-history", "--time-limit", "1", "--out", str(folder)]
    )
    assert result.exit_code == 0, result.output
    return folder


@pytest.mark.parametrize(
    ("point", "message", "changed"),
    [
        ("staging", "Interrompu : aucun fichier n'a été modifié.", False),
        ("before switch", "Interrompu après avoir écrit : {folder}.", True),
    ],
)
def test_ctrl_c_during_the_swap_says_truly_whether_files_changed(
    printed: Path, paused: list[subprocess.Popen[str]], point: str, message: str, changed: bool
) -> None:
    before = contents(printed)
    process = start_paused(paused, point, printed, "exchange", "print", str(printed / "plan.json"), "--paper", "letter")
    process.send_signal(signal.SIGINT)
    (printed.parent / "go").touch()
    _, err = process.communicate()
    assert process.returncode == 130
    assert err.strip().splitlines()[-1] == message.format(folder=printed)
    after = contents(printed)
    assert after["plan.json"] == before["plan.json"]
    assert (after["itineraries.pdf"] != before["itineraries.pdf"]) == changed
    assert siblings(printed) == ["attendees.csv", "go"]


@pytest.mark.parametrize(
    "command",
    [
        ["replan", "{plan}/plan.json", "--from-round", "2", "--absent", "P 1", "--time-limit", "1", "--no-history"],
        ["report", "--history", "{plan}/../history.db", "--out", "{plan}/../sorties/rapport"],
    ],
)
def test_a_full_disk_leaves_no_empty_folder(printed: Path, command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty plan-v2/ would send the next replan to -v3; an empty --out looks like a report that failed silently."""
    recorded = CliRunner().invoke(
        cli, ["history", "add", str(printed / "plan.json"), "--history", str(printed.parent / "history.db")]
    )
    assert recorded.exit_code == 0, recorded.output
    before = sorted(p.name for p in printed.parent.iterdir())

    def refuse(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", refuse)
    result = CliRunner().invoke(cli, [word.format(plan=printed) for word in command])
    assert result.exit_code == 2 and "disque plein" in result.stderr, result.output
    assert sorted(p.name for p in printed.parent.iterdir()) == before
