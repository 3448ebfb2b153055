"""Unknown names: capitalised runs, role words and appositions that make a name someone."""

from __future__ import annotations

import pytest

from framing.stages.actors import find_actors
from framing.stages.gazetteer import load_gazetteer
from framing.stages.unknown_names import Taken, apposition_kind, is_not_a_name, name_candidates

from .conftest import actors_in


def test_name_candidates_are_runs_of_capitalised_words() -> None:
    text = "Later Dmitri Orlov met Anna Berg."
    candidates = list(name_candidates(text, 0, len(text), Taken()))
    assert [c.words for c in candidates] == [("Dmitri", "Orlov"), ("Anna", "Berg")]  # "Later" opens the sentence
    assert all(text[c.start:c.end] == " ".join(c.words) for c in candidates)
    assert not list(name_candidates(text, 0, len(text), Taken([(6, 18), (23, 32)])))


def test_taken_overlaps() -> None:
    taken = Taken([(0, 5), (10, 15)])
    assert taken.overlaps(4, 6) and taken.overlaps(14, 20) and not taken.overlaps(5, 10)
    taken.add(5, 10)
    assert taken.overlaps(5, 10)


@pytest.mark.parametrize(("text", "expected"), [
    ("PriceFinder, a British comparison site, complained.", "organisation"),
    ("The Daily Herald, a tabloid, ran it.", "media"),
    ("Dmitri Orlov, a Danish economist, said no.", "person"),
    ("Orlov, who said no.", None),
    ("Press Freedom Watch Europe, a Vienna-based NGO that takes foreign money, objected.", "organisation"),
    ("Press Freedom Watch Europe, a Vienna-based monitor, objected.", "organisation"),
    ("Orlov, the Kremlin's chief economist, objected.", "person"),  # a capital word in it is no head
])
def test_apposition_kind(text: str, expected: str | None) -> None:
    assert apposition_kind(text, text.index(",")) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("Western", True), ("Sixty", True), ("The", True),
    ("NATO", False), ("Bush", False), ("Black Sea", False),  # an acronym, a surname, two words
])
def test_is_not_a_name(name: str, expected: bool) -> None:
    assert is_not_a_name(name) is expected


def test_unknown_person_and_later_surname() -> None:
    text = "Russian analyst Dmitri Trenin wrote a column. Later Trenin concluded that talks were over."
    assert [a for _, a in actors_in(text)] == ["Dmitri Trenin", "Dmitri Trenin"]


@pytest.mark.parametrize("text", [
    "The Deal That Never Was reveals a lot.",
    "Weapons such as Storm Shadow were sent.",
    "It happened on Monday Morning in Europe.",
])
def test_capitalised_common_words_are_not_people(text: str) -> None:
    assert not [m for m in find_actors(text, [(0, len(text))], load_gazetteer()) if m.kind == "person"]


def test_role_words_are_not_part_of_the_name() -> None:
    text = "Councilmember Tom Brandt said the vote was close."
    assert [a for _, a in actors_in(text)] == ["Tom Brandt"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Analyst J. R. Tolkaan said the plan would fail.", [("J. R. Tolkaan", "J. R. Tolkaan")]),
    ("Analyst J.R. Tolkaan said the plan would fail.", [("J.R. Tolkaan", "J.R. Tolkaan")]),
    ("Later Dmitri Orlov said the talks had stalled.", [("Dmitri Orlov", "Dmitri Orlov")]),
    ("Kane's lawyer Mira Halvorsen said no deal was near.", [("Kane", "Kane"), ("Mira Halvorsen", "Mira Halvorsen")]),
    ("The mayor met über Fan Ludo Brandt, who said little.", [("Fan Ludo Brandt", "Fan Ludo Brandt")]),
    ("Councilmember Tom Brandt said it. Brandt's office agreed.",
     [("Councilmember Tom Brandt", "Tom Brandt"), ("Brandt", "Tom Brandt")]),
    ("'Ana Lucia Ferreira said the vote was rigged.", [("Ana Lucia Ferreira", "Ana Lucia Ferreira")]),
    ("3M Chief Pia Varga said profits fell.", [("Chief Pia Varga", "Pia Varga")]),
    ("Minister Sven Aalto. Aalto said more.", [("Minister Sven Aalto", "Sven Aalto"), ("Aalto", "Sven Aalto")]),
])
def test_find_actors_names_across_initials_possessives_and_odd_capitals(text: str, expected: list[tuple[str, str]]) -> None:
    assert actors_in(text) == expected
