"""Tests for the name recogniser's features (framing.stages.recogniser_features), read through iter_candidates."""

from __future__ import annotations

from framing.stages.recogniser import iter_candidates, load_model


def test_candidate_features_keep_their_names_and_order() -> None:
    """The features training and scoring share, pinned: the shipped weights read these names in this order."""
    ratio = load_model().lowercase_ratio
    text = "Yesterday Senator Ana Kowalski of Ghana met\u00a0 NATO\tchiefs."
    candidates = list(iter_candidates(text, lowercase_ratio=ratio,
                                      known_kind=lambda span: "state" if span == "Ghana" else None))
    assert [(text[c.start:c.end], c.title) for c in candidates] == [("Ana Kowalski of Ghana", (10, 17)), ("NATO", None)]
    whole, nato = candidates
    context = ("L1=senator", "L2=yesterday")
    # (the lower-case table has seen "Ghana", always capitalised: bucket 0; the names before it are unseen: u)
    assert whole.features == (
        "w=ana", "w=kowalski", "w=of", "w=ghana", "f=ana", "l=ghana", "n=4", "p3=ana", "x2=na", "x3=ana", "x4=hana",
        "b0=u", "bL=0", "bM=u", *context, "R1=met", "R2=nato", "m=normal", "i=False|b0=u", "i=False|n=4",
        "s=Xx Xx x Xx", "s0=Xx", "sL=Xx", "title", "t=senator", "connector")
    person, place = whole.parts
    assert person.features == (
        "w=ana", "w=kowalski", "f=ana", "l=kowalski", "n=2", "p3=ana", "x2=ki", "x3=ski", "x4=lski",
        "b0=u", "bL=u", "bM=u", *context, "R1=of", "R2=ghana", "m=normal", "i=False|b0=u", "i=False|n=2",
        "s=Xx Xx", "s0=Xx", "sL=Xx", "title", "t=senator")
    assert place.features[-1] == "g=state"
    # an acronym has a bucket of its own ("A"), whatever its lower case is ("SWIFT", "AIM")
    assert nato.features == (
        "w=nato", "f=nato", "l=nato", "n=1", "p3=nat", "x2=to", "x3=ato", "x4=nato", "b0=A", "bL=A", "bM=A",
        "L1=met", "L2=ghana", "R1=chiefs", "R2=.", "m=normal", "i=False|b0=A", "i=False|n=1",
        "s=X", "s0=X", "sL=X", "allcaps")


def test_each_lowercase_table_is_read_on_its_own() -> None:
    """Lookups in a lower-case table are remembered per table: a second table is never answered from the first."""
    text = "Apple pie is fine."
    everyday = list(iter_candidates(text, lowercase_ratio={"apple": 0.9}))
    rare = list(iter_candidates(text, lowercase_ratio={"apple": 0.1}))
    assert everyday == []
    assert [text[c.start:c.end] for c in rare] == ["Apple"]
    assert "b0=0" in rare[0].features
