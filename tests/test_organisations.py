"""Spellings of one organisation found, and different organisations kept apart, with the reasons said."""

from collections import Counter

import pytest

from speeddating.organisations import Reason, find_network, group, printed_name, same_organisation, words_of
from speeddating.text import fold

SAME = [
    # a national network, however it is written
    ("ML Blois", "Mission Locale du Blaisois"),
    ("Mission locale", "ML Blois"),
    ("MLJ", "Mission Locale"),
    ("CIO de Blois", "Centre d'information et d'orientation"),
    ("C.I.O.", "CIO"),
    ("CIDFF 41", "Cidff"),
    ("Centre d'Information sur les Droits des Femmes et des Familles", "CIDFF"),
    ("France Travail - agence Blois Nord", "FRANCE TRAVAIL"),
    ("Pôle emploi", "France Travail"),
    ("Pôle Emploi Vendôme", "France Travail Vendômois"),
    ("P.E. Blois", "Pôle emploi"),
    ("FT Blois", "France Travail Blois"),
    ("Cap emploi 41", "Cap Emploi"),
    ("APEC", "Association pour l'emploi des cadres"),
    ("AFPA Blois", "Afpa"),
    ("PLIE", "PLIE Agglopolys"),
    ("CAF 41", "Caisse d'allocations familiales"),
    ("CCAS de Blois", "Centre communal d'action sociale"),
    ("E2C", "École de la 2e chance"),
    ("EPIDE", "Établissement pour l'insertion dans l'emploi"),
    ("CFA", "Centre de formation d'apprentis"),
    ("CMA 41", "Chambre de métiers et de l'artisanat"),
    ("CCI", "Chambre de commerce et d'industrie du Loir-et-Cher"),
    ("CD41", "Conseil départemental 41"),
    ("Conseil général", "Conseil départemental de Loir-et-Cher"),
    # an acronym glued to its department number
    ("CAF41", "CAF 41"),
    ("CIDFF41", "Centre d'information sur les droits des femmes et des familles"),
    ("ML41", "Mission Locale"),
    # any organisation: an acronym of its words, its name plus a place, a close spelling, the case
    ("ADMR", "Aide à domicile en milieu rural"),
    ("UDAF 41", "Union départementale des associations familiales"),
    ("Emmaüs", "Emmaüs Blois"),
    ("Secours populaire", "Secours Populaire Français"),
    ("Restos du cœur", "Restos du coeur - antenne de Blois"),
    ("Maison des Familles", "maison des familles"),
    ("Compagnons Bâtisseurs", "Compagnons batisseurs"),
    ("Régie de quartier", "Regie de quartiers"),
    # an organisation written as its domain
    ("mlblois.fr", "www.mlblois.fr"),
    ("@francetravail.fr", "France Travail"),
    ("contact@cidff41.fr", "cidff41.fr"),
]

APART = [
    ("CIO", "CIDFF"),
    ("CAF", "CFA"),
    ("CCI", "CMA"),
    ("APEC", "AFPA"),
    ("France Travail", "Cap emploi"),
    ("Mission Locale", "Maison de l'emploi"),
    ("CIDFF 41", "CIDFF 37"),
    ("Mission Locale de Blois", "Mission Locale de Tours"),
    ("Emmaüs Blois", "Emmaüs Vendôme"),
    ("Lycée Augustin Thierry", "Lycée Dessaignes"),
    ("Lycée", "Lycée Dessaignes"),
    ("Ville de Blois", "Ville de Vendôme"),
    ("Crédit Agricole", "Crédit Mutuel"),
    ("Association A", "Association B"),
    ("Structure 1", "Structure 10"),
    ("ADIL 41", "ADIL 45"),
    ("CD41", "CD37"),
    ("FT Blois", "FT Tours"),
    ("CAF41", "CAF 37"),
    ("cidff41.fr", "cidff37.fr"),
    ("francetravail.fr", "capemploi41.fr"),
    ("gmail.com", "orange.fr"),
]


@pytest.mark.parametrize(("first", "second"), SAME)
def test_spellings_of_one_organisation(first: str, second: str) -> None:
    assert same_organisation(first, second) and same_organisation(second, first)


@pytest.mark.parametrize(("first", "second"), APART)
def test_different_organisations_stay_apart(first: str, second: str) -> None:
    assert not same_organisation(first, second) and not same_organisation(second, first)


def test_a_shared_professional_domain_joins_and_different_ones_keep_apart() -> None:
    assert same_organisation("Agglopolys", "PLIE Agglopolys", ["a@agglopolys.fr"], ["b@agglopolys.fr"])
    assert same_organisation("Mission Locale de Blois", "ML Vendôme", ["a@ml41.fr"], ["b@ml41.fr"])
    assert not same_organisation("Mission Locale", "ML Vendôme", ["a@mlblois.fr"], ["b@ml-vendome.fr"])
    assert not same_organisation("Emmaüs", "Emmaüs Blois", ["a@emmaus.org"], ["b@emmaus-blois.fr"])
    assert same_organisation("Pôle emploi", "France Travail", ["a@pole-emploi.fr"], ["b@francetravail.fr"])


def test_webmail_documentation_and_umbrella_domains_say_nothing() -> None:
    assert not same_organisation("Maison des familles", "Atelier Bois Vert", ["a@gmail.com"], ["b@gmail.com"])
    assert not same_organisation("Maison des familles", "Atelier Bois Vert", ["a@example.org"], ["b@example.org"])
    assert not same_organisation("Lycée Dessaignes", "CIO", ["a@ac-orleans-tours.fr"], ["b@ac-orleans-tours.fr"])


