"""An e-mail backend whose connection breaks after a number of messages, like an SMTP server
that drops the line mid-run (Django's locmem backend otherwise)."""

import smtplib

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend


class BreakingBackend(EmailBackend):
    limit = 3  # messages accepted over the whole test before the line drops
    refused: set[str] = set()  # addresses the server refuses for good
    opened = 0

    def open(self):
        type(self).opened += 1
        return True

    def send_messages(self, messages):
        for message in messages:
            if set(message.to) & self.refused:
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"no such user")})
        if len(mail.outbox) >= self.limit:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
