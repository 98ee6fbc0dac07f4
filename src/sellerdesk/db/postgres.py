"""What a PostgreSQL engine needs beyond SQLAlchemy's defaults.

Each write unit also sends a notice as it commits, signed with its database's
token, which open apps listen for (`sellerdesk.live`).

Write units take turns, as they do on SQLite (`BEGIN IMMEDIATE` holds the
file): each begins by taking one transaction-scoped advisory lock, so a unit
that reads and then writes (the next direct order number, a referral reward
earned once, a username not yet taken) never interleaves with another's.
Readers never wait. A writer waits as long as a SQLite write waits for the
file (`BUSY_TIMEOUT_S`, as `lock_timeout`), then fails with a clear sentence.

PostgreSQL text cannot hold a NUL character, which SQLite stores as it is
(a paste from a broken page can carry one). Rather than refuse the whole
write, a NUL is stored as the four characters `\\x00`: exactly what every
screen and command shows for it on SQLite (`sellerdesk.safe_text`), so the
lead reads the same on both engines.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event

# Open apps LISTEN here for others' changes (`sellerdesk.live`).
CHANNEL = "sellerdesk"
# Any constant: the one lock every write unit of every sellerdesk takes.
WRITE_LOCK = 0x5E11E2D35C
NUL = "\x00"
NUL_SHOWN = "\\x00"


def install_hooks(engine: Engine, *, lock_timeout_s: float) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # A write waits for another's lock as long as a SQLite write waits for
        # the file, then fails (DatabaseLocked) rather than hang the screen.
        with dbapi_conn.cursor() as cur:
            cur.execute(f"SET lock_timeout = {int(lock_timeout_s * 1000)}")
        dbapi_conn.commit()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        token = conn.get_execution_options().get("write_unit")
        if token:
            # The notice goes out when the unit commits, and never if it rolls back.
            conn.exec_driver_sql(
                f"SELECT pg_advisory_xact_lock({WRITE_LOCK}), pg_notify(%(channel)s, %(token)s)",
                {"channel": CHANNEL, "token": str(token)},
            )

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _without_nul(conn, cursor, statement, parameters, context, executemany):
        return statement, _clean(parameters)


def _clean(parameters: Any) -> Any:
    if isinstance(parameters, dict):
        if not any(isinstance(v, str) and NUL in v for v in parameters.values()):
            return parameters
        return {key: _clean_value(value) for key, value in parameters.items()}
    if isinstance(parameters, list):
        return [_clean(row) for row in parameters]
    if isinstance(parameters, tuple):
        return tuple(_clean_value(value) for value in parameters)
    return parameters


def _clean_value(value: Any) -> Any:
    if isinstance(value, str) and NUL in value:
        return value.replace(NUL, NUL_SHOWN)
    if isinstance(value, dict | list | tuple):
        return _clean(value)
    return value


# What the server or the driver says, and the sentence a person can act on.
_REASONS = (
    ("password authentication failed", "the server refused the user name or password"),
    ("no password supplied", "the server wants a password and the URL holds none"),
    ("does not exist", None),  # the server's own words name the database or role
    ("connection refused", "nothing answers at that address (is the server running?)"),
    ("timeout expired", "the server did not answer in time"),
    ("could not translate host name", "that server name could not be found"),
    ("server closed the connection", "the server closed the connection"),
    ("ssl", None),
)


def describe_error(exc: BaseException) -> str:
    """One line saying why a server could not be reached or used, whatever the
    driver's message looked like (it often spans lines)."""
    text = str(getattr(exc, "orig", None) or exc)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    folded = text.lower()
    for needle, reason in _REASONS:
        if needle in folded:
            if reason is not None:
                return reason
            for line in lines:
                if needle in line.lower():
                    return _after_failed(line)
    return _after_failed(lines[0]) if lines else type(exc).__name__


def _after_failed(line: str) -> str:
    # 'connection to server at "h", port 5432 failed: FATAL:  database "x" does not exist'
    return line.rsplit("failed: ", 1)[-1].replace("FATAL:", "").strip()
