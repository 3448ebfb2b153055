"""Gazetteer: parsing actor rows, the shipped files, and users' files merged over them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import framing
from framing import LexiconError
from framing.stages.actors import find_actors
from framing.stages.gazetteer import load_gazetteer, parse_gazetteer


def test_gazetteer_is_large_and_has_every_kind() -> None:
    gazetteer = load_gazetteer()
    assert len(gazetteer.actors) >= 300
    assert {a.kind for a in gazetteer.actors} == {"person", "government", "state", "organisation", "media", "group"}


@pytest.mark.parametrize(("source", "message"), [
    ("actor\tkind\taliases\tplaces\tcountry\tnote\nX\tplanet\t\t\t\t\n", r"actors.tsv:2: kind 'planet'"),
    ("actor\tkind\taliases\tplaces\tcountry\tnote\nA\tperson\tAl\t\t\t\nB\tperson\tAl\t\t\t\n", r"actors.tsv:3: 'Al' already names 'A'"),
    ("actor\tkind\taliases\tplaces\tcountry\tnote\nA\tperson\t\t\t\t\t\tx\n", r"actors.tsv:2: 8 columns"),
])
def test_malformed_gazetteer(source: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_gazetteer(source)


def test_seat_alias_is_parsed_without_its_marker() -> None:
    gazetteer = parse_gazetteer("Ruritanian government\tgovernment\t@the Palace|Ruritanian officials\tStrelsau\tRuritania\t\n")
    actor = gazetteer.actor("Ruritanian government")
    assert actor is not None
    assert actor.aliases == ("the Palace", "Ruritanian officials") and actor.seats == ("the Palace",)
    text = "the Palace said no; Ruritanian officials agreed."
    assert [(m.text, m.is_metonym) for m in find_actors(text, [(0, len(text))], gazetteer)] == [
        ("the Palace", True), ("Ruritanian officials", False)]


def test_government_of_maps_a_countrys_actors_to_its_one_government() -> None:
    gazetteer = parse_gazetteer(
        "Ruritania\tstate\t\t\t\t\n"
        "Ruritanian government\tgovernment\tRuritanian officials\tStrelsau\tRuritania\t\n"
        "Rudolf Rassendyll\tperson\t\t\tRuritania\t\n"
        "Strelsau Gazette\tmedia\t\t\tRuritania\t\n"
        "Graustark\tstate\t\t\t\t\n")
    assert gazetteer.government_of == {"Ruritania": "Ruritanian government", "Rudolf Rassendyll": "Ruritanian government",
                                       "Ruritanian government": "Ruritanian government"}  # no media, no Graustark


def _user_file(tmp_path: Path, name: str, content: str) -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_user_gazetteer_rows_win_only_for_the_names_they_claim(tmp_path: Path) -> None:
    tsv = _user_file(tmp_path, "mine.tsv", "# my actors\n\nactor\tkind\taliases\tplaces\tcountry\tnote\n"
                                           "Tom Kane\tperson\tKane\tWashington\t\t\n")
    report = framing.analyze("Washington said no. The White House agreed. Kane spoke.", actors=[tsv])
    found = [(m.mention.text, m.mention.actor) for p in report.paragraphs for m in p.actors]
    assert ("Washington", "Tom Kane") in found and ("Kane", "Tom Kane") in found
    assert ("The White House", "U.S. government") in found  # the shipped row keeps its other forms


def test_user_gazetteer_json_takes_lists_of_aliases(tmp_path: Path) -> None:
    path = _user_file(tmp_path, "mine.json", json.dumps([{"actor": "Tom Kane", "kind": "person",
                                                          "aliases": ["Kane", "T. Kane"]}]))
    report = framing.analyze("T. Kane spoke, then Kane left.", actors=[path])
    assert [m.mention.actor for p in report.paragraphs for m in p.actors] == ["Tom Kane", "Tom Kane"]


@pytest.mark.parametrize(("name", "content", "where"), [
    ("bad.tsv", "actor\tkind\nRosa Quintal\twizard\n", "bad.tsv:2"),
    ("bad.json", json.dumps([{"actor": "Rosa Quintal", "kind": "person", "aliases": 3}]), "bad.json"),
])
def test_user_gazetteer_errors_name_the_users_file(tmp_path: Path, name: str, content: str, where: str) -> None:
    path = _user_file(tmp_path, name, content)
    with pytest.raises(framing.LexiconError, match=where.replace(".", r"\.")):
        framing.analyze("Rosa Quintal spoke.", actors=[path])


def test_a_missing_or_folder_actor_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(framing.LexiconError, match="no such actor file"):
        framing.analyze("Rosa Quintal spoke.", actors=[tmp_path / "absent.tsv"])
    with pytest.raises(framing.LexiconError, match="is a directory"):
        framing.analyze("Rosa Quintal spoke.", actors=[tmp_path])


def test_an_edited_user_gazetteer_is_read_again(tmp_path: Path) -> None:
    path = _user_file(tmp_path, "mine.tsv", "actor\tkind\taliases\tplaces\tcountry\tnote\nTom Kane\tperson\tKane\t\t\t\n")
    assert [a.actor for a in framing.analyze("Kane spoke.", actors=[path]).actors] == ["Tom Kane"]
    Path(path).write_text("actor\tkind\taliases\tplaces\tcountry\tnote\nKane Holdings\torganisation\tKane\t\t\t\n"
                          "# edited\n", encoding="utf-8")
    assert [a.actor for a in framing.analyze("Kane spoke.", actors=[path]).actors] == ["Kane Holdings"]


@pytest.mark.parametrize(("text", "actor"), [
    ("Russian officials said the talks failed.", "Russian government"),
    ("Dutch diplomats walked out.", "Dutch government"),
    ("Israeli officials declined to comment.", "Israeli government"),
])
def test_a_governments_officials_and_diplomats_name_it(text: str, actor: str) -> None:
    """Where "<demonym> authorities" names a government, its officials and diplomats do too."""
    import framing

    assert [a.actor for a in framing.analyze(text, format="text").actors] == [actor]


@pytest.mark.parametrize("text", [
    "Exiled Belarusian officials accused the regime of torture.",
    "Two former Russian officials were jailed for treason.",
])
def test_former_or_exiled_officials_are_no_government(text: str) -> None:
    import framing

    assert [a.actor for a in framing.analyze(text, format="text").actors if a.kind == "government"] == []

