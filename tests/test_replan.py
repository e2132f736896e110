"""Re-planning on the day: frozen rounds untouched, the room as it is, few moves, constraints kept."""

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from speeddating.cli.replan_commands import default_folder
from speeddating.constraints import OrganiserConstraints, organiser_constraints
from speeddating.event import Event
from speeddating.i18n import use_language
from speeddating.plan import Plan, plan_to_dict, read_plan, write_plan
from speeddating.planning import build_plan, problem_for
from speeddating.replan import Move, ReplanError, replan, session_table_size, table_numbers
from speeddating.roster import Attendee
from speeddating.session import ReplanOptions, Result, replan_session, revision_of
from speeddating.solver import solve
from speeddating.text import fold
from speeddating.wording import change_lines, move_lines, room_lines
from tests.conftest import CheckPlan
from tests.helpers import people, replanned, reprint_list, run_cli, solved_plan, write_attendees


def seats(plan: Plan, attendee_id: str) -> list[int | None]:
    return [table.number if table else None for _, table in plan.itinerary(attendee_id)]


@pytest.fixture(scope="module")
def plan24() -> Plan:
    return solved_plan(people(24, 6), 5)


def test_frozen_rounds_are_unchanged_byte_for_byte(plan24: Plan) -> None:
    absent = [plan24.attendee("p03"), plan24.attendee("p10")]
    added = [Attendee("", "Nouvelle Venue", "Org 9")]
    new, _ = replanned(plan24, 3, absent, added, time_limit=1, revised_at="2026-12-08T08:40")
    before, after = plan_to_dict(plan24)["rounds"], plan_to_dict(new)["rounds"]
    assert json.dumps(after[:2], ensure_ascii=False) == json.dumps(before[:2], ensure_ascii=False)
    assert [r["number"] for r in after] == [1, 2, 3, 4, 5]
    assert [(r["start"], r["end"]) for r in after] == [(r["start"], r["end"]) for r in before]
    assert new.version == 2 and new.revised_at == "2026-12-08T08:40"


def test_absent_people_sit_nowhere_and_newcomers_everywhere_from_k(
    plan24: Plan, tmp_path: Path, check_plan: CheckPlan
) -> None:
    absent = [plan24.attendee("p03"), plan24.attendee("p10"), plan24.attendee("p11")]
    added = [Attendee("", "Late One", "Org 7"), Attendee("", "Late Two", "Org 8", "two@example.org")]
    new, moves = replanned(plan24, 3, absent, added, time_limit=1)
    newcomers = [a for a in new.attendees if a.name.startswith("Late")]
    assert [a.id for a in newcomers] == ["p25", "p26"] and newcomers[1].email == "two@example.org"
    for a in absent:
        assert seats(new, a.id)[2:] == [None, None, None] and seats(new, a.id)[:2] == seats(plan24, a.id)[:2]
    for a in newcomers:
        assert seats(new, a.id)[:2] == [None, None] and None not in seats(new, a.id)[2:]
    for rnd in new.rounds[2:]:
        assert sum(len(t.attendees) for t in rnd.tables) == 23
        assert all(3 <= len(t.attendees) <= 4 for t in rnd.tables)
    write_plan(new, tmp_path / "plan.json")
    figures = check_plan(tmp_path / "plan.json", "--allow-absent")
    assert figures["valid"], figures["errors"]
    assert new.quality is not None
    assert figures["repeat_pairs"] == new.quality.repeat_pairs
    assert figures["distinct_new_pairs"] == new.quality.distinct_new_pairs
    leaving = {(m.attendee_id, m.round) for m in moves if m.after is None}
    assert leaving == {(a.id, r) for a in absent for r in (3, 4, 5)}


def test_nothing_changed_means_nobody_moves(plan24: Plan) -> None:
    new, moves = replanned(plan24, 2, time_limit=1)
    assert moves == ()
    assert plan_to_dict(new)["rounds"] == plan_to_dict(plan24)["rounds"]


