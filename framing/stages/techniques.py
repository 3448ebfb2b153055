"""Technique stage: loaded terms, sentences and actors -> persuasion techniques, by transparent rules.

Techniques follow the SemEval-2023 Task 3 taxonomy. Every hit names the rule that fired
and a confidence (how often that kind of rule is right in our judgement, not a fitted
probability). Three kinds of rules:

* the crosswalk: every author-voice loaded term maps to its category's technique
  (``lexicons/categories.tsv``), and strongly charged ones also to loaded language;
* patterns of wording: "everyone knows", "either … or", "what about", "end of story", a
  label applied with "as a"/"is a"/"branded", rhetorical questions, slogans;
* structure: the same loaded term repeated across sections.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from framing.model import ActorMention, Quote, Sentence, TechniqueHit, TermHit
from framing.stages.lexicon import MARKER_CATEGORIES, SCARE_QUOTE_CATEGORY
from framing.stages.lexicon_files import CategoryInfo
from framing.text.matching import SubstringSet

TECHNIQUES: tuple[str, ...] = (
    "name_calling_labeling", "loaded_language", "exaggeration_minimisation", "doubt",
    "appeal_to_fear_prejudice", "flag_waving", "causal_oversimplification", "false_dilemma", "slogans",
    "repetition", "whataboutism", "appeal_to_authority", "appeal_to_popularity", "appeal_to_values",
    "questioning_the_reputation", "conversation_killer", "red_herring", "straw_man",
    "obfuscation_vagueness_confusion", "appeal_to_hypocrisy", "guilt_by_association",
    "consequential_oversimplification",
)
# A loaded term this charged is also "loaded language", whatever its category's technique.
EMOTIVE_VALENCE = 1.5
# Categories whose terms label someone when applied to them ("X as a protection racket").
LABEL_CATEGORIES = frozenset({
    "pejorative_label", "crime_metaphor", "conspiracy", "dehumanising", "ideological_label", "derogatory_descriptor",
    "theatre_spectacle", "moral_condemnation",
})
_LABELLING = re.compile(
    r"(?:\b(?:as|is|are|was|were|be|being|been|call(?:s|ed|ing)?|brand(?:s|ed|ing)?|label(?:s|ed|led|ling)?|"
    r"dub(?:s|bed|bing)?|paint(?:s|ed)?|portray(?:s|ed)?|describe[sd]?)\s+(?:a|an|the|nothing\s+but|little\s+more\s+than)?\s*"
    r"|[–—:]\s*(?:part\s+|a\s+|an\s+)?)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Pattern:
    """A wording rule; ``triggers`` are lower-case strings one of which every match contains (a cheap pre-check)."""

    rule: str
    technique: str
    confidence: float
    regex: re.Pattern[str]
    triggers: tuple[str, ...]


def _pattern(rule: str, technique: str, confidence: float, triggers: str, expression: str) -> _Pattern:
    """A wording rule; ``triggers`` separated by "|" (a trigger may hold spaces: the rarer it is, the fewer
    sentences the expression is tried on, so "what it is" rather than "is")."""
    return _Pattern(rule, technique, confidence, re.compile(expression, re.I), tuple(triggers.split("|")))


PATTERNS: tuple[_Pattern, ...] = (
    _pattern("bandwagon", "appeal_to_popularity", 0.6,
             "every|majority of|millions of|no one|noone|nobody|whole world",
             # (?=[aetvmn]), here and below: the first letters of the phrases, so most positions fail at once
             r"\b(?=[aetvmn])(?:every(?:one|body) (?:knows|agrees|can see|understands)|as every(?:one|body) (?:knows|can see)|"
             r"(?:the )?(?:vast )?majority of (?:people|americans|britons|russians|ukrainians|citizens|voters)|"
             r"millions of (?:people|americans|ordinary)|no ?one (?:seriously )?(?:believes|doubts|disputes)|"
             r"nobody (?:believes|doubts|disputes|wants)|the whole world (?:knows|sees|can see))\b"),
    _pattern("authority_phrase", "appeal_to_authority", 0.5,
             "experts|scientists|doctors|economists|historians|scholars|studies|research|science|according",
             r"\b(?:(?:leading |top |many |most |respected )?(?:experts|scientists|doctors|economists|historians|"
             r"scholars) (?:say|agree|warn|have warned|believe|confirm)|(?:studies|research|science) (?:shows?|proves?|"
             r"confirms?)|according to (?:leading |top |many |most )?(?:experts|scientists|doctors|economists))\b"),
    _pattern("fear_consequence", "appeal_to_fear_prejudice", 0.5,
             "if we|if they|if you",
             r"\bif (?:we|they|you) (?:do not|don't|fail to|refuse to)\b[^.?!]{0,80}?\b(?:will|would)\b"),
    _pattern("single_cause", "causal_oversimplification", 0.6,
             "reason|cause|culprit|explanation|blame|responsible|because",
             r"\b(?:the (?:only|sole|real|true|single|one) (?:reason|cause|culprit|explanation)|"
             r"(?:is|are|was|were) (?:solely|entirely|wholly|alone) (?:to blame|responsible)|all because of|"
             r"is to blame for (?:everything|all))\b"),
    _pattern("either_or", "false_dilemma", 0.6,
             "either|alternative|choice|option|the only",
             r"\b(?:either\b[^.?!]{1,80}?\bor\b|there (?:is|was) no (?:other )?(?:alternative|choice|option)|"
             r"(?:you are|you're|we are|we're) either with (?:us|them)|the only (?:option|choice|way (?:out|forward)))"),
    _pattern("thought_terminating", "conversation_killer", 0.7,
             "story|closed|enough said|nothing|debate|move on|what it is|full stop|period|ifs",
             # (?=[ecntlifp]): the first letters of the phrases, so most positions fail at once
             r"\b(?=[ecntlifp])(?:end of story|case closed|enough said|nothing more to (?:say|discuss|add)|the debate is over|"
             r"let's move on|it is what it is|full stop\.|period\.$|no ifs,? (?:and|or) buts)"),
    _pattern("what_about", "whataboutism", 0.6,
             "what about|where was the|look who|did the",
             r"\b(?=[bawlths])(?:(?:but |and )?what about\b|where was the (?:outrage|concern)|look who's talking|"
             r"(?:they|he|she) did the (?:very )?same (?:thing)?)"),
    _pattern("hypocrisy", "appeal_to_hypocrisy", 0.6,
             "hypocri|double|practi",
             r"\b(?:hypocri(?:sy|tes?|tical)|double standards?|practi[sc]e what (?:they|he|she|you) preach)\b"),
    _pattern("association", "guilt_by_association", 0.5,
             "like|league|cozy|cosy|linked|tied",
             r"\b(?:(?:just )?like (?:the )?(?:nazis|hitler|stalin|the soviets|the taliban|isis|the kkk)|"
             r"in league with|(?:cozy|cosy)(?:ing)? up to|(?:linked|tied) to (?:terrorists|extremists|the far[- ]right|"
             r"the far[- ]left))\b"),
    _pattern("slippery_slope", "consequential_oversimplification", 0.5,
             "slippery|lead to|it end|matter of time|next",
             r"\b(?=[swin])(?:slippery slope|(?:will|would) (?:inevitably|soon|eventually) lead to|where (?:does|will) it end|"
             r"(?:it's|it is) only a matter of time before|next,? they will)"),
    _pattern("straw_man_frame", "straw_man", 0.4,
             "believe|think|saying|boils",
             r"\b(?:(?:they|critics|opponents|liberals|conservatives) (?:would have you believe|want you to think)|"
             r"so (?:you're|they're|he's|she's) saying|their (?:whole )?argument boils down to)"),
    _pattern("values_appeal", "appeal_to_values", 0.4,
             "values|stand|name",
             r"\b(?:our (?:shared |core |fundamental )?values|what we stand for|(?:the )?values (?:we|that we) hold|"
             r"in the name of (?:freedom|democracy|liberty|justice))\b"),
    _pattern("minimiser", "exaggeration_minimisation", 0.5,
             "more than|a mere|merely a|just a",
             r"\b(?=[nlamj])(?:nothing more than|little more than|a mere|merely a|just a (?:few|handful))\b"),
)


def find_techniques(text: str, sentences: Sequence[Sentence], hits: Sequence[TermHit],
                    mentions: Sequence[ActorMention], quotes: Sequence[Quote],
                    categories: dict[str, CategoryInfo]) -> tuple[TechniqueHit, ...]:
    """Every technique hit in one analysed span (a paragraph, heading or front part)."""
    found: list[TechniqueHit] = []
    if hits:
        found.extend(_crosswalk(text, hits, categories))
        found.extend(_labels(text, hits))
    attributed = [q for q in quotes if q.kind != "scare"]
    for sentence in sentences:
        own = _patterns(text, sentence)
        question = _question(sentence)
        if question is not None:
            own.append(question)
        slogan = _slogan(sentence)
        if slogan is not None:
            own.append(slogan)
        for hit in own:
            if not any(q.start <= hit.start < q.end for q in attributed):
                found.append(hit)  # someone else's words are their techniques, not the author's
    if not found:
        return ()
    found.sort(key=lambda t: (t.start, t.end, t.technique, t.rule))
    return tuple(_unique(found))


def _unique(found: Iterable[TechniqueHit]) -> Iterable[TechniqueHit]:
    seen: set[tuple[int, int, str]] = set()
    for hit in found:
        key = (hit.start, hit.end, hit.technique)
        if key not in seen:
            seen.add(key)
            yield hit


def _crosswalk(text: str, hits: Sequence[TermHit], categories: dict[str, CategoryInfo]) -> Iterable[TechniqueHit]:
    """Each author-voice term's technique: its category's (categories.tsv).

    A scorer hit's category is only the one it is most like, so it is loaded language and no more
    (not name calling or an attack on reputation). A stance marker shows only a technique other
    than loaded language (a hedge's doubt): markers are not loaded terms ("acknowledged").
    """
    for hit in hits:
        if not hit.is_author_voice or hit.negated:
            continue
        info = categories.get(hit.category)
        technique = info.technique if info is not None else "loaded_language"
        if hit.source == "model":
            technique = "loaded_language"
        elif hit.category in MARKER_CATEGORIES and technique == "loaded_language":
            continue
        confidence = round(min(0.9, 0.4 + 0.15 * hit.weight), 2)
        yield TechniqueHit(hit.start, hit.end, hit.text, technique, f"term:{hit.category}", confidence)
        if technique != "loaded_language" and abs(hit.valence) >= EMOTIVE_VALENCE:
            yield TechniqueHit(hit.start, hit.end, hit.text, "loaded_language", "term:emotive", confidence)


def _labels(text: str, hits: Sequence[TermHit]) -> Iterable[TechniqueHit]:
    """A label applied to something: "X as a protection racket", "branded them traitors"."""
    for hit in hits:
        if hit.category not in LABEL_CATEGORIES or not hit.is_author_voice or hit.negated or hit.source == "model":
            continue  # (a scorer hit's category is a guess: no label it applies)
        if _LABELLING.search(text[max(0, hit.start - 40):hit.start]):
            yield TechniqueHit(hit.start, hit.end, hit.text, "name_calling_labeling", "label_applied", 0.7)


@cache
def _triggers() -> tuple[SubstringSet, dict[str, int]]:
    """Every pattern's trigger words in one automaton, and per trigger the bit mask of its patterns.

    The automaton is run once per sentence; the masks of the triggers found say which
    patterns to try, without testing every pattern against the found set.
    """
    masks: dict[str, int] = {}
    for index, pattern in enumerate(PATTERNS):
        for trigger in pattern.triggers:
            masks[trigger] = masks.get(trigger, 0) | 1 << index
    return SubstringSet(masks), masks


@lru_cache(maxsize=1 << len(PATTERNS))  # one entry per set of patterns: bounded, and few sets occur
def _wanted_patterns(mask: int) -> tuple[_Pattern, ...]:
    """The patterns whose bits are set in ``mask``, in ``PATTERNS`` order."""
    return tuple(pattern for index, pattern in enumerate(PATTERNS) if mask >> index & 1)


def _patterns(text: str, sentence: Sentence) -> list[TechniqueHit]:
    automaton, masks = _triggers()
    wanted = 0
    for trigger in automaton.found_in(sentence.text.lower()):
        wanted |= masks[trigger]
    found: list[TechniqueHit] = []
    if wanted:
        for pattern in _wanted_patterns(wanted):
            for match in pattern.regex.finditer(text, sentence.start, sentence.end):
                found.append(TechniqueHit(match.start(), match.end(), match.group(), pattern.technique, pattern.rule,
                                          pattern.confidence))
    return found


def _question(sentence: Sentence) -> TechniqueHit | None:
    """A question the author asks the reader is usually rhetorical: it plants doubt."""
    stripped = sentence.text.rstrip(" \"'”’)")
    if stripped.endswith("?") and len(stripped.split()) >= 4:
        return TechniqueHit(sentence.start, sentence.end, sentence.text, "doubt", "rhetorical_question", 0.4)
    return None


# Three words in capitals in a row (more words hold three; only whether there are is asked).
# It opens with a capital, which the engine looks for at once; the word boundary before it
# is checked behind that capital.
SHOUTED = re.compile(r"[A-Z](?<=\b[A-Z])[A-Z]+\s+[A-Z]{2,}\s+[A-Z]{2,}\b")


def _slogan(sentence: Sentence) -> TechniqueHit | None:
    """A short exclamation or a run of capitals reads as a slogan ("Russia will not kneel!")."""
    exclaims = sentence.text.rstrip(" \"'”’").endswith("!")
    if (exclaims and len(sentence.text.split()) <= 7) or SHOUTED.search(sentence.text):
        return TechniqueHit(sentence.start, sentence.end, sentence.text, "slogans", "short_exclamation", 0.4)
    return None


def find_repetition(hits_by_section: Sequence[Sequence[TermHit]]) -> tuple[TechniqueHit, ...]:
    """A loaded term the author uses in two or more sections, or three or more times."""
    uses: dict[str, list[tuple[int, TermHit]]] = defaultdict(list)
    for section, hits in enumerate(hits_by_section):
        for hit in hits:
            if hit.is_author_voice and not hit.negated and hit.category != SCARE_QUOTE_CATEGORY:
                uses[hit.term.lower()].append((section, hit))
    found = []
    for occurrences in uses.values():
        sections = {section for section, _ in occurrences}
        if len(sections) >= 2 or len(occurrences) >= 3:
            for _, hit in occurrences[1:]:
                found.append(TechniqueHit(hit.start, hit.end, hit.text, "repetition", "repeated_term", 0.6))
    found.sort(key=lambda t: t.start)
    return tuple(found)
