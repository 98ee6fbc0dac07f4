"""Errors a user can act on: each carries one plain sentence for the screen or stderr."""

from sellerdesk.safe_text import one_line


class SellerdeskError(Exception):
    """Base for errors shown to the user as they are, never as a traceback."""

    def __str__(self) -> str:
        # One line whatever the message quotes: a name with a line break or an
        # escape sequence in it is shown escaped, never split or obeyed.
        return one_line(super().__str__())


class NotFound(SellerdeskError):
    pass


class Invalid(SellerdeskError):
    pass


class Duplicate(SellerdeskError):
    pass


class Conflict(SellerdeskError):
    """Someone else changed the record since it was read."""


class DatabaseError(SellerdeskError):
    pass


class DatabaseTooNew(DatabaseError):
    pass


class DatabaseLocked(DatabaseError):
    pass


class DatabaseDamaged(DatabaseError):
    """The file is an SQLite database, but some of its pages cannot be read."""


class StorageError(SellerdeskError):
    """A file or folder could not be read or written (permissions, read-only, no such place)."""


class DiskFull(StorageError):
    pass
