"""Actors: gazetteer mentions, datelines, names that are no actors, kinds, bodies and speaker resolution."""

from __future__ import annotations

import pytest

import framing
from framing.model import TextSpan
from framing.stages.actors import find_actors, is_non_actor_name, resolve_speaker
from framing.stages.gazetteer import load_gazetteer

from .conftest import actors_in


@pytest.mark.parametrize(("text", "expected"), [
    ("Trump's envoy met Putin.", [("Trump", "Donald Trump"), ("Putin", "Vladimir Putin")]),
    ("President Donald Trump spoke.", [("President Donald Trump", "Donald Trump")]),
    ("Foreign Minister Sergey Lavrov spoke.", [("Foreign Minister Sergey Lavrov", "Sergei Lavrov")]),
    ("Trade Commissioner Maroš Šefčovič spoke.", [("Trade Commissioner Maroš Šefčovič", "Maroš Šefčovič")]),
    ("The Labour Party Leader Keir Starmer spoke.",  # the title, not the party before it
     [("The Labour Party", "Labour Party"), ("Leader Keir Starmer", "Keir Starmer")]),
    ("The Kremlin denied it.", [("The Kremlin", "Russian government")]),
    ("The U.S. and the EU disagree.", [("The U.S.", "United States"), ("the EU", "European Union")]),
    ("Give it to us.", []),
])
def test_gazetteer_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert actors_in(text) == expected


@pytest.mark.parametrize(("text", "surface", "actor"), [
    ("The green elite fly to conferences in private jets.", "green elite", "elites"),
    ("Russian speakers in the east felt abandoned.", "Russian speakers", "Russian speakers"),
    ("Family farms are under strain.", "Family farms", "farmers"),
])
def test_lower_case_group_nouns(text: str, surface: str, actor: str) -> None:
    assert (surface, actor) in actors_in(text)


@pytest.mark.parametrize(("name", "expected"), [
    ("Black Sea", True), ("Taiwan Strait", True), ("Sea of Azov", True), ("Gulf of Mexico", True),
    ("Paris Agreement", True), ("Treaty of Versailles", True), ("Inflation Reduction Act", True),
    ("Cold War", True), ("Budapest Summit", True),
    ("Black Sea Fleet", False), ("War Office", False), ("Department of War", False), ("Bank of England", False),
    ("Solomon Islands", False), ("Ivory Coast", False), ("Planet Uprising", False), ("Epic Games", False),
    ("Warsaw Pact", False), ("Delta", False), ("Barack Obama", False),
    ("Bay of Plenty Regional Council", False), ("Battle of Britain Memorial Flight", False),
    ("Lake of the Woods County", False), ("The Weather Channel", False), ("Salt Lake", False),
    ("Geneva Convention", True), ("Rome Statute", True), ("Online Safety Bill", True), ("Highway Code", True),
    ("M25", True), ("A14", True), ("I-95", True), ("Route 66", True),
    ("Convention of Scottish Local Authorities", False), ("G7", False), ("MI6", False),
    ("River Calder", True), ("Operation Tanglaw", True), ("Operation Protective Edge", True), ("Lake Chad", True), ("Mount Sinai Hospital", False), ("Lake Forest College", False),
])
def test_natural_features_agreements_and_events_are_not_actors(name: str, expected: bool) -> None:
    assert is_non_actor_name(name) is expected


@pytest.mark.parametrize(("text", "actors"), [
    ("Police closed Main Street for two hours after a crash.", {"police"}),
    ("Harbour Road residents say the landlord ignored them.", {"residents"}),
    ("Downing Street said the talks would resume.", {"British government"}),  # a seat of power: a metonym
    ("Wall Street cheered the rate cut.", {"investors"}),
    ("Nathan Lane said the show would close next month.", {"Nathan Lane"}),  # a surname, not a lane
    ("Fleet Street savaged the minister.", {"journalists"}),
    ("Firefighters rescued residents of Bridge Lane overnight.", {"firefighters", "residents"}),  # no given name
    ("Lobbyists are swarming Capitol Hill to kill the bill.", {"lobbyists"}),  # a place of Congress, no person
    ("The River Calder burst its banks and Lake Chad kept shrinking.", set()),
    ("Storms in the Gulf of Mexico worsened.", set()),
    ("Fans say a deal with Real Madrid is close.", {"fans", "Real Madrid"}),  # no Spanish government
])
def test_streets_are_places_unless_a_seat_of_power(text: str, actors: set[str]) -> None:
    assert {actor.actor for actor in framing.analyze(text).actors} == actors


def test_a_dropped_name_is_not_taken_up_by_another_rule() -> None:
    report = framing.analyze("The Varenne Sea warned no one. Officials praised the Varenne Sea for its calm.")
    assert not [a for a in report.actors if "Varenne" in a.actor]


def test_a_sea_and_a_treaty_are_not_cast_but_a_fleet_is_found() -> None:
    report = framing.analyze("The Kestrel Fleet shelled ports on the Varenne Sea, breaking the Lomond Framework "
                             "that both navies had signed.")
    actors = {a.actor for a in report.actors}
    assert "Kestrel Fleet" in actors
    assert not actors & {"Varenne Sea", "Lomond Framework"}


def test_resolve_speaker_pronoun_to_previous_subject() -> None:
    text = "Analyst Dmitri Trenin described Moscow's view of Trump. He portrays him as vain."
    mentions = find_actors(text, [(0, len(text))], load_gazetteer())
    he = text.index("He ")
    assert resolve_speaker(TextSpan(he, he + 2, "He"), mentions, [0, he]) == "Dmitri Trenin"
    assert resolve_speaker(TextSpan(0, 7, "Analyst"), [], [0]) == "Analyst"


