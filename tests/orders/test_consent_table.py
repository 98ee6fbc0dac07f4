"""Consent means a yes to placing the order (seed 004's golden rule), read from
what clients really write in a Fiverr chat: every acknowledgement, question,
condition, promise for later, doubt and no is refused with one sentence that
says why and quotes the seed's words."""

from __future__ import annotations

import pytest

from sellerdesk.orders.gate import SEED_YES, consent_problem

YES = [
    "Yes, please place the order",
    "Yes, please place the order.",
    "yes please place the order",
    "Yes, go ahead and place the order",
    "yes, go ahead and place the order!",
    "Please place the order",
    "please place the order 🙂",
    "Yes, create the order",
    "yes create the order pls",
    "Yeah please go ahead and place the order",
    "Yep, place the order",
    "Ok, please create the order for me",
    "Okay, you can place the order now",
    "Sure, please place the order",
    "Sure thing, go ahead and create the order.",
    "Alright, place the order please",
    "Great, please place the order. Looking forward to working with you!",
    "Perfect. Please place the order and I will send the logo today",
    "Thanks! Please place the order.",
    "Thank you so much, yes please place the order",
    "ok thanks, please go ahead and place the order",
    "Sounds good, please create the order",
    "That works for me. Please place the order.",
    "Yes that's fine, place the order",
    "$450 is fine. Please place the order",
    "The price is fine with me, go ahead and create the order",
    "Yes please place the order, when can you start?",
    "Please place the order, how soon will I see the first draft?",
    "Yes please go ahead with the order",
    "Yes, proceed with the order",
    "Let's go ahead with the order",
    "I'd like to go ahead with the order",
    "I would like you to place the order please",
    "I want to proceed with the order",
    "Alright, I'm ready. Please proceed with placing the order 🙂",
    "Yes, go ahead with creating the order",
    "I'm ready to place the order",
    "Yes I confirm the order",
    "Confirm the order please",
    "Yes, I've placed the order",
    "I just placed the order",
    "I have placed the order, please check",
    "Order placed!",
    "Done, I accepted your offer",
    "I accept the offer",
    "I've accepted the custom offer 👍",
    "Yes, book the order",
    "Please set up the order for me",
    "Yes, put the order through",
    "Please process the order",
    "No problem, please place the order",
    "No worries, go ahead and place the order",
    "Yes, please place the order as soon as possible",
    "yes pls create the order asap",
    "Hi Jehan, yes please place the order",
    "Hello! We're happy with the scope, please place the order",
    "Yes please place the order, if that's ok I'll send the texts tomorrow",
    "Go ahead and place the order for the 5 pages",
    "Please place the order for Home, About, Services and Contact",
    "Yes, please create the order. I can't wait to see it!",
    "After reviewing everything with my partner, yes, please place the order",
    "YES PLEASE PLACE THE ORDER",
    "yes,please place the order",
    "Yes — please place the order",
    "Yes please place the order, delivery in 7 days is fine",
    "You may go ahead and create the order",
    "Feel free to place the order now",
    "Please place the order today if possible",
]

