"""Acceptance sentences of the actors and portrayal issues, and our own op-eds on both sides.

Names are invented (many cultures); expected actors, kinds, canonical names and castings
come from the issues' text, not from running the code.
"""

from __future__ import annotations

import pytest

import framing


def _actors(text: str) -> dict[str, framing.model.ActorSummary]:
    return {a.actor: a for a in framing.analyze(text).actors}


@pytest.mark.parametrize(("text", "actor", "kind"), [
    ("Rosa Quintal has fished the delta for thirty years.", "Rosa Quintal", "person"),
    ("President Joseph Kaleba signed the agreement.", "Joseph Kaleba", "person"),
    ("Senator Caleb Rourke said the bill would pass.", "Caleb Rourke", "person"),
    ("Halvard Energy declined to comment.", "Halvard Energy", "organisation"),
    ("Stanford University rejected the request.", "Stanford University", "organisation"),
    ("Commerce Minister Wang Lihua met the delegation.", "Wang Lihua", "person"),
    ("Trade Commissioner Katrin Vosselmann arrived on Monday.", "Katrin Vosselmann", "person"),
    ("Moscow agreed to the terms.", "Russian government", "government"),
    ("The Kremlin denied the report.", "Russian government", "government"),
    ("Washington warned against escalation.", "U.S. government", "government"),
    ("Kyiv rejected the offer.", "Ukrainian government", "government"),
    ("Ukrainians queued for water while the West debated.", "Ukrainians", "group"),
    ("The West debated sanctions again.", "the West", "group"),
    ("Riot police cleared the square.", "police", "group"),
    ("Environmental groups sued the ministry.", "environmental groups", "group"),
])
def test_actor_found_with_kind_and_canonical_name(text: str, actor: str, kind: str) -> None:
    found = _actors(text)
    assert actor in found, sorted(found)
    assert found[actor].kind == kind


def test_title_stays_in_the_mention_text_not_the_name() -> None:
    report = framing.analyze("President Joseph Kaleba signed the agreement.")
    mention = report.paragraphs[0].actors[0].mention
    assert mention.text == "President Joseph Kaleba" and mention.actor == "Joseph Kaleba"
    assert mention.source == "model" and mention.confidence is not None and 0 < mention.confidence <= 1


def test_headline_surname_resolves_from_the_body_and_companies_stay_apart() -> None:
    text = ("Victor Kane's Land Grab\n\nVictor Kane bought the marsh in May. Kane Holdings, his firm, "
            "said Kane would build four hundred homes there.")
    report = framing.analyze(text)
    head = [m.mention.actor for f in report.front for m in f.actors]
    assert head == ["Victor Kane"]
    kinds = {a.actor: a.kind for a in report.actors}
    assert kinds["Victor Kane"] == "person" and kinds["Kane Holdings"] == "organisation"
    body = [(m.mention.text, m.mention.actor) for p in report.paragraphs for m in p.actors]
    assert ("Kane", "Victor Kane") in body


def test_capital_letters_and_old_spellings_name_the_state() -> None:
    report = framing.analyze("RUSSIA WARNS KIEV\n\nMoscow said Kiev had refused the offer.")
    actors = {m.mention.actor for part in (*report.front, *report.paragraphs) for m in part.actors}
    assert {"Russia", "Russian government", "Ukrainian government"} <= actors


@pytest.mark.parametrize(("text", "actor", "portrayal"), [
    ("Mayor Elena Marsh is right to block the Harbor Towers scheme.", "Elena Marsh", "protagonist"),
    ("Russian forces shelled the maternity hospital in Mariupol overnight.", "Russian Armed Forces", "antagonist"),
    ("Thousands of tenants in Leeds face eviction after the landlord, Crestline Properties, doubled the rent.",
     "tenants", "innocent"),
    ("Thousands of tenants in Leeds face eviction after the landlord, Crestline Properties, doubled the rent.",
     "Crestline Properties", "antagonist"),
    ("Firefighters from the county brigade pulled twelve people from the collapsed building.",
     "firefighters", "protagonist"),
])
def test_portrayal_of_the_issue_sentences(text: str, actor: str, portrayal: str) -> None:
    found = _actors(text)
    assert found[actor].portrayal == portrayal
    assert found[actor].stance is not None
    assert (found[actor].stance > 0) == (portrayal != "antagonist")


PRO_UKRAINE = """Ukraine Holds the Line

Russia invaded a neighbour that threatened no one, and Russian forces have shelled Ukrainian cities for
three winters. Ukrainians did not choose this war. Ukraine defended its schools and hospitals, and
Ukrainian volunteers rescued families from the rubble in Kharkiv while the Kremlin lied about every strike.

Ukraine deserves the weapons it asks for. Ukraine is right to refuse a peace that rewards the aggressor."""

PRO_KREMLIN = """Russia Seeks Peace, the West Wants War

Russia has offered talks again and again. Russia protected the people of Donbas when the Kyiv regime
shelled their towns for eight years. NATO expanded to Russia's borders and Western governments armed
the Kyiv regime to the teeth.

Russia is right to defend its security. Russia deserves respect, not sanctions imposed by Washington."""

WIRE = """Grain talks end without agreement

ISTANBUL (Reuters) - Delegations from Russia and Ukraine ended two days of talks on grain shipments on
Tuesday without an agreement, Turkish officials said. Turkey's foreign minister said the talks would
resume next month. The European Union said it welcomed the meeting. A spokesman for the United Nations
said the organisation would keep supporting the process."""


def test_pro_ukrainian_op_ed_is_sympathetic_to_ukraine() -> None:
    found = _actors(PRO_UKRAINE)
    assert found["Ukraine"].stance is not None and found["Ukraine"].stance > 0
    assert found["Russian government"].stance is not None and found["Russian government"].stance < 0


def test_pro_kremlin_op_ed_is_sympathetic_to_russia() -> None:
    found = _actors(PRO_KREMLIN)
    assert found["Russia"].stance is not None and found["Russia"].stance > 0


def test_neutral_wire_report_judges_no_actor_strongly() -> None:
    found = _actors(WIRE)
    assert found
    assert all(a.stance is None or abs(a.stance) <= 0.5 for a in found.values())


def test_labels_agree_with_the_sentiment_shown() -> None:
    for text in (PRO_UKRAINE, PRO_KREMLIN, WIRE):
        for actor in framing.analyze(text).actors:
            if actor.sentiment is None:
                continue
            expected = "positive" if actor.sentiment >= 0.1 else "negative" if actor.sentiment <= -0.1 else "neutral"
            assert actor.label == expected
