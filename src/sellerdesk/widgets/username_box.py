"""A username box that takes the Fiverr link a seller pastes from the browser
(the inbox conversation or the profile) and shows the username it names."""

from __future__ import annotations

from textual.widgets import Input

from sellerdesk.checks import username_from_link
from sellerdesk.errors import Invalid


def link_to_username(box: Input) -> bool:
    """Replace a Fiverr link in `box` by the username it names; True if it did
    (the box then sends another Changed with the username)."""
    try:
        name = username_from_link(box.value)
    except Invalid:
        return False  # a Fiverr page that names nobody: left as typed, checked as typed
    if name is None or name == box.value:
        return False
    box.value = name
    box.cursor_position = len(name)
    return True
