"""The stage funnel of the leads created in a period: where they are now, how
many reached each stage, the share that went on to the next, where the lost
ones dropped out, and the median days a stay in each stage lasted.

A lead reached a stage when it was ever there or further along (a lead may
skip a stage); Lost is outside the ladder. Only finished stays count towards
the median: a lead still in a stage has not shown how long it stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

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
    leads = summary.insight_leads.c
    groups = (
        select(leads.stage, leads.furthest, leads.lost_from, func.count())
        .where(*scope.conditions())
        .group_by(leads.stage, leads.furthest, leads.lost_from)
    )
    return tally(
        conn.execute(scope.in_period(groups, leads.created_at)).all(), _medians(conn, scope)
    )


def _medians(conn: Connection, scope: Scope) -> dict[str, tuple[float, int]]:
    """Per stage: the median length of a finished stay, in days, and how many there were."""
    stays = summary.insight_stays.c
    stmt = scope.narrow(
        scope.in_period(select(stays.stage, stays.seconds), stays.created_at), stays.lead_id
    )
    lengths: dict[str, list[int]] = {}
    for stage, seconds in conn.execute(stmt):
        lengths.setdefault(stage, []).append(seconds)
    return {stage: (median(values) / DAY_S, len(values)) for stage, values in lengths.items()}


def tally(groups: Any, medians: dict[str, tuple[float, int]]) -> Funnel:
    """The funnel from (stage now, furthest stage reached, lost from, leads) groups."""
    keys = (*LADDER, "lost")
    now = dict.fromkeys(keys, 0)
    reached = dict.fromkeys(keys, 0)
    lost_from = dict.fromkeys(keys, 0)
    count = 0
    for stage, furthest, lost_at, leads in groups:
        count += leads
        now[stage] = now.get(stage, 0) + leads
        for key in LADDER[: furthest + 1]:
            reached[key] += leads
        if stage == "lost" or lost_at is not None:
            reached["lost"] += leads
        if lost_at in lost_from:
            lost_from[lost_at] += leads
    out = []
    for n, key in enumerate(keys):
        following = LADDER[n + 1] if n + 1 < len(LADDER) else None
        to_next = (
            round(reached[following] / reached[key], 4)
            if following is not None and reached[key]
            else None
        )
        days, stays = medians.get(key, (None, 0))
        out.append(
            Stage(
                stage=key,
                now=now[key],
                reached=reached[key],
                to_next=to_next,
                lost_from=lost_from[key],
                median_days=None if days is None else round(days, 2),
                stays=stays,
            )
        )
    return Funnel(count, tuple(out))
