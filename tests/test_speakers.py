"""Speakers: who speaks a quotation or reported words (names, roles, groups, possessives, appositives)."""

from __future__ import annotations

import pytest

import framing
from framing.stages.quotes import find_quotes
from framing.stages.sentences import split_sentences
from framing.stages.speakers import is_speaker_like, sentence_subject, speaker_after, subject_before

from .conftest import quotes_of


@pytest.mark.parametrize(("phrase", "expected"), [
    ("he", True), ("Marta Ilves", True), ("the spokesman", True), ("officials", True),
    ("it", False), ("Never Was", False), ("the conflict", False),
])
def test_is_speaker_like(phrase: str, expected: bool) -> None:
    assert is_speaker_like(phrase) is expected


@pytest.mark.parametrize(("text", "speaker"), [
    ('"They are holding us hostage," said union leader Frank Dolan.', "Frank Dolan"),
    ('"No deal," said campaign spokeswoman Jo Reyes on Monday.', "Jo Reyes"),
    ('"Nonsense," a council spokesman said.', "a council spokesman"),  # a role of two words before the verb
    ('"We will not sign this deal," said on Tuesday Mr Kane.', None),  # "on" is no role: no speaker guessed
    ('"We will fight this ruling all the way," said critics of party leader Frank Dolan.', "critics"),  # not Dolan
])
def test_a_speaker_named_after_a_role_in_lower_case(text: str, speaker: str | None) -> None:
    assert [found[2] for found in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(("text", "expected"), [
    # "<role>, <Name>, <verb>" and "<Name>, <role>, <verb>": the name speaks
    ("The union's leader, Denise Okafor, told reporters that \"the bosses are greedy\".",
     [("direct", '"the bosses are greedy"', "Denise Okafor")]),
    ("Denise Okafor, union leader, said that the bosses had never cared about the staff.",
     [("reported", "the bosses had never cared about the staff", "Denise Okafor")]),
    ("In Nairobi, Denise Okafor, the union's leader, said that the strike would go on.",
     [("reported", "the strike would go on", "Denise Okafor")]),
    ("The spokesman, a veteran diplomat, said that the talks had failed again.",
     [("reported", "the talks had failed again", "The spokesman")]),
    ("On Monday, the minister said that the deal was dead.", [("reported", "the deal was dead", "the minister")]),
    ("A member of the authority, who asked not to be named, said the body was trying to find a formula.",
     [("reported", "the body was trying to find a formula", "A member of the authority")]),
    # everyday words, but the appositive says what they name; and "called" is its verb, no participle
    ('Harbor Watch, a Vienna-based NGO, called the law "a playbook for censors."',
     [("reported", 'the law "a playbook for censors."', "Harbor Watch"),
      ("direct", '"a playbook for censors."', "Harbor Watch")]),
])
def test_a_speaker_set_off_by_an_appositive(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(("text", "speaker"), [
    ('Israeli officials said the strike "targeted militants" in the area.', "Israeli officials"),
    ('"We will not be intimidated," Palestinian officials said on Monday.', "Palestinian officials"),
    ('"It was a massacre," said senior Ukrainian officials.', "senior Ukrainian officials"),
    ('Human rights groups called the verdict "a travesty".', "Human rights groups"),
    ('Union leaders said the offer was "an insult" to nurses.', "Union leaders"),
    ('On Monday officials said the talks were "over" for now.', "officials"),  # "On Monday" is no modifier
])
def test_a_plural_speaker_without_a_determiner(text: str, speaker: str) -> None:
    quotes = find_quotes(text, split_sentences(text))
    assert speaker in {q.speaker.text for q in quotes if q.speaker}


def test_a_group_speaker_makes_no_person_of_its_modifiers() -> None:
    report = framing.analyze('Hong Kong police said the march was "unlawful" and would be broken up.')
    assert not [a for a in report.actors if a.kind == "person"]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Kremlin critics said the vote was "a sham".', "Kremlin critics"),
    ('Trump supporters said the trial was "a witch hunt".', "Trump supporters"),
    ("Netanyahu's critics said the plan was \"a disgrace\".", "Netanyahu's critics"),
    ('Anti-Hamas protesters said the group had "betrayed" Gaza.', "Anti-Hamas protesters"),
    ('Smith said the plan was "a disgrace".', "Smith"),
    ("The workers' union said the offer was \"a disgrace\".", "The workers' union"),  # a body the group forms
])
def test_a_group_is_not_the_voice_of_the_actor_it_is_named_after(text: str, speaker: str) -> None:
    report = framing.analyze(text)
    assert {h.speaker for p in report.paragraphs for h in p.loaded_terms} == {speaker}


@pytest.mark.parametrize(("text", "speaker"), [
    ("Israel's ambassador said the report was \"a lie\".", "Israel's ambassador"),
    ("Russia's foreign ministry said the claims were \"absurd\".", "Russia's foreign ministry"),
    ('Reportedly officials said the talks were "over" for now.', "officials"),
])
def test_possessive_and_group_speakers_with_their_modifiers(text: str, speaker: str) -> None:
    assert speaker in {q.speaker.text for q in find_quotes(text, split_sentences(text)) if q.speaker}


@pytest.mark.parametrize(("text", "speaker"), [
    ("India's election commission said turnout in the first phase reached 64 percent.", "India's election commission"),
    ('Progressives like to call the border a "manufactured crisis" at every turn.', "Progressives"),
    ('Some Conservatives have taken to calling the aid "a blank cheque" lately.', "Some Conservatives"),
    ("Union bosses claim the strikes are about patient safety and nothing else.", "Union bosses"),
])
def test_more_speakers_of_opinion_and_wire_copy(text: str, speaker: str) -> None:
    assert speaker in {q.speaker.text for q in find_quotes(text, split_sentences(text)) if q.speaker}


