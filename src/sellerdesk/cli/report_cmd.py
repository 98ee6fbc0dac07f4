"""`sellerdesk report`: every insight figure in the shell, as text or JSON.

The figures are the insight screen's (`sellerdesk.insight.report.build`).
Names that come from the book or from template files (usernames, owners,
template titles) are printed with control characters made visible, and the
JSON escapes them, so nothing stored can reach the terminal as a command.
"""

from __future__ import annotations

import json
import sys
import textwrap

from sellerdesk.cli.common import db_option


def register(subparsers) -> None:
    report = subparsers.add_parser(
        "report",
        parents=[db_option()],
        help="how the business is doing: targets, funnel, first replies, messages, orders",
    )
    report.add_argument(
        "--since",
        metavar="DATE",
        default="90d",
        help="first day counted: 2026-09-01, a span back from today (30d, 12w, 6m) "
        "or all (default 90d)",
    )
    report.add_argument("--owner", metavar="NAME", help="only leads owned by NAME")
    report.add_argument(
        "--project-type", metavar="TYPE", help="only leads of this project type (e.g. redesign)"
    )
    report.add_argument(
        "--json", action="store_true", help="print every figure as JSON (docs/report.schema.json)"
    )
    report.set_defaults(handler=run_report)


def run_report(ctx) -> int:
    from sellerdesk.insight import report
    from sellerdesk.insight.scope import Scope, clean_owner, parse_project_type, parse_since

    scope = Scope(
        parse_since(ctx.args.since),
        owner=clean_owner(ctx.args.owner),
        project_type=parse_project_type(ctx.args.project_type),
    )
    insight = report.build(ctx.db, ctx.settings, scope)
    if ctx.args.json:
        sys.stdout.write(json_text(insight.to_json()) + "\n")
    else:
        print("\n".join(render(insight)))
    return 0


def json_text(data) -> str:
    # JSON escapes C0 controls itself; C1 controls and DEL are escaped here too.
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return "".join(f"\\u{ord(ch):04x}" if 0x7F <= ord(ch) <= 0x9F else ch for ch in text)


def render(insight) -> list[str]:
    from sellerdesk.insight.show import scope_line

    lines = [f"Report for {scope_line(insight.scope)}"]
    for section in (_targets, _funnel, _replies, _messages, _orders):
        lines.append("")
        lines.extend(section(insight))
    return lines


def _targets(insight) -> list[str]:
    from sellerdesk.insight.show import TARGET_LABELS

    figure = insight.targets
    goal = " · ".join(f"{TARGET_LABELS[k].lower()} {v}" for k, v in figure.targets.items())
    lines = [
        f"Daily targets, last {len(figure.days)} days (a day's target: {goal})",
        f"  {'day':<10}  {'new':>5}  {'follow-ups':>10}  {'referral':>8}",
    ]
    for day in figure.days:
        new, follow, referral = (day.counts[k] for k in figure.targets)
        mark = "  today" if day is figure.today else ""
        lines.append(f"  {day.day.isoformat():<10}  {new:>5}  {follow:>10}  {referral:>8}{mark}")
    met = " · ".join(
        f"{TARGET_LABELS[k].lower()} {figure.met(k)}/{len(figure.days)}" for k in figure.targets
    )
    lines.append(f"  Days on target: {met}")
    return lines


def _funnel(insight) -> list[str]:
    from sellerdesk.insight.show import days, percent

    figure = insight.funnel
    lines = [
        f"Funnel: {figure.leads} lead{'s' if figure.leads != 1 else ''} created in the period",
        f"  {'stage':<12}  {'now':>5}  {'reached':>7}  {'on to next':>10}  {'lost here':>9}  "
        "median days in stage",
    ]
    for stage in figure.stages:
        plural = "s" if stage.stays != 1 else ""
        median = f"{days(stage.median_days)} ({stage.stays} stay{plural})" if stage.stays else "—"
        lines.append(
            f"  {stage.label:<12}  {stage.now:>5}  {stage.reached:>7}  "
            f"{percent(stage.to_next):>10}  {stage.lost_from:>9}  {median}"
        )
    return lines


def _replies(insight) -> list[str]:
    from sellerdesk.insight.show import percent

    figure = insight.replies
    rate = figure.response_rate
    lines = [f"First replies: {figure.inquiries} Fiverr inbox inquiries created in the period"]
    width = max(len(bucket.label) for bucket in figure.buckets)
    for bucket in figure.buckets:
        share = "" if bucket.share is None else f"  {percent(bucket.share):>4}"
        lines.append(f"  {bucket.label:<{width}}  {bucket.count:>5}{share}")
    waiting = f"; {rate.waiting} still inside their {rate.hours} h" if rate.waiting else ""
    lines.append(
        f"  Response rate, last {rate.days} days, as Fiverr counts it: {percent(rate.rate)} "
        f"({rate.answered_in_time} of {rate.counted} answered within {rate.hours} h{waiting})"
    )
    return lines


def _messages(insight) -> list[str]:
    from sellerdesk.insight.show import NO_TEMPLATE, percent, visible, when

    figure = insight.messages
    used = [line for line in figure.lines if line.copies]
    lines = ["Messages copied in the period"]
    if not used:
        lines.append("  none")
    width = max([len(visible(line.template or NO_TEMPLATE)) for line in used] + [8])
    if used:
        lines.append(
            f"  {'template':<{width}}  {'copies':>6}  {'leads':>5}  {'ordered after':>13}  "
            f"{'share':>5}  {'last used':<16}  title"
        )
    for line in used:
        title = visible(line.title) if line.title else "(not in the library)"
        lines.append(
            f"  {visible(line.template or NO_TEMPLATE):<{width}}  {line.copies:>6}  "
            f"{line.leads:>5}  {line.ordered:>13}  {percent(line.share):>5}  "
            f"{when(line.last_used):<16}  {title}"
        )
    unused = ", ".join(visible(tid) for tid, _title in figure.unused) or "none"
    lines.extend(
        textwrap.wrap(
            f"Not copied in the last 90 days ({len(figure.unused)}): {unused}",
            width=100,
            initial_indent="  ",
            subsequent_indent="    ",
            break_on_hyphens=False,
        )
    )
    return lines


def _orders(insight) -> list[str]:
    from sellerdesk.insight.show import money, visible

    figure = insight.orders
    lines = [
        "Orders and referrals",
        f"  {'month':<7}  {'orders':>6}  {'cancelled':>9}  {'revenue':>10}  "
        f"{'rewards earned':>14}  {'redeemed':>8}",
    ]
    rows = [(m.month, m) for m in figure.months]
    for name, m in rows:
        lines.append(
            f"  {name:<7}  {m.orders:>6}  {m.cancelled:>9}  {money(m.revenue_cents):>10}  "
            f"{m.rewards_earned:>14}  {m.rewards_redeemed:>8}"
        )
    lines.append(
        f"  {'total':<7}  {figure.total('orders'):>6}  {figure.total('cancelled'):>9}  "
        f"{money(figure.total('revenue_cents')):>10}  {figure.total('rewards_earned'):>14}  "
        f"{figure.total('rewards_redeemed'):>8}"
    )
    lines.append(f"  Rewards owed now: {figure.rewards_owed}")
    top = "; ".join(
        f"{visible(r.username)} ({r.referred} referred, {r.earned} earned, {r.redeemed} redeemed)"
        for r in figure.top_referrers
    )
    lines.append(f"  Top referrers: {top or 'none in the period'}")
    return lines
