"""Reading a spreadsheet saved as CSV, whatever saved it.

Excel and friends write UTF-8 with or without a byte-order mark, UTF-16
("Unicode text", tab-separated), `;` as the separator where the comma is the
decimal mark, and Windows-1252 from older versions. The file is read whole
(a 100,000-row sheet is a few megabytes), decoded, and split into rows that
remember the line they start on, so every refusal can name it.

A sellerdesk JSON export is read here too and comes back as the same kind of
table (see `sellerdesk.transfer.own`).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from sellerdesk.errors import Invalid
from sellerdesk.transfer.text import shown

MAX_FILE_BYTES = 256 * 1024 * 1024
# A cell may be large (an exported timeline); the fields say how large each may be.
MAX_CELL = 32 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # where the row starts: line 1 is the header
    cells: tuple[str, ...]


@dataclass
class Table:
    path: Path
    header: tuple[str, ...]
    rows: list[Row]
    encoding: str
    delimiter: str = ","
    where: str = "line"  # how a row is named in messages: "line 12", or "lead 12" in JSON
    notes: list[str] = field(default_factory=list)


def read_table(path: Path) -> Table:
    """Read `path` as a table; raises `Invalid` with one sentence when it cannot be one."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise Invalid(
                f"{name} is {size // (1024 * 1024)} MB; sellerdesk imports files up to "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB — split it into smaller files."
            )
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise Invalid(f"{path} is a folder, not a file.") from exc
    except FileNotFoundError as exc:
        raise Invalid(f"There is no file {path}.") from exc
    except OSError as exc:
        raise Invalid(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    text, encoding = decode(data, name)
    if not text.strip():
        raise Invalid(f"{name} is empty: there is no header and no rows to import.")
    if text.lstrip().startswith(("{", "[")):
        return table_from_json(path, text, encoding)
    return parse(path, text, encoding)


def decode(data: bytes, name: str = "the file") -> tuple[str, str]:
    """The file's text and the name of the encoding it was read in."""
    if data.startswith(b"PK\x03\x04"):
        raise Invalid(
            f"{name} is a spreadsheet workbook (.xlsx or .ods), not CSV: save it as "
            "\"CSV UTF-8\" and import that file."
        )
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name), "UTF-8 with BOM"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "UTF-16"
    unmarked = _unmarked_utf16(data)
    if unmarked:
        return _strict(data, unmarked, name), "UTF-16"
    if b"\x00" in data:
        raise Invalid(f"{name} is not a text file (it holds binary data); nothing was imported.")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if _CONTROL.search(text) or text.count("\ufffd") > len(text) // 100:
        raise Invalid(f"{name} is not a text file (it holds binary data); nothing was imported.")
    return text, "Windows-1252"


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Invalid(
            f"{name} is not valid {encoding.upper()} (byte {exc.start + 1}); "
            "save it again as CSV UTF-8."
        ) from exc


def _unmarked_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: every other byte of ASCII text is zero."""
    head = data[:2000]
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.9 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.9 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def parse(path: Path, text: str, encoding: str) -> Table:
    notes: list[str] = []
    first_line = 1
    # Excel's own hint on the first line: "sep=;".
    hint = re.match(r"sep=(.)\r?\n", text)
    if hint:
        delimiter = hint.group(1)
        text = text[hint.end() :]
        first_line = 2
    else:
        delimiter = sniff(text)
    if delimiter != ",":
        notes.append(f"separator {'tab' if delimiter == chr(9) else repr(delimiter)}")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    old_limit = csv.field_size_limit(MAX_CELL)
    rows: list[Row] = []
    try:
        header: list[str] | None = None
        ended = 0
        for cells in reader:
            start = ended + first_line
            ended = reader.line_num
            if header is None:
                header = cells
                continue
            if not any(cell.strip() for cell in cells):
                continue  # a blank line, or a row of empty cells
            rows.append(Row(start, tuple(cells)))
    except csv.Error as exc:
        raise Invalid(
            f"{path.name} line {ended + first_line}: {exc}; nothing was imported."
        ) from exc
    finally:
        csv.field_size_limit(old_limit)
    if header is None or not any(cell.strip() for cell in header):
        raise Invalid(f"{path.name} is empty: there is no header and no rows to import.")
    names = clean_header(header, path.name)
    if not rows:
        raise Invalid(
            f"{path.name} has a header ({', '.join(shown(n, 30) for n in names if n)}) "
            "but no rows to import."
        )
    return Table(path, names, rows, encoding, delimiter, "line", notes)


def clean_header(header: list[str], name: str) -> tuple[str, ...]:
    names = [" ".join(cell.replace("\ufeff", "").split()) for cell in header]
    seen: dict[str, int] = {}
    for index, column in enumerate(names, start=1):
        if not column:
            continue
        key = column.lower()
        if key in seen:
            raise Invalid(
                f"{name}: the column '{shown(column, 40)}' appears twice "
                f"(columns {seen[key]} and {index}); rename one."
            )
        seen[key] = index
    return tuple(names)


def sniff(text: str) -> str:
    """The separator the header line uses: the most frequent of `,` `;` and tab."""
    line = _first_record(text)
    counts = {d: _count_outside_quotes(line, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _first_record(text: str) -> str:
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            return text[:index]
    return text


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def table_from_json(path: Path, text: str, encoding: str):
    """A sellerdesk JSON export read as a table of the same cells its CSV has."""
    from sellerdesk.transfer.own import OWN_COLUMNS, lead_cells

    try:
        document = json.loads(text)
    except ValueError as exc:
        raise Invalid(f"{path.name} is not valid JSON ({exc}); nothing was imported.") from exc
    leads = document.get("leads") if isinstance(document, dict) else document
    if not isinstance(leads, list) or (
        isinstance(document, dict) and document.get("what", "leads") != "leads"
    ):
        raise Invalid(
            f"{path.name} is not a sellerdesk leads export (JSON with a \"leads\" list)."
        )
    if not leads:
        raise Invalid(f"{path.name} holds no leads to import.")
    rows = []
    for index, lead in enumerate(leads, start=1):
        if not isinstance(lead, dict):
            lead = {}
        rows.append(Row(index, tuple(lead_cells(lead))))
    return Table(path, OWN_COLUMNS, rows, encoding, ",", "lead")
