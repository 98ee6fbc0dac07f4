"""Reading what spreadsheets save: encodings, separators, and files that are no table."""

from __future__ import annotations

import codecs

import pytest

from sellerdesk.errors import Invalid
from sellerdesk.transfer.csv_read import read_table

ROWS = "Username;Notes\nanna;Café déjà vu\nbob;\"two\nlines\"\ncarl;x\n"


@pytest.mark.parametrize(
    ("encoding", "prefix", "name"),
    [
        ("utf-8", b"", "UTF-8"),
        ("utf-8", codecs.BOM_UTF8, "UTF-8 with BOM"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16"),
        ("utf-16-le", b"", "UTF-16"),
        ("cp1252", b"", "Windows-1252"),
    ],
)
def test_every_encoding_excel_writes_reads_the_same(write, encoding, prefix, name):
    path = write("leads.csv", prefix + ROWS.encode(encoding))
    table = read_table(path)
    assert table.encoding == name
    assert table.delimiter == ";"
    assert table.header == ("Username", "Notes")
    assert [row.cells for row in table.rows] == [
        ("anna", "Café déjà vu"),
        ("bob", "two\nlines"),
        ("carl", "x"),
    ]
    # A row names the line it starts on, even after a cell spanning two lines.
    assert [row.line for row in table.rows] == [2, 3, 5]


def test_excel_unicode_text_is_tab_separated_utf16(write):
    text = "Username\tLabels\nanna\tHot Lead\n"
    path = write("export.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    table = read_table(path)
    assert table.delimiter == "\t" and table.rows[0].cells == ("anna", "Hot Lead")


def test_excels_separator_hint_line_is_honoured(write):
    table = read_table(write("x.csv", "sep=;\nUsername;Notes\nanna;a,b\n"))
    assert table.header == ("Username", "Notes")
    assert table.rows[0].cells == ("anna", "a,b") and table.rows[0].line == 3


def test_blank_lines_are_skipped_and_a_header_is_tidied(write):
    table = read_table(write("x.csv", "\ufeff  User  name ,Notes\n\nanna,hi\n,\n"))
    assert table.header == ("User name", "Notes")
    assert [row.line for row in table.rows] == [3]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (codecs.BOM_UTF8, "is empty"),
        (b"Username,Notes\n", "has a header (Username, Notes) but no rows"),
        (b"Username,Notes\n\n,\n", "but no rows"),
        (bytes(range(256)) * 10, "not a text file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b"PK\x03\x04\x14\x00\x06\x00", "workbook"),
        (b"Username,Notes,username\nanna,x,y\n", "appears twice"),
    ],
)
def test_files_that_are_not_tables_get_one_sentence(write, content, says):
    with pytest.raises(Invalid) as caught:
        read_table(write("bad.csv", content))
    message = str(caught.value)
    assert says in message and "\n" not in message


def test_a_megabyte_in_one_cell_is_read_so_the_row_can_be_refused(write):
    big = "x" * 1_048_576
    table = read_table(write("big.csv", f"Username,Notes\nanna,{big}\nbob,ok\n"))
    assert len(table.rows[0].cells[1]) == 1_048_576
    assert table.rows[1].line == 3


def test_a_missing_file_or_a_folder_is_one_sentence(tmp_path):
    with pytest.raises(Invalid, match="There is no file"):
        read_table(tmp_path / "nope.csv")
    with pytest.raises(Invalid, match="is a folder"):
        read_table(tmp_path)
