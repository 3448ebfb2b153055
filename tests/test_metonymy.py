"""Metonymy: a place is an actor only where it acts, is framed as a party, or heads the story."""

from __future__ import annotations

import pytest

from framing.stages.actors import find_actors
from framing.stages.gazetteer import load_gazetteer
from framing.stages.metonymy import is_acting_place, is_framed_place, is_heading_place

from .conftest import actors_in


def place_at(text: str, place: str) -> tuple[int, int]:
    start = text.index(place)
    return start, start + len(place)


@pytest.mark.parametrize(("text", "place", "expected"), [
    ("Moscow agreed to the plan.", "Moscow", True),
    ("Talks with Beijing resumed.", "Beijing", True),
    ("The envoy flew to Moscow.", "Moscow", False),
    ("A Moscow-based analyst spoke.", "Moscow", False),
    ("The Moscow region froze.", "Moscow", False),
    ("MOSCOW, Oct 14 - Officials met.", "MOSCOW", False),  # a dateline
    ("Moscow, June 11 - Officials met.", "Moscow", False),  # a dateline in Title Case, with its date
    ("Moscow, Beijing and Tehran condemned the strike.", "Moscow", True),  # a list opening the paragraph
    ("Kyiv, for its part, rejected the plan.", "Kyiv", True),
    ("Washington warned Tehran against retaliation.", "Tehran", True),  # addressed
    ("The strike sends the wrong message to Tehran.", "Tehran", True),
    ("Officials warned Moscow residents of floods.", "Moscow", False),  # it qualifies a noun
    ("Protesters gathered in Nairobi's central business district.", "Nairobi", False),  # a part of the city
    ("Moscow's stance angered Kyiv.", "Moscow", True),
    ("Shelling hit a Khartoum hospital on Monday.", "Khartoum", False),
    ("NEW DELHI: Farmers rejected the offer.", "NEW DELHI", False),  # a dateline with a colon
    ("In Hong Kong, Riyadh and Manchester, remittances fell.", "Riyadh", False),  # listed after "in"
    ("Officials in London, Paris and Berlin said no.", "Paris", True),  # officials there speak for them
    ("In January, Moscow and Kyiv agreed to extend the deal.", "Moscow", True),  # a time, then the subjects
    ("At Davos, Beijing and Washington traded barbs.", "Beijing", True),  # no comma closes the list
    ("Shops in London, Paris and Berlin closed.", "Paris", False),
    ("Jakarta protests grew on Monday.", "Jakarta", False),
    ("He bought the Abuja properties with stolen money.", "Abuja", False),  # an article: a noun after, no verb
    ("The Moscow regime lied.", "Moscow", True),
])
def test_is_acting_place(text: str, place: str, expected: bool) -> None:
    assert is_acting_place(text, *place_at(text, place), 0) is expected


@pytest.mark.parametrize(("text", "place", "expected"), [
    ("Gaza was bombed again on Tuesday.", "Gaza", True),
    ("The shelling of Kharkiv went on.", "Kharkiv", True),
    ("Cheap imports are dismantling Europe's factories.", "Europe", True),
    ("A care worker in Luton lost her job.", "Luton", False),
    ("The ports of Odesa reopened.", "Odesa", False),
    ("Punjab and Maharashtra objected to the ruling.", "Punjab", True),  # the pair is the subject
    ("Farmers in Punjab and Haryana protested.", "Haryana", False),  # both after "in"
    ("Farmers in Punjab and Haryana protested.", "Punjab", False),
])
def test_is_framed_place(text: str, place: str, expected: bool) -> None:
    assert is_framed_place(text, *place_at(text, place), 0) is expected


@pytest.mark.parametrize(("text", "place", "expected"), [
    ("In Gaza, the doctors are still counting", "Gaza", True),
    ("Kharkiv keeps its lights on", "Kharkiv", True),
    ("Talks in Istanbul end", "Istanbul", False),
    ("Kharkiv region braces for winter", "Kharkiv", False),
    ("Gaza-based charity closes", "Gaza", False),
])
def test_is_heading_place(text: str, place: str, expected: bool) -> None:
    assert is_heading_place(text, *place_at(text, place), 0) is expected


@pytest.mark.parametrize(("text", "is_actor"), [
    ("Moscow agreed to the plan.", True),
    ("Washington pulled back at the last moment.", True),
    ("It strengthened Washington's credibility.", True),
    ("Moscow was ready to sign.", True),
    ("Talks with Beijing resumed.", True),
    ("The plan was formulated by Washington.", True),
    ("It damaged trust in Washington.", True),
    ("Kyiv's NATO aspirations remain.", True),
    ("The envoy flew to Moscow.", False),
    ("Protesters gathered in Kyiv.", False),
    ("MOSCOW, Oct 14 - Officials met.", False),
    ("Moscow, Oct 14 - Officials met.", False),
    ("The Budapest summit was cancelled.", False),
    ("A Moscow-based analyst spoke.", False),
    ("The Washington Post reported it.", False),
    ("The regime in Kyiv refused.", True),
    ("The shelling of Kyiv went on all night.", True),
    ("Moscow struck back within hours.", True),
])
def test_capital_is_an_actor_only_when_it_acts(text: str, is_actor: bool) -> None:
    governments = [actor for _, actor in actors_in(text) if actor.endswith("government")]
    assert bool(governments) is is_actor


@pytest.mark.parametrize(("text", "place", "is_actor"), [
    ("The shelling of Kharkiv went on all night.", "Kharkiv", True),
    ("Cheap imports are dismantling Europe's factories.", "Europe", True),
    ("Gaza was bombed again on Tuesday.", "Gaza", True),
    ("Israel bombed Gaza for a month.", "Gaza", True),
    ("A care worker in Luton lost her job.", "Luton", False),
    ("Ships left the Ukrainian ports of Odesa, Chornomorsk and Pivdennyi.", "Chornomorsk", False),
    ("KHARKIV, Oct 14 - Officials met.", "KHARKIV", False),
])
def test_a_place_the_gazetteer_lacks_is_an_actor_only_where_framed(text: str, place: str, is_actor: bool) -> None:
    mentions = find_actors(text, [(0, len(text))], load_gazetteer())
    assert any(m.text == place and m.kind == "state" for m in mentions) is is_actor


def test_a_place_in_a_heading_is_the_story_subject() -> None:
    text = "In Gaza, the doctors are still counting\n\nA nurse in Gaza works nights."
    headline = (0, text.index("\n"))
    spans = [headline, (text.index("A nurse"), len(text))]
    places = [m.start for m in find_actors(text, spans, load_gazetteer(), headings=[headline]) if m.text == "Gaza"]
    assert places == [3]


@pytest.mark.parametrize(("text", "form", "is_metonym"), [
    ("The Kremlin rejected the plan.", "The Kremlin", True),            # seat of power (@ alias)
    ("Officials at Downing Street declined to comment.", "Downing Street", True),
    ("Moscow rejected the plan.", "Moscow", True),                      # acting capital (places)
    ("Russian authorities rejected the plan.", "Russian authorities", False),
    ("Russia rejected the plan.", "Russia", False),
])
def test_metonym_flag(text: str, form: str, is_metonym: bool) -> None:
    spans = [(0, len(text))]
    mention = next(m for m in find_actors(text, spans, load_gazetteer()) if m.text == form)
    assert mention.is_metonym is is_metonym