@pytest.mark.parametrize(("text", "speaker"), [
    ('Mayor Ruth Alvarez was asked about Tom Reyes. She said he was "a liar".', "Ruth Alvarez"),
    ('I asked Marcus Pike about Doreen Clarke. "It is a matter for the company," he said.', "Marcus Pike"),
    ('Tom Reyes spoke after Ruth Alvarez. "We will appeal," he said.', "Tom Reyes"),
])
def test_a_pronoun_speaker_agrees_with_a_given_names_gender(text: str, speaker: str) -> None:
    quotes = [q for p in framing.analyze(text, format="text").paragraphs for q in p.quotes if q.speaker]
    assert quotes and all(q.speaker_actor == speaker for q in quotes)


def test_a_pronoun_speaker_is_no_one_named_inside_a_quotation() -> None:
    text = 'Coach Paul Grant spoke after the match. "We wanted to keep Ahmed Diallo," he said.'
    speakers = {q.start: q.speaker_actor for p in framing.analyze(text, format="text").paragraphs for q in p.quotes}
    assert list(speakers.values()) == ["Paul Grant"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Supreme Court of India struck down the order.", {("Supreme Court of India", "organisation")}),
    ("The Supreme Court of the United States ruled.", {("U.S. Supreme Court", "organisation")}),
    ("Nigeria's Senate passed the bill.", {("Nigeria", "state"), ("Senate of Nigeria", "organisation")}),
    ("China's Foreign Ministry rejected the claim.",
     {("China", "state"), ("Chinese Ministry of Foreign Affairs", "organisation")}),
    ("The Senate passed the bill.", {("U.S. Senate", "organisation")}),
    # a known body inside another body's name is a word of it
    ("The Malawi Congress Party rejected the result.", {("Malawi Congress Party", "organisation")}),
    ("The Supreme Court of Appeal will hear the case.", {("Supreme Court of Appeal", "organisation")}),
    ("The Austrian Red Cross said it would help.", {("Austrian Red Cross", "organisation")}),
])
def test_a_body_named_with_its_state_is_that_states(text: str, expected: set[tuple[str, str]]) -> None:
    mentions = find_actors(text, [(0, len(text))], load_gazetteer())
    assert {(m.actor, m.kind) for m in mentions} == expected
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_a_name_read_as_a_place_that_speaks_is_a_person() -> None:
    text = "Rates were held. Okafor, explaining his vote, said rates were too high for small firms."
    report = framing.analyze(text, format="text")
    assert ("Okafor", "person") in {(a.actor, a.kind) for a in report.actors}


@pytest.mark.parametrize(("text", "name", "kept"), [
    ("Lead line.\n\nISTANBUL, Oct 14 - Talks on shipping ended without a deal.", "ISTANBUL", False),
    ("Lead line.\n\nKARVENNA (Reuters) - Talks on shipping ended without a deal.", "KARVENNA", False),
    ("Lead line.\n\nOPECX, the cartel, said on Monday it would cut output.", "OPECX", True),
    ("Lead line.\n\nFRESNOX, California, March 3 (Wire) - Farmers protested.", "FRESNOX", False),
    ("Lead line.\n\nOPECX, the cartel, said on Monday - as expected - it would cut output.", "OPECX", True),
])
def test_a_dateline_in_capitals_is_no_actor(text: str, name: str, kept: bool) -> None:
    actors = {a.actor for a in framing.analyze(text).actors}
    assert (name in actors) == kept, actors


@pytest.mark.parametrize(("text", "expected"), [
    ("SINGAPORE, June 11 (Reuters) - The court upheld the fine.", []),  # neither the place nor the credit
    ("BEIRUT, June 11 (AFP) - The court upheld the fine.", []),
    ("LUXEMBOURG, June 11 - The court upheld the fine.", []),  # a capital that is also a country
    ("Singapore, June 11 (Reuters) - The court upheld the fine.", []),  # Title Case
    ("Singapore - The court upheld the fine.", []),
    ("KYIV, Ukraine, Oct. 14, 2025 (Reuters) - Officials met.", []),
    ("MOSCOW, June 11 - The court upheld the fine.", []),
    ("Singapore, June 11 (Reuters) - The court upheld the fine. Singapore will appeal, Reuters reported.",
     [("Singapore", "Singapore"), ("Reuters", "Reuters")]),  # later mentions still count
    ("Singapore - a city that never sleeps - fined the firm.", [("Singapore", "Singapore")]),  # no dateline
    ("Singapore fined the firm, Reuters reported.", [("Singapore", "Singapore"), ("Reuters", "Reuters")]),
    ("Donald Trump - The president said no.", [("Donald Trump", "Donald Trump")]),  # a person, not a place
    ("Mira Halvorsen, Oct 14 - The mayor said no.", [("Mira Halvorsen", "Mira Halvorsen")]),
    # a Title Case list before a dash, with neither date nor credit, is a list, not a dateline
    ("Israel, Hamas - The ceasefire held.", [("Israel", "Israel"), ("Hamas", "Hamas")]),
])
def test_a_dateline_names_no_actor(text: str, expected: list[tuple[str, str]]) -> None:
    assert actors_in(text) == expected


def test_a_dateline_in_the_first_paragraph_after_a_title_names_no_actor() -> None:
    report = framing.analyze("Court upholds fine\n\nBEIRUT, June 11 (AFP) - The court upheld the fine. "
                             "Lebanon will appeal.\n\nAFP could not reach the ministry.")
    mentions = [(m.mention.text, m.mention.actor) for p in report.paragraphs for m in p.actors]
    assert ("AFP", "Agence France-Presse") in mentions and ("Lebanon", "Lebanon") in mentions
    assert [text for text, _ in mentions].count("AFP") == 1


def kinds_in(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.actor, m.kind) for m in find_actors(text, [(0, len(text))], load_gazetteer())]


