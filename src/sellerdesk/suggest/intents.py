"""Which intent a message carries: weighted rules over its words, helped by
the facts found in it, and one order of precedence when it carries several.

The rules read the message's word string (`text.words_of`): lower case,
apostrophes dropped, shorthand spelled out, typos of key words corrected,
and the words of a page list or a web address blanked out, so that a page
called "Pricing" is not a price question. An intent counts when its score
reaches its threshold; of those that count, the first in `PRECEDENCE` wins.
"""

from __future__ import annotations

import re

from sellerdesk.suggest.model import OTHER, Fact

# (pattern, weight) per intent; a pattern adds its weight once.
_RULES: dict[str, tuple[tuple[str, int], ...]] = {
    "complaint": (
        (r"\b(not|never) (at all )?(happy|satisfied|pleased|acceptable|ok|okay)\b", 3),
        (r"\bnot what (we|i) (discussed|agreed|asked|ordered|paid|wanted)", 3),
        (
            r"\b(disappoint\w*|frustrat\w*|unprofessional|unacceptable|terrible|awful|horrible|"
            r"poor quality|quality is poor|waste of|scam|ripped off|regret\w*|worst|useless)\b",
            3,
        ),
        (r"\b(refund|dispute|want to cancel|cancel (the|my) order|money back)\b", 3),
        (r"\bdidnt agree\b|\bnever agreed\b", 3),
        (
            r"\b(delivery|order|project|site|website|it|you) (is|was|are|were)( \d+ days?)?"
            r" (late|overdue|delayed)\b",
            3,
        ),
        (
            r"\b(still (isnt|not|hasnt|havent|no)|havent (heard|replied|received)|no (reply"
            r"|response|update)s?"
            r"|(hasnt|havent|didnt) (replied|responded|answered|delivered)|taking (way )?too"
            r" long)\b",
            2,
        ),
        (r"\bpaid for \w+( \w+){0,3} (and )?only (got|received)\b|\bonly (got|received) \d", 3),
        (r"\byou promised\b|\bits day \d+", 2),
        (r"\blooks nothing like\b|\bdoesnt look like\b|\bdoes not look like\b", 3),
        (r"\b(broken|doesnt work|does not work|not working|isnt working|blurry|bugs?)\b", 1),
        (r"\basap\b", 1),
    ),
    "consent": (
        (
            r"\b(place|placing|create|creating|make|making|proceed with|go ahead with|start) "
            r"(the |my |our |an |this )?order\b",
            3,
        ),
        (r"\baccept(ed)? (the|your) offer\b", 3),
        (r"\b(ill|i will|well|we will) (place|accept) (the|your) (order|offer)\b", 3),
        (
            r"^ ((ok|okay|yes|sure|alright|yep|great|perfect) )?(go ahead|proceed|lets do it"
            r"|lets go)( please)? $",
            3,
        ),
        (r"\b(lets do it|deal)\b", 1),
        (r"\b(before|if|once|when|after) (i|we) (place|order|create|make|accept|pay|commit)", -4),
    ),
    "not_now": (
        (
            r"\b(call|contact|message|text|ping|email|get|come|circle|check|reach|touch|talk"
            r"|speak|write)"
            r"( \w+){0,3} (back|again)\b",
            3,
        ),
        (
            r"\b(reach out|follow up|check in|touch base)( with (me|us))?( again)? (later|next"
            r"|in|on|after|tomorrow)\b",
            3,
        ),
        (
            r"\b(ping|contact|message|call|text|remind) (me|us) (again|later|next|in|after|tomorrow"
            r"|on (mon|tue|wed|thu|fri|sat|sun)\w*)\b",
            3,
        ),
        (r"\b(revisit|reconnect)\b", 3),
        (r"\bnot (right )?now\b|\bnot at the moment\b|\bmaybe later\b|\blater in the\b", 3),
        (r"\bnot ready\b|\b(think|thinking) about it\b|\blet you know\b|\bdiscuss with my\b", 2),
        (
            r"\b(decided not to|not interested|went with someone else|found someone else|no"
            r" longer need)\b",
            3,
        ),
        (r"\b(busy|traveling|travelling|on vacation|on holiday|waiting on)\b", 1),
        (
            r"\b(dont|do not|never) (contact|message|text|email|call|bother|write to) (me|us)\b"
            r"|\bstop (messaging|contacting|texting|emailing|spamming|writing)\b|\bremove (me"
            r"|us) from\b"
            r"|\bunsubscribe\b|\bleave (me|us) alone\b",
            4,
        ),
    ),
    "asks_mockup": (
        (r"\bmock ?ups?\b", 3),
        (r"\b(design|homepage|home page) (sample|preview|draft|demo|concept)s?\b", 3),
        (
            r"\b(sample|demo|draft|preview|prototype|concept) (design|homepage|home page|page"
            r"|version|layout)s?\b",
            3,
        ),
        (r"\b(free|quick) (sample|demo|design|preview|prototype|draft|homepage)\b", 3),
        (r"\b(figma|adobe xd|xd|wireframes?|prototypes?)\b", 2),
        (
            r"\b(see|show me|send me|share) (a |an |some |the )?(quick )?(design|sample|draft"
            r"|demo|preview)\b",
            2,
        ),
        (
            r"\bbefore (i|we) (order|place|pay|commit|buy|decide)|\bbefore (ordering|paying)\b"
            r"|\bfirst\b",
            1,
        ),
    ),
    "asks_price": (
        (r"\bhow much\b", 3),
        (
            r"\b(whats|what is|what are) (the |your )?(price|prices|cost|costs|rate|rates|fee"
            r"|fees|charge|pricing)\b",
            3,
        ),
        (r"\byour (price|prices|rates?|fees?|charges?|pricing)\b", 3),
        (r"\b(price|cost|quote|estimate|quotation) for\b|\bprice list\b|\bcost me\b", 3),
        (
            r"\b(send|give|share|tell) (me |us )?(a |an |the |your )?(rough |ballpark )?(quote"
            r"|quotation|estimate|price)\b",
            3,
        ),
        (
            r"\bwhat (would|will|does|do) (it|this|that|you) (cost|charge|be)\b|\b(you|u) charge\b",
            3,
        ),
        (r"\b(cheaper|discount|expensive|afford|affordable)\b", 2),
        (r"\bbudget\b", 1),
        (r"\b(send|give|share|make) (me |us )?(the |your |an |a )?(custom )?offer\b", 2),
    ),
    "confirms_scope": (
        (
            r"\b(everything|all|that|thats|this|it|summary|its|scope) (\w+ ){0,3}(is |are )?"
            r"(correct|right|accurate|spot on)\b",
            3,
        ),
        (r"^ (yes |yep |yeah )?(correct|confirmed|exactly|right|confirm)\b", 3),
        (r"\bconfirm(ed)?\b", 2),
        (r"\b(looks|sounds) (good|right|correct|perfect|great) to (me|us)\b", 2),
        (r"\bexactly (what|the scope|right)\b|\bspot on\b", 2),
        (r"\b(agree|agreed) (on|with) (the )?(scope|summary)\b", 3),
        (r"\b(the )?(full|whole|final) scope\b", 2),
        (r"\ball good\b", 2),
        (r"\b(scope|summary)\b", 1),
    ),
    "referred_by": (
        (r"\b(referred|refered|referral from)\b", 3),
        (r"\b(recommended|recommends) (you|your|me)\b", 3),
        (r"\btold me (about )?(you|youre|your)\b", 3),
        (r"\bsent me (here|to you|your (profile|link|gig))\b", 3),
        (r"\b(got|have|had) your (name|profile|link|contact|details) from\b", 3),
        (r"\b(found you through|heard about you from|suggested you)\b", 3),
    ),
    "changes_request": (
        (
            r"\b(few|couple of|couple|small|some|minor) (changes|edits|updates|tweaks|fixes"
            r"|adjustments)\b",
            3,
        ),
        (r"\b(changes|edits|tweaks|updates) (on|to|for) (the|my|our) (site|website|store)\b", 3),
        (
            r"\b(change|update|edit|modify|tweak|fix|replace|remove|adjust|move|add)\b( \w+){0,3} "
            r"(header|footer|banner|logo|text|texts|image|images|photo|photos|color|colour"
            r"|font|menu|links?"
            r"|button|prices|pricing table|opening hours|hours|team member|testimonials?"
            r"|section|page"
            r"|form|hero|promo|content)\b",
            2,
        ),
        (
            r"\b(you (built|made|did|designed|created)|(site|website) you (did|made|built"
            r"|designed))\b",
            2,
        ),
        (r"\b(its me again|hi again|hello again)\b", 2),
    ),
    "new_inquiry": (
        (
            r"\b(need|needs|want|wants|looking for|require|interested in|searching for|want"
            r" to)\b( \w+){0,5} "
            r"(website|site|redesign|redesigning|web designer|web developer|developer|designer"
            r"|web site|revamp"
            r"|overhaul|ecommerce|online store|wordpress)\b",
            3,
        ),
        (
            r"\b(redesign|redesigning|redo|revamp|overhaul|rebuild|fresh look|makeover|from"
            r" scratch)\b",
            1,
        ),
        (r"^ (hi|hello|hey|greetings|good morning|good afternoon|good evening|dear)\b", 1),
        (r"\b(can you help|are you available|is this something you do|do you do|interested)\b", 1),
        (r"\b(your gig|your profile|new project)\b", 1),
        (r"\b(outdated|old|dated|ugly|slow)\b", 1),
    ),
    "design_direction": (
        (r"\b(like|love|prefer)\b (?!to\b)(\w+ ){1,6}(the )?(most|best|more)\b", 3),
        (r"\b(favou?rite|fav)\b", 3),
        (r"\blooks the best\b|\bclosest to\b|\bthe one i like\b", 3),
        (r"\b(main|primary) inspiration\b", 3),
        (r"\bprefer\b", 2),
        (r"\b(go|going) with\b|\blets follow\b|\bfollow that\b", 2),
        (r"\b(the )?(first|second|third|1st|2nd|3rd|last) one\b", 2),
        (r"\bin terms of design\b|\bdesign wise\b|\bdesignwise\b", 2),
        (r"\b(style|look|vibe|layout|colou?rs|inspiration)\b", 1),
    ),
    "hosting_domain": (
        (
            r"\b(hosting|hosted|domain|domains|dns|nameservers?|cpanel|ssl|godaddy|namecheap"
            r"|bluehost"
            r"|hostinger|siteground|hostgator|propagation)\b",
            3,
        ),
        (r"\bserver\b", 1),
    ),
    "requirements": (
        (r"\brequirements?\b", 3),
        (
            r"\b(attached|uploaded|sent you|here (is|are) the|sending you|ill send|i will"
            r" send)\b( \w+){0,4} "
            r"(logo|texts?|content|images|photos|pictures|brand|guidelines|files|descriptions"
            r"|copy)\b",
            3,
        ),
        (r"\bwhat do you need from me\b( \w+){0,6} order\b", 3),
        (r"\battached\b", 1),
        (r"\b(logo|brand guidelines|brand colou?rs)\b", 1),
    ),
    "feedback_positive": (
        (
            r"\b(love|loved|amazing|awesome|fantastic|brilliant|excellent|perfect|superb"
            r"|wonderful)\b",
            1,
        ),
        (
            r"\b(great|good|brilliant|amazing|awesome|excellent|fantastic|fab|superb|nice)"
            r" (job|work)\b",
            2,
        ),
        (r"\b(thank you so much|thanks a lot|many thanks|thank you|thanks)\b", 1),
        (
            r"\b(happy with|pleased with|so pleased|so happy|really happy|very happy|exactly"
            r" what i wanted)\b",
            2,
        ),
        (
            r"\b(would (hire|recommend)|hire again|5 star|five star|review|10 10|you are a"
            r" star|youre a star)\b",
            2,
        ),
        (r"\b(accepted the delivery|order accepted|professional work|looks great)\b", 2),
    ),
}
_COMPILED = {
    intent: tuple((re.compile(pattern), weight) for pattern, weight in rules)
    for intent, rules in _RULES.items()
}

