"""Reported speech: the words a sentence reports as someone's, labels given by others, introduced lists."""

from __future__ import annotations

import pytest

import framing
from framing.stages.quotes import find_quotes
from framing.stages.sentences import split_sentences

from .conftest import hits_of, quotes_of


def test_list_after_a_reported_colon_belongs_to_the_speaker() -> None:
    text = "Trenin portrays the president as:\n\n• unpredictable and vain;\n- driven by glory.\n\nA new paragraph."
    items = [(text.index("unpredictable"), text.index(";") + 1), (text.index("driven"), text.index("glory.") + 6)]
    intro_end = text.index(":") + 1
    sentences = [*split_sentences(text, 0, intro_end), *(s for a, b in items for s in split_sentences(text, a, b))]
    quotes = find_quotes(text, sentences, list_items=items)
    found = [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in quotes]
    assert ("reported", "unpredictable and vain;", "Trenin") in found
    assert ("reported", "driven by glory.", "Trenin") in found


@pytest.mark.parametrize(("text", "expected"), [
    # a speech verb that is also a plural noun, followed by a preposition or an auxiliary, is the noun
    ("Compensation claims from flood victims rose sharply, and the insurers are furious.", []),
    ("Asylum claims will be processed within ninety days, and Libya will stop the boats.", []),
    ("Union demands for higher pay were rejected by the board last week.", []),
    ("Recession fears grew as the markets fell for a third day.", []),
    # the verb still opens reported speech
    ("The minister claims that the figures were invented by the opposition.",
     [("reported", "the figures were invented by the opposition", "The minister")]),
    ("She fears the plan will hurt the poorest families most.",
     [("reported", "the plan will hurt the poorest families most", "She")]),
    ("The firm claims in a lawsuit that the design was copied.",
     [("reported", "the design was copied", "The firm")]),
])
def test_a_plural_noun_is_no_speech_verb(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a label someone else gives is that labeller's words (object and complement), like reported speech
    ("The tabloids have called the strikers greedy and reckless. The strikers deserve our support.",
     [("reported", "the strikers greedy and reckless", "The tabloids")]),
    ("Critics have branded the minister a liar.", [("reported", "the minister a liar", "Critics")]),
    ("Opponents denounced the plan as a giveaway to developers.",
     [("reported", "the plan as a giveaway to developers", "Opponents")]),
    ("The strikers are called extremists by the industry's friends in the press.",
     [("reported", "extremists", "the industry's friends in the press")]),
    ("The strikers (and their families) are called extremists by the press.", [("reported", "extremists", "the press")]),
    ("The minister has been called a liar.", [("reported", "a liar", None)]),  # by someone unnamed
    ('The cuts have been called "efficiencies".',
     [("direct", '"efficiencies"', None), ("reported", '"efficiencies"', None)]),  # not the author's scare quote
    ("The protesters were called thugs by the police chief on Monday.",
     [("reported", "thugs", "the police chief")]),  # a time after the agent is no part of it
    # the author's own labels, and calls that label nothing
    ("I call this a disgrace.", []),
    ("We call it theft.", []),
    ("The union called a strike over pay cuts at the plant.", []),
    ("Residents called the police for help after the attack.", []),
    ("The village is called Ashford.", []),
    ("A group called Extinction Rebellion blocked the road.", []),  # a name given, not a label
    ("They called them yesterday.", []),
    ("The minister was not called a liar by anyone.", []),
    ("The meeting was called off after the storm.", []),
    ("The paper vilified the union as members walked out.", []),  # "as" opens a clause of time, no label
    ("The tabloids demonised the nurses as prices rose.", []),
    ("The paper vilified the union as a gang of wreckers.",
     [("reported", "the union as a gang of wreckers", "The paper")]),
    # a conjunction inside the quoted label ends nothing
    ('Chancellor Lukas Brandner calls his new asylum package "firm but fair."',
     [("reported", 'his new asylum package "firm but fair."', "Chancellor Lukas Brandner"),
      ("direct", '"firm but fair."', "Chancellor Lukas Brandner")]),
])
def test_a_label_given_by_someone_else_is_reported(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert quotes_of(text) == expected


def test_insisting_on_something_is_no_reported_speech() -> None:
    text = ("Russian negotiators insisted on a separate press room, staged a photo-op with the hosts and briefed "
            "state television that the talks were going well.")
    report = framing.analyze(text)
    photo_op = [h for h in hits_of(report, "theatre_spectacle") if h.text == "photo-op"]
    assert photo_op and not photo_op[0].in_quote  # the author's words, not the negotiators'


@pytest.mark.parametrize("text", [
    "Russia insisted on Monday the Kyiv regime had shelled the plant.",
    "Hamas confirmed on Sunday the ceasefire regime would hold.",
])
def test_a_time_after_a_speech_verb_keeps_reported_speech(text: str) -> None:
    report = framing.analyze(text)
    assert [q.kind for p in report.paragraphs for q in p.quotes] == ["reported"]
    assert report.loadedness == 0.0  # "regime" is the speaker's word


@pytest.mark.parametrize("text", [
    "A week later said nothing about the deal that the two sides had signed.",  # a time says nothing
    "The problem, he said, is that the money has already been spent on roads.",  # the speaker is "he"
    "In Hartlepool, the young candidate is told by one voter that politicians are all the same.",  # a passive
])
def test_a_determiner_phrase_that_is_no_one_does_not_speak(text: str) -> None:
    speakers = [q.speaker.text for q in find_quotes(text, split_sentences(text)) if q.speaker]
    assert not any(speaker.startswith(("A week", "The problem", "the young candidate")) for speaker in speakers)


def test_a_passive_said_to_reports_no_speech() -> None:
    text = "Police detained 40 protesters said to have thrown stones at the embassy."
    assert not find_quotes(text, split_sentences(text))


@pytest.mark.parametrize(("text", "speaker"), [
    ("Fighting has displaced more than ten million people, the migration agency said on Monday.", "the migration agency"),
    ("Forces pushed back an assault near the town, the regional governor, Ivan Petrenko, said on Telegram.",
     "Ivan Petrenko"),
    ("The bank is in advanced talks to buy a rival, people familiar with the matter said.",
     "people familiar with the matter"),
    ("Critics of the subsidy say the money would be better spent on schools.", "Critics of the subsidy"),
    ("The agency declared an emergency. In a statement, it said cases had tripled in a month.", "it"),
    ("The electoral commission said the vote was free and fair in every region.", "The electoral commission"),
    ("Union bosses insist the strikes are about patient safety and nothing else.", "Union bosses"),
    # before a plain verb of saying any role speaks, past an appositive
    ("One medic, a former dentist who goes by Doc, said drones had made daylight impossible.", "One medic"),
    ("A retired machinist told me the plant had closed without any warning at all.", "A retired machinist"),
    # a verb coordinated with the one before it shares its subject
    ("Rights groups welcomed the arrest but said justice for victims required fair trials.", "Rights groups"),
])
def test_reported_speech_in_wire_and_opinion_forms(text: str, speaker: str) -> None:
    reported = [q for q in find_quotes(text, split_sentences(text)) if q.kind == "reported"]
    assert [q.speaker.text if q.speaker else None for q in reported] == [speaker]


@pytest.mark.parametrize(("text", "outside"), [
    ("The president said troops would not be accepted on its soil, responding to remarks by a senator.",
     "responding to remarks"),  # a participle phrase closing the sentence is the author's
    ("When the owners announced the diner would close for good, regulars started a petition.", "regulars started"),
    ("Employers warned that wages would fall. They said that in 1999, when the law was new.", "in 1999"),
])
def test_reported_speech_stops_where_the_author_resumes(text: str, outside: str) -> None:
    start = text.index(outside)
    quotes = find_quotes(text, split_sentences(text))
    assert not [q for q in quotes if q.start <= start < q.end]


def test_adding_that_continues_the_speakers_words() -> None:
    text = 'An official said the talks were "tense but serious," adding that neither side had walked out.'
    quotes = find_quotes(text, split_sentences(text))
    start = text.index("neither side")
    assert [q.speaker.text for q in quotes if q.start <= start < q.end and q.speaker] == ["An official"]


def test_an_object_verb_without_a_clause_reports_nothing() -> None:
    text = "Opponents claim victory in the disputed vote across the region."
    assert not find_quotes(text, split_sentences(text))


def test_a_second_predicate_of_the_speaker_is_the_authors() -> None:
    text = ('Lopez told the court the driver was playing "a reckless game," and thus parroted '
            "the defence's claim that the crash was an accident.")
    start = text.index("parroted")
    assert not [q for q in find_quotes(text, split_sentences(text)) if q.start <= start < q.end]


@pytest.mark.parametrize(("text", "speaker", "words"), [
    ('Kenya\'s opposition leader, Joseph Mwangi, rejected the results on Thursday, saying the count had been '
     '"doctored from start to finish."', "Joseph Mwangi", "the count had been"),
    ('Former President Gregory Hale lashed out at the verdict, calling it "a disgrace to the nation."',
     "Former President Gregory Hale", "a disgrace"),
    ("Nurses in Scotland voted to accept a 6 percent pay offer, ending the threat of strikes, the Royal College of "
     "Nursing said.", "Royal College of Nursing", "ending the threat of strikes"),
    ("Climate sceptics used to claim the planet was not warming at all.", "Climate sceptics", "the planet was not"),
    ("The vaccine was, in the words of one breathless headline, a miracle of modern science.",
     "one breathless headline", "a miracle"),
])
def test_reported_speech_of_participles_bodies_habits_and_words_of(text: str, speaker: str, words: str) -> None:
    reported = [(quoted, who) for kind, quoted, who in quotes_of(text) if kind == "reported"]
    assert any(words in quoted and who == speaker for quoted, who in reported), reported


def test_a_verb_after_an_aside_gives_a_label() -> None:
    text = "Their parents, back in Yekaterinburg, call them traitors."
    assert ("reported", "them traitors", "Their parents") in quotes_of(text)
    assert not any(kind == "reported" for kind, _, _ in quotes_of("The firm, called Acme, makes traitors' gates."))


def test_each_clause_after_a_semicolon_has_its_own_speaker() -> None:
    text = ("Civil rights groups say the law disenfranchises elderly voters; state officials say it prevents fraud.")
    reported = [(quoted, who) for kind, quoted, who in quotes_of(text) if kind == "reported"]
    assert ("the law disenfranchises elderly voters", "Civil rights groups") in reported
    assert ("it prevents fraud", "state officials") in reported


def test_a_semicolon_inside_a_quotation_splits_nothing() -> None:
    text = 'He said: "Farmers say prices are falling; bankers say rates are rising."'
    speakers = {who for kind, _, who in quotes_of(text)}
    assert "bankers" not in speakers and "He" in speakers


@pytest.mark.parametrize(("text", "speaker", "words"), [
    ("Coast guard vessels, the fishermen say, have chased them from their grounds.", "the fishermen",
     "Coast guard vessels, the fishermen say, have chased them"),
    ("Why, the chancellor asks, should taxpayers bail out the universities?", "the chancellor", "should taxpayers"),
])
def test_a_plain_noun_phrase_between_commas_speaks(text: str, speaker: str, words: str) -> None:
    assert any(kind == "reported" and words in quoted and who == speaker for kind, quoted, who in quotes_of(text))


def test_a_clause_after_an_end_attribution_is_the_authors() -> None:
    text = "Meridian Air will cut 2,000 jobs, the airline said on Tuesday, as it struggles with fuel costs."
    reported = [(quoted, who) for kind, quoted, who in quotes_of(text) if kind == "reported"]
    assert reported == [("Meridian Air will cut 2,000 jobs", "the airline")]


@pytest.mark.parametrize("text", [
    '"We will appeal," she said in a statement.',  # an adjunct after the verb
    "She hoped for the best.",
    "Smith scored twice in the first half, adding a third in stoppage time.",
    "Fans lined the streets, saying goodbye to the old stadium.",
    "He pleaded guilty to fraud charges on Monday.",
    "The minister recounted the events of that night in detail.",
    "What Russia asked in return was modest and entirely reasonable.",
    "The team lost again, a result few expected.",
    "Many took comfort in the words of the president, who promised a swift recovery.",
    # an adjunct after the attribution of a direct quotation, and a pronoun for what was said
    '"A gap the legislature left open stays open," Chief Justice Menon wrote in the 64-page judgment.',
    '"We did not want to sell him," he said at a press conference at the stadium on Friday.',
    '"The plan is sound," Maria Lopez, the finance minister, said on Friday.',
    "The club said so in a statement on Saturday night.",
    "Tavares said it on Instagram shortly after the announcement.",
    # a verb after "and" shares no subject across "that"
    "The court heard that the teenager stole a car and told friends he was sorry.",
    # a denied saying reports no words; "says little" and "said nothing of" say nothing
    "The ministry has not said whether the border is secure at all.",
    "The report says little about the costs of the scheme.",
    "The minister said nothing of the kind last week.",
    "The two firms agreed on Tuesday to combine their steel plants.",  # an agreement to act
    "The company disclosed the figures on Monday.",  # an object, no words
    "The court ruled out an appeal on Monday afternoon.",  # "ruled" speaks only before "that"
    "Vladimir Putin ruled Russia for more than two decades.",
])
def test_no_reported_speech_where_nobody_speaks(text: str) -> None:
    assert [q for q in quotes_of(text) if q[0] == "reported"] == []


@pytest.mark.parametrize(("text", "speaker", "words"), [
    ("Prices will rise; wages will not, the minister said.", "the minister", "Prices will rise; wages will not"),
    ("The talks failed, officials said, because neither side would budge on borders.", "officials",
     "because neither side would budge"),
    ("The new rules, the ministry said, assess each application on its merits.", "the ministry",
     "The new rules, the ministry said, assess each application"),
    ("In Washington, lawmakers passed the bill, saying it would cut costs.", "lawmakers", "it would cut costs"),
    # after a quotation's attribution a second clause of saying still reports
    ('"We will appeal," Ms Rowe said, and she said the ruling ignored the evidence.', "she",
     "the ruling ignored the evidence"),
    ("He said on Friday the plan would fail because nobody funded it.", "He", "the plan would fail"),
    # a quantity opens the words said; auxiliaries and adverbs stand between the speaker and the verb
    ("Its coordinator, Lucy Brearley, said more than 200 volunteers had signed up.", "Lucy Brearley",
     "more than 200 volunteers"),
    ("The Gaza Health Ministry says more than 35,000 people have been killed.", "Gaza Health Ministry",
     "more than 35,000 people"),
    ("The minister said much of the town had flooded overnight.", "The minister", "much of the town"),
    ("The Kremlin has repeatedly warned that expansion would be met with a response.", "Kremlin",
     "expansion would be met"),
    ("Critics have also said the plan would cost too much money.", "Critics", "the plan would cost"),
    ("The Competition and Markets Authority (CMA) said it was monitoring the deal closely.",
     "Competition and Markets Authority", "it was monitoring the deal"),
    ("Pacific Valley Power disclosed in a filing on Monday that one of its lines had failed.",
     "Pacific Valley Power", "one of its lines had failed"),
    ("Judge Amara Okafor ruled that the claim had no basis in law.", "Judge Amara Okafor", "the claim had no basis"),
    # a time adverb before the verb; a name's "of" complement; a bracketed acronym before a relative clause
    ("His running mate, Carmen Ugarte, later said the party had filed requests.", "Carmen Ugarte",
     "the party had filed requests"),
    ("Superintendent Alan Marsh of Northshire Police said officers had made one arrest.",
     "Superintendent Alan Marsh", "officers had made one arrest"),
    ("The National Jury of Elections (JNE), which rules on challenges, said it would review the requests.",
     "National Jury of Elections", "it would review the requests"),
    ("The chairman reminded both sides that the inquiry was not a criminal trial.", "The chairman",
     "the inquiry was not a criminal trial"),
    ("Forecasters with the National Weather Service said the winds would ease by Friday.",
     "Forecasters with the National Weather Service", "the winds would ease"),
])
def test_attributions_that_span_clauses_and_adjuncts(text: str, speaker: str, words: str) -> None:
    assert any(kind == "reported" and words in quoted and who == speaker for kind, quoted, who in quotes_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("The mayor told reporters the bridge would reopen next spring.",
     [("reported", "the bridge would reopen next spring", "The mayor")]),
    ("The mayor told them the bridge would reopen next spring.",
     [("reported", "the bridge would reopen next spring", "The mayor")]),
    ("The mayor told reporters that the bridge would reopen next spring.",  # "that" marks it already
     [("reported", "the bridge would reopen next spring", "The mayor")]),
    ("The mayor told her staff the office would close on Friday.",  # "her" is a possessive here
     [("reported", "her staff the office would close on Friday", "The mayor")]),
])
def test_the_one_told_is_not_part_of_the_words(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(("text", "speaker", "words"), [
    # a relative clause closed before the verb leaves the verb the subject's
    ("Margaret Olsen, who leads the Save the Riverbank coalition, said the developer, Harlow Properties, had "
     "bulldozed residents' concerns.", "Margaret Olsen", "the developer, Harlow Properties, had bulldozed residents' concerns"),
    ('Mayor Alan Pryce, who backed the plan, called the decision "a gift to the NIMBY brigade".',
     "Mayor Alan Pryce", 'the decision "a gift to the NIMBY brigade"'),
    # the charge of an accusation is the accuser's wording
    ("Gary Holt accused the board of a cash grab dressed up as maintenance.", "Gary Holt",
     "a cash grab dressed up as maintenance"),
    ("The opposition accused the government of lying about the figures.", "The opposition", "lying about the figures"),
    ("Critics accuse the government of a brutal crackdown on dissent.", "Critics", "a brutal crackdown on dissent"),
])
def test_relative_clauses_and_accusations_report_the_subjects_words(text: str, speaker: str, words: str) -> None:
    reported = [(quoted, who) for kind, quoted, who in quotes_of(text) if kind == "reported"]
    assert (words, speaker) in reported, reported
    assert framing.analyze(text, format="text").loadedness == 0.0  # no loaded word is the author's


def test_the_verb_inside_a_relative_clause_reports_only_that_clause() -> None:
    text = "Senator Ruth Vale, who has said she will vote against it, called the bill a disgrace."
    assert ("reported", "the bill a disgrace", "Senator Ruth Vale") in quotes_of(text)
