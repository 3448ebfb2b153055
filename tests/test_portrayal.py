"""Portrayal stage: who the author casts as protagonist, antagonist or innocent."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import framing
from framing.evaluate.portrayal import evaluate_portrayal, render_portrayal, split_simple, stance_checks
from framing.stages.portrayal import Casting, actor_stance, cast_mentions, inherit_castings


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Mention spans written by hand as (first occurrence of) their surface text."""
    return [(text.index(name), text.index(name) + len(name)) for name in names]


def _sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^.!?]+[.!?]+[\"”]?", text)]


def _cast(text: str, names: list[str], **options: object) -> tuple[Casting, ...]:
    return cast_mentions(text, _sentences(text), _spans(text, names), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "expected"), [
    # evaluative frames
    ("Mayor Elena Marsh is right to block the Harbor Towers scheme.", {"Mayor Elena Marsh": "protagonist"}),
    ("The Philippines has shown remarkable courage.", {"The Philippines": "protagonist"}),  # an adjective between
    ("Coast guard ships rammed the fishing boat.", {"Coast guard ships": "antagonist", "the fishing boat": "innocent"}),
    ("Elena Marsh is right to block the Harbor Towers scheme.", {"Elena Marsh": "protagonist"}),
    ("Marsh, to her enormous credit, refused to be bullied.", {"Marsh": "protagonist"}),
    ("To her credit, Ms Ardern stood firm.", {"Ms Ardern": "protagonist"}),
    ("The regulator failed to protect depositors.", {"The regulator": "antagonist"}),
    ("The regulator should protect depositors.", {"The regulator": None}),  # urged: no good deed done
    ("The regulator should act fast, protect depositors and rebuild trust.", {"The regulator": None}),  # a series
    ("The regulator acted fast, protected depositors and rebuilt trust.", {"The regulator": "protagonist"}),
    ("The commission documented cases of suspects killed in their homes.", {"The commission": None}),
    ("Thousands of families are sheltering in camps near the border.", {"families": "innocent"}),  # taking shelter
    ("Volunteers sheltered the refugees in their homes.", {"Volunteers": "protagonist", "the refugees": "innocent"}),
    ("The regulator protected depositors.", {"The regulator": "protagonist"}),
    ("Officers have dismantled more than 300 drug dens.", {"Officers": None}),  # a harm done to a crime
    ("The army and the rebels accuse each other of blocking the corridor.", {"The army": None, "the rebels": None}),
    ("Officers have dismantled more than 300 homes.", {"Officers": "antagonist"}),
    # a rule made about things harms no one named (flag p); made against people it does
    ("The council voted to ban short-term lets in the city centre.", {"The council": None}),
    ("The junta banned two opposition newspapers and their editors.", {"The junta": "antagonist",
                                                                       "their editors": "innocent"}),
    ("The junta banned them from travelling.", {"The junta": "antagonist"}),  # a pronoun stands for people
    ("The army shelled the drug cartel members' homes.", {"The army": "antagonist"}),  # the crime heads no object
    ("Shame on Congress for abandoning veterans.", {"Congress": "antagonist", "veterans": "innocent"}),
    ("The minister has no business lecturing nurses.", {"The minister": "antagonist"}),
    # a suffering with an object is a harm its subject does; an adverb does not hide a passive
    ("The army has chosen to starve the city.", {"The army": "antagonist"}),
    ("Children starve in the camps.", {"Children": "innocent"}),
    ("Millions of Yemenis will starve this winter.", {"Yemenis": "innocent"}),  # a time, no object
    ("Rahmat Hidayat was badly burned in the blast.", {"Rahmat Hidayat": "innocent"}),
    # an idiom of degree between the copula and the label asserts the label
    ("Senator Brann is nothing short of a hero.", {"Senator Brann": "protagonist"}),
    ("Senator Brann is nothing more than a liar.", {"Senator Brann": "antagonist"}),
    # who does what to whom
    ("Russian forces shelled the maternity hospital in Mariupol overnight.", {"Russian forces": "antagonist"}),
    ("Thousands of tenants in Leeds face eviction after the landlord, Crestline Properties, doubled the rent.",
     {"tenants": "innocent", "Crestline Properties": "antagonist", "Leeds": None}),
    ("Firefighters from the county brigade pulled twelve people from the collapsed building.",
     {"Firefighters": "protagonist", "twelve people": "innocent"}),
    ("The villagers were shelled by Ukrainian artillery.",
     {"villagers": "innocent", "Ukrainian artillery": "antagonist"}),
    ("Hamas gunmen massacred families in Kibbutz Be'eri.", {"Hamas gunmen": "antagonist", "families": "innocent"}),
    ("Israeli strikes killed dozens of civilians in Gaza.",
     {"Israeli strikes": "antagonist", "civilians": "innocent"}),
    ("Police officers beat up peaceful protesters outside parliament.",
     {"Police officers": "antagonist", "protesters": "innocent"}),
    ("Facebook misled regulators about the data breach.", {"Facebook": "antagonist"}),
    ("The company is holding the port hostage.", {"The company": "antagonist"}),  # not a passive: -ing
    ("Gunmen were taking aid workers hostage.", {"Gunmen": "antagonist", "aid workers": "innocent"}),
    ("Teachers buy supplies out of their own pockets.", {"Teachers": None}),  # a noun, not "pocketed"
    ("The rebels on their own attack villages every night.", {"The rebels": "antagonist"}),  # "on their own": alone
    ("Qatar brokered a ceasefire between the two sides.", {"Qatar": "protagonist"}),
    ("Medics treated the wounded at a field hospital run by Médecins Sans Frontières.", {"Medics": "protagonist"}),
    ("Russia's invasion of Ukraine displaced millions of people.",
     {"Russia": "antagonist", "Ukraine": "innocent", "people": "innocent"}),
    ("The whistleblower exposed how Theranos deceived investors.",
     {"The whistleblower": "protagonist", "Theranos": "antagonist", "investors": "innocent"}),
    ("Young men are snatched off the streets by recruitment officers.",
     {"Young men": "innocent", "recruitment officers": "antagonist"}),
    ("Migrants drowned in the Channel.", {"Migrants": "innocent"}),
    ("Tenants are fed up with the landlord.", {"Tenants": None}),  # "fed up" is no feeding
    ("Volunteers fed the tenants after the fire.", {"Volunteers": "protagonist", "tenants": "innocent"}),
    # descriptors
    ("Putin's regime jailed another critic.", {"Putin": "antagonist"}),
    ("Eco-hoaxer Greta Thunberg lectured the world again.", {"Greta Thunberg": "antagonist"}),
    ("Greta Thunberg, a tireless advocate for the planet, spoke in Davos.", {"Greta Thunberg": "protagonist"}),
    ("The senator is a liar.", {"The senator": "antagonist"}),
    ("Brave firefighters held the line.", {"firefighters": "protagonist"}),
    ("Grieving parents gathered outside the court.", {"parents": "innocent"}),
    ("Corrupt officials pocketed the aid money.", {"officials": "antagonist"}),
    ("Vulture landlords bought up the street.", {"Vulture landlords": "antagonist"}),
    # negation
    ("Ukrainian troops did not shell the village.", {"Ukrainian troops": "protagonist"}),
    ("The senator never lied to voters.", {"The senator": "protagonist"}),
    ("The senator is not a liar.", {"The senator": "innocent"}),
    ("Nothing in the plan threatened Russia.", {"Russia": None}),
    ("No one in the cabinet attacked the unions.", {"the unions": None}),
    ("The council did nothing to protect the tenants.", {"The council": "antagonist", "the tenants": None}),
    ("Russia will stop at nothing to destroy Ukraine.", {"Russia": "antagonist", "Ukraine": "innocent"}),
    # neutral wire casts nobody
    ("The central bank raised rates by a quarter point on Tuesday, its governor Amara Osei said.",
     {"central bank": None, "Amara Osei": None}),
    ("Lavrov met Witkoff in Moscow on Tuesday.", {"Lavrov": None, "Witkoff": None, "Moscow": None}),
    ("Shell announced record profits on Thursday.", {"Shell": None}),
    ("The company reported a 5 percent rise in quarterly profit.", {"The company": None}),
    ("Talks hosted by Turkey will resume in Istanbul next week.", {"Turkey": None, "Istanbul": None}),
    # a cue word inside an actor's own name casts no one
    ("The International Criminal Court has issued a warrant.", {"International Criminal Court": None}),
    ("Criminal gangs attacked the village.", {"Criminal gangs": "antagonist"}),  # opening the sentence: a cue
    # nor a cue word in a capitalised title, outside any mention
    ("Karnataka's Advocate General told the court the order stood.", {"Karnataka": None}),
    ("Lawyers for Karnataka's Advocate General asked for time.", {"Karnataka": None}),
    # a gerund after "of" or "for" is said of the object before it, not of the subject
    ("Rights groups accused Vantor Security of killing protesters.",
     {"Rights groups": None, "Vantor Security": "antagonist", "protesters": "innocent"}),
    ("The mayor praised firefighters for rescuing the children.",
     {"The mayor": None, "firefighters": "protagonist", "the children": "innocent"}),
    ("Rights groups accused the army of killing protesters.", {"Rights groups": None, "protesters": "innocent"}),
    ("Ferreira provided 11 assists last season.", {"Ferreira": None}),  # a noun, no help
    # a participle right after a mention with no object: what was done to it
    ("Relatives of the two people killed gathered outside the hall.", {"people": "innocent"}),
    ("Civilians killed in the strike were buried on Friday.", {"Civilians": "innocent"}),
    ("Soldiers fired on the crowd.", {"Soldiers": "antagonist"}),
    # coordinated doers share the deed; places coordinated inside a modifier do not
    ("Russia and Iran attacked the convoy.", {"Russia": "antagonist", "Iran": "antagonist"}),
    ("Riyadh, Cairo and Ankara condemned the strike.",
     {"Riyadh": "protagonist", "Cairo": "protagonist", "Ankara": "protagonist"}),
    ("Farmers in Poland and France blockaded the roads.", {"Farmers": "antagonist", "Poland": None, "France": None}),
    # a possessed noun's praise is no praise of its possessor; its blame is
    ("The company's defenders will say that it pays well.", {"The company": None}),
    ("The Kremlin's puppets in Minsk agreed.", {"The Kremlin": "antagonist"}),
    ("", {}),
])
def test_cast_mentions_roles(text: str, expected: dict[str, str | None]) -> None:
    names = list(expected)
    castings = _cast(text, names)
    assert {name: c.portrayal for name, c in zip(names, castings)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a noun-first lemma's bare form is a noun outside a verbal position
    ("Parents were stuck in traffic for an hour.", {"Parents": None}),
    ("Norway sells gas to Germany.", {"Norway": None, "Germany": None}),
    ("Drivers sat in traffic as police closed the road.", {"police": None}),  # no bystander patient
    ("The ministry switched to gas last winter.", {"The ministry": None}),  # "to" with no object after it
    ("Russia's gas exports to Germany fell.", {"Russia": None, "Germany": None}),
    # ... and a verb in one
    ("Russian forces shell the city every night.", {"Russian forces": "antagonist"}),
    ("Russia shells Kharkiv every night.", {"Russia": "antagonist", "Kharkiv": "innocent"}),
    ("The army vowed to bomb the rebels.", {"The army": "antagonist", "the rebels": "innocent"}),
    ("Gangs who traffic women were arrested.", {"Gangs": "antagonist", "women": "innocent"}),
    ("The regime will gas its own people.", {"The regime": "antagonist", "its own people": "innocent"}),
    ("Troops did not shell the village.", {"Troops": "protagonist"}),
    ("Priya Natarajan, an underwriter at London-based broker Hartwell & Pryce, said premiums rose.",
     {"Priya Natarajan": None, "Hartwell & Pryce": None}),
    # a noun the lexicon lists as the deed is read as a nominal
    ("Police attack on protesters angered residents.", {"Police": "antagonist", "protesters": "innocent"}),
    ("Russia's unprovoked invasion of Ukraine began in February.", {"Russia": "antagonist", "Ukraine": "innocent"}),
    ("Police were accused of torture.", {"Police": "antagonist"}),
])
def test_cast_mentions_noun_first_lemmas(text: str, expected: dict[str, str | None]) -> None:
    names = list(expected)
    assert {name: c.portrayal for name, c in zip(names, _cast(text, names))} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # whoever reports, investigates or condemns a deed is not its doer
    ("Amnesty International documented killings in the prisons.", {"Amnesty International": None}),
    ("Migrants are sent to camps where the United Nations has documented torture and rape.",
     {"the United Nations": None}),
    ("Human Rights Watch reported widespread looting in the city.", {"Human Rights Watch": None}),
    ("Reporters revealed that soldiers kill prisoners.",
     {"Reporters": None, "soldiers": "antagonist", "prisoners": "innocent"}),
    # ... while "by X", a possessive or the one accused still name the doer
    ("Human Rights Watch documented killings by Russian soldiers.",
     {"Human Rights Watch": None, "Russian soldiers": "antagonist"}),
    ("Human Rights Watch reported widespread looting by Russian soldiers.",
     {"Human Rights Watch": None, "Russian soldiers": "antagonist"}),
    ("The UN condemned Russia's killings of civilians.",
     {"The UN": "protagonist", "Russia": "antagonist", "civilians": "innocent"}),
    ("Human Rights Watch accused Russian soldiers of torture.",
     {"Human Rights Watch": None, "Russian soldiers": "antagonist"}),
    ("Amnesty documented how guards torture prisoners.", {"guards": "antagonist", "prisoners": "innocent"}),
])
def test_cast_mentions_reported_deeds(text: str, expected: dict[str, str | None]) -> None:
    names = list(expected)
    assert {name: c.portrayal for name, c in zip(names, _cast(text, names))} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an -ing form before a noun makes it the doer ...
    ("Boats are packed by smuggling gangs who charge families thousands of euros.", {"gangs": "antagonist"}),
    ("Boats are packed by smuggling gangs who charge families.", {"smuggling gangs": "antagonist"}),  # in the name
    ("Looting soldiers ransacked the town.", {"soldiers": "antagonist"}),
    ("The killing squads roamed the villages.", {"squads": "antagonist"}),
    # ... except a victim head, and no one before it is the doer
    ("Doctors treated bombing victims at the clinic.", {"Doctors": "protagonist", "victims": "innocent"}),
    ("The charity helps shooting casualties in Leeds.", {"The charity": "protagonist", "casualties": "innocent"}),
    # a verb with its object stays one
    ("Soldiers were killing civilians in the square.", {"Soldiers": "antagonist", "civilians": "innocent"}),
    ("Police were accused of killing protesters.", {"Police": "antagonist", "protesters": "innocent"}),
    ("The army responded by killing protesters.", {"The army": "antagonist", "protesters": "innocent"}),
    ("Ukrainians fleeing Russia reached Poland.", {"Ukrainians": "innocent", "Russia": None}),
])
def test_cast_mentions_ing_premodifier(text: str, expected: dict[str, str | None]) -> None:
    names = list(expected)
    assert {name: c.portrayal for name, c in zip(names, _cast(text, names))} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a passive's subject is the noun before its auxiliary; a house is no actor
    ("The government will pay every family whose house was destroyed.", {"The government": None}),
    ("The council repaid each pensioner whose flat had been ransacked.", {"The council": None}),
    # "the drowning" is a noun, not the subject's suffering
    ("The government is punishing the drowning to look tough.", {"The government": "antagonist"}),  # punish
    ("Reporters counted the dying in the camps.", {"Reporters": None}),
    # ... while a mention there, or its possessor, is still the patient
    ("Children whose parents were killed were housed by the charity.", {"parents": "innocent"}),
    ("Palestinians whose homes were demolished protested.", {"Palestinians": "innocent"}),
    ("Gaza's hospitals were bombed again.", {"Gaza": "innocent"}),
    ("Tenants who had lived there for decades were evicted.", {"Tenants": "innocent"}),
    ("Residents in the city were evacuated by the army.", {"Residents": "innocent", "the army": "protagonist"}),
    ("Migrants drowned in the Channel.", {"Migrants": "innocent"}),
])
def test_cast_mentions_passive_subject(text: str, expected: dict[str, str | None]) -> None:
    names = list(expected)
    assert {name: c.portrayal for name, c in zip(names, _cast(text, names))} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "too <adjective> to" and "not <adjective> enough to" deny the deed, like "failed to"
    ("Karin Holmqvist has been too timid to confront these groups.", {"Karin Holmqvist": None}),
    ("Karin Holmqvist was too scared and too weak to confront the gangs.", {"Karin Holmqvist": None}),
    ("Karin Holmqvist is not brave enough to confront the gangs.", {"Karin Holmqvist": None}),
    ("Russia was too weak to invade Ukraine.", {"Russia": None, "Ukraine": None}),
    ("The council was far too slow to protect the tenants.", {"The council": "antagonist"}),  # failed help
    # the "too" of "also" denies nothing
    ("Karin Holmqvist, too, wanted to confront the gangs.", {"Karin Holmqvist": "protagonist"}),
    ("Unions too vowed to confront the government.", {"Unions": "protagonist"}),
    ("Karin Holmqvist is right to act.", {"Karin Holmqvist": "protagonist"}),
])
def test_cast_mentions_too_to(text: str, expected: dict[str, str | None]) -> None:
    names = list(expected)
    assert {name: c.portrayal for name, c in zip(names, _cast(text, names))} == expected


