"""Lexicon matching: compiled lexicons, term hits and idioms with a gap, and their annotation in context."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from framing.model import Quote, TermHit, TextSpan
from framing.stages.lexicon import IdiomFilter, annotate_hits, compile_lexicons, match_terms, merge_compounds
from framing.stages.lexicon_files import GAP, load_lexicon, parse_lexicon, read_lexicon, resolve_lexicons
from framing.stages.sentences import split_sentences


@pytest.fixture(scope="module")
def shipped():
    return compile_lexicons(resolve_lexicons())


@pytest.mark.parametrize(("text", "expected"), [
    ("This is a protection racket.", [("protection racket", "crime_metaphor")]),
    ("The Deep State and the globalists.", [("deep state", "conspiracy"), ("globalist", "ideological_label")]),
    ("mere political theater and a photo-op", [("political theater", "theatre_spectacle"), ("photo-op", "theatre_spectacle")]),
    ("by the Banderite regime", [("banderite regime", "pejorative_label")]),
    ("The government met on Tuesday.", []),
])
def test_match_terms_on_shipped_lexicon(shipped, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(h.term.lower(), h.category) for h in match_terms(text, shipped)] == expected


def test_match_terms_offsets_slice_back(shipped) -> None:
    text = "A “PROTECTION RACKET”, the regime’s shakedown and \\$5 of extortion."
    hits = match_terms(text, shipped)
    assert hits and all(text[h.start:h.end] == h.text for h in hits)


def test_merge_compounds_joins_same_category_neighbours() -> None:
    text = "the Banderite regime fell"
    hits = [TermHit(4, 13, "Banderite", "banderite", "pejorative_label", 2.0, -2.0, "x"),
            TermHit(14, 20, "regime", "regime", "pejorative_label", 1.5, -2.0, "x")]
    merged = merge_compounds(text, hits)
    assert [(h.text, h.weight) for h in merged] == [("Banderite regime", 2.5)]


def test_annotate_negation_quotes_and_questions(shipped) -> None:
    text = 'It is not a protection racket. "It is a shakedown," she said. Is this extortion?'
    sentences = split_sentences(text)
    quote = Quote(31, 51, text[31:51], "direct", TextSpan(52, 55, "she"))
    hits = annotate_hits(text, match_terms(text, shipped), sentences, [quote], {31: "Jane Roe"})
    by_term = {h.term: h for h in hits}
    assert by_term["protection racket"].negated and not by_term["protection racket"].in_quote
    assert by_term["shakedown"].in_quote and by_term["shakedown"].speaker == "Jane Roe"
    assert by_term["extortion"].question and not by_term["extortion"].negated


# --- user lexicons -------------------------------------------------------------------------


def test_liwc_wildcard_is_a_prefix_match(tmp_path: Path) -> None:
    path = tmp_path / "liwc.dic"
    path.write_text("%\n1\tnegemo\n%\nabus*\t1\n", encoding="utf-8")
    compiled = compile_lexicons(resolve_lexicons([path], default=False))
    assert [h.text for h in match_terms("Abusive, abused; an abbot.", compiled)] == ["Abusive", "abused"]


def test_user_lexicon_overrides_a_shipped_term(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("regime\tneutral_word\t0.1\n", encoding="utf-8")
    compiled = compile_lexicons(resolve_lexicons([path]))
    assert [(h.category, h.weight) for h in match_terms("the regime", compiled)] == [("neutral_word", 0.1)]


def test_regex_metacharacters_are_literal() -> None:
    lexicon = parse_lexicon("meta", "c++ fans\tx\n", format="tsv")
    compiled = compile_lexicons((lexicon,))
    assert [h.text for h in match_terms("the c++ fans and c fans", compiled)] == ["c++ fans", "c fans"]


IDIOMS = (
    "hold … hostage\tcoercion\t2\tv\nheld … hostage\tcoercion\t2\nhold ... to ransom\tcoercion\t2\tv\n"
    "sell … out\tbetrayal\t1.5\tv\nsold … out\tbetrayal\t1.5\nransom\tcrime\t1\nregime\tlabel\t2\n"
)


@pytest.mark.parametrize(("text", "expected"), [
    ("The protesters held the road hostage.", [("held the road hostage", "held … hostage")]),
    ("Holding Kyiv's economy hostage, they waited.", [("Holding Kyiv's economy hostage", "hold … hostage")]),
    ("They hold the country to ransom.", [("hold the country to ransom", "hold … to ransom")]),
    ("They held two hostages.", []),
    ("He sold them out.", [("sold them out", "sold … out")]),
    ("He sold his own voters out.", []),  # before a lone particle the gap takes two words at most
    ("He sold the house and went out.", []),  # no clause word inside the gap
    ("They held the ministry, hostage to events.", []),  # no punctuation inside the gap
    ("They held a long and bitter meeting; the hostage was freed.", []),
    ("A ransom note.", [("ransom", "ransom")]),  # the tail alone is its own entry
    ("They held the regime hostage.", [("held the regime hostage", "held … hostage")]),  # hits inside give way
])
def test_idioms_with_a_gap(text: str, expected: list[tuple[str, str]]) -> None:
    compiled = compile_lexicons((parse_lexicon("idioms", IDIOMS),))
    hits = match_terms(text, compiled)
    assert [(h.text, h.term) for h in hits] == expected
    assert all(text[h.start:h.end] == h.text for h in hits)


def test_idiom_heads_leave_other_entries_inflections_alone() -> None:
    user = parse_lexicon("user", "sell\tmarket\t1\tv\nline\tqueue\nplay\tmusic\t1\tv\n")
    compiled = compile_lexicons((load_lexicon(), user))
    text = "They are selling shares. He sells cars. Lines formed. The band plays. The bullies struck again."
    assert [h.text for h in match_terms(text, compiled)] == ["selling", "sells", "Lines", "plays", "bullies"]


def test_an_idiom_head_without_its_tail_leaves_a_shorter_term() -> None:
    compiled = compile_lexicons((parse_lexicon("user", "whip\tx\t1\tv\nwhip up … frenzy\tx\n"),))
    assert [h.text for h in match_terms("They whip up support.", compiled)] == ["whip"]
    assert [h.text for h in match_terms("They whip up a frenzy.", compiled)] == ["whip up a frenzy"]


def test_a_phrase_written_out_wins_over_an_idiom_with_the_same_extent() -> None:
    compiled = compile_lexicons((parse_lexicon("user", "pulls the strings\tplot\t2\tx\npull … strings\tidiom\t1\tv\n"),))
    hits = match_terms("He pulls the strings. She pulls Tehran's strings.", compiled)
    assert [(h.text, h.category) for h in hits] == [("pulls the strings", "plot"), ("pulls Tehran's strings", "idiom")]


def test_a_users_idiom_wins_over_a_shipped_phrase_of_the_same_extent() -> None:
    user = parse_lexicon("user", "pull … strings\tmine\t3\tv\n")
    hits = match_terms("The oligarch pulls the strings.", compile_lexicons((load_lexicon(), user)))
    assert [(h.text, h.category) for h in hits if "strings" in h.text] == [("pulls the strings", "mine")]


def test_v_inflects_the_first_word_of_an_idiom() -> None:
    compiled = compile_lexicons((parse_lexicon("user", "dance to … tune\tlabel\t1\tv\n"),))
    text = "He is dancing to Washington's tune, as he dances to Moscow's tune."
    assert [h.text for h in match_terms(text, compiled)] == ["dancing to Washington's tune", "dances to Moscow's tune"]


def test_a_case_sensitive_idiom_keeps_clause_words_out_of_its_gap() -> None:
    compiled = compile_lexicons((parse_lexicon("user", "Hold … Hostage\tx\t1\ts\n"),))
    assert match_terms("Hold And Hostage", compiled) == ()
    assert [h.text for h in match_terms("Hold The Nation Hostage", compiled)] == ["Hold The Nation Hostage"]
    assert match_terms("hold the nation hostage", compiled) == ()


def test_neighbouring_idioms_stay_apart() -> None:
    compiled = compile_lexicons((parse_lexicon("idioms", IDIOMS),))
    hits = match_terms("He sold them out sold us out", compiled)
    assert [(h.text, h.term) for h in hits] == [("sold them out", "sold … out"), ("sold us out", "sold … out")]


def test_user_idioms_from_json_and_csv(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('[{"term": "put ... on ice", "category": "delay"}]', encoding="utf-8")
    (tmp_path / "b.csv").write_text("term,category\nkick … into touch,delay\n", encoding="utf-8")
    compiled = compile_lexicons((read_lexicon(tmp_path / "a.json"), read_lexicon(tmp_path / "b.csv")))
    text = "They put the plan on ice and kick the idea into touch."
    assert [h.text for h in match_terms(text, compiled)] == ["put the plan on ice", "kick the idea into touch"]


def test_an_idiom_ends_inside_the_searched_span() -> None:
    compiled = compile_lexicons((parse_lexicon("idioms", IDIOMS),))
    text = "They held the road. Hostage talks began."
    assert match_terms(text, compiled, 0, len("They held the road")) == ()


def test_shipped_idioms_with_a_gap_are_found_and_stay_in_one_clause(shipped) -> None:
    text = "The landlord turfed the tenants out, and the mayor kept residents in the dark."
    assert [(h.text, h.category) for h in match_terms(text, shipped)] == [
        ("turfed the tenants out", "coercion"), ("kept residents in the dark", "conspiracy")]


@pytest.mark.parametrize("text", [
    "They held the road HO\u017fTAGE.",  # Python's re matches the long s to "s" case-insensitively
    "They held the road hostage.",
    "In the crosshairs: they were in the regulators' crosshairs, on their last legs.",
    "He sold them out; she sold nothing out. Take it up with them, said the man who sold Vegas out.",
    "HAD THE GOVERNMENT OVER A BARREL",
    "",
])
def test_the_idiom_filter_finds_what_every_head_finds(shipped, text: str) -> None:
    every_head = replace(shipped, idiom_filter=IdiomFilter())
    assert match_terms(text, shipped) == match_terms(text, every_head)


def test_the_idiom_filter_keeps_each_shipped_idiom_written_out(shipped) -> None:
    every_head = replace(shipped, idiom_filter=IdiomFilter())
    found = 0
    for lexicon in shipped.lexicons:
        for entry in lexicon.entries:
            if GAP not in entry.term:
                continue
            head, _, tail = entry.term.partition(GAP)
            for text in (f"They {head} the whole {tail} again.", f"THEY {head} HIM {tail}".upper(), f"{head} it {tail}"):
                hits = match_terms(text, shipped)
                assert hits == match_terms(text, every_head), text
                found += any(GAP in hit.term for hit in hits)
    assert found > 500


def test_annotate_hits_keeps_every_other_field() -> None:
    """Annotation rebuilds each hit field by field: all fields but the four annotations come through unchanged."""
    import dataclasses

    text = "Is it not a regime?"
    hit = TermHit(12, 18, "regime", term="regime", category="pejorative_label", weight=1.5, valence=-2.0,
                  lexicon="custom", source="model", confidence=0.75)
    (annotated,) = annotate_hits(text, [hit], split_sentences(text), [])
    expected = dataclasses.replace(hit, negated=True, in_quote=False, speaker=None, question=True)
    assert annotated == expected
    assert {field.name for field in dataclasses.fields(TermHit)} == {
        "start", "end", "text", "term", "category", "weight", "valence", "lexicon", "negated", "in_quote", "speaker",
        "question", "source", "confidence"}


def test_a_surname_that_is_a_charged_verb_is_no_hit() -> None:
    """ "parrot" is matched in lower case only, so "Mr Parrot" is a name."""
    text = "Mr Parrot, the finance minister, said aides would parrot the line."
    hits = match_terms(text, compile_lexicons(resolve_lexicons()))
    assert [h.text for h in hits if h.term == "parrot"] == ["parrot"]


@pytest.mark.parametrize(("text", "term"), [
    ("The offer is an eyewash.", "eyewash"),  # Indian English
    ("Police blamed anti-social elements.", "anti-social elements"),
    ("The gas barons won again.", "gas barons"),
    ("Lawmakers squabble over paperwork.", "squabble"),
    ("Brussels is still haggling over the assets.", "haggling"),
])
def test_regional_and_charged_speech_terms_are_listed(text: str, term: str) -> None:
    import framing

    assert term in [h.text for p in framing.analyze(text, format="text").paragraphs for h in p.loaded_terms]


@pytest.mark.parametrize(("text", "term"), [
    ("Protesters called the riot squad thugs in uniform.", "thugs in uniform"),
    ("Tenants are thrown onto the street every month.", "thrown onto the street"),
    ("Ban phones before they destroy another generation.", "destroy another generation"),
    ("The owner is stripping it to the bone.", "stripping it to the bone"),
    ("An NHS on its knees cannot wait.", "on its knees"),
])
def test_commentary_beyond_war_and_diplomacy_is_listed(shipped, text: str, term: str) -> None:
    assert term in [text[h.start:h.end] for h in match_terms(text, shipped)]


@pytest.mark.parametrize(("text", "phrase"), [
    ("The Watergate scandal brought down a president.", "scandal"),  # a scandal named, not the author's verdict
    ("The firm is a scandal-hit lender.", "is a"),
    ("The dog fell on its knees in the snow.", "knees"),
    ("The dog went down on its knees.", "knees"),
    ("She led the kitchen sink school of drama.", "sink school"),
])
def test_commentary_phrases_leave_plain_reports_alone(text: str, phrase: str) -> None:
    import framing

    report = framing.analyze(text, format="text")
    terms = [h.text for part in (*report.front, *report.paragraphs) for h in part.loaded_terms]
    assert not [term for term in terms if phrase in term]


@pytest.mark.parametrize(("text", "term", "negated"), [
    ("It is not a blank cheque for the owner.", "a blank cheque", True),
    ("The plan is no cover-up.", "cover-up", True),
    # a negator that opens an idiom of degree asserts the term
    ("It is nothing more than a blank cheque for the owner.", "a blank cheque", False),
    ("It is none other than a witch hunt.", "witch hunt", False),
    ("This is nothing short of a cover-up.", "cover-up", False),
    # a negator reaches a term coordinated by "or"/"nor" with the one it negates
    ("He is not a crook or a liar.", "liar", True),
    ("He is a crook or a liar.", "liar", False),
    # ... but not across punctuation or a clause ("does not pass, there will be misery or chaos")
    ("If the bill does not pass, there will be misery or chaos.", "chaos", False),
    ("The minister, who did not attend, called the protesters crooks or thugs.", "thugs", False),
    ("If the bill does not pass there will be misery or chaos.", "chaos", False),
])
def test_negation_is_not_read_into_idioms_of_degree(text: str, term: str, negated: bool) -> None:
    import framing

    hits = {h.text: h for p in framing.analyze(text, format="text").paragraphs for h in p.loaded_terms}
    assert hits[term].negated is negated
