"""Printables: every person and table appears, accents survive, layouts hold from 3 to 300 people."""

import dataclasses
import io
import itertools
import math
import random
import unicodedata
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from speeddating.event import DEFAULT_THEMES, Event
from speeddating.exporters.pdf import DOCUMENTS, itineraries, master_plan, write_printables
from speeddating.exporters.pdf.agenda import agenda_pdf
from speeddating.exporters.pdf.style import (
    BOLD,
    FONT,
    by_organisation_then_name,
    fit_text,
    french_spacing,
    long_date,
    register_fonts,
    revision_mark,
    unprintable,
    visual,
)
from speeddating.exporters.pdf.table_cards import table_cards_pdf, table_numbers
from speeddating.i18n import N_, t, use_language
from speeddating.plan import Plan, PlannedRound, Quality, SeatedTable, read_plan, write_plan
from speeddating.problem import table_layout
from speeddating.roster import Attendee
from speeddating.session import measured
from speeddating.text import fold
from tests.helpers import run_cli, write_attendees, write_roster

LONG_NAMES = (
    "Marie-Françoise de La Tour-d'Auvergne",
    "Nguyễn Thị Minh Khai",
    "Łukasz Żółkiewski",
    "Jean-Baptiste Œuvray-Lefèvre",
    "Zoë Brûlé",
)
LONG_ORGANISATION = "Centre d'information et d'orientation « Avenir » – antenne intercommunale de la vallée"
ORGANISATIONS = (
    "France Travail",
    "Mission Locale",
    LONG_ORGANISATION,
    "Cap Emploi",
    "CCAS",
    "Maison de l'emploi",
    "PLIE",
    "Département",
)
FIRST = ("Anne", "Benoît", "Chloé", "Djamel", "Élodie", "François", "Gaëlle", "Hélène", "Inès", "Jérôme")
LAST = ("Martin", "Lefèvre", "Dubois", "Garçon", "Hébert", "Noël", "Perrin", "Rousseau", "Thévenin", "Brûlé")


def attendees(count: int) -> tuple[Attendee, ...]:
    """Named people spread over the organisations, the long names first."""
    people = []
    for i in range(count):
        name = LONG_NAMES[i] if i < len(LONG_NAMES) else f"{FIRST[i % 10]} {LAST[(i // 10) % 10]} {i}"
        people.append(Attendee(f"p{i:03d}", name, ORGANISATIONS[i % min(count, len(ORGANISATIONS))]))
    return tuple(people)


def seated(people: tuple[Attendee, ...], rounds: int, event: Event, seed: int = 0) -> tuple[PlannedRound, ...]:
    """Shuffled seating in the usual layout; the present-another round gets a naive presents map."""
    rng = random.Random(seed)
    planned = []
    for number in range(1, rounds + 1):
        order = [a for a in people]
        rng.shuffle(order)
        tables, start = [], 0
        for table_number, size in enumerate(table_layout(len(people), event.table_size), start=1):
            group = order[start : start + size]
            start += size
            theme = event.theme_for(number)
            presents: tuple[tuple[str, str], ...] = ()
            if theme is not None and theme.presents_another:
                presents = tuple((a.id, group[(k + 1) % len(group)].organisation) for k, a in enumerate(group))
            tables.append(SeatedTable(table_number, tuple(a.id for a in group), presents))
        slot = event.round_slot(number)
        planned.append(PlannedRound(number, tuple(tables), event.theme_for(number), slot.start, slot.end))
    return tuple(planned)


def make_plan(count: int, rounds: int = 5, version: int = 1, revised_at: str = "") -> Plan:
    event = Event(
        title="Petit-déjeuner inter-équipes « Réseau emploi »",
        date="2026-12-08",
        location="Mission Locale, salle Basile",
        themes=DEFAULT_THEMES,
    )
    people = attendees(count)
    quality = Quality(
        same_org_pairs=0,
        forced_same_org=0,
        repeat_pairs=0,
        history_repeats=0,
        distinct_new_pairs=90,
        new_pairs_bound=96,
        optimal=False,
        proven_bound=94,
        fewest_new_met=9,
        most_new_met=12,
    )
    return Plan(people, seated(people, rounds, event), event, quality, version=version, revised_at=revised_at)


