"""Cheap, safe references: "the senator", "the company" -> the one compatible named actor."""

from __future__ import annotations

import pytest

import framing
from framing.model import ActorMention
from framing.stages.references import find_references


def _mention(text: str, surface: str, actor: str, kind: str) -> ActorMention:
    start = text.index(surface)
    return ActorMention(start, start + len(surface), surface, actor, kind)  # type: ignore[arg-type]


SENATE = "Senator Caleb Rourke met Rosa Quintal. The senator said the bill would pass."


@pytest.mark.parametrize(("text", "mentions", "expected"), [
    # the titled actor wins even with another person named
    (SENATE, [("Senator Caleb Rourke", "Caleb Rourke", "person"), ("Rosa Quintal", "Rosa Quintal", "person")],
     [("The senator", "Caleb Rourke")]),
    # one organisation so far: "the company" is it
    ("Halvard Energy declined to comment, but the company later appealed.",
     [("Halvard Energy", "Halvard Energy", "organisation")], [("the company", "Halvard Energy")]),
    # two organisations and no title: ambiguous, nothing
    ("Halvard Energy and Kane Holdings met; the company later appealed.",
     [("Halvard Energy", "Halvard Energy", "organisation"), ("Kane Holdings", "Kane Holdings", "organisation")], []),
    # two people, neither titled "minister": nothing
    ("Rosa Quintal met Li Wei. The minister left early.",
     [("Rosa Quintal", "Rosa Quintal", "person"), ("Li Wei", "Li Wei", "person")], []),
    # a reference before any compatible actor: nothing
    ("The senator arrived before Halvard Energy spoke.", [("Halvard Energy", "Halvard Energy", "organisation")], []),
    # the words after it say whose it is: the government the seat names (whose mention it is), not the
    # one named before; "the army in Ukraine" is the army named before, in a place
    ("Moscow denied it, according to the government in Kyiv.",
     [("Moscow", "Russian government", "government"), ("Kyiv", "Ukrainian government", "government")], []),
    ("Halvard Energy warned. The company in Ohio later denied it.",
     [("Halvard Energy", "Halvard Energy", "organisation"), ("Ohio", "Ohio", "state")],
     [("The company", "Halvard Energy")]),
    ("Senator Caleb Rourke spoke. The senator of Ohio left.",  # "of Ohio": not Rourke
     [("Senator Caleb Rourke", "Caleb Rourke", "person"), ("Ohio", "Ohio", "state")], []),
    # a deputy mayor is no mayor; "The mayor, Albert Casals," is the one set beside it, not one named before
    ("Said the deputy mayor, Jordi Serra. The mayor left early.",
     [("Jordi Serra", "Jordi Serra", "person")], []),
    ("Mayor Jordi Serra spoke. The mayor, Albert Casals, left.",
     [("Mayor Jordi Serra", "Jordi Serra", "person"), ("Albert Casals", "Albert Casals", "person")], []),
    # a comma that ends an adjunct is no apposition: "After talks with the mayor, Pedro Garcia said"
    ("Mayor Ada Colau met them. After talks with the mayor, Pedro Garcia said no.",
     [("Mayor Ada Colau", "Ada Colau", "person"), ("Pedro Garcia", "Pedro Garcia", "person")],
     [("the mayor", "Ada Colau")]),
    ("", [], []),
])
def test_find_references_links_only_unambiguous_nouns(text: str, mentions: list[tuple[str, str, str]],
                                                      expected: list[tuple[str, str]]) -> None:
    named = sorted((_mention(text, *m) for m in mentions), key=lambda m: m.start)
    found = find_references(text, [[(0, len(text))]] if text else [], named)
    assert [(r.text, r.actor) for r in found] == expected
    assert all(r.source == "reference" and text[r.start:r.end] == r.text for r in found)


def test_references_do_not_cross_sections() -> None:
    text = "Halvard Energy declined to comment.\n\nLater, the company appealed."
    named = [_mention(text, "Halvard Energy", "Halvard Energy", "organisation")]
    split = text.index("\n\n")
    assert find_references(text, [[(0, split)], [(split + 2, len(text))]], named) == ()
    assert len(find_references(text, [[(0, split), (split + 2, len(text))]], named)) == 1


@pytest.mark.parametrize(("text", "mentions"), [
    ("NATO met in Brussels. The bank raised rates and the union went on strike.", [("NATO", "NATO", "organisation")]),
    ("Senator Tom Kane spoke. The judge dismissed the case.", [("Senator Tom Kane", "Tom Kane", "person")]),
    ("Tom Kane backed the bill. The general election is in May.", [("Tom Kane", "Tom Kane", "person")]),
    ("Alder Court residents met. The council and the company refused.", [("Alder Court", "Alder Court", "organisation")]),
])
def test_find_references_never_guesses_a_noun_that_does_not_fit(text: str, mentions: list[tuple[str, str, str]]) -> None:
    named = [_mention(text, *m) for m in mentions]
    assert find_references(text, [[(0, len(text))]], named) == ()


