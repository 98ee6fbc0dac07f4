"""Every file location sellerdesk uses, computed on demand.

Nothing here creates folders at import time; callers ask for a path and
`ensure_parent` makes its folder when a file is about to be written.
"""

from __future__ import annotations

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
    return "sqlite:///" + str(Path(value).expanduser().resolve())


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
