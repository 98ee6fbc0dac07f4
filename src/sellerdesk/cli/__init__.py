"""The `sellerdesk` command line. Imports the TUI only when launching it."""
