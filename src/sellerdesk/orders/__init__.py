"""Orders: the consent gate and pre-checks, requirements, statuses, price
disputes and the job-order checklists.

Plain Python over the database layer; nothing here imports the TUI. Import
the submodule you need (`gate`, `store`, `status`, ...): this package itself
imports nothing.
"""