@pytest.mark.parametrize(("text", "expected"), [
    ("Vantix Ltd was fined.", [("Vantix Ltd", "Vantix Ltd", "organisation")]),  # a legal form
    ("Shares in Kessler GmbH fell after the ruling.", [("Kessler GmbH", "Kessler GmbH", "organisation")]),
    ("PriceFinder, a British comparison site, complained.", [("PriceFinder", "PriceFinder", "organisation")]),
    ("The Daily Herald, a tabloid, ran the story.", [("Daily Herald", "Daily Herald", "media")]),
    ("Competition Commissioner Margrethe Lindqvist said the ruling was fair.",  # a title
     [("Competition Commissioner Margrethe Lindqvist", "Margrethe Lindqvist", "person")]),
    ("Vantix Ltd was fined on Tuesday. Vantix said it would appeal.",  # the company without its legal form
     [("Vantix Ltd", "Vantix Ltd", "organisation"), ("Vantix", "Vantix Ltd", "organisation")]),
    ("Dmitri Orlov, the company's founder, said no.", [("Dmitri Orlov", "Dmitri Orlov", "person")]),
    ("Foreign Minister Amara Diallo said no.", [("Foreign Minister Amara Diallo", "Amara Diallo", "person")]),
    ("The shelling of Kharkiv went on all night.", [("Kharkiv", "Kharkiv", "state")]),
])
def test_the_text_decides_an_unknown_names_kind(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds_in(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a body's one-word short form the recogniser reads as a place ("Shares in Halvern") is that body
    ("Halvern Therapeutics reported a rise in profit. Shares in Halvern fell after the recall.",
     [("Halvern Therapeutics", "Halvern Therapeutics", "organisation"), ("Halvern", "Halvern Therapeutics", "organisation")]),
    # an apposition makes an unknown one-word name a body, and so is every later use of it
    ("Three novelists have sued Lexigrove, the AI developer, over their books. Engineers at Lexigrove copied them.",
     [("Lexigrove", "Lexigrove", "organisation"), ("Engineers", "engineers", "group"),
      ("Lexigrove", "Lexigrove", "organisation")]),
    # a body's whole name found once is that body again where a sentence opens with an everyday word of it
    ("She chairs the debating society Open Floor, which invited him. Open Floor has since lost its room.",
     [("Open Floor", "Open Floor", "organisation"), ("Open Floor", "Open Floor", "organisation")]),
    # a word that opens a longer name there is left alone, and a demonym is never a short form
    ("Halvern Therapeutics recalled a drug. The depot on Halvern Road is closed.",
     [("Halvern Therapeutics", "Halvern Therapeutics", "organisation")]),
])
def test_every_use_of_a_bodys_one_word_name_is_that_body(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds_in(text) == expected


@pytest.mark.parametrize(("text", "kept"), [
    # the last word of another capitalised name is not a person's surname ("In Cholla Wells", a place)
    ("In Cholla Wells, a farming town, the taps ran dry. Cholla Wells has one school.", False),
    # after a title it is ("Mr Kane"), and after a sentence's first word ("Later Kane left")
    ("Victor Kane met the board on Monday. Later Kane left.", True),
])
def test_a_surname_inside_another_name_is_no_mention(text: str, kept: bool) -> None:
    mentions = [(m.text, m.actor) for m in find_actors(text, [(0, len(text))], load_gazetteer())]
    lone = [name for name, _ in mentions if name in ("Wells", "Kane")]
    assert bool(lone) is kept


def test_a_demonym_opening_a_bodys_name_is_no_short_form() -> None:
    text = "The Danish Refugee Council warned on Monday. Danish ministers said little."
    assert ("Danish", "Danish Refugee Council") not in [(m.text, m.actor) for m in find_actors(text, [(0, len(text))], load_gazetteer())]


def test_an_institutions_word_before_a_role_is_the_body_named_before() -> None:
    text = "Riverton City Council has failed. Council leader Janet Pryce called it a chance. The council disagreed."
    assert actors_in(text) == [("Riverton City Council", "Riverton City Council"), ("Janet Pryce", "Janet Pryce")]
    # with no body called "Council", the reference stage finds the one council for "The council"
    assert {(a.actor, a.mentions) for a in framing.analyze(text).actors} == {("Riverton City Council", 2), ("Janet Pryce", 1)}


def test_a_name_read_as_a_place_and_as_a_party_is_no_place() -> None:
    kinds = {kind for _, actor, kind in kinds_in(
        "The court fined Vantix on Tuesday. Vantix said it would appeal the ruling against Vantix.") if actor == "Vantix"}
    assert kinds == {"organisation"}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Rail and Transport Workers Union called a strike.",
     [("Rail and Transport Workers Union", "Rail and Transport Workers Union")]),
    ("The Maharashtra Association of Resident Doctors called a strike.",
     [("Maharashtra Association of Resident Doctors", "Maharashtra Association of Resident Doctors")]),
    ("The National Disaster Risk Reduction and Management Authority met.",
     [("National Disaster Risk Reduction and Management Authority", "National Disaster Risk Reduction and Management Authority")]),
    ("Fire and Rescue Service chiefs arrived.", [("Fire and Rescue Service", "Fire and Rescue Service")]),
    ("The Church of Sweden apologised.", [("Church of Sweden", "Church of Sweden")]),  # not the state
    ("The Central Bank of Nigeria cut rates.", [("Central Bank of Nigeria", "Central Bank of Nigeria")]),
    ("The Bank of England raised rates.", [("The Bank of England", "Bank of England")]),  # known whole
    ("Britain and France signed.", [("Britain", "United Kingdom"), ("France", "France")]),  # names, no body
    ("Doctors in Sweden went on strike.", [("Doctors", "doctors"), ("Sweden", "Sweden")]),  # real mentions
    ("A strike called by the National Dockworkers' Union closed the port.",  # a plural possessive
     [("National Dockworkers' Union", "National Dockworkers' Union")]),
    ("According to the Sudanese Red Crescent, the camp was shelled.",  # a sure name: not "the Sudanese"
     [("Sudanese Red Crescent", "Sudanese Red Crescent")]),
    ("Sudanese doctors and the Red Crescent counted the dead.",  # no name holds "Sudanese": it stays
     [("Sudanese", "Sudanese"), ("doctors", "doctors"), ("Red Crescent", "Red Crescent")]),
    ("The Commission on Human Rights has documented cases.",  # a body, "on" and its subject
     [("Commission on Human Rights", "Commission on Human Rights")]),
    ("The UN Office on Drugs and Crime warned.", [("UN Office on Drugs and Crime", "UN Office on Drugs and Crime")]),
    ("The Election Commission on Monday confirmed the count.",  # a day after "on" is no subject
     [("Election Commission", "Election Commission")]),
])
def test_a_bodys_name_is_one_organisation(text: str, expected: list[tuple[str, str]]) -> None:
    assert actors_in(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The strike breaks the Geneva Convention.", []),
    ("The Times correspondent David Charter reported it.",  # a surname, no treaty
     [("The Times", "The Times"), ("David Charter", "David Charter")]),
    ("The M25 said it would reopen after the crash.", []),
    ("M23 rebels seized Goma.", [("M23", "M23"), ("rebels", "rebels")]),  # a body the gazetteer knows
    ("The G7 met in June.", [("The G7", "G7")]),
])
def test_treaties_and_roads_are_no_actors(text: str, expected: list[tuple[str, str]]) -> None:
    assert actors_in(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Big Oil lied. Its lobbyists swarmed the summit, and executives met investors.",
     ["oil industry", "lobbyists", "executives", "investors"]),
    ("Billionaires and corporations paid less tax than shareholders expected.", ["the rich", "corporations", "investors"]),
    ("Drivers walked out, and shop workers paid the price.", ["drivers", "workers"]),
    ("Strikers blocked the gates as workers arrived.", ["strikers", "workers"]),
    ("Commuters were stranded while households paid more.", ["passengers", "households"]),
    ("Rescuers and volunteers joined firefighters.", ["rescuers", "volunteers", "firefighters"]),
    ("Refugees and migrants crossed the border.", ["refugees", "migrants"]),
    ("Activists joined the protesters.", ["activists", "protesters"]),
    ("Doctors and nurses treated the children.", ["doctors", "nurses", "children"]),
    ("Ministers ignored the lawmakers.", ["ministers", "lawmakers"]),
    # near-synonyms of one role stay one actor
    ("Demonstrators and marchers filled the square.", ["protesters", "protesters"]),
    ("Medics and paramedics arrived.", ["paramedics", "paramedics"]),
    ("Renters and tenants met.", ["tenants", "tenants"]),
    ("Oil majors and fossil fuel companies lobbied.", ["oil industry", "oil industry"]),
])
def test_a_group_is_one_social_role(text: str, expected: list[str]) -> None:
    assert [actor for _, actor in actors_in(text)] == expected


