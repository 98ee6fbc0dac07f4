"""One screen per module. None of them imports the database layer at import time:
data arrives from thread workers (see `sellerdesk.ui.tasks`)."""
