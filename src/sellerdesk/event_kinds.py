"""The kinds of timeline entry a copy writes, named once for every module
that writes or counts them.

A text that reached a clipboard is `message_copied`: a message sent. One
that reached none is `message_shown`: on the timeline, but no sent message.
Taking a copy back marks the copy's data `taken_back` and writes a
`copy_taken_back` entry. What counts as sent is decided from these by
`sellerdesk.followups.activity`.

Plain constants, no imports: the start-up reader counts the day's contacts
before SQLAlchemy is loaded, so they live here rather than in `timeline`.
"""

COPIED_KIND = "message_copied"
SHOWN_KIND = "message_shown"
TAKEN_BACK_KIND = "copy_taken_back"
