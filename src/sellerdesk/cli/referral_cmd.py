"""`sellerdesk referral record|redeem|gate` and `sellerdesk referrals` (the report)."""

from __future__ import annotations

from sellerdesk.cli.common import db_option, print_json


def register(subparsers) -> None:
    common = db_option()
    referral = subparsers.add_parser(
        "referral", help="record who referred a lead, redeem rewards, check the referral gate"
    )
    sub = referral.add_subparsers(dest="referral_command", metavar="ACTION", required=True)

    rec = sub.add_parser(
        "record",
        parents=[common],
        help="a new lead says who referred them (either may be new to the book)",
    )
    rec.add_argument("username", metavar="NEW_USERNAME")
    rec.add_argument("--by", required=True, metavar="REFERRER", help="the referrer's username")
    rec.set_defaults(handler=run_record)

    redeem = sub.add_parser(
        "redeem", parents=[common], help="use the referrer's oldest earned reward"
    )
    redeem.add_argument("referrer", metavar="REFERRER")
    redeem.add_argument("--note", default="", metavar="TEXT", help="e.g. which order it went to")
    redeem.set_defaults(handler=run_redeem)

    gate = sub.add_parser(
        "gate", parents=[common], help="may this lead be asked for a referral now, and if not why"
    )
    gate.add_argument("username")
    gate.set_defaults(handler=run_gate)

    report = subparsers.add_parser(
        "referrals",
        parents=[common],
        help="per referrer: who they brought, rewards owed and redeemed; totals",
    )
    report.add_argument("--json", action="store_true")
    report.set_defaults(handler=run_report)


def run_record(ctx) -> int:
    from sellerdesk.referrals.recording import record_referral

    got = record_referral(ctx.db, ctx.args.username, ctx.args.by, settings=ctx.settings)
    r = got.referral
    print(f"Recorded: {r.referred} was referred by {r.referrer}.")
    if got.created_referred:
        print(f"  {r.referred} added as a new lead (source Referral).")
    if got.created_referrer:
        print(f"  {r.referrer} added as a past client.")
    print(f'  {r.referred}: label Referral, note "Referred by: {r.referrer}".')
    if r.status == "earned":
        print(f"  {r.referred} has an order already: {r.referrer} has earned {r.reward}.")
    else:
        print(f"  {r.referrer} earns {r.reward} when {r.referred} places an order.")
    return 0


def run_redeem(ctx) -> int:
    from sellerdesk.referrals.earning import redeem

    r = redeem(ctx.db, ctx.args.referrer, ctx.args.note)
    print(f"Redeemed {r.referrer}'s reward for referring {r.referred}: {r.reward}.")
    return 0


def run_gate(ctx) -> int:
    from sellerdesk import leads
    from sellerdesk.referrals.guard import lead_gate

    lead = leads.get_lead(ctx.db, ctx.args.username)
    gate = lead_gate(ctx.db, lead.id)
    for condition in gate.conditions:
        mark = "yes" if condition.ok else "NO "
        detail = f" — {condition.detail}" if condition.detail else ""
        print(f"  {mark}  {condition.label}{detail}")
    if gate.holds:
        print(f"{lead.username} may be asked for a referral now.")
        return 0
    print(f"Do not ask {lead.username} for a referral yet.")
    return 1


def run_report(ctx) -> int:
    from sellerdesk.referrals.report import build

    report = build(ctx.db)
    if ctx.args.json:
        print_json(report.to_json())
        return 0
    if not report.lines:
        print("No referrals recorded yet.")
        print("Record one with: sellerdesk referral record NEW_USERNAME --by REFERRER")
        _print_untracked(report)
        return 0
    width = max(len("Referrer"), *(len(line.referrer) for line in report.lines))
    print(f"{'Referrer':<{width}}  {'Brought':>7}  {'Pending':>7}  {'Owed':>4}  {'Redeemed':>8}")
    for line in report.lines:
        print(
            f"{line.referrer:<{width}}  {len(line.referrals):>7}  {line.pending:>7}  "
            f"{line.owed:>4}  {line.redeemed:>8}"
        )
        for r in line.referrals:
            print(f"{'':<{width}}    {r.referred} ({r.status})")
    t = report.totals
    print(
        f"{'Total':<{width}}  {t['referred']:>7}  {t['pending']:>7}  "
        f"{t['owed']:>4}  {t['redeemed']:>8}"
    )
    owed = [(line.referrer, reward) for line in report.lines for reward in line.owed_rewards]
    if owed:
        print("\nRewards owed:")
        for who, reward in owed:
            print(f"  {who}: {reward}")
    _print_untracked(report)
    return 0


def _print_untracked(report) -> None:
    if not report.untracked:
        return
    print("\nReferred by on the record but not tracked (no reward until recorded):")
    for item in report.untracked:
        print(
            f"  {item.username} (by {item.referred_by}): "
            f"sellerdesk referral record {item.username} --by {item.referred_by}"
        )