def test_a_domain_shared_by_many_unrelated_organisations_is_an_umbrella() -> None:
    names = ["Service emploi", "Médiathèque", "Conservatoire", "Piscine"]
    grouping = group(names, {name: [f"{name[:3].lower()}@ville-exemple.fr"] for name in names})
    assert len(set(grouping.printed.values())) == 4
    emails = {"Agglopolys": ["a@agglo.fr"], "PLIE Agglopolys": ["b@agglo.fr"]}
    pair = group(["Agglopolys", "PLIE Agglopolys", "Conservatoire"], emails)
    assert pair.printed["agglopolys"] == pair.printed["plie agglopolys"] != pair.printed["conservatoire"]


def test_the_printed_name_is_the_most_frequent_spelling_in_mixed_case() -> None:
    grouping = group(["FRANCE TRAVAIL", "FRANCE TRAVAIL", "France Travail - agence Blois Nord", "france travail"])
    assert set(grouping.printed.values()) == {"France Travail"}
    assert printed_name(Counter({"MAISON DES FAMILLES": 2, "Maison des familles": 1})) == "Maison des familles"
    assert printed_name(Counter({"Cidff": 1, "CIDFF": 1})) == "CIDFF"


def test_a_long_name_typed_in_capitals_is_printed_in_ordinary_case_and_acronyms_are_kept() -> None:
    """The rule of `readable`: a name in capitals with a word of five letters or more (no acronym) is printed
    as usually written; a short one, most likely an acronym, as typed; the organiser's pinned spelling as is."""
    names = [
        "MISSION LOCALE DE LENS",
        "CAP EMPLOI 62",
        "CENTRE D'INFORMATION ET D'ORIENTATION",
        "LYCEE HENRI IV",
        "FJT LES ALOUETTES",
        "SAINT-ETIENNE METROPOLE",
        "CIDFF",
        "APEC",
        "UDAF DU NORD",
    ]
    grouping = group(names)
    assert [grouping.printed[fold(name)] for name in names] == [
        "Mission Locale de Lens",
        "Cap emploi 62",
        "Centre d'Information et d'Orientation",
        "Lycee Henri IV",
        "FJT les Alouettes",
        "Saint-Etienne Metropole",
        "CIDFF",
        "APEC",
        "UDAF DU NORD",
    ]
    assert grouping.merges == (), "recasing merges nothing and is no warning"
    assert group(names, pinned=["MISSION LOCALE DE LENS"]).printed["mission locale de lens"] == "MISSION LOCALE DE LENS"
    twins = group(["MISSION LOCALE DE LENS", "Mission locale de Lens"]).printed
    assert twins["mission locale de lens"] == "Mission locale de Lens", "a mixed-case twin is printed as typed"


def test_each_merge_is_reported_with_its_reason() -> None:
    grouping = group(["ML Blois", "Mission locale", "Mission locale", "CIO", "Centre d'information et d'orientation"])
    assert [merge.printed for merge in grouping.merges] == ["Mission locale", "CIO"]
    (locale, cio) = grouping.merges
    assert dict(locale.joined) == {"ML Blois": "toutes deux : Mission Locale"}
    assert dict(cio.joined) == {"Centre d'information et d'orientation": "toutes deux : CIO"}


def test_two_places_of_one_network_stay_two_and_a_placeless_one_is_a_doubt() -> None:
    grouping = group(["ML Blois", "ML Blois", "ML Vendôme", "Mission Locale"])
    assert grouping.printed["ml blois"] != grouping.printed["ml vendome"]
    assert grouping.printed["mission locale"] == "ML Blois"
    assert ("ML Blois", "ML Vendôme", "lieux différents") in grouping.apart
    assert grouping.doubts == (("Mission Locale", "ML Blois", "ML Vendôme"),)


def test_two_structures_of_one_network_are_printed_with_their_places() -> None:
    """A tie between "ML Blois" and a bare "Mission Locale" would print the network's name; with a second
    Mission Locale in the list the place is printed, and the doubt is the bare spelling's, not the other town's."""
    grouping = group(["ML Blois", "Mission Locale", "ML Vendôme", "Mission Locale du Vendômois"])
    assert grouping.printed["mission locale"] == "ML Blois"
    assert grouping.printed["ml vendome"] == grouping.printed["mission locale du vendomois"] == "ML Vendôme"
    assert grouping.doubts == (("Mission Locale", "ML Blois", "ML Vendôme"),)
    alone = group(["ML Blois", "Mission Locale"])
    assert alone.printed["ml blois"] == "Mission Locale"


def test_a_pinned_spelling_is_never_merged() -> None:
    grouping = group(["ML Blois", "Mission Locale"], pinned=["ML Blois"])
    assert grouping.printed == {"ml blois": "ML Blois", "mission locale": "Mission Locale"}


def test_words_and_networks() -> None:
    assert words_of("C.I.O. de Blois") == ["cio", "de", "blois"]
    assert words_of("CAF41 E2C") == ["caf", "41", "e2c"]
    network, rest = find_network(["france", "travail", "agence", "blois", "nord"])
    assert network is not None and network.name == "France Travail" and rest == ("agence", "blois", "nord")
    assert find_network(["mission", "locale", "plie"])[0] is None  # two networks: a joint structure
    assert Reason.DOMAIN in Reason


def test_five_thousand_organisations_of_one_person_each_stay_five_thousand() -> None:
    """The largest list accepted, everyone from another organisation sharing a generic first word: candidate
    pairs come from shared keys, not from all 12.5 million pairs (benchmarks/importer.py times it)."""
    names = [f"Structure {n}" for n in range(2500)] + [f"Association Numéro {n} de Blois" for n in range(2500)]
    assert len(set(group(names).printed.values())) == 5000
