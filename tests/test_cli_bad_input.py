"""Every bad attendee file of the issue, through `speeddating plan`: exit 2, the file named, no traceback."""

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import run_cli


def text(content: str, name: str = "liste.csv") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_text(content, encoding="utf-8")
        return path

    return make


def binary(content: bytes, name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return make


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing file": (lambda folder: folder / "absente.csv", "absente.csv"),
    "a folder": (lambda folder: folder, ""),
    "binary file": (binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "photo.csv"), "photo.csv"),
    "fake xlsx": (text("nom;structure\nAnne;CIO\n", "liste.xlsx"), "liste.xlsx"),
    "corrupt zip": (binary(b"PK\x03\x04" + b"\x00" * 40, "liste.xlsx"), "liste.xlsx"),
    "no header row": (text("Anne;CIO\nLéa;PLIE\n"), "liste.csv"),
    "no organisation column": (text("nom;courriel\nAnne;a@example.org\nLéa;l@example.org\n"), "liste.csv"),
    "empty list": (text("nom;structure\n;;\n"), "liste.csv"),
    "fewer than 2 people": (text("nom;structure\nAnne;CIO\n"), "liste.csv"),
    "name without organisation": (text("nom;structure\nAnne;CIO\nLéa;\nMarc;PLIE\n"), "ligne 3"),
    "organisation without name": (text("nom;structure\nAnne;CIO\n;PLIE\nMarc;PLIE\n"), "ligne 3"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_attendee_files_get_one_clear_line_each(case: str, tmp_path: Path) -> None:
    make, expected = CASES[case]
    path = make(tmp_path)
    out = tmp_path / "plan"
    code, _, err = run_cli("plan", str(path), "--no-history", "--out", str(out))
    assert code == 2, err
    assert "Traceback" not in err
    assert err.startswith("Erreur : ")
    assert str(path) in err and expected in err
    assert not out.exists()
