"""How the business is doing, from the timeline: daily targets, the stage
funnel, first replies and the response rate, which messages win, orders and
referrals.

Plain Python over the database layer, one module per figure, each returning
frozen dataclasses; the insight screen and `sellerdesk report` both call
`sellerdesk.insight.report.build`. The figures read summaries of the timeline
(`summary.py`) kept up to date from the events written since they last ran,
never the whole timeline. This package itself imports nothing.
"""
