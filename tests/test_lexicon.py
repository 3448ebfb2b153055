"""Lexicon loading, validation, user formats and term matching in context."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from framing import LexiconError
from framing.model import Quote, TermHit, TextSpan
from framing.stages.lexicon import (
    GAP,
    IdiomFilter,
    annotate_hits,
    compile_lexicons,
    load_categories,
    load_lexicon,
    match_terms,
    merge_compounds,
    parse_lexicon,
    read_lexicon,
    resolve_lexicons,
)
from framing.stages.sentences import split_sentences
from framing.text.wordlists import common_words


@pytest.fixture(scope="module")
def shipped():
    return compile_lexicons(resolve_lexicons())


def test_shipped_lexicon_size_and_categories() -> None:
    lexicon = load_lexicon()
    assert len(lexicon.entries) >= 800
    categories = load_categories()
    assert len(set(lexicon.categories)) >= 10
    assert set(lexicon.categories) <= set(categories)
    assert "scare_quote" in categories


def test_shipped_terms_are_in_one_category_each() -> None:
    seen: dict[str, str] = {}
    for entry in load_lexicon().entries:
        assert seen.setdefault(entry.term.lower(), entry.category) == entry.category, entry.term


def test_shipped_lexicon_avoids_everyday_words() -> None:
    """A loaded-language lexicon must not fire on the commonest English words."""
    everyday = common_words()
    offenders = [e.term for e in load_lexicon().entries if " " not in e.term and e.term in everyday and e.weight >= 1.5]
    assert len(offenders) <= 25, offenders


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


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("mine.tsv", "term\tcategory\tweight\nwarmonger\tpejorative\t2.5\n", [("warmonger", "pejorative", 2.5)]),
    ("mine.tsv", "# no header\nwarmonger\tpejorative\n\nhawk\tpejorative\t0.5\t\t\tnote\n",
     [("warmonger", "pejorative", 1.0), ("hawk", "pejorative", 0.5)]),
    ("mine.csv", "term,category,weight\n\"bully, the\",coercion,1.5\n", [("bully, the", "coercion", 1.5)]),
    ("mine.json", json.dumps([{"term": "cabal", "category": "conspiracy", "weight": 2}, "junta"]),
     [("cabal", "conspiracy", 2.0), ("junta", "mine", 1.0)]),
    ("mine.json", json.dumps({"conspiracy": ["cabal", "psyop"]}), [("cabal", "conspiracy", 1.0), ("psyop", "conspiracy", 1.0)]),
    ("mine.txt", "cabal\npsyop\n", [("cabal", "mine", 1.0), ("psyop", "mine", 1.0)]),
    ("mine.dic", "%\n1\tposemo\n2\tnegemo\n%\nabus*\t2\nhero\t1\nfine\t1 2\n",
     [("abus", "negemo", 1.0), ("hero", "posemo", 1.0), ("fine", "posemo", 1.0), ("fine", "negemo", 1.0)]),
])
def test_read_user_lexicons(tmp_path: Path, name: str, content: str, expected: list[tuple[str, str, float]]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    lexicon = read_lexicon(path)
    assert [(e.term, e.category, e.weight) for e in lexicon.entries] == expected


@pytest.mark.parametrize("content", [
    "term;category;weight\nwarmonger;pejorative;2.5\nhawk;pejorative;1\n",
    "term\tcategory\tweight\nwarmonger\tpejorative\t2.5\nhawk\tpejorative\t1\n",
    "warmonger;pejorative;2.5\nhawk;pejorative\n",
    "warmonger\tpejorative\t2.5\nhawk\tpejorative\n",
    "# comment, with; separators\nwarmonger,pejorative,2.5\nhawk,pejorative,,,,\"a note; with a semicolon\"\n",
])
def test_csv_lexicon_delimiter_and_header_are_sniffed(tmp_path: Path, content: str) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(content, encoding="utf-8")
    lexicon = read_lexicon(path)
    assert [(e.term, e.category, e.weight) for e in lexicon.entries] == [
        ("warmonger", "pejorative", 2.5), ("hawk", "pejorative", 1.0)]


@pytest.mark.parametrize(("content", "message"), [
    ("regime,x,2\nhawk;y;1\n", r"mine.csv:2: this row is separated by semicolons but the file by commas; expected term,category,weight"),
    ("entry;class;value\nregime;x;2\n", r"mine.csv:1: .*looks like a header, but entry, class, value are not column names"),
    ("regime;x;1;s;0;note;extra\n", r"mine.csv:1: 7 columns, expected at most 6 .* separated by semicolons"),
])
def test_csv_lexicon_columns_that_do_not_fit_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        read_lexicon(path)


def test_user_lexicons_with_one_stem_keep_apart(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    dic, csv_file, other = tmp_path / "housing.dic", tmp_path / "housing.csv", tmp_path / "b" / "housing.csv"
    dic.write_text("%\n1\tnegemo\n%\nslum\t1\n", encoding="utf-8")
    csv_file.write_text("shack,housing_jargon\n", encoding="utf-8")
    other.write_text("hovel,housing_jargon\n", encoding="utf-8")
    lexicons = resolve_lexicons([dic, csv_file, other, csv_file])
    hashes = compile_lexicons(lexicons).hashes
    assert list(hashes) == ["loaded_language", "housing.dic", "housing.csv", "b/housing.csv"]
    assert len(set(hashes.values())) == 4
    assert resolve_lexicons([dic, csv_file, other]) == lexicons  # deterministic
    hits = match_terms("a slum, a shack and a hovel", compile_lexicons(lexicons))
    assert [(h.term, h.lexicon) for h in hits] == [
        ("slum", "housing.dic"), ("shack", "housing.csv"), ("hovel", "b/housing.csv")]


def test_lexicon_objects_with_one_name_are_numbered() -> None:
    first, second = parse_lexicon("mine", "regime\tx\n"), parse_lexicon("mine", "junta\tx\n")
    actors = parse_lexicon("actors", "cabal\tx\n")
    assert [lexicon.name for lexicon in resolve_lexicons([first, second, actors], default=False)] == [
        "mine", "mine#2", "actors#2"]


def test_word_list_category_is_the_stem(tmp_path: Path) -> None:
    path = tmp_path / "housing.txt"
    path.write_text("shack\n", encoding="utf-8")
    lexicon = read_lexicon(path)
    assert (lexicon.name, lexicon.entries[0].category) == ("housing.txt", "housing")


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


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.tsv", "term\tcategory\tweight\nregime\tx\theavy\n", r"bad.tsv:2: weight 'heavy' is not a number"),
    ("bad.tsv", "term\tcategory\tweight\nregime\tx\t-1\n", r"bad.tsv:2: weight -1 out of range"),
    ("bad.tsv", "term\tcategory\tweight\nregime\tx\tnan\n", r"bad.tsv:2: weight nan out of range"),
    ("bad.tsv", "regime\tx\t1\ts\t0\tnote\textra\n", r"bad.tsv:1: 7 columns"),
    ("bad.tsv", "term\tcolour\nregime\tred\n", r"bad.tsv:1: unknown column"),
    ("bad.tsv", "regime\tx\nregime\tx\n", r"bad.tsv:2: term 'regime' is already in category 'x' \(line 1\)"),
    ("bad.tsv", "+++\tx\n", r"bad.tsv:1: term '\+\+\+' has no letters"),
    ("bad.tsv", "\tx\n", r"bad.tsv:1: empty term"),
    ("bad.tsv", "# only comments\n\n", r"bad.tsv: no entries"),
    ("bad.tsv", "regime\tx\t1\tq\n", r"bad.tsv:1: flags 'q'"),
    ("bad.tsv", "hold … hostage … again\tx\n", r"bad.tsv:1: term .* one gap '…'"),
    ("bad.tsv", "hold … host*\tx\n", r"bad.tsv:1: term .* one gap '…'"),
    ("bad.tsv", "…\tx\n", r"bad.tsv:1: term '…' has no letters"),
    ("bad.json", "[{\"term\": 1,}", r"bad.json:1: invalid JSON"),
    ("bad.dic", "%\n1\tneg\n%\nword\t7\n", r"bad.dic:4: category number 7"),
    ("bad.dic", "no header at all\n", r"bad.dic:1: a LIWC .dic file"),
    ("bad.yaml", "a: b\n", r"unknown lexicon suffix"),
])
def test_malformed_lexicons_name_file_and_line(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        read_lexicon(path)


def test_undecodable_lexicon_is_a_lexicon_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(LexiconError, match="PNG"):
        read_lexicon(path)


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


def test_an_ellipsis_at_either_end_is_punctuation() -> None:
    lexicon = parse_lexicon("user", "wait...\tx\n... and so on\tx\n")
    assert [entry.term for entry in lexicon.entries] == ["wait", "and so on"]


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
])
def test_sense_rules_for_idioms(text: str, loaded: str | None) -> None:
    import framing

    report = framing.analyze(text, format="text")
    hits = [h.text for p in report.paragraphs for h in p.loaded_terms if "…" in h.term or h.text == loaded]
    assert hits == ([loaded] if loaded else [])


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


def test_lexicon_hash_tracks_content() -> None:
    first = parse_lexicon("a", "regime\tx\n")
    second = parse_lexicon("a", "regime\tx\t2\n")
    assert first.sha256 != second.sha256 and first != second
    assert parse_lexicon("a", "regime\tx\n") == first


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
])
def test_sense_rules_drop_plain_uses_only(text: str, plain: str | None, loaded: str | None) -> None:
    from framing.stages.lexicon import load_sense_rules, split_plain_senses

    hits = match_terms(text, compile_lexicons(resolve_lexicons()))
    kept = {h.term for h in split_plain_senses(text, hits, load_sense_rules())[0]}
    if plain:
        assert plain in {h.term for h in hits} and plain not in kept
    if loaded:
        assert loaded in kept


def test_sense_rules_malformed_row_names_the_line() -> None:
    from framing.stages.lexicon import parse_sense_rules

    with pytest.raises(LexiconError, match=r"senses\.tsv:3: side must be"):
        parse_sense_rules("# rules\nterm\tside\twords\nregime\taround\ttax\n", path="senses.tsv")


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
