"""Alembic migrations, shipped inside the package and run by `sellerdesk.db.open`."""
