"""Every file location sellerdesk uses, computed on demand.

Nothing here creates folders at import time; callers ask for a path and
`ensure_parent` makes its folder when a file is about to be written.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

APP_NAME = "sellerdesk"
DB_ENV = "SELLERDESK_DB"
CONFIG_ENV = "SELLERDESK_CONFIG_DIR"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / "sellerdesk.sqlite3"


def settings_file() -> Path:
    return config_dir() / "settings.toml"


def user_templates_dir() -> Path:
    return config_dir() / "templates"


def shipped_templates_dir() -> Path:
    """The templates that ship with the package.

    In a wheel they sit inside the package (`sellerdesk/_data/templates`);
    in a source checkout they are read from the repository's `data/templates`.
    """
    from importlib import resources

    packaged = resources.files(APP_NAME).joinpath("_data", "templates")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "data" / "templates"


def resolve_db_url(cli_value: str | None = None, configured: str | None = None) -> str:
    """The database to open: `--db`, then `$SELLERDESK_DB`, then the settings'
    `team.database` (`configured`), then the default file.

    A value containing "://" is taken as a SQLAlchemy URL (e.g. PostgreSQL, with
    whatever options it carries, TLS ones included); anything else is a path to
    a SQLite file.
    """
    value = cli_value or os.environ.get(DB_ENV) or configured or str(default_db_path())
    if "://" in value:
        return value
    return "sqlite:///" + str(user_path(value).resolve())


def user_path(text: str) -> Path:
    """A path as typed, `~` and `~name` expanded; a home folder that cannot be
    found (`~nobody`) is said in one line, not raised as a bug."""
    try:
        return Path(text).expanduser()
    except RuntimeError as exc:
        from sellerdesk.errors import Invalid

        raise Invalid(f"Cannot find the home folder that {text!r} starts with.") from exc


def shown_url(url: str) -> str:
    """The database as it may be printed: a SQLite file's path, or a server's URL
    with any password masked (in the address or as a `password=` option)."""
    import re

    path = sqlite_path(url)
    if path is not None:
        return str(path)
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    address, question, options = rest.partition("?")
    # The password sits between the first ':' of the user part and the last '@'.
    userinfo, at, host = address.rpartition("@")
    if at and ":" in userinfo:
        address = f"{userinfo.split(':', 1)[0]}:***@{host}"
    options = re.sub(r"(?i)(^|&)(password=)[^&]*", r"\1\2***", options)
    return f"{scheme}://{address}{question}{options}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and memory."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    rest = url[len(prefix) :]
    if not rest or rest == ":memory:":
        return None
    return Path(rest)


def ensure_parent(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def backup_name(db_path: Path, head: str, revision: str, stamp: str) -> Path:
    """Where the copy kept before upgrading a database's schema goes (beside it)."""
    name = f"{db_path.stem}.before-{head}-from-{revision}-{stamp}{db_path.suffix}"
    return db_path.with_name(name)


def backups_of(db_path: Path) -> list[Path]:
    """The copies kept before schema upgrades, newest first."""
    try:
        found = list(db_path.parent.glob(f"{db_path.stem}.before-*{db_path.suffix}"))
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name.rsplit("-", 2)[-2:], reverse=True)


def os_problem(exc: OSError, path: Path | str | None = None) -> str:
    """What went wrong with a file or folder, in words (no errno numbers)."""
    where = exc.filename if exc.filename is not None else path
    where = f"{where}" if where is not None else "the file"
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full (writing {where})"
    if code == errno.EROFS:
        return f"{where} is on a read-only file system"
    if code in (errno.EACCES, errno.EPERM):
        return f"permission denied for {where}"
    if code == errno.ENAMETOOLONG:
        return "a name in that path is too long for the file system"
    if code in (errno.ENOTDIR, errno.EEXIST):
        return f"{where}: a part of that path is a file, not a folder"
    if code == errno.EISDIR:
        return f"{where} is a folder, not a file"
    if code == errno.ENOENT:
        return f"{where} does not exist"
    if code == errno.ELOOP:
        return f"{where}: too many symbolic links"
    return f"{where}: {exc.strerror or exc}"


def access_problem(path: Path) -> str | None:
    """Why a database file could not be opened for reading and writing, if it shows."""
    folder = path.parent
    try:
        if path.is_dir():
            return f"{path} is a folder, not a file"
        if not folder.is_dir():
            return f"the folder {folder} does not exist"
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return f"{folder} is on a read-only file system"
        if not os.access(folder, os.W_OK | os.X_OK):
            return f"you may not write in the folder {folder}"
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            return f"you may not read and write {path}"
    except OSError as exc:
        return os_problem(exc, path)
    return None
