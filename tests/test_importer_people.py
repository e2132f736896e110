"""Names in one column: the order a column's marked names show is how its unmarked names are read."""

from hypothesis import given
from hypothesis import strategies as st

from speeddating.importer.columns import asks_family_name_first
from speeddating.importer.people import display_name, family_name_first, typed_in_capitals

FIRST = st.sampled_from(["Anne", "Mathieu", "Léa", "Jean-Luc", "Inès", "Karim"])
FAMILY = st.sampled_from(["Martin", "Royer", "Dubois", "Haddad", "Benali", "Chevalier"])


@given(marked=st.lists(st.tuples(FIRST, FAMILY), min_size=2, max_size=8), unmarked=st.tuples(FIRST, FAMILY))
def test_a_column_written_family_name_first_is_read_so_throughout(
    marked: list[tuple[str, str]], unmarked: tuple[str, str]
) -> None:
    first, family = unmarked
    column = [f"{last.upper()} {given}" for given, last in marked] + [f"{family} {first}"]
    assert family_name_first(column)
    assert display_name(f"{family} {first}", family_name_first(column)) == f"{first} {family}"
    assert [display_name(name) for name in column[:-1]] == [f"{given} {last}" for given, last in marked]


def test_without_a_clear_majority_unmarked_names_keep_their_order() -> None:
    assert not family_name_first(["ROYER Mathieu", "Anne MARTIN", "Léa Dubois"])
    assert not family_name_first(["ROYER Mathieu", "Léa Dubois"])
    assert family_name_first(["Royer, Mathieu", "BENALI Karim", "Léa Dubois"])
    assert display_name("Léa Dubois") == "Léa Dubois"
    assert display_name("Dubois Léa", True) == "Léa Dubois"
    assert display_name("Anne Marie Dubois", True) == "Anne Marie Dubois"


def test_only_a_header_naming_the_family_name_first_lets_the_column_turn_names() -> None:
    assert asks_family_name_first("Nom et prénom") and asks_family_name_first("NOM Prénom")
    assert asks_family_name_first("Vos nom et prénom") and asks_family_name_first("Last name, first name")
    assert not asks_family_name_first("Prénom et nom") and not asks_family_name_first("Nom complet")
    assert not asks_family_name_first("Full name")


def test_a_form_of_address_before_the_name_is_no_part_of_it() -> None:
    """Before, "Mme Sophie LEMAIRE" was printed "Mme Sophie Lemaire" and was not the Sophie Lemaire of another row."""
    assert display_name("Mme Sophie LEMAIRE") == "Sophie Lemaire"
    assert display_name("M. Karim BENALI") == display_name("Monsieur Karim Benali") == "Karim Benali"
    assert display_name("Mme LEMAIRE Sophie") == display_name("Madame Lemaire, Sophie") == "Sophie Lemaire"
    assert display_name("Mr John Smith") == "John Smith"
    assert display_name("M. Benali") == "M. Benali"  # one word after it: perhaps an initial
    assert display_name("Dr Paul Renard") == "Dr Paul Renard"  # a title people keep on their card
    assert family_name_first(["Mme LEMAIRE Sophie", "M. BENALI Karim"])


def test_a_column_all_in_capitals_shows_no_order_of_its_own() -> None:
    assert typed_in_capitals(["MARTIN ANNE", "LE GOFF YANN", "DUPONT", "M. ROUX ZOÉ", ""])
    assert not typed_in_capitals(["MARTIN ANNE", "Léa DUBOIS"])
    assert not typed_in_capitals(["DUPONT", ""])  # no name of two words
