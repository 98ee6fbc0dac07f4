"""How many items of each lane `sellerdesk today` lists unless told otherwise,
and the home screen's queue panel too: the same items in the same order (the
whole queue is one key further in the app).

A module of its own so that the home screen can size its queue before the
first frame without importing the follow-up records.
"""

TODAY_PER_LANE = 50
PANEL_PER_LANE = TODAY_PER_LANE