def test_an_acronym_defined_in_brackets_is_that_actor() -> None:
    text = ("The Malawi Electoral Commission (MEC) said the count was fair. Observers from the Southern "
            "African Development Community (SADC) disagreed, and the MEC rejected their claims.")
    actors = {a.actor: a.mentions for a in framing.analyze(text, format="text").actors}
    assert actors.get("Malawi Electoral Commission") == 3 and "MEC" not in actors and "SADC" not in actors


def test_a_persons_name_in_a_hyphenated_compound_is_no_mention() -> None:
    text = "The Smoot-Hawley tariffs deepened the slump. Senator Josh Hawley objected."
    mentions = find_actors(text, [(0, len(text))], load_gazetteer())
    assert [(m.text, m.actor) for m in mentions] == [("Senator Josh Hawley", "Josh Hawley")]


def test_a_titled_speaker_is_the_person_not_the_state_in_the_title() -> None:
    text = "US Trade Representative Karen Doyle claims the tariffs will protect workers at home."
    quotes = [q for p in framing.analyze(text, format="text").paragraphs for q in p.quotes]
    assert [q.speaker_actor for q in quotes] == ["Karen Doyle"]


@pytest.mark.parametrize(("text", "actors"), [
    ("The plan works. Faster processing and clear rules would help.", set()),  # an everyday word opens it
    ("Rice fell sharply. Rice said the talks had failed.", {"Rice"}),  # only where it speaks
    ("Gordon Brown spoke first. Brown said the plan would work.", {"Gordon Brown"}),  # named in full before
])
def test_an_everyday_word_opening_a_sentence_is_a_name_only_where_it_speaks_or_was_named(
        text: str, actors: set[str]) -> None:
    assert {a.actor for a in framing.analyze(text, format="text").actors} == actors


def test_a_bodys_bare_name_after_its_state_named_it_is_that_states() -> None:
    text = ("The Supreme Court of India struck down the order. Later the Supreme Court said the state had erred. "
            "Malawi's Constitutional Court annulled the vote. The Constitutional Court ordered a rerun.")
    actors = {a.actor: a.mentions for a in framing.analyze(text, format="text").actors}
    assert actors.get("Supreme Court of India") == 2 and "U.S. Supreme Court" not in actors
    assert actors.get("Constitutional Court of Malawi") == 2


@pytest.mark.parametrize(("text", "actor"), [
    ("Experts at the London School of Economics disagreed.", "London School of Economics"),  # a capital opens it
    ("The Tokyo Electric Power Company said no.", "Tokyo Electric Power Company"),
    ("According to the King's Fund, waiting lists grew.", "King's Fund"),  # a title as the owner is one name
])
def test_a_body_whose_name_holds_a_place_or_a_title_is_found_whole(text: str, actor: str) -> None:
    assert actor in {a.actor for a in framing.analyze(text, format="text").actors}