@pytest.mark.parametrize(("text", "people", "expected", "evidence"), [
    # a sentence-opening he/she casts the one person named in the sentence before
    ("Karin Holmqvist announced the plan. She deserves credit.", {"Karin Holmqvist": "Karin Holmqvist"},
     {"Karin Holmqvist": "protagonist"}, "She deserves credit"),
    ("Karin Holmqvist stood by the plan. She is wrong.", {"Karin Holmqvist": "Karin Holmqvist"},
     {"Karin Holmqvist": "antagonist"}, "She is wrong."),
    ("Karin Holmqvist announced the plan. She was attacked by thugs.", {"Karin Holmqvist": "Karin Holmqvist"},
     {"Karin Holmqvist": "innocent"}, "She was attacked"),
    ("Holmqvist spoke first. Karin Holmqvist then left. She deserves credit.",
     {"Holmqvist": "Karin Holmqvist", "Karin Holmqvist": "Karin Holmqvist"},
     {"Holmqvist": None, "Karin Holmqvist": "protagonist"}, "She deserves credit"),  # the most recent mention
    # no guess: two people, no person, no people given, a pronoun that opens nothing, a sentence between
    ("Karin Holmqvist met Gordon Pryce. She deserves credit.",
     {"Karin Holmqvist": "Karin Holmqvist", "Gordon Pryce": "Gordon Pryce"},
     {"Karin Holmqvist": None, "Gordon Pryce": None}, None),
    ("The council announced the plan. She deserves credit.", {"The council": None}, {"The council": None}, None),
    ("Karin Holmqvist announced the plan. She deserves credit.", {}, {"Karin Holmqvist": None}, None),
    ("Karin Holmqvist announced the plan. Critics say she deserves credit.", {"Karin Holmqvist": "Karin Holmqvist"},
     {"Karin Holmqvist": None}, None),
    ("Karin Holmqvist announced the plan. It rained. She deserves credit.", {"Karin Holmqvist": "Karin Holmqvist"},
     {"Karin Holmqvist": None}, None),  # not the sentence right before
    ("Karin Holmqvist is right to act.", {"Karin Holmqvist": "Karin Holmqvist"},
     {"Karin Holmqvist": "protagonist"}, "is right to"),
])
def test_cast_mentions_resolves_opening_pronouns(text: str, people: dict[str, str | None],
                                                 expected: dict[str, str | None], evidence: str | None) -> None:
    names = list(expected)
    castings = _cast(text, names, people=[people.get(name) for name in names] if people else ())
    assert {name: c.portrayal for name, c in zip(names, castings)} == expected
    if evidence is not None:
        assert castings[-1].evidence_text == evidence


