"""Portrayal prior: a low-confidence role for mentions no cue casts, weighing half in the stance."""

from __future__ import annotations

import pytest

import framing
from framing.model import Casting
from framing.stages.portrayal import MentionCues
from framing.stages.portrayal_lexicon import ROLES
from framing.stages.portrayal_prior import (
    ACTOR_POOL,
    PRIOR_SHRINK,
    PriorInput,
    PriorModel,
    cast_by_prior,
    load_prior_model,
    prior_features,
    prior_probabilities,
)

_UNCAST = Casting(None, tuple((role, 0.0) for role in ROLES), None, None, None)
_QUOTED = Casting(None, tuple((role, 0.0) for role in ROLES), None, None, None, "quote", "Kane")


def _item(kind: str = "group", role: str | None = "target", valence: float = -2.0,
          sentiment: tuple[float, float, float] = (0.7, 0.2, 0.1), **changes: object) -> PriorInput:
    values: dict[str, object] = {
        "start": 0, "end": 5, "kind": kind, "role": role, "role_valence": valence, "sentiment": sentiment,
        "in_quote": False, "cues": MentionCues((0.0, 0.0, 0.0), (1, 0, 1)), "actor_sentiment": -0.3,
        "sentence_valence": -2.5, "others": (False, True, False),
    }
    values.update(changes)
    return PriorInput(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def model() -> PriorModel:
    found = load_prior_model()
    assert found is not None, "the shipped prior must load"
    return found


def test_prior_features_are_general_not_lexical() -> None:
    features = prior_features(_item())
    assert features["kind=group"] == 1.0 and features["people"] == 1.0
    assert features["role=target"] == 1.0 and features["target_harsh"] == pytest.approx(2.0 / 3.0)
    assert features["sentence_harm"] == 0.5 and features["other_antagonist"] == 1.0
    assert -1.0 < features["sentence_valence"] < 0.0
    assert all(":" not in name for name in features)  # no word is a feature


@pytest.mark.parametrize(("role", "valence", "present", "absent"), [
    ("agent", -6.0, {"agent_harsh": 1.0}, "target_harsh"),
    ("target", 1.5, {"target_warm": 0.5}, "agent_warm"),
    (None, 0.0, {}, "role=agent"),
])
def test_prior_features_read_role_and_valence(role: str | None, valence: float, present: dict[str, float],
                                              absent: str) -> None:
    features = prior_features(_item(role=role, valence=valence))
    assert all(features[name] == pytest.approx(value) for name, value in present.items())
    assert absent not in features


def test_shipped_prior_gives_a_distribution(model: PriorModel) -> None:
    probabilities = prior_probabilities(model, prior_features(_item()))
    assert sum(probabilities) == pytest.approx(1.0)
    assert model.info.get("examples", 0) > 100


def test_shipped_prior_reads_victims_and_states_apart(model: PriorModel) -> None:
    victims = model.probabilities(_item(kind="group"))
    state = model.probabilities(_item(kind="government", role="agent", sentiment=(0.1, 0.8, 0.1)))
    assert victims[ROLES.index("innocent")] > state[ROLES.index("innocent")]


def test_cast_by_prior_is_marked_low_and_keeps_the_voice(model: PriorModel) -> None:
    first, quoted = cast_by_prior(model, [_item(), _item(kind="person", in_quote=True)], ["farmers", "Kane"],
                                  evidence=[(0, 5), None], voices=[_UNCAST, _QUOTED])
    for casting in (first, quoted):
        assert casting.prior and not casting.inherited and casting.cue == "prior"
        assert casting.portrayal in ROLES
        assert sum(score for _, score in casting.scores) == pytest.approx(1.0, abs=1e-3)
        assert casting.confidence <= 1.0 - PRIOR_SHRINK + PRIOR_SHRINK / 3 + 1e-9
    assert first.evidence == (0, 5) and first.voice == "author"
    assert quoted.voice == "quote" and quoted.speaker == "Kane" and quoted.evidence is None


def test_cast_by_prior_pools_an_actors_mentions() -> None:
    leaning = PriorModel((0.0, 0.0, 0.0), {"kind=group": (0.0, 0.0, 1.0), "kind=state": (0.0, 0.3, 0.0)}, {})
    items = [_item(kind="group"), _item(kind="group"), _item(kind="group"), _item(kind="state")]
    pooled = cast_by_prior(leaning, items, ["Kyiv"] * 4, evidence=[None] * 4, voices=[_UNCAST] * 4)
    alone = cast_by_prior(leaning, items, ["a", "b", "c", "d"], evidence=[None] * 4, voices=[_UNCAST] * 4)
    assert ACTOR_POOL > 0
    assert alone[3].portrayal == "antagonist"
    assert dict(pooled[3].scores)["innocent"] > dict(alone[3].scores)["innocent"]  # the actor's majority pulls
    assert [c.portrayal for c in pooled] == ["innocent"] * 4


def test_report_casts_every_mention_and_prior_stances_stay_calm() -> None:
    report = framing.analyze("Delegations from Turkey and Brazil met in Geneva on Tuesday. Turkey said talks would "
                             "resume next month.", format="text")
    mentions = [m for p in report.paragraphs for m in p.actors]
    assert mentions and all(m.casting is not None and m.casting.portrayal is not None for m in mentions)
    assert all(m.casting.prior for m in mentions if m.casting is not None and m.casting.cue == "prior")
    assert all(not a.portrayal_counts for a in report.actors)
    assert all(a.stance is not None and abs(a.stance) <= 0.25 for a in report.actors)
    data = report.to_dict()
    flags = [m["portrayal_prior"] for s in data["sections"] for p in s["paragraphs"] for m in p["actors"]]
    assert flags and all(flags)


def test_report_without_prior_leaves_mentions_uncast() -> None:
    from framing.ingest.document import parse_document
    from framing.pipeline import build_report
    from framing.stages.gazetteer import load_gazetteer
    from framing.stages.lexicon import compile_lexicons
    from framing.stages.lexicon_files import resolve_lexicons

    document = parse_document("Delegations from Turkey met in Geneva on Tuesday.", format="text")
    report = build_report(document, compile_lexicons(resolve_lexicons((), default=True)), load_gazetteer(()),
                          use_prior=False)
    assert all(m.casting is None or m.casting.portrayal is None for p in report.paragraphs for m in p.actors)


def test_prior_features_read_an_office_and_the_actors_charged_sentences() -> None:
    assert "titled" not in prior_features(_item(kind="person"))
    features = prior_features(_item(kind="person", titled=True, actor_loaded_share=0.5))
    assert features["titled"] == 1.0 and features["actor_loaded_sentences"] == 0.5


@pytest.mark.parametrize(("text", "name", "titled"), [
    ("Chief executive Richard Vane calls the closures a natural evolution.", "Richard Vane", True),
    ("The firm paid its chief executive, Giles Penhaligon, a bonus.", "Giles Penhaligon", True),
    ("Margaret Ellery, a widow of 81, walks to the branch.", "Margaret Ellery", False),
])
def test_the_prior_reads_an_office_before_a_persons_name(monkeypatch: pytest.MonkeyPatch, text: str, name: str,
                                                         titled: bool) -> None:
    from framing.stages import portrayal_prior

    seen: list[PriorInput] = []
    real = portrayal_prior.prior_features

    def recording(item: PriorInput) -> dict[str, float]:
        seen.append(item)
        return real(item)

    monkeypatch.setattr(portrayal_prior, "prior_features", recording)
    framing.analyze(text, format="text")
    [item] = [item for item in seen if text[item.start:item.end].endswith(name)]
    assert item.titled is titled
