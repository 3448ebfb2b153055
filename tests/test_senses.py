"""Sense rules: a word beside a loaded term (or in an idiom's gap) that makes it plain."""

from __future__ import annotations

import pytest

from framing import LexiconError
from framing.stages.lexicon import compile_lexicons, match_terms
from framing.stages.lexicon_files import resolve_lexicons
from framing.stages.senses import load_sense_rules, parse_sense_rules, plain_sense_spans, split_plain_senses


@pytest.mark.parametrize(("text", "loaded"), [
    ("Protesters held the road hostage for hours.", "held the road hostage"),
    ("The town's future is being held hostage by a few hundred signatures.", "held hostage"),
    ("Gunmen held two aid workers hostage near the border.", None),  # people held: real captives
    ("Kidnappers held the boy to ransom.", None),
    ("Hamas held them hostage in Gaza.", None),
    ("Qatar will hold hostage talks.", None),
    ("The bidding process opened; the firm did not open the bidding round.", None),
    ("The minister is doing Moscow's bidding.", "doing Moscow's bidding"),
    ("A driver rammed his truck through the gates.", None),
    ("The party rammed the bill through parliament.", "rammed the bill through"),
    ("The army cleared a string of villages along the river.", None),
    ("They strung voters along for years.", "strung voters along"),
])
def test_sense_rules_for_idioms(text: str, loaded: str | None) -> None:
    import framing

    report = framing.analyze(text, format="text")
    hits = [h.text for p in report.paragraphs for h in p.loaded_terms if "…" in h.term or h.text == loaded]
    assert hits == ([loaded] if loaded else [])


@pytest.mark.parametrize(("text", "plain", "loaded"), [
    ("The tax regime changed again.", "regime", None),
    ("The regime jailed its critics.", None, "regime"),
    ("A plague of locusts hit the farms.", "plague", None),
    ("The corrupt file was deleted.", "corrupt", None),
    ("The corrupt mayor resigned.", None, "corrupt"),
    ("Radical activists blocked the bridge.", None, "radical"),
    ("Free radical damage ages the cells.", "radical", None),
    ("The board approved a radical overhaul of the pension scheme.", "radical", None),
    ("Antioxidants neutralise free radicals in the body.", "radicals", None),
    ("The party unveiled a radical plan to cut taxes.", "radical", None),
    ("She won her third grand slam title.", "slam", None),
    ("The car slammed into a wall.", "slammed", None),
    ("The senator slammed the plan.", None, "slammed"),
    ("All night the dog barked at the gate.", "barked", None),
    ("The minister barked orders at aides.", None, "barked"),
    ("The volcano spewed ash for days.", "spewed", None),
    ("Patients with inflammatory bowel disease need care.", "inflammatory", None),
    ("A rabid dog bit two children.", "rabid", None),
    ("He leaves his beloved wife and two sons.", "beloved", None),
    ("The bird was a parrot from Gabon.", "parrot", None),
    ("The academy keeps signing elite young players.", "elite", None),  # past a plain modifier
    ("The elite young and the rich mocked them.", None, "elite"),
    ("A flood of aid arrived after the storm.", "flood of", None),
    ("A flood of migrants is coming, he warned.", None, "flood of migrants"),
    ("He faces extortion charges after a cartel extortion ring was broken up.", "extortion", None),
    ("Their tariff policy is extortion, plain and simple.", None, "extortion"),
])
def test_sense_rules_drop_plain_uses_only(text: str, plain: str | None, loaded: str | None) -> None:
    hits = match_terms(text, compile_lexicons(resolve_lexicons()))
    kept = {h.term for h in split_plain_senses(text, hits, load_sense_rules())[0]}
    if plain:
        assert plain in {h.term for h in hits} and plain not in kept
    if loaded:
        assert loaded in kept


def test_sense_rules_malformed_row_names_the_line() -> None:
    with pytest.raises(LexiconError, match=r"senses\.tsv:3: side must be"):
        parse_sense_rules("# rules\nterm\tside\twords\nregime\taround\ttax\n", path="senses.tsv")


def test_plain_sense_spans_cover_the_deciding_word() -> None:
    text = "A heart attack and a computer virus."
    spans = plain_sense_spans(text, 0, len(text), load_sense_rules())
    assert [text[s:e] for s, e in spans] == ["heart attack", "computer virus"]


@pytest.mark.parametrize("text", [
    "The ministers met on the sidelines of the summit in Geneva.",
    "The defence minister said the army had moved.",
    "Flood defences failed in three towns.",
    "A packed meeting in the town hall voted to strike.",
    "Shelling destroyed the bridge.",  # a physical destruction, by its cause or its object
    "The fleet destroyed boats and ships.",
])
def test_news_words_in_their_plain_sense_are_not_loaded(text: str) -> None:
    import framing

    assert [h.text for p in framing.analyze(text, format="text").paragraphs for h in p.loaded_terms] == []


def test_a_figurative_destruction_stays_loaded() -> None:
    import framing

    text = "Her career was destroyed by the smear campaign."
    assert "destroyed" in [h.text for p in framing.analyze(text, format="text").paragraphs for h in p.loaded_terms]


@pytest.mark.parametrize(("text", "plain"), [
    ("Brent crude futures settled up.", ["crude futures"]),
    ("China's crude imports fell.", ["crude imports"]),
    ("Serious adverse events were rare.", ["adverse events"]),
    ("Records of enslaved people were found.", ["enslaved people"]),
    ("Airlines cancelled flights.", ["cancelled flights"]),
    ("Kiprono broke away from the group.", ["broke away"]),
    ("She left with their dog.", ["their dog"]),
    ("A rare neurological disorder.", ["neurological disorder"]),
    ("Flash flooding hit the town.", ["Flash flooding"]),
    # the loaded uses of the same words stay loaded
    ("A crude attempt to smear him.", []),
    ("They treated him like a dog.", []),
    ("The show was cancelled by the woke mob.", []),
])
def test_terms_of_art_of_wire_copy_are_plain(text: str, plain: list[str]) -> None:
    """Trade, medicine, weather, sport and history words in the sense a plain report uses them."""
    spans = plain_sense_spans(text, 0, len(text), load_sense_rules())
    assert [text[s:e] for s, e in spans] == plain