def test_a_speaker_phrase_is_the_name_it_ends_in() -> None:
    text = "Ursula von der Leyen's Commission insists that the rules are fair to every member."
    quotes = [q for p in framing.analyze(text, format="text").paragraphs for q in p.quotes]
    assert [q.speaker_actor for q in quotes] == ["Commission"]


def test_a_short_form_is_the_one_person_whose_name_opens_with_it() -> None:
    text = ("Doreen Clarke has rented her flat for thirty years. Doreen says the rent has doubled. "
            "Wang Wentao met the delegation. Wang said the talks were useful.")
    actors = {a.actor: a.mentions for a in framing.analyze(text, format="text").actors}
    assert actors.get("Doreen Clarke") == 2 and actors.get("Wang Wentao") == 2
    assert "Doreen" not in actors and "Wang" not in actors


def test_a_first_word_that_opens_two_names_is_left_alone() -> None:
    text = "John Harker and John Pellow run the yard. John said the orders had dried up."
    actors = {a.actor: a.mentions for a in framing.analyze(text, format="text").actors}
    assert actors.get("John Harker") == 1 and actors.get("John Pellow") == 1


@pytest.mark.parametrize(("text", "person", "not_person"), [
    ('Nasreen Bibi lost her house. "We have nothing," Nasreen Bibi said.', "Nasreen Bibi", "Benjamin Netanyahu"),
    ("Karim Modi owns the shop next door.", "Karim Modi", "Narendra Modi"),
    ("Peter Vance runs a bakery in Leeds.", "Peter Vance", "JD Vance"),
])
def test_a_namesake_of_a_known_person_is_someone_else(text: str, person: str, not_person: str) -> None:
    actors = {a.actor for a in framing.analyze(text, format="text").actors}
    assert person in actors and not_person not in actors


@pytest.mark.parametrize(("text", "person", "state"), [
    ('"Nobody came," said Jordan Alcott, the student.', "Jordan Alcott", "Jordan"),
    ("Chad Smith runs the bakery.", "Chad Smith", "Chad"),
])
def test_a_states_name_opening_a_persons_name_is_a_given_name(text: str, person: str, state: str) -> None:
    actors = {a.actor: a.kind for a in framing.analyze(text, format="text").actors}
    assert actors.get(person) == "person" and state not in actors


def test_a_state_beside_a_person_is_still_the_state() -> None:
    actors = {a.actor: a.kind for a in framing.analyze("Jordan and Chad signed a deal with Israel.", format="text").actors}
    assert {"Jordan", "Chad", "Israel"} <= set(actors)


@pytest.mark.parametrize(("text", "title", "actor"), [
    ('The film "Ironveil" flopped, Paragon Pictures said.', "Ironveil", "Paragon Pictures"),
    ('His heist picture "Morrow" was made by Halvern Films.', "Morrow", "Halvern Films"),
])
def test_a_works_quoted_title_is_no_actor(text: str, title: str, actor: str) -> None:
    actors = {a.actor for a in framing.analyze(text, format="text").actors}
    assert actor in actors and title not in actors


@pytest.mark.parametrize(("text", "actor"), [
    ('Stanley "Tookie" Williams was convicted.', "Tookie"),  # a nickname inside a name
    ('A group calling itself the "Saqr Brigades" posted a statement.', "Saqr Brigades"),
    ("'Sarah', not her real name, said she waited six hours.", "Sarah"),  # a name given to protect her
])
def test_a_quoted_name_that_is_no_title_stays_an_actor(text: str, actor: str) -> None:
    assert any(actor in a.actor for a in framing.analyze(text, format="text").actors)


def test_everyday_acronyms_are_no_actors() -> None:
    text = "The AI boom, the ID card, HIV rates and GDP figures worried the IMF."
    actors = {a.actor for a in framing.analyze(text, format="text").actors}
    assert actors == {"International Monetary Fund"}


@pytest.mark.parametrize("text", ["Stability AI said it would cut jobs.", "The CPI said it would contest 20 seats."])
def test_an_acronym_in_a_name_or_a_partys_acronym_is_kept(text: str) -> None:
    assert framing.analyze(text, format="text").actors


@pytest.mark.parametrize(("text", "crowds"), [
    ("The tinfoil brigade is wrong again, and the privacy purists never say why.", {"tinfoil brigade", "purists"}),
    ("The woke mob struck again.", {"woke mob"}),  # the crowd ends at its collective word
    ("Expect the placard-wavers by lunchtime.", {"placard-wavers"}),
    ("Expect the gun-grabbing lobby by lunchtime.", {"gun-grabbing lobby"}),  # a milder label casts too
])
def test_a_crowd_named_only_by_a_label_is_a_group_the_author_casts(text: str, crowds: set[str]) -> None:
    report = framing.analyze(text, format="text")
    found = {m.mention.actor: m for p in report.paragraphs for m in p.actors if m.mention.kind == "group"}
    assert crowds <= set(found)
    assert all(found[c].casting is not None and found[c].casting.portrayal == "antagonist" for c in crowds)


@pytest.mark.parametrize("text", [
    "He is a grifter and a liar.",  # one person's label, no crowd
    "The regime's propaganda works.",  # no label of people
])
def test_a_label_of_no_crowd_adds_no_group(text: str) -> None:
    report = framing.analyze(text, format="text")
    assert not [m for p in report.paragraphs for m in p.actors if m.mention.kind == "group"]


def test_a_known_person_with_a_middle_name_is_still_known() -> None:
    actors = {a.actor for a in framing.analyze("Vladimir Vladimirovich Putin arrived in Minsk.", format="text").actors}
    assert "Vladimir Putin" in actors


