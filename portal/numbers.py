"""Whole numbers from a request, parsed one way everywhere: page numbers, ids, years, months.

`str.isdigit()` is true of «²» and «٣», which `int()` then refuses or reads as 3, and a
number of twenty digits overflows a date or a database integer. `parse_positive_int` takes
ASCII digits only, within bounds, and answers None for anything else, so the caller decides
what a bad number means (a 404, the first page, no filter) and no input reaches `int()` raw.
`parse_decimal` does the same for decimals (a map's coordinates): no exponent, «nan» or «inf».
"""

import re

# The largest id a database integer column holds (PostgreSQL's and SQLite's bigint).
MAX_ID = 2**63 - 1
_MAX_DIGITS = len(str(MAX_ID))


def parse_positive_int(value, *, maximum: int | None = None, minimum: int = 1) -> int | None:
    """`value` (a string) as an int from `minimum` (1) to `maximum` (a database id's limit),
    written in ASCII digits and nothing else; None for anything else."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    if len(value.lstrip("0")) > _MAX_DIGITS:
        return None
    number = int(value)
    if number < minimum or number > (MAX_ID if maximum is None else maximum):
        return None
    return number


_DECIMAL = re.compile(r"-?[0-9]{1,18}(?:\.[0-9]{1,18})?")


def parse_decimal(value, *, minimum: float, maximum: float) -> float | None:
    """`value` (a string) as a float from `minimum` to `maximum`, written as ASCII digits with an
    optional minus sign and decimal point (`-10.5`, `44`); None for anything else."""
    if not isinstance(value, str) or not value.isascii() or not _DECIMAL.fullmatch(value):
        return None
    number = float(value)
    return number if minimum <= number <= maximum else None
