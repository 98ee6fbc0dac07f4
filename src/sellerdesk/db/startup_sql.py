"""The SQLite and PostgreSQL SQL of the statements read without SQLAlchemy:
the home screen's first look and `sellerdesk today` (see `sellerdesk.db.statements`).

Generated from the SQLAlchemy statements by `sellerdesk.gen_statements`;
do not edit by hand. A test regenerates it and fails on any difference.
"""

from sellerdesk.db.statements import Compiled

STATEMENTS = {
    ("search.first_page",): Compiled(
        sql=(
            "SELECT leads.id, leads.username, leads.display_name, leads.stage, leads.website, "
            "leads.next_followup_at, leads.last_messaged_at, leads.do_not_contact, "
            "leads.updated_at \n"
            "FROM leads ORDER BY leads.updated_at DESC, leads.id DESC\n"
            " LIMIT :limit OFFSET :param_1"
        ),
        constants={
            "param_1": 0,
        },
        params={
            "limit": "",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "utc"),
    ),
    ("search.count_all",): Compiled(
        sql=(
            "SELECT count(*) AS count_1 \n"
            "FROM leads"
        ),
        constants={},
        params={},
        columns=("",),
    ),
    ("search.labels",): Compiled(
        sql=(
            "SELECT min(lead_labels.label) AS min_1 \n"
            "FROM lead_labels GROUP BY lead_labels.label_key ORDER BY lead_labels.label_key"
        ),
        constants={},
        params={},
        columns=("",),
    ),
    ("queue.dnc_with_plans",): Compiled(
        sql=(
            "SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 1 AND leads.next_followup_at IS NOT NULL\n"
            " LIMIT :param_1 OFFSET :param_2"
        ),
        constants={
            "param_1": 1,
            "param_2": 0,
        },
        params={},
        columns=("",),
    ),
    ("queue.lane_counts", False, False): Compiled(
        sql=(
            "SELECT (SELECT count(*) AS count_1 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_1, :param_2) AND followups.due_at < :start) + "
            "(SELECT count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_3, :param_4) AND followups.due_at >= :start AND "
            "followups.due_at < :now AND followups.has_time = 1) AS overdue, (SELECT count(*) AS "
            "count_3 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_5, :param_6) AND followups.due_at >= :start AND "
            "followups.due_at < :tomorrow) - (SELECT count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_3, :param_4) AND followups.due_at >= :start AND "
            "followups.due_at < :now AND followups.has_time = 1) AS today, (SELECT count(*) AS "
            "count_4 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_7, :param_8) AND followups.due_at >= :tomorrow AND "
            "followups.due_at < :week_end) AS upcoming"
        ),
        constants={
            "param_1": "open",
            "param_2": "snoozed",
            "param_3": "open",
            "param_4": "snoozed",
            "param_5": "open",
            "param_6": "snoozed",
            "param_7": "open",
            "param_8": "snoozed",
        },
        params={
            "start": "utc",
            "now": "utc",
            "tomorrow": "utc",
            "week_end": "utc",
        },
        columns=("", "", ""),
    ),
    ("queue.lane_counts", True, False): Compiled(
        sql=(
            "SELECT (SELECT count(*) AS count_1 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_1, :param_2) AND followups.due_at < :start AND "
            "(followups.lead_id NOT IN (SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 1 AND leads.next_followup_at IS NOT NULL))) + (SELECT "
            "count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_3, :param_4) AND followups.due_at >= :start AND "
            "followups.due_at < :now AND followups.has_time = 1 AND (followups.lead_id NOT IN "
            "(SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 1 AND leads.next_followup_at IS NOT NULL))) AS overdue, "
            "(SELECT count(*) AS count_3 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_5, :param_6) AND followups.due_at >= :start AND "
            "followups.due_at < :tomorrow AND (followups.lead_id NOT IN (SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 1 AND leads.next_followup_at IS NOT NULL))) - (SELECT "
            "count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_3, :param_4) AND followups.due_at >= :start AND "
            "followups.due_at < :now AND followups.has_time = 1 AND (followups.lead_id NOT IN "
            "(SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 1 AND leads.next_followup_at IS NOT NULL))) AS today, "
            "(SELECT count(*) AS count_4 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_7, :param_8) AND followups.due_at >= :tomorrow AND "
            "followups.due_at < :week_end AND (followups.lead_id NOT IN (SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 1 AND leads.next_followup_at IS NOT NULL))) AS upcoming"
        ),
        constants={
            "param_1": "open",
            "param_2": "snoozed",
            "param_3": "open",
            "param_4": "snoozed",
            "param_5": "open",
            "param_6": "snoozed",
            "param_7": "open",
            "param_8": "snoozed",
        },
        params={
            "start": "utc",
            "now": "utc",
            "tomorrow": "utc",
            "week_end": "utc",
        },
        columns=("", "", ""),
    ),
    ("queue.lane_counts", False, True): Compiled(
        sql=(
            "SELECT (SELECT count(*) AS count_1 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_1, :param_2) AND (followups.assignee_key = "
            "lower(:me) OR followups.assignee_key IS NULL) AND followups.due_at < :start) + "
            "(SELECT count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_3, :param_4) AND (followups.assignee_key = "
            "lower(:me) OR followups.assignee_key IS NULL) AND followups.due_at >= :start AND "
            "followups.due_at < :now AND followups.has_time = 1) AS overdue, (SELECT count(*) AS "
            "count_3 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_5, :param_6) AND (followups.assignee_key = "
            "lower(:me) OR followups.assignee_key IS NULL) AND followups.due_at >= :start AND "
            "followups.due_at < :tomorrow) - (SELECT count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_3, :param_4) AND (followups.assignee_key = "
            "lower(:me) OR followups.assignee_key IS NULL) AND followups.due_at >= :start AND "
            "followups.due_at < :now AND followups.has_time = 1) AS today, (SELECT count(*) AS "
            "count_4 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_7, :param_8) AND (followups.assignee_key = "
            "lower(:me) OR followups.assignee_key IS NULL) AND followups.due_at >= :tomorrow AND "
            "followups.due_at < :week_end) AS upcoming"
        ),
        constants={
            "param_1": "open",
            "param_2": "snoozed",
            "param_3": "open",
            "param_4": "snoozed",
            "param_5": "open",
            "param_6": "snoozed",
            "param_7": "open",
            "param_8": "snoozed",
        },
        params={
            "me": "",
            "start": "utc",
            "now": "utc",
            "tomorrow": "utc",
            "week_end": "utc",
        },
        columns=("", "", ""),
    ),
    ("queue.lane_counts", True, True): Compiled(
        sql=(
            "SELECT (SELECT count(*) AS count_1 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_1, :param_2) AND (followups.assignee_key = "
            "lower(:me) OR followups.assignee_key IS NULL) AND followups.due_at < :start AND "
            "(followups.lead_id NOT IN (SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 1 AND leads.next_followup_at IS NOT NULL))) + (SELECT "
            "count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_3, :param_4) AND (followups.assignee_key = "
            "lower(:me) OR followups.assignee_key IS NULL) AND followups.due_at >= :start AND "
            "followups.due_at < :now AND followups.has_time = 1 AND (followups.lead_id NOT IN "
            "(SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 1 AND leads.next_followup_at IS NOT NULL))) AS overdue, "
            "(SELECT count(*) AS count_3 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_5, :param_6) AND (followups.assignee_key = "
            "lower(:me) OR followups.assignee_key IS NULL) AND followups.due_at >= :start AND "
            "followups.due_at < :tomorrow AND (followups.lead_id NOT IN (SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 1 AND leads.next_followup_at IS NOT NULL))) - (SELECT "
            "count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_3, :param_4) AND (followups.assignee_key = "
            "lower(:me) OR followups.assignee_key IS NULL) AND followups.due_at >= :start AND "
            "followups.due_at < :now AND followups.has_time = 1 AND (followups.lead_id NOT IN "
            "(SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 1 AND leads.next_followup_at IS NOT NULL))) AS today, "
            "(SELECT count(*) AS count_4 \n"
            "FROM followups \n"
            "WHERE followups.status IN (:param_7, :param_8) AND (followups.assignee_key = "
            "lower(:me) OR followups.assignee_key IS NULL) AND followups.due_at >= :tomorrow AND "
            "followups.due_at < :week_end AND (followups.lead_id NOT IN (SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 1 AND leads.next_followup_at IS NOT NULL))) AS upcoming"
        ),
        constants={
            "param_1": "open",
            "param_2": "snoozed",
            "param_3": "open",
            "param_4": "snoozed",
            "param_5": "open",
            "param_6": "snoozed",
            "param_7": "open",
            "param_8": "snoozed",
        },
        params={
            "me": "",
            "start": "utc",
            "now": "utc",
            "tomorrow": "utc",
            "week_end": "utc",
        },
        columns=("", "", ""),
    ),
    ("queue.lead_counts", False): Compiled(
        sql=(
            "SELECT (SELECT count(*) AS count_1 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_1 AND leads.last_messaged_at IS NULL AND "
            "leads.do_not_contact = 0 AND leads.source != :param_1) AS first_replies, (SELECT "
            "count(*) AS count_2 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_2 AND (leads.last_messaged_at IS NOT NULL OR leads.source = :param_2)) + "
            "(SELECT count(*) AS count_3 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_3) + (SELECT count(*) AS count_4 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_4) + (SELECT count(*) AS count_5 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_5) AS no_next_step, (SELECT count(*) AS count_6 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_6 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_new) + (SELECT count(*) AS count_7 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_7 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_qualified) + (SELECT count(*) AS count_8 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_8 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_hot_lead) + (SELECT count(*) AS count_9 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_9 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_offer_sent) + (SELECT count(*) AS count_10 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_10 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_ordered) + (SELECT count(*) AS count_11 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_11 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_in_progress) + (SELECT count(*) AS count_12 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_12 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_delivered) + (SELECT count(*) AS count_13 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_13 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_completed) + (SELECT count(*) AS count_14 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_14 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_lost) AS stale"
        ),
        constants={
            "stage_1": "new",
            "param_1": "imported",
            "stage_2": "new",
            "param_2": "imported",
            "stage_3": "qualified",
            "stage_4": "hot_lead",
            "stage_5": "offer_sent",
            "stage_6": "new",
            "stage_7": "qualified",
            "stage_8": "hot_lead",
            "stage_9": "offer_sent",
            "stage_10": "ordered",
            "stage_11": "in_progress",
            "stage_12": "delivered",
            "stage_13": "completed",
            "stage_14": "lost",
        },
        params={
            "cutoff_new": "utc",
            "cutoff_qualified": "utc",
            "cutoff_hot_lead": "utc",
            "cutoff_offer_sent": "utc",
            "cutoff_ordered": "utc",
            "cutoff_in_progress": "utc",
            "cutoff_delivered": "utc",
            "cutoff_completed": "utc",
            "cutoff_lost": "utc",
        },
        columns=("", "", ""),
    ),
    ("queue.lead_counts", True): Compiled(
        sql=(
            "SELECT (SELECT count(*) AS count_1 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_1 AND leads.last_messaged_at IS NULL AND "
            "leads.do_not_contact = 0 AND leads.source != :param_1 AND (leads.owner_key = "
            "lower(:me) OR leads.owner_key IS NULL)) AS first_replies, (SELECT count(*) AS count_2 "
            "\n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_2 AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL) AND "
            "(leads.last_messaged_at IS NOT NULL OR leads.source = :param_2)) + (SELECT count(*) "
            "AS count_3 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_3 AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL)) + (SELECT "
            "count(*) AS count_4 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_4 AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL)) + (SELECT "
            "count(*) AS count_5 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_5 AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL)) AS "
            "no_next_step, (SELECT count(*) AS count_6 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_6 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_new AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL)) + (SELECT "
            "count(*) AS count_7 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_7 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_qualified AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL)) + "
            "(SELECT count(*) AS count_8 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_8 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_hot_lead AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL)) + "
            "(SELECT count(*) AS count_9 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_9 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_offer_sent AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL)) + "
            "(SELECT count(*) AS count_10 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_10 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_ordered AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL)) + "
            "(SELECT count(*) AS count_11 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_11 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_in_progress AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL)) + "
            "(SELECT count(*) AS count_12 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_12 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_delivered AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL)) + "
            "(SELECT count(*) AS count_13 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_13 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_completed AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL)) + "
            "(SELECT count(*) AS count_14 \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_14 AND leads.do_not_contact = 0 AND leads.stage_since < "
            ":cutoff_lost AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL)) AS stale"
        ),
        constants={
            "stage_1": "new",
            "param_1": "imported",
            "stage_2": "new",
            "param_2": "imported",
            "stage_3": "qualified",
            "stage_4": "hot_lead",
            "stage_5": "offer_sent",
            "stage_6": "new",
            "stage_7": "qualified",
            "stage_8": "hot_lead",
            "stage_9": "offer_sent",
            "stage_10": "ordered",
            "stage_11": "in_progress",
            "stage_12": "delivered",
            "stage_13": "completed",
            "stage_14": "lost",
        },
        params={
            "me": "",
            "cutoff_new": "utc",
            "cutoff_qualified": "utc",
            "cutoff_hot_lead": "utc",
            "cutoff_offer_sent": "utc",
            "cutoff_ordered": "utc",
            "cutoff_in_progress": "utc",
            "cutoff_delivered": "utc",
            "cutoff_completed": "utc",
            "cutoff_lost": "utc",
        },
        columns=("", "", ""),
    ),
    ("queue.lane", "overdue", False): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.lead_id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since, anon_1.due_at, anon_1.has_time, anon_1.reason, anon_1.template, "
            "anon_1.status, anon_1.assignee, anon_1.version \n"
            "FROM (SELECT anon_2.id AS id, anon_2.lead_id AS lead_id, anon_2.username AS username, "
            "anon_2.display_name AS display_name, anon_2.stage AS stage, anon_2.stage_since AS "
            "stage_since, anon_2.due_at AS due_at, anon_2.has_time AS has_time, anon_2.reason AS "
            "reason, anon_2.template AS template, anon_2.status AS status, anon_2.assignee AS "
            "assignee, anon_2.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND followups.status = :status_1 AND followups.due_at "
            "< :start ORDER BY followups.due_at, followups.id\n"
            " LIMIT :limit OFFSET :param_1) AS anon_2 UNION ALL SELECT anon_3.id AS id, "
            "anon_3.lead_id AS lead_id, anon_3.username AS username, anon_3.display_name AS "
            "display_name, anon_3.stage AS stage, anon_3.stage_since AS stage_since, anon_3.due_at "
            "AS due_at, anon_3.has_time AS has_time, anon_3.reason AS reason, anon_3.template AS "
            "template, anon_3.status AS status, anon_3.assignee AS assignee, anon_3.version AS "
            "version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND followups.status = :status_2 AND followups.due_at "
            "< :start ORDER BY followups.due_at, followups.id\n"
            " LIMIT :limit OFFSET :param_2) AS anon_3 UNION ALL SELECT anon_4.id AS id, "
            "anon_4.lead_id AS lead_id, anon_4.username AS username, anon_4.display_name AS "
            "display_name, anon_4.stage AS stage, anon_4.stage_since AS stage_since, anon_4.due_at "
            "AS due_at, anon_4.has_time AS has_time, anon_4.reason AS reason, anon_4.template AS "
            "template, anon_4.status AS status, anon_4.assignee AS assignee, anon_4.version AS "
            "version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND followups.status = :status_3 AND followups.due_at "
            ">= :start AND followups.due_at < :now AND followups.has_time = 1 ORDER BY "
            "followups.due_at, followups.id\n"
            " LIMIT :limit OFFSET :param_3) AS anon_4 UNION ALL SELECT anon_5.id AS id, "
            "anon_5.lead_id AS lead_id, anon_5.username AS username, anon_5.display_name AS "
            "display_name, anon_5.stage AS stage, anon_5.stage_since AS stage_since, anon_5.due_at "
            "AS due_at, anon_5.has_time AS has_time, anon_5.reason AS reason, anon_5.template AS "
            "template, anon_5.status AS status, anon_5.assignee AS assignee, anon_5.version AS "
            "version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND followups.status = :status_4 AND followups.due_at "
            ">= :start AND followups.due_at < :now AND followups.has_time = 1 ORDER BY "
            "followups.due_at, followups.id\n"
            " LIMIT :limit OFFSET :param_4) AS anon_5) AS anon_1 ORDER BY anon_1.due_at, "
            "anon_1.id\n"
            " LIMIT :limit OFFSET :param_5"
        ),
        constants={
            "status_1": "open",
            "param_1": 0,
            "status_2": "snoozed",
            "param_2": 0,
            "status_3": "open",
            "param_3": 0,
            "status_4": "snoozed",
            "param_4": 0,
            "param_5": 0,
        },
        params={
            "start": "utc",
            "limit": "",
            "now": "utc",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "", "", "", "", ""),
    ),
    ("queue.lane", "today", False): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.lead_id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since, anon_1.due_at, anon_1.has_time, anon_1.reason, anon_1.template, "
            "anon_1.status, anon_1.assignee, anon_1.version \n"
            "FROM (SELECT anon_2.id AS id, anon_2.lead_id AS lead_id, anon_2.username AS username, "
            "anon_2.display_name AS display_name, anon_2.stage AS stage, anon_2.stage_since AS "
            "stage_since, anon_2.due_at AS due_at, anon_2.has_time AS has_time, anon_2.reason AS "
            "reason, anon_2.template AS template, anon_2.status AS status, anon_2.assignee AS "
            "assignee, anon_2.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND followups.status = :status_1 AND followups.due_at "
            ">= :start AND followups.due_at < :tomorrow AND (followups.has_time = 0 OR "
            "followups.due_at >= :now) ORDER BY followups.due_at, followups.id\n"
            " LIMIT :limit OFFSET :param_1) AS anon_2 UNION ALL SELECT anon_3.id AS id, "
            "anon_3.lead_id AS lead_id, anon_3.username AS username, anon_3.display_name AS "
            "display_name, anon_3.stage AS stage, anon_3.stage_since AS stage_since, anon_3.due_at "
            "AS due_at, anon_3.has_time AS has_time, anon_3.reason AS reason, anon_3.template AS "
            "template, anon_3.status AS status, anon_3.assignee AS assignee, anon_3.version AS "
            "version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND followups.status = :status_2 AND followups.due_at "
            ">= :start AND followups.due_at < :tomorrow AND (followups.has_time = 0 OR "
            "followups.due_at >= :now) ORDER BY followups.due_at, followups.id\n"
            " LIMIT :limit OFFSET :param_2) AS anon_3) AS anon_1 ORDER BY anon_1.due_at, "
            "anon_1.id\n"
            " LIMIT :limit OFFSET :param_3"
        ),
        constants={
            "status_1": "open",
            "param_1": 0,
            "status_2": "snoozed",
            "param_2": 0,
            "param_3": 0,
        },
        params={
            "start": "utc",
            "tomorrow": "utc",
            "now": "utc",
            "limit": "",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "", "", "", "", ""),
    ),
    ("queue.lane", "upcoming", False): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.lead_id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since, anon_1.due_at, anon_1.has_time, anon_1.reason, anon_1.template, "
            "anon_1.status, anon_1.assignee, anon_1.version \n"
            "FROM (SELECT anon_2.id AS id, anon_2.lead_id AS lead_id, anon_2.username AS username, "
            "anon_2.display_name AS display_name, anon_2.stage AS stage, anon_2.stage_since AS "
            "stage_since, anon_2.due_at AS due_at, anon_2.has_time AS has_time, anon_2.reason AS "
            "reason, anon_2.template AS template, anon_2.status AS status, anon_2.assignee AS "
            "assignee, anon_2.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND followups.status = :status_1 AND followups.due_at "
            ">= :tomorrow AND followups.due_at < :week_end ORDER BY followups.due_at, "
            "followups.id\n"
            " LIMIT :limit OFFSET :param_1) AS anon_2 UNION ALL SELECT anon_3.id AS id, "
            "anon_3.lead_id AS lead_id, anon_3.username AS username, anon_3.display_name AS "
            "display_name, anon_3.stage AS stage, anon_3.stage_since AS stage_since, anon_3.due_at "
            "AS due_at, anon_3.has_time AS has_time, anon_3.reason AS reason, anon_3.template AS "
            "template, anon_3.status AS status, anon_3.assignee AS assignee, anon_3.version AS "
            "version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND followups.status = :status_2 AND followups.due_at "
            ">= :tomorrow AND followups.due_at < :week_end ORDER BY followups.due_at, "
            "followups.id\n"
            " LIMIT :limit OFFSET :param_2) AS anon_3) AS anon_1 ORDER BY anon_1.due_at, "
            "anon_1.id\n"
            " LIMIT :limit OFFSET :param_3"
        ),
        constants={
            "status_1": "open",
            "param_1": 0,
            "status_2": "snoozed",
            "param_2": 0,
            "param_3": 0,
        },
        params={
            "tomorrow": "utc",
            "week_end": "utc",
            "limit": "",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "", "", "", "", ""),
    ),
    ("queue.lane", "overdue", True): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.lead_id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since, anon_1.due_at, anon_1.has_time, anon_1.reason, anon_1.template, "
            "anon_1.status, anon_1.assignee, anon_1.version \n"
            "FROM (SELECT anon_2.id AS id, anon_2.lead_id AS lead_id, anon_2.username AS username, "
            "anon_2.display_name AS display_name, anon_2.stage AS stage, anon_2.stage_since AS "
            "stage_since, anon_2.due_at AS due_at, anon_2.has_time AS has_time, anon_2.reason AS "
            "reason, anon_2.template AS template, anon_2.status AS status, anon_2.assignee AS "
            "assignee, anon_2.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND (followups.assignee_key = lower(:me) OR "
            "followups.assignee_key IS NULL) AND followups.status = :status_1 AND followups.due_at "
            "< :start ORDER BY followups.due_at, followups.id\n"
            " LIMIT :limit OFFSET :param_1) AS anon_2 UNION ALL SELECT anon_3.id AS id, "
            "anon_3.lead_id AS lead_id, anon_3.username AS username, anon_3.display_name AS "
            "display_name, anon_3.stage AS stage, anon_3.stage_since AS stage_since, anon_3.due_at "
            "AS due_at, anon_3.has_time AS has_time, anon_3.reason AS reason, anon_3.template AS "
            "template, anon_3.status AS status, anon_3.assignee AS assignee, anon_3.version AS "
            "version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND (followups.assignee_key = lower(:me) OR "
            "followups.assignee_key IS NULL) AND followups.status = :status_2 AND followups.due_at "
            "< :start ORDER BY followups.due_at, followups.id\n"
            " LIMIT :limit OFFSET :param_2) AS anon_3 UNION ALL SELECT anon_4.id AS id, "
            "anon_4.lead_id AS lead_id, anon_4.username AS username, anon_4.display_name AS "
            "display_name, anon_4.stage AS stage, anon_4.stage_since AS stage_since, anon_4.due_at "
            "AS due_at, anon_4.has_time AS has_time, anon_4.reason AS reason, anon_4.template AS "
            "template, anon_4.status AS status, anon_4.assignee AS assignee, anon_4.version AS "
            "version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND (followups.assignee_key = lower(:me) OR "
            "followups.assignee_key IS NULL) AND followups.status = :status_3 AND followups.due_at "
            ">= :start AND followups.due_at < :now AND followups.has_time = 1 ORDER BY "
            "followups.due_at, followups.id\n"
            " LIMIT :limit OFFSET :param_3) AS anon_4 UNION ALL SELECT anon_5.id AS id, "
            "anon_5.lead_id AS lead_id, anon_5.username AS username, anon_5.display_name AS "
            "display_name, anon_5.stage AS stage, anon_5.stage_since AS stage_since, anon_5.due_at "
            "AS due_at, anon_5.has_time AS has_time, anon_5.reason AS reason, anon_5.template AS "
            "template, anon_5.status AS status, anon_5.assignee AS assignee, anon_5.version AS "
            "version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND (followups.assignee_key = lower(:me) OR "
            "followups.assignee_key IS NULL) AND followups.status = :status_4 AND followups.due_at "
            ">= :start AND followups.due_at < :now AND followups.has_time = 1 ORDER BY "
            "followups.due_at, followups.id\n"
            " LIMIT :limit OFFSET :param_4) AS anon_5) AS anon_1 ORDER BY anon_1.due_at, "
            "anon_1.id\n"
            " LIMIT :limit OFFSET :param_5"
        ),
        constants={
            "status_1": "open",
            "param_1": 0,
            "status_2": "snoozed",
            "param_2": 0,
            "status_3": "open",
            "param_3": 0,
            "status_4": "snoozed",
            "param_4": 0,
            "param_5": 0,
        },
        params={
            "me": "",
            "start": "utc",
            "limit": "",
            "now": "utc",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "", "", "", "", ""),
    ),
    ("queue.lane", "today", True): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.lead_id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since, anon_1.due_at, anon_1.has_time, anon_1.reason, anon_1.template, "
            "anon_1.status, anon_1.assignee, anon_1.version \n"
            "FROM (SELECT anon_2.id AS id, anon_2.lead_id AS lead_id, anon_2.username AS username, "
            "anon_2.display_name AS display_name, anon_2.stage AS stage, anon_2.stage_since AS "
            "stage_since, anon_2.due_at AS due_at, anon_2.has_time AS has_time, anon_2.reason AS "
            "reason, anon_2.template AS template, anon_2.status AS status, anon_2.assignee AS "
            "assignee, anon_2.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND (followups.assignee_key = lower(:me) OR "
            "followups.assignee_key IS NULL) AND followups.status = :status_1 AND followups.due_at "
            ">= :start AND followups.due_at < :tomorrow AND (followups.has_time = 0 OR "
            "followups.due_at >= :now) ORDER BY followups.due_at, followups.id\n"
            " LIMIT :limit OFFSET :param_1) AS anon_2 UNION ALL SELECT anon_3.id AS id, "
            "anon_3.lead_id AS lead_id, anon_3.username AS username, anon_3.display_name AS "
            "display_name, anon_3.stage AS stage, anon_3.stage_since AS stage_since, anon_3.due_at "
            "AS due_at, anon_3.has_time AS has_time, anon_3.reason AS reason, anon_3.template AS "
            "template, anon_3.status AS status, anon_3.assignee AS assignee, anon_3.version AS "
            "version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND (followups.assignee_key = lower(:me) OR "
            "followups.assignee_key IS NULL) AND followups.status = :status_2 AND followups.due_at "
            ">= :start AND followups.due_at < :tomorrow AND (followups.has_time = 0 OR "
            "followups.due_at >= :now) ORDER BY followups.due_at, followups.id\n"
            " LIMIT :limit OFFSET :param_2) AS anon_3) AS anon_1 ORDER BY anon_1.due_at, "
            "anon_1.id\n"
            " LIMIT :limit OFFSET :param_3"
        ),
        constants={
            "status_1": "open",
            "param_1": 0,
            "status_2": "snoozed",
            "param_2": 0,
            "param_3": 0,
        },
        params={
            "me": "",
            "start": "utc",
            "tomorrow": "utc",
            "now": "utc",
            "limit": "",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "", "", "", "", ""),
    ),
    ("queue.lane", "upcoming", True): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.lead_id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since, anon_1.due_at, anon_1.has_time, anon_1.reason, anon_1.template, "
            "anon_1.status, anon_1.assignee, anon_1.version \n"
            "FROM (SELECT anon_2.id AS id, anon_2.lead_id AS lead_id, anon_2.username AS username, "
            "anon_2.display_name AS display_name, anon_2.stage AS stage, anon_2.stage_since AS "
            "stage_since, anon_2.due_at AS due_at, anon_2.has_time AS has_time, anon_2.reason AS "
            "reason, anon_2.template AS template, anon_2.status AS status, anon_2.assignee AS "
            "assignee, anon_2.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND (followups.assignee_key = lower(:me) OR "
            "followups.assignee_key IS NULL) AND followups.status = :status_1 AND followups.due_at "
            ">= :tomorrow AND followups.due_at < :week_end ORDER BY followups.due_at, "
            "followups.id\n"
            " LIMIT :limit OFFSET :param_1) AS anon_2 UNION ALL SELECT anon_3.id AS id, "
            "anon_3.lead_id AS lead_id, anon_3.username AS username, anon_3.display_name AS "
            "display_name, anon_3.stage AS stage, anon_3.stage_since AS stage_since, anon_3.due_at "
            "AS due_at, anon_3.has_time AS has_time, anon_3.reason AS reason, anon_3.template AS "
            "template, anon_3.status AS status, anon_3.assignee AS assignee, anon_3.version AS "
            "version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = 0 AND (followups.assignee_key = lower(:me) OR "
            "followups.assignee_key IS NULL) AND followups.status = :status_2 AND followups.due_at "
            ">= :tomorrow AND followups.due_at < :week_end ORDER BY followups.due_at, "
            "followups.id\n"
            " LIMIT :limit OFFSET :param_2) AS anon_3) AS anon_1 ORDER BY anon_1.due_at, "
            "anon_1.id\n"
            " LIMIT :limit OFFSET :param_3"
        ),
        constants={
            "status_1": "open",
            "param_1": 0,
            "status_2": "snoozed",
            "param_2": 0,
            "param_3": 0,
        },
        params={
            "me": "",
            "tomorrow": "utc",
            "week_end": "utc",
            "limit": "",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "", "", "", "", ""),
    ),
    ("queue.first_replies", False): Compiled(
        sql=(
            "SELECT leads.id, leads.username, leads.display_name, leads.created_at, leads.stage, "
            "leads.stage_since, leads.source, leads.referred_by, leads.project_type \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_1 AND leads.last_messaged_at IS NULL AND "
            "leads.do_not_contact = 0 AND leads.source != :param_1 ORDER BY leads.created_at, "
            "leads.id\n"
            " LIMIT :limit OFFSET :param_2"
        ),
        constants={
            "stage_1": "new",
            "param_1": "imported",
            "param_2": 0,
        },
        params={
            "limit": "",
        },
        columns=("", "", "", "utc", "", "utc", "", "", ""),
    ),
    ("queue.first_replies", True): Compiled(
        sql=(
            "SELECT leads.id, leads.username, leads.display_name, leads.created_at, leads.stage, "
            "leads.stage_since, leads.source, leads.referred_by, leads.project_type \n"
            "FROM leads \n"
            "WHERE leads.stage = :stage_1 AND leads.last_messaged_at IS NULL AND "
            "leads.do_not_contact = 0 AND leads.source != :param_1 AND (leads.owner_key = "
            "lower(:me) OR leads.owner_key IS NULL) ORDER BY leads.created_at, leads.id\n"
            " LIMIT :limit OFFSET :param_2"
        ),
        constants={
            "stage_1": "new",
            "param_1": "imported",
            "param_2": 0,
        },
        params={
            "me": "",
            "limit": "",
        },
        columns=("", "", "", "utc", "", "utc", "", "", ""),
    ),
    ("queue.quiet", False): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since \n"
            "FROM (SELECT anon_2.id AS id, anon_2.username AS username, anon_2.display_name AS "
            "display_name, anon_2.stage AS stage, anon_2.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_1 AND (leads.last_messaged_at IS NOT NULL OR leads.source = :param_1) ORDER BY "
            "leads.stage_since, leads.id\n"
            " LIMIT :limit OFFSET :param_2) AS anon_2 UNION ALL SELECT anon_3.id AS id, "
            "anon_3.username AS username, anon_3.display_name AS display_name, anon_3.stage AS "
            "stage, anon_3.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_2 ORDER BY leads.stage_since, leads.id\n"
            " LIMIT :limit OFFSET :param_3) AS anon_3 UNION ALL SELECT anon_4.id AS id, "
            "anon_4.username AS username, anon_4.display_name AS display_name, anon_4.stage AS "
            "stage, anon_4.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_3 ORDER BY leads.stage_since, leads.id\n"
            " LIMIT :limit OFFSET :param_4) AS anon_4 UNION ALL SELECT anon_5.id AS id, "
            "anon_5.username AS username, anon_5.display_name AS display_name, anon_5.stage AS "
            "stage, anon_5.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_4 ORDER BY leads.stage_since, leads.id\n"
            " LIMIT :limit OFFSET :param_5) AS anon_5) AS anon_1 ORDER BY anon_1.stage_since, "
            "anon_1.id\n"
            " LIMIT :limit OFFSET :param_6"
        ),
        constants={
            "stage_1": "new",
            "param_1": "imported",
            "param_2": 0,
            "stage_2": "qualified",
            "param_3": 0,
            "stage_3": "hot_lead",
            "param_4": 0,
            "stage_4": "offer_sent",
            "param_5": 0,
            "param_6": 0,
        },
        params={
            "limit": "",
        },
        columns=("", "", "", "", "utc"),
    ),
    ("queue.quiet", True): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since \n"
            "FROM (SELECT anon_2.id AS id, anon_2.username AS username, anon_2.display_name AS "
            "display_name, anon_2.stage AS stage, anon_2.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_1 AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL) AND "
            "(leads.last_messaged_at IS NOT NULL OR leads.source = :param_1) ORDER BY "
            "leads.stage_since, leads.id\n"
            " LIMIT :limit OFFSET :param_2) AS anon_2 UNION ALL SELECT anon_3.id AS id, "
            "anon_3.username AS username, anon_3.display_name AS display_name, anon_3.stage AS "
            "stage, anon_3.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_2 AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL) ORDER BY "
            "leads.stage_since, leads.id\n"
            " LIMIT :limit OFFSET :param_3) AS anon_3 UNION ALL SELECT anon_4.id AS id, "
            "anon_4.username AS username, anon_4.display_name AS display_name, anon_4.stage AS "
            "stage, anon_4.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_3 AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL) ORDER BY "
            "leads.stage_since, leads.id\n"
            " LIMIT :limit OFFSET :param_4) AS anon_4 UNION ALL SELECT anon_5.id AS id, "
            "anon_5.username AS username, anon_5.display_name AS display_name, anon_5.stage AS "
            "stage, anon_5.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = 0 AND leads.next_followup_at IS NULL AND leads.stage = "
            ":stage_4 AND (leads.owner_key = lower(:me) OR leads.owner_key IS NULL) ORDER BY "
            "leads.stage_since, leads.id\n"
            " LIMIT :limit OFFSET :param_5) AS anon_5) AS anon_1 ORDER BY anon_1.stage_since, "
            "anon_1.id\n"
            " LIMIT :limit OFFSET :param_6"
        ),
        constants={
            "stage_1": "new",
            "param_1": "imported",
            "param_2": 0,
            "stage_2": "qualified",
            "param_3": 0,
            "stage_3": "hot_lead",
            "param_4": 0,
            "stage_4": "offer_sent",
            "param_5": 0,
            "param_6": 0,
        },
        params={
            "me": "",
            "limit": "",
        },
        columns=("", "", "", "", "utc"),
    ),
    ("queue.activity",): Compiled(
        sql=(
            "SELECT events.kind, events.lead_id, events.data \n"
            "FROM events \n"
            "WHERE events.kind IN (:param_1, :param_2, :param_3) AND events.at >= :start AND "
            "events.at < :end"
        ),
        constants={
            "param_1": "created",
            "param_2": "followup_done",
            "param_3": "message_copied",
        },
        params={
            "start": "utc",
            "end": "utc",
        },
        columns=("", "", ""),
    ),
}
PG_STATEMENTS = {
    ("search.first_page",): Compiled(
        sql=(
            "SELECT leads.id, leads.username, leads.display_name, leads.stage, leads.website, "
            "leads.next_followup_at, leads.last_messaged_at, leads.do_not_contact, "
            "leads.updated_at \n"
            "FROM leads ORDER BY leads.updated_at DESC, leads.id DESC \n"
            " LIMIT %(limit)s::INTEGER"
        ),
        constants={},
        params={
            "limit": "",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "utc"),
    ),
    ("search.count_all",): Compiled(
        sql=(
            "SELECT count(*) AS count_1 \n"
            "FROM leads"
        ),
        constants={},
        params={},
        columns=("",),
    ),
    ("search.labels",): Compiled(
        sql=(
            "SELECT min(lead_labels.label) AS min_1 \n"
            "FROM lead_labels GROUP BY lead_labels.label_key ORDER BY lead_labels.label_key"
        ),
        constants={},
        params={},
        columns=("",),
    ),
    ("queue.dnc_with_plans",): Compiled(
        sql=(
            "SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = true AND leads.next_followup_at IS NOT NULL \n"
            " LIMIT %(param_1)s::INTEGER"
        ),
        constants={
            "param_1": 1,
        },
        params={},
        columns=("",),
    ),
    ("queue.lane_counts", False, False): Compiled(
        sql=(
            "SELECT (SELECT count(*) AS count_1 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_1)s::VARCHAR, %(param_2)s::VARCHAR) AND "
            "followups.due_at < %(start)s::TIMESTAMP WITH TIME ZONE) + (SELECT count(*) AS count_2 "
            "\n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_3)s::VARCHAR, %(param_4)s::VARCHAR) AND "
            "followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(now)s::TIMESTAMP WITH TIME ZONE AND followups.has_time = true) AS overdue, (SELECT "
            "count(*) AS count_3 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_5)s::VARCHAR, %(param_6)s::VARCHAR) AND "
            "followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(tomorrow)s::TIMESTAMP WITH TIME ZONE) - (SELECT count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_3)s::VARCHAR, %(param_4)s::VARCHAR) AND "
            "followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(now)s::TIMESTAMP WITH TIME ZONE AND followups.has_time = true) AS today, (SELECT "
            "count(*) AS count_4 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_7)s::VARCHAR, %(param_8)s::VARCHAR) AND "
            "followups.due_at >= %(tomorrow)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(week_end)s::TIMESTAMP WITH TIME ZONE) AS upcoming"
        ),
        constants={
            "param_1": "open",
            "param_2": "snoozed",
            "param_3": "open",
            "param_4": "snoozed",
            "param_5": "open",
            "param_6": "snoozed",
            "param_7": "open",
            "param_8": "snoozed",
        },
        params={
            "start": "utc",
            "now": "utc",
            "tomorrow": "utc",
            "week_end": "utc",
        },
        columns=("", "", ""),
    ),
    ("queue.lane_counts", True, False): Compiled(
        sql=(
            "SELECT (SELECT count(*) AS count_1 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_1)s::VARCHAR, %(param_2)s::VARCHAR) AND "
            "followups.due_at < %(start)s::TIMESTAMP WITH TIME ZONE AND (followups.lead_id NOT IN "
            "(SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = true AND leads.next_followup_at IS NOT NULL))) + (SELECT "
            "count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_3)s::VARCHAR, %(param_4)s::VARCHAR) AND "
            "followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(now)s::TIMESTAMP WITH TIME ZONE AND followups.has_time = true AND "
            "(followups.lead_id NOT IN (SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = true AND leads.next_followup_at IS NOT NULL))) AS "
            "overdue, (SELECT count(*) AS count_3 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_5)s::VARCHAR, %(param_6)s::VARCHAR) AND "
            "followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(tomorrow)s::TIMESTAMP WITH TIME ZONE AND (followups.lead_id NOT IN (SELECT leads.id "
            "\n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = true AND leads.next_followup_at IS NOT NULL))) - (SELECT "
            "count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_3)s::VARCHAR, %(param_4)s::VARCHAR) AND "
            "followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(now)s::TIMESTAMP WITH TIME ZONE AND followups.has_time = true AND "
            "(followups.lead_id NOT IN (SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = true AND leads.next_followup_at IS NOT NULL))) AS today, "
            "(SELECT count(*) AS count_4 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_7)s::VARCHAR, %(param_8)s::VARCHAR) AND "
            "followups.due_at >= %(tomorrow)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(week_end)s::TIMESTAMP WITH TIME ZONE AND (followups.lead_id NOT IN (SELECT leads.id "
            "\n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = true AND leads.next_followup_at IS NOT NULL))) AS "
            "upcoming"
        ),
        constants={
            "param_1": "open",
            "param_2": "snoozed",
            "param_3": "open",
            "param_4": "snoozed",
            "param_5": "open",
            "param_6": "snoozed",
            "param_7": "open",
            "param_8": "snoozed",
        },
        params={
            "start": "utc",
            "now": "utc",
            "tomorrow": "utc",
            "week_end": "utc",
        },
        columns=("", "", ""),
    ),
    ("queue.lane_counts", False, True): Compiled(
        sql=(
            "SELECT (SELECT count(*) AS count_1 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_1)s::VARCHAR, %(param_2)s::VARCHAR) AND "
            "(followups.assignee_key = lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) "
            "AND followups.due_at < %(start)s::TIMESTAMP WITH TIME ZONE) + (SELECT count(*) AS "
            "count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_3)s::VARCHAR, %(param_4)s::VARCHAR) AND "
            "(followups.assignee_key = lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) "
            "AND followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(now)s::TIMESTAMP WITH TIME ZONE AND followups.has_time = true) AS overdue, (SELECT "
            "count(*) AS count_3 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_5)s::VARCHAR, %(param_6)s::VARCHAR) AND "
            "(followups.assignee_key = lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) "
            "AND followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(tomorrow)s::TIMESTAMP WITH TIME ZONE) - (SELECT count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_3)s::VARCHAR, %(param_4)s::VARCHAR) AND "
            "(followups.assignee_key = lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) "
            "AND followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(now)s::TIMESTAMP WITH TIME ZONE AND followups.has_time = true) AS today, (SELECT "
            "count(*) AS count_4 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_7)s::VARCHAR, %(param_8)s::VARCHAR) AND "
            "(followups.assignee_key = lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) "
            "AND followups.due_at >= %(tomorrow)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(week_end)s::TIMESTAMP WITH TIME ZONE) AS upcoming"
        ),
        constants={
            "param_1": "open",
            "param_2": "snoozed",
            "param_3": "open",
            "param_4": "snoozed",
            "param_5": "open",
            "param_6": "snoozed",
            "param_7": "open",
            "param_8": "snoozed",
        },
        params={
            "me": "",
            "start": "utc",
            "now": "utc",
            "tomorrow": "utc",
            "week_end": "utc",
        },
        columns=("", "", ""),
    ),
    ("queue.lane_counts", True, True): Compiled(
        sql=(
            "SELECT (SELECT count(*) AS count_1 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_1)s::VARCHAR, %(param_2)s::VARCHAR) AND "
            "(followups.assignee_key = lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) "
            "AND followups.due_at < %(start)s::TIMESTAMP WITH TIME ZONE AND (followups.lead_id NOT "
            "IN (SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = true AND leads.next_followup_at IS NOT NULL))) + (SELECT "
            "count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_3)s::VARCHAR, %(param_4)s::VARCHAR) AND "
            "(followups.assignee_key = lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) "
            "AND followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(now)s::TIMESTAMP WITH TIME ZONE AND followups.has_time = true AND "
            "(followups.lead_id NOT IN (SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = true AND leads.next_followup_at IS NOT NULL))) AS "
            "overdue, (SELECT count(*) AS count_3 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_5)s::VARCHAR, %(param_6)s::VARCHAR) AND "
            "(followups.assignee_key = lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) "
            "AND followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(tomorrow)s::TIMESTAMP WITH TIME ZONE AND (followups.lead_id NOT IN (SELECT leads.id "
            "\n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = true AND leads.next_followup_at IS NOT NULL))) - (SELECT "
            "count(*) AS count_2 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_3)s::VARCHAR, %(param_4)s::VARCHAR) AND "
            "(followups.assignee_key = lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) "
            "AND followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(now)s::TIMESTAMP WITH TIME ZONE AND followups.has_time = true AND "
            "(followups.lead_id NOT IN (SELECT leads.id \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = true AND leads.next_followup_at IS NOT NULL))) AS today, "
            "(SELECT count(*) AS count_4 \n"
            "FROM followups \n"
            "WHERE followups.status IN (%(param_7)s::VARCHAR, %(param_8)s::VARCHAR) AND "
            "(followups.assignee_key = lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) "
            "AND followups.due_at >= %(tomorrow)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(week_end)s::TIMESTAMP WITH TIME ZONE AND (followups.lead_id NOT IN (SELECT leads.id "
            "\n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = true AND leads.next_followup_at IS NOT NULL))) AS "
            "upcoming"
        ),
        constants={
            "param_1": "open",
            "param_2": "snoozed",
            "param_3": "open",
            "param_4": "snoozed",
            "param_5": "open",
            "param_6": "snoozed",
            "param_7": "open",
            "param_8": "snoozed",
        },
        params={
            "me": "",
            "start": "utc",
            "now": "utc",
            "tomorrow": "utc",
            "week_end": "utc",
        },
        columns=("", "", ""),
    ),
    ("queue.lead_counts", False): Compiled(
        sql=(
            "SELECT (SELECT count(*) AS count_1 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_1)s::VARCHAR AND leads.last_messaged_at IS NULL AND "
            "leads.do_not_contact = false AND leads.source != %(param_1)s::VARCHAR) AS "
            "first_replies, (SELECT count(*) AS count_2 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_2)s::VARCHAR AND (leads.last_messaged_at IS NOT NULL OR leads.source = "
            "%(param_2)s::VARCHAR)) + (SELECT count(*) AS count_3 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_3)s::VARCHAR) + (SELECT count(*) AS count_4 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_4)s::VARCHAR) + (SELECT count(*) AS count_5 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_5)s::VARCHAR) AS no_next_step, (SELECT count(*) AS count_6 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_6)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_new)s::TIMESTAMP WITH TIME ZONE) + (SELECT count(*) AS "
            "count_7 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_7)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_qualified)s::TIMESTAMP WITH TIME ZONE) + (SELECT "
            "count(*) AS count_8 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_8)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_hot_lead)s::TIMESTAMP WITH TIME ZONE) + (SELECT count(*) "
            "AS count_9 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_9)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_offer_sent)s::TIMESTAMP WITH TIME ZONE) + (SELECT "
            "count(*) AS count_10 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_10)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_ordered)s::TIMESTAMP WITH TIME ZONE) + (SELECT count(*) "
            "AS count_11 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_11)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_in_progress)s::TIMESTAMP WITH TIME ZONE) + (SELECT "
            "count(*) AS count_12 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_12)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_delivered)s::TIMESTAMP WITH TIME ZONE) + (SELECT "
            "count(*) AS count_13 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_13)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_completed)s::TIMESTAMP WITH TIME ZONE) + (SELECT "
            "count(*) AS count_14 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_14)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_lost)s::TIMESTAMP WITH TIME ZONE) AS stale"
        ),
        constants={
            "stage_1": "new",
            "param_1": "imported",
            "stage_2": "new",
            "param_2": "imported",
            "stage_3": "qualified",
            "stage_4": "hot_lead",
            "stage_5": "offer_sent",
            "stage_6": "new",
            "stage_7": "qualified",
            "stage_8": "hot_lead",
            "stage_9": "offer_sent",
            "stage_10": "ordered",
            "stage_11": "in_progress",
            "stage_12": "delivered",
            "stage_13": "completed",
            "stage_14": "lost",
        },
        params={
            "cutoff_new": "utc",
            "cutoff_qualified": "utc",
            "cutoff_hot_lead": "utc",
            "cutoff_offer_sent": "utc",
            "cutoff_ordered": "utc",
            "cutoff_in_progress": "utc",
            "cutoff_delivered": "utc",
            "cutoff_completed": "utc",
            "cutoff_lost": "utc",
        },
        columns=("", "", ""),
    ),
    ("queue.lead_counts", True): Compiled(
        sql=(
            "SELECT (SELECT count(*) AS count_1 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_1)s::VARCHAR AND leads.last_messaged_at IS NULL AND "
            "leads.do_not_contact = false AND leads.source != %(param_1)s::VARCHAR AND "
            "(leads.owner_key = lower(%(me)s::VARCHAR) OR leads.owner_key IS NULL)) AS "
            "first_replies, (SELECT count(*) AS count_2 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_2)s::VARCHAR AND (leads.owner_key = lower(%(me)s::VARCHAR) OR "
            "leads.owner_key IS NULL) AND (leads.last_messaged_at IS NOT NULL OR leads.source = "
            "%(param_2)s::VARCHAR)) + (SELECT count(*) AS count_3 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_3)s::VARCHAR AND (leads.owner_key = lower(%(me)s::VARCHAR) OR "
            "leads.owner_key IS NULL)) + (SELECT count(*) AS count_4 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_4)s::VARCHAR AND (leads.owner_key = lower(%(me)s::VARCHAR) OR "
            "leads.owner_key IS NULL)) + (SELECT count(*) AS count_5 \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_5)s::VARCHAR AND (leads.owner_key = lower(%(me)s::VARCHAR) OR "
            "leads.owner_key IS NULL)) AS no_next_step, (SELECT count(*) AS count_6 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_6)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_new)s::TIMESTAMP WITH TIME ZONE AND (leads.owner_key = "
            "lower(%(me)s::VARCHAR) OR leads.owner_key IS NULL)) + (SELECT count(*) AS count_7 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_7)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_qualified)s::TIMESTAMP WITH TIME ZONE AND "
            "(leads.owner_key = lower(%(me)s::VARCHAR) OR leads.owner_key IS NULL)) + (SELECT "
            "count(*) AS count_8 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_8)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_hot_lead)s::TIMESTAMP WITH TIME ZONE AND "
            "(leads.owner_key = lower(%(me)s::VARCHAR) OR leads.owner_key IS NULL)) + (SELECT "
            "count(*) AS count_9 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_9)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_offer_sent)s::TIMESTAMP WITH TIME ZONE AND "
            "(leads.owner_key = lower(%(me)s::VARCHAR) OR leads.owner_key IS NULL)) + (SELECT "
            "count(*) AS count_10 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_10)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_ordered)s::TIMESTAMP WITH TIME ZONE AND (leads.owner_key "
            "= lower(%(me)s::VARCHAR) OR leads.owner_key IS NULL)) + (SELECT count(*) AS count_11 "
            "\n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_11)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_in_progress)s::TIMESTAMP WITH TIME ZONE AND "
            "(leads.owner_key = lower(%(me)s::VARCHAR) OR leads.owner_key IS NULL)) + (SELECT "
            "count(*) AS count_12 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_12)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_delivered)s::TIMESTAMP WITH TIME ZONE AND "
            "(leads.owner_key = lower(%(me)s::VARCHAR) OR leads.owner_key IS NULL)) + (SELECT "
            "count(*) AS count_13 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_13)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_completed)s::TIMESTAMP WITH TIME ZONE AND "
            "(leads.owner_key = lower(%(me)s::VARCHAR) OR leads.owner_key IS NULL)) + (SELECT "
            "count(*) AS count_14 \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_14)s::VARCHAR AND leads.do_not_contact = false AND "
            "leads.stage_since < %(cutoff_lost)s::TIMESTAMP WITH TIME ZONE AND (leads.owner_key = "
            "lower(%(me)s::VARCHAR) OR leads.owner_key IS NULL)) AS stale"
        ),
        constants={
            "stage_1": "new",
            "param_1": "imported",
            "stage_2": "new",
            "param_2": "imported",
            "stage_3": "qualified",
            "stage_4": "hot_lead",
            "stage_5": "offer_sent",
            "stage_6": "new",
            "stage_7": "qualified",
            "stage_8": "hot_lead",
            "stage_9": "offer_sent",
            "stage_10": "ordered",
            "stage_11": "in_progress",
            "stage_12": "delivered",
            "stage_13": "completed",
            "stage_14": "lost",
        },
        params={
            "me": "",
            "cutoff_new": "utc",
            "cutoff_qualified": "utc",
            "cutoff_hot_lead": "utc",
            "cutoff_offer_sent": "utc",
            "cutoff_ordered": "utc",
            "cutoff_in_progress": "utc",
            "cutoff_delivered": "utc",
            "cutoff_completed": "utc",
            "cutoff_lost": "utc",
        },
        columns=("", "", ""),
    ),
    ("queue.lane", "overdue", False): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.lead_id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since, anon_1.due_at, anon_1.has_time, anon_1.reason, anon_1.template, "
            "anon_1.status, anon_1.assignee, anon_1.version \n"
            "FROM (SELECT anon_2.id AS id, anon_2.lead_id AS lead_id, anon_2.username AS username, "
            "anon_2.display_name AS display_name, anon_2.stage AS stage, anon_2.stage_since AS "
            "stage_since, anon_2.due_at AS due_at, anon_2.has_time AS has_time, anon_2.reason AS "
            "reason, anon_2.template AS template, anon_2.status AS status, anon_2.assignee AS "
            "assignee, anon_2.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND followups.status = %(status_1)s::VARCHAR AND "
            "followups.due_at < %(start)s::TIMESTAMP WITH TIME ZONE ORDER BY followups.due_at, "
            "followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_2 UNION ALL SELECT anon_3.id AS id, anon_3.lead_id "
            "AS lead_id, anon_3.username AS username, anon_3.display_name AS display_name, "
            "anon_3.stage AS stage, anon_3.stage_since AS stage_since, anon_3.due_at AS due_at, "
            "anon_3.has_time AS has_time, anon_3.reason AS reason, anon_3.template AS template, "
            "anon_3.status AS status, anon_3.assignee AS assignee, anon_3.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND followups.status = %(status_2)s::VARCHAR AND "
            "followups.due_at < %(start)s::TIMESTAMP WITH TIME ZONE ORDER BY followups.due_at, "
            "followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_3 UNION ALL SELECT anon_4.id AS id, anon_4.lead_id "
            "AS lead_id, anon_4.username AS username, anon_4.display_name AS display_name, "
            "anon_4.stage AS stage, anon_4.stage_since AS stage_since, anon_4.due_at AS due_at, "
            "anon_4.has_time AS has_time, anon_4.reason AS reason, anon_4.template AS template, "
            "anon_4.status AS status, anon_4.assignee AS assignee, anon_4.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND followups.status = %(status_3)s::VARCHAR AND "
            "followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(now)s::TIMESTAMP WITH TIME ZONE AND followups.has_time = true ORDER BY "
            "followups.due_at, followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_4 UNION ALL SELECT anon_5.id AS id, anon_5.lead_id "
            "AS lead_id, anon_5.username AS username, anon_5.display_name AS display_name, "
            "anon_5.stage AS stage, anon_5.stage_since AS stage_since, anon_5.due_at AS due_at, "
            "anon_5.has_time AS has_time, anon_5.reason AS reason, anon_5.template AS template, "
            "anon_5.status AS status, anon_5.assignee AS assignee, anon_5.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND followups.status = %(status_4)s::VARCHAR AND "
            "followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(now)s::TIMESTAMP WITH TIME ZONE AND followups.has_time = true ORDER BY "
            "followups.due_at, followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_5) AS anon_1 ORDER BY anon_1.due_at, anon_1.id \n"
            " LIMIT %(limit)s::INTEGER"
        ),
        constants={
            "status_1": "open",
            "status_2": "snoozed",
            "status_3": "open",
            "status_4": "snoozed",
        },
        params={
            "start": "utc",
            "limit": "",
            "now": "utc",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "", "", "", "", ""),
    ),
    ("queue.lane", "today", False): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.lead_id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since, anon_1.due_at, anon_1.has_time, anon_1.reason, anon_1.template, "
            "anon_1.status, anon_1.assignee, anon_1.version \n"
            "FROM (SELECT anon_2.id AS id, anon_2.lead_id AS lead_id, anon_2.username AS username, "
            "anon_2.display_name AS display_name, anon_2.stage AS stage, anon_2.stage_since AS "
            "stage_since, anon_2.due_at AS due_at, anon_2.has_time AS has_time, anon_2.reason AS "
            "reason, anon_2.template AS template, anon_2.status AS status, anon_2.assignee AS "
            "assignee, anon_2.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND followups.status = %(status_1)s::VARCHAR AND "
            "followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(tomorrow)s::TIMESTAMP WITH TIME ZONE AND (followups.has_time = false OR "
            "followups.due_at >= %(now)s::TIMESTAMP WITH TIME ZONE) ORDER BY followups.due_at, "
            "followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_2 UNION ALL SELECT anon_3.id AS id, anon_3.lead_id "
            "AS lead_id, anon_3.username AS username, anon_3.display_name AS display_name, "
            "anon_3.stage AS stage, anon_3.stage_since AS stage_since, anon_3.due_at AS due_at, "
            "anon_3.has_time AS has_time, anon_3.reason AS reason, anon_3.template AS template, "
            "anon_3.status AS status, anon_3.assignee AS assignee, anon_3.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND followups.status = %(status_2)s::VARCHAR AND "
            "followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(tomorrow)s::TIMESTAMP WITH TIME ZONE AND (followups.has_time = false OR "
            "followups.due_at >= %(now)s::TIMESTAMP WITH TIME ZONE) ORDER BY followups.due_at, "
            "followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_3) AS anon_1 ORDER BY anon_1.due_at, anon_1.id \n"
            " LIMIT %(limit)s::INTEGER"
        ),
        constants={
            "status_1": "open",
            "status_2": "snoozed",
        },
        params={
            "start": "utc",
            "tomorrow": "utc",
            "now": "utc",
            "limit": "",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "", "", "", "", ""),
    ),
    ("queue.lane", "upcoming", False): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.lead_id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since, anon_1.due_at, anon_1.has_time, anon_1.reason, anon_1.template, "
            "anon_1.status, anon_1.assignee, anon_1.version \n"
            "FROM (SELECT anon_2.id AS id, anon_2.lead_id AS lead_id, anon_2.username AS username, "
            "anon_2.display_name AS display_name, anon_2.stage AS stage, anon_2.stage_since AS "
            "stage_since, anon_2.due_at AS due_at, anon_2.has_time AS has_time, anon_2.reason AS "
            "reason, anon_2.template AS template, anon_2.status AS status, anon_2.assignee AS "
            "assignee, anon_2.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND followups.status = %(status_1)s::VARCHAR AND "
            "followups.due_at >= %(tomorrow)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(week_end)s::TIMESTAMP WITH TIME ZONE ORDER BY followups.due_at, followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_2 UNION ALL SELECT anon_3.id AS id, anon_3.lead_id "
            "AS lead_id, anon_3.username AS username, anon_3.display_name AS display_name, "
            "anon_3.stage AS stage, anon_3.stage_since AS stage_since, anon_3.due_at AS due_at, "
            "anon_3.has_time AS has_time, anon_3.reason AS reason, anon_3.template AS template, "
            "anon_3.status AS status, anon_3.assignee AS assignee, anon_3.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND followups.status = %(status_2)s::VARCHAR AND "
            "followups.due_at >= %(tomorrow)s::TIMESTAMP WITH TIME ZONE AND followups.due_at < "
            "%(week_end)s::TIMESTAMP WITH TIME ZONE ORDER BY followups.due_at, followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_3) AS anon_1 ORDER BY anon_1.due_at, anon_1.id \n"
            " LIMIT %(limit)s::INTEGER"
        ),
        constants={
            "status_1": "open",
            "status_2": "snoozed",
        },
        params={
            "tomorrow": "utc",
            "week_end": "utc",
            "limit": "",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "", "", "", "", ""),
    ),
    ("queue.lane", "overdue", True): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.lead_id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since, anon_1.due_at, anon_1.has_time, anon_1.reason, anon_1.template, "
            "anon_1.status, anon_1.assignee, anon_1.version \n"
            "FROM (SELECT anon_2.id AS id, anon_2.lead_id AS lead_id, anon_2.username AS username, "
            "anon_2.display_name AS display_name, anon_2.stage AS stage, anon_2.stage_since AS "
            "stage_since, anon_2.due_at AS due_at, anon_2.has_time AS has_time, anon_2.reason AS "
            "reason, anon_2.template AS template, anon_2.status AS status, anon_2.assignee AS "
            "assignee, anon_2.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND (followups.assignee_key = "
            "lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) AND followups.status = "
            "%(status_1)s::VARCHAR AND followups.due_at < %(start)s::TIMESTAMP WITH TIME ZONE "
            "ORDER BY followups.due_at, followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_2 UNION ALL SELECT anon_3.id AS id, anon_3.lead_id "
            "AS lead_id, anon_3.username AS username, anon_3.display_name AS display_name, "
            "anon_3.stage AS stage, anon_3.stage_since AS stage_since, anon_3.due_at AS due_at, "
            "anon_3.has_time AS has_time, anon_3.reason AS reason, anon_3.template AS template, "
            "anon_3.status AS status, anon_3.assignee AS assignee, anon_3.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND (followups.assignee_key = "
            "lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) AND followups.status = "
            "%(status_2)s::VARCHAR AND followups.due_at < %(start)s::TIMESTAMP WITH TIME ZONE "
            "ORDER BY followups.due_at, followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_3 UNION ALL SELECT anon_4.id AS id, anon_4.lead_id "
            "AS lead_id, anon_4.username AS username, anon_4.display_name AS display_name, "
            "anon_4.stage AS stage, anon_4.stage_since AS stage_since, anon_4.due_at AS due_at, "
            "anon_4.has_time AS has_time, anon_4.reason AS reason, anon_4.template AS template, "
            "anon_4.status AS status, anon_4.assignee AS assignee, anon_4.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND (followups.assignee_key = "
            "lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) AND followups.status = "
            "%(status_3)s::VARCHAR AND followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND "
            "followups.due_at < %(now)s::TIMESTAMP WITH TIME ZONE AND followups.has_time = true "
            "ORDER BY followups.due_at, followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_4 UNION ALL SELECT anon_5.id AS id, anon_5.lead_id "
            "AS lead_id, anon_5.username AS username, anon_5.display_name AS display_name, "
            "anon_5.stage AS stage, anon_5.stage_since AS stage_since, anon_5.due_at AS due_at, "
            "anon_5.has_time AS has_time, anon_5.reason AS reason, anon_5.template AS template, "
            "anon_5.status AS status, anon_5.assignee AS assignee, anon_5.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND (followups.assignee_key = "
            "lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) AND followups.status = "
            "%(status_4)s::VARCHAR AND followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND "
            "followups.due_at < %(now)s::TIMESTAMP WITH TIME ZONE AND followups.has_time = true "
            "ORDER BY followups.due_at, followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_5) AS anon_1 ORDER BY anon_1.due_at, anon_1.id \n"
            " LIMIT %(limit)s::INTEGER"
        ),
        constants={
            "status_1": "open",
            "status_2": "snoozed",
            "status_3": "open",
            "status_4": "snoozed",
        },
        params={
            "me": "",
            "start": "utc",
            "limit": "",
            "now": "utc",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "", "", "", "", ""),
    ),
    ("queue.lane", "today", True): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.lead_id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since, anon_1.due_at, anon_1.has_time, anon_1.reason, anon_1.template, "
            "anon_1.status, anon_1.assignee, anon_1.version \n"
            "FROM (SELECT anon_2.id AS id, anon_2.lead_id AS lead_id, anon_2.username AS username, "
            "anon_2.display_name AS display_name, anon_2.stage AS stage, anon_2.stage_since AS "
            "stage_since, anon_2.due_at AS due_at, anon_2.has_time AS has_time, anon_2.reason AS "
            "reason, anon_2.template AS template, anon_2.status AS status, anon_2.assignee AS "
            "assignee, anon_2.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND (followups.assignee_key = "
            "lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) AND followups.status = "
            "%(status_1)s::VARCHAR AND followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND "
            "followups.due_at < %(tomorrow)s::TIMESTAMP WITH TIME ZONE AND (followups.has_time = "
            "false OR followups.due_at >= %(now)s::TIMESTAMP WITH TIME ZONE) ORDER BY "
            "followups.due_at, followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_2 UNION ALL SELECT anon_3.id AS id, anon_3.lead_id "
            "AS lead_id, anon_3.username AS username, anon_3.display_name AS display_name, "
            "anon_3.stage AS stage, anon_3.stage_since AS stage_since, anon_3.due_at AS due_at, "
            "anon_3.has_time AS has_time, anon_3.reason AS reason, anon_3.template AS template, "
            "anon_3.status AS status, anon_3.assignee AS assignee, anon_3.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND (followups.assignee_key = "
            "lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) AND followups.status = "
            "%(status_2)s::VARCHAR AND followups.due_at >= %(start)s::TIMESTAMP WITH TIME ZONE AND "
            "followups.due_at < %(tomorrow)s::TIMESTAMP WITH TIME ZONE AND (followups.has_time = "
            "false OR followups.due_at >= %(now)s::TIMESTAMP WITH TIME ZONE) ORDER BY "
            "followups.due_at, followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_3) AS anon_1 ORDER BY anon_1.due_at, anon_1.id \n"
            " LIMIT %(limit)s::INTEGER"
        ),
        constants={
            "status_1": "open",
            "status_2": "snoozed",
        },
        params={
            "me": "",
            "start": "utc",
            "tomorrow": "utc",
            "now": "utc",
            "limit": "",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "", "", "", "", ""),
    ),
    ("queue.lane", "upcoming", True): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.lead_id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since, anon_1.due_at, anon_1.has_time, anon_1.reason, anon_1.template, "
            "anon_1.status, anon_1.assignee, anon_1.version \n"
            "FROM (SELECT anon_2.id AS id, anon_2.lead_id AS lead_id, anon_2.username AS username, "
            "anon_2.display_name AS display_name, anon_2.stage AS stage, anon_2.stage_since AS "
            "stage_since, anon_2.due_at AS due_at, anon_2.has_time AS has_time, anon_2.reason AS "
            "reason, anon_2.template AS template, anon_2.status AS status, anon_2.assignee AS "
            "assignee, anon_2.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND (followups.assignee_key = "
            "lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) AND followups.status = "
            "%(status_1)s::VARCHAR AND followups.due_at >= %(tomorrow)s::TIMESTAMP WITH TIME ZONE "
            "AND followups.due_at < %(week_end)s::TIMESTAMP WITH TIME ZONE ORDER BY "
            "followups.due_at, followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_2 UNION ALL SELECT anon_3.id AS id, anon_3.lead_id "
            "AS lead_id, anon_3.username AS username, anon_3.display_name AS display_name, "
            "anon_3.stage AS stage, anon_3.stage_since AS stage_since, anon_3.due_at AS due_at, "
            "anon_3.has_time AS has_time, anon_3.reason AS reason, anon_3.template AS template, "
            "anon_3.status AS status, anon_3.assignee AS assignee, anon_3.version AS version \n"
            "FROM (SELECT followups.id AS id, followups.lead_id AS lead_id, leads.username AS "
            "username, leads.display_name AS display_name, leads.stage AS stage, leads.stage_since "
            "AS stage_since, followups.due_at AS due_at, followups.has_time AS has_time, "
            "followups.reason AS reason, followups.template AS template, followups.status AS "
            "status, followups.assignee AS assignee, followups.version AS version \n"
            "FROM followups JOIN leads ON leads.id = followups.lead_id \n"
            "WHERE leads.do_not_contact = false AND (followups.assignee_key = "
            "lower(%(me)s::VARCHAR) OR followups.assignee_key IS NULL) AND followups.status = "
            "%(status_2)s::VARCHAR AND followups.due_at >= %(tomorrow)s::TIMESTAMP WITH TIME ZONE "
            "AND followups.due_at < %(week_end)s::TIMESTAMP WITH TIME ZONE ORDER BY "
            "followups.due_at, followups.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_3) AS anon_1 ORDER BY anon_1.due_at, anon_1.id \n"
            " LIMIT %(limit)s::INTEGER"
        ),
        constants={
            "status_1": "open",
            "status_2": "snoozed",
        },
        params={
            "me": "",
            "tomorrow": "utc",
            "week_end": "utc",
            "limit": "",
        },
        columns=("", "", "", "", "", "utc", "utc", "bool", "", "", "", "", ""),
    ),
    ("queue.first_replies", False): Compiled(
        sql=(
            "SELECT leads.id, leads.username, leads.display_name, leads.created_at, leads.stage, "
            "leads.stage_since, leads.source, leads.referred_by, leads.project_type \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_1)s::VARCHAR AND leads.last_messaged_at IS NULL AND "
            "leads.do_not_contact = false AND leads.source != %(param_1)s::VARCHAR ORDER BY "
            "leads.created_at, leads.id \n"
            " LIMIT %(limit)s::INTEGER"
        ),
        constants={
            "stage_1": "new",
            "param_1": "imported",
        },
        params={
            "limit": "",
        },
        columns=("", "", "", "utc", "", "utc", "", "", ""),
    ),
    ("queue.first_replies", True): Compiled(
        sql=(
            "SELECT leads.id, leads.username, leads.display_name, leads.created_at, leads.stage, "
            "leads.stage_since, leads.source, leads.referred_by, leads.project_type \n"
            "FROM leads \n"
            "WHERE leads.stage = %(stage_1)s::VARCHAR AND leads.last_messaged_at IS NULL AND "
            "leads.do_not_contact = false AND leads.source != %(param_1)s::VARCHAR AND "
            "(leads.owner_key = lower(%(me)s::VARCHAR) OR leads.owner_key IS NULL) ORDER BY "
            "leads.created_at, leads.id \n"
            " LIMIT %(limit)s::INTEGER"
        ),
        constants={
            "stage_1": "new",
            "param_1": "imported",
        },
        params={
            "me": "",
            "limit": "",
        },
        columns=("", "", "", "utc", "", "utc", "", "", ""),
    ),
    ("queue.quiet", False): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since \n"
            "FROM (SELECT anon_2.id AS id, anon_2.username AS username, anon_2.display_name AS "
            "display_name, anon_2.stage AS stage, anon_2.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_1)s::VARCHAR AND (leads.last_messaged_at IS NOT NULL OR leads.source = "
            "%(param_1)s::VARCHAR) ORDER BY leads.stage_since, leads.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_2 UNION ALL SELECT anon_3.id AS id, "
            "anon_3.username AS username, anon_3.display_name AS display_name, anon_3.stage AS "
            "stage, anon_3.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_2)s::VARCHAR ORDER BY leads.stage_since, leads.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_3 UNION ALL SELECT anon_4.id AS id, "
            "anon_4.username AS username, anon_4.display_name AS display_name, anon_4.stage AS "
            "stage, anon_4.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_3)s::VARCHAR ORDER BY leads.stage_since, leads.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_4 UNION ALL SELECT anon_5.id AS id, "
            "anon_5.username AS username, anon_5.display_name AS display_name, anon_5.stage AS "
            "stage, anon_5.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_4)s::VARCHAR ORDER BY leads.stage_since, leads.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_5) AS anon_1 ORDER BY anon_1.stage_since, "
            "anon_1.id \n"
            " LIMIT %(limit)s::INTEGER"
        ),
        constants={
            "stage_1": "new",
            "param_1": "imported",
            "stage_2": "qualified",
            "stage_3": "hot_lead",
            "stage_4": "offer_sent",
        },
        params={
            "limit": "",
        },
        columns=("", "", "", "", "utc"),
    ),
    ("queue.quiet", True): Compiled(
        sql=(
            "SELECT anon_1.id, anon_1.username, anon_1.display_name, anon_1.stage, "
            "anon_1.stage_since \n"
            "FROM (SELECT anon_2.id AS id, anon_2.username AS username, anon_2.display_name AS "
            "display_name, anon_2.stage AS stage, anon_2.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_1)s::VARCHAR AND (leads.owner_key = lower(%(me)s::VARCHAR) OR "
            "leads.owner_key IS NULL) AND (leads.last_messaged_at IS NOT NULL OR leads.source = "
            "%(param_1)s::VARCHAR) ORDER BY leads.stage_since, leads.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_2 UNION ALL SELECT anon_3.id AS id, "
            "anon_3.username AS username, anon_3.display_name AS display_name, anon_3.stage AS "
            "stage, anon_3.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_2)s::VARCHAR AND (leads.owner_key = lower(%(me)s::VARCHAR) OR "
            "leads.owner_key IS NULL) ORDER BY leads.stage_since, leads.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_3 UNION ALL SELECT anon_4.id AS id, "
            "anon_4.username AS username, anon_4.display_name AS display_name, anon_4.stage AS "
            "stage, anon_4.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_3)s::VARCHAR AND (leads.owner_key = lower(%(me)s::VARCHAR) OR "
            "leads.owner_key IS NULL) ORDER BY leads.stage_since, leads.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_4 UNION ALL SELECT anon_5.id AS id, "
            "anon_5.username AS username, anon_5.display_name AS display_name, anon_5.stage AS "
            "stage, anon_5.stage_since AS stage_since \n"
            "FROM (SELECT leads.id AS id, leads.username AS username, leads.display_name AS "
            "display_name, leads.stage AS stage, leads.stage_since AS stage_since \n"
            "FROM leads \n"
            "WHERE leads.do_not_contact = false AND leads.next_followup_at IS NULL AND leads.stage "
            "= %(stage_4)s::VARCHAR AND (leads.owner_key = lower(%(me)s::VARCHAR) OR "
            "leads.owner_key IS NULL) ORDER BY leads.stage_since, leads.id \n"
            " LIMIT %(limit)s::INTEGER) AS anon_5) AS anon_1 ORDER BY anon_1.stage_since, "
            "anon_1.id \n"
            " LIMIT %(limit)s::INTEGER"
        ),
        constants={
            "stage_1": "new",
            "param_1": "imported",
            "stage_2": "qualified",
            "stage_3": "hot_lead",
            "stage_4": "offer_sent",
        },
        params={
            "me": "",
            "limit": "",
        },
        columns=("", "", "", "", "utc"),
    ),
    ("queue.activity",): Compiled(
        sql=(
            "SELECT events.kind, events.lead_id, events.data \n"
            "FROM events \n"
            "WHERE events.kind IN (%(param_1)s::VARCHAR, %(param_2)s::VARCHAR, "
            "%(param_3)s::VARCHAR) AND events.at >= %(start)s::TIMESTAMP WITH TIME ZONE AND "
            "events.at < %(end)s::TIMESTAMP WITH TIME ZONE"
        ),
        constants={
            "param_1": "created",
            "param_2": "followup_done",
            "param_3": "message_copied",
        },
        params={
            "start": "utc",
            "end": "utc",
        },
        columns=("", "", ""),
    ),
}
