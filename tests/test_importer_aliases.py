"""Organisation aliases: "Pôle emploi" is France Travail, and every renaming is shown."""

from pathlib import Path

import pytest

from speeddating.importer import ImportProblems, read_aliases, read_roster


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_former_name_is_merged_with_a_warning(tmp_path: Path) -> None:
    attendees = write(tmp_path / "a.csv", "nom;structure\nAnne;France Travail\nBruno;POLE EMPLOI\nChloé;CIDFF\n")
    roster = read_roster(attendees)
    assert [a.organisation for a in roster.attendees] == ["France Travail", "France Travail", "CIDFF"]
    assert any("« POLE EMPLOI » compté comme « France Travail » (1 personne(s))" in w for w in roster.warnings)


def test_no_alias_table_keeps_names_as_written(tmp_path: Path) -> None:
    attendees = write(tmp_path / "a.csv", "nom;structure\nAnne;France Travail\nBruno;Pôle emploi\n")
    roster = read_roster(attendees, aliases={})
    assert {a.organisation for a in roster.attendees} == {"France Travail", "Pôle emploi"}
    assert roster.warnings == ()


def test_an_alias_file_adds_to_the_defaults(tmp_path: Path) -> None:
    table = write(tmp_path / "alias.csv", "alias;organisation\nML Nord;Mission Locale\n")
    aliases = read_aliases(table)
    assert aliases["ML Nord"] == "Mission Locale" and aliases["Pôle emploi"] == "France Travail"
    attendees = write(tmp_path / "a.csv", "nom;structure\nAnne;ml nord\nBruno;Mission Locale\nChloé;Pôle emploi\n")
    organisations = [a.organisation for a in read_roster(attendees, aliases=aliases).attendees]
    assert organisations == ["Mission Locale", "Mission Locale", "France Travail"]


def test_a_malformed_alias_row_is_named(tmp_path: Path) -> None:
    table = write(tmp_path / "alias.csv", "alias;organisation\nML Nord;Mission Locale;extra\n")
    with pytest.raises(ImportProblems, match=r"alias\.csv, ligne 2"):
        read_aliases(table)
