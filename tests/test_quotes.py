"""Attribution: direct quotations, reported speech, scare quotes and introduced lists."""

from __future__ import annotations

import pytest

import framing
from framing.model import Report, TermHit
from framing.stages.quotes import distances_author, find_quotes, is_speaker_like
from framing.stages.sentences import split_sentences


def quotes_of(text: str, list_items: list[tuple[int, int]] | None = None) -> list[tuple[str, str, str | None]]:
    found = find_quotes(text, split_sentences(text), list_items=list_items or [])
    assert all(text[q.start:q.end] == q.text for q in found)
    assert all(text[q.speaker.start:q.speaker.end] == q.speaker.text for q in found if q.speaker)
    return [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in found]


def _hits(report: Report, category: str) -> list[TermHit]:
    """The report's loaded terms of one category, in order."""
    return [h for p in report.paragraphs for h in p.loaded_terms if h.category == category]


@pytest.mark.parametrize(("text", "expected"), [
    ('"We will not sign this text," the spokesman said.',
     [("direct", '"We will not sign this text,"', "the spokesman")]),
    ('“The talks are over,” said Marta Ilves, an analyst.',
     [("direct", "“The talks are over,”", "Marta Ilves")]),
    ('Ilves told reporters: "Nothing was agreed today at all."',
     [("direct", '"Nothing was agreed today at all."', "Ilves")]),
    ("Marta Ilves, an analyst at the institute, said that the deal was dead.",
     [("reported", "the deal was dead", "Marta Ilves")]),
    ("According to Lavrov, the plan came from Washington and nowhere else.",
     [("reported", "the plan came from Washington and nowhere else", "Lavrov")]),
    ("The plan came from Washington, according to officials in Kyiv.",
     [("reported", "The plan came from Washington, according to officials in Kyiv", "officials")]),
    ('They offered photo-op "truces" instead of peace.', [("scare", '"truces"', None)]),
    ('The so-called "Peace Council" met again.', [("scare", '"Peace Council"', None)]),
    # a short quotation after a labelling verb is the subject's label, not a scare quote
    # (the object and its label are the labeller's words too, as reported speech)
    ('Mitch McConnell called it "responsible reform." Critics disagreed.',
     [("reported", 'it "responsible reform."', "Mitch McConnell"),
      ("direct", '"responsible reform."', "Mitch McConnell")]),
    ('Trump attacked Democrats as "radical socialists."',
     [("reported", 'Democrats as "radical socialists."', "Trump"), ("direct", '"radical socialists."', "Trump")]),
    ('The minister branded the protesters "thugs" on Monday.',
     [("reported", 'the protesters "thugs" on Monday', "The minister"), ("direct", '"thugs"', "The minister")]),
    ('It was called a "pause" by nobody.', [("scare", '"pause"', None)]),
    # a short quotation after a speech verb is a fragment of the speaker's words, not the author's scare quote
    ('The council rejected the plan, citing "financial risk" again.', [("direct", '"financial risk"', None)]),
    ('Beijing threatened "all necessary measures" on Monday.', [("direct", '"all necessary measures"', None)]),
    ('The firm said in a statement that it was "cooperating fully" with investigators.',
     [("reported", 'it was "cooperating fully" with investigators', "The firm"),
      ("direct", '"cooperating fully"', "The firm")]),
    ('The company could "refurbish" the building and relet it.', [("scare", '"refurbish"', None)]),
    # a noun that looks like a verb ("talks") is no speech verb; a speech verb in an earlier clause does not count
    ('Peace talks "collapsed" on Monday.', [("scare", '"collapsed"', None)]),
    ('After the mayor spoke to residents on Monday morning, the "consultation" began.',
     [("scare", '"consultation"', None)]),
    ('The clause had been agreed, and aides briefed the press that Kyiv was "obstructing progress".',
     [("scare", '"obstructing progress"', None)]),  # the speech verb belongs to another clause
    ('The agency said in a statement that it took safety seriously and that the results were "inconclusive '
     'at the time".', [("reported", 'it took safety seriously and that the results were "inconclusive at the time"',
                        "The agency"), ("direct", '"inconclusive at the time"', "The agency")]),
    # a charged verb of speech quotes someone too; one that takes an object opens no reported speech
    ('Ruth Hale slammed the plan as "a vanity project" on Monday.',
     [("reported", 'the plan as "a vanity project" on Monday', "Ruth Hale"),
      ("direct", '"a vanity project"', "Ruth Hale")]),
    ('Graham Pell gloated that the savings would be "substantial" this year.',
     [("reported", 'the savings would be "substantial" this year', "Graham Pell"),
      ("direct", '"substantial"', "Graham Pell")]),
    # "would be" is a verb, not "would-be": the quotation after it is the speaker's, as after "said"
    ('The chair, Graham Pell, said that the savings would be "substantial" next year.',
     [("reported", 'the savings would be "substantial" next year', "Graham Pell"),
      ("direct", '"substantial"', "Graham Pell")]),
    ('The would-be "reformers" met again.', [("scare", '"reformers"', None)]),
    ('Something akin to an "Istanbul Plus" deal.', []),
    ("His remarks clarified several points about the summit.", []),
    ("The talks were held under mutually agreed conditions at the venue.", []),
    ("Brokers in London said premiums had risen sharply this week.", []),
    # "that" after an object or an adjunct opens the reported words
    ("Vasnetsov boasted to reporters on the second day that Russia had come in peace.",
     [("reported", "Russia had come in peace", "Vasnetsov")]),
    ("Vasnetsov told reporters outside the venue that the conditions were final.",
     [("reported", "the conditions were final", "Vasnetsov")]),
    ("The Deal That Never Was reveals how the talks went wrong.", []),
])
def test_find_quotes(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert quotes_of(text) == expected


def test_list_after_a_reported_colon_belongs_to_the_speaker() -> None:
    text = "Trenin portrays the president as:\n\n• unpredictable and vain;\n- driven by glory.\n\nA new paragraph."
    items = [(text.index("unpredictable"), text.index(";") + 1), (text.index("driven"), text.index("glory.") + 6)]
    intro_end = text.index(":") + 1
    sentences = [*split_sentences(text, 0, intro_end), *(s for a, b in items for s in split_sentences(text, a, b))]
    quotes = find_quotes(text, sentences, list_items=items)
    found = [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in quotes]
    assert ("reported", "unpredictable and vain;", "Trenin") in found
    assert ("reported", "driven by glory.", "Trenin") in found


@pytest.mark.parametrize(("phrase", "expected"), [
    ("he", True), ("Marta Ilves", True), ("the spokesman", True), ("officials", True),
    ("it", False), ("Never Was", False), ("the conflict", False),
])
def test_is_speaker_like(phrase: str, expected: bool) -> None:
    assert is_speaker_like(phrase) is expected


def test_second_of_two_coordinated_labels_is_the_callers_word() -> None:
    report = framing.analyze('Critics call the mayor "reckless" and "arrogant". The plan passed.')
    hits = [h for p in report.paragraphs for h in p.loaded_terms]
    assert {h.text for h in hits} >= {"reckless", "arrogant"}
    assert all(h.in_quote for h in hits if h.text in ("reckless", "arrogant"))
    assert not [h for h in hits if h.category == "scare_quote"]


@pytest.mark.parametrize(("text", "expected"), [
    ('They held so-called "talks." Nothing came of it.', '"talks'),
    ('They held their idea of "talks", then left.', '"talks"'),
    ('The "peace plan", as they call it, is a farce.', '"peace plan"'),
])
def test_scare_quote_leaves_closing_punctuation_outside(text: str, expected: str) -> None:
    report = framing.analyze(text)
    scare = _hits(report, "scare_quote")
    assert [h.text for h in scare] == [expected]
    assert all(report.text[h.start:h.end] == h.text for h in scare)


@pytest.mark.parametrize(("text", "speaker"), [
    ('"They are holding us hostage," said union leader Frank Dolan.', "Frank Dolan"),
    ('"No deal," said campaign spokeswoman Jo Reyes on Monday.', "Jo Reyes"),
    ('"Nonsense," a council spokesman said.', "a council spokesman"),  # a role of two words before the verb
    ('"We will not sign this deal," said on Tuesday Mr Kane.', None),  # "on" is no role: no speaker guessed
    ('"We will fight this ruling all the way," said critics of party leader Frank Dolan.', "critics"),  # not Dolan
])
def test_a_speaker_named_after_a_role_in_lower_case(text: str, speaker: str | None) -> None:
    assert [found[2] for found in quotes_of(text)] == [speaker]


THAPA = '"We have waited for years," said Anjali Thapa.'


@pytest.mark.parametrize(("text", "expected"), [
    # an unattributed quotation right after an attributed one continues its speaker
    (THAPA + ' "We are tired of being ignored by these arrogant bureaucrats."', ["Anjali Thapa", "Anjali Thapa"]),
    (THAPA + '\n\n"We are tired of being ignored by these arrogant bureaucrats."', ["Anjali Thapa", "Anjali Thapa"]),
    (THAPA + ' "We are tired of it." "Nobody listens to us here at all."', ["Anjali Thapa"] * 3),  # a chain
    (THAPA + ' "Never again."', ["Anjali Thapa", "Anjali Thapa"]),  # a short one too
    ('"Nonsense," a council spokesman said. "The estate is a priority."', ["a council spokesman"] * 2),
    ('Anjali Thapa said the council had ignored the estate for years. "We are tired of being ignored."',
     ["Anjali Thapa", "Anjali Thapa"]),  # after reported speech
    # another speaker, author text, or an unattributed quotation in between ends the chain
    (THAPA + ' "That is simply not true at all," the mayor replied.', ["Anjali Thapa", "the mayor"]),
    (THAPA + ' The council has not replied. "We are tired of being ignored by everyone."', ["Anjali Thapa", None]),
    ('Anjali Thapa said the council had ignored the estate for years.\n\n"We are tired of being ignored."',
     ["Anjali Thapa", None]),  # reported speech carries on within its paragraph only
    (THAPA + ' Her neighbour is "tired of being ignored by everyone here".', ["Anjali Thapa", None]),
    ('"We have waited for years and years." "We are tired of being ignored by everyone."', [None, None]),
])
def test_an_unattributed_quotation_continues_the_speaker_before(text: str, expected: list[str | None]) -> None:
    assert [speaker for _, _, speaker in quotes_of(text)] == expected


def test_a_continued_quotation_gives_its_loaded_terms_the_speaker() -> None:
    report = framing.analyze(THAPA + ' "We are tired of being ignored by these arrogant bureaucrats."', format="text")
    hits = [h for p in report.paragraphs for h in p.loaded_terms if "arrogant" in h.text]
    assert hits and all(h.in_quote and h.speaker == "Anjali Thapa" for h in hits)


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
])
def test_a_speaker_set_off_by_an_appositive(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert quotes_of(text) == expected


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
])
def test_a_label_given_by_someone_else_is_reported(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(("text", "labels"), [
    ("The tabloids have called the strikers greedy and reckless. The strikers deserve our support.",
     ("greedy", "reckless")),
    ("Critics have branded the minister a liar.", ("liar",)),
    ("Workers are called extremists by the industry's friends in the press.", ("extremists",)),
])
def test_a_reported_label_is_not_the_authors_word(text: str, labels: tuple[str, ...]) -> None:
    report = framing.analyze(text, format="text")
    hits = [h for p in report.paragraphs for h in p.loaded_terms if any(label in h.text for label in labels)]
    assert hits and all(h.in_quote and h.speaker for h in hits)  # the labeller's (as resolved to an actor)


@pytest.mark.parametrize(("text", "distanced"), [
    # a cue before the quotation: "so-called", negation, someone else's name for the thing
    ('Moscow calls the shelling of the so-called "humanitarian corridor" a mistake.', True),
    ('The villagers were not "evacuated". They were taken.', True),
    ('Moscow has never been a "partner" in these talks.', True),
    ('This is no "reform" at all.', True),
    ('What passes for "modernisation" has closed four mills.', True),
    ('Kyiv\'s idea of "neutrality" would leave the port unguarded.', True),
    ('The strikes were carried out under the banner of "self-defence".', True),
    # a comment after it
    ('The commission issued its customary statement of "concern", a word that means nothing.', True),
    ('The union offered "flexibility" (read: longer shifts).', True),
    # no cue: news quotes a source's words this way as often as it scare-quotes them
    ('The deal offers "targeted relief" to growers in the south.', False),
    ('The clinic had a "stable" night after the storm.', False),
    ('Hamas fighters seized the "security zone" near the fence on Monday.', False),
    ('The choir also called "rainbow voices" met again.', False),  # "also called" is no "so-called"
])
def test_scare_quote_counts_as_loaded_only_with_a_distancing_cue(text: str, distanced: bool) -> None:
    report = framing.analyze(text)
    quotes = [q for p in report.paragraphs for q in p.quotes]
    assert [q.kind for q in quotes] == ["scare"]
    assert bool(_hits(report, "scare_quote")) == distanced
    assert distances_author(report.text, quotes[0]) == distanced
    assert report.loadedness > 0 if distanced else report.loadedness == 0  # a negation cue is no denial


@pytest.mark.parametrize(("text", "label"), [
    ('The company calls this "roster optimisation". Its crews call it something else.', '"roster optimisation"'),
    ('Opposition leaders branded the budget "a gift to landlords".', '"a gift to landlords"'),
    ('In a memo, a senior executive dismisses the cases as "a presentation problem".', '"a presentation problem"'),
    ('Kremlin officials called the convoy "a provocation" on Monday.', '"a provocation"'),
])
def test_quoted_label_is_a_loaded_term_in_the_labellers_voice(text: str, label: str) -> None:
    report = framing.analyze(text)
    labels = _hits(report, "quoted_label")
    assert [h.text for h in labels] == [label]
    assert all(h.in_quote and h.speaker for h in labels)
    assert report.loadedness == 0.0  # the labeller's words, not the author's


@pytest.mark.parametrize("text", [
    'The minister said the plan was "working well" and would continue.',  # speech, not a label
    'Critics call the mayor "reckless". The plan passed.',  # the listed word inside is the hit
    'Police called for "calm" after the clashes.',  # a request, not a label
    'Doctors described his condition as "stable" on Tuesday.',  # a description, not a label
    'The report, titled "Water for All", was published on Monday.',
])
def test_no_quoted_label_without_a_labelling_verb_or_with_a_listed_word(text: str) -> None:
    report = framing.analyze(text)
    assert not _hits(report, "quoted_label")


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


def test_insisting_on_something_is_no_reported_speech() -> None:
    text = ("Russian negotiators insisted on a separate press room, staged a photo-op with the hosts and briefed "
            "state television that the talks were going well.")
    report = framing.analyze(text)
    photo_op = [h for h in _hits(report, "theatre_spectacle") if h.text == "photo-op"]
    assert photo_op and not photo_op[0].in_quote  # the author's words, not the negotiators'


@pytest.mark.parametrize("text", [
    "Russia insisted on Monday the Kyiv regime had shelled the plant.",
    "Hamas confirmed on Sunday the ceasefire regime would hold.",
])
def test_a_time_after_a_speech_verb_keeps_reported_speech(text: str) -> None:
    report = framing.analyze(text)
    assert [q.kind for p in report.paragraphs for q in p.quotes] == ["reported"]
    assert report.loadedness == 0.0  # "regime" is the speaker's word


@pytest.mark.parametrize(("text", "speaker"), [
    ('Kremlin critics said the vote was "a sham".', "Kremlin critics"),
    ('Trump supporters said the trial was "a witch hunt".', "Trump supporters"),
    ("Netanyahu's critics said the plan was \"a disgrace\".", "Netanyahu's critics"),
    ('Anti-Hamas protesters said the group had "betrayed" Gaza.', "Anti-Hamas protesters"),
    ('Smith said the plan was "a disgrace".', "Smith"),
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


@pytest.mark.parametrize("text", [
    "After weeks of savage bombardment by the occupiers, the army said on Monday it had taken the town.",
    "Prices rose sharply in the savage north, and the UN said on Monday that aid was running out.",
    "I think this barbaric war must end now.",
    "We believe the corrupt regime will fall.",
    "This, I argue, is a barbaric policy.",
    "Critics accuse the government of a brutal crackdown on dissent.",
    "The opposition says little about the corrupt deals of its own leaders.",
    "Nobody believes what it says about the savage war in the east.",
    '"It is finished," she said, laughing at the barbaric absurdity of it all.',
])
def test_the_authors_loaded_words_stay_the_authors(text: str) -> None:
    report = framing.analyze(text)
    hits = [h for p in report.paragraphs for h in p.loaded_terms if h.text != "It is finished"]
    assert hits and not [h for h in hits if h.in_quote and not h.text.startswith('"')]
    assert report.loadedness > 0


@pytest.mark.parametrize(("text", "speaker"), [
    ("The war in Gaza, he said, is a genocide against the Palestinian people.", "he"),
    ("If the past is any guide, analysts say, the brutal regime will survive.", "analysts"),
    ("As the president said, the reckless strikes must stop at once.", "the president"),
    ('The cuts are what the ministry calls "barbaric modernisation".', "the ministry"),
])
def test_the_speakers_loaded_words_are_the_speakers(text: str, speaker: str) -> None:
    report = framing.analyze(text)
    hits = [h for p in report.paragraphs for h in p.loaded_terms]
    assert hits and {h.speaker for h in hits} == {speaker} and report.loadedness == 0


@pytest.mark.parametrize(("text", "speaker"), [
    ("India's election commission said turnout in the first phase reached 64 percent.", "India's election commission"),
    ('Progressives like to call the border a "manufactured crisis" at every turn.', "Progressives"),
    ('Some Conservatives have taken to calling the aid "a blank cheque" lately.', "Some Conservatives"),
    ("Union bosses claim the strikes are about patient safety and nothing else.", "Union bosses"),
])
def test_more_speakers_of_opinion_and_wire_copy(text: str, speaker: str) -> None:
    assert speaker in {q.speaker.text for q in find_quotes(text, split_sentences(text)) if q.speaker}


def test_an_object_verb_without_a_clause_reports_nothing() -> None:
    text = "Opponents claim victory in the disputed vote across the region."
    assert not find_quotes(text, split_sentences(text))


def test_a_second_predicate_of_the_speaker_is_the_authors() -> None:
    text = ('Lopez told the court the driver was playing "a reckless game," and thus parroted '
            "the defence's claim that the crash was an accident.")
    start = text.index("parroted")
    assert not [q for q in find_quotes(text, split_sentences(text)) if q.start <= start < q.end]
