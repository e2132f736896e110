"""The network report: links between organisations, reach per person, CSV and one PDF page."""

import csv
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from speeddating.history.report import report_from_store, report_lines, write_report
from speeddating.history.store import open_history
from speeddating.i18n import use_language
from speeddating.plan import write_plan
from tests.helpers import EIGHT, ROUND_A, ROUND_B, record, run_cli, seated_plan


def build_store(tmp_path: Path) -> Path:
    db = tmp_path / "h.db"
    record(db, seated_plan(EIGHT, [ROUND_A], title="Un", date="2025-01-15"))
    record(db, seated_plan(EIGHT, [ROUND_B], title="Deux", date="2025-03-15"))
    late = [*EIGHT, ("Nguyễn Văn An", "Département", "")]
    record(db, seated_plan(late, [[[0, 1, 8], [2, 3, 4], [5, 6, 7]]], title="Trois", date="2025-05-15"))
    return db


def test_links_between_organisations_and_reach_per_person(tmp_path: Path) -> None:
    with open_history(build_store(tmp_path)) as connection:
        report = report_from_store(connection)
    assert report.sessions == 3
    organisations = list(report.organisations)
    assert organisations[-1] == "Département"  # the smallest comes last
    links = {(organisations[i], organisations[j]): v for i, row in enumerate(report.links) for j, v in enumerate(row)}
    # Rounds A and B each link France Travail to Mission Locale twice, with no pair twice; session 3 adds none.
    assert links["France Travail", "Mission Locale"] == 4
    assert links["France Travail", "Département"] == links["Département", "France Travail"] == 2
    assert links["France Travail", "France Travail"] == 1  # Anne and Bruno sat together in session 3
    assert links["Mission Locale", "Département"] == 0
    people = {p.name: p for p in report.people}
    newcomer = people["Nguyễn Văn An"]
    assert (newcomer.people_met, newcomer.organisations_met) == (2, 1)
    assert newcomer.never_met == ("Cap emploi", "CIO", "Mission Locale")
    assert people["Anne Martin"].never_met == ()
    assert report.least_connected(1)[0].name == "Nguyễn Văn An"
    # each edge is counted once in the matrix (upper triangle and diagonal)
    assert sum(v for i, row in enumerate(report.links) for j, v in enumerate(row) if j >= i) == report.encounters


def test_report_files_and_printed_table(tmp_path: Path) -> None:
    with open_history(build_store(tmp_path)) as connection:
        report = report_from_store(connection)
    with use_language("en"):
        lines = report_lines(report)
        written = write_report(report, tmp_path / "out")
    assert lines[0] == "After 3 sessions: 9 people from 5 organisations, 26 distinct encounters."
    assert any(line.startswith("Nguyễn Văn An") and "Cap emploi, CIO, Mission Locale" in line for line in lines)
    people_csv = (tmp_path / "out" / "report-people.csv").read_text(encoding="utf-8-sig").splitlines()
    assert people_csv[0] == "Name,Organisation,People met,Organisations met,Nobody met yet from"
    assert len(people_csv) == 1 + 9
    matrix_csv = (tmp_path / "out" / "report-organisations.csv").read_text(encoding="utf-8-sig").splitlines()
    assert next(csv.reader([matrix_csv[0]]))[1:] == list(report.organisations)
    pdf = PdfReader(written[-1])
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "Nguyễn Văn An" in text and "Least connected" in text
    again = tmp_path / "again"
    with use_language("en"):
        write_report(report, again)
    assert (again / "report.pdf").read_bytes() == written[-1].read_bytes()


def test_report_draws_right_to_left_names_joined(tmp_path: Path) -> None:
    """The report's names went to the canvas as stored: an Arabic name printed as unjoined letters, each word
    spelt backwards. It now prints as the documents do (`visual`)."""
    db = tmp_path / "h.db"
    people = [*EIGHT, ("محمد عبد الله", "جمعية النور", "")]
    record(db, seated_plan(people, [[[0, 1, 8], [2, 3, 4], [5, 6, 7]]], title="Un", date="2025-01-15"))
    with open_history(db) as connection:
        report = report_from_store(connection)
    written = write_report(report, tmp_path / "out")
    text = PdfReader(written[-1]).pages[0].extract_text()
    # pypdf puts right-to-left text back in reading order, and NFKC turns joined forms back into letters
    for name in ("محمد عبد الله", "جمعية النور"):
        assert name in unicodedata.normalize("NFKC", text)
        assert name not in text, "drawn as joined forms, not as the letters one by one"


def test_a_report_that_fails_to_build_writes_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The PDF is built before any file is written: a failure leaves no half report behind."""
    with open_history(build_store(tmp_path)) as connection:
        report = report_from_store(connection)

    def broken(_: object) -> bytes:
        raise RuntimeError("font missing")

    monkeypatch.setattr("speeddating.history.report.report_pdf", broken)
    with pytest.raises(RuntimeError):
        write_report(report, tmp_path / "out")
    out = tmp_path / "out"
    assert not out.exists() or not any(out.iterdir())


def test_report_on_an_emptied_history_is_one_line_with_the_fix_and_writes_nothing(tmp_path: Path) -> None:
    write_plan(seated_plan(EIGHT, [ROUND_A]), tmp_path / "plan.json")
    store = str(tmp_path / "historique.db")
    assert run_cli("history", "add", str(tmp_path / "plan.json"), "--history", store)[0] == 0
    assert run_cli("history", "remove", "1", "--history", store)[0] == 0
    code, out, err = run_cli("report", "--history", store, "--out", str(tmp_path / "rapport"))
    assert code == 2
    assert err.strip() == (
        f"Erreur : Aucune séance enregistrée dans {store} : enregistrez d'abord une séance "
        "avec « speeddating history add plan.json »."
    )
    assert out == "" and not (tmp_path / "rapport").exists()
    code, _, err = run_cli("report", "--history", store, "--out", str(tmp_path / "rapport"), "--lang", "en")
    assert code == 2 and "No session recorded in" in err
