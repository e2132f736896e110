"""Forgiving name matching: what the organiser types at 8:40 finds the right person, or says why not."""

import pytest

from speeddating.i18n import use_language
from speeddating.names import NameMatchError, candidates, labels, match_people, match_person
from speeddating.roster import Attendee

PEOPLE = (
    Attendee("p01", "Hélène Chevalier", "CIO"),
    Attendee("p02", "Anne Martin", "France Travail"),
    Attendee("p03", "Anne Martin", "Mission Locale"),
    Attendee("p04", "Annie Moreau", "Cap emploi"),
    Attendee("p05", "Jean-Marc Dupont", "CIO"),
    Attendee("p06", "Nguyễn Văn An", "Mission Locale"),
)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("helene chevalier", "p01"),
        ("  HÉLÈNE   Chevalier ", "p01"),
        ("Chevalier Hélène", "p01"),
        ("jean marc dupont", "p05"),
        ("Jean-Marc", "p05"),
        ("nguyen van an", "p06"),
        ("p04", "p04"),
        ("P04", "p04"),
        ("Anne Martin (mission locale)", "p03"),
        ("anne martin (France-Travail)", "p02"),
        ("ann mor", "p04"),
    ],
)
def test_forgiving_queries_find_one_person(query: str, expected: str) -> None:
    assert match_person(query, PEOPLE).id == expected


def test_a_full_name_beats_a_prefix() -> None:
    people = (*PEOPLE, Attendee("p07", "Anne Martinez", "CIO"))
    assert [a.id for a in candidates("anne martin (cio)", people)] == ["p07"]
    assert {a.id for a in candidates("Anne Martin", people)} == {"p02", "p03"}


def test_homonyms_are_refused_with_every_candidate() -> None:
    with use_language("en"), pytest.raises(NameMatchError) as refused:
        match_person("anne martin", PEOPLE)
    message = str(refused.value)
    assert "Anne Martin (France Travail, p02); Anne Martin (Mission Locale, p03)" in message
    assert "could be several people" in message


def test_a_prefix_shared_by_several_is_ambiguous() -> None:
    with pytest.raises(NameMatchError) as refused:
        match_person("ann", PEOPLE)
    assert "p02" in str(refused.value) and "p04" in str(refused.value) and "p01" not in str(refused.value)


def test_many_candidates_are_cut_short_and_counted() -> None:
    namesakes = [Attendee(f"c{n}", f"Camille {surname}", "CIO") for n, surname in enumerate("ABCDEFG")]
    with use_language("fr"), pytest.raises(NameMatchError) as refused:
        match_person("camille", namesakes)
    assert "Camille A (CIO, c0) ; Camille B (CIO, c1) ; " in str(refused.value)  # French spacing
    assert "Camille E (CIO, c4) et 2 autres." in str(refused.value)
    assert "Camille F" not in str(refused.value)


def test_unknown_name_lists_the_closest() -> None:
    with use_language("fr"), pytest.raises(NameMatchError) as refused:
        match_person("Helen Chevallier", PEOPLE)
    assert "ne correspond à personne dans la liste des participants" in str(refused.value)
    assert "dans le plan" not in str(refused.value)
    assert "Hélène Chevalier (CIO, p01)" in str(refused.value)


def test_unknown_name_with_nothing_close() -> None:
    with use_language("en"), pytest.raises(NameMatchError) as refused:
        match_person("Zebulon", PEOPLE)
    assert "matches nobody" in str(refused.value) and "close names" not in str(refused.value)


def test_match_people_reports_every_failure_one_line_each() -> None:
    with pytest.raises(NameMatchError) as refused:
        match_people(["helene chevalier", "Zebulon", "anne martin"], PEOPLE)
    lines = str(refused.value).splitlines()
    assert len(lines) == 2 and "Zebulon" in lines[0] and "anne martin" in lines[1]
    assert [a.id for a in match_people(["p01", "annie"], PEOPLE)] == ["p01", "p04"]


def test_labels_add_the_organisation_only_when_names_collide() -> None:
    people = [
        Attendee("p01", "Anne Martin", "CIO"),
        Attendee("p02", "anne  MARTIN", "Mission Locale"),
        Attendee("p03", "Zoé Zola", "CIO"),
        Attendee("p04", "Anne Martin", "CIO"),
    ]
    assert labels(people) == {
        "p01": "Anne Martin (CIO, p01)",
        "p02": "anne  MARTIN (Mission Locale)",
        "p03": "Zoé Zola",
        "p04": "Anne Martin (CIO, p04)",
    }