def test_a_short_form_is_the_one_organisation_whose_name_opens_with_it() -> None:
    text = ("Fitch Ratings downgraded the country on Monday. Fitch said the budget was unrealistic. "
            "The Bank of England held rates. The Bank said inflation was falling.")
    actors = {a.actor: (a.kind, a.mentions) for a in framing.analyze(text, format="text").actors}
    assert actors.get("Fitch Ratings") == ("organisation", 2) and "Fitch" not in actors
    assert actors.get("Bank of England") == ("organisation", 2) and "Bank" not in actors


@pytest.mark.parametrize(("text", "senate"), [
    ("Nigeria is in crisis. The minister told the Senate last week that the budget was sound.", "Senate"),
    ("Donald Trump attacked China. The Senate will vote on the tariff bill.", "U.S. Senate"),
    ("The Senate passed the bill on Tuesday.", "U.S. Senate"),  # no country named: the gazetteer's reading
    ("Manila insists the campaign is lawful. The Department of Justice has filed charges against 47 officers.",
     "Department of Justice"),  # the Philippines' own
    ("Donald Trump attacked the judges. The Justice Department will appeal.", "U.S. Department of Justice"),
])
def test_a_generic_body_is_the_named_countrys_or_a_local_one(text: str, senate: str) -> None:
    mentions = [m for p in framing.analyze(text, format="text").paragraphs for m in p.actors]
    assert [m.mention.actor for m in mentions if m.mention.kind == "organisation"] == [senate]


@pytest.mark.parametrize(("text", "groups"), [
    ("Families watched from the public gallery as the public face of the campaign spoke.", 0),
    ("The public wants answers, and the public deserve them.", 2),
])
def test_the_public_before_a_noun_is_an_adjective(text: str, groups: int) -> None:
    mentions = [m for p in framing.analyze(text, format="text").paragraphs for m in p.actors]
    assert sum(m.mention.actor == "the public" for m in mentions) == groups


@pytest.mark.parametrize(("text", "expected"), [
    ("Commodore Ramon Dizon of the Philippine Coast Guard said the ship was rammed.",
     {"Ramon Dizon": "person", "Philippine Coast Guard": "organisation"}),
    ("The Secretary of State flew to Manila.", {}),  # a role alone names no one ("State" was an organisation)
])
def test_a_rank_or_a_role_with_of_is_no_name(text: str, expected: dict[str, str]) -> None:
    assert {a.actor: a.kind for a in framing.analyze(text, format="text").actors} == expected


def test_a_title_with_of_stays_in_the_mention() -> None:
    (mention,) = [m for p in framing.analyze("Secretary of State Marco Rubio flew to Manila.", format="text").paragraphs
                  for m in p.actors]
    assert (mention.mention.text, mention.mention.actor) == ("Secretary of State Marco Rubio", "Marco Rubio")


def test_a_speaker_phrase_naming_a_body_by_its_first_word_is_that_bodys() -> None:
    text = "Harbourline Energy declined to comment. A Harbourline spokesman said both deals would continue."
    quotes = [q for p in framing.analyze(text, format="text").paragraphs for q in p.quotes]
    assert [q.speaker_actor for q in quotes] == ["Harbourline Energy"]


def test_a_group_word_opening_a_title_is_no_group() -> None:
    report = framing.analyze("Police General Arnulfo Dimaculangan said the raids would go on.", format="text")
    assert {a.actor: a.kind for a in report.actors} == {"Arnulfo Dimaculangan": "person"}


@pytest.mark.parametrize(("text", "journalists"), [
    ("The minister told reporters that the talks would resume.", 0),  # the audience of a statement
    ("Speaking to the press on Monday, she said more.", 0),
    ("Reporters were attacked by police outside the court.", 1),  # a part in the story
])
def test_reporters_told_are_no_actor(text: str, journalists: int) -> None:
    mentions = [m for p in framing.analyze(text, format="text").paragraphs for m in p.actors]
    assert sum(m.mention.actor == "journalists" for m in mentions) == journalists


@pytest.mark.parametrize(("text", "state", "present"), [
    ("Senator Elena Castillo of New Mexico said the bill would pass.", "Mexico", False),  # another place
    ("Farmers in Northern Ireland protested.", "Ireland", False),
    ("An earthquake struck the central Andes of Peru early on Wednesday.", "Peru", True),  # its complement
    ("Mexico and South Korea signed the deal.", "Mexico", True),
])
def test_a_state_inside_another_places_name_is_not_that_state(text: str, state: str, present: bool) -> None:
    report = framing.analyze(text, format="text")
    assert (state in {a.actor for a in report.actors}) == present
    assert "person" not in {a.kind for a in report.actors if a.actor != "Elena Castillo"}


@pytest.mark.parametrize(("text", "actor", "kind"), [
    ("Corvane Biologics raised the price of its insulin pen.", "Corvane Biologics", "organisation"),
    ("Analysts at Nordhaven Maritime expect more traffic.", "Nordhaven Maritime", "organisation"),
])
def test_a_trade_word_ends_a_companys_name(text: str, actor: str, kind: str) -> None:
    assert {a.actor: a.kind for a in framing.analyze(text, format="text").actors}.get(actor) == kind


@pytest.mark.parametrize(("text", "expected"), [
    ("Karnataka refused to release the water.", {"Karnataka": "state"}),  # a region acting: its government
    ("Maharashtra's chief minister resigned.", {"Maharashtra": "state"}),
    ("Tamil Nadu has sued.", {"Tamil Nadu": "state"}),  # was an organisation
    ("Farmers in Punjab protested.", {"farmers": "group"}),  # a place only: no actor, and never a person
])
def test_a_region_of_a_state_is_a_place_never_a_person(text: str, expected: dict[str, str]) -> None:
    assert {a.actor: a.kind for a in framing.analyze(text, format="text").actors} == expected