def test_one_absentee_moves_few_people(plan24: Plan) -> None:
    new, moves = replanned(plan24, 4, [plan24.attendee("p05")], time_limit=1)
    moved = {m.attendee_id for m in moves}
    assert "p05" in moved and len(moved) <= 1 + 2 * 4
    old_tables = {t.number for t in plan24.rounds[3].tables}
    assert {t.number for t in new.rounds[3].tables} <= old_tables


@pytest.mark.slow
def test_an_absentee_at_a_full_table_moves_few_people_when_that_costs_nothing() -> None:
    original = solved_plan(people(22, 5), 6)
    absentee = next(t for t in original.rounds[2].tables if len(t.attendees) == 4).attendees[0]
    _, moves = replanned(original, 3, [original.attendee(absentee)], time_limit=2)
    assert {(m.attendee_id, m.round) for m in moves if m.after is None} == {(absentee, r) for r in range(3, 7)}
    assert len(moves) <= 4 + 4 and len({m.attendee_id for m in moves}) <= 3, move_lines(moves)


def test_newcomers_take_the_plans_spelling_of_their_organisation(plan24: Plan) -> None:
    new, _ = replanned(
        plan24, 3, added=[Attendee("", "Late One", "ORG  3"), Attendee("", "Late Two", "Org Neuve")], time_limit=0.5
    )
    assert [a.organisation for a in new.attendees[-2:]] == ["Org 3", "Org Neuve"]


def test_a_newcomer_whose_organisation_is_written_another_way_is_a_colleague() -> None:
    """The list said "Mission Locale du Blaisois", the late arrival "ML Blois": one organisation, kept apart."""
    names = ["Mission Locale du Blaisois", "CIDFF", "CIO", "Cap emploi"]
    plan = solved_plan([replace(a, organisation=names[int(a.organisation[-1]) % 4]) for a in people(12, 4)], 3)
    new, _ = replanned(plan, 2, added=[Attendee("", "Anne Martin", "ML Blois")], time_limit=0.5)
    assert new.attendees[-1].organisation == "Mission Locale du Blaisois"
    assert new.quality is not None and new.quality.same_org_pairs == 0


def test_someone_who_left_can_come_back(plan24: Plan) -> None:
    left, _ = replanned(plan24, 2, [plan24.attendee("p07")], time_limit=1)
    back, moves = replanned(left, 4, added=[Attendee("", "person 07", "org 0")], time_limit=1)
    assert len(back.attendees) == 24 and back.version == 3
    assert seats(back, "p07")[1:3] == [None, None] and None not in seats(back, "p07")[3:]
    assert {m.attendee_id for m in moves if m.before is None} == {"p07"}


def test_someone_added_without_the_email_of_the_list_is_recognised_not_seated_twice(plan24: Plan) -> None:
    """The list gave Person 05 an email, the --add line none: the same person, absent from round 2 then back."""
    listed = replace(plan24, attendees=tuple(replace(a, email=f"{a.id}@example.org") for a in plan24.attendees))
    left, _ = replanned(listed, 2, [listed.attendee("p05")], time_limit=1)
    with pytest.raises(ReplanError, match="déjà dans le plan à chaque tour restant"):
        replanned(listed, 3, added=[Attendee("", "Person 06", "Org 5")], time_limit=1)
    back, _ = replanned(left, 3, added=[Attendee("", "Person 05", "Org 4")], time_limit=1)
    assert len(back.attendees) == 24 and None not in seats(back, "p05")[2:]


