"""`sellerdesk order ...`: create (with the client's yes), status, list, show,
requirements, feedback, complaint, check, walkthrough, cancel, dispute, note."""

from __future__ import annotations

from sellerdesk.cli.common import db_option, local_time, print_json, whole_number

STATUS_WORDS = "under review, in progress, delivered, revision, completed, cancelled"


def register(subparsers) -> None:
    common = db_option()
    order = subparsers.add_parser(
        "order", help="create orders (with the client's yes) and track them"
    )
    sub = order.add_subparsers(dest="order_command", metavar="ACTION", required=True)

    create = sub.add_parser(
        "create",
        parents=[common],
        help="create an order from a lead: needs the client's yes and every pre-check",
        description="Pre-filled from the lead's redesign script when it has one. --consent, "
        "--price and --due (or --delivery-days) are required; every missing one is named.",
    )
    create.add_argument("username")
    create.add_argument("--consent", metavar="TEXT", help="the client's yes, in their own words")
    create.add_argument("--price", metavar="AMOUNT", help="the agreed fixed price, e.g. 450")
    create.add_argument("--due", metavar="WHEN", help="delivery due: 7d, fri, 2026-12-01")
    create.add_argument("--delivery-days", metavar="N", help="agreed delivery time in days")
    create.add_argument("--number", metavar="N", help="Fiverr order number; none: a direct order")
    create.add_argument("--pages", nargs="+", metavar="PAGE", help="the agreed pages")
    create.add_argument("--design", metavar="TEXT", help="the one design direction")
    create.add_argument(
        "--confirm-scope",
        action="store_true",
        help="the client confirmed design direction, pages and focus (redesign step 8)",
    )
    create.add_argument(
        "--requirements",
        default="submitted",
        metavar="STATE",
        help="submitted (default), partial or incomplete",
    )
    create.add_argument("--notes", metavar="TEXT", help="what was agreed, for later")
    create.add_argument("--no-script", action="store_true", help="do not pre-fill from the script")
    create.add_argument(
        "--check", action="store_true", help="show the review summary and checks; save nothing"
    )
    create.set_defaults(handler=run_create)

    status = sub.add_parser("status", parents=[common], help=f"move an order: {STATUS_WORDS}")
    status.add_argument("number")
    status.add_argument("status", nargs="+")
    status.add_argument("--reason", default="", help="why (required to cancel)")
    status.set_defaults(handler=run_status)

    lst = sub.add_parser("list", parents=[common], help="orders, newest first")
    lst.add_argument("--status")
    lst.add_argument("--lead", metavar="USERNAME")
    lst.add_argument("--limit", type=whole_number(1, 1_000_000), default=100)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=run_list)

    show = sub.add_parser("show", parents=[common], help="an order, its checklist and history")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)

    req = sub.add_parser("requirements", parents=[common], help="record the requirements state")
    req.add_argument("number")
    req.add_argument("state", help="submitted, partial or incomplete")
    req.add_argument("--missing", default="", help="what is still missing (partial)")
    req.set_defaults(handler=run_requirements)

    fb = sub.add_parser("feedback", parents=[common], help="the client's feedback on an order")
    fb.add_argument("number")
    fb.add_argument("satisfaction", help="positive or negative")
    fb.add_argument("text", nargs="*", help="the client's words")
    fb.set_defaults(handler=run_feedback)

    complaint = sub.add_parser("complaint", parents=[common], help="open or close a complaint")
    complaint.add_argument("number")
    complaint.add_argument("action", choices=("open", "close"))
    complaint.add_argument("text", nargs="*")
    complaint.set_defaults(handler=run_complaint)

    check = sub.add_parser(
        "check", parents=[common], help="the job-order checklist: show, choose, tick"
    )
    check.add_argument("number")
    check.add_argument("item", nargs="*", help="item number, key or name; none: show the list")
    check.add_argument("--checklist", help="new or transferred (client), or after-sales")
    check.add_argument("--undo", action="store_true", help="untick the item")
    check.set_defaults(handler=run_check)

    walk = sub.add_parser(
        "walkthrough",
        parents=[common],
        help="after delivery: the client's confirmation of the after-sales walkthrough",
        description="Seed 001: control panel training, email set-up for third-party access "
        "and any meeting the client needs, then the client confirms the walkthrough in chat. "
        "Tick the items first (order check NUMBER ITEM --checklist after-sales).",
    )
    walk.add_argument("number")
    walk.add_argument("words", nargs="+", help="the client's confirmation, in their words")
    walk.set_defaults(handler=run_walkthrough)

    due = sub.add_parser("due", parents=[common], help="move the delivery date (an extension)")
    due.add_argument("number")
    due.add_argument("when", nargs="+", help="3d, fri, 2026-12-01")
    due.set_defaults(handler=run_due)

    cancel = sub.add_parser("cancel", parents=[common], help="cancel an order, with the reason")
    cancel.add_argument("number")
    cancel.add_argument("--reason", required=True)
    cancel.set_defaults(handler=run_cancel)

    dispute = sub.add_parser(
        "dispute",
        parents=[common],
        help="a price dispute: the client's yes, price, notes, response",
    )
    dispute.add_argument("number")
    dispute.add_argument("--objection", metavar="TEXT", help="record what the client said")
    dispute.set_defaults(handler=run_dispute)

    note = sub.add_parser("note", parents=[common], help="add a note to an order")
    note.add_argument("number")
    note.add_argument("text", nargs="+")
    note.set_defaults(handler=run_note)