ACCENTS = "L’œuvre « Forêt » – à côté où naïf île bâtit ça très sûr"


def normalised(text: str) -> str:
    """Blanks of any kind (line breaks, narrow no-break spaces) folded to single spaces."""
    return " ".join(text.split())


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def printed(plan: Plan, folder: Path, paper: str = "A4") -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in write_printables(plan, folder, paper)}


@pytest.fixture(scope="module")
def plan24() -> Plan:
    return make_plan(24)


@pytest.fixture(scope="module")
def documents24(plan24: Plan, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return printed(plan24, tmp_path_factory.mktemp("print24"))


def test_write_printables_writes_the_four_documents(tmp_path: Path) -> None:
    paths = write_printables(make_plan(3), tmp_path)
    assert [p.name for p in paths] == ["table-cards.pdf", "itineraries.pdf", "agenda.pdf", "master-plan.pdf"]
    assert [p.name for p in paths] == [name for name, _ in DOCUMENTS]
    assert all(p.read_bytes().startswith(b"%PDF") for p in paths)
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("count", [3, 24])
def test_every_person_is_on_the_itineraries_in_organisation_then_name_order(count: int, tmp_path: Path) -> None:
    plan = make_plan(count)
    text = normalised(" ".join(pdf_pages(printed(plan, tmp_path)["itineraries.pdf"])))
    positions = {a.id: text.find(normalised(a.name)) for a in plan.attendees}
    assert all(position >= 0 for position in positions.values()), [
        a.name for a in plan.attendees if positions[a.id] < 0
    ]
    order = sorted(plan.attendees, key=lambda a: positions[a.id])
    keys = [a.organisation_key for a in order]
    assert keys == sorted(keys)


def test_itinerary_rows_give_each_round_the_persons_table(plan24: Plan, documents24: dict[str, bytes]) -> None:
    first_page = normalised(pdf_pages(documents24["itineraries.pdf"])[0])
    person = next(a for a in plan24.attendees if normalised(a.name) in first_page)
    card = first_page[first_page.index(normalised(person.name)) :]
    for rnd, table in plan24.itinerary(person.id):
        assert table is not None
        assert f"{rnd.number} {rnd.start} {table.number} " in card


def test_every_table_has_its_card_with_its_number_first(plan24: Plan, documents24: dict[str, bytes]) -> None:
    pages = pdf_pages(documents24["table-cards.pdf"])
    assert len(pages) == len(plan24.rounds[0].tables) == 6
    assert [page.split("\n")[:2] for page in pages] == [["TABLE", str(n)] for n in table_numbers(plan24)]


def test_cards_name_who_sits_there_and_who_presents_what(plan24: Plan, documents24: dict[str, bytes]) -> None:
    pages = [normalised(page) for page in pdf_pages(documents24["table-cards.pdf"])]
    people = plan24.by_id()
    for rnd in plan24.rounds:
        for table in rnd.tables:
            page = pages[table.number - 1]
            assert all(normalised(people[x].name) in page for x in table.attendees)
            for _, organisation in table.presents:
                assert normalised(f"→ présente {organisation}") in page


@pytest.mark.parametrize("count", [3, 24, 300])
def test_page_counts_follow_head_counts(count: int, tmp_path: Path) -> None:
    plan = make_plan(count)
    pages = {name: len(PdfReader(io.BytesIO(data)).pages) for name, data in printed(plan, tmp_path).items()}
    assert pages["table-cards.pdf"] == len(table_layout(count, 4))
    assert pages["itineraries.pdf"] == math.ceil(count / 8)
    assert pages["agenda.pdf"] == 1
    assert math.ceil(count / 70) <= pages["master-plan.pdf"] <= math.ceil(count / 40)


def test_accents_and_unusual_letters_round_trip_in_every_document(tmp_path: Path) -> None:
    plan = make_plan(8)
    event = Event(title=ACCENTS, date="2026-12-08", themes=DEFAULT_THEMES)
    people = tuple(Attendee(a.id, a.name, ACCENTS if i == 3 else a.organisation) for i, a in enumerate(plan.attendees))
    plan = Plan(people, plan.rounds, event, plan.quality)
    for name, data in printed(plan, tmp_path).items():
        text = normalised(" ".join(pdf_pages(data)))
        assert normalised(ACCENTS) in text, name
        assert "Nguyễn Thị Minh Khai" in text or name == "agenda.pdf"
        assert "Łukasz Żółkiewski" in text or name == "agenda.pdf"


def test_print_is_deterministic_and_regenerates_the_same_text_from_the_plan_file(
    plan24: Plan, documents24: dict[str, bytes], tmp_path: Path
) -> None:
    assert printed(plan24, tmp_path / "again") == documents24
    write_plan(plan24, tmp_path / "plan.json")
    reread = printed(read_plan(tmp_path / "plan.json"), tmp_path / "reread")
    for name, data in documents24.items():
        assert pdf_pages(reread[name]) == pdf_pages(data), name


def test_english_documents_carry_english_words_only(plan24: Plan, tmp_path: Path) -> None:
    with use_language("en"):
        documents = printed(plan24, tmp_path)
    agenda = normalised(pdf_pages(documents["agenda.pdf"])[0])
    assert "ROUND 1" in agenda and "How it works" in agenda and "Tuesday 8 December 2026" in agenda
    assert "TOUR 1" not in agenda and "Comment ça marche" not in agenda
    cards = normalised(" ".join(pdf_pages(documents["table-cards.pdf"])))
    assert "→ presents" in cards and "→ présente" not in cards
    itineraries = normalised(pdf_pages(documents["itineraries.pdf"])[0])
    assert "ROUND TIME TABLE THEME" in itineraries


def test_revised_plans_are_marked_with_version_and_time(tmp_path: Path) -> None:
    revised = make_plan(8, version=2, revised_at="2026-12-08T08:40")
    assert revision_mark(revised) == "v2, 08:40"
    assert revision_mark(make_plan(8)) == ""
    assert revision_mark(make_plan(8, version=3)) == "v3"
    for name, data in printed(revised, tmp_path).items():
        assert "v2, 08:40" in pdf_pages(data)[0], name
    for name, data in printed(make_plan(8), tmp_path / "v1").items():
        assert "v1" not in pdf_pages(data)[0] and "v2" not in pdf_pages(data)[0], name


def test_dates_read_naturally_in_both_languages() -> None:
    assert long_date("2026-12-08") == "mardi 8 décembre 2026"
    assert long_date("2027-02-01") == "lundi 1er février 2027"
    with use_language("en"):
        assert long_date("2026-12-08") == "Tuesday 8 December 2026"
    assert long_date("next Tuesday") == "next Tuesday"


def test_letter_paper(tmp_path: Path) -> None:
    for name, data in printed(make_plan(3), tmp_path, paper="letter").items():
        box = PdfReader(io.BytesIO(data)).pages[0].mediabox
        assert sorted((round(float(box.width)), round(float(box.height)))) == [612, 792], name


def _text_positions(data: bytes) -> list[tuple[float, float, float, str]]:
    """(x, y, orientation sign, text) of every piece of text on the first page."""
    found: list[tuple[float, float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x, y, tm[0] * cm[0], text))

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("rounds", [1, 5, 10])
def test_table_card_faces_stay_on_their_half_of_the_sheet(rounds: int, tmp_path: Path) -> None:
    plan = make_plan(18, rounds=rounds)
    half = 842 / 2
    for x, y, orientation, text in _text_positions(printed(plan, tmp_path)["table-cards.pdf"]):
        assert 0 <= x <= 595, text
        if text.strip() != "pliez ici":
            assert (y < half) if orientation > 0 else (y > half), (text, y)


@given(st.text(alphabet=st.sampled_from("ab éŁ«»-'’ —"), max_size=80), st.floats(20, 300), st.integers(1, 3))
@settings(max_examples=150, deadline=None)
def test_fitted_text_never_runs_past_its_width_or_line_count(text: str, width: float, lines: int) -> None:
    register_fonts()
    fitted = fit_text(text, BOLD, width, 12, 6, max_lines=lines)
    assert len(fitted.lines) <= lines
    assert 6 <= fitted.size <= 12
    assert all(pdfmetrics.stringWidth(line, BOLD, fitted.size) <= width + 1e-6 for line in fitted.lines)


def test_long_names_shrink_before_they_wrap() -> None:
    register_fonts()
    name = LONG_NAMES[0]
    one_line = fit_text(name, BOLD, pdfmetrics.stringWidth(name, BOLD, 10), 11, 6, max_lines=2)
    assert one_line.lines == (name,) and one_line.size == 10
    wrapped = fit_text(name, BOLD, pdfmetrics.stringWidth(name, BOLD, 5), 11, 6, max_lines=2)
    assert len(wrapped.lines) == 2 and normalised(" ".join(wrapped.lines)) == name
    for width in range(40, 120, 5):
        assert not any(line.startswith("»") for line in fit_text("Zoë « Brûlé »", BOLD, width, 12, 6, 3).lines)


def test_print_command_regenerates_the_documents_from_a_plan_file(plan24: Plan, tmp_path: Path) -> None:
    """The same documents, with the figures measured on the seating (the fixture's own figures are made up)."""
    write_plan(plan24, tmp_path / "plan.json")
    code, out, err = run_cli("print", str(tmp_path / "plan.json"), "--out", str(tmp_path / "again"), "--no-history")
    assert code == 0, err
    assert str(tmp_path / "again" / "table-cards.pdf") in out
    for name, data in printed(measured(plan24, None), tmp_path / "expected").items():
        assert pdf_pages((tmp_path / "again" / name).read_bytes()) == pdf_pages(data), name
    code, _, err = run_cli("print", str(tmp_path / "plan.json"), "--lang", "en", "--paper", "letter")
    assert code == 0, err
    agenda = PdfReader(tmp_path / "agenda.pdf")
    assert "How it works" in agenda.pages[0].extract_text() and round(float(agenda.pages[0].mediabox.width)) == 612


def test_print_command_refuses_a_missing_plan_in_one_line(tmp_path: Path) -> None:
    code, _, err = run_cli("print", str(tmp_path / "nowhere.json"))
    assert code == 1 and "nowhere.json" in err and "Traceback" not in err


def test_plan_command_writes_the_printables_too(tmp_path: Path) -> None:
    attendees = write_attendees(tmp_path, 9, 3)
    code, _, err = run_cli(
        "plan", str(attendees), "--rounds", "2", "--time-limit", "1", "--no-history", "--out", str(tmp_path / "out")
    )
    assert code == 0, err
    for name, _ in DOCUMENTS:
        assert f"out/{name}" in err
        assert "Personne 8" in " ".join(pdf_pages((tmp_path / "out" / name).read_bytes())) or name == "agenda.pdf"


def _pages_positions(data: bytes) -> list[list[tuple[float, float, float, str]]]:
    """(x, y, orientation sign, text) of every piece of text, page by page."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        found: list[tuple[float, float, float, str]] = []

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            *_: object,
            found: list[tuple[float, float, float, str]] = found,
        ) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((x, y, tm[0] * cm[0], text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


@pytest.mark.parametrize("rounds", [1, 5, 12, 20])
def test_every_round_is_printed_inside_its_card_whatever_the_number_of_rounds(rounds: int, tmp_path: Path) -> None:
    plan = make_plan(13, rounds=rounds)
    documents = printed(plan, tmp_path)
    wanted = {f"Tour {n}" for n in range(1, rounds + 1)}
    for name in ("agenda.pdf", "master-plan.pdf"):
        text = normalised(" ".join(pdf_pages(documents[name]))).replace("TOUR", "Tour")
        assert all(f"{label} " in f"{text} " for label in wanted), name
    faces: dict[str, list[str]] = {}
    for page in _pages_positions(documents["table-cards.pdf"]):
        for x, y, orientation, text in page:
            assert 0 <= x <= 595 and 0 <= y <= 842, text
            if text != "pliez ici":
                assert (y < 421) if orientation > 0 else (y > 421), (text, y)
        upright = [p for p in page if p[2] > 0]
        number = next(text for x, _, _, text in upright if text.isdigit() and x < 100)
        faces.setdefault(number, []).extend(text for *_, text in upright)
    assert sorted(faces, key=int) == [str(n) for n in table_numbers(plan)]
    for table, texts in faces.items():
        assert wanted <= set(texts), (table, wanted - set(texts))
    columns: dict[int, list[tuple[float, str]]] = {}
    card_width = (595.2756 - 2 * itineraries.MARGIN) / itineraries.COLUMNS
    for page_number, page in enumerate(_pages_positions(documents["itineraries.pdf"])):
        for x, y, _, text in page:
            assert 10 * 72 / 25.4 - 1 <= y <= 842 - 10 * 72 / 25.4, text
            card_column = int((x - itineraries.MARGIN) // card_width)
            left = itineraries.MARGIN + card_column * card_width
            round_column = math.isclose(x, left + itineraries.PADDING, abs_tol=0.5)
            if (text.isdigit() and round_column) or text.startswith("Petit-déjeuner"):
                columns.setdefault(card_column, []).append((page_number * 1000 - y, text))
    assert len(columns) == itineraries.COLUMNS
    for column in columns.values():
        sequence = [text if text.isdigit() else "foot" for _, text in sorted(column)]
        per_card = [*map(str, range(1, rounds + 1)), "foot"]
        assert sequence == per_card * (len(sequence) // len(per_card)), sequence


@pytest.mark.parametrize(
    ("language", "promise"), [("fr", "jamais deux fois les mêmes"), ("en", "never the same person twice")]
)
def test_agenda_promises_no_repeat_meeting_only_when_the_plan_has_none(language: str, promise: str) -> None:
    plan = make_plan(8)
    assert plan.quality is not None and plan.quality.repeat_pairs == 0
    repeating = Plan(plan.attendees, plan.rounds, plan.event, dataclasses.replace(plan.quality, repeat_pairs=2))
    with use_language(language):
        assert promise in normalised(pdf_pages(agenda_pdf(plan))[0])
        assert promise not in normalised(pdf_pages(agenda_pdf(repeating))[0])
        assert normalised(
            t(
                "Your card shows your table for each round. At the signal, move to your next "
                "table: you will meet people from other organisations, mostly new faces."
            )
        ) in normalised(pdf_pages(agenda_pdf(repeating))[0])


def test_a_single_organisation_table_is_told_what_to_present(tmp_path: Path) -> None:
    plan = make_plan(8, rounds=3)
    rnd = plan.rounds[2]
    assert rnd.theme is not None and rnd.theme.presents_another
    lonely = rnd.tables[0]
    people = tuple(Attendee(a.id, a.name, "CCAS") if a.id in lonely.attendees else a for a in plan.attendees)
    tables = (dataclasses.replace(lonely, presents=()), *rnd.tables[1:])
    rounds = (*plan.rounds[:2], dataclasses.replace(rnd, tables=tables))
    plan = Plan(people, rounds, plan.event, plan.quality)
    for language in ("fr", "en"):
        with use_language(language):
            documents = printed(plan, tmp_path / language)
            fallback = normalised(t("→ present a partner organisation not at the table"))
        cards = [normalised(page) for page in pdf_pages(documents["table-cards.pdf"])]
        assert cards[0].count(fallback) == 2 and all(fallback not in page for page in cards[1:])
        itineraries = normalised(" ".join(pdf_pages(documents["itineraries.pdf"])))
        assert itineraries.count(fallback) == len(lonely.attendees)


@pytest.mark.parametrize(
    "title", ["Petit-déjeuner inter-équipes du réseau emploi-insertion-formation " * 2, "Rencontre " * 60]
)
def test_master_plan_footer_keeps_clear_of_the_page_number_and_the_margin(title: str) -> None:
    plan = make_plan(8)
    plan = Plan(plan.attendees, plan.rounds, dataclasses.replace(plan.event, title=title), plan.quality)
    found: list[tuple[float, float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _: object, size: float) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y < master_plan.MARGIN - 8:
            found.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], y, size * tm[0], text.strip()))

    PdfReader(io.BytesIO(master_plan.master_plan_pdf(plan))).pages[0].extract_text(visitor_text=visit)
    page = next(item for item in found if item[3] == "page 1")
    footer = [item for item in found if item is not page]
    assert page[0] + pdfmetrics.stringWidth("page 1", FONT, page[2]) <= 595.28 - master_plan.MARGIN + 0.01
    assert all(x + pdfmetrics.stringWidth(text, FONT, size) < page[0] for x, _, size, text in footer)
    assert "mardi 8 décembre 2026" in normalised(" ".join(text for *_, text in footer))


HEADINGS = (N_("ROUND"), N_("TIME"), N_("TABLE"), N_("THEME"))


def heading_rows(data: bytes, words: set[str]) -> list[list[tuple[float, float, str]]]:
    """The headings of each card on the first page, as (x, font size, text), grouped by line."""
    rows: dict[tuple[int, int], list[tuple[float, float, str]]] = {}

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip() in words:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            rows.setdefault((round(y), int(x // 280)), []).append((x, size * abs(tm[0] * cm[0]), text.strip()))

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return [sorted(row) for row in rows.values()]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("rounds", [5, 12, 20])
def test_itinerary_headings_keep_clear_of_each_other(language: str, rounds: int) -> None:
    register_fonts()
    with use_language(language):
        words = {t(key) for key in HEADINGS}
        rows = heading_rows(itineraries.itineraries_pdf(make_plan(6, rounds)), words)
    assert rows
    for row in rows:
        assert [text for _, _, text in row] == [t(key, language) for key in HEADINGS]
        for (x, size, text), (next_x, _, _) in itertools.pairwise(row):
            assert x + pdfmetrics.stringWidth(text, FONT, size) <= next_x - 1, (text, x, size, next_x)


def test_names_the_font_cannot_print_are_named_in_a_warning(tmp_path: Path) -> None:
    rows = [("李伟", "Mission Locale"), ("अनीता शर्मा", "CIO"), ("Łukasz Nguyễn", "CIDFF")]
    rows += [(f"Personne {i}", f"Structure {i % 3}") for i in range(9)]
    attendees = write_roster(tmp_path, rows)
    code, _, err = run_cli("plan", str(attendees), "--rounds", "1", "--no-history", "--out", str(tmp_path / "p"))
    assert code == 0, err
    (warning,) = [line for line in err.splitlines() if "police des documents" in line]
    assert "李伟 (Mission Locale) ; अनीता शर्मा (CIO) s'impriment en cases vides" in warning
    assert "Łukasz" not in warning, "DejaVu Sans prints Polish and Vietnamese"
    code, _, err = run_cli("print", str(tmp_path / "p" / "plan.json"), "--no-history", "--lang", "en")
    assert code == 0 and "李伟 (Mission Locale); अनीता शर्मा (CIO) print as empty boxes" in err


def test_the_master_plan_grows_linearly_with_the_organisations(monkeypatch: pytest.MonkeyPatch) -> None:
    """10,000 organisations of one person took over 15 minutes when each organisation's heading counted its
    people over the whole list: the work, counted in organisation comparisons, now doubles with the list."""
    folded: list[str] = []

    def counted(attendee: Attendee) -> str:
        folded.append(attendee.id)
        return fold(attendee.organisation)

    monkeypatch.setattr(Attendee, "organisation_key", property(counted))

    def comparisons(count: int) -> int:
        people = tuple(Attendee(f"p{i}", f"Personne {i}", f"Structure {i}") for i in range(count))
        tables = tuple(SeatedTable(t + 1, tuple(p.id for p in people[t :: count // 4])) for t in range(count // 4))
        folded.clear()
        master_plan.master_plan_pdf(Plan(people, (PlannedRound(1, tables),), Event(date="2026-12-08")))
        return len(folded)

    small, large = comparisons(80), comparisons(160)
    assert large <= 2.2 * small, (small, large)


def test_an_itinerarys_foot_wraps_a_long_place_instead_of_cutting_it() -> None:
    place = "Maison de l'emploi et de la formation du Grand Ouest, salle du conseil, deuxième étage"
    plan = replace(make_plan(8), event=replace(make_plan(8).event, location=place))
    text = normalised(" ".join(pdf_pages(itineraries.itineraries_pdf(plan))))
    assert normalised(place) in text and "…" not in text


@pytest.mark.parametrize("count", [79, 82, 88])
def test_an_organisations_heading_never_ends_a_page_of_the_master_plan(count: int) -> None:
    """At these head counts a page of the master plan used to end on an organisation's heading, its
    people on the next page: now each heading is followed, on its own page, by its first person."""
    plan = make_plan(count)
    pages = [normalised(text) for text in pdf_pages(master_plan.master_plan_pdf(plan))]
    assert len(pages) > 1
    people = plan.by_id()
    heads = Counter(person.organisation_key for person in plan.attendees)
    first_of: dict[str, Attendee] = {}
    for attendee_id in by_organisation_then_name(plan):
        first_of.setdefault(people[attendee_id].organisation_key, people[attendee_id])
    for key, first in first_of.items():
        heading = t("{organisation} ({count})", organisation=first.organisation, count=heads[key])
        opening = normalised(french_spacing(f"{heading} {first.name}"))
        assert sum(opening in page for page in pages) == 1, opening


ARABIC_NAME = "محمد عبد الله"
"""Muhammad Abdullah: the letters join, the words run right to left, and "الله" has a ligature DejaVu Sans lacks."""
HEBREW_NAME = "שרה כהן"


def test_arabic_letters_join_and_right_to_left_names_read_right_to_left() -> None:
    """reportlab draws code points one by one, left to right: Arabic came out as unjoined letters, each word spelt
    backwards, and Hebrew backwards; `visual` gives the joined forms in the order they are drawn."""
    assert visual("محمد") == "\ufeaa\ufee4\ufea4\ufee3"  # final dal, medial meem, medial hah, initial meem
    assert visual(HEBREW_NAME) == "ןהכ הרש"
    assert visual(f"{HEBREW_NAME} (כהן)") == "(ןהכ) ןהכ הרש"  # brackets face the text they enclose
    assert visual(f"Anne ({HEBREW_NAME})") == "Anne (ןהכ הרש)"
    assert visual("Centre محمد (Lens)") == "Centre \ufeaa\ufee4\ufea4\ufee3 (Lens)"
    assert visual(LONG_NAMES[1]) == LONG_NAMES[1]
    assert visual("Ame\u0301lie Nguye\u0302\u0303n") == "Amélie Nguyễn"  # marks typed apart, drawn on their letter
    assert unprintable(visual(ARABIC_NAME)) == set()


def test_right_to_left_names_print_joined_in_every_document(tmp_path: Path) -> None:
    plan = make_plan(8)
    people = tuple(
        Attendee(a.id, (ARABIC_NAME, HEBREW_NAME)[i], "جمعية النور" if i == 0 else a.organisation) if i < 2 else a
        for i, a in enumerate(plan.attendees)
    )
    plan = Plan(people, plan.rounds, plan.event, plan.quality)
    for name, data in printed(plan, tmp_path).items():
        if name == "agenda.pdf":
            continue
        text = normalised(" ".join(pdf_pages(data)))
        # pypdf puts right-to-left text back in reading order, and NFKC turns joined forms back into letters
        for written in (ARABIC_NAME, HEBREW_NAME, "جمعية النور"):
            assert written in unicodedata.normalize("NFKC", text), (name, written)
        assert ARABIC_NAME not in text, "drawn as joined forms, not as the letters one by one"


def test_a_page_of_the_master_plan_opening_inside_an_organisation_repeats_its_heading() -> None:
    """Forty people of one organisation run over a page: the next page used to open on names with nothing to say
    whose they were; now it opens on the organisation's heading, marked as continued."""
    people = tuple(Attendee(f"p{i:03d}", f"Personne {i:03d}", ORGANISATIONS[i % 3]) for i in range(120))
    tables = tuple(SeatedTable(n + 1, tuple(p.id for p in people[n::30])) for n in range(30))
    plan = Plan(people, (PlannedRound(1, tables, None, "08:45", "08:55"),), Event(date="2026-12-08"))
    pages = [normalised(text) for text in pdf_pages(master_plan.master_plan_pdf(plan))]
    assert len(pages) >= 3
    by_name = {person.name: person for person in people}
    continued = 0
    for page in pages[1:]:
        rows = page[page.index("08:45") + len("08:45 ") :]
        first = by_name[min(by_name, key=lambda name: rows.find(name) % (len(rows) + 1))]
        heading = rows[: rows.index(first.name)].strip()
        expected = {
            t("{organisation} ({count})", organisation=first.organisation, count=40),
            t("{organisation} ({count}, continued)", organisation=first.organisation, count=40),
        }
        assert heading in expected, (heading, first.name)
        continued += "suite" in heading
    assert continued >= 1


def test_a_long_title_gives_way_to_the_place_at_the_foot_of_cards() -> None:
    """A long title and a long place together lost the end of the place to an ellipsis on every itinerary and
    table card: the title (printed large on the agenda and the master plan) now gives way to the place."""
    event = replace(
        make_plan(8).event,
        title="Petit-déjeuner des partenaires de l'emploi, de l'insertion et de la formation professionnelle du "
        "bassin de Lens-Liévin-Hénin-Carvin",
        location="Centre d'information sur les droits des femmes et des familles du Pas-de-Calais, 12 rue de la "
        "République, salle polyvalente du rez-de-chaussée",
    )
    plan = replace(make_plan(8), event=event)
    for document in (itineraries.itineraries_pdf(plan), table_cards_pdf(plan)):
        text = normalised(" ".join(pdf_pages(document)))
        assert normalised(event.location) in text and "…" not in text


def test_long_organisations_print_whole_on_cards_of_six_tables() -> None:
    """Three people to a row (tables of 5 or 6), a long organisation lost its end to an ellipsis on the table card."""
    event = Event(title="Petit-déjeuner", date="2026-12-08", table_size=6, themes=DEFAULT_THEMES)
    people = attendees(18)
    plan = Plan(people, seated(people, 5, event), event)
    text = normalised(" ".join(pdf_pages(table_cards_pdf(plan))))
    assert normalised(french_spacing(LONG_ORGANISATION)) in text and "…" not in text