def test_refusals(plan24: Plan) -> None:
    with use_language("en"):
        with pytest.raises(ReplanError, match="give a round from 1 to 5"):
            replan(plan24, 6)
        with pytest.raises(ReplanError, match=r"already in the plan.*--add or the --add-file file"):
            replan(plan24, 2, added=[Attendee("", "Person 01", "Org 0")])
        with pytest.raises(ReplanError, match="added twice"):
            replan(plan24, 2, added=[Attendee("", "X Y", "Z"), Attendee("", "x  y", "z")])
        left, _ = replanned(plan24, 2, [plan24.attendee("p07")], time_limit=1)
        with pytest.raises(ReplanError, match="both absent and added: Person 07"):
            replan(left, 3, [left.attendee("p07")], [Attendee("", "Person 07", "Org 0")])


def test_stays_seated_and_hosts_keep_one_table_number_all_session() -> None:
    attendees = people(20, 5, reste_assis={0: "oui"}, animateur={6: "oui", 12: "oui"})
    constraints = organiser_constraints(attendees)
    original = solved_plan(attendees, 5, constraints)
    fixed = ("p01", "p07", "p13")
    for x in fixed:
        assert len(set(seats(original, x))) == 1
    absent = [original.attendee("p02"), original.attendee("p03"), original.attendee("p13")]
    new, _ = replanned(
        original, 3, absent, [Attendee("", "New Host", "Org 9", attributes=(("host", "oui"),))], time_limit=1
    )
    for x in ("p01", "p07"):
        assert len(set(seats(new, x))) == 1, seats(new, x)
    assert seats(new, "p13")[2:] == [None, None, None]
    host_tables = [set(seats(new, x)[2:]) for x in ("p01", "p07", "p21")]
    assert all(len(s) == 1 for s in host_tables) and len(set.union(*host_tables)) == 3


def test_keep_apart_pairs_never_share_a_table_after_k(plan24: Plan) -> None:
    apart = frozenset({("p01", "p02"), ("p03", "p04"), ("p05", "p06")})
    new, _, _ = replan(plan24, 2, constraints_of=lambda _: OrganiserConstraints(keep_apart=apart), time_limit=1)
    for rnd in new.rounds[1:]:
        for table in rnd.tables:
            assert not any({a, b} <= set(table.attendees) for a, b in apart)


def test_table_numbers_keep_people_at_their_number_and_honour_anchors() -> None:
    old = {1: [0, 1, 2], 2: [3, 4, 5], 3: [6, 7, 8]}
    assert table_numbers([[3, 4, 9], [6, 7, 8], [0, 1, 2]], old, {}) == [2, 3, 1]
    assert table_numbers([[3, 4, 9], [6, 7, 8], [0, 1, 2]], old, {0: 3}) == [3, 2, 1]
    assert table_numbers([[0, 1], [3, 4]], {5: [0, 1], 6: [3, 9]}, {}) == [5, 6]


def test_table_size_is_read_from_the_plan() -> None:
    plan = solved_plan(people(15, 5), 2)
    assert session_table_size(plan) == 4
    assert session_table_size(plan_with_size(people(15, 5), 5)) == 5


def plan_with_size(attendees: list[Attendee], size: int) -> Plan:
    result = solve(problem_for(attendees, 2, size), time_limit=1, seed=0, workers=1)
    return build_plan(attendees, Event(), result)


def test_reprint_list_tells_homonyms_apart_and_sorts_accents_as_letters() -> None:
    names = ["Zoé Zola", "Anne Martin", "Élodie Faure", "Anne Martin", "Bruno Blanc", "Yves Roux"]
    attendees = [replace(a, name=names[i] if i < len(names) else a.name) for i, a in enumerate(people(12, 6))]
    before = solved_plan(attendees, 2)
    tables = before.rounds[1].tables
    swapped = tuple(replace(t, attendees=tables[(i + 1) % len(tables)].attendees) for i, t in enumerate(tables))
    after = replace(before, rounds=(before.rounds[0], replace(before.rounds[1], tables=swapped)))
    with use_language("en"):
        revised = Result(after, revision=revision_of(before, after, 2))
        listed = reprint_list(change_lines(revised), "Itinerary cards")
    assert len(listed) == 12 and listed == sorted(listed, key=fold)
    assert listed[:4] == ["Anne Martin (Org 1)", "Anne Martin (Org 3)", "Bruno Blanc", "Élodie Faure"]
    assert listed[-1] == "Zoé Zola"