def test_cast_mentions_pronoun_outside_the_quote() -> None:
    text = '"We will win," said Gordon Pryce. He is right. "He is wrong," said Ana Ruiz.'
    pryce = (text.index("Gordon Pryce"), text.index("Gordon Pryce") + 12)
    quotes = [(0, 14, "Gordon Pryce"), (text.index('"He is'), text.index('," said Ana') + 2, "Ana Ruiz")]
    (casting,) = cast_mentions(text, _sentences(text), [pryce], quotes=quotes, people=["Gordon Pryce"])
    assert (casting.portrayal, casting.evidence_text, casting.voice) == ("protagonist", "He is right.", "author")


def test_report_resolves_opening_pronoun() -> None:
    report = framing.analyze('"We will win," said Gordon Pryce. He is right.', format="text").to_dict()
    (mention,) = [m for s in report["sections"] for p in s["paragraphs"] for m in p["actors"]]
    assert (mention["actor"], mention["portrayal"], mention["portrayal_prior"]) == ("Gordon Pryce", "protagonist", False)
    assert mention["portrayal_evidence"]["text"] == "He is right."


@pytest.mark.parametrize(("text", "name", "cue", "evidence", "archetype"), [
    ("Russian forces shelled the maternity hospital.", "Russian forces", "harm:shell", "shelled", "instigator"),
    ("Marsh, to her enormous credit, refused to be bullied.", "Marsh", "frame:to <pro> credit",
     "to her enormous credit", "virtuous"),
    ("Eco-hoaxer Greta Thunberg spoke.", "Greta Thunberg", "descriptor:eco-hoaxer", "Eco-hoaxer", "deceiver"),
    ("Putin's victims were buried in Bucha.", "Putin", "descriptor:victim", "victims", None),
    ("Turkey helped broker the grain deal.", "Turkey", "help:broker", "broker", "peacemaker"),  # bare infinitive
    ("Karin Holmqvist stood firm. She deserves credit.", "Karin Holmqvist", "frame:deserves credit",
     "She deserves credit", "virtuous"),
])
def test_cast_mentions_explains_itself(text: str, name: str, cue: str, evidence: str, archetype: str | None) -> None:
    (casting,) = _cast(text, [name], people=[name])
    assert casting.cue == cue
    assert casting.evidence is not None
    assert text[casting.evidence[0]:casting.evidence[1]] == evidence
    assert casting.archetype == archetype


