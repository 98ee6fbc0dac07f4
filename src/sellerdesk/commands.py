"""The command palette: jump to any lead by part of its name, username or website.

Each keystroke runs one limited database query in a thread (the trigram index
on SQLite), so the palette never loads the whole lead book. What is typed
that could be a username nobody has (or a Fiverr link naming one) is offered
as "Add <username>": enter adds the lead and opens it.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from sellerdesk.safe_text import visible
from sellerdesk.ui.desk import desk
from sellerdesk.ui.user_text import as_markup
from sellerdesk.vocab import STAGES

if TYPE_CHECKING:
    from sellerdesk.records import LeadRow

MAX_HITS = 12


class LeadCommands(Provider):
    """Leads matching what is typed, plus the app's own commands."""

    def _actions(self) -> list[tuple[str, str, str]]:
        return [
            ("New lead", "Add a lead to the book (the full form)", "new_lead"),
            ("Whole queue", "Everything due, lane by lane, as `today` lists it", "whole_queue"),
            ("Referrals", "Who brought whom, rewards owed and redeemed", "referrals"),
            ("Weekly review", "Outcomes not noted, missed follow-ups, gaps in records", "week"),
            ("Import leads", "From a spreadsheet (CSV), Twenty or an export", "import_leads"),
            ("Insight", "Targets, funnel, first replies, which messages win, orders", "insight"),
            ("Help: keys", "Every key, on the screen you are on", "help"),
        ]

    async def discover(self) -> Hits:
        for title, help_text, action in self._actions():
            yield DiscoveryHit(title, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._actions():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(self.app.run_action, action),
                    text=title,
                    help=help_text,
                )
        rows, new_name = await self._find(query)
        if new_name is not None:
            title = visible(f"Add {new_name}")
            yield Hit(
                # Below any lead that matched, above the app's own commands.
                0.45,
                Content(title),
                partial(desk(self).add_lead_and_open, new_name),
                text=title,
                help="New lead with this username; enter adds it and opens it",
            )
        for rank, row in enumerate(rows):
            title = f"{row.username}" + (f" — {row.display_name}" if row.display_name else "")
            title = visible(title)
            # The database already matched (possibly on the website); keep its order
            # and never score a real match as zero.
            score = max(matcher.match(title), 0.5 - rank / 100)
            detail = STAGES.label(row.stage) + (f" · {row.website}" if row.website else "")
            yield Hit(
                score,
                _highlight(matcher, title),
                partial(desk(self).open_lead, row.id),
                text=title,
                help=as_markup(f"Open lead · {detail}"),
            )

    async def _find(self, query: str) -> tuple[list[LeadRow], str | None]:
        """The leads matching, and the username to offer to add (None when
        what is typed cannot be one, or a lead already has it)."""
        db = desk(self).db
        text = query.strip()
        if db is None or not text:
            return [], None
        from sellerdesk.checks import as_username

        def find() -> tuple[list[LeadRow], str | None]:
            from sellerdesk.leads import find_lead
            from sellerdesk.search import list_leads

            name = as_username(text)
            rows = list_leads(db, name or text, limit=MAX_HITS)
            if name is None or find_lead(db, name) is not None:
                return rows, None
            return rows, name

        try:
            return await asyncio.to_thread(find)
        except Exception as exc:  # a busy or broken database must not break the palette
            self.app.log.error(repr(exc))
            return [], None


def _highlight(matcher: Matcher, title: str) -> Content:
    """`title` as plain text with the typed letters marked (the matcher's own
    highlight would read the title as markup)."""
    content = Content(title)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