def test_find_references_uses_name_words_and_company_suffixes() -> None:
    text = "The Westmere Housing Alliance sued. Later the alliance and the company met Kane Holdings, and the company won."
    named = [_mention(text, "Westmere Housing Alliance", "Westmere Housing Alliance", "organisation"),
             _mention(text, "Kane Holdings", "Kane Holdings", "organisation")]
    found = [(r.text, r.actor) for r in find_references(text, [[(0, len(text))]], named)]
    assert found == [("the alliance", "Westmere Housing Alliance"), ("the company", "Kane Holdings")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Terrana Alliance funds protests. The Alliance says the rules would hurt farms.",
     [("The Alliance", "Terrana Alliance")]),
    ("The Terrana Alliance funds protests. The Alliance Party disagreed.", []),  # a longer name
    ("The Terrana Alliance funds protests. The Alliance of Small Island States disagreed.", []),
    ("The Terrana Alliance funds protests. The Senate disagreed.", []),  # no word of the body named
    ("The Terrana Alliance funds protests. The Alliance leader disagreed.", []),  # a noun it modifies
])
def test_a_capitalised_word_of_a_body_named_before_is_that_body(text: str, expected: list[tuple[str, str]]) -> None:
    named = [_mention(text, "Terrana Alliance", "Terrana Alliance", "organisation")]
    found = [(r.text, r.actor) for r in find_references(text, [[(0, len(text))]], named)]
    assert found == expected


def test_find_references_is_linear_in_a_long_section() -> None:
    import time

    sentence = "Senator Caleb Rourke met Halvard Energy. The senator and the company agreed. "
    text = sentence * 4000
    named = []
    for index in range(4000):
        base = index * len(sentence)
        named.append(ActorMention(base, base + 20, "Senator Caleb Rourke", "Caleb Rourke", "person"))
        named.append(ActorMention(base + 25, base + 39, "Halvard Energy", "Halvard Energy", "organisation"))
    started = time.process_time()
    found = find_references(text, [[(0, len(text))]], named)
    assert len(found) == 8000
    assert time.process_time() - started < 5.0  # quadratic took minutes at this size


def test_nominal_institutions_are_actors_of_their_own_when_asked() -> None:
    text = "Halvard Energy and Kane Holdings met; the company later appealed. The ministry has forgotten the group of seven."
    named = [_mention(text, "Halvard Energy", "Halvard Energy", "organisation"),
             _mention(text, "Kane Holdings", "Kane Holdings", "organisation")]
    assert find_references(text, [[(0, len(text))]], named) == ()
    found = [(r.text, r.actor, r.kind, r.source) for r in find_references(text, [[(0, len(text))]], named, nominal=True)]
    assert found == [("the company", "the company", "organisation", "reference"),
                     ("The ministry", "the ministry", "organisation", "reference")]


@pytest.mark.parametrize(("text", "expected"), [
    ("We met at the party last night and danced.", []),
    ("The group stage ends on Friday. The court was wet after the rain.", []),
    ("The party said it would vote against the bill.", ["The party"]),
    ("Tenants won when the court ruled the eviction unlawful.", ["the court"]),
    ("The union's leaders walked out.", ["The union"]),
])
def test_everyday_nominal_nouns_count_only_where_they_act_or_own(text: str, expected: list[str]) -> None:
    found = find_references(text, [[(0, len(text))]], [], nominal=True)
    assert [r.text for r in found] == expected


def test_the_union_in_lower_case_is_a_workers_union_not_the_european_union() -> None:
    text = ("The European Union approved the merger. The Rail and Transport Workers Union opposed it. "
            "The union said it would strike.")
    actors = {a.actor: a.mentions for a in framing.analyze(text, format="text").actors}
    assert actors.get("European Union") == 1 and actors.get("Rail and Transport Workers Union") == 2


@pytest.mark.parametrize(("text", "person", "reference"), [
    ("The prosecutor, Elin Brandt, opened the case. The prosecutor said it was simple.", "Elin Brandt", "The prosecutor"),
    ("The defence was led by Jonas Lindqvist, a veteran lawyer. The lawyer said his client was innocent.",
     "Jonas Lindqvist", "The lawyer"),
    ("Union organiser Tess Doyle spoke first. The organiser said they would strike.", "Tess Doyle", "The organiser"),
])
def test_a_role_beside_a_name_lets_the_role_refer_back(text: str, person: str, reference: str) -> None:
    found = find_references(text, [[(0, len(text))]], [_mention(text, person, person, "person")])
    assert [(m.text, m.actor) for m in found] == [(reference, person)]


def test_a_role_beside_another_name_is_not_the_first_persons() -> None:
    text = "Elin Brandt, the prosecutor, met Jonas Lindqvist, the lawyer. The lawyer said no."
    mentions = [_mention(text, "Elin Brandt", "Elin Brandt", "person"),
                _mention(text, "Jonas Lindqvist", "Jonas Lindqvist", "person")]
    assert [(m.text, m.actor) for m in find_references(text, [[(0, len(text))]], mentions)] == [
        ("the prosecutor", "Elin Brandt"), ("the lawyer", "Jonas Lindqvist"), ("The lawyer", "Jonas Lindqvist")]