def test_cast_mentions_scores_are_a_distribution() -> None:
    text = "Russian forces shelled the hospital; Kovalenko is a courier."
    cast, uncast = _cast(text, ["Russian forces", "Kovalenko"])
    scores = dict(cast.scores)
    assert set(scores) == {"protagonist", "antagonist", "innocent"}
    assert sum(scores.values()) == pytest.approx(1.0, abs=1e-3)
    assert max(scores, key=scores.__getitem__) == cast.portrayal == "antagonist"
    assert 0.5 < cast.confidence < 1.0
    assert uncast.portrayal is None and all(value == 0.0 for _, value in uncast.scores)


def test_cast_mentions_quoted_voice() -> None:
    text = '"Russia is a terrorist state," Zelensky said.'
    quote_end = text.index(',"') + 2
    russia, zelensky = _cast(text, ["Russia", "Zelensky"], quotes=[(0, quote_end, "Zelensky")])
    assert (russia.portrayal, russia.voice, russia.speaker) == ("antagonist", "quote", "Zelensky")
    assert (zelensky.portrayal, zelensky.voice) == (None, "author")


def test_cast_mentions_quote_cues_stay_in_the_quote() -> None:
    text = 'The mayor, "a liar and a crook," spoke on Monday.'
    start = text.index('"')
    (mayor,) = _cast(text, ["The mayor"], quotes=[(start, text.index('," ') + 2, None)])
    assert mayor.portrayal is None