THRESHOLDS = {"not_now": 3, "consent": 3}
DEFAULT_THRESHOLD = 2

# When a message carries several intents, the first of these that counts
# decides the reply: a complaint before anything, the client's yes before a
# question, a question before a statement (but a confirmed scope before a
# price question: the offer answers it), the furthest step of the script
# before an earlier one; moving off Fiverr only when nothing else is asked.
PRECEDENCE = (
    "complaint",
    "consent",
    "not_now",
    "asks_mockup",
    "confirms_scope",
    "asks_price",
    "referred_by",
    "changes_request",
    "new_inquiry",
    "design_direction",
    "lists_pages",
    "shares_site",
    "hosting_domain",
    "requirements",
    "off_platform",
    "feedback_positive",
)


def scores(words: str, facts: list[Fact], off_platform: bool) -> dict[str, int]:
    """Each intent's score for a message; only those that reach their threshold."""
    out: dict[str, int] = {}
    for intent, rules in _COMPILED.items():
        total = sum(weight for pattern, weight in rules if pattern.search(words))
        if total:
            out[intent] = total
    names = {f.name for f in facts}
    boosts = {
        "pages": ("lists_pages", 4),
        "website": ("shares_site", 3),
        "competitors": ("shares_site", 3),
        "primary_inspiration": ("design_direction", 2),
        "budget": ("asks_price", 3),
        "consent_words": ("consent", 1),
        "referrer": ("referred_by", 3),
        "followup_when": ("not_now", 1),
        "hosting_scenario": ("hosting_domain", 1),
        "do_not_contact": ("not_now", 4),
    }
    for name, (intent, weight) in boosts.items():
        if name in names:
            out[intent] = out.get(intent, 0) + weight
    if "consent_words" not in names:
        out.pop("consent", None)
    if off_platform:
        out["off_platform"] = 3
    return {
        intent: score
        for intent, score in out.items()
        if score >= THRESHOLDS.get(intent, DEFAULT_THRESHOLD)
    }


_SENTENCE_END = re.compile(r"[.!?\n]")
# A price question, as opposed to a budget the client states ("budget $300"):
# the rules of `asks_price` that ask, or a question mark.
_PRICE_QUESTION = tuple(pattern for pattern, weight in _COMPILED["asks_price"] if weight >= 3)


def asks_a_price(words: str, text: str, facts: list[Fact]) -> bool:
    """Whether the client asks what it costs, rather than only naming a budget
    ("Is $300 ok?" asks; "budget $300" states)."""
    if any(pattern.search(words) for pattern in _PRICE_QUESTION):
        return True
    budget = next((f for f in facts if f.name == "budget"), None)
    if budget is None:
        return False
    # The end of the budget's sentence: "Is $300 ok?" asks, "budget $300." states.
    stop = _SENTENCE_END.search(text, budget.end)
    return stop is not None and stop.group() == "?"


def top(found: dict[str, int], price_asked: bool = True) -> str:
    """The intent that decides the reply. A new inquiry that only states a
    budget is a new inquiry: the client asked nothing about the price."""
    for intent in PRECEDENCE:
        if intent == "asks_price" and not price_asked and "new_inquiry" in found:
            continue
        if intent in found:
            return intent
    return OTHER