NO = [
    ("", "no consent"),
    ("ok", "too short"),
    ("yes", "too short"),
    ("ok thanks", "only take note"),
    ("Okay thanks for the info", "only take note"),
    ("okay thanks for the info 🙏", "only take note"),
    ("Thanks!", "only take note"),
    ("Thank you, noted", "only take note"),
    ("Yes I received the offer", "only take note"),
    ("I received the offer", "only take note"),
    ("Got the offer, thanks", "only take note"),
    ("I have seen the offer", "only take note"),
    ("Ok I read it", "only take note"),
    ("Looks great, thanks", "only take note"),
    ("Yes", "too short"),
    ("Yes, go ahead", "do not say yes"),
    ("Sure, sounds good", "do not say yes"),
    ("Sounds good, let's do it!", "do not say yes"),
    ("Yes please", "do not say yes"),
    ("Agreed", "do not say yes"),
    ("Deal!", "too short"),
    ("Yes, place it", "do not say yes"),
    ("Send me the offer please", "do not say yes"),
    ("The design looks interesting", "only take note"),
    ("I'll check it", "not sure yet"),
    ("Sure, I'll check the offer", "not sure yet"),
    ("I'll check the offer and get back to you", "not sure yet"),
    ("Let me check with my partner first", "not sure yet"),
    ("I need to discuss it with my husband", "not sure yet"),
    ("Maybe next week", "not sure yet"),
    ("maybe, place it later?", "not sure yet"),
    ("Maybe place the order", "not sure yet"),
    ("Perhaps we can place the order", "not sure yet"),
    ("I'm just checking the prices", "not sure yet"),
    ("Not sure yet, still comparing", "not sure yet"),
    ("Let me think about it", "not sure yet"),
    ("Hold on, don't place the order yet", "say no"),
    ("Wait, I need to change the pages first", "not sure yet"),
    ("Give me a day to decide", "not sure yet"),
    ("I might place the order", "not sure yet"),
    ("My boss has to approve it first, then place the order", "not sure yet"),
    ("can you place the order?", "asking"),
    ("Can you place the order", "asking"),
    ("Could you please create the order?", "asking"),
    ("Should I place the order now?", "asking"),
    ("Yes, place the order?", "asking"),
    ("ok so when will you place the order?", "asking"),
    ("Will you create the order today?", "asking"),
    ("Yes, place the order if the price stays at $450", "condition"),
    ("Please place the order once my payment clears", "condition"),
    ("Place the order when my partner agrees", "condition"),
    ("Please create the order after the call", "condition"),
    ("Please place the order unless the price changes", "condition"),
    ("Yes, place the order only if you can deliver in 5 days", "condition"),
    ("I'll place the order", "will"),
    ("I will place the order tomorrow", "will"),
    ("I'm going to place the order tonight", "will"),
    ("Sure, I'll create the order later", "will"),
    ("Will place the order tomorrow", "will"),
    ("Please place the order tomorrow", "puts it off"),
    ("Place the order next week", "puts it off"),
    ("yes, place the order, but later", "puts it off"),
    ("Go ahead with the order on Friday", "puts it off"),
    ("Please place the order in a few days", "puts it off"),
    ("No, that is too much for me", "say no"),
    ("No thanks, we found someone", "say no"),
    ("no", "too short"),
    ("Nope, not for now", "say no"),
    ("Please don't place the order", "say no"),
    ("Do not create the order", "say no"),
    ("I don't want to order right now", "say no"),
    ("Please cancel the order", "say no"),
    ("It's too expensive for us", "say no"),
    ("I changed my mind, sorry", "say no"),
    ("We decided not to go ahead", "say no"),
    ("Never place the order without asking me", "say not to"),
    ("I haven't placed the order", "say not to"),
    ("Can you proceed with placing the order?", "asking"),
    ("I'll go ahead with placing the order next week", "will"),
    ("What would it cost?", "do not say yes"),
]


@pytest.mark.parametrize("text", YES)
def test_a_yes_to_placing_the_order_passes(text):
    assert consent_problem(text) is None, text


@pytest.mark.parametrize(("text", "reason"), NO)
def test_everything_else_is_refused_saying_why_and_quoting_the_seed(text, reason):
    problem = consent_problem(text)
    assert problem is not None, text
    assert problem.key == "consent"
    assert reason.lower() in problem.message.lower(), problem.message
    assert SEED_YES in problem.message
    # One sentence: no full stop before the end but the ones inside quotes.
    outside_quotes = problem.message.split('"')[::2]
    assert all("." not in part for part in outside_quotes[:-1]), problem.message
    assert problem.message.endswith(".") and "\n" not in problem.message


def test_the_tables_are_big_enough_and_do_not_overlap():
    refused = [text for text, _ in NO]
    assert len(YES) >= 60 and len(refused) >= 60
    assert not set(YES) & set(refused)