def test_a_table_whose_company_stays_lists_it_in_the_same_order_and_needs_no_new_card() -> None:
    """The re-plan listed each table's people in index order, not the printed one: on 150 people, one
    absentee and one arrival asked to reprint all 38 table cards, where 5 had new company."""
    printed = solved_plan(people(60, 8), 4)
    from_round = 2
    absentee_and_arrival = ReplanOptions(from_round, ("p03",), added=(Attendee("", "Paul", "Org 1"),))
    with_absentee = replan_session(printed, absentee_and_arrival)
    revision = with_absentee.revision
    assert revision is not None
    changed, kept = set(), 0
    replanned = slice(from_round - 1, None)  # rounds are numbered from 1
    for old, new in zip(printed.rounds[replanned], with_absentee.plan.rounds[replanned], strict=True):
        for table in new.tables:
            was = next(t.attendees for t in old.tables if t.number == table.number)
            if set(was) == set(table.attendees):
                assert table.attendees == was
                kept += 1
            else:
                changed.add(table.number)
    assert kept and set(revision.tables_to_reprint) == changed


def test_someone_who_loses_or_takes_a_seat_is_listed_once_with_the_rounds() -> None:
    """An absentee was listed once per round ("table 3 → no table (round 2)", "(round 3)"…), and so was a
    late arrival: in a room of 150, the organiser reads one line per person, with the rounds."""
    moves = [
        Move("p02", "Bruno", 2, 1, None),
        Move("p01", "Anne", 2, 3, 5),
        Move("p09", "Paul", 2, None, 4),
        Move("p02", "Bruno", 3, 4, None),
        Move("p03", "Chloé", 3, 2, None),
        Move("p09", "Paul", 3, None, 6),
        Move("p02", "Bruno", 4, 2, None),
        Move("p01", "Anne", 4, None, 2),
        Move("p09", "Paul", 4, None, 4),
    ]
    with use_language("en"):
        assert move_lines(moves) == [
            "Bruno: no table in rounds 2 to 4",
            "Anne: table 3 → table 5 in round 2; no table → table 2 in round 4",
            "Paul: no table → table 4 in rounds 2, 4; table 6 in round 3",
            "Chloé: no table in round 3",
        ]
    with use_language("fr"):
        assert move_lines(moves)[1:4] == [
            "Anne : table 3 → table 5 au tour 2 ; sans table → table 2 au tour 4",
            "Paul : sans table → table 4 aux tours 2, 4 ; table 6 au tour 3",
            "Chloé : sans table au tour 3",
        ]


def test_someone_who_changes_tables_in_several_rounds_is_listed_once() -> None:
    """A person moved to another table in rounds 3 and 4 had a line in each round, far apart in a list of
    150 (someone marked as staying seated, at a new table in every round, had five); the absentees of the
    same rounds had one line each: one line per person, the tables they go to with their rounds, and one
    line for those absentees."""
    moves = [
        Move("p05", "Élodie", 3, 2, None),
        Move("p01", "Anne", 3, 3, 5),
        Move("p08", "Marc", 3, 4, 9),
        Move("p07", "Zoé", 3, 1, None),
        Move("p05", "Élodie", 4, 6, None),
        Move("p01", "Anne", 4, 3, 5),
        Move("p08", "Marc", 4, 6, 9),
        Move("p07", "Zoé", 4, 8, None),
        Move("p01", "Anne", 5, 2, 7),
        Move("p05", "Élodie", 5, 4, None),
        Move("p07", "Zoé", 5, 9, None),
        Move("p01", "Anne", 6, 3, 5),
    ]
    with use_language("en"):
        assert move_lines(moves) == [
            "Élodie, Zoé: no table in rounds 3 to 5",
            "Anne: table 3 → table 5 in rounds 3, 4, 6; table 2 → table 7 in round 5",
            "Marc: tables 4, 6 → table 9 in rounds 3, 4",
        ]
    with use_language("fr"):
        assert move_lines(moves) == [
            "Élodie, Zoé : sans table aux tours 3 à 5",
            "Anne : table 3 → table 5 aux tours 3, 4, 6 ; table 2 → table 7 au tour 5",
            "Marc : tables 4, 6 → table 9 aux tours 3, 4",
        ]


