"""Sales scripts: the steps of each conversation, the answers they capture and
the gates that keep a chat on its rails. Plain Python; nothing here imports the TUI."""
