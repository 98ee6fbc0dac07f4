"""What gets a Fiverr message held for review, as sellers report it, and what
to say instead.

Fiverr publishes no list. Its filter reads words, not intent: "we never
work outside of Fiverr" is held like "let's work outside of Fiverr", so
these are flagged however they are meant. Where there is wording that says
the same thing safely, the finding suggests it.
"""

from __future__ import annotations

STAY_ON_FIVERR = "all communication stays here on Fiverr"

# (code, why, words or phrases matched as whole words in any case, suggestion)
FLAGGED_WORDS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    (
        "outside-fiverr",
        "talks of working outside Fiverr (held even when it says you never do)",
        ("outside of Fiverr", "outside Fiverr", "off Fiverr", "off-platform", "off platform"),
        STAY_ON_FIVERR,
    ),
    (
        "messenger",
        "mentions another messenger",
        ("Skype", "WhatsApp", "Discord", "Telegram", "Google Meet"),
        STAY_ON_FIVERR,
    ),
    ("voicemail", "mentions a voicemail", ("voicemail", "voice mail"), STAY_ON_FIVERR),
    (
        "outside-payment",
        "mentions payment outside Fiverr",
        ("PayPal", "pay outside", "bank transfer", "Payoneer", "Venmo"),
        "payment goes through a custom offer here on Fiverr",
    ),
    (
        "zip-file",
        "mentions a zip file (file-sharing talk gets messages held)",
        ("zip file", "zip files", "zip folder", ".zip", "rar file", "WeTransfer"),
        "I'll attach the files here in our Fiverr chat",
    ),
    (
        "marketplace",
        "mentions another marketplace or portfolio site",
        (
            "Upwork",
            "Freelancer",
            "Freelancer.com",
            "Guru",
            "PeoplePerHour",
            "Toptal",
            "Behance",
            "Dribbble",
            "LinkedIn",
        ),
        "my Fiverr profile and portfolio: {profile_url}",
    ),
)

# Said with an email address or a phone number.
CONTACT_SUGGESTION = STAY_ON_FIVERR

# A rating or a review as a thing given (whole words; "review" after "to", "will",
# "I" or "we" is the verb, as in "I'll review your site", and does not count).
REVIEW_WORDS = (
    r"reviews?",
    r"ratings?",
    r"rate\s++(?:us|me|my\s++work|our\s++work|the\s++order)",
    r"stars?",
    r"(?:positive|good|great|honest)\s++feedback",
    r"testimonials?",
)
REVIEW_VERB_BEFORE = ("to", "ll", "will", "i", "we")
# Something given in return (whole words; "feel free" and "free to" do not count).
INCENTIVE_WORDS = (
    r"discounts?",
    r"rewards?",
    r"bonus(?:es)?",
    r"coupons?",
    r"vouchers?",
    r"gifts?",
    r"cash\s*+back",
    r"refunds?",
    r"in\s++(?:exchange|return)",
    r"free",
    r"\d++\s*+%",
    r"\$\s?\d",
)
# An honest review asked for with nothing offered for it.
REVIEW_INCENTIVE_SUGGESTION = (
    "If you are happy with the result, an honest review is always appreciated"
)
# Seed 002's approved referral message, which asks for introductions only.
REFERRAL_RATING_SUGGESTION = (
    "if you know anyone who's looking for a new website or a redesign, I'd truly appreciate "
    "an introduction"
)