@pytest.mark.parametrize(("text", "speaker"), [
    ('"We will not back down," said the minister.', "the minister"),
    ('"We will not back down," Marta Ilves told reporters.', "Marta Ilves"),
    ('"We will not back down," said union leader Frank Dolan.', "Frank Dolan"),
    ('"We will not back down." The talks resume on Monday.', None),
    # after a quotation that closes a statement the frame names the speaker, whatever the role
    ('"We will not back down," said co-author Ingrid Vos.', "Ingrid Vos"),
    ('"We will not back down," said retired machinist Lou Kaminski.', "Lou Kaminski"),
    ('"We will not back down," the former paratrooper said.', "the former paratrooper"),
    ('"We will not back down," one 15-year-old told me.', "one 15-year-old"),
    ('"We will not back down," said a week later the mayor.', None),  # a time is no one
    ('"We will not back down," said one of them, a former programmer.', "one of them"),
    # a role of several words after the verb is whole; a participle or a preposition ends a role
    ('"We will not back down," said the prime minister.', "the prime minister"),
    ('"We will not back down," said the deputy prime minister of Italy.', "the deputy prime minister"),
    ('"We will not back down," said a retired machinist from Ohio.', "a retired machinist"),
    ('"We want justice," chanted crowds marching through Minneapolis.', None),
    ('"This is home," said squatters inside Buckingham Palace.', None),
    # a name, a phrase between commas, then the verb
    ('"We will not back down," Maria Lopez, the finance minister, said on Friday.', "Maria Lopez"),
    ('"We will not back down," Lt Col Avi Dromi, an army spokesman, told reporters.', "Lt Col Avi Dromi"),
    ('"We will not back down," Maria Lopez, the finance minister, signed the bill.', None),  # no speech verb
    # a body's name, a role, then the person's name: the person speaks
    ('"We will win the league," said Portside United chairman Derek Malone.', "Derek Malone"),
    ('"Rates will rise," said Riverside Bank economist Laura Finch.', "Laura Finch"),
    ('"Rates will rise," said Riverside Bank on Monday.', "Riverside Bank"),
    # a role in lower case, the name, then the verb
    ('"We have recovered 31 bodies," county commissioner Joseph Wekesa told reporters.', "Joseph Wekesa"),
    # a surname that is also a word is a name after a statement's quotation
    ('"She did what the law expects," Bell said.', "Bell"),
    ('"She did what the law expects," said Park.', "Park"),
    ('"She did what the law expects," It said.', None),
])
def test_speaker_after_a_quotation(text: str, speaker: str | None) -> None:
    end = text.index(",\"") + 2 if ",\"" in text else text.index(".\"") + 2
    found = speaker_after(text, end, text[end:])
    assert (found.text if found else None) == speaker
    assert found is None or text[found.start:found.end] == found.text


@pytest.mark.parametrize(("clause", "speaker"), [
    ("Marta Ilves, an analyst at Brightwater,", "Marta Ilves"),
    ("The union's leader, Denise Okafor,", "Denise Okafor"),
    ("Brokers in London", None),
    ("Israeli officials", "Israeli officials"),
])
def test_subject_before_a_speech_verb(clause: str, speaker: str | None) -> None:
    found = subject_before(clause, 0, clause)
    assert (found.text if found else None) == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ('"These are painful decisions," chief executive Hugo Lindqvist said in a memo.', "Hugo Lindqvist"),
    ('"Lagos doesn\'t move," he likes to say.', "he"),
    ('"We have food for a month," one of them said.', "one of them"),
    ('Opponents of the visa scheme warn of "floods" of newcomers.', "Opponents of the visa scheme"),
    ('A Home Office spokesperson credited "robust enforcement" for the fall.', "Home Office spokesperson"),
])
def test_more_speakers_of_quotations(text: str, speaker: str) -> None:
    assert {s for _, _, s in quotes_of(text)} == {speaker}  # every quotation and reported clause is theirs


@pytest.mark.parametrize(("text", "start", "subject"), [
    ("Kenya's opposition leader, Joseph Mwangi, rejected the results.", 0, "Joseph Mwangi"),
    ("Nigeria's central bank raised rates again.", 0, "Nigeria's central bank"),
    ("The electoral commission rejected the claim.", 0, "The electoral commission"),
    ("Former President Gregory Hale lashed out at the verdict.", 0, "Former President Gregory Hale"),
    ("The weather turned cold.", 0, None),
])
def test_sentence_subject(text: str, start: int, subject: str | None) -> None:
    found = sentence_subject(text, start, len(text))
    assert (found.text if found else None) == subject


def test_a_role_and_name_after_a_scare_quote_is_no_speaker() -> None:
    text = 'The so-called "peace plan" collapsed when foreign minister Sergei Lavrov said no.'
    assert quotes_of(text) == [("scare", '"peace plan"', None)]


def test_the_authors_own_verb_keeps_a_scare_quote() -> None:
    assert quotes_of('We blamed "the system" for years.') == [("scare", '"the system"', None)]


@pytest.mark.parametrize(("phrase", "speaks"), [
    ("Wes Streeting", True),  # a given name opens a name whatever its other words look like
    ("Streeting", True),  # a noun plus "-ing" is a surname, not an everyday word
    ("Harding", True),
    ("The Meeting", False),  # listed words
    ("Building", False),
    ("The Deal That Never Was", False),
])
def test_surnames_that_look_like_ing_forms_can_speak(phrase: str, speaks: bool) -> None:
    assert is_speaker_like(phrase) is speaks
