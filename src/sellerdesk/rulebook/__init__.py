"""The rule book: every sales rule a message must meet before it leaves the app.

One place, outside Textual, that every path asks: the script screen, the
library on the lead screen, the queue's copy key, `sellerdesk copy`,
`sellerdesk script offer`, and anything added later. It is asked twice for
each copy: when the text is prepared (before any clipboard sees it) and
again inside the write unit that records it, on the lead's stored state.

- `facts`: what the rules read about a lead (record, script runs, orders).
- `scope`: which script rules govern a template, read from the script
  definitions (a step's entry gate, a script's offer gate).
- `rules`: the rules themselves; each refusal is one sentence naming what
  is missing, the same on every path.
- `override`: passing a rule on purpose, written on the timeline.
"""

from sellerdesk.rulebook.facts import LeadFacts, facts_in_unit, read_facts
from sellerdesk.rulebook.rules import Refusal, Refused, blocking, state_refusals, text_refusals

__all__ = [
    "LeadFacts",
    "Refusal",
    "Refused",
    "blocking",
    "facts_in_unit",
    "read_facts",
    "state_refusals",
    "text_refusals",
]
