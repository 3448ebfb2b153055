"""Public API: report(path), analyze(text), parse(text) and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import framing

from .conftest import SEEDS


def test_public_names_are_exactly_all() -> None:
    own = {name for name, value in vars(framing).items()
           if not name.startswith("_") and getattr(value, "__module__", "").startswith("framing")}
    assert own  # the functions and records framing defines
    assert set(framing.__all__) == own | {"Report", "Lexicon", "__version__"}  # the last three are lazy/plain
    for name in framing.__all__:
        assert getattr(framing, name) is not None


@pytest.mark.parametrize("as_path", [str, Path])
def test_report_accepts_str_and_path(as_path: type) -> None:
    result = framing.report(as_path(SEEDS / "summit_wire.txt"))
    assert result.document.source is not None and result.sections


def test_report_never_guesses_text_is_a_path() -> None:
    with pytest.raises(framing.InputError, match="no such file"):
        framing.report("Moscow agreed to the plan.")


def test_report_and_analyze_agree() -> None:
    path = SEEDS / "summit_opinion.txt"
    from_file = framing.report(path).to_dict()
    from_text = framing.analyze(path.read_text(encoding="utf-8"), source=str(path)).to_dict()
    assert from_file == from_text


def test_analyze_accepts_bytes() -> None:
    assert framing.analyze("Moscow agreed to the plan.".encode("utf-16")).text == "Moscow agreed to the plan."


@pytest.mark.parametrize("value", [None, 42, ["a"]])
def test_analyze_rejects_non_text(value: object) -> None:
    with pytest.raises(framing.InputError):
        framing.analyze(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "  \n\t\n  "])
def test_empty_text_gives_an_empty_report(text: str) -> None:
    result = framing.analyze(text)
    assert all(not s.paragraphs for s in result.sections)
    data = result.to_dict()
    assert data["actors"] == [] and data["loaded_terms"] == [] and data["loadedness"] == 0.0
    assert data["readability"]["n_words"] == 0


def test_empty_file_gives_an_empty_report(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert framing.report(path).paragraphs == ()


def test_parse_returns_only_the_document() -> None:
    document = framing.parse("Title line\n\nBody text of the article, which is long enough.")
    assert isinstance(document, framing.Document)


def test_bad_format_is_an_input_error() -> None:
    with pytest.raises(framing.InputError, match="format"):
        framing.analyze("x", format="pdf")  # type: ignore[arg-type]


def test_user_lexicon_through_report(tmp_path: Path) -> None:
    lexicon = tmp_path / "shipping.tsv"
    lexicon.write_text("term\tcategory\tweight\nshipping corridor\tshipping_jargon\t1.0\n", encoding="utf-8")
    result = framing.report(SEEDS / "summit_wire.txt", lexicons=[lexicon])
    assert any(t.category == "shipping_jargon" for t in result.loaded_terms)
    assert "shipping.tsv" in result.lexicons and "loaded_language" in result.lexicons


def test_malformed_user_lexicon_through_report(tmp_path: Path) -> None:
    lexicon = tmp_path / "bad.tsv"
    lexicon.write_text("term\tcategory\tweight\nregime\tx\tlots\n", encoding="utf-8")
    with pytest.raises(framing.LexiconError, match="bad.tsv:2"):
        framing.report(SEEDS / "summit_wire.txt", lexicons=[lexicon])


def test_corpus_has_the_signature_of_run_corpus() -> None:
    import inspect
    import typing

    import framing.corpus_runner as corpus_runner
    from framing.render.dataframe import Level
    from framing.stages.lexicon_files import Lexicon

    names = {**vars(corpus_runner), "Level": Level, "Lexicon": Lexicon}
    ours, theirs = inspect.signature(framing.corpus), inspect.signature(corpus_runner.run_corpus)
    assert [(p.name, p.kind, p.default) for p in ours.parameters.values()] == [
        (p.name, p.kind, p.default) for p in theirs.parameters.values()]
    assert typing.get_type_hints(framing.corpus, localns=names) == typing.get_type_hints(
        corpus_runner.run_corpus, localns=names)
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for name, p in ours.parameters.items() if name != "paths")


def test_import_framing_stays_light() -> None:
    import subprocess
    import sys

    code = "import sys, framing; print(sorted(m for m in ('pandas', 'framing.corpus_runner', 'framing.pipeline') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(("verb", "layer"), [
    ("slammed", "loaded_terms"), ("gloated", "loaded_terms"), ("whined", "loaded_terms"),
    ("claimed", "markers"), ("admitted", "markers"), ("denounced", "markers"),
])
def test_charged_speech_is_loaded_and_milder_attribution_verbs_are_markers(verb: str, layer: str) -> None:
    paragraph = framing.analyze(f"The senator {verb} that the plan would fail.").paragraphs[0]
    layers = {name: [hit.text for hit in getattr(paragraph, name)] for name in ("loaded_terms", "markers")}
    other = "markers" if layer == "loaded_terms" else "loaded_terms"
    assert verb in layers[layer] and verb not in layers[other], layers


def test_a_quotations_speaker_resolves_to_the_actor_a_pronoun_stands_for() -> None:
    text = 'Maria Lopez runs the only clinic in town. "We are full every single night," she said.'
    quotes = [q for s in framing.analyze(text).to_dict()["sections"] for p in s["paragraphs"] for q in p["quotes"]]
    assert [(q["speaker"]["text"], q["speaker_actor"]) for q in quotes] == [("she", "Maria Lopez")]