def test_names_listed_with_a_sure_place_are_places() -> None:
    report = framing.analyze("Teachers walked out in the classrooms of Valparaíso, Concepción and Santiago on Monday.",
                             format="text")
    assert {a.actor: a.kind for a in report.actors} == {"teachers": "group"}  # no person, no company


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Finance Minister, Ruth Okello, said the budget would be balanced by next year.", "Ruth Okello"),
    ("Tamil Nadu's Water Resources Minister, S. Thangavelu, told reporters the state would go to court.",
     "S. Thangavelu"),
])
def test_a_title_with_a_name_beside_it_speaks_as_that_person(text: str, speaker: str) -> None:
    report = framing.analyze(text, format="text")
    assert [q.speaker_actor for p in report.paragraphs for q in p.quotes] == [speaker]
    assert all(a.kind != "person" or a.actor == speaker for a in report.actors)  # the title alone is no one


@pytest.mark.parametrize(("text", "expected"), [
    ("Cobaltra's chief executive, Marcos Falcão, apologised.",
     {"Cobaltra": "organisation", "Marcos Falcão": "person"}),  # what a company has makes it one
    ("Vantaro's shareholders revolted on Monday.", {"Vantaro": "organisation", "investors": "group"}),
])
def test_a_name_owning_a_companys_things_is_an_organisation(text: str, expected: dict[str, str]) -> None:
    assert {a.actor: a.kind for a in framing.analyze(text, format="text").actors} == expected


def test_a_place_after_a_locative_is_no_person_and_no_speaker() -> None:
    report = framing.analyze("Community leaders in Abu Sinaan said residents had begun fleeing east.", format="text")
    assert "person" not in {a.kind for a in report.actors}
    assert [q.speaker_actor for p in report.paragraphs for q in p.quotes] == ["Community leaders in Abu Sinaan"]


def test_a_known_body_hidden_by_a_group_alias_with_the_is_found() -> None:
    report = framing.analyze("The Sudanese Armed Forces said the route was open. The Sudanese have suffered enough.",
                             format="text")
    assert {a.actor: a.kind for a in report.actors} == {"Sudanese Armed Forces": "organisation", "Sudanese": "group"}


@pytest.mark.parametrize(("text", "government"), [
    ("The port competes with Riga in Latvia for cargo.", False),  # a city set in its own country
    ("Militias backed by Tehran in Iraq attacked the base.", True),  # a government acting in another
    ("Talks with Moscow in March failed.", True),
])
def test_a_seat_of_power_set_in_its_own_country_is_a_city(text: str, government: bool) -> None:
    report = framing.analyze(text, format="text")
    assert any(a.kind == "government" for a in report.actors) == government


@pytest.mark.parametrize(("text", "kind"), [
    ("Analysts said Okoro's shares in the bank were sold, and Okoro said nothing.", "person"),  # people own shares
    ("Ontario's revenue fell sharply last year.", "state"),  # regions have revenue
])
def test_what_people_and_places_also_own_makes_no_organisation(text: str, kind: str) -> None:
    report = framing.analyze(text, format="text")
    assert {a.kind for a in report.actors if a.actor in ("Okoro", "Ontario")} == {kind}


def test_journalists_ordered_to_do_something_stay_actors() -> None:
    report = framing.analyze("The junta told journalists to leave the country within 48 hours.", format="text")
    assert "journalists" in {a.actor for a in report.actors}


def test_a_title_ending_a_sentence_does_not_take_the_next_sentences_name() -> None:
    text = '"We will win," said the President. Smith, the opposition leader, disagreed.'
    quotes = [q for p in framing.analyze(text, format="text").paragraphs for q in p.quotes]
    assert [q.speaker_actor for q in quotes] == ["the President"]