@pytest.mark.parametrize(("source", "name", "linked"), [
    ("model", "Baltvesta", True),  # one coined word the recogniser read as a body: a company
    ("model", "JNE", False),  # an acronym may be any body
    ("model", "Ministry", False),  # an institution's noun
    ("gazetteer", "Hezbollah", False),  # a known body is no company by its name
])
def test_a_coined_one_word_body_is_a_company_the_company_may_refer_to(source: str, name: str, linked: bool) -> None:
    from dataclasses import replace

    text = f"{name} will build a terminal. A spokeswoman said the company would hire 300 workers."
    named = [replace(_mention(text, name, name, "organisation"), source=source)]  # type: ignore[arg-type]
    found = find_references(text, [[(0, len(text))]], named)
    assert [(r.text, r.actor) for r in found] == ([("the company", name)] if linked else [])


def test_a_coined_word_that_ends_a_longer_name_is_no_company() -> None:
    """"Hollins" read as a body but ending "Derek Hollins" is a surname: "the company" is not him."""
    from dataclasses import replace

    text = "Derek Hollins spoke. Hollins declared victory. A spokeswoman said the company would appeal."
    named = [replace(_mention(text, "Derek Hollins", "Derek Hollins", "person"), source="model"),
             replace(_mention(text, "Hollins declared", "Hollins", "organisation"), end=text.index(" declared"),
                     text="Hollins", source="model")]
    assert find_references(text, [[(0, len(text))]], named) == ()


HOMES = {"Hungary": "Hungarian government", "Viktor Orbán": "Hungarian government", "Iran": "Iranian government",
         "U.S. government": "U.S. government", "Hungarian government": "Hungarian government"}


@pytest.mark.parametrize(("text", "mentions", "expected"), [
    # no government named, one country: "the government" is that country's
    ("Hungary passed the law. Viktor Orbán said the government would not back down.",
     [("Hungary", "Hungary", "state"), ("Viktor Orbán", "Viktor Orbán", "person")],
     [("the government", "Hungarian government", "government")]),
    ("Viktor Orbán spoke. The regime has jailed critics.", [("Viktor Orbán", "Viktor Orbán", "person")],
     [("The regime", "Hungarian government", "government")]),
    # two countries: whose is not said, so it stays a nominal actor
    ("Hungary and Iran signed it. The government said so.",
     [("Hungary", "Hungary", "state"), ("Iran", "Iran", "state")], [("The government", "the government", "government")]),
    # one government named, but another country too: the old single-government link no longer holds
    ("Washington sanctioned Iran. The Americans say they are punishing the government.",
     [("Washington", "U.S. government", "government"), ("Iran", "Iran", "state")],
     [("the government", "the government", "government")]),
    # the country is named after the noun: nothing yet
    ("The government said Hungary would comply.", [("Hungary", "Hungary", "state")],
     [("The government", "the government", "government")]),
    # a modifier, no body: "the government building", "the cabinet member"
    ("Hungary spoke. Police guarded the government building and the cabinet member.",
     [("Hungary", "Hungary", "state")], []),
    # ... but "the administration" keeps the one government named before
    ("The White House criticised Huawei. The administration said so.",
     [("The White House", "U.S. government", "government")], [("The administration", "U.S. government", "government")]),
    # "administration" and "cabinet" are as often a council's: only a government named links them
    ("Hungary spoke. The administration said no.", [("Hungary", "Hungary", "state")],
     [("The administration", "the administration", "government")]),
])
def test_the_government_of_the_one_country_named(text: str, mentions: list[tuple[str, str, str]],
                                                 expected: list[tuple[str, str, str]]) -> None:
    named = sorted((_mention(text, *m) for m in mentions), key=lambda m: m.start)
    found = find_references(text, [[(0, len(text))]], named, nominal=True, government_of=HOMES)
    assert [(r.text, r.actor, r.kind) for r in found] == expected


def test_countries_named_in_an_earlier_section_count() -> None:
    text = "Iran said no.\n\nHungary passed it. The government said so."
    split = text.index("\n\n")
    named = [_mention(text, "Iran", "Iran", "state"), _mention(text, "Hungary", "Hungary", "state")]
    found = find_references(text, [[(0, split)], [(split + 2, len(text))]], named, nominal=True, government_of=HOMES)
    assert [r.actor for r in found] == ["the government"]  # Iran, in the first section, still counts


def test_report_links_the_government_through_the_gazetteer() -> None:
    report = framing.analyze("Hungary's parliament passed the media law. The government said critics were lying.",
                             format="text")
    mentions = [m.mention for p in report.paragraphs for m in p.actors]
    assert [(m.text, m.actor) for m in mentions if m.source == "reference"] == [("The government", "Hungarian government")]
