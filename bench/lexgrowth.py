"""Lexicon growth: matching time with 1,000 terms vs 50,000 terms, same hits.

The small lexicon is the first 1,000 terms of the shipped one; the large one is those
same terms plus generated multi-word phrases ("fiscal blockade cartel") checked not to
occur in the text, so both find exactly the same hits and only the lexicon size differs.
"""

from __future__ import annotations

import itertools
import random
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SMALL = 1_000
LARGE = 50_000
ROUNDS = 11
_MODIFIERS = """
absolute active ancient annual armed bitter broad central chronic civic civil coastal cold collective common
covert creeping cultural daily deep digital direct domestic dual early eastern economic elite emerging endless
ethnic external false federal final fiscal foreign formal fragile free frozen full global grand green hidden
historic hollow hostile illegal imperial indirect industrial informal inner internal joint junior key large
late legal liberal local long loyal major maritime mass medical middle military minor mobile modern moral
mutual naval national natural new northern nuclear official old open organised outer partial permanent
personal political popular private provincial public quiet radical rapid raw real regional religious remote
rigid royal rural sacred secret senior silent single slow social soft southern special state strategic strict
strong structural sudden supreme swift tacit temporary total toxic tribal urban vast vital western wide
""".split()
_NOUNS = """
accord agenda alliance amnesty arsenal assembly audit backlog ballot bargain barrier blockade bloc bond boycott
brigade budget bureau cabinet campaign canal cartel caucus census charter clause coalition code column commission
compact concession congress consortium convoy corridor council covenant credit crusade decree deficit delegation
doctrine dossier draft embargo enclave envoy estate exodus faction federation fleet forum frontier fund garrison
grid guild harbour inquiry junta kingdom lease ledger levy lobby loophole mandate manifesto margin merger militia
mission monopoly motion network offensive ordinance outpost pact parliament patrol payroll pension petition
pipeline platform pledge pool portfolio precinct premium protocol province quota ration rebate referendum regime
registry relief reserve retreat ring roster ruling sanction scheme senate settlement statute stockpile subsidy
summit surcharge syndicate tariff tax treaty tribunal truce union veto village vote warrant
""".split()


@dataclass(frozen=True)
class Growth:
    """Matching seconds with the small and the large lexicon, and the hits each found."""

    small_seconds: float
    large_seconds: float
    small_hits: int
    large_hits: int
    compile_seconds: float

    @property
    def ratio(self) -> float:
        """How much slower matching is with the large lexicon."""
        return self.large_seconds / self.small_seconds


def generated_phrases(count: int, text: str, seed: int = 20251013, taken: Iterable[str] = ()) -> list[str]:
    """``count`` distinct two- and three-word phrases that do not occur in ``text`` (nor their plurals)
    and are none of the ``taken`` terms (a lexicon may not list a term twice)."""
    words = re.findall(r"[^\W_]+", text.lower())
    present = {" ".join(words[i:i + n]) for n in (2, 3) for i in range(len(words) - n + 1)}
    present.update(term.lower() for term in taken)
    pairs = [f"{a} {b}" for a, b in itertools.product(_MODIFIERS, _NOUNS)]
    triples = (f"{a} {b} {c}" for a, b, c in itertools.product(_MODIFIERS, _NOUNS, _NOUNS) if b != c)
    rng = random.Random(seed)
    rng.shuffle(pairs)
    phrases = []
    for phrase in itertools.chain(pairs, triples):
        if not {phrase, phrase + "s", phrase + "es"} & present:
            phrases.append(phrase)
            if len(phrases) == count:
                return phrases
    raise ValueError(f"only {len(phrases)} phrases could be generated")


def lexicon_tsv(terms: Sequence[str], category: str) -> str:
    """Terms as a framing TSV lexicon of one category."""
    return "term\tcategory\tweight\n" + "".join(f"{term}\t{category}\t1\n" for term in terms)


def framing_growth(texts: Sequence[str], shipped: Sequence[tuple[str, str]]) -> Growth:
    """framing's automaton: CPU seconds to match every paragraph of ``texts`` with 1,000 and 50,000 terms."""
    import framing
    from framing.stages.lexicon import compile_lexicons, match_terms
    from framing.stages.lexicon_files import parse_lexicon

    small_terms = list(shipped[:SMALL])
    extra = generated_phrases(LARGE - SMALL, "\n".join(texts), taken=[term for term, _ in small_terms])
    category = small_terms[0][1]
    small_source = "term\tcategory\tweight\n" + "".join(f"{t}\t{c}\t1\n" for t, c in small_terms)
    large_source = small_source + "".join(f"{term}\t{category}\t1\n" for term in extra)
    small = compile_lexicons((parse_lexicon("small", small_source),))
    start = time.perf_counter()
    large = compile_lexicons((parse_lexicon("large", large_source),))
    compile_seconds = time.perf_counter() - start
    spans = []
    for text in texts:
        document = framing.parse(text)
        spans.append((document.text, [(p.start, p.end) for p in document.paragraphs]))

    def run(compiled: object) -> tuple[float, int]:
        hits = 0
        start = time.process_time()  # CPU time: other load on the machine does not count
        for text, paragraphs in spans:
            for begin, end in paragraphs:
                hits += len(match_terms(text, compiled, begin, end))  # type: ignore[arg-type]
        return time.process_time() - start, hits

    run(small), run(large)  # warm both
    small_runs, large_runs = [], []
    for _ in range(ROUNDS):  # interleaved, best of each: drift and noise hit both alike
        small_runs.append(run(small))
        large_runs.append(run(large))
    small_seconds, small_hits = min(small_runs)
    large_seconds, large_hits = min(large_runs)
    return Growth(small_seconds, large_seconds, small_hits, large_hits, compile_seconds)


def regex_growth(texts: Sequence[str], shipped: Sequence[tuple[str, str]]) -> Growth:
    """The naive regex alternation with the same two term lists."""
    from naive import term_regex

    small_terms = [term for term, _ in shipped[:SMALL]]
    large_terms = small_terms + generated_phrases(LARGE - SMALL, "\n".join(texts), taken=small_terms)
    small = term_regex(small_terms)
    start = time.perf_counter()
    large = term_regex(large_terms)
    compile_seconds = time.perf_counter() - start

    def run(pattern: re.Pattern[str]) -> tuple[float, int]:
        start = time.perf_counter()
        hits = sum(1 for text in texts for _ in pattern.finditer(text))
        return time.perf_counter() - start, hits

    small_seconds, small_hits = run(small)
    large_seconds, large_hits = run(large)
    return Growth(small_seconds, large_seconds, small_hits, large_hits, compile_seconds)
