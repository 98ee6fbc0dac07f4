"""Errors a user can act on: each carries one plain sentence for the screen or stderr."""


class SellerdeskError(Exception):
    """Base for errors shown to the user as they are, never as a traceback."""


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