def test_cli_replan_end_to_end(plan24: Plan, tmp_path: Path, check_plan: CheckPlan) -> None:
    write_plan(plan24, tmp_path / "plan.json")
    newcomers = tmp_path / "late.csv"
    newcomers.write_text("nom;structure\nZoé Late;Org 8\nYves Tard;Org 9\n", encoding="utf-8")
    code, out, err = run_cli(
        "--lang",
        "en",
        "replan",
        str(tmp_path / "plan.json"),
        "--from-round",
        "3",
        "--absent",
        "person 03",
        "--absent",
        "P10",
        "--add",
        "Late Arrival,Org 7,late@example.org",
        "--add-file",
        str(newcomers),
        "--time-limit",
        "1",
        "--out",
        str(tmp_path / "v2"),
        "--quiet",
    )
    assert code == 0, err
    assert "  Person 03, Person 10: no table in rounds 3 to 5\n" in out and out.count("no table in") == 1
    assert out.count("Late Arrival: no table → table ") == 1  # in who moves where, once for all its rounds
    assert "  Late Arrival: a late arrival's first card\n" in out  # and in the cards to reprint
    assert "Zoé Late: no table → table " in out
    figures = check_plan(tmp_path / "v2" / "plan.json", "--allow-absent")
    assert figures["valid"] and figures["attendees"] == 27
    saved = json.loads((tmp_path / "v2" / "plan.json").read_text(encoding="utf-8"))
    assert saved["version"] == 2 and saved["rounds"][:2] == plan_to_dict(plan24)["rounds"][:2]


def test_cli_refuses_ambiguous_and_unknown_names(plan24: Plan, tmp_path: Path) -> None:
    write_plan(plan24, tmp_path / "plan.json")
    code, out, err = run_cli(
        "--lang",
        "en",
        "replan",
        str(tmp_path / "plan.json"),
        "--from-round",
        "2",
        "--absent",
        "Person 1",
        "--absent",
        "Zebulon",
        "--out",
        str(tmp_path / "v2"),
    )
    assert code == 2 and "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert "'Person 1' could be several people" in lines[0] and "Person 10 (Org 3, p10)" in lines[0]
    assert "'Zebulon' matches nobody" in lines[1]
    assert not (tmp_path / "v2").exists()


def test_cli_refuses_a_bad_added_person(plan24: Plan, tmp_path: Path) -> None:
    write_plan(plan24, tmp_path / "plan.json")
    code, _, err = run_cli(
        "--lang",
        "en",
        "replan",
        str(tmp_path / "plan.json"),
        "--from-round",
        "2",
        "--add",
        "Only A Name",
        "--out",
        str(tmp_path / "v2"),
    )
    assert code == 2 and "Only A Name" in err and len(err.strip().splitlines()) == 1
    code, _, err = run_cli("replan", str(tmp_path / "plan.json"), "--from-round", "2", "--add", "X,Org,not-an-email")
    assert code == 2 and err.strip().splitlines() == [
        "Erreur : --add « X,Org,not-an-email » : not-an-email n'est pas une adresse e-mail (forme attendue : "
        "prenom.nom@exemple.fr). Corrigez-la ou retirez-la."
    ]


