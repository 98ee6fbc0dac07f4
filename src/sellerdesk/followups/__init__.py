"""Follow-ups: when they are due, the cadence rules that make them, and the morning queue.

Plain Python over the database layer; nothing here imports the TUI. Import the
submodule you need (`when`, `store`, `cadence`, `queue`): this package itself
imports nothing, so `sellerdesk today` loads only what it uses.
"""
