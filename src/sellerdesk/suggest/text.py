"""Taking a pasted message in: refusing what is not one message, making it
safe to show, and the lower-case word string the intent rules read.

A pasted text keeps its length and offsets through cleaning (a control
character becomes one space), so every span found points into the text
that is shown. Only the word string used for matching is rewritten: case,
apostrophes, chat shorthand ("ur", "pls") and typos of the seeds' key words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sellerdesk.safe_text import CONTROL_RE
from sellerdesk.suggest.vocabulary import FUZZY_WORDS, SHORTHAND

MAX_CHARS = 5_000
"""Longer than this is not one client message (a whole page, a log)."""

# The controls `safe_text.visible` escapes (C0 and C1 but newline and tab, DEL),
# and the bidirectional overrides that could make text read differently from
# what it says.
_CONTROLS = re.compile(f"{CONTROL_RE.pattern}|[\u202a-\u202e\u2066-\u2069]")
# Whole terminal sequences (colours, titles, clipboard writes), not just their ESC.
_ESCAPES = re.compile(r"\x1b\[[0-?]{0,32}[ -/]{0,8}[@-~]|\x1b\][^\x07\x1b]{0,2000}(?:\x07|\x1b\\)?")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s[^<>]{0,300})?/?>")
_STRUCTURE_TAG = re.compile(r"<(?:html|body|head|div|span|p|br|table|script|style)\b", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[a-z0-9]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})

# Common function words of other languages clients write in; English text
# hardly ever has two of them.
_FOREIGN = frozenset(
    """hola necesito una para mi por favor podemos hablar cuanto cuesta pagina sitio
    quiero tengo bonjour je voudrais mon ma mes une pour est avec merci refaire
    ich brauche eine neue fur für meine und der die das guten tag bitte webseite
    ola preciso voce ciao vorrei sono il della grazie""".split()  # noqa: SIM905
)
_ENGLISH = frozenset(
    """i we you the a an my our your is are to for and of it this that with can
    need want please site website page pages hi hello thanks thank""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Refusal:
    """Why a paste is not read as a client message (the answer is `other`)."""

    code: str
    message: str


def clean(text: str | None) -> str:
    """The paste with line endings unified, terminal escape sequences and
    control characters made spaces (one for one, so offsets hold)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub(lambda m: " " * len(m.group()), text)
    return _CONTROLS.sub(" ", text)


def refusal(text: str) -> Refusal | None:
    """None when `text` (already cleaned) reads as one client message."""
    if not text.strip():
        return Refusal("empty", "Nothing was pasted: paste the client's message.")
    if len(text) > MAX_CHARS:
        return Refusal(
            "too_long",
            f"{len(text):,} characters is more than one message ({MAX_CHARS:,} at most): "
            "paste only the client's message.",
        )
    if _STRUCTURE_TAG.search(text) or len(_TAG.findall(text)) >= 2:
        return Refusal(
            "html",
            "This looks like HTML copied from the browser's page source: "
            "select the message text itself and paste that.",
        )
    letters = _LETTER.findall(text)
    if not letters:
        return Refusal("no_words", "There are no words to read in this message.")
    latin = sum(1 for ch in letters if ch.isascii())
    if latin < len(letters) / 2:
        return Refusal("language", "This message is not in English; read it yourself.")
    words = set(_WORD.findall(text.lower()))
    foreign = len(words & _FOREIGN)
    if foreign >= 2 and foreign > len(words & _ENGLISH):
        return Refusal("language", "This message is not in English; read it yourself.")
    return None


def words_of(text: str) -> str:
    """The message as " word word ... " for the rules: lower case, no
    apostrophes, shorthand spelled out, typos of key words corrected."""
    lowered = text.lower().translate(_QUOTES).replace("'", "")
    out = []
    for token in _WORD.findall(lowered):
        out.append(SHORTHAND.get(token) or _corrected(token))
    return " " + " ".join(out) + " "


@lru_cache(maxsize=8192)
def _corrected(token: str) -> str:
    """A close misspelling of one of the seeds' key words becomes that word.

    Only words of six letters or more, one edit away (two from eight letters
    on): short words have too many real neighbours ("price", "prize").
    """
    if len(token) < 6 or token in FUZZY_WORDS or not token.isalpha():
        return token
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import extractOne

    limit = 2 if len(token) >= 8 else 1
    found = extractOne(token, FUZZY_WORDS, scorer=Levenshtein.distance, score_cutoff=limit)
    return found[0] if found else token


_ENDS = (". ", "!", "?", "\n")


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding `text[start:end]`."""
    left = max(text.rfind(mark, 0, start) for mark in _ENDS)
    rights = [i for i in (text.find(mark, end) for mark in _ENDS) if i != -1]
    return text[left + 1 : min(rights) if rights else len(text)]
