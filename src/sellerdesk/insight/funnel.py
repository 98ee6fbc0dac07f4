"""The stage funnel of the leads created in a period: where they are now, how
many reached each stage, the share that went on to the next, where the lost
ones dropped out, and the median days a stay in each stage lasted.

A lead reached a stage when it was ever there or further along (a lead may
skip a stage); Lost is outside the ladder. Only finished stays count towards
the median: a lead still in a stage has not shown how long it stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from statistics import median
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sellerdesk.db import insight_tables as summary
from sellerdesk.insight.summary import LADDER
from sellerdesk.vocab import STAGES

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from sellerdesk.insight.scope import Scope

DAY_S = 86_400.0


@dataclass(frozen=True)
class Stage:
    stage: str
    now: int
    """Leads of the period in this stage now."""
    reached: int
    """Leads that were in this stage, or further along, at some point."""
    to_next: float | None
    """Of those, the share that reached the next stage (None after the last)."""
    lost_from: int
    """Leads lost straight from this stage."""
    median_days: float | None
    """Median length of a finished stay in this stage, in days."""
    stays: int
    """How many finished stays the median is taken over."""

    @property
    def label(self) -> str:
        return STAGES.label(self.stage)

    def to_json(self) -> dict[str, Any]:
        return {
            "stage": self.stage,
            "label": self.label,
            "now": self.now,
            "reached": self.reached,
            "to_next": self.to_next,
            "lost_from": self.lost_from,
            "median_days": self.median_days,
            "stays": self.stays,
        }


@dataclass(frozen=True)
class Funnel:
    leads: int
    stages: tuple[Stage, ...]  # the ladder, then Lost

    def stage(self, key: str) -> Stage:
        return next(stage for stage in self.stages if stage.stage == key)

    def to_json(self) -> dict[str, Any]:
        return {"leads": self.leads, "stages": [stage.to_json() for stage in self.stages]}


def build(conn: Connection, scope: Scope) -> Funnel:
    leads, stays = summary.insight_leads.c, summary.insight_stays.c
    stmt = select(stays.lead_id, stays.stage, stays.entered_at, stays.left_at).join_from(
        summary.insight_leads, summary.insight_stays, stays.lead_id == leads.lead_id
    )
    stmt = scope.narrow(scope.in_period(stmt, leads.created_at), leads.lead_id)
    rows = conn.execute(stmt.order_by(stays.lead_id, stays.entered_at, stays.id))
    return tally(list(group) for _, group in groupby(rows, key=lambda row: row[0]))


def tally(timelines: Any) -> Funnel:
    """The funnel from each lead's stays, (lead_id, stage, entered_at, left_at), oldest first."""
    rank = {stage: n for n, stage in enumerate(LADDER)}
    keys = (*LADDER, "lost")
    now = dict.fromkeys(keys, 0)
    reached = dict.fromkeys(keys, 0)
    lost_from = dict.fromkeys(keys, 0)
    lengths: dict[str, list[float]] = {key: [] for key in keys}
    count = 0
    for stays in timelines:
        count += 1
        now[stays[-1][1]] = now.get(stays[-1][1], 0) + 1
        furthest = max((rank[s[1]] for s in stays if s[1] in rank), default=-1)
        for stage in LADDER[: furthest + 1]:
            reached[stage] += 1
        was_lost = False
        for before, stay in zip((None, *stays), stays, strict=False):
            _, stage, entered, left = stay
            if left is not None and stage in lengths:
                lengths[stage].append((left - entered).total_seconds() / DAY_S)
            if stage == "lost" and not was_lost:
                was_lost = True
                reached["lost"] += 1
                if before is not None and before[1] in lost_from:
                    lost_from[before[1]] += 1
    out = []
    for n, key in enumerate(keys):
        following = LADDER[n + 1] if n + 1 < len(LADDER) else None
        to_next = (
            round(reached[following] / reached[key], 4)
            if following is not None and reached[key]
            else None
        )
        out.append(
            Stage(
                stage=key,
                now=now[key],
                reached=reached[key],
                to_next=to_next,
                lost_from=lost_from[key],
                median_days=round(median(lengths[key]), 2) if lengths[key] else None,
                stays=len(lengths[key]),
            )
        )
    return Funnel(count, tuple(out))
