"""One mailbox, one key: e-mail addresses compared and counted the same way everywhere.

`normalised_email` is the portal's one normaliser of usernames and addresses
(`portal.forms.limits.normalised_identifier`: NFKC, stripped, casefolded, so " Anna@Example.ORG "
is "anna@example.org"), under the name the innovators' code reads best with.
"""

from portal.forms.limits import normalised_identifier as normalised_email

__all__ = ["normalised_email"]
