"""One mailbox, one key: e-mail addresses compared and counted the same way everywhere."""

import unicodedata


def normalised_email(value: str) -> str:
    """ " Anna@Example.ORG " is "anna@example.org" (NFKC, stripped, casefolded)."""
    return unicodedata.normalize("NFKC", value or "").strip().casefold()
