"""The words the suggester knows, taken from the seeds and from how clients
write on Fiverr: chat shorthand, the key words whose typos are corrected,
the pages a website has, and the names of the places a client may ask to
move the conversation or the payment to (which Fiverr holds messages for).
"""

from __future__ import annotations

# Chat shorthand spelled out before the rules read a message.
SHORTHAND = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "pl": "please",
    "thx": "thanks",
    "thanx": "thanks",
    "ty": "thank you",
    "rn": "right now",
    "atm": "at the moment",
    "wanna": "want to",
    "gonna": "going to",
    "msg": "message",
    "coz": "because",
    "cuz": "because",
    "abt": "about",
    "b4": "before",
    "hii": "hi",
    "hiii": "hi",
    "helo": "hello",
    "wp": "wordpress",
    "pics": "pictures",
    "pic": "picture",
    "info": "information",
    "mockups": "mockup",
    "mockup": "mockup",
    "mocks": "mockup",
}

# Key words of the seeds and of client messages whose misspellings are
# corrected (six letters or more; see `text._corrected`).
FUZZY_WORDS = (
    "website",
    "websites",
    "redesign",
    "redesigned",
    "redesigning",
    "mockup",
    "competitor",
    "competitors",
    "homepage",
    "requirement",
    "requirements",
    "referred",
    "recommended",
    "inspiration",
    "favourite",
    "favorite",
    "delivery",
    "delivered",
    "portfolio",
    "testimonials",
    "gallery",
    "wordpress",
    "budget",
    "someone",
    "address",
    "available",
    "interested",
    "professional",
    "unprofessional",
    "disappointed",
    "disappointing",
    "frustrated",
    "whatsapp",
    "telegram",
    "paypal",
    "payoneer",
    "ecommerce",
    "business",
    "services",
    "appointment",
    "reservations",
    "checkout",
    "quotation",
    "expensive",
    "discount",
)

# Pages clients name; a list of short items is read as pages when enough of
# them (or their last word) are here.
PAGE_WORDS = frozenset(
    """home homepage about services service contact blog gallery portfolio events event
    faq faqs pricing prices price testimonials reviews team shop store products product
    cart checkout account booking bookings book appointments appointment reservations
    reservation menu catering courses course classes class schedule careers jobs news
    resources listings listing buy sell rent properties property locations location
    projects work clients partners sponsors donate donations membership members login
    signup register privacy terms policy conditions sitemap story mission history
    treatments treatment rooms suites amenities offers deals specials videos photos
    media press downloads support help quote estimate areas coverage industries
    solutions features demo plans packages""".split()  # noqa: SIM905
)

# Words that open a sentence before the pages start ("I think we need home, ...").
PAGE_LEAD_INS = frozenset(
    """i we you id wed ill im need needs needed want wants wanted like would be are is was
    think thinking for pages these following should have has to me us it include
    includes including with will could can get make build want also so then thats
    there theyre they them require required just only maybe probably want""".split()  # noqa: SIM905
)

# Verbs that make an item a change request, not a page ("update prices").
CHANGE_VERBS = frozenset(
    """update change fix add remove replace edit modify move make put adjust improve
    redo delete swap create upload send attach""".split()  # noqa: SIM905
)

# A page name keeps these lower case inside it ("Book a Table").
SMALL_WORDS = frozenset(
    ["a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "at", "by", "or"]
)

# Where a conversation must not move (what Fiverr holds messages for).
MESSENGERS = (
    "whatsapp",
    "skype",
    "telegram",
    "viber",
    "wechat",
    "discord",
    "signal",
    "linkedin",
    "messenger",
    "snapchat",
    "kik",
    "imessage",
)
PAYMENTS = (
    "paypal",
    "venmo",
    "zelle",
    "cashapp",
    "payoneer",
    "western union",
    "moneygram",
    "transferwise",
    "bank transfer",
    "wire transfer",
    "bitcoin",
    "crypto",
    "usdt",
    "stripe link",
)
MARKETPLACES = ("upwork", "peopleperhour", "toptal", "guru com", "freelancer com", "99designs")

# Hosts that are never a client's website or a competitor.
NOT_SITES = frozenset(
    """fiverr.com gmail.com yahoo.com hotmail.com outlook.com wa.me t.me paypal.me
    paypal.com skype.com telegram.me whatsapp.com upwork.com""".split()  # noqa: SIM905
)
