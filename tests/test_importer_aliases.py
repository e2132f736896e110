"""Organisation aliases: "Pôle emploi" is France Travail, and every renaming is shown."""

from pathlib import Path

import pytest

from speeddating.importer import ImportProblems, read_aliases, read_roster, write_aliases


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_former_name_is_merged_with_a_warning(tmp_path: Path) -> None:
    attendees = write(tmp_path / "a.csv", "nom;structure\nAnne;France Travail\nBruno;POLE EMPLOI\nChloé;CIDFF\n")
    roster = read_roster(attendees)
    assert [a.organisation for a in roster.attendees] == ["France Travail", "France Travail", "CIDFF"]
    assert any("« POLE EMPLOI » compté comme « France Travail » (1 personne)" in w for w in roster.warnings)


def test_without_the_alias_table_the_network_table_still_merges_the_former_name(tmp_path: Path) -> None:
    attendees = write(tmp_path / "a.csv", "nom;structure\nAnne;France Travail\nBruno;Pôle emploi\nChloé;CIO\n")
    roster = read_roster(attendees, aliases={})
    assert [a.organisation for a in roster.attendees] == ["France Travail", "France Travail", "CIO"]
    (merge,) = roster.warnings
    assert "« Pôle emploi » (toutes deux : France Travail)" in merge


def test_a_name_mapped_to_itself_is_split_off_a_merge(tmp_path: Path) -> None:
    attendees = write(
        tmp_path / "a.csv", "nom;structure\nAnne;ML Blois\nBruno;Mission Locale\nChloé;Mission locale\nDan;CIO\n"
    )
    merged = read_roster(attendees)
    assert {a.organisation for a in merged.attendees} == {"Mission Locale", "CIO"}
    split = read_roster(attendees, aliases={"ML Blois": "ML Blois"})
    assert [a.organisation for a in split.attendees] == ["ML Blois", "Mission Locale", "Mission Locale", "CIO"]


def test_the_aliases_written_read_back_to_the_same_organisations(tmp_path: Path) -> None:
    attendees = write(
        tmp_path / "a.csv",
        "nom;structure\nAnne;ML Blois\nBruno;Mission Locale\nChloé;Mission locale\nDan;C.I.O.\nEve;CIO\n",
    )
    roster = read_roster(attendees, aliases={})
    written = tmp_path / "aliases.csv"
    write_aliases(written, roster.merges)
    lines = written.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Alias (nom tel qu'écrit);Structure retenue;Pourquoi"
    assert "ML Blois;Mission Locale;toutes deux : Mission Locale" in lines
    again = read_roster(attendees, aliases=read_aliases(written))
    assert [a.organisation for a in again.attendees] == [a.organisation for a in roster.attendees]


def test_an_alias_file_adds_to_the_defaults(tmp_path: Path) -> None:
    table = write(tmp_path / "alias.csv", "alias;organisation\nML Nord;Mission Locale\n")
    aliases = read_aliases(table)
    assert aliases["ML Nord"] == "Mission Locale" and aliases["Pôle emploi"] == "France Travail"
    attendees = write(tmp_path / "a.csv", "nom;structure\nAnne;ml nord\nBruno;Mission Locale\nChloé;Pôle emploi\n")
    organisations = [a.organisation for a in read_roster(attendees, aliases=aliases).attendees]
    assert organisations == ["Mission Locale", "Mission Locale", "France Travail"]


def test_a_malformed_alias_row_is_named(tmp_path: Path) -> None:
    table = write(tmp_path / "alias.csv", "alias;organisation\nML Nord;Mission Locale;note;extra\n")
    with pytest.raises(ImportProblems, match=r"alias\.csv, ligne 2"):
        read_aliases(table)
