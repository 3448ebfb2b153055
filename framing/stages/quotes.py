"""Attribution stage: sentences -> direct quotations, reported speech and scare quotes.

* Direct quotation: text in quotation marks with a speaker ("…," she said / He said: "…"),
  or any quotation of five words or more.
* Reported speech: "X said (that) …", "X insisted …", "according to X, …", and a list
  introduced by "X portrays Y as:" — the rest of the sentence (or the list) is X's.
  A label someone else gives is reported too: "X called Y Z", "X denounced Y as Z" (Y and Z
  are X's), "Y was branded Z by X" (Z is X's; with no "by", an unnamed speaker's).
* A quotation with no speaker that is a whole sentence right after a quoted speaker's
  continues that speaker ('"…," said Thapa. "We are tired."').
* Scare quote: a short quoted phrase (at most four words) with no speaker, in lower
  case or after "so-called" — the author's ironic distance (photo-op "truces").

This module finds the quotation marks and decides what each quotation is; who speaks comes from
``framing.stages.speakers`` and the words reported without quotation marks from
``framing.stages.reported_speech``. Speakers are kept as written ("Lavrov", "he", "the
spokesman"); the report stage resolves them to actors.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from framing.model import Quote, Sentence, TextSpan
from framing.stages.reported_speech import (
    LABELLING_VERBS,
    find_label,
    find_reported_speech,
    introduced_list,
    speech_and_label_verbs,
)
from framing.stages.speakers import (
    AUTHOR_PRONOUNS,
    MAX_CLAUSE_CHARS,
    MAX_WORD_CHARS,
    SPEECH_VERBS,
    TO_LEAD,
    WORD,
    clean_speaker,
    is_speaker_like,
    sentence_subject,
    speaker_after,
    speaker_before,
    speaker_ending,
    speaker_with_complement,
    subject_before,
)
from framing.text.datelines import dateline_at
from framing.text.spans import SpanIndex
from framing.text.wordlists import QUOTE_PAIRS, STRAIGHT_SINGLE, is_everyday_word

# Verbs (beyond SPEECH_VERBS) after which a short quotation is a fragment of someone's words
# ("citing "financial risk"", "threatened "all necessary measures"", "talked about "trimming waste"").
# Forms that are as often nouns ("peace talks", "the quotes") are left out.
FRAGMENT_VERBS = SPEECH_VERBS | frozenset(
    """
    citing cited cites cite quoting quoted threatened threatens threatening talked talking
    credited credits crediting blamed blames blaming chanting
    speaks spoke speaking saying describing claiming insisting arguing warning
    vowing pledging promising urging demanding denying accusing announcing declaring stating
    """.split()
)
# Marks that close a clause: a speech verb before one does not introduce a quotation after it.
_CLAUSE_MARKS = (",", ";", ":", "—", "–", "(", ")")
# The straight single quote, British news's quotation mark ('a "reform"' is 'a 'reform'' there), is
# also the apostrophe: it opens a quotation only after a space, a bracket or a dash and before a
# letter, and closes one only after a non-space and before no letter or digit.
_OPENER = re.compile("[" + re.escape("".join(QUOTE_PAIRS) + STRAIGHT_SINGLE) + "]")
# Characters after which a straight single quote may open a quotation.
_BEFORE_STRAIGHT_OPENER = frozenset(" \t\n\u00a0([{—–-/\"“")
# A straight single quote that may close a quotation: after a non-space, before no letter or digit
# ("don't" and "O'Neill" go on).
_STRAIGHT_CLOSER = re.compile(r"(?<=\S)(?<!\s'n)'(?![^\W_])")  # (not the second mark of "rock 'n' roll")
# A plural possessive's apostrophe before a lower-case word ("the farmers' incomes").
_PLURAL_POSSESSIVE = re.compile(r"s' [a-z]")
# Words that open with an apostrophe, not a quotation mark ('em, 'til, rock 'n' roll).
_ELIDED = re.compile(r"'(?:(?:em|til|cause|tis|twas|bout|round|cos|s|ndrangheta)\b|n')", re.I)
# After a labelling verb, up to the quotation: its object, at most three words, and "as (a|the)".
_UP_TO_THE_QUOTATION = r"(?:\s+[\w'’.-]+){0,3}?\s+(?:as\s+(?:an?\s+|the\s+)?)?$"
# "X called it 'a reform'", "X attacked them as 'radical socialists'": a short quotation right
# after a labelling verb is the subject's label, not the author's scare quote.
_LABELLING = re.compile(
    r"\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|brand(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)?|"
    r"describ(?:e|es|ed|ing)|derid(?:e|es|ed|ing)|attack(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|"
    r"hail(?:s|ed|ing)?|prais(?:e|es|ed|ing)|decr(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|condemn(?:s|ed|ing)?)"
    + _UP_TO_THE_QUOTATION,
    re.I,
)
# The labelling verbs that name (not "describe", "hail", "praise"), "call" not as in "called for" or
# "called on", right before a quotation: what makes it a quoted label (``is_label``).
_NAMING = re.compile(
    r"\b(?:call(?:s|ed|ing)?(?!\s+(?:on|for|upon|off|in|back|out|up)\b)|dub(?:s|bed|bing)?|brand(?:s|ed|ing)?|"
    r"label(?:s|led|ed|ling|ing)?|derid(?:e|es|ed|ing)|attack(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|"
    r"decr(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|condemn(?:s|ed|ing)?)"
    + _UP_TO_THE_QUOTATION,
    re.I,
)
# Only a conjunction or a comma between two quotations: they share their speaker.
_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:and|or|nor|,)?\s*")
# ("would-be" only with its hyphen: "would be" is a verb, as in 'said the savings would be "substantial"')
_SO_CALLED = re.compile(r"\b(?:so[- ]called|supposed|alleged|self[- ]styled|self[- ]proclaimed|would-be)\s*$", re.I)
# Words right before a short unattributed quotation by which the author holds it at a distance:
# negation ('the children were not "evacuated"') and phrases that make the words someone else's
# name for a thing ('what some call "restraint"', 'their idea of "reform"', 'under the
# banner of "security"'). Without such a cue, or "so-called", a short quotation in news is as
# often a fragment of a source's words whose speaker stands further off.
_DISTANCING_BEFORE = re.compile(
    r"(?:\b(?:not|never|hardly|far from|no longer|no)(?:\s+(?:been|be|a|an|the|any|really|exactly|quite))*"
    r"|\bwhat (?:[\w'’-]+ ){1,4}?(?:likes? to |liked to )?(?:call|calls|called|term|terms|termed|dub|dubs|dubbed)"
    r"|\b(?:their|his|her|its|our|your|[\w-]+['’]s?) (?:idea|version|notion|brand) of"
    r"|\bwhat passes for|\bin the name of|\bunder the (?:banner|guise|pretext) of)\s*$",
    re.I,
)
# Words right after it that comment on the quoted words ('"concern", a word that has lost its
# meaning'; '"hospitality", as they call it'; '"reform" (read: cuts)').
_DISTANCING_AFTER = re.compile(
    r"[^\w\s]{0,3}\s*(?:[,—–(-]\s*)?(?:a word|a phrase|a euphemism|as (?:they|he|she|it|officials|some) "
    r"(?:call|calls|put|puts) it|as if|as though|whatever that means|read:)",
    re.I,
)
# Characters before a quotation searched for a _DISTANCING_BEFORE cue: room for "what", four words of
# up to twelve letters and "like to call" (a longer cue is missed, never searched for without end).
MAX_DISTANCING_CHARS = 80
# No phrase of _SO_CALLED is longer ("self-proclaimed" has 15 characters).
MAX_SO_CALLED_CHARS = 15
MAX_SCARE_QUOTE_WORDS = 4
# A labelling verb ("called it", "branded them as") stands within this many characters of its quotation.
MAX_LABELLING_CHARS = 80
MIN_UNATTRIBUTED_QUOTE_WORDS = 5
# A speech verb at most this many words before a short quotation makes it the speaker's fragment
# ('said in a statement that it was "cooperating fully"'); further back it belongs to another clause.
MAX_FRAGMENT_WORDS = 8
# "what" opening the clause of a labelling verb: "The cuts are what the ministry calls "…"".
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?=(?:[\w'’.-]+\s+){1,5}$)", re.I)


@dataclass(frozen=True, slots=True)
class _Marks:
    open_at: int
    close_at: int  # index of the closing mark


def find_quotes(text: str, sentences: Sequence[Sentence], *, list_items: Sequence[tuple[int, int]] = ()) -> tuple[Quote, ...]:
    """Find direct quotations, reported speech and scare quotes in the given sentences.

    ``list_items`` are (start, end) of bullet paragraphs, sorted: when a reported-speech
    sentence ends with a colon, the bullet items right after it are that speaker's words.
    A quotation with no speaker that makes up a whole sentence right after a quoted speaker's
    sentence (in the same paragraph, or opening the next) continues that speaker, as news
    writing attributes a run of quotations once; author text or another speaker ends the run,
    and reported speech carries on only within its paragraph.
    """
    quotes: list[Quote] = []
    item_starts = [start for start, _ in list_items]
    last: Quote | None = None  # the last quotation or reported speech of the unit before
    previous_end = 0
    turns = _transcript_turns(text, sentences)
    turn: re.Match[str] | None = None  # the label of the turn going on ("A:", "OKAFOR:")
    for sentence in _quotation_units(text, sentences):
        if turns:
            if not previous_end or "\n" in text[previous_end:sentence.start]:  # a line's first sentence
                turn = turns.get(sentence.start)
            if turn is not None:  # an interview's answer: its speaker's words, not the author's
                quotes.extend(_turn_quote(text, sentence, turn))
        dateline = None if turn is not None else dateline_at(text, sentence.start, sentence.end)
        if dateline is not None:  # "KYIV (AP) — Russia launched …, officials said": the words start after it
            sentence = Sentence(dateline.end(), sentence.end, text[dateline.end():sentence.end])
        found, last = _quotes_in(text, sentence, _carried_speaker(text, last, previous_end, sentence.start))
        previous_end = sentence.end
        quotes.extend(found)
        if sentence.text.rstrip().endswith(":"):
            intro = next((q for q in found if q.kind == "reported"), None)
            if intro is not None:
                quotes.extend(introduced_list(text, sentence.end, intro.speaker, list_items, item_starts))
    quotes.sort(key=lambda q: (q.start, -q.end))
    return tuple(quotes)


# A turn of an interview transcript: "Q:", "A:" or a speaker's name in capitals ("OKAFOR:", "JANE DOE:")
# opening a line. Only a document with two such turns of one label, or both "Q:" and "A:", is a transcript
# ("NEW DELHI:" opening a wire story once is a dateline).
_TURN_LABEL = re.compile(r"(?P<label>Q|A|[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})\s*:\s+")
# Labels of the one who asks: their turns are the publication's own words.
_INTERVIEWER_LABELS = frozenset({"Q", "INTERVIEWER", "INT", "QUESTION"})
MIN_TURNS_OF_A_LABEL = 2


def _transcript_turns(text: str, sentences: Sequence[Sentence]) -> dict[int, re.Match[str]]:
    """The sentences (by start) that open a transcript turn, with their labels; empty when the text is no transcript."""
    found: dict[int, re.Match[str]] = {}
    for sentence in sentences:
        if sentence.start and text[sentence.start - 1] != "\n":
            continue
        label = _TURN_LABEL.match(text, sentence.start, sentence.end)
        if label is not None:
            found[sentence.start] = label
    counts = Counter(label.group("label") for label in found.values())
    if {"Q", "A"} <= counts.keys():
        # an interview, not an explainer's questions answered in the publication's own voice
        answers = [start for start, label in found.items() if label.group("label") == "A"]
        return found if any(_FIRST_PERSON.search(text, start, _line_end(text, start)) for start in answers) else {}
    # two speakers' names taking turns ("INTERVIEWER:"/"OKAFOR:"): not "UPDATE:", "WATCH:", "BREAKING:"
    # or a digest's datelines ("WASHINGTON:", "NEW DELHI:"), whose labels are words or places
    named = {label: n for label, n in counts.items() if label in _INTERVIEWER_LABELS or not _is_word_label(label)}
    if len(named) != len(counts) or len(named) < 2 or sum(n >= MIN_TURNS_OF_A_LABEL for n in named.values()) < 2:
        return {}
    # and one of them asks (a digest's datelines take turns too, but ask nothing)
    asks = any("?" in text[start:_line_end(text, start)] for start in found)
    return found if asks else {}


def _line_end(text: str, start: int) -> int:
    """Where the line holding ``start`` ends (the text's end for its last line)."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end


# An interviewee's answer speaks in the first person.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|my|My|our|Our|me|us)\b")


def _is_word_label(label: str) -> bool:
    """Whether a capitalised label is made of everyday words ("UPDATE", "EDITOR'S NOTE", "KEY POINTS")."""
    return all(is_everyday_word(word) for word in label.replace("'", " ").replace("’", " ").split())


def _turn_quote(text: str, sentence: Sentence, turn: re.Match[str]) -> list[Quote]:
    """A sentence of a transcript turn as its speaker's direct words (with the label as the speaker); none for the one who asks."""
    label = turn.group("label")
    if label in _INTERVIEWER_LABELS:
        return []
    start = turn.end() if turn.start() == sentence.start else sentence.start
    if start >= sentence.end:
        return []
    speaker = TextSpan(turn.start("label"), turn.end("label"), label)  # ("A" is resolved to the one interviewed)
    return [Quote(start, sentence.end, text[start:sentence.end], "direct", speaker)]


# The most clauses of one sentence read for reported speech one by one (linear time in a run-on sentence).
MAX_SEMICOLON_CLAUSES = 8
# The most sentences one quotation may run over ('"We will not back down. This is a witch hunt,"
# Cole said'): a paragraph-long statement, not a mark left open by mistake.
MAX_QUOTED_SENTENCES = 6


def _quotation_units(text: str, sentences: Sequence[Sentence]) -> Iterator[Sentence]:
    """The sentences, a quotation that runs over several of them in one paragraph joined into one unit.

    A sentence that opens a quotation it does not close is joined with the next ones, up to the one
    that closes it (at most ``MAX_QUOTED_SENTENCES``, never across a line break); when none does,
    the sentences stay as they are.
    """
    index = 0
    while index < len(sentences):
        sentence = sentences[index]
        last = index
        if _leaves_open(sentence.text):
            for following in range(index + 1, min(len(sentences), index + MAX_QUOTED_SENTENCES)):
                if "\n" in text[sentences[following - 1].end:sentences[following].start]:
                    break
                if not _leaves_open(text[sentence.start:sentences[following].end]):
                    last = following
                    break
        if last == index:
            yield sentence
        else:
            start, end = sentence.start, sentences[last].end
            yield Sentence(start, end, text[start:end])
        index = last + 1


def _leaves_open(sentence: str) -> bool:
    """Whether a quotation mark opens in ``sentence`` with no closing mark after it.

    A guillemet right after a letter closes a quotation (the German »…« aside), so it opens none.
    """
    if _OPENER.search(sentence) is None:
        return False  # most sentences hold no quotation mark: no scan to set up
    return any(close is None for _, close in _openings(sentence, guillemets_close_after_letters=True))


def _carried_speaker(text: str, last: Quote | None, end: int, start: int) -> TextSpan | None:
    """The speaker of ``last`` (the last quotation of the unit ending at ``end``) that a quotation in the unit
    starting at ``start`` may continue: only white space between, and no paragraph break after reported speech."""
    if last is None or last.speaker is None or end > start:
        return None
    gap = text[end:start]
    if gap.strip() or "\n" in gap and last.kind != "direct":
        return None  # author text between; or 'X said …' ends its paragraph: the next one's quotation is anyone's
    return last.speaker


def _quotes_in(text: str, sentence: Sentence, carried: TextSpan | None = None) -> tuple[list[Quote], Quote | None]:
    """The quotations of one unit, and the last of them (not a scare quote or label), whose speaker the next unit may continue.

    ``carried`` is the speaker of the unit right before: a quotation that is the whole unit
    and names no speaker of its own is theirs.
    """
    found: list[Quote] = []
    marked: list[tuple[int, int]] = []
    previous: tuple[int, TextSpan | None] = (-1, None)  # end and speaker of the last quotation
    for index, marks in enumerate(_quotation_marks(sentence.text)):
        start, end = sentence.start + marks.open_at, sentence.start + marks.close_at + 1
        inner = text[start + 1:end - 1]
        n_words = len(WORD.findall(inner))
        if n_words == 0:
            continue
        before_start = max(sentence.start, start - MAX_CLAUSE_CHARS)
        before = text[before_start:start]
        after = text[end:min(sentence.end, end + MAX_CLAUSE_CHARS)]
        speaker = speaker_after(text, end, after) or speaker_before(text, before_start, before)
        if speaker is None and before.rstrip().endswith(":") and before_start == sentence.start:
            # 'The minister was blunt: "We will not pay."': the clause's subject speaks the words after its colon
            speaker = (sentence_subject(text, sentence.start, before_start + len(before.rstrip()) - 1)
                       or _subject_before_relative(text, sentence.start, start))
            if speaker is not None and not _can_say(text, speaker):
                speaker = None  # 'Article 5 is unambiguous: "…"', 'Her last words were defiant: "…"'
        if speaker is None and carried is not None and index == 0 and _is_whole_unit(text, sentence, start, end):
            speaker = carried  # '"…," said Thapa. "We are tired."': Thapa still speaks
        if speaker is None and n_words <= MAX_SCARE_QUOTE_WORDS:
            speaker = _labeller(text, before_start, before)
        if speaker is None and previous[1] is not None and _COORDINATED.fullmatch(text, previous[0], start):
            speaker = previous[1]  # 'called the mayor "reckless" and "arrogant"': both are the caller's words
        previous = (end, speaker)
        if speaker is None and n_words <= MAX_SCARE_QUOTE_WORDS:
            first_letter = next((ch for ch in inner if ch.isalpha()), "")
            if _is_so_called(before):
                found.append(Quote(start, end, text[start:end], "scare", None))
            elif (verb_at := _speakers_fragment(before)) is not None:
                # 'said it was "cooperating fully"': the words are the speaker's
                speaker = _fragment_speaker(text, sentence, before_start, before, verb_at, start)
                found.append(Quote(start, end, text[start:end], "direct", speaker))
                marked.append((start, end))
            elif first_letter.islower():
                found.append(Quote(start, end, text[start:end], "scare", None))
            elif inner.rstrip().endswith(("?", "!")) and n_words > 1 and not all(
                    word[:1].isupper() for word in WORD.findall(inner)):  # placards reading "Where is our money?"
                # (someone's words; "Oklahoma!", "Mamma Mia!", "Who Framed Roger Rabbit?" are titles)
                found.append(Quote(start, end, text[start:end], "direct", None))
                marked.append((start, end))
            continue  # a short capitalised quotation is a name or title ("Istanbul Plus")
        if speaker is None and n_words < MIN_UNATTRIBUTED_QUOTE_WORDS:
            continue
        if speaker is None and (verb_at := _speakers_fragment(before)) is not None:
            speaker = _fragment_speaker(text, sentence, before_start, before, verb_at, start)  # '… saying "…"'
        found.append(Quote(start, end, text[start:end], "direct", speaker))
        marked.append((start, end))
    verbs = speech_and_label_verbs().found_in(sentence.text.lower())  # one pass for both kinds of verb
    speaks = not verbs.isdisjoint(SPEECH_VERBS)
    whole = find_reported_speech(text, sentence, marked, speaks=speaks)
    if ";" in sentence.text and (whole is None or whole.start > sentence.start) and not sentence.text.rstrip().endswith(":"):
        # "Groups say …; officials say …": each clause its own; but "Prices will rise; wages will not, the
        # minister said" is one attribution over both, and a list's introduction stays whole
        reported = [spoken for clause in _semicolon_clauses(sentence, found)
                    if (spoken := find_reported_speech(text, clause, marked, speaks=speaks)) is not None]
    else:
        reported = [whole] if whole is not None else []
    labelled = find_label(text, sentence, marked) if not verbs.isdisjoint(LABELLING_VERBS) else None
    if marked:  # '"The government says it cares," Dallewal said': the quoted speaker's words, not the government's
        reported = [spoken for spoken in reported if not _speaks_in_quotation(spoken, marked)]
        if labelled is not None and _speaks_in_quotation(labelled, marked):
            labelled = None
    if not found and not reported and labelled is None:
        return found, None  # most sentences: no quotation and no one speaking
    if labelled is not None and any(
            _crosses(labelled, spoken) or _holds(spoken, labelled) and labelled.speaker == spoken.speaker
            for spoken in reported):
        labelled = None  # "X portrayed Y as Z": the reported speech holds it already
    for spoken in sorted([*reported, *([labelled] if labelled else [])], key=lambda q: (q.start, -q.end)):
        found = [  # a quotation inside reported speech is the speaker's words, a scare quote included
            Quote(q.start, q.end, q.text, "direct", spoken.speaker)
            if q.kind in ("direct", "scare") and spoken.start <= q.start and q.end <= spoken.end + 1 else q
            for q in found
        ]
        found.append(spoken)
    return found, _last_quotation([q for q in found if q is not labelled])  # a label starts no run of quotations


def _semicolon_clauses(sentence: Sentence, quotations: Sequence[Quote]) -> Sequence[Sentence]:
    """The clauses of a sentence joined by semicolons outside quotation marks, each read for reported speech
    on its own ("Civil rights groups say …; state officials say …"); at most MAX_SEMICOLON_CLAUSES."""
    content = sentence.text
    quoted = SpanIndex(quotations)
    clauses: list[Sentence] = []
    start = 0
    at = content.find(";")
    while at >= 0:
        offset = sentence.start + at
        if not quoted.overlaps(offset, offset + 1):
            clauses.append(Sentence(sentence.start + start, offset, content[start:at]))
            start = at + 1
            if len(clauses) == MAX_SEMICOLON_CLAUSES - 1:
                break  # (the rest is one clause: a bounded number of reported clauses per sentence)
        at = content.find(";", at + 1)
    clauses.append(Sentence(sentence.start + start, sentence.end, content[start:]))
    return clauses


# A sentence's subject set before a relative clause: "Infantino, who has described …", "One official, who
# asked not to be named, …".
_SUBJECT_THEN_WHO = re.compile(
    r"[\W_]*(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|(?:[Oo]ne|[Aa]n?|[Tt]he)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+),\s+who\b")


# Heads of a clause's subject that name words or a text, not one who says them (before a colon).
_NOT_SAYERS = frozenset(
    "words word article section clause law rule text message letter sign answer verdict result results figures "
    "data numbers point question lesson title headline slogan motto quote line lines".split())
_NUMBER_NEXT = re.compile(r"\s+\d")


def _can_say(text: str, speaker: TextSpan) -> bool:
    """Whether a clause's subject can speak the sentence quoted after its colon: not a text or a numbered article."""
    return (_NOT_SAYERS.isdisjoint(word.lower() for word in speaker.text.split())
            and _NUMBER_NEXT.match(text, speaker.end) is None)


def _speakers_fragment(before: str) -> int | None:
    """Where the speech verb stands before a quotation that is a fragment of someone's words, not the
    author's (``_fragment_verb`` less ``_authors_fragment``); None when there is none."""
    verb_at = _fragment_verb(before)
    return None if verb_at is None or _authors_fragment(before, verb_at) else verb_at


def _fragment_speaker(text: str, sentence: Sentence, before_start: int, before: str, verb_at: int,
                      start: int) -> TextSpan | None:
    """Who speaks a quotation after a speech verb in its clause ('said it was "cooperating fully"'): the
    verb's subject; for a participle or a relative clause, the sentence's ('The ministry issued a
    statement saying "…"', 'Infantino, who has described it as "…"')."""
    opens_sentence = before_start == sentence.start
    if opens_sentence and before[verb_at:].split()[0].lower().endswith("ing"):
        subject = sentence_subject(text, sentence.start, before_start + verb_at)  # '… issued a statement saying'
        if subject is not None:
            return subject
    speaker = speaker_ending(text, before_start, before[:verb_at],  # 'Opponents … warn of "floods"'
                             opens_sentence=opens_sentence)
    if speaker is None and opens_sentence:
        speaker = _subject_before_relative(text, sentence.start, start)
    return speaker


def _subject_before_relative(text: str, start: int, end: int) -> TextSpan | None:
    """The subject opening ``text[start:end]`` before a relative clause ("Infantino, who …"), if it can speak."""
    found = _SUBJECT_THEN_WHO.match(text, start, end)
    if found is None or not is_speaker_like(found.group("who")):
        return None
    return clean_speaker(text, found.start("who"), found.end("who"))


def _speaks_in_quotation(spoken: Quote, marked: Sequence[tuple[int, int]]) -> bool:
    """Whether the speaker of reported speech stands inside a direct quotation (someone quoted reports it)."""
    return spoken.speaker is not None and any(start < spoken.speaker.start < end for start, end in marked)


def _holds(outer: Quote, inner: Quote) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _crosses(first: Quote, second: Quote) -> bool:
    """Whether two spans overlap with neither holding the other."""
    return (first.start < second.end and second.start < first.end
            and not _holds(first, second) and not _holds(second, first))


def _is_whole_unit(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """Whether the quotation ``start``..``end`` is all the words of its unit (a sentence standing in quotation marks)."""
    return not any(ch.isalnum() for ch in text[sentence.start:start]) and not any(
        ch.isalnum() for ch in text[end:sentence.end])


def _last_quotation(found: Sequence[Quote]) -> Quote | None:
    """The last quotation or reported speech of a unit (None when it has none)."""
    return max((q for q in found if q.kind != "scare"), key=lambda q: q.start, default=None)


def _fragment_verb(before: str) -> int | None:
    """Where the speech verb stands in the few words before a short quotation, in its clause (an offset
    into ``before``), so that the quotation is a fragment of speech; None when there is none."""
    window = max(0, len(before) - MAX_CLAUSE_CHARS)
    clause_start = max(max(before.rfind(mark, window) for mark in _CLAUSE_MARKS) + 1, window)
    words = list(WORD.finditer(before, clause_start))[-MAX_FRAGMENT_WORDS:]
    return next((word.start() for word in reversed(words) if word.group().lower() in FRAGMENT_VERBS), None)


def _authors_fragment(before: str, verb_at: int) -> bool:
    """Whether the verb before a quoted fragment is the author's own ('We blamed "the system"'): the
    quotation then stays the author's (a scare quote), as before any verb was looked at."""
    words = WORD.findall(before[max(0, verb_at - MAX_WORD_CHARS):verb_at])
    return bool(words) and words[-1].lower() in AUTHOR_PRONOUNS


def _quotation_marks(sentence: str) -> list[_Marks]:
    """Pairs of quotation marks; an apostrophe inside a word is not a mark."""
    if _OPENER.search(sentence) is None:
        return []  # most sentences hold no quotation mark: no scan to set up
    return [_Marks(at, close) for at, close in _openings(sentence) if close is not None]


def _openings(sentence: str, *, guillemets_close_after_letters: bool = False) -> Iterator[tuple[int, int | None]]:
    """Each opening mark of ``sentence`` and its closing mark (None when none follows), left to right.

    An apostrophe inside a word, or a straight quote right after a letter (a closing mark with no
    opener), opens nothing, nor, when asked, does a guillemet after anything but a space; after a
    pair the search goes on past its closing mark.
    """
    position = 0
    straight_closers: list[int] | None = None  # found once per sentence, at its first straight opener
    while (opener := _OPENER.search(sentence, position)) is not None:
        position = opener.start()
        char = sentence[position]
        if char == STRAIGHT_SINGLE:
            if not _opens_straight(sentence, position):
                position += 1
                continue
            if straight_closers is None:
                straight_closers = [found.start() for found in _STRAIGHT_CLOSER.finditer(sentence)]
            after = bisect_right(straight_closers, position)
            close = straight_closers[after] if after < len(straight_closers) else None
            if close is not None and after + 1 < len(straight_closers) and _PLURAL_POSSESSIVE.match(sentence, close - 1) \
                    and sentence[straight_closers[after + 1] - 1] in ",.!?":
                close = straight_closers[after + 1]  # "'… the farmers' incomes badly,' said": a possessive, then the end
            yield position, close
            position = position + 1 if close is None else close + 1
            continue
        if position > 0 and (char in "‘\"" and sentence[position - 1].isalnum()
                             or guillemets_close_after_letters and char in "»«" and not sentence[position - 1].isspace()):
            position += 1
            continue
        close = _find_closer(sentence, position + 1, QUOTE_PAIRS[char])
        yield position, close
        position = position + 1 if close is None else close + 1


def _opens_straight(sentence: str, position: int) -> bool:
    """Whether the straight single quote at ``position`` opens a quotation, not an apostrophe ("'em", "O'Neill")."""
    return ((position == 0 or sentence[position - 1] in _BEFORE_STRAIGHT_OPENER)
            and sentence[position + 1:position + 2].isalpha() and _ELIDED.match(sentence, position) is None)


def _find_closer(sentence: str, start: int, closer: str) -> int | None:
    position = start
    while True:
        close = sentence.find(closer, position)
        if close < 0:
            return None
        if closer == "’" and close + 1 < len(sentence) and sentence[close + 1].isalpha():
            position = close + 1  # an apostrophe (don’t), not the closing mark
            continue
        return close


def _is_so_called(before: str) -> bool:
    """Whether "so-called", "self-styled" … ends ``before`` (``_SO_CALLED.search(before)``).

    The phrase must end where the trailing whitespace starts, so only the last
    MAX_SO_CALLED_CHARS characters before it are searched, not every position.
    """
    return _SO_CALLED.search(before, max(0, len(before.rstrip()) - MAX_SO_CALLED_CHARS)) is not None


def distances_author(text: str, quote: Quote) -> bool:
    """Whether a scare quote shows the author's distance: "so-called" or a distancing cue before it, or a comment after.

    The report counts only such scare quotes as loaded terms. A short quotation with no speaker
    and no cue stays a scare quote among the quotations (its words are not the author's), but
    news uses most of them for a source's words (about one in ten is loaded language on PTC).
    """
    if quote.kind != "scare":
        return False
    before = text[max(0, quote.start - MAX_CLAUSE_CHARS):quote.start]
    return (_is_so_called(before) or _is_distanced(before)
            or _DISTANCING_AFTER.match(text, quote.end, quote.end + MAX_LABELLING_CHARS) is not None)


def is_label(text: str, quote: Quote) -> bool:
    """Whether a short direct quotation is the label a speaker gives ('Critics call the plan "a giveaway"').

    Such a label is name-calling in the labeller's voice: the report lists it among the loaded
    terms (quoted, with its speaker) when no loaded word inside it is listed already. Only a
    naming verb or a hostile one counts (_NAMING): 'called for "calm"' asks for something, and
    'described his condition as "stable"' describes.
    """
    if quote.kind != "direct" or len(WORD.findall(quote.text)) > MAX_SCARE_QUOTE_WORDS:
        return False
    before_start = max(0, quote.start - MAX_CLAUSE_CHARS)
    before = text[before_start:quote.start]
    return (_NAMING.search(before, max(0, len(before) - MAX_LABELLING_CHARS)) is not None
            and _labeller(text, before_start, before) is not None)


def _is_distanced(before: str) -> bool:
    """Whether a distancing cue ends ``before`` ("not", "their idea of", "what passes for" …)."""
    return _DISTANCING_BEFORE.search(before, max(0, len(before.rstrip()) - MAX_DISTANCING_CHARS)) is not None


def _labeller(text: str, offset: int, before: str) -> TextSpan | None:
    """The subject of a labelling verb right before a quotation ("McConnell called it "…"")."""
    if _is_so_called(before):
        return None
    # the verb is at most a few words before the quotation: look at the last words only
    window_start = max(0, len(before) - MAX_LABELLING_CHARS)
    if window_start:
        window_start = before.find(" ", window_start) + 1 or len(before)
    found = _LABELLING.search(before, window_start)
    if found is None:
        return None
    cut = found.start()
    lead = TO_LEAD.search(before, max(0, cut - MAX_LABELLING_CHARS), cut)
    if lead is not None:  # "Progressives like to call …": the subject is before "like to"
        cut = lead.start()
    what = _WHAT_BEFORE.search(before, max(0, cut - MAX_LABELLING_CHARS), cut)
    if what is not None:  # "The cuts are what the ministry calls …": the subject starts after "what"
        subject = subject_before(text, offset + what.end(), before[what.end():cut])
    else:
        subject = subject_before(text, offset, before[:cut])
    if subject is not None and is_speaker_like(subject.text):
        return subject
    return speaker_with_complement(text, offset, before[:cut], "")  # "Supporters of the president hail him as …"
