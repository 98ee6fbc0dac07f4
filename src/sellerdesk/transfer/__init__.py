"""Data in and out: importing spreadsheets, exporting (CSV, JSON, Twenty), backups.

Plain Python over a `Database`, free of Textual: the CLI, the import screen
and the tests all call the same functions.
"""