@pytest.mark.parametrize(("valence", "role"), [(-3.0, "antagonist"), (2.5, "protagonist"), (-0.4, None)])
def test_cast_mentions_loaded_premodifier(valence: float, role: str | None) -> None:
    text = "The ruthless developer bought the block."
    start = text.index("ruthless")
    (casting,) = _cast(text.replace("ruthless", "grandest"), ["developer"],
                       loaded=[(start, start + len("grandest"), valence)])
    assert casting.portrayal == role


@pytest.mark.parametrize(("text", "phrase", "role"), [
    ("Ukraine was thrown under the bus by its allies.", "thrown under the bus", "innocent"),  # a passive idiom
    ("Ukraine was sold out by its allies.", "sold out", "innocent"),
    ("That is short-sighted timidity, and Ukraine will pay.", "short-sighted timidity", "antagonist"),  # -ed adjective
    ("Ukraine is a reckless gambler.", "reckless gambler", "antagonist"),  # a predicate label
])
def test_cast_mentions_loaded_passive_idiom(text: str, phrase: str, role: str | None) -> None:
    start = text.index(phrase)
    (casting,) = _cast(text, ["Ukraine"], loaded=[(start, start + len(phrase), -2.0)])
    assert casting.portrayal == role


def test_cast_mentions_keeps_order_and_offsets() -> None:
    text = "Crestline Properties evicted tenants. Tenants mourned."
    names = [(38, 45), (0, 20), (29, 36)]
    castings = cast_mentions(text, _sentences(text), names)
    assert [c.portrayal for c in castings] == ["innocent", "antagonist", "innocent"]
    assert all(c.evidence is None or text[c.evidence[0]:c.evidence[1]] for c in castings)


