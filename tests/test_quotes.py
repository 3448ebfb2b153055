"""Quotations: direct quotations, scare quotes and what distances the author, quoted labels."""

from __future__ import annotations

import pytest

import framing
from framing.stages.quotes import distances_author

from .conftest import hits_of, quotes_of


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
     [("reported", "The plan came from Washington", "officials in Kyiv")]),
    # the whole source after "according to", up to its comma or the sentence's end
    ("According to the Russian Defence Ministry, 40 drones were shot down.",
     [("reported", "40 drones were shot down", "the Russian Defence Ministry")]),
    ("According to Ukraine's General Staff, the attack failed.",
     [("reported", "the attack failed", "Ukraine's General Staff")]),
    ("The attack failed, according to the U.S. military.", [("reported", "The attack failed", "the U.S. military")]),
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
    ('The council rejected the plan, citing "financial risk" again.', [("direct", '"financial risk"', "The council")]),
    # a participle's or a relative clause's quotation is the sentence subject's
    ('The ministry issued a statement saying the allowance "is in line with the law".',
     [("direct", '"is in line with the law"', "The ministry")]),
    ('Infantino, who has described the tournament as "a unique opportunity", did not comment.',
     [("direct", '"a unique opportunity"', "Infantino")]),
    ('Beijing threatened "all necessary measures" on Monday.', [("direct", '"all necessary measures"', "Beijing")]),
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
    # the straight single quotes of British news are quotation marks; apostrophes are not
    ("Children are loaded onto buses for a 'summer camp'.", [("scare", "'summer camp'", None)]),
    ("'We will not go,' said Ana Petrova.", [("direct", "'We will not go,'", "Ana Petrova")]),
    ("'We will fight. We will win,' said Mr Smith.", [("direct", "'We will fight. We will win,'", "Mr Smith")]),
    ("The workers' union met O'Neill, who said it wasn't over.", []),
    ("Rock 'n' roll never dies, and the '90s knew it.", []),
    # a plural possessive inside a British quotation does not close it; "'n'" closes nothing
    ("'We must protect our members' jobs,' said Sharon Graham.",
     [("direct", "'We must protect our members' jobs,'", "Sharon Graham")]),
    ("'It's rock 'n' roll,' the singer said.", [("direct", "'It's rock 'n' roll,'", "the singer")]),
    ("The minister called the plan 'a betrayal of working people'.",
     [("reported", "the plan 'a betrayal of working people'", "The minister"),
      ("direct", "'a betrayal of working people'", "The minister")]),
    # a speaker reported inside someone's quotation speaks through them: the quotation is theirs alone
    ('"The government says it cares for farmers, but it is offering crumbs," Dallewal told PTI.',
     [("direct", '"The government says it cares for farmers, but it is offering crumbs,"', "Dallewal")]),
    ('"Officials claim the water is safe. It is not," said Ana Ruiz.',
     [("direct", '"Officials claim the water is safe. It is not,"', "Ana Ruiz")]),
    # the body's name before the role and the person's ("SKM leader Jagjit Singh Dallewal said")
    ('"We want a legal guarantee," SKM leader Jagjit Singh Dallewal said.',
     [("direct", '"We want a legal guarantee,"', "Jagjit Singh Dallewal")]),
    ('"We will fight on," Unite general secretary Sharon Graham said.',
     [("direct", '"We will fight on,"', "Sharon Graham")]),
    # the subject of a clause that ends in a colon speaks the sentence quoted after it
    ('The minister was blunt: "We will not pay."', [("direct", '"We will not pay."', "The minister")]),
    ('Residents have one message: "Go home."', [("direct", '"Go home."', "Residents")]),
    ('Indigenous leader Sônia Guajajara put it bluntly: "We will not leave."',
     [("direct", '"We will not leave."', "Sônia Guajajara")]),  # the name, not the capitalised adjective
    ("Official representative Maria Zakharova said the drills were reckless.",
     [("reported", "the drills were reckless", "Maria Zakharova")]),
    ('The results were clear: "No deal."', []),  # no speaker-like subject
    ('Article 5 is unambiguous: "An armed attack against one is an attack against all."',
     [("direct", '"An armed attack against one is an attack against all."', None)]),  # a text, no sayer
    ('Her last words to the court were defiant: "I regret nothing at all."',
     [("direct", '"I regret nothing at all."', None)]),
    # a musical's title is no one's words; "that" with a noun is a determiner
    ('The musical "Oklahoma!" returns to Broadway.', []),
    ("He denied that claim on Monday.", []),
    ("The minister said the report, which quoted officials as saying the army was exhausted, was false.",
     [("reported", "the report, which quoted officials as saying the army was exhausted, was false", "The minister")]),
    ("NATO – the alliance of 32 nations – faces its biggest test, officials said.",
     [("reported", "NATO – the alliance of 32 nations – faces its biggest test", "officials")]),
    # "that" opens a clause however short, and more speech verbs report ("underlined", "informed")
    ("Zakharova underlined that Moscow would respond.", [("reported", "Moscow would respond", "Zakharova")]),
    ("The minister informed reporters that talks had failed.", [("reported", "talks had failed", "The minister")]),
    ("Smith said on Monday that prices rose.", [("reported", "prices rose", "Smith")]),
    ("Smith said that was wrong.", []),  # "that" is the subject
    # the one quoted "as saying" speaks; a labeller who "was right to call it" or "condemned it as" labels
    ("Interfax quoted Peskov as saying that talks would resume.", [("reported", "talks would resume", "Peskov")]),
    ('Spokesperson Chen Xiaoli was right to call it "naked economic bullying".',
     [("direct", '"naked economic bullying"', "Spokesperson Chen Xiaoli")]),
    ('The mayor, Albert Casals, condemned the protest as "unacceptable".', [("direct", '"unacceptable"', "Albert Casals")]),
    # a short question or exclamation in quotation marks is someone's words, not a title
    ('Retired teachers held placards reading "Where is our money?"', [("direct", '"Where is our money?"', None)]),
    # a question or exclamation keeps its speaker after it
    ('"What will we eat?" she said.', [("direct", '"What will we eat?"', "she")]),
    ('"We will never back down!" said Sharon Graham.', [("direct", '"We will never back down!"', "Sharon Graham")]),
])
def test_find_quotes(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert quotes_of(text) == expected


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
    scare = hits_of(report, "scare_quote")
    assert [h.text for h in scare] == [expected]
    assert all(report.text[h.start:h.end] == h.text for h in scare)


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
    assert bool(hits_of(report, "scare_quote")) == distanced
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
    labels = hits_of(report, "quoted_label")
    assert [h.text for h in labels] == [label]
    assert all(h.in_quote and h.speaker for h in labels)
    assert report.loadedness == 0.0  # the labeller's words, not the author's


@pytest.mark.parametrize("text", [
    'The minister said the plan was "working well" and would continue.',  # speech, not a label
    'Critics call the mayor "reckless". The plan passed.',  # the listed word inside is the hit
    'Police called for "calm" after the clashes.',  # a request, not a label
    'Doctors described his condition as "stable" on Tuesday.',  # a description, not a label
    'The report, titled "Water for All", was published on Monday.',
    'Critics called the plan "a step backwards for every family in the county".',  # a quotation, not a label
    'He called his wife "the love of my life" at the ceremony.',  # five words: praise, no label
])
def test_no_quoted_label_without_a_labelling_verb_or_with_a_listed_word(text: str) -> None:
    report = framing.analyze(text)
    assert not hits_of(report, "quoted_label")


@pytest.mark.parametrize("text", [
    "After weeks of savage bombardment by the occupiers, the army said on Monday it had taken the town.",
    "Prices rose sharply in the savage north, and the UN said on Monday that aid was running out.",
    "I think this barbaric war must end now.",
    "We believe the corrupt regime will fall.",
    "This, I argue, is a barbaric policy.",
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


def test_the_quotation_stage_reads_a_sentence_after_its_dateline() -> None:
    assert quotes_of("KYIV, Ukraine (AP) — Russia launched 40 drones overnight, officials said.") == [
        ("reported", "Russia launched 40 drones overnight", "officials")]
    assert quotes_of('NEW DELHI: Farmers rejected the offer, calling it "an eyewash meant to divide us".') == [
        ("reported", 'it "an eyewash meant to divide us"', "Farmers"), ("direct", '"an eyewash meant to divide us"', "Farmers")]


def test_an_interview_transcripts_answers_are_the_interviewees_words() -> None:
    """"Q:"/"A:" and "NAME:" turns: the answers are quotations, not the author's voice; the questions stay the author's."""
    import framing

    text = ("Unions reject the plan\n\nAdaeze Okafor leads the union.\n\nQ: Was the minister right?\n\n"
            "A: The minister is a liar and his cronies are thieves.\n\nQ: Are you hopeful?\n\nA: No. We will strike.\n")
    report = framing.analyze(text, format="text")
    assert [s.heading for s in report.sections] == [None]  # a question turn is no heading
    answers = [(q.kind, q.text, q.speaker_actor) for p in report.paragraphs for q in p.quotes]
    assert answers == [("direct", "The minister is a liar and his cronies are thieves.", "Adaeze Okafor"),
                       ("direct", "No. We will strike.", "Adaeze Okafor")]
    # ("A:" is the one the text names before)
    assert report.loadedness == 0.0

    named = ("Interview\n\nAdaeze Okafor leads the union.\n\nINTERVIEWER: Will you strike?\n\n"
             "OKAFOR: Yes. The minister is a liar.\n\nINTERVIEWER: When?\n\nOKAFOR: Soon.\n")
    speakers = {q.speaker_actor for p in framing.analyze(named, format="text").paragraphs for q in p.quotes}
    assert speakers == {"Adaeze Okafor"}


def test_one_capitalised_label_is_a_dateline_not_a_transcript() -> None:
    assert quotes_of("NEW DELHI: Farmers rejected the offer, officials said.") == [
        ("reported", "Farmers rejected the offer", "officials")]


@pytest.mark.parametrize("text", [
    # repeated labels that are words or datelines, and an explainer answering in its own voice
    "Riots\n\nRiots spread.\n\nWATCH: Thugs hurl bricks at police\n\nPolice made arrests.\n\nWATCH: The prime minister speaks\n",
    "Digest\n\nWASHINGTON: The Senate passed the bill.\n\nNEW DELHI: Farmers marched.\n\nWASHINGTON: The House voted.\n\n"
    "NEW DELHI: Talks resumed.\n",
    "Explainer\n\nQ: What is the grain deal?\n\nA: The deal lets ships carry grain.\n\nQ: Why did it end?\n\n"
    "A: Russia pulled out in July.\n",
])
def test_no_transcript_without_speakers_taking_turns(text: str) -> None:
    import framing

    assert [q.text for p in framing.analyze(text, format="text").paragraphs for q in p.quotes if q.kind == "direct"] == []