# ------------------------------------------------------------ create


def build_draft(ctx, lead_id: int):
    from sellerdesk.orders.fields import parse_days, parse_due, parse_price
    from sellerdesk.orders.gate import Draft
    from sellerdesk.orders.items import REQUIREMENTS
    from sellerdesk.orders.prefill import prefill

    a = ctx.args
    draft = Draft() if a.no_script else prefill(ctx.db, lead_id)
    sources = dict(draft.sources)
    changes: dict = {"consent": a.consent or "", "number": a.number or "", "notes": a.notes or ""}
    changes["requirements"] = REQUIREMENTS.parse(a.requirements)
    if a.price is not None:
        changes["price_cents"] = parse_price(a.price)
        sources["price"] = "hand"
    if a.delivery_days is not None:
        changes["delivery_days"] = parse_days(a.delivery_days)
        sources["delivery"] = "hand"
    if a.due is not None:
        changes["due_at"] = parse_due(a.due)
        sources["delivery"] = "hand"
    if a.pages:
        changes["pages"] = ", ".join(p.strip(" ,") for p in a.pages if p.strip(" ,"))
        sources["pages"] = "hand"
    if a.design is not None:
        changes["design_direction"] = a.design
    if a.confirm_scope and not draft.scope_confirmed:
        changes["scope_confirmed"] = True
        sources["scope"] = "hand"
    return draft.with_changes(sources=tuple(sources.items()), **changes)


def _print_rows(rows) -> None:
    for label, value in rows:
        print(f"{label:<17} {value}")