def test_cli_json_and_default_folder(plan24: Plan, tmp_path: Path) -> None:
    folder = tmp_path / "plan-2026-12-08"
    folder.mkdir()
    write_plan(plan24, folder / "plan.json")
    code, out, err = run_cli(
        "replan",
        str(folder / "plan.json"),
        "--from-round",
        "4",
        "--absent",
        "p05",
        "--time-limit",
        "1",
        "--no-history",
        "--json",
        "--quiet",
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["version"] == 2
    leaving = {(m["attendee_id"], m["round"], m["after"]) for m in summary["moves"]}
    assert leaving >= {("p05", 4, None), ("p05", 5, None)}
    assert (tmp_path / "plan-2026-12-08-v2" / "plan.json").is_file()
    assert default_folder(tmp_path / "plan-2026-12-08-v2" / "plan.json", 3) == (tmp_path / "plan-2026-12-08-v3", 3)


def _company(plan: Plan, round_number: int, table_number: int) -> set[str]:
    table = next((t for t in plan.rounds[round_number - 1].tables if t.number == table_number), None)
    return set(table.attendees) if table else set()


def _rounds_named(reason: str) -> set[int]:
    """The round numbers a reason puts in brackets: "(rounds 4, 5)" and "(tours 4, 5)" are {4, 5}."""
    groups = re.findall(r"\((?:rounds?|tours?) ([^)]*)\)", reason)
    return {int(number) for group in groups for number in re.findall(r"\d+", group)}


def test_cli_json_says_why_each_card_is_reprinted_in_the_cli_language(plan24: Plan, tmp_path: Path) -> None:
    """`replan --json` gives each card to reprint with its reason, as the text report does: the newcomer's first
    card, each table's reason naming exactly the rounds whose company changed; in English with --lang en and in
    French by default, beside the keys it always had."""
    write_plan(plan24, tmp_path / "plan.json")
    common = ["--from-round", "4", "--absent", "p05", "--add", "Late One,Org 2", "--time-limit", "1"]
    common += ["--no-history", "--json", "--quiet"]
    summaries = {}
    for language in ("en", "fr"):
        args = ["replan", str(tmp_path / "plan.json"), *common, "--out", str(tmp_path / language)]
        code, out, err = run_cli(*(["--lang", "en", *args] if language == "en" else args))
        assert code == 0, err
        summaries[language] = json.loads(out)
    english, french = summaries["en"], summaries["fr"]
    assert {"version", "moves", "present", "tables_to_reprint", "tables_unused"} <= english.keys()
    after = read_plan(tmp_path / "en" / "plan.json")
    tables = english["table_reprint_reasons"]
    assert list(tables) == [str(number) for number in english["tables_to_reprint"]] and tables
    for number, reason in tables.items():
        changed = {r for r in range(4, 6) if _company(plan24, r, int(number)) != _company(after, r, int(number))}
        assert changed and _rounds_named(reason) == changed, (number, reason)
    cards = {card["id"]: card for card in english["itineraries_to_reprint"]}
    late = next(a for a in after.attendees if a.name == "Late One")
    assert cards.pop(late.id) == {"id": late.id, "name": "Late One", "reason": "a late arrival's first card"}
    moved = {(m["attendee_id"], m["round"]) for m in english["moves"] if m["before"] and m["after"]}
    assert cards and {x for x, _ in moved} == set(cards)
    for x, card in cards.items():
        assert card["name"] == after.attendee(x).name
        assert card["reason"].startswith("another table") and _rounds_named(card["reason"]) == {
            number for person, number in moved if person == x
        }
    assert french["tables_to_reprint"] == english["tables_to_reprint"], "the same seed gives the same plan"
    assert [card["id"] for card in french["itineraries_to_reprint"]] == [
        card["id"] for card in english["itineraries_to_reprint"]
    ]
    assert "première carte d'une arrivée" in {card["reason"] for card in french["itineraries_to_reprint"]}
    assert all("(tour" in reason and "round" not in reason for reason in french["table_reprint_reasons"].values())


def test_cli_never_overwrites_an_earlier_version(plan24: Plan, tmp_path: Path) -> None:
    write_plan(plan24, tmp_path / "v1" / "plan.json")
    common = ["--time-limit", "0.5", "--no-history", "--quiet"]
    assert (
        run_cli("replan", str(tmp_path / "v1" / "plan.json"), "--from-round", "2", "--absent", "p05", *common)[0] == 0
    )
    printed = (tmp_path / "v1-v2" / "plan.json").read_bytes()
    code, _, err = run_cli(
        "replan", str(tmp_path / "v1" / "plan.json"), "--from-round", "4", "--absent", "p06", *common
    )
    assert code == 0, err
    assert (tmp_path / "v1-v2" / "plan.json").read_bytes() == printed
    third = read_plan(tmp_path / "v1-v3" / "plan.json")
    assert third.rounds[3].table_of("p06") is None
    assert third.version == 3, "v1 re-planned again goes to -v3, and its cards say v3, not a second v2"
    db = str(tmp_path / "history.db")
    assert run_cli("history", "add", str(tmp_path / "v1-v2" / "plan.json"), "--history", db).code == 0
    replaced = run_cli("history", "add", str(tmp_path / "v1-v3" / "plan.json"), "--history", db, "--replace")
    assert replaced.code == 0, replaced.err
    code, out, err = run_cli(
        "--lang",
        "en",
        "replan",
        str(tmp_path / "v1" / "plan.json"),
        "--from-round",
        "4",
        "--out",
        str(tmp_path / "v1-v2"),
        *common,
    )
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--force" in err and "Traceback" not in out + err
    assert (tmp_path / "v1-v2" / "plan.json").read_bytes() == printed
    code, _, err = run_cli(
        "replan",
        str(tmp_path / "v1" / "plan.json"),
        "--from-round",
        "4",
        "--out",
        str(tmp_path / "v1-v2"),
        "--force",
        *common,
    )
    assert code == 0, err
    assert (tmp_path / "v1-v2" / "plan.json").read_bytes() != printed


def test_the_tables_left_empty_are_listed_as_the_language_punctuates() -> None:
    """French puts a space before a semicolon, as the rest of the report does ("tour 3 : table 2 ; tour 4 : ...");
    this line was joined with "; " in both languages."""
    original = solved_plan(people(12, 4), 4)
    result = replan_session(original, ReplanOptions(3, ("p01", "p02", "p03", "p04"), time_limit=0.5))
    with use_language("fr"):
        empty = next(line for line in room_lines(result) if line.startswith("Tables qui restent vides"))
    assert empty.count("tour ") == 2 and " ; tour 4" in empty


def test_cli_summary_tells_the_room_as_it_is_from_k(tmp_path: Path) -> None:
    attendees = people(12, 4, animateur={0: "oui", 5: "oui"})
    original = solved_plan(attendees, 4, organiser_constraints(attendees))
    write_plan(original, tmp_path / "v1" / "plan.json")
    absent = [arg for x in ("p01", "p02", "p03", "p04") for arg in ("--absent", x)]
    code, out, err = run_cli(
        "--lang",
        "en",
        "replan",
        str(tmp_path / "v1" / "plan.json"),
        "--from-round",
        "3",
        *absent,
        "--time-limit",
        "0.5",
        "--no-history",
        "--quiet",
    )
    assert code == 0, err
    assert "Present from round 3: 8 (of 12 people listed in all)" in out
    hosts = next(line for line in out.splitlines() if line.startswith("Table hosts"))
    assert "Person 06" in hosts and "Person 01" not in hosts
    after = read_plan(tmp_path / "v1-v2" / "plan.json")
    empty = {
        r.number: sorted({t.number for t in before.tables} - {t.number for t in r.tables})
        for before, r in zip(original.rounds[2:], after.rounds[2:], strict=True)
    }
    assert all(len(numbers) == 1 for numbers in empty.values())
    assert f"Tables left empty: round 3: table {empty[3][0]}; round 4: table {empty[4][0]}" in out
    assert len(reprint_list(out.splitlines(), "Table cards to reprint")) <= 3


def test_a_round_left_with_fewer_than_two_people_is_refused(plan24: Plan) -> None:
    with use_language("en"), pytest.raises(ReplanError, match="in round 3 only 1 person"):
        replan(plan24, 3, [a for a in plan24.attendees if a.id != "p01"], time_limit=0.5)
    with use_language("en"), pytest.raises(ReplanError, match="in round 2 only 0 people would"):
        replan(plan24, 2, plan24.attendees, time_limit=0.5)


def test_pairs_kept_apart_at_planning_still_hold_when_replanning_without_the_file(tmp_path: Path) -> None:
    attendees = write_attendees(tmp_path, 24, 6, name="Person", organisation="Org")
    apart = tmp_path / "apart.csv"
    apart.write_text("Person 00;Person 01\nPerson 02;Person 03\n", encoding="utf-8")
    code, _, err = run_cli(
        "plan",
        str(attendees),
        "--keep-apart",
        str(apart),
        "--rounds",
        "5",
        "--time-limit",
        "1",
        "--no-history",
        "--out",
        str(tmp_path / "v1"),
        "--quiet",
    )
    assert code == 0, err
    first = read_plan(tmp_path / "v1" / "plan.json")
    assert len(first.keep_apart) == 2
    code, _, err = run_cli(
        "replan",
        str(tmp_path / "v1" / "plan.json"),
        "--from-round",
        "2",
        "--absent",
        "Person 05",
        "--time-limit",
        "1",
        "--no-history",
        "--out",
        str(tmp_path / "v2"),
        "--quiet",
    )
    assert code == 0, err
    second = read_plan(tmp_path / "v2" / "plan.json")
    assert second.keep_apart == first.keep_apart
    for a, b in second.keep_apart:
        assert all(rnd.table_of(a) is None or rnd.table_of(a) != rnd.table_of(b) for rnd in second.rounds)


def test_a_single_latecomer_can_come_from_a_file(plan24: Plan, tmp_path: Path) -> None:
    write_plan(plan24, tmp_path / "plan.json")
    late = tmp_path / "late.csv"
    late.write_text("nom;structure\nZoé Late;Org 8\n", encoding="utf-8")
    code, out, err = run_cli(
        "replan",
        str(tmp_path / "plan.json"),
        "--from-round",
        "3",
        "--add-file",
        str(late),
        "--time-limit",
        "1",
        "--no-history",
        "--out",
        str(tmp_path / "v2"),
        "--quiet",
    )
    assert code == 0, err
    assert "Zoé Late : sans table → table" in out


def test_cli_host_keeps_one_table_from_k_and_is_listed(plan24: Plan, tmp_path: Path) -> None:
    """`replan --host NAME` (someone asked on the day to host a table): from that round on they keep one
    table, the others come to them, and the summary lists them with it."""
    write_plan(plan24, tmp_path / "v1" / "plan.json")
    host = plan24.attendees[4]
    assert len({seats(plan24, host.id)[r] for r in range(1, len(plan24.rounds))}) > 1, "they moved in the plan"
    code, out, err = run_cli(
        "--lang",
        "en",
        "replan",
        str(tmp_path / "v1" / "plan.json"),
        "--from-round",
        "2",
        "--host",
        host.name,
        "--time-limit",
        "0.5",
        "--no-history",
        "--quiet",
    )
    assert code == 0, err
    after = read_plan(tmp_path / "v1-v2" / "plan.json")
    kept = {seats(after, host.id)[r] for r in range(1, len(after.rounds))}
    assert len(kept) == 1 and None not in kept
    assert seats(after, host.id)[0] == seats(plan24, host.id)[0], "the round already held is kept"
    hosts = next(line for line in out.splitlines() if line.startswith("Table hosts"))
    assert f"{host.name} ({kept.pop()})" in hosts
