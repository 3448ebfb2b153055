"""Actor roles: agent or target of the charged words in the clause."""

from __future__ import annotations

import pytest

from framing.stages.roles import find_role
from framing.stages.sentiment import build_context


@pytest.mark.parametrize(("text", "actor", "role"), [
    ("Trump blocked the deal and imposed crushing tariffs.", "Trump", "agent"),
    ("Washington pressured Kyiv with threats.", "Washington", "agent"),
    ("Washington pressured Kyiv with threats.", "Kyiv", "target"),
    ("Kyiv was pressured by Washington.", "Kyiv", "target"),
    ("Kyiv was pressured by Washington.", "Washington", "agent"),
    ("Lavrov met Witkoff in Moscow on Tuesday.", "Lavrov", None),
    # an action aimed at the mention makes it the target; the clause's subject is the agent
    ("The Party sent warplanes toward Taiwan in a brazen show of force.", "Taiwan", "target"),
    ("The Party sent warplanes toward Taiwan in a brazen show of force.", "The Party", "agent"),
    ("Beijing's bullying of Taiwan continued.", "Taiwan", "target"),
    ("Beijing's bullying of Taiwan continued.", "Beijing", "agent"),
    ("New sanctions on Moscow were a harsh blow.", "Moscow", "target"),
    ("Russia's brutal aggression against Ukraine went on.", "Ukraine", "target"),
    ("Meanwhile, Beijing staged aggressive drills near the island.", "Beijing", "agent"),
])
def test_find_role(text: str, actor: str, role: str | None) -> None:
    start = text.index(actor)
    found = find_role(build_context(text), start, start + len(actor))
    assert (found.role if found else None) == role
    if found:
        assert text[found.evidence.start:found.evidence.end] == found.evidence.text


def test_roles_are_in_the_report(seed_report) -> None:
    roles = {m["role"] for s in seed_report.to_dict()["sections"] for p in s["paragraphs"] for m in p["actors"]}
    assert {"agent", "target"} <= roles


@pytest.mark.parametrize(("text", "evidence"), [
    ("The Evil Empire.", None),  # its own charged word is all the clause has
    ("The Evil Empire destroyed the village.", "destroyed"),
    ("Cruel critics say the Evil Empire destroyed hope.", "destroyed"),  # charged words on both sides
    ("Critics attacked the Evil Empire.", "attacked"),
])
def test_a_mentions_own_charged_words_give_it_no_role(text: str, evidence: str | None) -> None:
    start = text.index("Evil Empire")
    found = find_role(build_context(text), start, start + len("Evil Empire"))
    assert (found.evidence.text if found else None) == evidence
