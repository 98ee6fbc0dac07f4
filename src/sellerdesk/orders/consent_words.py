"""Reading a client's chat message for a yes: to placing the order (seed 004)
or to the after-sales walkthrough being done (seed 001). Pure, no database.

The message is cut into sentences (at . ! ? ; and line breaks) and each
sentence into clauses (at commas, dashes and "but"). It is a yes when one
clause says the thing itself ("place the order", "the walkthrough is done"),
that clause is not a question, not negated and not put off to later, its
sentence sets no condition, and nothing anywhere in the message says no or
hesitates. Chat spelling is read as people type it: "pls", "yeah", "dont",
"ill", curly apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ---------------------------------------------------------------- normalising

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})

_SPELLINGS: tuple[tuple[str, str], ...] = (
    (r"\bwon'?t\b", "will not"),
    (r"\bcan'?t\b", "cannot"),
    (r"\bcan not\b", "cannot"),
    (r"\bshan'?t\b", "shall not"),
    (r"\b(do|does|did|is|are|was|were|have|has|had|would|should|could|must|need)n'?t\b", r"\1 not"),
    (r"\blet'?s\b", "let us"),
    (r"\b(i|you|we|they|he|she|it)'ll\b", r"\1 will"),
    (r"\bill\b", "i will"),
    (r"\b(i|you|we|they)'d\b", r"\1 would"),
    (r"\bi'?m\b", "i am"),
    (r"\b(you|we|they)'re\b", r"\1 are"),
    (r"\b(i|you|we|they)'?ve\b", r"\1 have"),
    (r"\b(it|that|what|there|everything|all)'s\b", r"\1 is"),
    (r"\bgonna\b", "going to"),
    (r"\bwanna\b", "want to"),
    (r"\bgotta\b", "have to"),
    (r"\b(?:pls|plz|plez|pleas|plss|plis)\b", "please"),
    (r"\b(?:okay|okey|okk|okie|k|kk)\b", "ok"),
    (r"\b(?:yeah|yea|yep|yup|ya|yas|yess+|yesss)\b", "yes"),
    (r"\b(?:thx|thanx|tnx|ty|thank you)\b", "thanks"),
    (r"\bu\b", "you"),
    (r"\bur\b", "your"),
    (r"\b(?:tmrw|tmr|tomorow|tommorow|tommorrow|2moro)\b", "tomorrow"),
    (r"\be-?mails?\b", "email"),
    (r"\bset-up\b", "set up"),
    (r"\bsetup\b", "set up"),
    (r"\bwalk[- ]?throughs?\b", "walkthrough"),
    (r"\bc-?panel\b", "control panel"),
)
_COMPILED = tuple((re.compile(pattern), repl) for pattern, repl in _SPELLINGS)


def normalise(text: str) -> str:
    """Lower case, plain apostrophes, chat spellings written out, one space between words."""
    value = text.translate(_QUOTES).lower()
    value = re.sub(r"(\d)[.,](\d)", r"\1\2", value)  # $1,200.50 is one number, not two sentences
    for pattern, repl in _COMPILED:
        value = pattern.sub(repl, value)
    return value


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9$#']+", text))


@dataclass(frozen=True)
class Sentence:
    clauses: tuple[str, ...]
    question: bool
    """It ends with a question mark: its last clause is asked, not said."""

    @property
    def text(self) -> str:
        return " ".join(self.clauses)


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for match in re.finditer(r"([^.!?;\n]+)([.!?;\n]*)", normalise(text)):
        body, end = match.group(1), match.group(2)
        parts = re.split(r",|\s[-–—]\s|:|\b(?:but|though|although|however)\b", body)
        clauses = tuple(w for w in (_words(p) for p in parts) if w)
        if clauses:
            out.append(Sentence(clauses, "?" in end))
    return out


# ---------------------------------------------------------------- what the client says


def _any(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b")


# Says no, anywhere in the message.
SAYS_NO = _any(
    "no thanks",
    "no thank",
    "not interested",
    "no deal",
    "too expensive",
    "too much for",
    "out of my budget",
    "over my budget",
    "above my budget",
    "cannot afford",
    "not agree",
    "disagree",
    "cancel",
    "cancelled",
    "nope",
    "not going ahead",
    "not go ahead",
    "not proceed",
    "not proceeding",
    "not moving forward",
    "decided not",
    "changed my mind",
    "found someone",
    "found another",
    "went with",
    "going with someone",
    "hired someone",
    "by mistake",
    "not want",
    "not place",
    "not create",
    "not order",
    "no need",
)
# A first "no" that still opens a yes ("No problem, please place the order").
_NO_BUT_YES = (
    "problem", "problems", "worries", "worry", "issue", "issues", "doubt", "rush", "hurry",
)  # fmt: skip

# Not there yet (seed 004 §3: "customer unsure or just checking"), anywhere.
HESITANT = _any(
    "maybe",
    "perhaps",
    "not sure",
    "unsure",
    "just checking",
    "just asking",
    "just looking",
    "just browsing",
    "think about it",
    "think it over",
    "let me think",
    "i will think",
    "need to think",
    "have to think",
    "thinking about",
    "need some time",
    "need more time",
    "give me some time",
    "give me a day",
    "give me a few",
    "get back to you",
    "let you know",
    "not yet",
    "not now",
    "not ready",
    "hold on",
    "hold off",
    "need to check",
    "have to check",
    "need to ask",
    "have to ask",
    "check with",
    "discuss with",
    "discuss it",
    "talk to my",
    "talk with my",
    "consult",
    "run it by",
    "let me check",
    "let me see",
    "i will check",
    "i will look",
    "i will review",
    "i will consider",
    "considering",
    "still deciding",
    "decide",
    "approval",
    "(?:to|must|has to|needs to|need to|will) approve",
    "comparing",
    "other quotes",
    "second thoughts",
)
_WAIT = re.compile(r"\bwait\b")
_EAGER_WAIT = re.compile(r"\b(?:cannot|not|could not|can hardly) wait\b")

# A condition on the yes, anywhere in the sentence that holds it.
CONDITION = _any(
    "if",
    "unless",
    "once",
    "provided",
    "providing",
    "assuming",
    "as long as",
    "as soon as",
    "in case",
    "on condition",
    "subject to",
    "only when",
    "only after",
    "depending",
    "depends",
)
_POLITE_IF = re.compile(
    r"\bif (?:that|it|this) is (?:ok|fine|alright|all right|good|possible)\b"
    r"|\bif possible\b|\bif you do not mind\b|\bif you can\b(?!\s+\w)|\bif you need anything\b"
    r"|\bas soon as (?:possible|you can)\b"
)
_WHEN = re.compile(r"\bwhen\b(?!\s+(?:can|will|would|do|does|is|are|should|could|shall|exactly)\b)")
_AFTER = re.compile(r"\bafter\b(?!\s+(?:\w+ing|all)\b)")

# Put off to later: in the yes itself, or in a short clause right after it.
LATER = re.compile(
    r"\b(?:later|tomorrow|tonight|next (?:week|month|year|time|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)|in a (?:few |couple of )?(?:days?|weeks?|hours?|bit|while)|"
    r"in an hour|end of (?:the )?(?:day|week|month)|after the weekend|this weekend|"
    r"(?:on|this|coming) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend))\b"
)
# Said before the verb, these make it a plan or a doubt rather than a yes.
FUTURE = _any("will", "shall", "going to", "plan to", "planning to", "intend to", "about to")
DOUBT = re.compile(r"(?<!you )\b(?:might|may|could|should|probably|possibly)\b")
NEGATION = re.compile(
    r"\b(?:not|never|cannot|nor|without|stop|neither)\b"
    r"|\bno\b(?!\s+(?:" + "|".join(_NO_BUT_YES) + r")\b)"
)
# The walkthrough is not done while something about it is still wrong.
NOT_DONE = re.compile(
    NEGATION.pattern + r"|\b(?:still|yet|problem|issue|error|trouble|stuck|help)\b"
)
QUESTION_START = re.compile(
    r"^(?:(?:yes|ok|so|and|then|hi|hey|hello|well|alright|great|perfect|cool|thanks|also|"
    r"please|sir|dear|sorry)\s+)*"
    r"(?:can|could|would|will|shall|should|do|does|did|is|are|may|might|when|what|how|why|"
    r"where|which|who|whether)\b"
)
# Words of a message that only takes note of something.
ACKNOWLEDGES = _any(
    "received", "receive", "got", "seen", "saw", "noted", "thanks", "ok", "read", "looked",
    "checked", "check", "look", "review", "reviewed", "interesting", "nice", "great", "cool",
)  # fmt: skip


@dataclass(frozen=True)
class Subject:
    """What the yes is about and how to spot a clause that says it."""

    name: str
    says_it: tuple[re.Pattern[str], ...]
    missing: str
    """How the refusal names what the words do not say."""
    not_done: re.Pattern[str] | None = None
    """Words anywhere in the clause that spoil it ("the email is not working yet")."""


_ORDER = (
    r"(?:(?:the|an|a|my|our|this|that|your|new|custom|whole)\s+){0,3}orders?\b"
    r"(?!\s+(?:to|details?|summary|number|id|status|form|requirements|total|price|page)\b)"
)
_PLACE = (
    r"place|create|make|book|submit|process|open|start|confirm|finali[sz]e|raise|generate|"
    r"set up|put in|go ahead with|proceed with|go with|move forward with|move ahead with|"
    r"get started with|get going with|lock in|"
    r"(?:go ahead|proceed|move forward|move ahead) with (?:placing|creating|booking|submitting)"
)
# "Proceed with placing the order": going ahead with the placing itself.
_WITH = r"go ahead with|proceed with|move forward with|move ahead with|get started with"
_PLACING = r"placing|creating|making|booking|submitting|processing|confirming|setting up"
ORDER = Subject(
    "order",
    (
        re.compile(rf"\b(?:{_PLACE})\s+(?:(?:it|this|that|now|please|for me)\s+)?{_ORDER}"),
        re.compile(rf"\b(?:{_WITH})\s+(?:{_PLACING})\s+{_ORDER}"),
        re.compile(rf"\bput\s+{_ORDER}\s+(?:through|in)\b"),
        # The client placed it themselves (on Fiverr, accepting the custom offer is that).
        re.compile(
            rf"\b(?:(?:i|we)\s+)?(?:(?:have|had|just|already|now)\s+)*"
            rf"(?:placed|created|submitted|booked)\s+{_ORDER}"
        ),
        re.compile(rf"{_ORDER}\s+(?:is\s+|has\s+been\s+|was\s+|now\s+)*(?:placed|confirmed)\b"),
        re.compile(
            r"\b(?:accept|accepted|accepting)\s+(?:the|your|this|that)\s+(?:custom\s+)?offer\b"
        ),
        re.compile(r"\boffer\s+(?:is\s+|has\s+been\s+)?accepted\b"),
    ),
    "yes to placing the order",
)

_WALK = (
    r"walkthrough|training|trained|control panel|panel|email|mailbox|inbox|session|meeting|"
    r"call|set up|everything|all|tutorial|demo|dashboard|login|log in"
)
_DONE = (
    r"confirm|confirmed|done|complete|completed|finished|clear|understood|understand|works|"
    r"working|all good|all set|set up|sorted|fine|perfect|received"
)
WALKTHROUGH = Subject(
    "walkthrough",
    (
        re.compile(rf"\b(?:{_WALK})\b.*\b(?:{_DONE})\b"),
        re.compile(rf"\b(?:{_DONE})\b.*\b(?:{_WALK})\b"),
    ),
    "that the walkthrough is done",
    not_done=NOT_DONE,
)
SUBJECTS = {s.name: s for s in (ORDER, WALKTHROUGH)}


@dataclass(frozen=True)
class Reading:
    ok: bool
    kind: str = ""
    """no, hesitant, question, condition, later, future, negated, acknowledge, missing."""
    phrase: str = ""
    missing: str = ""

    def why(self, wanted: str) -> str:
        """One sentence: why these words are not the yes, with the words to wait for."""
        p = self.phrase
        return {
            "no": f'The client\'s words say no ("{p}"), not "{wanted}"; do not go ahead.',
            "hesitant": f'The client is not sure yet ("{p}"); wait for a clear "{wanted}".',
            "question": (
                f'The client is asking ("{p}"), not saying "{wanted}"; answer and wait for '
                "their yes."
            ),
            "condition": (
                f'The client\'s yes depends on a condition ("{p}"); wait for a plain "{wanted}".'
            ),
            "later": f'The client puts it off ("{p}"); wait until they say "{wanted}" now.',
            "future": (
                f'The client says what they will do ("{p}"), not "{wanted}"; wait until they '
                "say it."
            ),
            "negated": f'The client\'s words say not to ("{p}"), not "{wanted}"; do not go ahead.',
            "acknowledge": (
                f'These words only take note ("{p}") and do not say {self.missing}; wait for '
                f'the client\'s "{wanted}".'
            ),
        }.get(
            self.kind,
            f'These words do not say {self.missing}; wait for the client\'s own "{wanted}".',
        )


def read(text: str, subject: str = "order") -> Reading:
    """Whether `text` says yes to `subject` ("order" or "walkthrough"), and if not, why."""
    about = SUBJECTS[subject]
    found = sentences(text)
    whole = " ".join(s.text for s in found)

    def refuse(kind: str, phrase: str) -> Reading:
        return Reading(False, kind, phrase, about.missing)

    said_no = SAYS_NO.search(whole)
    if said_no:
        return refuse("no", said_no.group(0))
    first = whole.split()[:2]
    if first and first[0] in ("no", "nah") and (len(first) == 1 or first[1] not in _NO_BUT_YES):
        return refuse("no", first[0])
    unsure = HESITANT.search(whole)
    if unsure:
        return refuse("hesitant", unsure.group(0))
    for sentence in found:
        for clause in sentence.clauses:
            if _WAIT.search(clause) and not _EAGER_WAIT.search(clause):
                return refuse("hesitant", "wait")

    blocked: Reading | None = None
    for sentence in found:
        for index, clause in enumerate(sentence.clauses):
            said = _says(about, clause)
            if said is None:
                continue
            problem = _check(about, sentence, index, clause, said, refuse)
            if problem is None:
                return Reading(True)
            blocked = blocked or problem
    if blocked is not None:
        return blocked
    noted = ACKNOWLEDGES.search(whole)
    if noted:
        return refuse("acknowledge", noted.group(0))
    return refuse("missing", "")


def _says(about: Subject, clause: str) -> re.Match[str] | None:
    for pattern in about.says_it:
        match = pattern.search(clause)
        if match:
            return match
    return None


def _check(about: Subject, sentence: Sentence, index: int, clause: str, said, refuse):
    """Why this clause, which says the thing, is still not a yes; None when it is one."""
    last = index == len(sentence.clauses) - 1
    asked = QUESTION_START.search(clause)
    if asked and not sentence.question and clause.split()[0] in ("will", "shall"):
        return refuse("future", clause)  # "Will place the order tomorrow."
    if (sentence.question and last) or asked:
        return refuse("question", clause)
    before = clause[: said.start()]
    spoilt = about.not_done.search(clause) if about.not_done else NEGATION.search(before)
    if spoilt:
        return refuse("negated", clause)
    future = FUTURE.search(before)
    if future:
        return refuse("future", f"{future.group(0)} {clause[said.start() :]}".strip())
    doubt = DOUBT.search(before)
    if doubt:
        return refuse("hesitant", doubt.group(0))
    text = sentence.text
    condition = CONDITION.search(_POLITE_IF.sub("", text)) or _WHEN.search(text)
    condition = condition or _AFTER.search(text)
    if condition:
        return refuse("condition", condition.group(0))
    trailing = [c for c in sentence.clauses[index + 1 :] if len(c.split()) <= 4]
    for part in (clause, *trailing):
        later = LATER.search(part)
        if later:
            return refuse("later", later.group(0))
    return None
