"""Message templates: the approved texts, how they are loaded, filled in and checked.

Plain Python; nothing here imports the TUI.
"""
