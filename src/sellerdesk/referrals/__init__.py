"""Referrals (seed 002): when an ask is allowed, the one reward, who brought
whom, rewards owed and redeemed.

Plain Python over the database layer; nothing here imports the TUI. Import the
submodule you need (`gate`, `reward`, `guard`, `tracking`, `recording`,
`earning`, `asking`, `report`).
"""