def run_create(ctx) -> int:
    import sys

    from sellerdesk import clock, leads
    from sellerdesk.orders import gate, summary
    from sellerdesk.orders.store import create_order

    lead = leads.get_lead(ctx.db, ctx.args.username)
    draft = build_draft(ctx, lead.id)
    if ctx.args.check:
        _print_rows(summary.draft_rows(draft, lead.username))
        print()
        for label, ok, detail in summary.check_rows(draft):
            print(f"  [{'x' if ok else ' '}] {label}: {detail}")
        limits = ctx.settings.limits
        problems = gate.review(
            draft,
            clock.now(),
            max_price_cents=limits.offer_max_price * 100,
            max_days=limits.offer_max_days,
        )
        for problem in problems:
            print(f"sellerdesk: {problem}", file=sys.stderr)
        return 1 if problems else 0
    order = create_order(ctx.db, lead.username, draft, settings=ctx.settings)
    from sellerdesk.vocab import STAGES

    stage = STAGES.label(leads.get_lead(ctx.db, order.username).stage)
    print(f"Created order {order.number} for {order.username}; the lead is now {stage}.")
    _print_rows(summary.order_rows(order))
    print()
    print(f"Next: send the next steps: sellerdesk copy order.next_steps --lead {order.username}")
    if order.requirements != "submitted":
        from sellerdesk.orders.requirements import template_for

        print(
            f"Requirements are {order.requirements}: sellerdesk copy "
            f"{template_for(order.requirements)} --lead {order.username}"
        )
    return 0


# ------------------------------------------------------------ the rest


def run_status(ctx) -> int:
    from sellerdesk.orders.status import set_status

    a = ctx.args
    order = set_status(ctx.db, a.number, " ".join(a.status), reason=a.reason)
    print(f"Order {order.number} is now {order.status_label}.")
    return 0


def run_list(ctx) -> int:
    from sellerdesk.orders.items import REQUIREMENTS, STATUSES
    from sellerdesk.orders.store import list_orders

    a = ctx.args
    rows = list_orders(ctx.db, status=a.status, username=a.lead, limit=a.limit)
    if a.json:
        print_json([row.to_json() for row in rows])
        return 0
    if not rows:
        print("No orders.")
        return 0
    for row in rows:
        due = local_time(row.delivery_due_at, with_time=False)
        print(
            f"{row.number:<18} {row.username:<20} {STATUSES.label(row.status):<20} "
            f"{row.price:>10}  due {due:<10}  requirements {REQUIREMENTS.label(row.requirements)}"
        )
    return 0


def run_show(ctx) -> int:
    from sellerdesk.orders import checklists, disputes, summary

    order_view = disputes.view(ctx.db, ctx.args.number)
    order = order_view.order
    checklist, items = checklists.checklist_of(ctx.db, order.number)
    after = checklists.after_sales_of(ctx.db, order.number)
    if ctx.args.json:
        data = order.to_json()
        data["checklist"] = checklist.key if checklist else None
        data["checks"] = [item.to_json() for item in items]
        data["after_sales"] = [item.to_json() for item in after]
        data["history"] = [event.to_json() for event in order_view.history]
        print_json(data)
        return 0
    _print_rows(summary.order_rows(order))
    if checklist is not None:
        print()
        print(checklist.title)
        _print_checks(items)
    if after:
        print()
        print(f"{checklists.AFTER_SALES.title}: {_walkthrough_state(order)}")
        _print_checks(after)
    print()
    print("History")
    for event in order_view.history:
        print(f"  {local_time(event.at)}  {event.author:<10} {event.body}")
    return 0


def _print_checks(items) -> None:
    for number, item in enumerate(items, 1):
        who = f"  ({item.done_by}, {local_time(item.done_at)})" if item.done else ""
        print(f"  {number}. [{'x' if item.done else ' '}] {item.label}{who}")


def run_requirements(ctx) -> int:
    from sellerdesk.orders.items import REQUIREMENTS
    from sellerdesk.orders.requirements import set_requirements, template_for

    a = ctx.args
    order = set_requirements(ctx.db, a.number, a.state, missing=a.missing)
    label = REQUIREMENTS.label(order.requirements).lower()
    print(f"Order {order.number}: requirements {label}.")
    print(f"Message: sellerdesk copy {template_for(order.requirements)} --lead {order.username}")
    if order.requirements != "submitted":
        print("A reminder follow-up is planned until they are complete.")
    return 0


