"""Spreadsheet-safe cells for every CSV and XLSX the portal writes (formula injection).

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (tab and carriage
return can hide one), so text the public wrote — a join request's name, a registration's needs,
a story's title — could run `=HYPERLINK(…)` or worse on an editor's machine. Every export passes
its text cells through `safe_cell`, which prefixes them with `'`: spreadsheets show the text as
it was written. Numbers, dates and booleans are left as they are; `unguard` undoes the prefix
for an import that reads back one of our own exports.
"""

import datetime
from decimal import Decimal

from django.utils.encoding import force_str

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"
PLAIN_VALUES = (bool, int, float, Decimal, datetime.date, datetime.time)


def safe_cell(value):
    """`value` as a spreadsheet shows it as text: a formula-looking string gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return GUARD + value
    return value


def safe_row(row):
    """Every cell of a row (a dict for `csv.DictWriter`, a list for `csv.writer`) made safe."""
    if isinstance(row, dict):
        return {key: safe_cell(value) for key, value in row.items()}
    return [safe_cell(value) for value in row]


def unguard(value: str) -> str:
    """The text `safe_cell` guarded, as it was (for importing our own exports)."""
    if value.startswith(GUARD) and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


class SafeSpreadsheetExportMixin:
    """For admin index views with `list_export`: every text cell of the CSV and XLSX is safe.

    Wagtail's `SpreadsheetExportMixin` turns each value into a string (or keeps it a number or a
    date) in `preprocess_field_value`; this guards the result, whatever the value's type was (a
    related page or snippet is written as its title).
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if value is None or isinstance(value, PLAIN_VALUES):
            return value
        return safe_cell(force_str(value))
