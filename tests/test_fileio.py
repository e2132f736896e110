"""Atomic writes: all files or none, the user's file named in errors, ordinary permissions."""

import os
import stat
from pathlib import Path

import pytest

from speeddating.fileio import atomic_write_text, prepare_folder, write_all


def test_a_failure_on_one_file_leaves_every_file_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "plan.json").write_text("old plan", encoding="utf-8")
    (tmp_path / "itineraries.pdf").mkdir()  # stands in for a file that cannot be replaced
    with pytest.raises(OSError) as caught:
        write_all({tmp_path / "plan.json": b"new plan", tmp_path / "itineraries.pdf": b"%PDF"})
    assert caught.value.filename == str(tmp_path / "itineraries.pdf")
    assert (tmp_path / "plan.json").read_text(encoding="utf-8") == "old plan"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["itineraries.pdf", "plan.json"]


def test_written_files_get_the_permissions_of_an_ordinary_file(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "plan.csv", "a;b\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "plan.csv").stat().st_mode) == 0o644


def test_an_output_folder_under_a_file_is_refused_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    with pytest.raises(OSError) as caught:
        prepare_folder(tmp_path / "afile" / "sub")
    assert caught.value.filename == str(tmp_path / "afile" / "sub")
    prepare_folder(tmp_path / "new" / "folder")
    assert (tmp_path / "new" / "folder").is_dir()