def run_feedback(ctx) -> int:
    from sellerdesk.orders.feedback import record_feedback

    a = ctx.args
    order = record_feedback(ctx.db, a.number, a.satisfaction, " ".join(a.text))
    print(f"Order {order.number}: {order.satisfaction} feedback recorded.")
    return 0


def run_complaint(ctx) -> int:
    from sellerdesk.orders.feedback import set_complaint

    a = ctx.args
    order = set_complaint(ctx.db, a.number, a.action == "open", " ".join(a.text))
    print(f"Order {order.number}: complaint {'opened' if order.complaint_open else 'closed'}.")
    return 0


def run_check(ctx) -> int:
    from sellerdesk.orders import checklists
    from sellerdesk.orders.job_order import parse_checklist

    a = ctx.args
    chosen = parse_checklist(a.checklist, after_sales=True) if a.checklist else None
    if a.item:
        done = checklists.tick(
            ctx.db, a.number, " ".join(a.item), done=not a.undo, checklist=a.checklist
        )
        print(f"{'Ticked' if done.done else 'Unticked'}: {done.label}.")
    elif chosen is not None and chosen is not checklists.AFTER_SALES:
        checklists.start(ctx.db, a.number, a.checklist)
    if chosen is checklists.AFTER_SALES:
        print(checklists.AFTER_SALES.title)
        _print_checks(checklists.after_sales_of(ctx.db, a.number))
        return 0
    checklist, items = checklists.checklist_of(ctx.db, a.number)
    if checklist is None:
        print("No job-order checklist yet; choose one with --checklist new|transferred.")
        return 0
    print(checklist.title)
    _print_checks(items)
    return 0


def _walkthrough_state(order) -> str:
    if order.walkthrough_at is not None:
        return "walkthrough confirmed by the client"
    return f"waiting for the client's confirmation (sellerdesk order walkthrough {order.number})"


def run_walkthrough(ctx) -> int:
    from sellerdesk.orders.after_sales import confirm_walkthrough

    order = confirm_walkthrough(ctx.db, ctx.args.number, " ".join(ctx.args.words))
    print(f'Order {order.number}: walkthrough confirmed: "{order.walkthrough_text}".')
    return 0


def run_due(ctx) -> int:
    from sellerdesk.followups.when import describe
    from sellerdesk.orders.deliveries import move_due
    from sellerdesk.orders.fields import parse_due

    order = move_due(ctx.db, ctx.args.number, parse_due(" ".join(ctx.args.when)))
    print(f"Order {order.number}: delivery due {describe(order.delivery_due_at, False)}.")
    return 0


def run_cancel(ctx) -> int:
    from sellerdesk.orders.status import cancel_order

    order = cancel_order(ctx.db, ctx.args.number, ctx.args.reason)
    print(f"Order {order.number} cancelled: {order.cancel_reason}")
    return 0


def run_dispute(ctx) -> int:
    from sellerdesk.orders import disputes
    from sellerdesk.orders.notes import record_objection

    a = ctx.args
    if a.objection:
        record_objection(ctx.db, a.number, a.objection)
    view = disputes.view(ctx.db, a.number)
    order = view.order
    print(f"Price dispute on order {order.number} ({order.username})")
    print(f'Client\'s yes    "{order.consent_text}"  ({local_time(order.consent_at)})')
    print(f"Agreed price    {order.price}")
    print(f"Scope           {order.pages or '—'}; design: {order.design_direction or '—'}")
    print("Notes")
    for line in (order.notes or "(none)").splitlines():
        print(f"  {line}")
    print("Response")
    for number, (step, how) in enumerate(view.response, 1):
        print(f"  {number}. {step}: {how}")
    print(f"To cancel: sellerdesk order cancel {order.number} --reason TEXT")
    return 0


def run_note(ctx) -> int:
    from sellerdesk.orders.notes import add_note

    order = add_note(ctx.db, ctx.args.number, " ".join(ctx.args.text))
    print(f"Noted on order {order.number}.")
    return 0
