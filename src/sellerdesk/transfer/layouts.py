"""Which column holds what: the layouts sellerdesk recognises by their headers.

- sellerdesk's own export (`sellerdesk export`): every field, restored as it was;
- Twenty's People export: "Name / First Name", "Emails / Primary Email" ... and
  the custom fields sellerdesk's Twenty export adds ("Fiverr Username", "Stage" ...);
- a lead card like seed 002's CRM (Category, Username, Website, Last Messaged,
  Next Follow-up, Labels, Notes), and any sheet whose headers all name fields.

Anything else needs a mapping: `--map COLUMN=FIELD` on the command line, or
the import screen's choices. A mapping given wins over what was recognised.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sellerdesk.errors import Invalid
from sellerdesk.transfer.fields import BY_NAME, FIELD_NAMES, field_for_header, norm, parse_field
from sellerdesk.transfer.text import shown

OWN = "sellerdesk export"
TWENTY = "Twenty people"
CARD = "lead card (seed 002)"
MAPPED = "your mapping"

# Twenty's People columns (its export writes "Field / Subfield") and what each fills.
TWENTY_COLUMNS = {
    "name first name": "first_name",
    "name last name": "last_name",
    "emails primary email": "email",
    "phones primary phone number": "note",
    "job title": "note",
    "city": "note",
    "linkedin link url": "note",
    "x link url": "note",
    "fiverr username": "username",
}
TWENTY_MARKERS = ("name first name", "emails primary email")
# The column `--skip-bad` adds to the refused rows' file: never imported.
REFUSAL_COLUMN = "Refused because"


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    field: str | None  # None: not recognised, a mapping is needed


@dataclass(frozen=True)
class Mapping:
    layout: str
    columns: tuple[Column, ...]
    ignored: tuple[str, ...] = field(default=())

    @property
    def unknown(self) -> list[str]:
        return [c.header for c in self.columns if c.field is None]

    def fields(self) -> set[str]:
        return {c.field for c in self.columns if c.field}

    def describe(self) -> list[tuple[str, str]]:
        """(column, what it fills) for every column, in file order."""
        return [(c.header, c.field or "?") for c in self.columns]

    def check(self) -> None:
        """Raise `Invalid` with the one sentence that says what is missing."""
        unknown = self.unknown
        if unknown:
            names = ", ".join(f"'{shown(name, 30)}'" for name in unknown[:8])
            more = f" and {len(unknown) - 8} more" if len(unknown) > 8 else ""
            raise Invalid(
                f"Columns not recognised: {names}{more}. Say what each holds with "
                f"--map 'COLUMN=FIELD' (or =ignore); fields: {', '.join(FIELD_NAMES)}."
            )
        have = self.fields()
        if self.layout == OWN:
            return
        if "username" not in have and not (self.layout == TWENTY and "email" in have):
            raise Invalid(
                "No column holds the Fiverr username: name one with --map 'COLUMN=username'."
            )
        repeated: dict[str, list[str]] = {}
        for column in self.columns:
            if column.field and not BY_NAME[column.field].repeatable:
                repeated.setdefault(column.field, []).append(column.header)
        for name, headers in repeated.items():
            if len(headers) > 1:
                quoted = " and ".join(f"'{shown(h, 30)}'" for h in headers)
                raise Invalid(
                    f"Two columns give the {name.replace('_', ' ')}: {quoted}; "
                    "--map one of them to ignore."
                )


def parse_maps(items: list[str]) -> dict[str, str]:
    """`--map` values ("Email Address=email") as {column: field}."""
    maps: dict[str, str] = {}
    for item in items:
        column, sep, target = item.rpartition("=")
        if not sep or not column.strip():
            raise Invalid(f"--map takes COLUMN=FIELD, not '{shown(item, 40)}'.")
        maps[column.strip()] = parse_field(target.strip())
    return maps


def detect(header: tuple[str, ...], maps: dict[str, str] | None = None) -> Mapping:
    """Recognise the file's layout from its header, then apply the mapping given."""
    from sellerdesk.transfer.own import OWN_COLUMNS, OWN_MARKERS

    maps = dict(maps or {})
    keys = [norm(name) for name in header]
    exact = {name.lower() for name in header}
    fields: list[str | None]
    if exact >= OWN_MARKERS:
        layout, own = OWN, {name: name for name in OWN_COLUMNS}
        fields = [own.get(name.lower(), "ignore") for name in header]
    elif any(marker in keys for marker in TWENTY_MARKERS):
        layout = TWENTY
        fields = [TWENTY_COLUMNS.get(k) or field_for_header(name) or "ignore"
                  for k, name in zip(keys, header, strict=True)]  # fmt: skip
    else:
        layout = CARD
        fields = [field_for_header(name) for name in header]
    columns = []
    for index, (name, guess) in enumerate(zip(header, fields, strict=True)):
        target = _mapped(name, maps)
        if target is not None:
            layout = MAPPED if layout == CARD else layout
        elif not name or name == REFUSAL_COLUMN:
            target = "ignore"
        else:
            target = guess
        columns.append(Column(index, name, target))
    if maps:
        names = ", ".join(f"'{shown(n, 30)}'" for n in header if n)
        raise Invalid(f"There is no column '{shown(next(iter(maps)), 40)}' (columns: {names}).")
    ignored = tuple(c.header for c in columns if c.field == "ignore" and c.header)
    return Mapping(layout, tuple(columns), ignored)


def _mapped(name: str, maps: dict[str, str]) -> str | None:
    """Take the mapping given for column `name` out of `maps` (matched ignoring case)."""
    for column in list(maps):
        if column == name or (norm(name) and norm(column) == norm(name)):
            return maps.pop(column)
    return None
