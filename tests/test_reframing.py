"""The reframing stage: a new name after a denial or a call to name a thing."""

from __future__ import annotations

import pytest

from framing.stages.reframing import (
    IRONY_CATEGORY,
    REFRAMING_CATEGORY,
    find_coined_labels,
    find_ironic_as_if,
    find_likenesses,
    find_reframings,
    find_set_figures,
    find_treatments,
)
from framing.stages.sentences import split_sentences


def _names(text: str) -> list[str]:
    hits = find_reframings(text, split_sentences(text, 0, len(text)))
    assert all(text[h.start:h.end] == h.text and h.category == REFRAMING_CATEGORY for h in hits)
    return [h.text for h in hits]


@pytest.mark.parametrize(("text", "expected"), [
    # a denial, then the new name, on every side
    ("The blockade is not a war on a militia. It is the starvation of a people.", ["the starvation of a people"]),
    ("This is not competition. It is a state-run demolition of other nations' industries, bankrolled by a party.",
     ["a state-run demolition of other nations' industries"]),
    ("The people in those woods are not invaders. They are families who fled a war.", ["families"]),
    ("The strike was not a protest; it was blackmail.", ["blackmail"]),
    ("The corridor is not about bread. It is about war, and it is waged here.", ["war"]),
    ("Those aren't reforms. They're a fire sale of public assets.", ["a fire sale of public assets"]),
    ("It's not a war. It's a siege.", ["a siege"]),
    # a denied name and "but" with a new one in the same clause; not a denied quality or a longer clause
    ("It is not a security measure but a monument to cruelty.", ["a monument to cruelty"]),
    ("The deal was not reform but a surrender.", ["a surrender"]),
    ("The problem is not money but the will to act.", []),
    ("It was not clear but a source said two died.", []),
    ("The victim was not a student but a teacher, police said.", []),  # a correction: nothing charged
    ("The law is not a ban on short lets in the old town but a cap.", []),
    ("The institute is not one of them. It is a lobby in a charity's coat.", ["a lobby in a charity's coat"]),
    ("That is not collective bargaining. It is hostage-taking with a picket line.", ["hostage-taking with a picket line"]),
    ("They're not invaders. They're families.", ["families"]),
    ("That's not journalism. That's propaganda.", ["propaganda"]),
    ("This is not a war, it is a siege.", ["a siege"]),
    ("It is not a war – it is a siege.", ["a siege"]),
    # the name ends on a noun, and an -ing noun after "of" belongs to it
    ("Rent is not a market. It is the cost of housing.", ["the cost of housing"]),
    ("It is not a poll. It is a country of 140 million people.", ["a country"]),
    ("He was not a figurehead. He was the president of the club for 20 years.", ["the president of the club"]),
    # a call to name it
    ("The rest of us call it what it is: a spoilt minority holding the country to ransom.", ["a spoilt minority"]),
    ("Everyone else calls them what they are: illegal pushbacks.", ["illegal pushbacks"]),
    ("Call it what it is: a land grab.", ["a land grab"]),
    ("Voters isn't the point. It's a matter of trust.", ["a matter of trust"]),
    # another's name, then the author's, where a listed or scored word charges it
    ("They call it reform. It is a ransom.", ["a ransom"]),
    ("Critics branded it a land grab. It is a lifeline for farmers.", ["a lifeline for farmers"]),
    ("She called it a transition. It is nothing of the sort. It is a gift to the oil firms.", ["a gift to the oil firms"]),
    ("Its backers say it frees the market. It is nothing of the kind; it is a confiscation.", ["a confiscation"]),
    ("That is the polite word. The honest word is grabbed.", ["grabbed"]),
    ("The real name for it is a ransom.", ["a ransom"]),
    # explanation, proper names, idioms and people's names: no figure
    ("Scientists call it a supercell. It is a rotating thunderstorm.", []),
    ("The Met Office called it a once-in-a-century storm. It was the wettest day on record.", []),
    ("After 30 years in the job, Smith called it a day. It was an emotional farewell for the club.", []),
    ("Locals call it the Bridge of Sighs. It was built in 1602.", []),
    ("Her real name is Maria.", []),
    ("The proper name for it is sodium chloride.", []),
    ("The right word is difficult to find, he admitted.", []),
    # no figure: wire copy, adjectives and verbs after the copula, no denial before
    ("It was not immediately clear who fired. It is the third attack this month.", []),
    ("The bill is not expected to pass. It is a long shot.", []),
    ("This wasn't idle talk. It was followed by new tariffs.", []),
    ("The plan is not new. It is indeed shocking.", []),
    ("The council met on Monday. It is the third meeting this year.", []),
    ("It is not a war. It is", []),
    ("It is not a war. It is a", []),
    ("It is not only a war. It is a siege.", []),  # "not only" adds, it does not deny
    ("This is not the first time. It is the third.", []),  # a count, not a name
    ("This is not a company. It is Acme Corp.", []),  # a proper name, not a label
    ("It is not a war.\n\nIt is a new paragraph.", []),  # the renaming is in the same paragraph
    ("I call it a scandal. It is the worst deal in years.", []),  # the author's own name is no other's
    ("The club called it off. It was a wet night.", []),  # "called it off" names nothing
    ("Officials called it a routine inspection. It was the second inspection this month.", []),
    ("The ministry calls it a pilot scheme. It is due to run for two years.", []),
])
def test_find_reframings(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


def test_reframing_is_a_loaded_term_of_the_report() -> None:
    import framing

    report = framing.analyze("The raid was not a police operation. It was a punishment of a whole town.", format="text")
    hits = [h for p in report.paragraphs for h in p.loaded_terms if h.category == REFRAMING_CATEGORY]
    assert [(h.text, h.source) for h in hits] == [("a punishment of a whole town", "rules")]
    assert report.loadedness > 0


@pytest.mark.parametrize(("text", "expected"), [
    ("None of this will stop the banner brigade.", ["banner brigade"]),
    ("Expect the hand-wringing brigade and the anti-car brigade by lunchtime.", ["hand-wringing brigade", "anti-car brigade"]),
    ("Placard-wavers and tree-huggers filled the square.", ["tree-huggers"]),  # capitalised: a sentence's first word
    ("The pearl-clutchers and union-bashers agreed.", ["pearl-clutchers", "union-bashers"]),
    # a unit, a name, a crime, a plain description: no label
    ("The fire brigade arrived within minutes.", []),
    ("An armoured brigade and a motor rifle brigade crossed the river.", []),
    ("A newly formed brigade joined the drugs brigade and an anti-aircraft brigade.", []),
    ("The Al-Aqsa Martyrs Brigade claimed the attack.", []),
    ("A knife-waving man in a figure-hugging dress was arrested.", []),
    ("Two drug-pushers were jailed.", []),
    # a "<cause>washing" word; not what is washed
    ("The festival is pinkwashing, and the summit pure AI-washing.", ["pinkwashing", "AI-washing"]),
    ("Dishwashing, handwashing, stonewashing, foot-washing, car washing and washing machines.", []),
])
def test_coined_labels(text: str, expected: list[str]) -> None:
    hits = find_coined_labels(text)
    assert all(text[h.start:h.end] == h.text and h.category in ("pejorative_label", "discrediting") for h in hits)
    assert [h.text for h in hits] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Grafton treated us like rubbish to be cleared, she said.", ["treated us like rubbish to be cleared"]),
    ("It is a government that treats journalism as espionage.", ["treats journalism as espionage"]),
    ("The migrants who trust them are treated as freight.", ["treated as freight"]),
    ("The regime treats dissent like a disease.", ["treats dissent like a disease"]),
    ("Parents are being treated like criminals.", ["treated like criminals"]),
    # a comparison, a clause, or an official class: no figure
    ("It was treated like any similar material.", []),
    ("They treat us like we're in the way.", []),
    ("Police are treating the death as murder.", []),
    ("The area was treated as a crime scene.", []),
    ("Doctors treated him as an outpatient.", []),
    ("The payment was treated as income by the tax office.", []),
    ("The tribunal treated the claim as vexatious.", []),
    ("The council treats the building as a listed heritage site.", []),
    ("The mistake would be to treat Moscow's demands as a starting point for the next round.", []),  # no charge
    # the mock "as if" after what others do (category discrediting), not after a verb of seeming
    ("Ministers urge restraint on both sides, as if the kindergarten had fired first.",
     ["as if the kindergarten had fired first"]),
    ("Iran behaves as if it owned the toll booth.", ["as if it owned the toll booth"]),
    ("It looked as if the storm would pass.", []),
    ("She felt as though the ground had opened.", []),
    # a likeness after a verb; not after a verb of seeming, a wish or an indefinite
    ("It has spent four decades behaving like an arsonist who expects help.", ["like an arsonist"]),
    ("She was watched like an enemy of the state.", ["like an enemy of the state"]),
    ("He ran the club like a personal fiefdom.", ["like a personal fiefdom"]),
    ("It looks like a deal will be reached.", []),
    ("I would like a refund.", []),
    ("It was something like a truce.", []),
    ("The wine tastes like a lemon.", []),  # a likeness after a verb that is no conduct describes
    ("Most people like a bargain.", []),
    # an "as <adjective> as a" simile, not a measure; "<policy> by <medium>", not "by consent"
    ("It was as useful as a chocolate teapot.", ["as useful as a chocolate teapot"]),
    ("Prices rose by as much as a third.", []),
    ("This is policy by press release, and it fails.", ["policy by press release"]),
    ("Policing by consent is a principle.", []),
    # a quality lent by a likeness; not a measure, a help or a count
    ("The room has all the warmth of a dentist's waiting area.", ["has all the warmth of a dentist's"]),
    ("He handles fish with the tenderness of a man defusing a bomb.", ["with the tenderness of a man"]),
    ("The official response moves at the speed of a committee.", []),  # as often a measure: "a bullet train"
    ("A hole the size of a football pitch opened.", []),
    ("With the help of a lawyer, she won.", []),
    ("Cases grew at the pace of a dozen a day.", []),
    # a renaming contrast; not a comparison of amounts or chances
    ("The water charge is less a price than a dare.", ["less a price than a dare"]),
    ("This is not so much a reform as a retreat.", ["not so much a reform as a retreat"]),
    ("He had more of a chance than a rival.", []),
    ("It is less an idea than a slogan.", ["less an idea than a slogan"]),  # found once
    ("Turnout was less a third than a quarter of last year's.", []),  # counts
    ("Less than a third voted.", []),
    ("This is not a film so much as a toy advert with a soundtrack.", ["not a film so much as a toy advert with a soundtrack"]),
    ("It was not a third so much as a half.", []),  # counts
    ("Not a single voter so much as noticed.", []),
])
def test_figures_found_by_rule(text: str, expected: list[str]) -> None:
    hits = [*find_treatments(text), *find_ironic_as_if(text), *find_likenesses(text), *find_set_figures(text)]
    assert all(text[h.start:h.end] == h.text and h.category in (REFRAMING_CATEGORY, IRONY_CATEGORY) for h in hits)
    assert [h.text for h in hits] == expected