def test_cast_mentions_mention_outside_sentences() -> None:
    text = "Russian forces shelled the town"
    (casting,) = cast_mentions(text, [], [(0, 14)])
    assert casting.portrayal == "antagonist"


@pytest.mark.parametrize(("castings", "expected"), [
    ([], None),
    ([Casting(None, (), None, None, None)], None),
    ([Casting("antagonist", (("protagonist", 0.1), ("antagonist", 0.8), ("innocent", 0.1)), (0, 1), "x", None)],
     -0.8 / 3),
    ([Casting("innocent", (("protagonist", 0.2), ("antagonist", 0.2), ("innocent", 0.6)), (0, 1), "x", None),
      Casting("protagonist", (("protagonist", 0.9), ("antagonist", 0.05), ("innocent", 0.05)), (0, 1), "x", None),
      Casting("antagonist", (("protagonist", 0.0), ("antagonist", 1.0), ("innocent", 0.0)), (0, 1), "x", None,
              voice="quote", speaker="Lavrov")],
     (0.6 + 0.9) / 4),
    ([Casting("antagonist", (("protagonist", 0.0), ("antagonist", 1.0), ("innocent", 0.0)), (0, 1), "x", None,
              voice="quote")], None),
    ([Casting("protagonist", (("protagonist", 0.5), ("antagonist", 0.25), ("innocent", 0.25)), (0, 1), "x", "prior",
              prior=True),
      Casting("antagonist", (("protagonist", 0.1), ("antagonist", 0.8), ("innocent", 0.1)), (0, 1), "x", None),
      Casting("antagonist", (("protagonist", 0.1), ("antagonist", 0.8), ("innocent", 0.1)), (0, 1), "x", None,
              inherited=True)],
     (0.5 * 0.5 - 0.8) / 4),
])
def test_actor_stance_formula(castings: list[Casting], expected: float | None) -> None:
    stance = actor_stance(castings)
    assert stance == (None if expected is None else pytest.approx(expected))


