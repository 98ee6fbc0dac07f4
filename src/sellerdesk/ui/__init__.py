"""What screens and widgets share, below both: running database work off the
UI thread (`tasks.run_db`), showing user text safely, the small dialogs and
the one copy flow. Nothing here imports a screen or a widget."""
