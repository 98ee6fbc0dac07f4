"""The database layer: engine and sessions, models, schema version, migrations."""