def test_split_simple_offsets() -> None:
    text = "One fell. Two \"rose!\" Three\nFour"
    assert [text[s:e] for s, e in split_simple(text)] == ["One fell.", "Two \"rose!\"", "Three\n", "Four"]


def test_evaluate_portrayal_rows(tmp_path: Path) -> None:
    records = [
        {"text": "Russian forces shelled the village. Villagers fled.",
         "mentions": [{"start": 0, "end": 14, "role": "antagonist"}, {"start": 36, "end": 45, "role": "innocent"}]},
        {"text": "Firefighters rescued a boy. Oslo is cold.",
         "mentions": [{"start": 0, "end": 12, "role": "protagonist"}], "unlabelled": [{"start": 28, "end": 32}]},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = evaluate_portrayal(path)
    rows = {row["method"]: row for row in result["rows"]}
    assert set(rows) == {"report", "report_sentiment_sign", "rules", "majority", "vader_sign", "vader_sign_best"}
    assert rows["rules"]["macro_f1"] == 1.0 and rows["rules"]["cast_uncast"] == 0.0
    assert rows["majority"]["macro_f1"] == pytest.approx((0.5 + 0 + 0) / 3, abs=1e-3)
    assert result["n"] == 3 and result["n_uncast"] == 1
    assert "| rules" in render_portrayal(result)


def test_evaluate_portrayal_counts_none_as_wrong(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": "Oslo is cold.", "mentions": [{"start": 0, "end": 4, "role": "innocent"}]}),
                    encoding="utf-8")
    result = evaluate_portrayal(path, predict=lambda text, spans: [None] * len(spans))
    assert {row["method"]: row for row in result["rows"]}["rules"]["macro_f1"] == 0.0


def test_inherit_castings_fills_uncast_author_mentions_from_the_same_actor() -> None:
    cast = Casting("antagonist", (("protagonist", 0.1), ("antagonist", 0.8), ("innocent", 0.1)), (0, 5), "harm:evict",
                   None)
    empty = Casting(None, (("protagonist", 0.0), ("antagonist", 0.0), ("innocent", 0.0)), None, None, None)
    quoted = Casting(None, (("protagonist", 0.0), ("antagonist", 0.0), ("innocent", 0.0)), None, None, None, "quote",
                     "Kane")
    result = inherit_castings(["Grafton", "Grafton", "Grafton", "Rourke"], [cast, empty, quoted, empty])
    assert result[0] is cast
    assert result[1].portrayal == "antagonist" and result[1].inherited and result[1].evidence == (0, 5)
    assert result[1].confidence < cast.confidence
    assert result[2].portrayal is None  # a quoted mention keeps the speaker's (here: no) casting
    assert result[3].portrayal is None  # another actor inherits nothing
    assert actor_stance([c for c in result if not c.inherited]) == actor_stance([cast])


def test_stance_checks_count_a_clearly_judged_actor_and_wire_calm() -> None:
    text = "Mayor Elena Marsh is right to block the scheme. Marsh, to her enormous credit, refused to be bullied."
    first, second = text.index("Mayor Elena Marsh"), text.index("Marsh,")
    mentions = [{"start": first, "end": first + 17, "role": "protagonist"},
                {"start": second, "end": second + 5, "role": "protagonist"}]
    report = framing.analyze(text, format="text")
    agree, clear, calm, actors, calm_cued, cued = stance_checks({"text": text, "mentions": mentions, "genre": "opinion"},
                                                                report)
    assert (agree, clear) == (1, 1)
    assert (calm, actors, calm_cued, cued) == (0, 0, 0, 0)  # not a wire text
    flipped = [{**m, "role": "antagonist"} for m in mentions]
    assert stance_checks({"text": text, "mentions": flipped, "genre": "wire"}, report)[:2] == (0, 1)
    _, _, calm, actors, calm_cued, cued = stance_checks({"text": text, "mentions": flipped, "genre": "wire"}, report)
    assert actors >= 1 and cued >= 1 and calm_cued <= cued and calm <= actors


def test_cast_mentions_wants_one_person_entry_per_mention() -> None:
    text = "Karin Holmqvist announced the plan. She deserves credit."
    with pytest.raises(ValueError, match="one per mention"):
        cast_mentions(text, [(0, 35), (36, 56)], [(0, 15)], people=["Karin Holmqvist", None])


@pytest.mark.parametrize(("text", "name"), [
    ("Tom Brown has apologised to Mensah's family and said seven officers have been detained.", "Mensah"),  # kin
    ("Obi is a care worker. Obi is saving for a wedding.", "Obi"),  # saving money, no rescue
    ("The senators, hungry for headlines, spoke first.", "The senators"),  # an appetite, no hunger
])
def test_plain_senses_cast_no_one(text: str, name: str) -> None:
    (casting,) = _cast(text, [name], people=[name] if name[0].isupper() and " " not in name else None)
    assert casting.portrayal is None, casting.cue


def test_saved_up_to_a_number_is_a_rescue() -> None:
    (doctors,) = _cast("Doctors saved up to 30 lives a day at the field hospital.", ["Doctors"])
    assert doctors.portrayal == "protagonist"