def test_regions_file_is_well_formed() -> None:
    """Two fields a row, a state for each, each name once and capitalised (a split name would leave
    fragments such as "Nova" and "Scotia" as regions)."""
    from framing.text.resources import read_data_bytes

    rows = [line.split("\t") for line in read_data_bytes("regions.tsv").decode("utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    assert all(len(row) == 2 and row[0][:1].isupper() and row[1] for row in rows)
    names = [row[0] for row in rows]
    assert len(names) == len(set(names)) and {"Nova Scotia", "Karnataka", "Tamil Nadu"} <= set(names)
    assert not {"Nova", "Scotia", "Territories", "Pomerania"} & set(names)


@pytest.mark.parametrize(("text", "expected"), [
    ("Sudan's army shelled the market.", {"Sudanese Armed Forces": "organisation"}),
    ("Ukraine's military said it held the line.", {"Ukrainian Armed Forces": "organisation"}),
    ("Sudan's people suffered.", {"Sudan": "state", "people": "group"}),  # only its armed forces
])
def test_a_states_army_by_its_possessive_is_its_armed_forces(text: str, expected: dict[str, str]) -> None:
    assert {a.actor: a.kind for a in framing.analyze(text, format="text").actors} == expected


def test_honorifics_of_address_open_one_person() -> None:
    """'Shri Arjun Munda', 'Arjun Munda' and 'Munda' are one person, as 'Mr Arjun Munda' would be."""
    import framing

    text = ("Farm talks\n\nAgriculture Minister Shri Arjun Munda met farm leaders on Monday.\n\n"
            "Shri Arjun Munda said the government was open to talks. Munda added that prices needed study. "
            "Smt Nirmala Sitharaman, the finance minister, agreed.\n")
    people = {a.actor: a.mentions for a in framing.analyze(text, format="text").actors if a.kind == "person"}
    assert people == {"Arjun Munda": 3, "Nirmala Sitharaman": 1}


@pytest.mark.parametrize(("text", "actor", "kind"), [
    ("A strong quake struck on Sunday, according to the Geophysical Institute of Peru.", "Geophysical Institute of Peru",
     "organisation"),
    ("Winds reached 200 km per hour, according to the US National Hurricane Center.", "National Hurricane Center", "organisation"),
])
def test_a_speaking_body_is_no_person(text: str, actor: str, kind: str) -> None:
    import framing

    found = {a.actor: a.kind for a in framing.analyze("Title\n\nOpening paragraph here.\n\n" + text, format="text").actors}
    assert found.get(actor) == kind


def test_a_possessor_is_no_subject_for_the_pronoun_after() -> None:
    """"Olatunji's counsel, Chief Adaeze Okafor, argued …. She said …" is Okafor's: Olatunji only owns the counsel."""
    import framing

    text = ("Court report\n\nOpening paragraph here.\n\nOlatunji's counsel, Chief Adaeze Okafor, argued that the "
            "trial had been unfair. She said he would appeal.\n")
    speakers = [q.speaker_actor for p in framing.analyze(text, format="text").paragraphs for q in p.quotes]
    assert speakers == ["Adaeze Okafor", "Adaeze Okafor"]


def test_shri_before_an_everyday_word_is_no_title() -> None:
    """"Jai Shri Ram" is a chant: "Ram" after "Shri" makes no person (Shri Arjun Munda still is one)."""
    import framing

    found = {a.actor: a.kind for a in framing.analyze("Title\n\nOpening.\n\nDevotees chanted Jai Shri Ram at the rally.",
                                                     format="text").actors}
    assert "person" not in found.values()


def _report_actors(text: str) -> list[tuple[str, str, str]]:
    report = framing.analyze(text, format="text")
    return [(m.mention.text, m.mention.actor, m.mention.kind) for p in report.paragraphs for m in p.actors
            if m.mention.kind != "group"]


@pytest.mark.parametrize(("text", "expected"), [
    # a surname after its particles is that person's, never a gazetteer person's of the same surname
    ("Judge María de la Cruz Valenzuela ruled on Monday. Lawyers asked to defend Judge de la Cruz in court. "
     "De la Cruz declined to comment.",
     [("Judge María de la Cruz Valenzuela", "María de la Cruz Valenzuela", "person"),
      ("de la Cruz", "María de la Cruz Valenzuela", "person"), ("De la Cruz", "María de la Cruz Valenzuela", "person")]),
    # a particle opening a sentence is capitalised, and the surname is still the full name's
    ("Pieter de Vries, the founder, spoke. De Vries called the fine unfair.",
     [("Pieter de Vries", "Pieter de Vries", "person"), ("the founder", "Pieter de Vries", "person"),
      ("De Vries", "Pieter de Vries", "person")]),
    # the gazetteer's own person keeps its surname
    ("Ted Cruz spoke in Austin. Cruz said no.", [("Ted Cruz", "Ted Cruz", "person"), ("Cruz", "Ted Cruz", "person")]),
])
def test_surnames_with_particles(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _report_actors(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Lee told the Korea Herald that prices rose.", [("Lee", "Lee", "person"), ("Korea Herald", "Korea Herald", "media")]),
    ("The Daily Nation reported it first.", [("Daily Nation", "Daily Nation", "media")]),
    ("Fans of Manisa FK were angry.", [("Manisa FK", "Manisa FK", "organisation")]),
    ("PT Nusantara Agro Lestari said sales fell.", [("PT Nusantara Agro Lestari", "PT Nusantara Agro Lestari", "organisation")]),
])
def test_unseen_media_and_companies_are_known_by_their_names_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _report_actors(text) == expected


def test_a_places_name_before_its_noun_is_no_body_of_the_same_word() -> None:
    text = ("According to the Brentwick Housing Trust, rents rose 40 per cent. The Brentwick city council voted on "
            "Tuesday to abandon the plan. Brentwick police said nothing. Shares in Brentwick fell.")
    found = [(m.text, m.actor) for m in (m.mention for p in framing.analyze(text, format="text").paragraphs for m in p.actors)]
    assert found == [("Brentwick Housing Trust", "Brentwick Housing Trust"), ("police", "police"),
                     ("Brentwick", "Brentwick Housing Trust")]  # only the last: the Trust's short form


def test_an_acronym_of_everyday_english_is_no_body() -> None:
    text = 'Mayor Alan Pryce called the decision "a gift to the NIMBY brigade". NIMBYs blocked it for years.'
    assert _report_actors(text) == [("Mayor Alan Pryce", "Alan Pryce", "person")]


@pytest.mark.parametrize("text", [
    "Republicans who do Trump's bidding lost.",
    "Ten Trump supporters were arrested.",
    "They met ten Trump aides.",
])
def test_an_english_word_before_a_known_name_is_no_surname_particle(text: str) -> None:
    assert [(m, a) for m, a, k in _report_actors(text)] == [("Trump", "Donald Trump")]


def test_every_use_of_a_defined_acronym_is_that_body() -> None:
    text = ("The National Association of Nigerian Traders (NANTS) has asked the bank to act. NANTS said prices rose. "
            "Later NANTS officials met the governor.")
    found = _report_actors(text)
    assert found[0] == ("National Association of Nigerian Traders", "National Association of Nigerian Traders",
                        "organisation")
    assert [(m, a) for m, a, _ in found if m == "NANTS"] == [("NANTS", "National Association of Nigerian Traders")] * 2


@pytest.mark.parametrize(("text", "name"), [
    ("The UN Assistance Mission for Iraq (UNAMI) said its staff were safe.", "UN Assistance Mission for Iraq"),
    ("The Ministry of Foreign Affairs and Trade (MFAT) said so.", "Ministry of Foreign Affairs and Trade"),
])
def test_a_name_cut_before_the_acronym_that_spells_it_whole_is_whole(text: str, name: str) -> None:
    found = _report_actors(text)
    assert found[0][:2] == (name, name)
    assert all(mention != "Iraq" for mention, _, _ in found)  # a word of the name, no state of its own

